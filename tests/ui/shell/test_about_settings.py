"""The about box and the settings dialog."""

import platform

import PySide6
from PySide6.QtCore import QSettings, qVersion

from raadsakkoord import __version__
from raadsakkoord.base import i18n
from ui.shell import aboutdialog
from ui.shell.aboutdialog import AboutDialog, show_about
from ui.shell.settingsdialog import SettingsDialog, current_language_setting


def test_about_names_version_licence_and_what_it_runs_on(qtbot, settings):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.text.text()
    for expected in ("Raadsakkoord", f"Versie {__version__}", "EUPL-1.2", "gemeenteraad",
                     f"Qt {qVersion()}", f"PySide6 {PySide6.__version__}", f"Python {platform.python_version()}"):
        assert expected in text, expected


def test_about_of_a_bundle_says_when_and_from_which_commit_it_was_built(qtbot, settings, tmp_path, monkeypatch):
    from raadsakkoord.base import provenance

    build = tmp_path / "_build.json"
    build.write_text('{"version": "0.1.0", "date": "2026-12-01T10:00:00Z", "commit": "954faa2"}', encoding="utf-8")
    monkeypatch.setattr(provenance, "_build_file", lambda: build)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert f"Versie {__version__}, gebouwd op 2026-12-01T10:00:00Z uit commit 954faa2" in dialog.text.text()


def test_show_about_opens_and_closes(qtbot, settings, monkeypatch):
    shown = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self.windowTitle()) or 1)
    show_about(None)
    assert shown == ["Over Raadsakkoord"]
    assert aboutdialog.LICENCE == "EUPL-1.2"


def test_the_language_defaults_to_dutch(settings):
    assert current_language_setting() == "nl"
    settings.setValue("language", "xx")
    assert current_language_setting() == "nl"


def test_choosing_english_is_stored_for_the_next_start(qtbot, settings):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.language.itemText(i) for i in range(dialog.language.count())] == ["Nederlands", "English"]
    assert dialog.language.currentText() == "Nederlands"
    assert not dialog.save_button.isEnabled()  # nothing changed yet
    assert "opnieuw start" in dialog.note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    assert QSettings().value("language") == "en"
    assert current_language_setting() == "en"
    assert i18n.language() == "nl"  # the running application keeps its language until restarted
    again = SettingsDialog()
    qtbot.addWidget(again)
    assert again.language.currentText() == "English"


def test_cancel_keeps_the_setting(qtbot, settings):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.reject()
    assert current_language_setting() == "nl"


def test_the_dialogs_read_in_english(qtbot, settings):
    i18n.set_language("en")
    try:
        dialog = SettingsDialog()
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Settings" and "restart" in dialog.note.text()
        about = AboutDialog()
        qtbot.addWidget(about)
        assert "Version" in about.text.text() and "Free software" in about.text.text()
    finally:
        i18n.set_language("nl")

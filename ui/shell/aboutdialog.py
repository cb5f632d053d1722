"""Over Raadsakkoord: name, version, licence, and what the application runs on; and the short help."""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from raadsakkoord.base.i18n import tr
from raadsakkoord.base.provenance import provenance
from ui.common import messages

LICENCE = "EUPL-1.2"
LICENCE_URL = "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12"


def about_html() -> str:
    description = tr(
        "Met Raadsakkoord schrijven alle fracties van een gemeenteraad samen een raadsakkoord: elke "
        "fractie stelt hoofdlijnen voor, dient amendementen in en geeft per hoofdlijn aan of zij die "
        "steunt, ook onderweg en zonder internet. De griffie voegt de bijdragen samen, laat zien waar "
        "voorstellen botsen en publiceert de volgende conceptronde, tot het definitieve akkoord met de "
        "uitwerkingsopdrachten voor het college.")
    runs_on = tr("Qt {qt} (PySide6 {pyside}), Python {python}").format(
        qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version())
    licence = tr("Vrije software onder de {licence}-licentie.").format(
        licence=f"<a href='{LICENCE_URL}'>{LICENCE}</a>")
    which = provenance()
    version = tr("Versie {version}").format(version=which.version)
    if which.date or which.commit:  # a bundle says when and from what it was built, for the helpdesk
        version += ", " + which.build_text()
    return (f"<h2>Raadsakkoord</h2>"
            f"<p>{html.escape(version)}</p>"
            f"<p>{html.escape(description)}</p>"
            f"<p>{licence}</p>"
            f"<p style='color:gray'>{html.escape(runs_on)}</p>")


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Over Raadsakkoord"))
        self.text = QLabel(about_html())
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setOpenExternalLinks(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        buttons = QDialogButtonBox()
        close = buttons.addButton(tr("Sluiten"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


def show_about(parent: QWidget | None) -> None:
    dialog = AboutDialog(parent)
    dialog.exec()
    dialog.deleteLater()


def help_text(griffie: bool) -> str:
    """Where things are and the keys that matter, for the work of the one who asks."""
    if griffie:
        return tr(
            "U werkt als de griffie. Kies links een hoofdlijn; het tabblad Consolidatie toont de open "
            "amendementen, hun steun en welke botsen (een rode ✕ in het rooster). Vink amendementen aan die "
            "samen kunnen en zie de tekst die dan ontstaat; daarna aanvaarden, gedeeltelijk overnemen, "
            "verwerpen of laten vervallen. Aanvaarden geeft de hoofdlijn een nieuwe tekst: de standpunten "
            "van de fracties worden dan verouderd tot zij ze opnieuw geven; dat wordt vooraf gezegd. Elk "
            "besluit is terug te draaien (Ctrl+Z) tot de volgende ronde is gepubliceerd.\n\n"
            "Griffie → Ronde publiceren… legt de huidige teksten vast als conceptronde of als definitieve "
            "ronde; kan dat niet, dan staat de reden boven de knop. Maak daarna het rondepakket voor de "
            "fracties. Griffie → Ontvangen pakketten toont wat elke fractie stuurde; Bestand → Pakketten "
            "inlezen… (of een pakket op het venster slepen) leest ze in. Griffie → Logboek toont wie wat "
            "deed en of er iets achteraf is gewijzigd.\n\n"
            "Beeld → Steunmatrix en Beeld → Uitwerkingsagenda geven het overzicht; Bestand → Exporteren… "
            "maakt de PDF, Word, OpenDocument of Markdown van een ronde.\n\n"
            "Sneltoetsen: Ctrl+O openen, Ctrl+Z ongedaan maken, Ctrl+Shift+Z opnieuw, Ctrl+F zoeken, F1 "
            "deze hulp.")
    return tr(
        "Kies links een hoofdlijn. Rechts ziet u de tekst, de wijzigingen sinds de vorige ronde, de "
        "geschiedenis en de amendementen.\n\n"
        "Amendement schrijven: kies „Amendement schrijven”, pas de tekst aan en zie rechts meteen wat er "
        "verandert. Uw werk wordt elke paar seconden automatisch bewaard; Ctrl+S slaat het ontwerp op, "
        "„Indienen” maakt het klaar voor de griffie.\n\n"
        "Sneltoetsen: Ctrl+O openen, Ctrl+S opslaan, Ctrl+Z ongedaan maken, Ctrl+Shift+Z opnieuw, "
        "Ctrl+F zoeken, F1 deze hulp.")


def show_help(parent: QWidget | None, *, griffie: bool = False) -> None:
    """The short help of the Help menu, for the griffie's work or a party's."""
    messages.show_info(parent, tr("Hulp"), help_text(griffie))

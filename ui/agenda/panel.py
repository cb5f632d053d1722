"""The form beside the agenda: one task's fields, to read or to edit.

The panel only holds values; the view saves them through the core
(ui.agenda.commands). It knows the values it was loaded with, so it can tell
whether the user changed anything, and merge a newer copy of the task under
the user's edits after someone else saved first.
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from raadsakkoord.queries.agenda import SectionChoice, TaskRow, parse_euro
from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import ParticipationLevel, TaskStatus
from raadsakkoord.base.text import canonical_markdown
from ui.agenda.sectionchoices import SectionChoiceModel
from ui.agenda.labels import amount_text, level_name, status_name
from ui.common.rowmenu import RowMenu, button_action

DATE_FORMAT = "d-M-yyyy"  # how Dutch people type a date; independent of the system's locale


def new_task_fields() -> dict:
    """What a new task starts with: the griffie plans it, residents are at least informed."""
    return dict(title="", description="", portfolio_holder="", participation_level=ParticipationLevel.INFORMEREN,
                stakeholders=[], due_date=None, budget_eur=None, status=TaskStatus.PLANNED, section_ids=[])


def _canonical(text: str) -> str:
    """The description as the core stores it, so an untouched one compares equal; bad text stays as typed."""
    try:
        return canonical_markdown(text)
    except InputError:
        return text


def split_stakeholders(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


class TaskPanel(QWidget):
    save_requested = Signal()
    discard_requested = Signal()
    new_requested = Signal()
    section_activated = Signal(object)  # section id
    dirty_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: TaskRow | None = None  # None while writing a new task
        self.base: dict | None = None  # the values loaded into the form; None: nothing shown
        self.editable = True
        self._loading = False
        self._dirty = False
        self._build()
        self.show_nothing()

    # -- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.new_button = QPushButton(tr("&Nieuwe opdracht"))
        self.new_button.setToolTip(tr("Een nieuwe uitwerkingsopdracht voor het college invullen"))
        self.new_button.clicked.connect(self.new_requested)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.new_button)
        self.origin = QLabel()
        self.origin.setStyleSheet("color: #555555;")
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #8a4b00;")

        self.fields = QWidget()
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_edit = QLineEdit()
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMinimumHeight(72)
        self.description_edit.setMaximumHeight(120)
        self.holder_combo = QComboBox()
        self.holder_combo.setEditable(True)
        self.holder_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Portfolio names are long; the field grows with the panel instead of widening it.
        self.holder_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.holder_combo.setMinimumContentsLength(16)
        self.holder_combo.lineEdit().setPlaceholderText(tr("bijv. wethouder Wonen"))
        self.level_combo = QComboBox()
        for level in ParticipationLevel:
            self.level_combo.addItem(level_name(level), level)
        self.level_combo.setToolTip(tr("De trede van de participatieladder: hoeveel inwoners meebepalen"))
        self.status_combo = QComboBox()
        for status in TaskStatus:
            self.status_combo.addItem(status_name(status), status)
        self.stakeholders_edit = QLineEdit()
        self.stakeholders_edit.setPlaceholderText(tr("gescheiden door komma's"))
        self.due_check = QCheckBox(tr("Uiterste datum"))
        self.due_edit = QDateEdit()
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat(DATE_FORMAT)
        self.due_edit.setAccessibleName(tr("Uiterste datum"))
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        self.budget_edit = QLineEdit()
        self.budget_edit.setPlaceholderText(tr("bijv. 250.000"))
        self.budget_edit.setToolTip(tr("Een raming in hele euro's; laat leeg als er nog geen bedrag is"))
        self.budget_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.budget_edit.editingFinished.connect(self._tidy_budget)
        budget_row = QHBoxLayout()
        budget_row.addWidget(QLabel("€"))
        budget_row.addWidget(self.budget_edit, 1)
        budget_row.addStretch(1)

        def labelled(text: str, widget: QWidget) -> QLabel:
            label = QLabel(text)
            label.setBuddy(widget)
            return label

        form.addRow(labelled(tr("&Titel"), self.title_edit), self.title_edit)
        form.addRow(labelled(tr("&Omschrijving"), self.description_edit), self.description_edit)
        form.addRow(labelled(tr("&Portefeuillehouder"), self.holder_combo), self.holder_combo)
        form.addRow(labelled(tr("Pa&rticipatieniveau"), self.level_combo), self.level_combo)
        form.addRow(labelled(tr("St&atus"), self.status_combo), self.status_combo)
        form.addRow(labelled(tr("Be&langhebbenden"), self.stakeholders_edit), self.stakeholders_edit)
        form.addRow(self.due_check, self.due_edit)
        form.addRow(labelled(tr("Bud&get"), self.budget_edit), budget_row)

        self.sections = SectionChoiceModel(self)
        self.section_list = QListView()
        self.section_list.setModel(self.sections)
        self.section_list.setAccessibleName(tr("Hoofdlijnen waaruit de opdracht volgt"))
        self.section_list.setMinimumHeight(120)
        self.section_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long titles elide
        sections_label = labelled(tr("&Volgt uit hoofdlijnen (dubbelklik om te openen):"), self.section_list)
        sections_label.setWordWrap(True)
        self.open_section_button = QPushButton(tr("Hoofdli&jn openen"))
        self.open_section_button.setToolTip(tr("De gekozen hoofdlijn in het raadsakkoord tonen"))
        self.open_section_button.clicked.connect(lambda: self._open_section(self.section_list.currentIndex()))
        open_action = button_action(self.open_section_button)
        self.section_menu = RowMenu(self.section_list, [open_action], default=open_action)

        self.save_button = QPushButton(tr("Op&slaan"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_requested)
        self.discard_button = QPushButton(tr("Wijzigingen weggooien"))
        self.discard_button.setToolTip(tr("De velden terugzetten op de opgeslagen gegevens"))
        self.discard_button.clicked.connect(self.discard_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_section_button)
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.origin)
        layout.addWidget(self.reason)
        layout.addWidget(self.fields)
        layout.addWidget(sections_label)
        layout.addWidget(self.section_list, 1)
        layout.addLayout(buttons)

        for signal in (self.title_edit.textChanged, self.description_edit.textChanged,
                       self.holder_combo.currentTextChanged, self.level_combo.currentIndexChanged,
                       self.status_combo.currentIndexChanged, self.stakeholders_edit.textChanged,
                       self.due_check.toggled, self.due_edit.dateChanged, self.budget_edit.textChanged,
                       self.sections.checked_changed):
            signal.connect(self._changed)

    # -- what is shown --------------------------------------------------------------------

    def set_choices(self, choices: list[SectionChoice], holders: list[str]) -> None:
        """The sections to link to and the portfolio holders to pick from (typing a new one is fine)."""
        self._loading = True
        self.sections.set_choices(choices)
        text = self.holder_combo.currentText()
        self.holder_combo.clear()
        self.holder_combo.addItems([h for h in holders if h])
        self.holder_combo.setCurrentText(text)
        self._loading = False

    def set_editable(self, editable: bool, reason: str = "") -> None:
        """A party reads the agenda; the reason says why it cannot change it."""
        self.editable = editable
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))
        self.fields.setEnabled(editable and self.base is not None)
        self.sections.set_editable(editable and self.base is not None)
        self.new_button.setEnabled(editable)
        self._update_buttons()

    def show_nothing(self) -> None:
        self.row, self.base = None, None
        self.heading.setText(tr("Kies een opdracht"))
        self.origin.setText(tr("Kies links een opdracht om haar te bekijken of te wijzigen."))
        self._fill(new_task_fields())
        self.set_editable(self.editable, self.reason.text())

    def show_task(self, row: TaskRow) -> None:
        self.row, self.base = row, row.fields()
        self.heading.setText(row.title)
        self.origin.setText(tr("Voorgesteld door {party}").format(party=row.proposed_by) if row.proposed_by
                            else tr("Opgesteld door de griffie"))
        self._fill(self.base)
        self.set_editable(self.editable, self.reason.text())

    def start_new(self) -> None:
        self.row, self.base = None, new_task_fields()
        self.heading.setText(tr("Nieuwe opdracht"))
        self.origin.setText(tr("Vul ten minste de titel in en kies dan Opslaan."))
        self._fill(self.base)
        self.set_editable(self.editable, self.reason.text())
        self.title_edit.setFocus()

    @property
    def task_id(self) -> uuid.UUID | None:
        return self.row.id if self.row else None

    @property
    def is_new(self) -> bool:
        return self.row is None and self.base is not None

    def _fill(self, fields: dict) -> None:
        self._loading = True
        self.title_edit.setText(fields["title"])
        self.description_edit.setPlainText(fields["description"])
        self.holder_combo.setCurrentText(fields["portfolio_holder"])
        self.level_combo.setCurrentIndex(self.level_combo.findData(fields["participation_level"]))
        self.status_combo.setCurrentIndex(self.status_combo.findData(fields["status"]))
        self.stakeholders_edit.setText(", ".join(fields["stakeholders"]))
        self.stakeholders_edit.setCursorPosition(0)
        self.title_edit.setCursorPosition(0)
        self.holder_combo.lineEdit().setCursorPosition(0)
        day = fields["due_date"]
        self.due_check.setChecked(day is not None)
        self.due_edit.setEnabled(day is not None)
        self.due_edit.setDate(QDate(day.year, day.month, day.day) if day else QDate.currentDate())
        self.budget_edit.setText(amount_text(fields["budget_eur"]))
        self.sections.set_checked(fields["section_ids"])
        first = self.sections.row_of(fields["section_ids"][0]) if fields["section_ids"] else 0
        self.section_list.doItemsLayout()  # the reset above lays out later; scroll in the new layout
        self.section_list.scrollTo(self.sections.index(max(first, 0)), QListView.ScrollHint.PositionAtTop)
        self._loading = False
        self._set_dirty(False)

    # -- what the user typed --------------------------------------------------------------

    def _form(self) -> dict:
        """The form as typed, the budget still as text."""
        day = self.due_edit.date()
        return dict(
            title=self.title_edit.text().strip(),
            description=_canonical(self.description_edit.toPlainText()),
            portfolio_holder=self.holder_combo.currentText().strip(),
            participation_level=ParticipationLevel(self.level_combo.currentData()),
            stakeholders=list(dict.fromkeys(split_stakeholders(self.stakeholders_edit.text()))),
            due_date=dt.date(day.year(), day.month(), day.day()) if self.due_check.isChecked() else None,
            budget_eur=self.budget_edit.text(),
            status=TaskStatus(self.status_combo.currentData()),
            section_ids=self.sections.checked(),
        )

    def values(self) -> dict:
        """The form as ``add_task``/``edit_task`` fields; InputError for an amount that is no amount."""
        fields = self._form()
        fields["budget_eur"] = parse_euro(fields["budget_eur"])
        return fields

    def is_dirty(self) -> bool:
        return self._dirty

    def _changed(self, *_args) -> None:
        if not self._loading:
            self._set_dirty(self._differs())

    def _differs(self) -> bool:
        if self.base is None:
            return False
        try:
            return self.values() != self.base
        except InputError:
            return True  # an amount being typed is a change, even before it reads as one

    def _set_dirty(self, dirty: bool) -> None:
        changed = dirty != self._dirty
        self._dirty = dirty
        self._update_buttons()
        if changed:
            self.dirty_changed.emit(dirty)

    def _update_buttons(self) -> None:
        can_edit = self.editable and self.base is not None
        self.save_button.setEnabled(can_edit and (self._dirty or self.is_new))
        self.discard_button.setEnabled(can_edit and self._dirty)

    def rebase(self, newer: TaskRow) -> None:
        """Someone else saved first: take their values where the user changed nothing, keep the user's edits."""
        mine, old, theirs = self._form(), self.base or newer.fields(), newer.fields()
        merged = {key: mine[key] if mine[key] != old[key] else theirs[key] for key in theirs if key != "budget_eur"}
        try:
            budget_untouched = parse_euro(mine["budget_eur"]) == old["budget_eur"]
        except InputError:
            budget_untouched = False
        merged["budget_eur"] = theirs["budget_eur"] if budget_untouched else None
        self.row, self.base = newer, theirs
        self._fill(merged)
        if not budget_untouched:
            self.budget_edit.setText(mine["budget_eur"])
        self.heading.setText(newer.title)
        self._set_dirty(self._differs())

    def _tidy_budget(self) -> None:
        """Show a typed amount the Dutch way ("250000" becomes "250.000"); what is no amount, saving refuses."""
        try:
            amount = parse_euro(self.budget_edit.text())
        except InputError:
            return
        tidy = amount_text(amount)
        if tidy != self.budget_edit.text():
            self.budget_edit.setText(tidy)

    def _open_section(self, index) -> None:
        choice = self.sections.choice(index.row()) if index.isValid() else None
        if choice is not None:
            self.section_activated.emit(choice.id)

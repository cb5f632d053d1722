"""Graphics that carry meaning keep 3:1 against what is next to them (WCAG 1.4.11): the parts of a support
bar, the marks of the collision grid and the agenda's timeline, and the keyboard's focus ring."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication

from ui.agenda.labels import STATUS_COLOURS
from ui.common.contrast import contrast
from ui.common.focusring import FOCUS_COLOUR
from ui.common.supportbar import (
    ABSTAIN_COLOUR,
    ABSTAIN_PATTERN,
    BAR_GROUND,
    OPPOSE_COLOUR,
    OPPOSE_PATTERN,
    SUPPORT_COLOUR,
    paint_seat_bar,
)
from ui.griffie.consolidationmodels import CONFLICT_BACKGROUND, CONFLICT_FOREGROUND
from ui.shell.app import configure_application

GRAPHICS = 3.0
WHITE = QColor("#ffffff")


@pytest.mark.parametrize("part", [SUPPORT_COLOUR, OPPOSE_COLOUR, ABSTAIN_COLOUR], ids=["voor", "tegen", "onthouding"])
def test_each_part_of_a_support_bar_stands_out_from_the_bar_and_its_separators(part):
    # Silent seats and the lines between parts are the bar's white ground: each part keeps 3:1 against it.
    assert contrast(part, BAR_GROUND) >= GRAPHICS, part.name()


def test_neighbouring_parts_of_a_bar_are_parted_by_a_line_of_the_ground(qapp):
    image = QImage(90, 12, QImage.Format.Format_RGB32)
    image.fill(QColor("#123456"))
    painter = QPainter(image)
    paint_seat_bar(painter, QRect(0, 0, 90, 12), ((10, SUPPORT_COLOUR), (10, OPPOSE_COLOUR, OPPOSE_PATTERN),
                                                   (10, ABSTAIN_COLOUR, ABSTAIN_PATTERN)), 30)
    painter.end()
    # Red beside green is 1.1:1: where one part ends and the next begins, a column of the ground.
    for boundary in (30, 60):
        column = {image.pixelColor(boundary, y).name() for y in range(2, 10)}
        assert column == {BAR_GROUND.name()}, (boundary, column)


def test_the_collision_marks_stand_out_from_their_cell_and_the_cells_around(qapp):
    assert contrast(CONFLICT_FOREGROUND, CONFLICT_BACKGROUND) >= GRAPHICS
    assert contrast(CONFLICT_FOREGROUND, WHITE) >= GRAPHICS


@pytest.mark.parametrize("status", list(STATUS_COLOURS), ids=lambda status: status.value)
def test_the_timeline_dots_stand_out_from_the_timeline(qapp, status):
    assert contrast(QColor(STATUS_COLOURS[status]), QApplication.palette().color(QPalette.ColorRole.Base)) \
        >= GRAPHICS


def test_the_focus_ring_stands_out_from_the_window_and_the_button_it_rings(qapp):
    configure_application(qapp)
    palette = QApplication.palette()
    role = QPalette.ColorRole
    for ground in (role.Window, role.Button, role.Base):
        assert contrast(FOCUS_COLOUR, palette.color(ground)) >= GRAPHICS, ground

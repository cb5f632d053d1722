"""Filter bars wrap instead of widening the window, and status texts shorten with the whole text in a tooltip."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.common.elidedlabel import ElidedLabel
from ui.common.flowlayout import FlowLayout, labelled


def _bar(qtbot, count: int = 5) -> tuple[QWidget, list[QWidget]]:
    bar = QWidget()
    qtbot.addWidget(bar)
    layout = FlowLayout(bar, spacing=8)
    fields = []
    for n in range(count):
        combo = QComboBox()
        combo.addItem(f"keuze nummer {n} met een lange naam")
        layout.addWidget(labelled(f"&Veld {n}:", combo))
        fields.append(combo)
    layout.addWidget(labelled("&Zoeken:", QLineEdit(), stretch=True))
    return bar, fields


def test_a_narrow_bar_wraps_into_more_rows_and_nothing_overlaps(qtbot):
    bar, _ = _bar(qtbot)
    layout = bar.layout()
    wide, narrow = layout.sizeHint().width() + 20, layout.minimumSize().width()
    assert narrow < wide / 3  # as narrow as the widest field, not all of them side by side
    assert layout.heightForWidth(narrow) > 2 * layout.heightForWidth(wide)
    bar.resize(narrow, layout.heightForWidth(narrow))
    bar.show()
    qtbot.waitExposed(bar)
    groups = [layout.itemAt(i).widget() for i in range(layout.count())]
    rects = [g.geometry() for g in groups]
    assert all(bar.rect().contains(r) for r in rects)
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])


@settings(max_examples=40, deadline=None)
@given(widths=st.lists(st.integers(10, 300), min_size=1, max_size=12), room=st.integers(10, 900))
def test_items_keep_their_order_and_stay_inside_the_width(qapp, widths, room):
    bar = QWidget()
    layout = FlowLayout(bar, spacing=6)
    buttons = []
    for width in widths:
        button = QPushButton()
        button.setFixedSize(width, 20)
        layout.addWidget(button)
        buttons.append(button)
    width = max(room, layout.minimumSize().width())
    height = layout.heightForWidth(width)
    layout.setGeometry(bar.rect().adjusted(0, 0, width - bar.width(), height - bar.height()))
    places = [(b.geometry().y(), b.geometry().x()) for b in buttons]
    assert places == sorted(places)  # reading order is the order they were added
    assert all(b.geometry().right() < width and b.geometry().bottom() < height for b in buttons)
    bar.deleteLater()


def test_a_long_status_text_shortens_and_keeps_the_whole_in_its_tooltip(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    label = ElidedLabel(minimum_characters=12)
    QVBoxLayout(holder).addWidget(label)
    path = "/home/griffie/Documenten/raadsakkoord/gemeente-assen/raadsakkoord-2026-2030-definitief.raadsakkoord"
    label.setText(path)
    full = label.fontMetrics().horizontalAdvance(path)
    assert label.minimumSizeHint().width() < full / 4 and label.sizeHint().width() < full * 2 / 3
    holder.resize(220, 40)
    holder.show()
    qtbot.waitExposed(holder)
    shown = label.elided_text()
    assert "…" in shown and shown != path and label.toolTip() == path and label.text() == path
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()

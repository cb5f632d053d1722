"""Where the timeline draws what: lanes per portfolio holder, quarter columns, a dot per task.

Pure geometry, apart from painting, so tests check where a task lands without
looking at pixels. Text widths come from a ``measure`` function (the widget
passes its font metrics).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

from raadsakkoord.queries.agenda import Quarter, TaskRow, quarter_of, quarters_between
from raadsakkoord.base.i18n import tr
from ui.agenda.labels import holder_name

DOT_RADIUS = 6.0
LABEL_GAP = 4.0  # between a dot and its title
LABEL_MAX = 150.0  # longer titles are elided; the tooltip has them whole
ITEM_GAP = 10.0  # between one task's title and the next dot on the same row
MIN_COLUMN = 68.0  # room for "2027 K1" with some air
LANE_LABEL_MAX = 210.0  # long portfolio names wrap within this width
PAD = 6.0


@dataclass(frozen=True)
class Column:
    label: str
    left: float
    width: float
    quarter: Quarter | None  # None: the column of tasks without a due date


@dataclass(frozen=True)
class Lane:
    holder: str  # "" for tasks not yet assigned
    label: str
    top: float
    height: float


@dataclass(frozen=True)
class Placed:
    task_id: uuid.UUID
    lane: int
    centre: QPointF
    label_rect: QRectF  # where the title is written, right of the dot

    def hit(self, point: QPointF) -> bool:
        dx, dy = point.x() - self.centre.x(), point.y() - self.centre.y()
        return dx * dx + dy * dy <= (DOT_RADIUS + 3) ** 2 or self.label_rect.contains(point)


@dataclass(frozen=True)
class TimelineLayout:
    lane_label_width: float
    header_height: float
    columns: tuple[Column, ...]
    lanes: tuple[Lane, ...]
    items: tuple[Placed, ...]
    width: float
    height: float

    def item_at(self, point: QPointF) -> uuid.UUID | None:
        return next((item.task_id for item in self.items if item.hit(point)), None)

    def placed(self, task_id: uuid.UUID) -> Placed | None:
        return next((item for item in self.items if item.task_id == task_id), None)


def _x_in(column: Column, day: dt.date | None) -> float:
    """The dot's centre: by the day within the quarter, kept inside its column so it reads as that quarter."""
    if column.quarter is None or day is None:
        return column.left + column.width / 2
    first, last = column.quarter.first_day, column.quarter.last_day
    share = (day - first).days / max(1, (last - first).days)
    inner = column.width - 2 * (DOT_RADIUS + 2)
    return column.left + DOT_RADIUS + 2 + share * inner


def layout_timeline(rows: list[TaskRow], *, width: float, measure: Callable[[str], float],
                    line_height: float) -> TimelineLayout:
    """Lanes in the export's order (by name, unassigned last); rows within a lane so titles never overlap."""
    holders = sorted({r.portfolio_holder for r in rows}, key=lambda h: (h == "", h.casefold()))
    lane_label_width = min(LANE_LABEL_MAX, max((measure(holder_name(h)) for h in holders), default=0.0)) + 2 * PAD
    header_height = line_height + 2 * PAD
    dated = [r.due_date for r in rows if r.due_date]
    quarters = quarters_between(quarter_of(min(dated)), quarter_of(max(dated))) if dated else []
    slots: list[Quarter | None] = list(quarters) + ([None] if any(r.due_date is None for r in rows) else [])
    available = width - lane_label_width - LABEL_MAX - DOT_RADIUS - LABEL_GAP - PAD  # the last title fits too
    column_width = max(MIN_COLUMN, available / len(slots)) if slots else MIN_COLUMN
    columns = tuple(
        Column(q.label if q else tr("geen datum"), lane_label_width + i * column_width, column_width, q)
        for i, q in enumerate(slots))
    by_column = {c.quarter: c for c in columns}

    by_lane: dict[str, list[TaskRow]] = defaultdict(list)
    for r in rows:
        by_lane[r.portfolio_holder].append(r)
    row_height = max(line_height, 2 * DOT_RADIUS) + PAD
    lanes, items, top = [], [], header_height
    for lane_index, holder in enumerate(holders):
        ends: list[float] = []  # per row within the lane: where its last title ends
        placed: list[tuple[TaskRow, float, int, float]] = []
        tasks = sorted(by_lane[holder], key=lambda r: (r.due_date or dt.date.max, r.title.casefold()))
        for r in tasks:
            column = by_column[quarter_of(r.due_date) if r.due_date else None]
            x = _x_in(column, r.due_date)
            label_width = min(LABEL_MAX, measure(r.title))
            start = x - DOT_RADIUS
            row = next((i for i, end in enumerate(ends) if end + ITEM_GAP <= start), len(ends))
            end = x + DOT_RADIUS + LABEL_GAP + label_width
            if row == len(ends):
                ends.append(end)
            else:
                ends[row] = end
            placed.append((r, x, row, label_width))
        label_lines = 2 if measure(holder_name(holder)) > LANE_LABEL_MAX else 1
        height = max(len(ends) * row_height, label_lines * line_height) + 2 * PAD
        for r, x, row, label_width in placed:
            y = top + PAD + row * row_height + row_height / 2
            label = QRectF(x + DOT_RADIUS + LABEL_GAP, y - line_height / 2, label_width, line_height)
            items.append(Placed(r.id, lane_index, QPointF(x, y), label))
        lanes.append(Lane(holder, holder_name(holder), top, height))
        top += height
    content_right = max([lane_label_width + len(columns) * column_width]
                        + [item.label_rect.right() + PAD for item in items])
    return TimelineLayout(lane_label_width, header_height, columns, tuple(lanes), tuple(items),
                          max(width, content_right), top)

"""How the window words and colours support and readability, the same in every place that shows them."""

from __future__ import annotations

from PySide6.QtGui import QColor

from raadsakkoord.base.i18n import tr
from raadsakkoord.queries.labels import verdict_label
from raadsakkoord.queries.readability import Readability
from raadsakkoord.queries.support import Tally


def readability_colour(result: Readability) -> QColor:
    """Green from B1 (60) up, amber in between, red below 30: the bands plain-language guides use."""
    score = result.flesch_douma
    return QColor("#1b6e20") if score >= 60 else QColor("#9a5b00") if score >= 30 else QColor("#b3261e")


def readability_tooltip(result: Readability) -> str:
    if not result.words:
        return tr("geen tekst")
    text = tr("Leesbaarheid (Flesch-Douma) {score:.0f}: {band}").format(score=result.flesch_douma,
                                                                        band=tr(result.band))
    text += "\n" + tr("{long} van {sentences} zinnen lang (meer dan 20 woorden); {official} ambtelijke woorden").format(
        long=len(result.long_sentences), sentences=result.sentences, official=len(result.officialese))
    return text


def verdict(tally: Tally) -> str:
    return tr(verdict_label(tally.has_broad_support, tally.has_majority))

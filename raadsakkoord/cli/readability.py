"""`raadsakkoord readability`: the plain-language report of every section and chapter."""

from __future__ import annotations

import argparse
import math

from raadsakkoord.cli.common import in_workspace, say, say_json
from raadsakkoord.base.i18n import tr

TITLE_WIDTH = 44


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("readability")
    parser.add_argument("workspace", metavar=tr("WERKRUIMTE"))
    parser.add_argument("--json", action="store_true", help=tr("als JSON, voor scripts"))
    parser.set_defaults(handler=run)


def _title(text: str) -> str:
    return text if len(text) <= TITLE_WIDTH else text[:TITLE_WIDTH - 1] + "…"


def _score(readability) -> str:
    # A text without words has no score: a dash, not a zero that reads as "very hard".
    # Rounded down: the bands start at whole numbers, so 49.6 shown as 50 would
    # sit beside "moeilijk" (under 50).
    return f"{math.floor(readability.flesch_douma):5d}" if readability.words else f"{'—':>5}"


def _long(readability) -> str:
    return tr("{long} van {sentences}").format(long=len(readability.long_sentences),
                                               sentences=readability.sentences)


def _officialese(readability) -> str:
    return ", ".join(f"{phrase} → {alternative}" + (f" ({times}×)" if times > 1 else "")
                     for phrase, alternative, times in readability.frequent_officialese())


def run(args: argparse.Namespace) -> int:
    from raadsakkoord.queries.readability import LONG_SENTENCE_WORDS, readability_report

    report = in_workspace(args.workspace, readability_report)
    if args.json:
        # One object, not a bare list: the sections, the chapters and the whole agreement.
        say_json({"sections": [{"number": r.number, "title": r.title, **r.readability.as_dict()}
                                for r in report.sections],
                  "chapters": [{"number": c.number, "title": c.title, "section_count": c.sections,
                                **c.readability.as_dict()} for c in report.chapters],
                  "total": report.total.as_dict()})
        return 0
    say(f"{tr('nr.'):>5}  {tr('hoofdlijn'):<{TITLE_WIDTH}} {tr('score'):>5}  {tr('niveau'):<15} "
        f"{tr('lange zinnen'):<14}  {tr('ambtelijk')}")
    for r in report.sections:
        a = r.readability
        say(f"{r.number:>5}  {_title(r.title):<{TITLE_WIDTH}} {_score(a)}  {tr(a.band):<15} "
            f"{_long(a):<14}  {_officialese(a)}".rstrip())
    say()
    say(f"{tr('hfst.'):>5}  {tr('hoofdstuk'):<{TITLE_WIDTH}} {tr('score'):>5}  "
        f"{tr('niveau'):<15} {tr('lange zinnen'):<14}  {tr('ambtelijke woorden')}")
    for c in report.chapters:
        a = c.readability
        say(f"{c.number + '.':>5}  {_title(c.title):<{TITLE_WIDTH}} {_score(a)}  {tr(a.band):<15} "
            f"{_long(a):<14}  {len(a.officialese)}")
    a = report.total
    say(f"{'':>5}  {tr('het hele raadsakkoord'):<{TITLE_WIDTH}} {_score(a)}  {tr(a.band):<15} "
        f"{_long(a):<14}  {len(a.officialese)}")
    say()
    say(tr("Lange zinnen: meer dan {n} woorden. Flesch-Douma: hoe hoger, hoe makkelijker; "
           "taalniveau B1 ligt rond 60 of hoger. De score van een hoofdstuk is berekend over "
           "de tekst van al zijn hoofdlijnen samen.").format(n=LONG_SENTENCE_WORDS))
    return 0

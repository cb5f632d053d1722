"""`raadsakkoord readability`: the plain-language report of every section."""

from __future__ import annotations

import argparse
import json
import sys

from raadsakkoord.commands import in_workspace
from raadsakkoord.i18n import tr


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("readability", help=tr("leesbaarheid van elke hoofdlijn (Flesch-Douma, lange zinnen, "
                                                   "ambtelijke woorden), moeilijkste eerst"))
    parser.add_argument("workspace", metavar=tr("WERKRUIMTE"))
    parser.add_argument("--json", action="store_true", help=tr("als JSON, voor scripts"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from raadsakkoord.readability import LONG_SENTENCE_WORDS, agreement_readability

    report = in_workspace(args.workspace, agreement_readability)
    if args.json:
        json.dump([{"number": r.number, "title": r.title, **r.readability.as_dict()} for r in report],
                  sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"{tr('nr.'):>5}  {tr('hoofdlijn'):<44} {tr('score'):>5}  {tr('niveau'):<16} "
          f"{tr('lange zinnen')}  {tr('ambtelijk')}")
    for r in report:
        a = r.readability
        title = r.title if len(r.title) <= 44 else r.title[:43] + "…"
        words = ", ".join(f"{o.phrase} → {o.alternative}" for o in a.officialese[:3])
        long = tr("{long} van {sentences}").format(long=f"{len(a.long_sentences):>3}", sentences=f"{a.sentences:<3}")
        print(f"{r.number:>5}  {title:<44} {a.flesch_douma:5.0f}  {tr(a.band):<16} {long}  {words}")
    print(tr("Lange zinnen: meer dan {words} woorden. Flesch-Douma: hoe hoger, hoe makkelijker; "
             "taalniveau B1 ligt rond 60 of hoger.").format(words=LONG_SENTENCE_WORDS))
    return 0

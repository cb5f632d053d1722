"""``import-changes``: a round's Word export, edited with track changes on, in as a party's amendments."""

from __future__ import annotations

import argparse

from raadsakkoord.base.i18n import tr, trn
from raadsakkoord.cli.common import in_workspace, say, warn


def register(sub: argparse._SubParsersAction) -> None:
    cmd = sub.add_parser("import-changes")
    cmd.add_argument("workspace", metavar=tr("WERKRUIMTE"))
    cmd.add_argument("file", metavar=tr("BESTAND.docx"), help=tr("de Word-export (of een .odt uit LibreOffice)"))
    cmd.add_argument("--party", metavar=tr("FRACTIE"),
                     help=tr("de fractie van wie de amendementen zijn (korte naam); bij een amendementenboek: "
                             "alleen die van deze fractie (zonder: elk amendement van de fractie die het boek noemt)"))
    cmd.add_argument("--round", type=int, metavar="N",
                     help=tr("de ronde waarvan het document een export is (standaard: de ronde op het voorblad)"))
    cmd.add_argument("--dry-run", action="store_true", help=tr("toon alleen wat er zou worden ingelezen"))
    cmd.set_defaults(handler=run_import_changes)


def run_import_changes(args: argparse.Namespace) -> int:
    from raadsakkoord.base.actor import Actor
    from raadsakkoord.base.errors import InputError
    from raadsakkoord.cli.packages import _user
    from raadsakkoord.importing.office.changes import TrackedDocument
    from raadsakkoord.importing.office.tracked import read_tracked
    from raadsakkoord.operations.tracked_changes import (
        import_tracked_changes,
        plan_tracked_changes,
    )
    from raadsakkoord.queries.identity import party_named

    document = read_tracked(args.file)
    if args.party is None and isinstance(document, TrackedDocument):
        raise InputError(tr("Noem met --party de fractie van wie de wijzigingen in {source} zijn.").format(
            source=document.source))

    def run(session):
        if args.party is None:
            # An amendment book names the party of every amendment: each becomes that party's draft.
            actor = Actor.griffie(_user())
            if args.dry_run:
                return tr("hun fracties"), plan_tracked_changes(session, document)
            return tr("hun fracties"), import_tracked_changes(session, actor, document, party_id=None)
        party = party_named(session, args.party)
        if args.dry_run:
            return party.short_name, plan_tracked_changes(session, document, round_number=args.round,
                                                          party_id=party.id)
        # On a workspace file the acting party is the one named: the clerk reads in that party's file.
        actor = Actor.of_party(party.id, f"{_user()} ({party.short_name})")
        return party.short_name, import_tracked_changes(session, actor, document, party_id=party.id,
                                                        round_number=args.round)

    party, plan = in_workspace(args.workspace, run)
    made = len(plan.new)
    lines = [tr("{file}: een export van {round}.").format(file=plan.source, round=plan.round_label)
             if plan.round_number else tr("{file}: een amendementenboek.").format(file=plan.source)]
    for planned in plan.amendments:
        where = f"{planned.place}  {planned.party}" if planned.party else planned.place
        state = tr("al ingelezen") if planned.existing is not None else (
            tr("wordt gemaakt") if args.dry_run else tr("gemaakt"))
        lines.append(f"  {where}  {planned.headline}  ({state})")
    for line in lines:
        say(line)
    for notice in plan.notices:
        say(notice)
    if plan.unplaced:
        warn(trn("{n} wijziging kon niet worden geplaatst en is niet ingelezen:",
                 "{n} wijzigingen konden niet worden geplaatst en zijn niet ingelezen:",
                 len(plan.unplaced)).format(n=len(plan.unplaced)))
        for line in plan.unplaced:
            warn("  " + line)
    if args.dry_run:
        done = trn("zou {n} ontwerp-amendement maken voor {party}", "zou {n} ontwerp-amendementen maken voor {party}",
                   made)
    else:
        done = trn("{n} ontwerp-amendement gemaakt voor {party}; de fractie kan het nog bewerken en indienen",
                   "{n} ontwerp-amendementen gemaakt voor {party}; de fractie kan ze nog bewerken en indienen",
                   made)
    say(done.format(n=made, party=party))
    return 0

"""Workspace commands: gui, demo, import-md and import-docx, info."""

from __future__ import annotations

import argparse
from pathlib import Path

from raadsakkoord.cli.common import in_workspace, open_target, say, say_json, warn
from raadsakkoord.importing.drafts import read_draft_file
from raadsakkoord.store.files import refuse_existing, remove_new_file
from raadsakkoord.base.errors import InputError, UserError
from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.queries.labels import AGREEMENT_STATUS_LABELS, STATUS_LABELS, verdict_label



def register(sub: argparse._SubParsersAction) -> None:
    gui = sub.add_parser("gui")
    gui.add_argument("workspace", nargs="?", metavar=tr("WERKRUIMTE"), help=tr("bestand of serveradres"))
    gui.add_argument("--demo", action="store_true",
                     help=tr("open de demo-werkruimte (Assen), en maak die eerst aan als die er nog niet is"))
    gui.set_defaults(handler=run_gui)

    demo = sub.add_parser("demo")
    demo.add_argument("workspace", metavar=tr("WERKRUIMTE"),
                      help=tr("nieuw bestand of het serveradres van een lege werkruimte"))
    demo.set_defaults(handler=run_demo)

    # One handler for both: the file's bytes tell a Markdown text from a Word or
    # OpenDocument file, so either command takes either kind.
    for name, metavar in (("import-md", mark("BESTAND.md")), ("import-docx", mark("BESTAND.docx"))):
        imp = sub.add_parser(name)
        imp.add_argument("workspace", metavar=tr("WERKRUIMTE"))
        imp.add_argument("file", metavar=tr(metavar))
        # Required unless --dry-run: checked in the handler, so a dry run needs only the file.
        imp.add_argument("--title", help=tr("titel van het raadsakkoord (verplicht, behalve bij --dry-run)"))
        imp.add_argument("--municipality", help=tr("naam van de gemeente (verplicht, behalve bij --dry-run)"))
        imp.add_argument("--seats", type=int, help=tr("aantal zetels in de raad (verplicht, behalve bij --dry-run)"))
        imp.add_argument("--term", default="", help=tr("raadsperiode, bijv. 2026–2030"))
        imp.add_argument("--dry-run", action="store_true", help=tr(
            "toon alleen de voorgestelde indeling (hoofdstukken, hoofdlijnen, woorden) en schrijf niets"))
        imp.add_argument("--accept-outline", action="store_true", help=tr(
            "importeer ook een indeling die niet uit de stijlen Kop 1 en Kop 2 komt maar op een andere "
            "manier is gevonden (zie --dry-run)"))
        imp.set_defaults(handler=run_import_md)

    info = sub.add_parser("info")
    info.add_argument("workspace", metavar=tr("WERKRUIMTE"))
    info.add_argument("--json", action="store_true", help=tr("als JSON, voor scripts"))
    info.set_defaults(handler=run_info)


def run_gui(args: argparse.Namespace) -> int:
    if args.open_window is None:
        raise UserError(tr("Deze opdracht opent de applicatie; start daarvoor het programma raadsakkoord."))
    return args.open_window(args.workspace, demo=args.demo)


def run_demo(args: argparse.Namespace) -> int:
    from raadsakkoord.demo import create_demo_workspace

    refuse_existing(args.workspace)
    workspace = create_demo_workspace(args.workspace)
    say(tr("Demo-werkruimte gemaakt: {workspace}").format(workspace=workspace.label))
    workspace.close()
    return 0


def run_import_md(args: argparse.Namespace) -> int:
    from raadsakkoord.operations import Actor, import_markdown_draft

    draft = read_draft_file(args.file)
    if args.dry_run:
        for line in draft.outline.lines() + draft.left_out:
            say(line)
        say(tr("Proefdraai: er is niets geïmporteerd."))
        return 0
    missing = [option for option, value in (("--title", args.title), ("--municipality", args.municipality),
                                            ("--seats", args.seats)) if value is None]
    if missing:
        raise InputError(tr("Geef ook {options} op (of alleen --dry-run om de indeling te bekijken).").format(
            options=", ".join(missing)))
    if not draft.outline.certain and not args.accept_outline:
        for line in draft.outline.lines():
            say(line)
        warn(tr("{source} heeft niet de stijlen Kop 1 en Kop 2; er is niets geïmporteerd. Controleer de "
                "indeling hierboven en voer de opdracht opnieuw uit met --accept-outline om haar zo te "
                "importeren.").format(source=draft.outline.source))
        return 1
    text, report = draft.markdown(), draft.left_out
    refuse_existing(args.workspace)
    workspace = open_target(args.workspace, create=True)
    try:
        with workspace.action() as session:
            agreement = import_markdown_draft(
                session, Actor.griffie(), text, title=args.title, municipality=args.municipality,
                council_seats=args.seats, term=args.term, source=Path(args.file).name)
            counts = (len(agreement.chapters), sum(len(c.sections) for c in agreement.chapters))
    except UserError:
        workspace.close()
        remove_new_file(args.workspace)
        raise
    workspace.close()
    say(tr("{chapters} hoofdstukken en {sections} hoofdlijnen geïmporteerd in {workspace}").format(
        chapters=counts[0], sections=counts[1], workspace=workspace.label))
    if not draft.outline.certain:
        say(f"({draft.outline.explanation})")
    for line in report:
        say(line)
    return 0


def run_info(args: argparse.Namespace) -> int:
    from raadsakkoord.queries.summary import workspace_summary

    summary = in_workspace(args.workspace, workspace_summary)
    if args.json:
        say_json(summary)
    else:
        say(render_summary(summary))
    return 0


def render_summary(summary: dict) -> str:
    a = summary["agreement"]
    status = AGREEMENT_STATUS_LABELS.get(a["status"])
    lines = [
        f"{a['title']}",
        f"  {a['municipality']}, {a['term']} · {tr(status) if status else a['status']} · "
        + tr("raad van {seats} zetels").format(seats=a["council_seats"]),
    ]
    contact = a["contact"]
    if contact["name"]:
        lines.append("  " + tr("Contact griffie: {name}, {phone}, {email}").format(
            name=contact["name"], phone=contact["phone"], email=contact["email"]))
    seats = sum(p["seats"] for p in summary["parties"])
    lines.append(tr("Fracties ({count}, samen {seats} zetels)").format(count=len(summary["parties"]), seats=seats)
                 + ": " + ", ".join(f"{p['short_name']} {p['seats']}" for p in summary["parties"]))
    lines.append(tr("Hoofdstukken {chapters} · hoofdlijnen {sections} · versies {revisions}").format(
        chapters=a["chapters"], sections=a["sections"], revisions=a["revisions"]))
    rounds = summary["rounds"]
    lines.append(tr("Rondes {count}").format(count=len(rounds)) + (": " + ", ".join(
        f"{r['label']} ({r['published_at'][:10]})" for r in rounds) if rounds else ""))
    am = summary["amendments"]
    lines.append(tr("Amendementen {count}").format(count=am["total"]) + (": " + ", ".join(
        f"{tr(STATUS_LABELS[s])} {n}" for s, n in am["by_status"].items() if n) if am["total"] else ""))
    lines.append(tr("Uitwerkingsopdrachten {count}").format(count=summary["tasks"]["total"]))
    lines.append(tr("Steun per hoofdlijn (zetels voor / raad):"))
    for s in summary["sections"]:
        sup = s["support"]
        marks = [tr(verdict_label(sup["broad_support"], sup["majority"]))]
        if sup["stale"]:
            marks.append(tr("{count} verouderd").format(count=len(sup["stale"])))
        title = s["title"] if len(s["title"]) <= 48 else s["title"][:47] + "…"
        lines.append(f"  {s['number']:>5}  {title:<48} {sup['support']['seats']:>3}/{a['council_seats']} "
                     f"({sup['support_share']:.0%})  {', '.join(marks)}")
    return "\n".join(lines)

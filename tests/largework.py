"""Large workspaces for the tests and benchmarks of long work: an import of 1,000 amendments, a publish that rebases 600.

Built through the operations and the exchange, as a real council's data would be.
"""

from __future__ import annotations

from pathlib import Path

from raadsakkoord import operations as ops
from raadsakkoord.exchange import import_package, keys
from raadsakkoord.exchange.party_package import export_party_package
from raadsakkoord.exchange.round_package import export_round_package
from raadsakkoord.model import AmendmentKind
from raadsakkoord.store.workspace import open_workspace

SECTIONS, PER_SECTION = 50, 20


def thousand_amendment_package(folder: Path) -> tuple[str, bytes]:
    """A griffie workspace and a signed package from its one party with 1,000 amendments."""
    griffie_path = str(folder / "griffie.raadsakkoord")
    griffie_ws = open_workspace(griffie_path, create=True)
    griffie = ops.Actor.griffie("Griffie")
    with griffie_ws.action() as s:
        ops.create_agreement(s, griffie, title="Groot akkoord", municipality="Grootstad", council_seats=30)
        party = ops.add_party(s, griffie, name="Fractie Een", short_name="F1", seats=30).id
        chapter = ops.add_chapter(s, griffie, title="Alles").id
        sections = [ops.add_section(s, griffie, chapter_id=chapter, title=f"Hoofdlijn {i}",
                                    text=" ".join(f"woord{i}x{j}" for j in range(60)) + ".").id
                    for i in range(SECTIONS)]
        ops.publish_round(s, griffie)
        keys.init_key(s, griffie, keys.resolve_identity(s, "griffie"))
        griffie_pub = keys.export_public_key(s, keys.resolve_identity(s, "griffie"))
        round_data = export_round_package(s, griffie)
    party_ws = open_workspace(str(folder / "f1.raadsakkoord"), create=True)
    with party_ws.action() as s:
        keys.register_public_key(s, griffie, griffie_pub, "griffie.pub")
    with party_ws.action() as s:
        import_package(s, griffie, round_data, "ronde.rkpkg")
    member = ops.Actor.of_party(party, "Lid")
    with party_ws.action() as s:
        keys.init_key(s, member, keys.resolve_identity(s, "F1"))
        party_pub = keys.export_public_key(s, keys.resolve_identity(s, "F1"))
        for i, sid in enumerate(sections):
            for j in range(PER_SECTION):
                text = " ".join(f"woord{i}x{k}" if k != j else f"anders{j}" for k in range(60)) + "."
                ops.propose_amendment(s, member, kind=AmendmentKind.MODIFY, section_id=sid,
                                      headline=f"Wijziging {i}.{j}", text=text, submit=True)
        data = export_party_package(s, member, party)
    party_ws.close()
    with griffie_ws.action() as s:
        keys.register_public_key(s, griffie, party_pub, "f1.pub")
    griffie_ws.close()
    return griffie_path, data


WORDS = "de gemeente werkt samen met inwoners aan een wijk waar het prettig wonen is en zij luistert eerst".split()


def six_hundred_to_rebase(path: str) -> None:
    """20 sections with 30 open amendments each, every section revised since: publishing rebases 600."""
    workspace = open_workspace(path, create=True)
    griffie = ops.Actor.griffie("Griet")
    paragraphs = [" ".join(f"{WORDS[(i * 7 + k) % len(WORDS)]}{k}" for k in range(60)) + "." for i in range(12)]
    with workspace.action() as s:
        ops.create_agreement(s, griffie, title="Groot akkoord", municipality="Veeldorp", council_seats=9)
        party = ops.add_party(s, griffie, name="Alle Partij", short_name="AP", seats=5)
        member = ops.Actor.of_party(party.id, "Piet")
        chapter = ops.add_chapter(s, griffie, title="Alles")
        sections = [ops.add_section(s, griffie, chapter_id=chapter.id, title=f"Onderwerp {n}",
                                    text="\n\n".join(paragraphs)).id for n in range(20)]
        ops.publish_round(s, griffie)
        for section in sections:
            for k in range(30):
                changed = list(paragraphs)
                changed[k % 12] += f" aanvulling{k}"
                ops.propose_amendment(s, member, kind=AmendmentKind.MODIFY, section_id=section,
                                      headline=f"Wijziging {k}", text="\n\n".join(changed), submit=True)
        for section in sections:
            ops.revise_section(s, griffie, section, "\n\n".join(["Een nieuwe eerste alinea."] + paragraphs),
                               reason="Herschreven")
    workspace.close()

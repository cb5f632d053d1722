"""The audit log to read: who did what when, in words, a page at a time.

Every operation appends an event (``store.audit.log``) with the
action's name and a small JSON payload of ids and values. Here those become
a Dutch description ("amendement ingediend") and a readable summary of the
payload (the amendment's headline, the section's number and title), looked
up in bulk for one page of events. Pages are read newest first by sequence
number (keyset paging on the primary key), so a log of 100,000 events opens
as fast as one of a hundred.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from raadsakkoord.base.i18n import mark, tr
from raadsakkoord.model import Amendment, AuditEvent, Chapter, Party, Section, Task, amendment_label
from raadsakkoord.queries.ballot import meeting_words, outcome_sentence, party_line
from raadsakkoord.queries.labels import STATUS_LABELS
from raadsakkoord.queries.labels import POSITION_LABELS

GRIFFIE = "griffie"  # the party filter's value for events by the griffie (no party)

# The kinds of action a clerk filters by, each with the actions it holds.
KINDS = {
    "amendments": mark("Amendementen"),
    "positions": mark("Standpunten"),
    "texts": mark("Hoofdlijnen en hoofdstukken"),
    "rounds": mark("Rondes en pakketten"),
    "votes": mark("Stemmingen"),
    "setup": mark("Raadsakkoord en fracties"),
    "tasks": mark("Uitwerkingsopdrachten"),
    "keys": mark("Sleutels"),
}

# Every action name given to ``log(...)`` in raadsakkoord/, with its description and kind.
ACTIONS = {
    "create_agreement": (mark("raadsakkoord aangemaakt"), "setup"),
    "update_agreement": (mark("gegevens van het raadsakkoord gewijzigd"), "setup"),
    "add_party": (mark("fractie toegevoegd"), "setup"),
    "update_party": (mark("fractie gewijzigd"), "setup"),
    "set_members": (mark("raadsleden ingevoerd"), "setup"),
    "import_markdown_draft": (mark("brondocument ingelezen"), "setup"),
    "add_chapter": (mark("hoofdstuk toegevoegd"), "texts"),
    "update_chapter": (mark("hoofdstuk gewijzigd"), "texts"),
    "add_section": (mark("hoofdlijn toegevoegd"), "texts"),
    "revise_section": (mark("tekst van een hoofdlijn herzien"), "texts"),
    "rename_section": (mark("hoofdlijn hernoemd"), "texts"),
    "move_section": (mark("hoofdlijn verplaatst"), "texts"),
    "set_section_status": (mark("status van een hoofdlijn gewijzigd"), "texts"),
    "propose_amendment": (mark("amendement opgesteld"), "amendments"),
    "update_draft": (mark("ontwerp-amendement bewerkt"), "amendments"),
    "submit_amendment": (mark("amendement ingediend"), "amendments"),
    "withdraw_amendment": (mark("amendement ingetrokken"), "amendments"),
    "decide_amendment": (mark("besluit over een amendement"), "amendments"),
    "undo_decision": (mark("besluit over een amendement teruggedraaid"), "amendments"),
    "rework_amendment": (mark("amendement herzien op de nieuwe tekst"), "amendments"),
    "rebase_amendment": (mark("amendement overgezet op de nieuwe tekst"), "amendments"),
    "lapse_subamendment": (mark("subamendement vervallen"), "amendments"),
    "request_co_submission": (mark("fractie gevraagd als mede-indiener"), "amendments"),
    "withdraw_co_submission_request": (mark("verzoek om mede-indienen ingetrokken"), "amendments"),
    "confirm_co_submission": (mark("mede-indienen bevestigd"), "amendments"),
    "decline_co_submission": (mark("mede-indienen afgewezen"), "amendments"),
    "lapse_co_submission": (mark("antwoord op mede-indienen vervallen: tekst gewijzigd"), "amendments"),
    "endorse_section": (mark("standpunt over een hoofdlijn"), "positions"),
    "endorse_amendment": (mark("standpunt over een amendement"), "positions"),
    "confirm_endorsements": (mark("standpunten bevestigd op de nieuwe tekst"), "positions"),
    "restore_endorsement": (mark("standpunt teruggezet"), "positions"),
    "ask_support_again": (mark("fracties opnieuw om steun gevraagd"), "positions"),
    "publish_round": (mark("ronde gepubliceerd"), "rounds"),
    "record_vote": (mark("stemming van de raad vastgelegd"), "votes"),
    "set_voting_order": (mark("stemvolgorde gewijzigd"), "votes"),
    "export_round_package": (mark("rondepakket gemaakt"), "rounds"),
    "import_round_package": (mark("rondepakket ingelezen"), "rounds"),
    "export_party_package": (mark("fractiepakket gemaakt"), "rounds"),
    "import_party_package": (mark("fractiepakket ingelezen"), "rounds"),
    "import_tracked_changes": (mark("Word-bestand met bijgehouden wijzigingen ingelezen"), "amendments"),
    "import_amendment_book": (mark("amendementenboek uit Word ingelezen"), "amendments"),
    "add_task": (mark("uitwerkingsopdracht toegevoegd"), "tasks"),
    "edit_task": (mark("uitwerkingsopdracht gewijzigd"), "tasks"),
    "init_key": (mark("eigen sleutel gemaakt"), "keys"),
    "register_key": (mark("openbare sleutel vastgelegd"), "keys"),
}

FIELD_NAMES = {
    "title": mark("titel"), "municipality": mark("gemeente"), "term": mark("raadsperiode"),
    "council_seats": mark("raadszetels"), "contact_name": mark("contactpersoon"),
    "contact_phone": mark("telefoon"), "contact_email": mark("e-mail"),
    "broad_support_share": mark("drempel voor brede steun"), "name": mark("naam"),
    "short_name": mark("korte naam"), "seats": mark("zetels"), "colour": mark("kleur"),
    "leader": mark("fractievoorzitter"), "contact": mark("contact"), "description": mark("omschrijving"),
    "portfolio_holder": mark("portefeuillehouder"), "participation_level": mark("participatieniveau"),
    "stakeholders": mark("betrokkenen"), "due_date": mark("termijn"), "budget_eur": mark("budget"),
    "status": mark("status"), "sections": mark("hoofdlijnen"),
}
SECTION_STATUS_NAMES = {"proposed": mark("voorgesteld"), "adopted": mark("vastgesteld"),
                        "withdrawn": mark("teruggetrokken"), "rejected": mark("verworpen")}
REBASE_OUTCOMES = {"rebased": mark("zonder botsing"), "needs_rework": mark("botst, moet worden herzien"),
                   "already_in_text": mark("stond al in de tekst")}
PACKAGE_WHAT = {"sections": mark("hoofdlijnen"), "revisions": mark("versies"), "rounds": mark("rondes"),
                "parties": mark("fracties"), "amendments": mark("amendementen"),
                "endorsements": mark("standpunten"), "tasks": mark("opdrachten"),
                "co_submissions": mark("antwoorden op verzoeken om mede-indienen")}


def action_label(action: str) -> str:
    """The action in the user's language; an action this version does not know keeps its name."""
    known = ACTIONS.get(action)
    return tr(known[0]) if known else action


def actions_of_kind(kind: str) -> list[str]:
    return [action for action, (_, k) in ACTIONS.items() if k == kind]


@dataclass(frozen=True)
class AuditFilter:
    """Which events to show; None means any. ``until`` is exclusive."""

    actor: str | None = None
    party: uuid.UUID | str | None = None  # a party's id, or GRIFFIE for events by the griffie
    kind: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None

    def where(self) -> list:
        found = []
        if self.actor is not None:
            found.append(AuditEvent.actor == self.actor)
        if self.party == GRIFFIE:
            found.append(AuditEvent.party_id.is_(None))
        elif self.party is not None:
            found.append(AuditEvent.party_id == self.party)
        if self.kind is not None:
            found.append(AuditEvent.action.in_(actions_of_kind(self.kind)))
        if self.since is not None:
            found.append(AuditEvent.at >= self.since)
        if self.until is not None:
            found.append(AuditEvent.at < self.until)
        return found


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: dt.datetime
    actor: str
    party: str  # the short name of the party the person acted for; "" for the griffie
    action: str
    description: str
    details: str


@dataclass(frozen=True)
class AuditChoices:
    """What the filters offer: everyone who acted, and the parties."""

    actors: tuple[str, ...]
    parties: tuple[tuple[uuid.UUID, str], ...]


def audit_choices(session: Session) -> AuditChoices:
    actors = session.scalars(sa.select(AuditEvent.actor).distinct()).all()
    parties = session.execute(sa.select(Party.id, Party.short_name)).all()
    return AuditChoices(tuple(sorted(actors, key=str.casefold)),
                        tuple(sorted(((p.id, p.short_name) for p in parties), key=lambda p: p[1].casefold())))


def audit_count(session: Session, flt: AuditFilter = AuditFilter()) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(AuditEvent).where(*flt.where()))


def audit_page(session: Session, flt: AuditFilter = AuditFilter(), *, before: int | None = None,
               limit: int = 500) -> list[AuditRow]:
    """Up to ``limit`` events matching ``flt``, newest first, older than sequence number ``before``."""
    query = sa.select(AuditEvent.seq, AuditEvent.at, AuditEvent.actor, AuditEvent.party_id, AuditEvent.action,
                      AuditEvent.payload).where(*flt.where())
    if before is not None:
        query = query.where(AuditEvent.seq < before)
    rows = session.execute(query.order_by(AuditEvent.seq.desc()).limit(limit)).all()
    payloads = [_payload(row.payload) for row in rows]
    names = _Names(session, payloads)
    return [AuditRow(row.seq, row.at, row.actor, names.party(row.party_id) if row.party_id else "",
                     row.action, action_label(row.action), describe(row.action, payload, names))
            for row, payload in zip(rows, payloads)]


def _payload(text: str) -> dict:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _as_id(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


class _Names:
    """The names behind the ids of one page of payloads, each kind read in one query."""

    def __init__(self, session: Session, payloads: Iterable[dict]) -> None:
        wanted: dict[str, set[uuid.UUID]] = {"amendment": set(), "section": set(), "task": set(), "chapter": set()}
        for payload in payloads:
            for key, ids in wanted.items():
                found = _as_id(payload.get(key)) if payload.get(key) else None
                if found is not None:
                    ids.add(found)
            parent = _as_id(payload.get("parent")) if payload.get("parent") else None
            if parent is not None:
                wanted["amendment"].add(parent)
        self._parties = {p.id: p.short_name for p in session.execute(sa.select(Party.id, Party.short_name))}
        parent = aliased(Amendment)
        self._amendments = {
            r.id: (r.headline, self._parties.get(r.party_id, ""), amendment_label(r.number, r.parent_number))
            for r in _in(session, sa.select(Amendment.id, Amendment.headline, Amendment.party_id, Amendment.number,
                                            parent.number.label("parent_number"))
                         .outerjoin(parent, Amendment.parent_id == parent.id),
                         Amendment.id, wanted["amendment"])}
        self._sections = {
            r.id: (f"{r.cpos}.{r.position}", r.title)
            for r in _in(session, sa.select(Section.id, Section.position, Section.title,
                                            Chapter.position.label("cpos")).join(Chapter),
                         Section.id, wanted["section"])}
        self._tasks = {r.id: r.title for r in _in(session, sa.select(Task.id, Task.title), Task.id, wanted["task"])}
        self._chapters = {r.id: (r.position, r.title) for r in _in(
            session, sa.select(Chapter.id, Chapter.position, Chapter.title), Chapter.id, wanted["chapter"])}

    def party(self, value) -> str:
        ident = value if isinstance(value, uuid.UUID) else _as_id(value)
        return self._parties.get(ident, "?") if ident else "?"

    def holder(self, holder: str) -> str:
        if holder == GRIFFIE:
            return tr("de griffie")
        return self.party(holder.removeprefix("party:"))

    def amendment(self, value, fallback: str = "") -> str:
        found = self._amendments.get(_as_id(value)) if value else None
        if found is None:
            return f"‘{fallback}’" if fallback else tr("(onbekend amendement)")
        headline, party, label = found
        text = f"‘{headline}’ ({party})" if party else f"‘{headline}’"
        return f"{label} {text}" if label else text

    def section(self, value, fallback: str = "") -> str:
        found = self._sections.get(_as_id(value)) if value else None
        if found is None:
            return fallback or tr("(onbekende hoofdlijn)")
        number, title = found
        return tr("hoofdlijn {number} {title}").format(number=number, title=title)

    def task(self, value, fallback: str = "") -> str:
        return self._tasks.get(_as_id(value), fallback) if value else fallback

    def chapter(self, value, fallback: str = "") -> str:
        found = self._chapters.get(_as_id(value)) if value else None
        if found is None:
            return fallback
        return tr("hoofdstuk {number} {title}").format(number=found[0], title=found[1])


def _in(session: Session, query, column, ids: set[uuid.UUID]):
    ids = list(ids)
    for start in range(0, len(ids), 500):  # stay under bound-parameter limits
        yield from session.execute(query.where(column.in_(ids[start:start + 500])))


def _fields(names: Iterable[str]) -> str:
    return ", ".join(tr(FIELD_NAMES[n]) if n in FIELD_NAMES else n for n in names)


def _position(value) -> str:
    labels = {p.value: label for p, label in POSITION_LABELS.items()}
    return tr(labels[value]) if value in labels else tr("geen standpunt")


def _counts(counts: dict) -> str:
    parts = []
    for key, number in counts.items():
        what, _, outcome = key.partition(".")
        if outcome == "new" and what in PACKAGE_WHAT and number:
            parts.append(f"{number} {tr(PACKAGE_WHAT[what])}")
    return tr("nieuw: {items}").format(items=", ".join(parts)) if parts else tr("niets nieuws")


_Describer = Callable[[dict, _Names], str]


def _amendment(p: dict, n: _Names) -> str:
    return n.amendment(p.get("amendment"), p.get("headline", ""))


def _status_label(value) -> str:
    statuses = {s.value: label for s, label in STATUS_LABELS.items()}
    return tr(statuses[value]) if value in statuses else str(value or "")


def _decision(p: dict, n: _Names) -> str:
    text = f"{_amendment(p, n)}: {_status_label(p.get('decision'))}"
    return f"{text} — {p['note']}" if p.get("note") else text


def _endorse_section(p: dict, n: _Names) -> str:
    text = tr("{target}: {party} {position}").format(target=n.section(p.get("section")), party=n.party(p.get("party")),
                                                    position=_position(p.get("position")))
    return text + (" " + tr("(met minderheidsstandpunt)") if p.get("minority_position") else "")


def _endorse_amendment(p: dict, n: _Names) -> str:
    text = tr("{target}: {party} {position}").format(target=_amendment(p, n), party=n.party(p.get("party")),
                                                    position=_position(p.get("position")))
    return text + (" " + tr("(met minderheidsstandpunt)") if p.get("minority_position") else "")


def _restore(p: dict, n: _Names) -> str:
    target = n.section(p.get("section")) if p.get("section") else _amendment(p, n)
    return tr("{target}: {party} {position}").format(target=target, party=n.party(p.get("party")),
                                                    position=_position(p.get("position")))


def _propose(p: dict, n: _Names) -> str:
    if p.get("parent"):
        return tr("‘{headline}’, subamendement op {amendment}").format(
            headline=p.get("headline", ""), amendment=n.amendment(p["parent"]))
    where = n.section(p.get("section")) if p.get("section") else tr("nieuwe hoofdlijn")
    return tr("‘{headline}’ op {where}").format(headline=p.get("headline", ""), where=where)


def _revise(p: dict, n: _Names) -> str:
    text = tr("{section}, versie {number}").format(section=n.section(p.get("section")), number=p.get("number", "?"))
    return f"{text}: {p['reason']}" if p.get("reason") else text


def _status(p: dict, n: _Names) -> str:
    status = p.get("status", "")
    text = f"{n.section(p.get('section'))}: {tr(SECTION_STATUS_NAMES[status]) if status in SECTION_STATUS_NAMES else status}"
    return f"{text} — {p['reason']}" if p.get("reason") else text


def _publish(p: dict, n: _Names) -> str:
    text = tr("{label} (ronde {number}, {sections} hoofdlijnen)").format(
        label=p.get("label", ""), number=p.get("number", "?"), sections=p.get("sections", "?"))
    return text + (", " + tr("definitief") if p.get("final") else "")


def _vote(p: dict, n: _Names) -> str:
    """"A3 ‘Meer woningen’ (SP): Aangenomen met 20 stemmen voor en 11 tegen (2 afwezig) — GL: 7 voor; …"."""
    if p.get("subject") == "amendment":
        target = _amendment(p, n)  # names it with its number
    elif p.get("subject") == "section":
        target = n.section(p.get("section"), p.get("label", ""))
    else:
        target = tr("het raadsakkoord")
    text = f"{target}: " + outcome_sentence(p.get("outcome", ""), p.get("votes_for", 0), p.get("votes_against", 0),
                                             p.get("absent", 0))
    if p.get("meeting"):
        text += " " + tr("(raadsvergadering van {date})").format(
            date=meeting_words(dt.date.fromisoformat(p["meeting"])))
    parties = [party_line(c.get("party", "?"), c.get("for", 0), c.get("against", 0), tuple(c.get("absent") or ()),
                          tuple(tuple(s) for s in c.get("split") or ()))
               for c in p.get("parties") or ()]
    return text + (" — " + "; ".join(parties) if parties else "")


def _rebase(p: dict, n: _Names) -> str:
    outcome = p.get("outcome", "")
    return f"{_amendment(p, n)}: {tr(REBASE_OUTCOMES[outcome]) if outcome in REBASE_OUTCOMES else outcome}"


def _co_submission(p: dict, n: _Names) -> str:
    text = tr("{amendment}: {party}").format(amendment=_amendment(p, n), party=n.party(p.get("party")))
    if p.get("answered_by"):
        text += f" ({p['answered_by']})"
    # Read in by a clerk, but the answer is the party's own, from its signed package.
    return text + (" — " + tr("uit een fractiepakket") if p.get("package") else "")


DESCRIBERS: dict[str, _Describer] = {
    "create_agreement": lambda p, n: tr("{title} ({municipality}, {seats} zetels)").format(
        title=p.get("title", ""), municipality=p.get("municipality", ""), seats=p.get("council_seats", "?")),
    "update_agreement": lambda p, n: tr("gewijzigd: {fields}").format(fields=_fields(p)),
    "add_party": lambda p, n: tr("{party} ({seats} zetels)").format(party=p.get("short_name", ""),
                                                                    seats=p.get("seats", "?")),
    "update_party": lambda p, n: tr("{party}, gewijzigd: {fields}").format(
        party=n.party(p.get("party")), fields=_fields(k for k in p if k != "party")),
    "set_members": lambda p, n: tr("{party}: {members}").format(
        party=n.party(p.get("party")), members=", ".join(p.get("members") or ()) or tr("geen namen")),
    "import_markdown_draft": lambda p, n: tr("{source}: {chapters} hoofdstukken, {sections} hoofdlijnen").format(
        source=p.get("source", ""), chapters=p.get("chapters", "?"), sections=p.get("sections", "?")),
    "add_chapter": lambda p, n: n.chapter(p.get("chapter"), p.get("title", "")),
    "update_chapter": lambda p, n: n.chapter(p.get("chapter"), p.get("title", "")),
    "add_section": lambda p, n: n.section(p.get("section"), p.get("title", "")),
    "revise_section": _revise,
    "rename_section": lambda p, n: n.section(p.get("section"), p.get("title", "")),
    "move_section": lambda p, n: n.section(p.get("section")),
    "set_section_status": _status,
    "propose_amendment": _propose,
    "update_draft": _amendment,
    "submit_amendment": _amendment,
    "lapse_subamendment": lambda p, n: tr("{amendment}: vervallen, want {parent} is ingetrokken").format(
        amendment=_amendment(p, n), parent=n.amendment(p.get("parent"))),
    "withdraw_amendment": lambda p, n: f"{_amendment(p, n)} — {p['reason']}" if p.get("reason") else _amendment(p, n),
    "decide_amendment": _decision,
    "undo_decision": lambda p, n: tr("{amendment}: weer ingediend (was {decision})").format(
        amendment=_amendment(p, n), decision=_status_label(p.get("decision"))),
    "rework_amendment": _amendment,
    "rebase_amendment": _rebase,
    "request_co_submission": _co_submission,
    "withdraw_co_submission_request": _co_submission,
    "confirm_co_submission": _co_submission,
    "decline_co_submission": _co_submission,
    "lapse_co_submission": _co_submission,
    "ask_support_again": lambda p, n: n.section(p.get("section")),
    "endorse_section": _endorse_section,
    "endorse_amendment": _endorse_amendment,
    "confirm_endorsements": lambda p, n: tr("{party}: {count} hoofdlijn(en)").format(
        party=n.party(p.get("party")), count=len(p.get("sections") or ())),
    "restore_endorsement": _restore,
    "publish_round": _publish,
    "record_vote": _vote,
    "set_voting_order": lambda p, n: tr("{count} onderwerpen; verplaatst: {moved}").format(
        count=p.get("items", 0), moved=", ".join(p.get("moved") or ()) or "—"),
    "export_round_package": lambda p, n: tr("ronde {number}").format(number=p.get("round", "?")),
    "import_round_package": lambda p, n: tr("ronde {number}; {counts}").format(
        number=p.get("round", "?"), counts=_counts(p.get("counts") or {})),
    "export_party_package": lambda p, n: tr("{party}: {amendments} amendementen, {endorsements} standpunten").format(
        party=n.party(p.get("party")), amendments=p.get("amendments", 0), endorsements=p.get("endorsements", 0)),
    "import_party_package": lambda p, n: tr("van {party}; {counts}").format(
        party=n.party(p.get("party")), counts=_counts(p.get("counts") or {})),
    "import_tracked_changes": lambda p, n: tr("{file} van {party} (ronde {number}): {count} amendement(en)").format(
        file=p.get("source", ""), party=n.party(p.get("party")), number=p.get("round", "?"),
        count=len(p.get("amendments") or ())),
    "import_amendment_book": lambda p, n: tr("{file}: {count} amendement(en)").format(
        file=p.get("source", ""), count=len(p.get("amendments") or ())),
    "add_task": lambda p, n: p.get("title", ""),
    "edit_task": lambda p, n: tr("{task}, gewijzigd: {fields}").format(
        task=n.task(p.get("task")), fields=_fields(p.get("fields") or ())),
    "init_key": lambda p, n: tr("voor {holder}, vingerafdruk {fingerprint}").format(
        holder=n.holder(p.get("holder", "")), fingerprint=p.get("fingerprint", "")),
    "register_key": lambda p, n: tr("van {holder}, vingerafdruk {fingerprint}").format(
        holder=n.holder(p.get("holder", "")), fingerprint=p.get("fingerprint", "")),
}


def describe(action: str, payload: dict, names: _Names) -> str:
    """The payload in words; an unknown action, or a payload of an older shape, shows its values."""
    describer = DESCRIBERS.get(action)
    if describer is not None:
        try:
            return describer(payload, names)
        except (KeyError, TypeError, ValueError, AttributeError):
            pass
    return ", ".join(f"{key}: {value}" for key, value in payload.items())

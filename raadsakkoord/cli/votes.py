"""``vote``: the griffie records the council's vote on an amendment, a section or the agreement; ``--order`` lists them."""

from __future__ import annotations

import argparse
import datetime as dt

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr
from raadsakkoord.cli.common import in_workspace, say

_CHOICES = {"for": "for", "voor": "for", "against": "against", "tegen": "against"}


def register(sub: argparse._SubParsersAction) -> None:
    vote = sub.add_parser("vote", description=tr(
        "Leg de stemming van de raad vast: per fractie voor of tegen, raadsleden die anders stemmen of "
        "afwezig zijn. De meerderheid van de uitgebrachte stemmen beslist; bij staking van stemmen is er "
        "geen besluit."))
    vote.add_argument("workspace", metavar=tr("WERKRUIMTE"), help=tr("bestand of serveradres"))
    vote.add_argument("item", nargs="?", metavar=tr("ONDERWERP"),
                      help=tr("een amendement (A3, A3.1), een hoofdlijn (8.4) of 'raadsakkoord'"))
    vote.add_argument("--for", dest="voting_for", action="append", default=[], metavar=tr("FRACTIES"),
                      help=tr("de fracties die voor stemmen, met komma's: GL,VVD"))
    vote.add_argument("--against", dest="voting_against", action="append", default=[], metavar=tr("FRACTIES"),
                      help=tr("de fracties die tegen stemmen, met komma's"))
    vote.add_argument("--absent", action="append", default=[], metavar=tr("NAMEN"),
                      help=tr("raadsleden die afwezig zijn, met komma's"))
    vote.add_argument("--split", action="append", default=[], metavar=tr("NAAM:voor"),
                      help=tr("een raadslid dat anders stemt dan de fractie: \"Anna Jansen:tegen\" "
                              "(voor/tegen of for/against); mag vaker"))
    vote.add_argument("--meeting", metavar=tr("DATUM"),
                      help=tr("de datum van de raadsvergadering (JJJJ-MM-DD)"))
    vote.add_argument("--order", action="store_true",
                      help=tr("toon de stemvolgorde van wat nog open staat, in plaats van te stemmen"))
    vote.set_defaults(handler=run)


def _names(values: list[str]) -> list[str]:
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def _split(values: list[str]) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        name, sep, choice = value.rpartition(":")
        if not sep or not name.strip() or choice.strip().casefold() not in _CHOICES:
            raise InputError(tr("Schrijf --split als \"Naam:voor\" of \"Naam:tegen\", niet '{value}'.").format(
                value=value))
        pairs.append((name.strip(), _CHOICES[choice.strip().casefold()]))
    return pairs


def _meeting(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(tr("--meeting is geen datum: {text} (schrijf JJJJ-MM-DD)").format(text=text)) from None


def run(args: argparse.Namespace) -> int:
    if args.order:
        if args.item or args.voting_for or args.voting_against or args.absent or args.split or args.meeting:
            raise InputError(tr("--order toont alleen de stemvolgorde; laat het onderwerp en de stemmen weg."))
        return run_order(args)
    if not args.item:
        raise InputError(tr("Noem waarover de raad stemt: een amendement (A3), een hoofdlijn (8.4) of "
                            "'raadsakkoord'; of --order voor de stemvolgorde."))
    return run_vote(args)


def run_order(args: argparse.Namespace) -> int:
    from raadsakkoord.queries.voting import voting_order

    items = in_workspace(args.workspace, voting_order)
    if not items:
        say(tr("Er staat niets meer open voor stemming."))
        return 0
    width = len(str(len(items)))
    for index, item in enumerate(items, 1):
        say(f"{index:>{width}}. {item.label}  {item.title}")
    return 0


def run_vote(args: argparse.Namespace) -> int:
    from raadsakkoord.cli.packages import _actor
    from raadsakkoord.operations import record_vote
    from raadsakkoord.queries.ballot import outcome_sentence, party_line
    from raadsakkoord.queries.identity import party_named
    from raadsakkoord.queries.voting import item_by_label, result_of

    voting_for, voting_against = _names(args.voting_for), _names(args.voting_against)
    if not voting_for and not voting_against:
        raise InputError(tr("Geef met --for en --against aan welke fracties voor en tegen stemmen."))
    split, meeting = _split(args.split), _meeting(args.meeting)

    def run(session):
        item = item_by_label(session, args.item)
        vote = record_vote(session, _actor(session), item,
                           voting_for=[party_named(session, name).id for name in voting_for],
                           voting_against=[party_named(session, name).id for name in voting_against],
                           absent=_names(args.absent), split=split, meeting=meeting)
        return result_of(session, vote, item)

    result = in_workspace(args.workspace, run)
    say(f"{result.item.label} {result.item.title}: "
        + outcome_sentence(result.outcome, result.votes_for, result.votes_against, result.absent))
    for party in result.parties:
        say("  " + party_line(party.short_name, party.votes_for, party.votes_against, party.absent, party.split)
            + "  " + tr("({seats} zetels)").format(seats=party.seats))
    say(_consequence(result.item.kind, result.item.label, result.outcome))
    return 0


def _consequence(kind: str, label: str, outcome: str) -> str:
    if outcome == "tied":
        return tr("Staking van stemmen: er is geen besluit. De voorzitter beslist hoe verder; er kan opnieuw "
                  "worden gestemd.")
    adopted = outcome == "adopted"
    if kind == "amendment":
        return (tr("{label} is aanvaard en in de tekst verwerkt.") if adopted
                else tr("{label} is verworpen.")).format(label=label)
    if kind == "section":
        return (tr("De raad heeft {label} vastgesteld.") if adopted
                else tr("De raad heeft {label} verworpen; zij vervalt.")).format(label=label)
    return (tr("Het raadsakkoord is vastgesteld; de definitieve ronde is gepubliceerd.") if adopted
            else tr("Het raadsakkoord is niet vastgesteld."))

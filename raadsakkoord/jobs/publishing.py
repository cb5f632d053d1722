"""Publishing a round in the worker process: the round and every rebase, or nothing."""

from __future__ import annotations

from dataclasses import dataclass

from raadsakkoord import operations as ops
from raadsakkoord.base import i18n
from raadsakkoord.base.actor import Actor
from raadsakkoord.base.i18n import tr, trn
from raadsakkoord.store.workspace import open_workspace


@dataclass(frozen=True)
class Published:
    """What the griffie is told right after publishing (read inside the publishing session)."""

    number: int
    label: str
    is_final: bool
    sections: int
    rebased: int
    needs_rework: int
    already_in_text: int

    def status_line(self) -> str:
        line = tr("{label} is gepubliceerd (ronde {number}, {sections} hoofdlijnen).").format(
            label=self.label, number=self.number, sections=self.sections)
        if self.rebased:
            line += " " + trn("{n} amendement is overgezet op de nieuwe tekst.",
                              "{n} amendementen zijn overgezet op de nieuwe tekst.", self.rebased).format(n=self.rebased)
        if self.needs_rework:
            line += " " + trn("{n} amendement botst met de nieuwe tekst en moet door de fractie worden herzien.",
                              "{n} amendementen botsen met de nieuwe tekst en moeten door de fracties worden herzien.",
                              self.needs_rework).format(n=self.needs_rework)
        if self.already_in_text:
            line += " " + trn("{n} amendement stond al in de nieuwe tekst.",
                              "{n} amendementen stonden al in de nieuwe tekst.", self.already_in_text).format(
                n=self.already_in_text)
        return line


def publish_round_at(target: str, actor: Actor, *, final: bool, label: str, note: str,
                     language: str) -> Published:
    """Publish a round in a process of its own (the window's worker process): the round and every rebase, or nothing.

    Rebasing all open amendments is long Python work (10 s on ten times a
    real agreement); in the window's own interpreter it would freeze the
    window.
    """
    i18n.set_language(language)
    workspace = open_workspace(target)
    try:
        with workspace.action() as session:
            published = ops.publish_round(session, actor, label=label or None, final=final, note=note)
            report = getattr(published, "rebase_report", None)
            return Published(published.number, published.label, published.is_final, len(published.entries),
                             len(report.rebased) if report else 0, len(report.needs_rework) if report else 0,
                             len(report.already_in_text) if report else 0)
    finally:
        workspace.close()

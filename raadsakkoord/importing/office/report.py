"""What an imported document held that a draft cannot: counted, so the clerk is told."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from raadsakkoord.base.i18n import tr, trn

# Every kind of dropped thing, in the order the report lists them. The texts
# are whole phrases per kind because Dutch plurals are not a suffix.
_PHRASES = {
    "comment": lambda n: trn("{n} opmerking", "{n} opmerkingen", n),
    "image": lambda n: trn("{n} afbeelding of tekening", "{n} afbeeldingen en tekeningen", n),
    "chart": lambda n: trn("{n} grafiek", "{n} grafieken", n),
    "textbox": lambda n: trn("{n} tekstvak", "{n} tekstvakken", n),
    "object": lambda n: trn("{n} ingevoegd object", "{n} ingevoegde objecten", n),
    "formula": lambda n: trn("{n} formule", "{n} formules", n),
    "footnote": lambda n: trn("{n} voetnoot", "{n} voetnoten", n),
    "endnote": lambda n: trn("{n} eindnoot", "{n} eindnoten", n),
    "toc": lambda n: trn("{n} inhoudsopgave of index", "{n} inhoudsopgaven en indexen", n),
    "header": lambda n: trn("{n} kop- of voettekst", "{n} kop- en voetteksten", n),
    "title": lambda n: trn("{n} titel of ondertitel (de titel van het raadsakkoord geeft u zelf op)",
                           "{n} titels en ondertitels (de titel van het raadsakkoord geeft u zelf op)", n),
    "field": lambda n: trn("{n} veld (alleen de getoonde tekst is overgenomen)",
                           "{n} velden (alleen de getoonde tekst is overgenomen)", n),
    "symbol": lambda n: trn("{n} symbool", "{n} symbolen", n),
    "nested_table": lambda n: trn("{n} tabel in een tabel", "{n} tabellen in een tabel", n),
    "merged_cells": lambda n: trn("{n} tabel met samengevoegde cellen (de cellen zijn gesplitst)",
                                  "{n} tabellen met samengevoegde cellen (de cellen zijn gesplitst)", n),
    "underline": lambda n: trn("onderstreping of doorhaling op {n} plaats (de tekst is overgenomen)",
                               "onderstreping of doorhaling op {n} plaatsen (de tekst is overgenomen)", n),
    "emphasis": lambda n: trn("vet of cursief in {n} alinea die Markdown niet kan weergeven "
                              "(de tekst is overgenomen)",
                              "vet of cursief in {n} alinea's die Markdown niet kan weergeven "
                              "(de tekst is overgenomen)", n),
}
KINDS = tuple(_PHRASES)


@dataclass
class ImportReport:
    """Counts per kind of what was left out of (or simplified in) the imported draft."""

    source: str
    dropped: Counter = field(default_factory=Counter)

    def add(self, kind: str, count: int = 1) -> None:
        if kind not in _PHRASES:
            raise ValueError(f"unknown kind of dropped content: {kind}")
        self.dropped[kind] += count

    @property
    def complete(self) -> bool:
        return not any(self.dropped.values())

    def items(self) -> list[str]:
        """One Dutch phrase per kind, in a fixed order: '2 opmerkingen', …"""
        return [_PHRASES[kind](n).format(n=n) for kind in KINDS if (n := self.dropped[kind])]

    def lines(self) -> list[str]:
        """The report as the CLI prints it; empty when everything was taken over."""
        if self.complete:
            return []
        return [tr("Niet overgenomen uit {source}:").format(source=self.source)] + [
            f"  - {item}" for item in self.items()]

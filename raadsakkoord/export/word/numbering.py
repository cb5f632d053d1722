"""Real Word lists: bullets and numbers that Word renumbers itself.

Word's template shares one numbering between all "List Number" paragraphs,
so a second list would go on counting from the first. Each numbered list
here gets a numbering instance of its own that starts where the Markdown
list starts; all bulleted lists share one.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from raadsakkoord.export.word.base import set_paragraph_property

BULLETS = ("•", "–", "▪")
_NUMBER_FORMATS = ("decimal", "lowerLetter", "lowerRoman")


class Lists:
    def __init__(self, document) -> None:
        self._numbering = document.part.numbering_part.element
        abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in self._numbering.iterchildren(qn("w:abstractNum"))]
        num_ids = [int(n.get(qn("w:numId"))) for n in self._numbering.iterchildren(qn("w:num"))]
        self._next_abstract = max(abstract_ids, default=0) + 1
        self._next_num = max(num_ids, default=0) + 1
        self._bullet_abstract = self._abstract("bullet")
        self._number_abstract = self._abstract("number")
        self._bullets = self._instance(self._bullet_abstract, None)

    def _abstract(self, kind: str) -> int:
        ident = self._next_abstract
        self._next_abstract += 1
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(ident))
        multi = OxmlElement("w:multiLevelType")
        multi.set(qn("w:val"), "hybridMultilevel")
        abstract.append(multi)
        for level in range(9):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(level))
            for tag, value in (("w:start", "1"),
                               ("w:numFmt", "bullet" if kind == "bullet" else _NUMBER_FORMATS[level % 3]),
                               ("w:lvlText", BULLETS[level % 3] if kind == "bullet" else f"%{level + 1}."),
                               ("w:lvlJc", "left")):
                element = OxmlElement(tag)
                element.set(qn("w:val"), value)
                lvl.append(element)
            paragraph = OxmlElement("w:pPr")
            indent = OxmlElement("w:ind")
            indent.set(qn("w:left"), str(360 * (level + 1)))
            indent.set(qn("w:hanging"), "360")
            paragraph.append(indent)
            lvl.append(paragraph)
            abstract.append(lvl)
        # The schema wants every abstractNum before the first num.
        first_num = self._numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self._numbering.append(abstract)
        return ident

    def _instance(self, abstract: int, start: tuple[int, int] | None) -> int:
        ident = self._next_num
        self._next_num += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(ident))
        reference = OxmlElement("w:abstractNumId")
        reference.set(qn("w:val"), str(abstract))
        num.append(reference)
        if start is not None:
            level, value = start
            override = OxmlElement("w:lvlOverride")
            override.set(qn("w:ilvl"), str(level))
            start_at = OxmlElement("w:startOverride")
            start_at.set(qn("w:val"), str(value))
            override.append(start_at)
            num.append(override)
        self._numbering.append(num)
        return ident

    def bullets(self) -> int:
        return self._bullets

    def numbered(self, level: int, start: int) -> int:
        """A new numbered list whose items at ``level`` count from ``start``."""
        return self._instance(self._number_abstract, (level, start))


def make_item(paragraph, num_id: int, level: int) -> None:
    numbering = OxmlElement("w:numPr")
    depth = OxmlElement("w:ilvl")
    depth.set(qn("w:val"), str(min(level, 8)))
    ident = OxmlElement("w:numId")
    ident.set(qn("w:val"), str(num_id))
    numbering.append(depth)
    numbering.append(ident)
    set_paragraph_property(paragraph, numbering)

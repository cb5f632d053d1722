"""What a Word paragraph's style and numbering say: heading level, list kind, bold and italic.

Word stores the English names of its built-in styles in the file whatever
language the user works in ("heading 1" also in a Dutch Word, where it is
shown as "Kop 1"); a style may also inherit its outline level from the style
it is based on, so the whole chain is followed.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn

_HEADING_NAME = re.compile(r"^(?:heading|kop)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = {"title", "subtitle", "titel", "ondertitel"}
# Word's built-in "List Bullet 2" numbers at level 0 of a list of its own and is indented by
# the style: the reader sees a nested item, so the number in the name is its depth.
_LIST_DEPTH_NAME = re.compile(r"^list (?:bullet|number)\s*([2-9])$", re.IGNORECASE)
_TOC_NAME = re.compile(r"^(?:toc|inhopg)\s*[1-9]$", re.IGNORECASE)
_TRUE = {"1", "true", "on", None}


def flag(properties, name: str) -> bool | None:
    """A toggle property such as ``<w:b/>`` or ``<w:b w:val="0"/>``: True, False, or None when absent."""
    if properties is None:
        return None
    element = properties.find(qn(f"w:{name}"))
    if element is None:
        return None
    return element.get(qn("w:val")) in _TRUE


LARGER = 1.2  # type this much larger than the body text sets a paragraph apart as a heading
_DEFAULT_SIZE = 20  # half-points: Word's size when the file states none


class Styles:
    def __init__(self, styles_element) -> None:
        self._by_id = {}
        self.default_paragraph = None
        defaults = styles_element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self._default_size = _size(defaults) or _DEFAULT_SIZE
        for style in styles_element.iterchildren(qn("w:style")):
            self._by_id[style.get(qn("w:styleId"))] = style
            if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true"):
                self.default_paragraph = style.get(qn("w:styleId"))

    def chain(self, style_id: str | None):
        """The style and those it is based on, nearest first (a loop in a broken file ends it)."""
        seen = set()
        while style_id and style_id not in seen and style_id in self._by_id:
            seen.add(style_id)
            style = self._by_id[style_id]
            yield style
            based_on = style.find(qn("w:basedOn"))
            style_id = based_on.get(qn("w:val")) if based_on is not None else None

    def _name(self, style) -> str:
        name = style.find(qn("w:name"))
        return (name.get(qn("w:val")) if name is not None else "").strip()

    def heading_level(self, style_id: str | None) -> int | str | None:
        """1–9 for a heading, "title" for a title or subtitle, "toc" for a table-of-contents entry."""
        for style in self.chain(style_id):
            name = self._name(style)
            match = _HEADING_NAME.match(name)
            if match:
                return int(match.group(1))
            if name.lower() in _TITLE_NAMES:
                return "title"
            if _TOC_NAME.match(name):
                return "toc"
            properties = style.find(qn("w:pPr"))
            if properties is not None and properties.find(qn("w:outlineLvl")) is not None:
                # Level 9 is "body text": a style based on a heading that is no heading
                # itself (Word's "TOC Heading") says so here.
                return outline_level(properties)
        return None

    def named_heading(self, style_id: str | None) -> bool:
        """Whether the style is a heading by name ("heading 1", "Kop 2"), or derived from one."""
        return any(_HEADING_NAME.match(self._name(style)) for style in self.chain(style_id))

    def size(self, style_id: str | None) -> int:
        """The type size in half-points a style gives, following its chain to the document's default."""
        return self._stated_size(style_id) or self._default_size

    def _stated_size(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            found = _size(style.find(qn("w:rPr")))
            if found:
                return found
        return None

    def large(self, paragraph, style_id: str | None) -> bool:
        """Whether all the paragraph's text is set larger than the body text."""
        body = self.size(self.default_paragraph)
        sizes = []
        for run in paragraph.iter(qn("w:r")):
            if not "".join(t.text or "" for t in run.iter(qn("w:t"))).strip():
                continue
            properties = run.find(qn("w:rPr"))
            character = properties.find(qn("w:rStyle")) if properties is not None else None
            sizes.append(_size(properties)
                         or (self._stated_size(character.get(qn("w:val"))) if character is not None else None)
                         or self.size(style_id))
        return bool(sizes) and min(sizes) >= body * LARGER

    def numbering(self, style_id: str | None) -> tuple[str, int, int] | None:
        """(numId, level, depth shown) the style gives its paragraphs, as List Bullet and List Number do."""
        depth = 0
        for style in self.chain(style_id):
            match = _LIST_DEPTH_NAME.match(self._name(style))
            depth = max(depth, int(match.group(1)) - 1 if match else 0)
            found = numbering_of(style.find(qn("w:pPr")))
            if found is not None:
                return found[0], found[1], max(found[1], depth)
        return None

    def run_flag(self, style_id: str | None, name: str) -> bool | None:
        for style in self.chain(style_id):
            value = flag(style.find(qn("w:rPr")), name)
            if value is not None:
                return value
        return None


def _size(run_properties) -> int | None:
    if run_properties is None:
        return None
    element = run_properties.find(qn("w:sz"))
    value = element.get(qn("w:val"), "") if element is not None else ""
    return int(value) if value.isdigit() and 0 < int(value) < 3200 else None


def outline_level(paragraph_properties) -> int | None:
    if paragraph_properties is None:
        return None
    element = paragraph_properties.find(qn("w:outlineLvl"))
    if element is None:
        return None
    value = element.get(qn("w:val"), "")
    # 0–8 are levels 1–9; 9 is Word's "body text".
    return int(value) + 1 if value.isdigit() and int(value) < 9 else None


def numbering_of(paragraph_properties) -> tuple[str, int] | None:
    if paragraph_properties is None:
        return None
    numbering = paragraph_properties.find(qn("w:numPr"))
    if numbering is None:
        return None
    num_id = numbering.find(qn("w:numId"))
    level = numbering.find(qn("w:ilvl"))
    ident = num_id.get(qn("w:val")) if num_id is not None else None
    depth = level.get(qn("w:val"), "0") if level is not None else "0"
    if ident is None:
        return None
    return ident, int(depth) if depth.isdigit() else 0


class Numbering:
    """Whether a list is bulleted or numbered, and where its numbers start."""

    def __init__(self, numbering_element) -> None:
        self._abstract = {}
        self._nums = {}
        if numbering_element is None:
            return
        for abstract in numbering_element.iterchildren(qn("w:abstractNum")):
            self._abstract[abstract.get(qn("w:abstractNumId"))] = {
                lvl.get(qn("w:ilvl")): lvl for lvl in abstract.iterchildren(qn("w:lvl"))}
        for num in numbering_element.iterchildren(qn("w:num")):
            abstract = num.find(qn("w:abstractNumId"))
            overrides = {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    overrides[override.get(qn("w:ilvl"))] = start.get(qn("w:val"))
            self._nums[num.get(qn("w:numId"))] = (
                abstract.get(qn("w:val")) if abstract is not None else None, overrides)

    def _level(self, num_id: str, level: int):
        abstract_id, _ = self._nums.get(num_id, (None, {}))
        return self._abstract.get(abstract_id, {}).get(str(level))

    def kind(self, num_id: str, level: int) -> str | None:
        """"bullet", "number", or None when the paragraph is not in a list after all."""
        if num_id == "0" or num_id not in self._nums:
            return None  # numId 0 switches a style's numbering off
        lvl = self._level(num_id, level)
        fmt = lvl.find(qn("w:numFmt")) if lvl is not None else None
        value = fmt.get(qn("w:val")) if fmt is not None else "bullet"
        if value == "none":
            return None
        return "bullet" if value == "bullet" else "number"

    def start(self, num_id: str, level: int) -> int:
        override = self._nums.get(num_id, (None, {}))[1].get(str(level))
        if override is not None and override.isdigit():
            return int(override)
        lvl = self._level(num_id, level)
        start = lvl.find(qn("w:start")) if lvl is not None else None
        value = start.get(qn("w:val"), "1") if start is not None else "1"
        return int(value) if value.isdigit() else 1

"""What an OpenDocument text's styles say: bold, italic, lists, titles.

LibreOffice writes direct formatting as automatic styles (``T1``, ``P2``) in
content.xml that inherit from the named styles in styles.xml, so both files'
styles are read and followed up their parent chain.
"""

from __future__ import annotations

import re

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}
_TITLE_NAMES = {"title", "subtitle", "titel", "ondertitel"}
# LibreOffice's "Heading_20_1" (shown "Heading 1") and a Dutch "Kop 1".
_HEADING_NAME = re.compile(r"^(?:heading|kop)(?:[ _]|_20_)*[1-9]?$", re.IGNORECASE)
LARGER = 1.2  # type this much larger than the body text sets a paragraph apart as a heading
_DEFAULT_POINTS = 12.0  # LibreOffice's default size when the file states none
_POINTS = re.compile(r"^(\d+(?:\.\d+)?)pt$")
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)%$")
# Word's "List Bullet 2", kept as a paragraph style when LibreOffice opens a
# .docx: a list of its own at level 1, shown indented, so the name says the depth.
_LIST_DEPTH_NAME = re.compile(r"^list[ _](?:20_)?(?:bullet|number)[ _](?:20_)?([2-9])$", re.IGNORECASE)


def q(name: str) -> str:
    """``text:p`` as lxml's ``{urn:…}p``."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _weight_bold(value: str | None) -> bool | None:
    if value is None:
        return None
    return value == "bold" or (value.isdigit() and int(value) >= 600)


class OdfStyles:
    def __init__(self, *roots) -> None:
        """``roots``: the style containers, nearest first (content's automatic styles win)."""
        self._styles: dict[tuple[str, str], object] = {}
        self._lists: dict[str, object] = {}
        self.automatic: set[tuple[str, str]] = set()
        self.default_points = _DEFAULT_POINTS
        for root in reversed([r for r in roots if r is not None]):
            automatic = root.tag == q("office:automatic-styles")
            for style in root.iterchildren(q("style:style")):
                key = (style.get(q("style:family"), ""), style.get(q("style:name"), ""))
                self._styles[key] = style
                if automatic:
                    self.automatic.add(key)
                else:
                    self.automatic.discard(key)
            for default in root.iterchildren(q("style:default-style")):
                properties = default.find(q("style:text-properties"))
                size = properties.get(q("fo:font-size"), "") if properties is not None else ""
                if default.get(q("style:family")) == "paragraph" and (match := _POINTS.match(size)):
                    self.default_points = float(match.group(1))
            for list_style in root.iterchildren(q("text:list-style")):
                self._lists[list_style.get(q("style:name"), "")] = list_style

    def chain(self, family: str, name: str | None):
        seen = set()
        while name and name not in seen and (family, name) in self._styles:
            seen.add(name)
            style = self._styles[(family, name)]
            yield style
            name = style.get(q("style:parent-style-name"))

    def _text_property(self, style, what: str) -> bool | None:
        properties = style.find(q("style:text-properties"))
        if properties is None:
            return None
        if what == "bold":
            return _weight_bold(properties.get(q("fo:font-weight")))
        if what == "italic":
            value = properties.get(q("fo:font-style"))
            return None if value is None else value in ("italic", "oblique")
        underline = properties.get(q("style:text-underline-style"))
        strike = properties.get(q("style:text-line-through-style"))
        if underline is None and strike is None:
            return None
        return (underline or "none") != "none" or (strike or "none") != "none"

    def text_flag(self, name: str | None, what: str) -> bool | None:
        """bold/italic/marked of a character style, following its parents; None if it says nothing."""
        for style in self.chain("text", name):
            value = self._text_property(style, what)
            if value is not None:
                return value
        return None

    def paragraph_flag(self, name: str | None, what: str) -> bool | None:
        """bold/italic given directly to one paragraph (its automatic style), not by a named style.

        A named style's weight (a heading's, a quote's italics) is layout;
        a whole paragraph made bold by hand is what the author meant.
        """
        if not name or ("paragraph", name) not in self.automatic:
            return None
        return self._text_property(self._styles[("paragraph", name)], what)

    def is_title(self, name: str | None) -> bool:
        for style in self.chain("paragraph", name):
            names = {style.get(q("style:name"), ""), style.get(q("style:display-name"), "")}
            if {n.lower() for n in names} & _TITLE_NAMES:
                return True
        return False

    def outline_level(self, name: str | None) -> int | None:
        """The outline level a paragraph style gives (a heading written as a plain paragraph), or None."""
        for style in self.chain("paragraph", name):
            value = style.get(q("style:default-outline-level"), "")
            if value:
                return int(value) if value.isdigit() and 0 < int(value) <= 10 else None
        return None

    def named_heading(self, name: str | None) -> bool:
        """Whether a paragraph style is a heading by name, or derived from one."""
        return any(_HEADING_NAME.match(label or "") for style in self.chain("paragraph", name)
                   for label in (style.get(q("style:name")), style.get(q("style:display-name"))))

    def _points(self, name: str | None) -> float:
        """The type size a paragraph style gives, in points, following its parents."""
        scale = 1.0
        for style in self.chain("paragraph", name):
            properties = style.find(q("style:text-properties"))
            value = properties.get(q("fo:font-size"), "") if properties is not None else ""
            if match := _POINTS.match(value):
                return float(match.group(1)) * scale
            if match := _PERCENT.match(value):
                scale *= float(match.group(1)) / 100
        return self.default_points * scale

    def large(self, name: str | None) -> bool:
        """Whether a paragraph's style sets it larger than the body text ("Standard")."""
        return self._points(name) >= self._points("Standard") * LARGER

    def list_depth(self, name: str | None) -> int:
        for style in self.chain("paragraph", name):
            for label in (style.get(q("style:display-name")), style.get(q("style:name"))):
                match = _LIST_DEPTH_NAME.match(label or "")
                if match:
                    return int(match.group(1)) - 1
        return 0

    def list_style_of_paragraph(self, name: str | None) -> str | None:
        for style in self.chain("paragraph", name):
            found = style.get(q("style:list-style-name"))
            if found:
                return found
        return None

    def list_level(self, list_style: str | None, level: int) -> tuple[str, int] | None:
        """("bullet"|"number", start) for a level (0 = outer) of a list style; None: no marker."""
        style = self._lists.get(list_style or "")
        if style is None:
            return ("bullet", 1)
        for child in style.iterchildren():
            if child.get(q("text:level")) != str(level + 1):
                continue
            if child.tag == q("text:list-level-style-number"):
                if not child.get(q("style:num-format")):
                    return None
                start = child.get(q("text:start-value"), "1")
                return ("number", int(start) if start.isdigit() else 1)
            return ("bullet", 1)
        return ("bullet", 1)

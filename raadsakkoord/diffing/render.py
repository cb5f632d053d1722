"""Renderers of a TextDiff: HTML, CriticMarkup, plain text for terminals, JSON.

Each renderer escapes the text itself, so markup typed into a section is
shown as text and never becomes live HTML. Colours belong to the style sheet
of the UI or the export; the HTML carries class names only.
"""

from __future__ import annotations

import html
import json
import re

from raadsakkoord.diffing.model import Kind, Op, ParagraphDiff, TextDiff

# Class names used by the HTML renderer; the style sheet gives them colours.
CSS_CLASSES = {
    "diff": "rk-diff",
    "paragraph": "rk-par",
    Op.INSERT: "rk-ins",
    Op.DELETE: "rk-del",
    "moved": "rk-moved",
}

# Short Dutch notes, shown to readers next to a moved paragraph.
MOVED_FROM_NOTE = "verplaatst naar elders"
MOVED_TO_NOTE = "verplaatst van elders"


def to_html(diff: TextDiff, *, emphasis: bool = False) -> str:
    """An HTML fragment: one ``<p>`` per paragraph, changes in ``<ins>``/``<del>``.

    Paragraph classes say what happened (``rk-par rk-changed``, ``rk-moved-to``
    …); moved paragraphs also carry ``data-move`` to link both places. Line
    breaks inside a paragraph (list items) become ``<br>``. With ``emphasis``
    the ``**bold**`` and ``*italic*`` markers are shown as bold and italic
    instead of as characters, for readers rather than writers.
    """
    parts = [f'<div class="{CSS_CLASSES["diff"]}">']
    for paragraph in diff.paragraphs:
        attributes = f'class="{CSS_CLASSES["paragraph"]} rk-{paragraph.kind.value}"'
        if paragraph.move is not None:
            attributes += f' data-move="{paragraph.move}"'
        inner = []
        styles = _Emphasis(paragraph.spans) if emphasis else None
        for span in paragraph.spans:
            text = styles.render(span.op, span.text) if styles else _html_text(span.text)
            if span.op is Op.EQUAL:
                inner.append(text)
                continue
            classes = CSS_CLASSES[span.op]
            if paragraph.move is not None:
                classes += " " + CSS_CLASSES["moved"]
            tag = "ins" if span.op is Op.INSERT else "del"
            inner.append(f'<{tag} class="{classes}">{text}</{tag}>')
        parts.append(f"<p {attributes}>{''.join(inner)}</p>")
    parts.append("</div>")
    return "\n".join(parts) + "\n"


def _html_text(text: str) -> str:
    return html.escape(text, quote=True).replace("\n", "<br>\n")


# An emphasis marker: a run of one or two * or _ that touches a word on one
# side (so a list bullet "* " or a lone "_" between spaces stays text).
_MARKER = re.compile(r"(?<![\w*_])(\*\*|__|\*|_)(?=[^\s*_])|(?<=[^\s*_])(\*\*|__|\*|_)(?![\w*_])")
# The Word writer (export/word/tracked.py) walks spans with the same markers.
EMPHASIS_MARKER = _MARKER


class _Emphasis:
    """Bold and italic state of the old and the new text while walking one paragraph's spans.

    Markers are found in the paragraph's spans read as one text, so a marker
    that sits alone in an insertion still sees the word beside it. A marker
    in unchanged text switches both texts and is hidden; one inside a
    deletion or insertion switches only that text and stays visible. Each piece of text is
    wrapped on its own, so the tags always nest inside ``<ins>``/``<del>``.
    """

    def __init__(self, spans) -> None:
        self.old = {"strong": False, "em": False}
        self.new = {"strong": False, "em": False}
        whole = "".join(span.text for span in spans)
        self.markers = {m.start(): m.end() for m in _MARKER.finditer(whole)}
        self.offset = 0

    def render(self, op: Op, text: str) -> str:
        states = {Op.EQUAL: (self.old, self.new), Op.DELETE: (self.old,), Op.INSERT: (self.new,)}[op]
        shown = self.old if op is Op.DELETE else self.new
        out, start, index = [], 0, 0
        while index < len(text):
            end = self.markers.get(self.offset + index)
            if end is not None and end - self.offset <= len(text):
                out.append(self._wrap(text[start:index], shown))
                if op is not Op.EQUAL:
                    # A changed marker stays visible: otherwise a change of
                    # emphasis alone would show no change at all.
                    out.append(_html_text(text[index:end - self.offset]))
                kind = "strong" if end - (self.offset + index) == 2 else "em"
                for state in states:
                    state[kind] = not state[kind]
                index = start = end - self.offset
                continue
            index += 1
        out.append(self._wrap(text[start:], shown))
        self.offset += len(text)
        return "".join(out)

    @staticmethod
    def _wrap(text: str, state: dict) -> str:
        if not text:
            return ""
        result = _html_text(text)
        if state["em"]:
            result = f"<em>{result}</em>"
        if state["strong"]:
            result = f"<strong>{result}</strong>"
        return result


_CRITIC_DELIMITER = re.compile(r"\{(?=[-+~>=])|(?<=[-+~<=])\}|~>")


def _critic_text(text: str) -> str:
    """Text safe inside CriticMarkup that is later turned into HTML.

    Braces that would open or close a CriticMarkup mark and ``<`` (which
    would start raw HTML in Markdown) become character references, which
    Markdown renders as the character itself.
    """
    text = text.replace("<", "&lt;")
    return _CRITIC_DELIMITER.sub(lambda m: {"{": "&#123;", "}": "&#125;", "~>": "~&gt;"}[m.group()], text)


def to_critic(diff: TextDiff) -> str:
    """Markdown with CriticMarkup: ``{++…++}``, ``{--…--}``, ``{~~old~>new~~}``."""
    paragraphs = []
    for paragraph in diff.paragraphs:
        text = _critic_paragraph(paragraph)
        if paragraph.kind is Kind.MOVED_FROM:
            text += "{>>" + MOVED_FROM_NOTE + "<<}"
        elif paragraph.kind is Kind.MOVED_TO:
            text += "{>>" + MOVED_TO_NOTE + "<<}"
        paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _critic_paragraph(paragraph: ParagraphDiff) -> str:
    out = []
    spans = paragraph.spans
    k = 0
    while k < len(spans):
        span = spans[k]
        text = _critic_text(span.text)
        if span.op is Op.EQUAL:
            out.append(text)
        elif span.op is Op.DELETE and k + 1 < len(spans) and spans[k + 1].op is Op.INSERT:
            out.append("{~~" + text + "~>" + _critic_text(spans[k + 1].text) + "~~}")
            k += 1
        elif span.op is Op.DELETE:
            out.append("{--" + text + "--}")
        else:
            out.append("{++" + text + "++}")
        k += 1
    return "".join(out)


# C0 and C1 controls (ESC among them) would drive the terminal, not show text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def to_text(diff: TextDiff) -> str:
    """Plain text for terminals: ``[-old-]{+new+}``, like ``git diff --word-diff=plain``."""
    paragraphs = []
    for paragraph in diff.paragraphs:
        out = []
        for span in paragraph.spans:
            text = _CONTROL.sub("\N{REPLACEMENT CHARACTER}", span.text)
            if span.op is Op.EQUAL:
                out.append(text)
            elif span.op is Op.DELETE:
                out.append("[-" + text + "-]")
            else:
                out.append("{+" + text + "+}")
        if paragraph.kind is Kind.MOVED_FROM:
            out.append(f" ({MOVED_FROM_NOTE})")
        elif paragraph.kind is Kind.MOVED_TO:
            out.append(f" ({MOVED_TO_NOTE})")
        paragraphs.append("".join(out))
    return "\n\n".join(paragraphs)


def to_data(diff: TextDiff) -> dict:
    """The diff as plain data (lists, dicts, strings) for JSON."""
    return {
        "paragraphs": [
            {
                "kind": p.kind.value,
                "old": p.old,
                "new": p.new,
                "move": p.move,
                "spans": [{"op": s.op.value, "text": s.text} for s in p.spans],
            }
            for p in diff.paragraphs
        ]
    }


def to_json(diff: TextDiff) -> str:
    """JSON of ``to_data``; ``<``, ``>`` and ``&`` are escaped so it is safe inside a page too."""
    text = json.dumps(to_data(diff), ensure_ascii=False, indent=1)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")

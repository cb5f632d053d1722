"""The one safe renderer from a section's Markdown to HTML.

Texts arrive in packages from other parties' machines, so they are hostile
until proven otherwise: raw HTML is shown as text, links survive only for
http, https and mailto, and images become their alternative text so that no
page or PDF ever fetches a remote resource. CommonMark (markdown-it-py) is
used because the Markdown export promises CommonMark to its readers.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from raadsakkoord.base.commonmark import new_parser
from raadsakkoord.diffing.lines import Block, Line, LineCutter, LineStart, block_texts, cutters, number_lines

# The number of a line, shown by the style sheet from the attribute (never
# copied with the text, never read aloud): see ``NUMBERED_STYLE``.
LINE_NUMBER = '<span class="line-number" data-line="{number}" aria-hidden="true"></span>'
NUMBERED_STYLE = """
.numbered { position: relative; padding-left: 2.4rem; }
.numbered .line-number { position: absolute; left: 0; width: 1.9rem; text-align: right; }
.numbered .line-number::before { content: attr(data-line); font-size: .75rem; font-weight: normal;
  font-style: normal; color: #595959; }
"""


def _image_as_text(renderer, tokens, idx, options, env):
    token = tokens[idx]
    return html.escape(renderer.renderInlineAsText(token.children or [], options, env))


def _link_open(renderer, tokens, idx, options, env):
    # A link to elsewhere should not hand the opened page a handle on ours.
    tokens[idx].attrSet("rel", "noopener noreferrer")
    return renderer.renderToken(tokens, idx, options, env)


@lru_cache(maxsize=8)
def _parser(heading_offset: int) -> MarkdownIt:
    md = new_parser()
    md.add_render_rule("image", _image_as_text)
    md.add_render_rule("link_open", _link_open)
    if heading_offset:
        def shift(tokens):
            for token in tokens:
                if token.type in ("heading_open", "heading_close"):
                    token.tag = f"h{min(6, int(token.tag[1]) + heading_offset)}"

        md.core.ruler.push("shift_headings", lambda state: shift(state.tokens))
    return md


def render_markdown(text: str, *, heading_offset: int = 0, numbered: bool = False) -> str:
    """HTML for a section text, safe to put in any page, PDF or widget.

    ``heading_offset`` demotes headings inside the text (``#`` becomes
    ``<h4>`` with offset 3) so they sit below the section's own heading in
    the outline of the exported document. ``numbered``: broken into the
    numbered lines of a section text (``diffing.number_lines``), in a
    ``<div class="numbered">`` that ``NUMBERED_STYLE`` dresses.
    """
    md = _parser(heading_offset)
    if not numbered:
        return md.render(text)
    env: dict = {}
    tokens = md.parse(text, env)
    _number(tokens, cutters(text))
    return f'<div class="numbered">{md.renderer.render(tokens, md.options, env)}</div>'


_MARKER = re.compile(r'(?:<br>)?<span class="line-number" data-line="(\d+)" aria-hidden="true"></span>')
_INLINE_TAG = re.compile(r"<(/?)(strong|em|a|code)\b[^>]*>")


def line_fragments(text: str) -> list[tuple[Line, Block, str]]:
    """Every numbered line of a section text with its block and its own HTML (emphasis and links kept).

    For a view that sets one line per row beside its number (Qt's rich
    text has no margins to place numbers in): a tag open across a line
    break is closed at the end of the line and opened again on the next.
    """
    lines = number_lines(text)
    if not lines:
        return []
    blocks = block_texts(text)
    md = _parser(0)
    env: dict = {}
    tokens = md.parse(text, env)
    _number(tokens, cutters(text))
    html_by_line: dict[int, str] = {}
    for token in tokens:
        if token.type == "inline":
            rendered = md.renderer.renderInline(token.children or [], md.options, env)
        elif token.type == "html_block" and token.content.startswith("<pre><code>"):
            rendered = token.content[len("<pre><code>"):].rsplit("</code></pre>", 1)[0]
            rendered = f"<code>{rendered}</code>"
        else:
            continue
        parts = _MARKER.split(rendered)
        open_tags: list[str] = []
        # parts: text before the first marker (only tags), then number, fragment, number, fragment…
        for tag in _INLINE_TAG.finditer(parts[0]):
            _track(open_tags, tag)
        for number, fragment in zip(parts[1::2], parts[2::2]):
            head = "".join(open_tags)
            for tag in _INLINE_TAG.finditer(fragment):
                _track(open_tags, tag)
            tail = "".join(f"</{_name(tag)}>" for tag in reversed(open_tags))
            html_by_line[int(number)] = head + fragment + tail
    return [(line, blocks[line.block], html_by_line.get(line.number, html.escape(line.text))) for line in lines]


def _name(tag: str) -> str:
    return _INLINE_TAG.match(tag).group(2)


def _track(open_tags: list[str], tag: re.Match) -> None:
    if tag.group(1):
        for k in range(len(open_tags) - 1, -1, -1):
            if _name(open_tags[k]) == tag.group(2):
                del open_tags[k]
                break
    else:
        open_tags.append(tag.group(0))


def _number(tokens: list[Token], cut: dict) -> None:
    """Break the inline tokens of every block at its numbered lines, the number at each line's start."""
    cutter: LineCutter | None = None
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in ("paragraph_open", "heading_open") and token.map:
            cutter = cut.get(("p" if kind == "paragraph_open" else "h", token.map[0]))
        elif kind == "tr_open" and token.map:
            cutter = cut.get(("row", token.map[0]))
        elif kind in ("fence", "code_block") and token.map and ("code", token.map[0]) in cut:
            numbered = cut["code", token.map[0]]
            html_parts = []
            for number, line in enumerate(token.content.rstrip("\n").split("\n")):
                for piece in numbered.feed(("\n" if number else "") + line):
                    html_parts.append(_marker(piece) if isinstance(piece, LineStart) else html.escape(piece))
            tokens[index] = Token("html_block", "", 0, content=f"<pre><code>{''.join(html_parts)}</code></pre>\n")
        elif kind == "inline" and cutter is not None:
            if tokens[index - 1].type in ("th_open", "td_open") and cutter.position and token.content:
                cutter.skip(" ")  # counted between two cells, shown as the column gap
            token.children = _numbered_inlines(token.children or [], cutter)
        elif kind in ("paragraph_close", "heading_close", "tr_close"):
            cutter = None


def _marker(start: LineStart) -> str:
    return ("" if start.first else "<br>") + LINE_NUMBER.format(number=start.number)


def _numbered_inlines(children: list[Token], cutter: LineCutter) -> list[Token]:
    out: list[Token] = []

    def pieces(shown: str, like: Token) -> None:
        for piece in cutter.feed(shown):
            if isinstance(piece, LineStart):
                out.append(Token("html_inline", "", 0, content=_marker(piece)))
            elif piece:
                copy = Token(like.type, like.tag, like.nesting, content=piece, markup=like.markup)
                out.append(copy)

    for child in children:
        kind = child.type
        if kind == "text":
            pieces(child.content, child)
        elif kind == "softbreak":
            pieces(" ", Token("text", "", 0))
        elif kind == "hardbreak":
            cutter.feed("\n")  # the numbered line after it starts with its own break
        elif kind == "code_inline":
            pieces(child.content, child)
        elif kind == "image":
            for part in child.children or []:
                if part.type == "text":
                    pieces(part.content, part)
        elif kind in ("strong_open", "strong_close", "em_open", "em_close", "link_open", "link_close") \
                or not child.content:
            out.append(child)
        else:
            pieces(child.content, Token("text", "", 0))
    return out


def markdown_tokens(text: str):
    """The token stream of the same safe parser, for writers that build documents rather than HTML."""
    return _parser(0).parse(text)


def nesting_limit() -> int:
    """How deep the parser nests blocks; what is nested deeper, it leaves out of the token stream."""
    return _parser(0).options["maxNesting"]

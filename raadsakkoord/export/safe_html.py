"""The one safe renderer from a section's Markdown to HTML.

Texts arrive in packages from other parties' machines, so they are hostile
until proven otherwise: raw HTML is shown as text, links survive only for
http, https and mailto, and images become their alternative text so that no
page or PDF ever fetches a remote resource. CommonMark (markdown-it-py) is
used because the Markdown export promises CommonMark to its readers.
"""

from __future__ import annotations

import html
from functools import lru_cache

from markdown_it import MarkdownIt

from raadsakkoord.base.commonmark import new_parser


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


def render_markdown(text: str, *, heading_offset: int = 0) -> str:
    """HTML for a section text, safe to put in any page, PDF or widget.

    ``heading_offset`` demotes headings inside the text (``#`` becomes
    ``<h4>`` with offset 3) so they sit below the section's own heading in
    the outline of the exported document.
    """
    return _parser(heading_offset).render(text)


def markdown_tokens(text: str):
    """The token stream of the same safe parser, for writers that build documents rather than HTML."""
    return _parser(0).parse(text)


def nesting_limit() -> int:
    """How deep the parser nests blocks; what is nested deeper, it leaves out of the token stream."""
    return _parser(0).options["maxNesting"]

"""The formal amendments as Markdown, with the change instruction's structure in the front matter.

The instructions are stored as JSON (valid YAML) on one line of the front
matter, ``amendments:``, which no text of an amendment can reach: the
explanation and quoted phrases sit below the front matter and are escaped
there. ``read_instructions`` reads them back.
"""

from __future__ import annotations

import json

from raadsakkoord.diffing.instructions import Instruction
from raadsakkoord.export.amendment_form import (
    AmendmentForm,
    AmendmentForms,
    form_text,
    read_structure,
    roman,
)
from raadsakkoord.export.markdown import block, front_matter, inline

_KEY = "amendments: "


def forms_markdown(forms: AmendmentForms) -> str:
    head = front_matter(forms.meta, "amendement").removesuffix("---")
    head += _KEY + json.dumps([f.to_data() for f in forms.forms], ensure_ascii=False,
                              separators=(",", ":")) + "\n---"
    # A rule between two amendments: each is a document of its own.
    return head + "\n\n" + "\n\n---\n\n".join(_form(f) for f in forms.forms) + "\n"


def _quote(markdown: str) -> str:
    return "\n".join(("> " + line).rstrip() for line in block(markdown).split("\n"))


def _form(form: AmendmentForm) -> str:
    words = form_text(form)
    parts = [f"# {inline(words.title)}"]
    if words.draft_note:
        parts.append(f"*{inline(words.draft_note)}*")
    parts += [f"**{inline(words.subject)}**  \n{inline(words.about)}", inline(words.council), inline(words.proposal), inline(words.decides)]
    for n, wording in enumerate(form.wordings, start=1):
        # The sentence quotes Markdown as written: escaping it would show the
        # markers instead of the emphasis the phrase has in the text.
        parts.append(f"{roman(n)}. {block(wording.sentence)}")
        if wording.title:
            parts.append(_quote(f"**{inline(wording.title)}**"))
        if wording.block:
            parts.append(_quote(wording.block))
    if form.explanation.strip():
        parts += [f"## {inline(words.explanation_heading)}", block(form.explanation)]
    parts.append(f"## {inline(words.submitters_heading)}")
    for signer in form.submitters:
        lines = [f"**{inline(signer.party)}**", ""]
        lines += [f"{inline(name)}: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_  " for name in signer.names]
        if not signer.names:
            lines.append("\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_")
        parts.append("\n".join(lines).rstrip())
    return "\n\n".join(parts)


def read_instructions(markdown: str) -> list[tuple[str, tuple[Instruction, ...]]]:
    """(label, instructions) of every amendment in an exported Markdown file, from its front matter."""
    lines = markdown.split("\n")
    if not lines or lines[0] != "---":
        raise ValueError("no front matter")
    for line in lines[1:lines.index("---", 1)]:
        if line.startswith(_KEY):
            return read_structure(json.loads(line[len(_KEY):]))
    raise ValueError("no amendments in the front matter")

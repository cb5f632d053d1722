"""Word-level diffs, amendment conflicts and three-way merges of canonical Markdown.

The heart of the product: every amendment, conflict and new round is a diff
or a merge. Texts are split into paragraphs and tokens (``tokens``), token
lists are diffed with diff-match-patch (``worddiff``), and on top of that:

* ``diff(old, new) -> TextDiff``: paragraphs aligned (equal, inserted,
  deleted, moved, changed, replaced), word diff inside changed paragraphs;
  ``to_html``, ``to_critic``, ``to_text`` and ``to_json`` render it;
  ``old_text``/``new_text``/``apply`` rebuild the texts exactly.
* Amendment algebra on one base: ``changed_ranges``, ``conflicts``,
  ``conflict_matrix``, ``combine``, ``preview`` (``BaseText`` tokenises a base
  once for many amendments).
* ``number_lines(text)``: the numbered lines of a section text, the same on
  screen and in every export; ``line_range``, ``lines_changed`` and
  ``line_reference`` ("regels 12–14") refer to them.
* ``merge3(base, ours, theirs) -> MergeResult``,
  ``rebase(old_base, amended, new_base) -> RebaseResult`` and
  ``rebase_all`` for all amendments of a section when a new round appears.

No Qt here: the UI and the exporters render the results.
"""

from raadsakkoord.diffing.algebra import (
    AmendmentConflict,
    BaseText,
    Changes,
    Hunk,
    changed_ranges,
    combine,
    conflict_matrix,
    conflicting_pairs,
    conflicts,
    matrix_of,
    preview,
)
from raadsakkoord.diffing.lines import LINE_WIDTH, Line, line_range, line_reference, lines_changed, number_lines
from raadsakkoord.diffing.merge import (
    Conflict,
    MergeResult,
    RebaseConflict,
    RebaseResult,
    merge3,
    merge_changes,
    rebase,
    rebase_all,
    render_markers,
)
from raadsakkoord.diffing.model import Kind, Op, ParagraphDiff, Span, TextDiff, apply, new_text, old_text
from raadsakkoord.diffing.paragraphs import REPLACE_THRESHOLD, diff, paragraph_diff
from raadsakkoord.diffing.render import to_critic, to_data, to_html, to_json, to_text
from raadsakkoord.diffing.tokens import split_paragraphs, tokenize

__all__ = [
    "REPLACE_THRESHOLD",
    "AmendmentConflict",
    "BaseText",
    "Changes",
    "Conflict",
    "Hunk",
    "Kind",
    "LINE_WIDTH",
    "Line",
    "MergeResult",
    "Op",
    "ParagraphDiff",
    "RebaseConflict",
    "RebaseResult",
    "Span",
    "TextDiff",
    "apply",
    "changed_ranges",
    "combine",
    "conflict_matrix",
    "conflicting_pairs",
    "conflicts",
    "diff",
    "line_range",
    "line_reference",
    "lines_changed",
    "matrix_of",
    "merge3",
    "merge_changes",
    "new_text",
    "number_lines",
    "old_text",
    "paragraph_diff",
    "preview",
    "rebase",
    "rebase_all",
    "render_markers",
    "split_paragraphs",
    "to_critic",
    "to_data",
    "to_html",
    "to_json",
    "to_text",
    "tokenize",
]

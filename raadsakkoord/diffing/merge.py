"""Three-way merge on word tokens, and rebasing an amendment onto a newer revision.

Both sides are diffed against the base. Hunks of the two sides that collide
(by the rule of ``algebra``: overlapping ranges, insertions at one point or
inside the other's range) are gathered into one conflict region; when both
sides turned that region into the same text it merges cleanly, like
``git merge-file``, otherwise it is a conflict with the base, ours and theirs
passages. All other hunks are applied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from raadsakkoord.diffing.algebra import BaseText, Changes, Hunk, hunks_touch

MARKER_OURS = "<<<<<<<"
MARKER_SEPARATOR = "======="
MARKER_THEIRS = ">>>>>>>"


@dataclass(frozen=True, slots=True)
class Conflict:
    """A passage both sides changed differently."""

    base: str
    ours: str
    theirs: str


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The merge as a sequence of merged text and conflicts, in text order."""

    parts: tuple[str | Conflict, ...]

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        return tuple(p for p in self.parts if isinstance(p, Conflict))

    @property
    def clean(self) -> bool:
        return not self.conflicts

    @property
    def text(self) -> str:
        """The merged text; with conflicts, the text with git-style markers."""
        return self.with_markers()

    def with_markers(self, ours_label: str = "ours", theirs_label: str = "theirs") -> str:
        return render_markers(self, ours_label, theirs_label)[0]


def merge3(base: str, ours: str, theirs: str) -> MergeResult:
    """Merge the changes from ``base`` to ``ours`` and from ``base`` to ``theirs``."""
    base_text = BaseText(base)
    return merge_changes(base_text, base_text.changes(ours), base_text.changes(theirs))


def merge_changes(base_text: BaseText, ours: Changes, theirs: Changes) -> MergeResult:
    """``merge3`` with both sides already diffed against the base (see ``BaseText.changes``)."""
    sides = (ours.hunks, theirs.hunks)
    tagged = sorted(
        ((h.start, h.end, side, h) for side in (0, 1) for h in sides[side]),
        key=lambda t: (t[0], t[1]),
    )
    parts: list[str | Conflict] = []
    position = 0
    for cluster in _clusters(tagged):
        start = min(h.start for _s, h in cluster)
        end = max(h.end for _s, h in cluster)
        _add(parts, base_text.passage(position, start))
        ours_text = _apply(base_text.tokens, start, end, [h for s, h in cluster if s == 0])
        theirs_text = _apply(base_text.tokens, start, end, [h for s, h in cluster if s == 1])
        if ours_text == theirs_text or len({s for s, _h in cluster}) == 1:
            _add(parts, ours_text if any(s == 0 for s, _h in cluster) else theirs_text)
        else:
            parts.append(Conflict(base_text.passage(start, end), ours_text, theirs_text))
        position = end
    _add(parts, base_text.passage(position, len(base_text.tokens)))
    return MergeResult(tuple(parts))


def _clusters(tagged: list[tuple[int, int, int, Hunk]]) -> list[list[tuple[int, Hunk]]]:
    """Groups of hunks linked by collisions between the two sides.

    Hunks of one side never touch each other, so with hunks sorted by start
    a new hunk can only collide with the last hunk of the other side.
    """
    clusters: list[list[tuple[int, Hunk]]] = []
    last: dict[int, Hunk] = {}
    for _start, _end, side, hunk in tagged:
        other = last.get(1 - side)
        if clusters and other is not None and hunks_touch(other, hunk):
            clusters[-1].append((side, hunk))
        else:
            clusters.append([(side, hunk)])
            last.clear()
        last[side] = hunk
    return clusters


def _apply(tokens: Sequence[str], start: int, end: int, hunks: list[Hunk]) -> str:
    out: list[str] = []
    position = start
    for hunk in hunks:
        out.extend(tokens[position:hunk.start])
        out.extend(hunk.replacement)
        position = hunk.end
    out.extend(tokens[position:end])
    return "".join(out)


def _add(parts: list[str | Conflict], text: str) -> None:
    if not text:
        return
    if parts and isinstance(parts[-1], str):
        parts[-1] += text
    else:
        parts.append(text)


def render_markers(result: MergeResult, ours_label: str = "ours", theirs_label: str = "theirs") -> tuple[str, int]:
    """The merged text with conflicts between git-style markers, and the number of marked blocks.

    Markers stand on lines of their own, as with ``git merge-file``: a
    conflict that starts or ends inside a line takes the rest of that line
    into both versions (and any further conflict on it), and lines that
    both versions share at the start or end of a block stay outside it.
    """
    out: list[str] = []
    blocks = 0
    parts = result.parts
    pending = ""
    k = 0
    while k < len(parts):
        part = parts[k]
        k += 1
        if isinstance(part, str):
            pending += part
            continue
        cut = pending.rfind("\n") + 1
        out.append(pending[:cut])
        ours = pending[cut:] + part.ours
        theirs = pending[cut:] + part.theirs
        pending = ""
        while k < len(parts) and not (ours.endswith("\n") and theirs.endswith("\n")):
            part = parts[k]
            k += 1
            if isinstance(part, Conflict):
                ours += part.ours
                theirs += part.theirs
                continue
            newline = part.find("\n")
            if newline < 0:
                ours += part
                theirs += part
                continue
            ours += part[:newline + 1]
            theirs += part[:newline + 1]
            pending = part[newline + 1:]
            break
        head, ours_lines, theirs_lines, tail = _trim_common_lines(ours, theirs)
        out.append(head)
        if ours_lines != theirs_lines:
            blocks += 1
            out.append(f"{MARKER_OURS} {ours_label}\n" if ours_label else f"{MARKER_OURS}\n")
            out.append(_line_ended(ours_lines))
            out.append(f"{MARKER_SEPARATOR}\n")
            out.append(_line_ended(theirs_lines))
            out.append(f"{MARKER_THEIRS} {theirs_label}\n" if theirs_label else f"{MARKER_THEIRS}\n")
        else:
            out.append(ours_lines)
        out.append(tail)
    out.append(pending)
    return "".join(out), blocks


def _trim_common_lines(ours: str, theirs: str) -> tuple[str, str, str, str]:
    a, b = ours.splitlines(keepends=True), theirs.splitlines(keepends=True)
    p = 0
    while p < len(a) and p < len(b) and a[p] == b[p] and a[p].endswith("\n"):
        p += 1
    s = 0
    while s < len(a) - p and s < len(b) - p and a[-1 - s] == b[-1 - s]:
        s += 1
    return (
        "".join(a[:p]),
        "".join(a[p:len(a) - s]),
        "".join(b[p:len(b) - s]),
        "".join(a[len(a) - s:]),
    )


def _line_ended(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


@dataclass(frozen=True, slots=True)
class RebaseConflict:
    """A passage that both the new revision and the amendment changed."""

    base: str  # as in the revision the amendment was written against
    revision: str  # as in the new revision
    amendment: str  # as the party wrote it


@dataclass(frozen=True, slots=True)
class RebaseResult:
    """An amendment moved onto a newer revision.

    When clean, ``text`` is the amendment on the new revision. Otherwise
    ``text`` is the party's amended text exactly as written (nothing of it is
    lost), ``conflicts`` lists the passages to rework and ``merge`` holds the
    full merge (``merge.with_markers("nieuwe versie", "amendement")``).
    """

    clean: bool
    text: str
    conflicts: tuple[RebaseConflict, ...]
    merge: MergeResult


def rebase(old_base: str, amended: str, new_base: str) -> RebaseResult:
    """Rebase an amendment of ``old_base`` onto ``new_base``."""
    return rebase_all(old_base, [amended], new_base)[0]


def rebase_all(old_base: str, amendments: Sequence[str], new_base: str) -> list[RebaseResult]:
    """Rebase every amendment of ``old_base`` onto ``new_base`` (a new round), diffing the revision once."""
    base_text = BaseText(old_base)
    revision = base_text.changes(new_base)
    results = []
    for amended in amendments:
        merged = merge_changes(base_text, revision, base_text.changes(amended))
        if merged.clean:
            results.append(RebaseResult(True, merged.with_markers(), (), merged))
        else:
            conflicts = tuple(RebaseConflict(c.base, c.ours, c.theirs) for c in merged.conflicts)
            results.append(RebaseResult(False, amended, conflicts, merged))
    return results

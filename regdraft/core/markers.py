"""Conflict markers: what git writes into a file where two versions of the same lines meet.

    <<<<<<< HEAD
    the first version
    ||||||| base            (only with merge.conflictStyle=diff3)
    the common ancestor
    =======
    the second version
    >>>>>>> 1a2b3c4 (Comment from ...)

Post-conditions of `split(text)`:
1. `first` is the text with every conflict block replaced by its first side, `second` by its
   second side; a diff3 base section is dropped; lines outside blocks appear in both.
2. Every block records its line in the file and the line where its side starts in `first`
   and in `second` (1-based), so a block can be found in a parsed version.
3. A marker line that does not open, separate or close a complete block is kept as text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from itertools import zip_longest

from regdraft.core.patterns import lazy

START, BASE, MIDDLE, END = "<<<<<<<", "|||||||", "=======", ">>>>>>>"


@dataclass(frozen=True, slots=True)
class Block:
    """One conflict: the lines of each side, and where they stand."""

    line: int
    first_line: int
    second_line: int
    first: tuple[str, ...]
    second: tuple[str, ...]
    first_label: str = ""
    second_label: str = ""


@dataclass(frozen=True, slots=True)
class Split:
    """A file with markers read as its two complete versions and the blocks where they differ."""

    first: str
    second: str
    blocks: tuple[Block, ...]


# How a rebase labels the side it replays: `>>>>>>> 1a2b3c4 (Comment from ...)`; a merge names a branch or commit.
_REPLAYED = lazy(r"[0-9a-f]{7,40} \(.*\)")


def second_is_replayed(parts: Split) -> bool:
    """Whether the markers were written by a rebase, whose second side is the commit it replayed (the one
    who synced: "yours") and whose first is the remote's; a merge's first side is yours. Read from the
    labels, for markers committed by mistake, when git no longer says which operation wrote them."""
    return any(_REPLAYED.fullmatch(block.second_label) for block in parts.blocks)


def has_markers(data: bytes) -> bool:
    """True when the bytes hold a line opening a conflict and a line closing one."""
    opens = data.startswith(b"<<<<<<< ") or b"\n<<<<<<< " in data
    return opens and (b"\n>>>>>>> " in data)


def _marker(line: str, marker: str) -> str | None:
    if line == marker or line.startswith(marker + " "):
        return line[len(marker):].strip()
    return None


def split(text: str) -> Split:
    """The two versions of a text holding conflict markers, and its conflict blocks."""
    lines = text.split("\n")
    first: list[str] = []
    second: list[str] = []
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        label = _marker(lines[i], START)
        block = _read_block(lines, i, label, len(first) + 1, len(second) + 1) if label is not None else None
        if block is None:
            first.append(lines[i])
            second.append(lines[i])
            i += 1
            continue
        parsed, i = block
        blocks.append(parsed)
        first.extend(parsed.first)
        second.extend(parsed.second)
    return Split("\n".join(first), "\n".join(second), tuple(blocks))


def _read_block(lines: list[str], start: int, label: str, first_at: int, second_at: int) -> tuple[Block, int] | None:
    """The block opening at `start`, and the index after it; None when it is not complete."""
    sides: list[list[str]] = [[], [], []]  # first, base, second
    side = 0
    for j in range(start + 1, len(lines)):
        line = lines[j]
        if side == 0 and _marker(line, BASE) is not None:
            side = 1
        elif side in (0, 1) and line == MIDDLE:
            side = 2
        elif side == 2 and (closing := _marker(line, END)) is not None:
            block = Block(start + 1, first_at, second_at, tuple(sides[0]), tuple(sides[2]), label, closing)
            return block, j + 1
        elif _marker(line, START) is not None:
            return None
        else:
            sides[side].append(line)
    return None


def aligned(left: Sequence[str], right: Sequence[str]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Two versions as pairs of paragraph runs: where they differ, and "…" for what they share
    (the opening paragraph is kept, as it names the provision)."""
    rows: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    matcher = SequenceMatcher(None, list(left), list(right), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            rows.append((tuple(left[i1:i2]), tuple(right[j1:j2])))
            continue
        shown = tuple(left[i1:i1 + 1]) if i1 == 0 else ()
        same = shown + (("…",) if i2 - i1 > len(shown) else ())
        rows.append((same, same))
    return rows


def side_by_side(left: Sequence[str], right: Sequence[str], titles: tuple[str, str], width: int = 100) -> list[str]:
    """Two versions (lists of paragraphs) in two columns: what differs in full, what is the same as "…"."""
    column = max(20, (width - 3) // 2)

    def wrapped(paragraphs: Sequence[str]) -> list[str]:
        out: list[str] = []
        for n, paragraph in enumerate(paragraphs):
            if n:
                out.append("")
            out.extend(textwrap.wrap(paragraph.replace("\\.", "."), column) or [""])
        return out

    rows = [f"{titles[0]:<{column}} │ {titles[1]}", f"{'─' * column}─┼─{'─' * column}"]
    for n, (mine, theirs) in enumerate(aligned(left, right) if left and right else [(tuple(left), tuple(right))]):
        if n:
            rows.append(f"{'':<{column}} │")
        a = wrapped(mine) or (["(nothing: removed)"] if not left else [""])
        b = wrapped(theirs) or (["(nothing: removed)"] if not right else [""])
        for x, y in zip_longest(a, b, fillvalue=""):
            rows.append(f"{x:<{column}} │ {y}".rstrip())
    return rows


def placed(block: Block, first: str, second: str) -> Block | None:
    """The block with `first_line` and `second_line` counted in each side's own file (`first`, `second`: the
    versions git holds as the two sides, not the file with markers read two ways, where lines merged cleanly
    from the other side stand around each); None when a side is empty or its lines are not found."""
    lines = (first.split("\n"), second.split("\n"))
    found: list[int] = []
    for own, run, near in zip(lines, (block.first, block.second), (block.first_line, block.second_line), strict=True):
        if not run:
            return None
        starts = [n for n in range(len(own) - len(run) + 1) if own[n] == run[0] and tuple(own[n:n + len(run)]) == run]
        if not starts:
            return None
        found.append(min(starts, key=lambda n: abs(n + 1 - near)) + 1)
    return replace(block, first_line=found[0], second_line=found[1])

"""Regenerated instructions written into the amending document's own lines.

`render_amendment` writes instructions canonically: a document spaced otherwise (Nghị định 48/2013 leaves a
blank line between dash items) would lose its spacing in the instructions `amend from-edits` keeps.
`spliced(region, standing, instructions)` writes `instructions` (`core.amend.kept`'s result for `standing`, the
instructions `region` holds) into `region`'s lines instead.

Post-conditions of `spliced`:
1. An instruction of `standing` kept as it is (the same one, under the same number) is its lines in `region`, byte
   for byte, with the blank lines after it.
2. One kept under another number, or with new quotes (`kept._requoted`), is its lines with only the lines that
   changed (its number, the paragraphs of a quote) written anew, each spaced as the line it replaces.
3. Every other instruction is written as `render_amendment` writes it, followed by one blank line.
4. None when `region` does not open with the first instruction of `standing` (then render them all).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from regdraft.core.amend.document import instruction_markdown
from regdraft.core.amend.instructions import Instruction

_Line = tuple[str, list[str]]  # a line with the blank lines after it


def spliced(region: str, standing: Sequence[Instruction], instructions: Sequence[Instruction]) -> str | None:
    """`region`, the lines of the numbered instructions `standing`, with `instructions` in their place (see the
    module's post-conditions)."""
    lines = region.split("\n")
    tops = sorted(standing, key=lambda ins: ins.line)
    if not tops or not lines or not lines[0].strip():
        return None
    start = tops[0].line
    bounds = [ins.line - start for ins in tops]
    if bounds != sorted(set(bounds)) or bounds[-1] >= len(lines):
        return None
    chunks = {ins.line: lines[a:b] for ins, a, b in zip(tops, bounds, [*bounds[1:], len(lines)], strict=True)}
    by_line = {ins.line: ins for ins in tops}
    out: list[str] = []
    for ins in instructions:
        was = by_line.get(ins.line) if ins.line else None
        if was is None or was.text != ins.text:
            out += [*instruction_markdown(ins).split("\n"), ""]
        elif ins is was:
            out += chunks[was.line]
        else:
            out += _merged(chunks[was.line], was, ins)
        if out and out[-1].strip():  # the last instruction of `region` has no blank line after it
            out.append("")
    return "\n".join(out).strip("\n")


def _merged(chunk: list[str], was: Instruction, ins: Instruction) -> list[str]:
    """The lines of `was` (`chunk`) made those of `ins`: the lines their canonical Markdown changes, written anew,
    the others kept with the blank lines after them; `ins` rendered when `chunk` is not `was`'s lines."""
    content = list(chunk)
    while content and not content[-1].strip():
        content.pop()
    gap = chunk[len(content):] or [""]
    items: list[_Line] = []
    for line in content:
        if line.strip() or not items:
            items.append((line, []))
        else:
            items[-1][1].append(line)
    old, new = _lines(instruction_markdown(was)), _lines(instruction_markdown(ins))
    if [line for line, _ in items] != old:
        return [*instruction_markdown(ins).split("\n"), *gap]
    merged: list[_Line] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            merged += items[i1:i2]
            continue
        for n, line in enumerate(new[j1:j2]):
            like = min(i1 + n, i2 - 1) if i2 > i1 else i1 - 1  # a line added is spaced as the one before it
            merged.append((line, items[like][1] if like >= 0 else [""]))
    for n in range(len(merged) - 1):  # a paragraph after a dash item with no blank line would continue it
        if not merged[n][1] and not (_dash(merged[n][0]) and _dash(merged[n + 1][0])):
            merged[n] = (merged[n][0], [""])
    body = [line for text, after in merged for line in (text, *after)]
    while body and not body[-1].strip():
        body.pop()
    return body + gap


def _dash(line: str) -> bool:
    return line.startswith(("- ", "+ ", "* "))


def _lines(markdown: str) -> list[str]:
    """The lines of Markdown that are not blank."""
    return [line for line in markdown.split("\n") if line.strip()]

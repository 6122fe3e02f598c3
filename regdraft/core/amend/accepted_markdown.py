"""Wording accepted from a comment that reads as Markdown its member never wrote.

A member types a proposal in a plain box: `2*3*4` is three numbers, `*hai*` two stars around a word. Since wording30
accepting it writes what would read as Markdown escaped (`2\\*3\\*4`, `core.inline.typed_wording`); a proposal
accepted before was written into the amending document as typed, and the redline prints `2<em>3</em>4`, silently.

How an accepted proposal is recorded: the comment's file holds the wording as typed (`proposal`) and the commit that
wrote it (`accepted_in`), and the amending document holds the instruction on the comment's provision with the wording
quoted (the front matter's `reasons` names the comment). `unmeant_markdown` finds, among the instructions on an
accepted comment's provision, quoted text that stands exactly as a line of the member's wording that would read
otherwise than typed (or words an instruction puts in taken from such a line, holding the marks read), and words a
warning naming the file, its line and the provision, and how to write it. Nothing is rewritten: the drafter decides.

Post-conditions of `unmeant_markdown`:
1. One warning per quoted text (or quoted words) and comment, at the first line of the amending document holding it
   at or after its instruction's line (the instruction's line for quoted words); none for wording accepted since
   (escaped), for a member's line that reads as typed (`năm_sau`, `(*)`), or for text a drafter changed since.
2. Only accepted comments with a proposal on a provision (not general) are read; comments on another regulation of
   the document are matched with that regulation's instructions.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from regdraft.core.amend.document import Amendment
from regdraft.core.amend.instructions import Instruction
from regdraft.core.amend.operations import ReplaceWords, targets
from regdraft.core.commands import Command
from regdraft.core.comments import GENERAL, Comment
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.inline import plain, typed_wording
from regdraft.core.model import Address, Unit
from regdraft.core.patterns import lazy

# A provision's label at the start of a line of wording (`2.`, `a)`, `d1)`): the unit's text is what follows.
_LABEL = lazy(r"^(?:\d+[a-z]?\.|[a-zđ]\d*\))\s+")
_MARKS = "*_`[<&"


def unmeant_markdown(amendment: Amendment, text: str, comments: Sequence[Comment]) -> list[Problem]:
    """Warnings for wording accepted from `comments` into `amendment` (whose file reads `text`) that reads as
    Markdown the member did not write (see the module's post-conditions)."""
    rows = text.split("\n")
    warnings: list[Problem] = []
    for comment in comments:
        typed = _unmeant_lines(comment)
        if not typed:
            continue
        try:
            address = Address.parse(comment.on)
        except (RegdraftError, ValueError):
            continue
        own = amendment.for_regulation(comment.regulation) if comment.regulation else amendment
        seen: set[tuple[int, str]] = set()
        for ins in own.leaves():
            if not _on(ins, address):
                continue
            for line, quoted, written in _quoted(ins, rows, typed):
                if (line, quoted) in seen:
                    continue
                seen.add((line, quoted))
                warnings.append(_warning(amendment, comment, address, line, quoted, written))
    return warnings


def _unmeant_lines(comment: Comment) -> dict[str, str]:
    """Each line of an accepted comment's wording (spacing tidied, as accepting reads it) that reads otherwise than
    typed, with its text as a provision writes it (its label left out), keyed by that text."""
    if not comment.accepted_in or not comment.proposal or comment.on == GENERAL:
        return {}
    out = {}
    for raw in comment.proposal.replace("\r\n", "\n").split("\n"):
        line = " ".join(raw.split())
        if line and typed_wording(line) != line:
            out[_LABEL.sub("", line, count=1)] = line
    return out


def _on(ins: Instruction, address: Address) -> bool:
    """Whether an instruction changes the provision at `address`, one inside it or one holding it (words changed
    throughout the text change it too)."""
    named = targets(ins.op)
    if not named:
        return isinstance(ins.op, ReplaceWords)
    return any(t.unit.contains(address.unit) or address.unit.contains(t.unit) for t in named)


def _quoted(ins: Instruction, rows: list[str], typed: dict[str, str]) -> Iterator[tuple[int, str, str]]:
    """(line, quoted text, the member's line it came from) for each text an instruction quotes that is one of the
    member's `typed` lines, or words it puts in that such a line holds with a mark read as Markdown."""
    if ins.unit is not None:
        for quoted in _texts(ins.unit):
            member = typed.get(quoted) or typed.get(_LABEL.sub("", quoted, count=1))
            if member is not None:
                line = next((k + 1 for k in range(max(ins.line - 1, 0), len(rows)) if quoted in rows[k]), ins.line)
                yield line, quoted, member
    if isinstance(ins.op, ReplaceWords) and ins.op.new:
        new = ins.op.new
        for body, member in typed.items():
            if new in body and any(mark in new and f"\\{mark}" in typed_wording(body) for mark in _MARKS):
                yield ins.line, new, member
                break


def _texts(unit: Unit) -> Iterator[str]:
    """The texts a quoted unit writes: its title, paragraphs and closing text, then each unit inside's."""
    yield from (unit.title,) if unit.title else ()
    yield from unit.text
    yield from unit.closing
    for child in unit.children:
        yield from _texts(child)


def _warning(amendment: Amendment, comment: Comment, address: Address, line: int, quoted: str,
             member: str) -> Problem:
    escaped = _escaped(quoted, member)
    marks = [m for m in _MARKS if m in quoted and f"\\{m}" in escaped]
    read = " and ".join(dict.fromkeys(_READ_AS[m] for m in marks))
    named = " and ".join(f"`{m}`" for m in marks)
    return Problem(
        f"{address.describe(amendment.language)}: the wording accepted from comment {comment.id} ({comment.by}) "
        f"was written as typed, before accepting escaped it, and its {named} {'reads' if len(marks) == 1 else 'read'} "
        f"as {read}: «{quoted}» prints «{plain(quoted)}» in the redline. Write it «{escaped}» (each {named} after a "
        f"backslash) so that it prints as the member typed it, then run `{Command.of('amend check', amendment.slug)}`.",
        amendment.source, line, warning=True)


_READ_AS = {"*": "emphasis", "_": "emphasis", "`": "code", "[": "a link", "<": "a link or a tag",
            "&": "a character reference"}


def _escaped(quoted: str, member: str) -> str:
    """The quoted text written so that it reads as typed: as accepting writes the member's line now, or, for words
    taken from it, with each mark the line's escaping escapes written after a backslash."""
    if typed_wording(quoted) != quoted:
        return typed_wording(quoted)
    done = typed_wording(member)
    out = []
    for i, char in enumerate(quoted):
        escape = char in _MARKS and f"\\{char}" in done and not (i and quoted[i - 1] == "\\")
        out.append(f"\\{char}" if escape else char)
    return "".join(out)

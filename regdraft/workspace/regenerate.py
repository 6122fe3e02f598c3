"""Regenerating an amending document's instructions from the drafter's edited text.

`regenerate(existing, old, edited)` replaces the numbered instructions of Điều 1 in an
amending document's Markdown with those `edits.instructions_from_edits` writes, keeping
everything else; `from_edits(ws, slug, ...)` does it in the workspace, in one commit.

Post-conditions of `regenerate`:
1. Front matter, preamble, the heading of Điều 1 and every other article are kept byte for byte.
2. The text it returns reads back with `load_amendment`; `RegdraftError` otherwise.
3. `diff` is the unified diff of the instructions alone (empty when they did not change).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from regdraft.core.amend.document import (
    PENDING,
    Amendment,
    Instruction,
    load_amendment,
    read_amendment,
    render_amendment,
    with_front_matter,
)
from regdraft.core.amend.edits import instructions_from_edits
from regdraft.core.amend.reasons import KEY, carried_reasons
from regdraft.core.amend.summary import listing, touched
from regdraft.core.commands import Command
from regdraft.core.comments import RoundStatus
from regdraft.core.counts import count as counted
from regdraft.core.errors import NotPending, RegdraftError, UsageError
from regdraft.core.model import Address, Regulation
from regdraft.workspace.amendments import load_rounds
from regdraft.workspace.store import writes

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace

_INSTRUCTION_LINE = re.compile(r"^\d+[a-z]?\\?\.\s")


def split_instructions(text: str) -> tuple[str, str, str]:
    """An amending document as (before, Điều 1's numbered instructions, after), by lines."""
    lines = text.split("\n")
    start = 1 if lines and lines[0].rstrip() == "---" else 0
    if start:
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), len(lines))
    headings = [i for i in range(start, len(lines)) if lines[i].startswith("#")]
    if not headings:
        return text, "", ""
    end = headings[1] if len(headings) > 1 else len(lines)
    first = next((i for i in range(headings[0] + 1, end) if _INSTRUCTION_LINE.match(lines[i])), end)
    before = "\n".join(lines[:first]).rstrip("\n") + "\n\n"
    region = "\n".join(lines[first:end]).strip("\n")
    after = "\n".join(lines[end:])
    return before, region, after


@dataclass(frozen=True, slots=True)
class Regenerated:
    """The amending document with regenerated instructions, and what changed in them."""

    text: str
    diff: tuple[str, ...]
    notes: tuple[str, ...]
    count: int
    instructions: tuple[Instruction, ...] = ()


def regenerate(existing: str, old: Regulation, edited: Regulation, *, source: str, slug: str,
               allow_renumber: bool = False, reasons: Mapping[Address, str] | None = None) -> Regenerated:
    """`existing` with Điều 1's instructions replaced by those from the edits; all else kept.

    The front matter's reasons follow their changes to the new instructions; `reasons` adds some by provision.
    """
    import difflib

    generated = instructions_from_edits(old, edited, allow_renumber=allow_renumber)
    before, region, after = split_instructions(existing)
    shell = load_amendment(before + after, source, slug)
    if shell.regulation and old.id and shell.regulation != old.id:
        raise RegdraftError(f"{source}: the amendment is for {shell.regulation}, but the edited text is "
                            f"{old.id}.")
    rendered = render_amendment(replace(shell, instructions=generated.instructions))
    new_region = split_instructions(rendered)[1]
    text = before + (new_region + ("\n\n" if after else "\n") if new_region else "") + after
    if shell.meta.get(KEY) is not None or reasons:
        # The reasons follow their changes to the new instructions (those of no change left are dropped).
        was, _ = read_amendment(existing, source, slug)
        carried = carried_reasons(shell.meta, was.instructions if was else (), generated.instructions,
                                  shell.language, shell.article.label, reasons)
        text = with_front_matter(text, {KEY: carried or None})
    load_amendment(text, source, slug)  # what is written must read back
    diff = tuple(difflib.unified_diff(_lines(region), _lines(new_region), "instructions (before)",
                                      "instructions (after)", lineterm=""))
    return Regenerated(text, diff, generated.notes, len(generated.instructions), generated.instructions)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What `regdraft amend from-edits` did."""

    path: str
    created: bool
    commit: str | None
    result: Regenerated
    warnings: tuple[str, ...] = ()

    def summary(self) -> str:
        """The closing line of `amend from-edits`: what was written, in which commit."""
        count = self.result.count
        if self.commit is None:
            return f"{self.path} is unchanged ({counted(count, 'instruction')})."
        verb = "Created" if self.created else "Updated"
        return f"{verb} {self.path} with {counted(count, 'instruction')} in commit {self.commit[:8]}."


@writes
def from_edits(ws: Workspace, slug: str, *, edited: bytes | None = None, edited_name: str = "",
               edited_rev: str | None = None, regulation: str | None = None,
               allow_renumber: bool = False, message: str | None = None, author: str | None = None,
               reasons: Mapping[Address, str] | None = None) -> Outcome:
    """Regenerate amendments/<slug>/amendment.md from an edited text (a file or a revision); one commit.

    `message` replaces the commit message (accepting a proposal names the comment in it); `reasons`
    records reasons for the instructions that change those provisions (the comment a proposal came from).
    """
    from regdraft.core.layout import amendment_path
    from regdraft.core.markdown import decode, parse
    from regdraft.workspace.scaffold import default_title, document_text

    relative = amendment_path(slug)
    exists = ws.exists(relative)
    existing = decode(ws.read(relative), relative) if exists else None
    if existing is not None:
        shell = load_amendment("".join(_parts(existing)), relative, slug)
        if shell.status not in PENDING:
            raise NotPending(f"{relative}: the amendment is {shell.status}; only a pending amendment's "
                                "instructions can be regenerated.")
        regulation = regulation or shell.regulation
    if edited is not None:
        new = parse(edited, edited_name, numbering=False)  # a unit deleted outright leaves a gap
        regulation = regulation or new.id
    if not regulation:
        raise UsageError("Name the regulation amended (the amendment does not exist yet).", options=("regulation",))
    reg_path = ws.locate_regulation(regulation)
    old = parse(ws.read(reg_path), reg_path)
    if edited is None:
        if edited_rev is None:
            raise UsageError("Give the edited text, as a file or as a revision.", options=("edited", "edited_rev"))
        new = parse(ws.read(reg_path, edited_rev), f"{reg_path}@{edited_rev}", numbering=False)
    if new.id and new.id != old.id:
        raise RegdraftError(f"{new.source} is {new.id}, not {old.id}, the regulation the amendment amends.")
    if existing is not None:
        base = existing
    else:
        from regdraft.workspace.profiles import profile_for

        words = profile_for(ws, old.meta).words(old.language)
        base = document_text(old, default_title(old, words), words)
    result = regenerate(base, old, new, source=relative, slug=slug, allow_renumber=allow_renumber,
                        reasons=reasons)
    if existing is not None and result.text == existing:
        return Outcome(relative, False, None, result)
    written = load_amendment(result.text, relative, slug)
    warnings = _circulated(ws, written) if existing is not None else ()
    message = message or draft_message(written, result.instructions, edited_name or f"{reg_path}@{edited_rev}",
                                       warnings)
    sha = ws.commit({relative: result.text.encode("utf-8")}, message, author=author)
    return Outcome(relative, existing is None, sha, result, warnings)


def draft_message(amendment: Amendment, instructions: tuple[Instruction, ...], edited: str,
                  warnings: tuple[str, ...] = ()) -> str:
    """The commit of `from-edits`: "Draft 3 of 05-QC/TU: amends khoản 2 Điều 5, ...", then every instruction."""
    name = amendment.number or amendment.slug
    draft = amendment.draft or 1
    lines = [f"Draft {draft} of {name}: {touched(instructions, amendment.language)}", "",
             f"The instructions of Điều 1, written from the edited text {edited}:", *listing(instructions)]
    if warnings:
        lines += ["", *warnings]
    return "\n".join(lines)


def _circulated(ws: Workspace, amendment: Amendment) -> tuple[str, ...]:
    """A warning for each open round whose circulated draft this change of the text leaves behind."""
    out = []
    for r in load_rounds(ws, amendment.slug):
        if r.status is RoundStatus.OPEN and (amendment.draft or 0) <= r.draft:
            out.append(f"Round {r.number} is open on draft {r.draft}, and this changes the text it circulated: "
                       f"comments are still checked against draft {r.draft}; number this text as the next draft "
                       f"with `{Command.of('amend status', amendment.slug, draft=r.draft + 1)}` before the next round "
                       "opens.")
    return tuple(out)


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []


def _parts(text: str) -> tuple[str, str]:
    before, _, after = split_instructions(text)
    return before, after

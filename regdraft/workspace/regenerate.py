"""Regenerating an amending document's instructions from the drafter's edited text.

`regenerate(existing, old, edited)` replaces the numbered instructions of the article amending
`old` (Điều 1 of a document amending one regulation; its own article, `amends:`, of one amending
several) in an amending document's Markdown with those `edits.instructions_from_edits` writes,
keeping everything else; `from_edits(ws, slug, ...)` does it in the workspace, in one commit.

Post-conditions of `regenerate`:
1. Front matter (but for the reasons of that article's instructions), preamble, the heading and
   lead-in of that article and every other article are kept byte for byte.
2. The text it returns reads back with `load_amendment`; `RegdraftError` otherwise.
3. `diff` is the unified diff of the instructions alone (empty when they did not change).
4. An instruction making the same change as one the document has is that one as written, in its place
   (`core.amend.kept`): regenerating from the document's own preview changes nothing, and an edit of that
   preview changes the instruction quoting the provision, or is a new one (`core.amend.revised`).
5. A renumbering the document's instructions already make is not refused as the edited text's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from regdraft.core.amend.appended import appended, appended_note
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
from regdraft.core.amend.kept import with_instructions
from regdraft.core.amend.operations import ReplaceUnit
from regdraft.core.amend.quote import HEADING
from regdraft.core.amend.reasons import KEY, carried_reasons, reasons_naming
from regdraft.core.amend.revised import revised
from regdraft.core.amend.spaces import plain_spaced, spaces_note
from regdraft.core.amend.spliced import spliced
from regdraft.core.amend.summary import listing, touched
from regdraft.core.commands import Command
from regdraft.core.counts import count as counted
from regdraft.core.errors import NotPending, RegdraftError, UsageError
from regdraft.core.model import Address, Kind, Regulation, noun
from regdraft.workspace.amendments import amended_id, refuse_case_twin
from regdraft.workspace.store import writes
from regdraft.workspace.written_warnings import closings_quoted_said, drafts_left_behind, unchanging_said

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace

_INSTRUCTION_LINE = re.compile(r"^\d+[a-z]?\\?\.\s")


def split_instructions(text: str, article: str | None = None) -> tuple[str, str, str]:
    """An amending document as (before, the numbered instructions of the article labelled `article`
    (default: the first article), after), by lines."""
    lines = text.split("\n")
    start = 1 if lines and lines[0].rstrip() == "---" else 0
    if start:
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), len(lines))
    headings = [i for i in range(start, len(lines)) if lines[i].startswith("#")]
    if not headings:
        return text, "", ""
    at = 0 if article is None else next((n for n, i in enumerate(headings) if _label(lines[i]) == article.lower()),
                                          None)
    if at is None:
        raise RegdraftError(f"The amending document has no article {article}.")
    end = headings[at + 1] if len(headings) > at + 1 else len(lines)
    first = next((i for i in range(headings[at] + 1, end) if _INSTRUCTION_LINE.match(lines[i])), end)
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
    document: Amendment | None = None  # `text` as read back, in the amended text's language


def regenerate(existing: str, old: Regulation, edited: Regulation, *, source: str, slug: str,
               allow_renumber: bool = False, reasons: Mapping[Address, str] | None = None,
               regulation: str | None = None, numbers_kept: str | None = None,
               as_issued: frozenset[str] = frozenset(), take_out: bool = False) -> Regenerated:
    """`existing` with the instructions of the article amending `regulation` (default: `old`'s id) replaced
    by those from the edits; all else kept. `numbers_kept`: why the document's instructions keep their numbers (an
    issued text), and then new ones follow them (`core.amend.appended`); `as_issued`, the numbers of those that stay
    word for word (`workspace.as_issued`).

    The front matter's reasons follow their changes to the new instructions; `reasons` adds some by
    provision; the reasons of the other amending articles' instructions are kept.
    """
    import difflib

    # A document whose front matter gives no language is in the language of the text it amends (`read_amendment`).
    language = old.language
    was, _ = read_amendment(existing, source, slug, language=language)
    reg = regulation or old.id or (was.regulation if was else "")
    # Spaces pasted from Word (`Danh\u00a0hiệu`) are quoted as an import writes them, with a note.
    edited, spaced = plain_spaced(edited, old)
    generated = instructions_from_edits(old, edited, allow_renumber=allow_renumber,
                                        amended=_amended(old, was, reg) if was is not None else None)
    article = _article_for(was, reg, source) if was is not None and reg else None
    before, region, after = split_instructions(existing, article)
    had_reasons = was is not None and was.meta.get(KEY) is not None
    # The reasons are written back below; those of the instructions taken out would name nothing meanwhile.
    frame = with_front_matter(before + after, {KEY: None}) if had_reasons else before + after
    shell = load_amendment(frame, source, slug, language)
    reg = reg or shell.regulation
    article = article or shell.article.label
    written = tuple(_in_article(ins, article) for ins in generated.instructions)
    standing: tuple[Instruction, ...] = ()
    kept_note = ""
    if was is not None and reg in was.regulations:
        standing = was.for_regulation(reg).instructions
        fixed = {ins.line for ins in standing if ins.location.partition(".")[0] in as_issued}
        written = revised(old, shell, reg, standing, written, edited, allow_renumber=allow_renumber, fixed=fixed,
                          take_out=take_out)
        if numbers_kept is not None:
            written, added = appended(old, shell, reg, standing, written, numbers_kept, fixed)
            kept_note = appended_note(numbers_kept, added)
        unchanged = len(written) == len(standing) and all(a is b for a, b in zip(written, standing, strict=True))
    else:
        unchanged = False
    # Every instruction kept as it stands: its lines too, as the drafter spaced them (Nghị định 48/2013 leaves a
    # blank line between dash items, which rendering joins); the others written into them.
    new_region = region if unchanged else _written_in(
        (frame, shell), reg, article, (region, standing), written, source, slug)
    text = before + (new_region + ("\n\n" if after else "\n") if new_region else "") + after
    if had_reasons or reasons:
        # The reasons follow their changes to the new instructions (those of no change left are dropped);
        # those of the other amending articles stay as written.
        meta = was.meta if was is not None else shell.meta
        by_regulation = {r: was.for_regulation(r).instructions for r in was.regulations} if was is not None else {}
        carried = carried_reasons(meta, by_regulation.get(reg, ()), written, shell.language, shell.article.label,
                                  reasons)
        others = [ins for r, own in by_regulation.items() if r != reg for ins in own]
        kept = reasons_naming(meta, others, shell.language, shell.article.label)
        merged = {**kept, **carried}
        if merged != (meta.get(KEY) or {}):  # unchanged reasons keep their lines as written
            text = with_front_matter(text, {KEY: merged or None})
    document = load_amendment(text, source, slug, language)  # what is written must read back
    diff = tuple(difflib.unified_diff(_lines(region), _lines(new_region), "instructions (before)",
                                      "instructions (after)", lineterm=""))
    # The note on what the new text of a unit amended whole leaves out is said of an instruction this run writes or
    # rewrites: a unit the edits amend whole may be amended by the document's own instructions instead (`revised`),
    # and then it is not so (r34 sweep BD 4); one amended whole by an instruction kept as it stood is no news, and
    # was said on every run (57/2024's Điều 29, even with "Instructions: no change.", r35 sweep BG 3).
    stood = {_as_stands(leaf) for ins in standing for leaf in ins.leaves()}
    whole = {leaf.op.target for ins in written for leaf in ins.leaves()
             if isinstance(leaf.op, ReplaceUnit) and _as_stands(leaf) not in stood}
    untrue = {note for at, note in generated.wholes if at not in whole}
    notes = tuple(note for note in generated.notes if note not in untrue)
    notes = (*notes, spaces_note(spaced, edited.source, old.language)) if spaced else notes
    notes = (*notes, kept_note) if kept_note else notes
    return Regenerated(text, diff, notes, len(written), written, document)


def _as_stands(ins: Instruction) -> tuple[object, ...]:
    """An instruction as the document has it, wherever it is numbered: its sentence, its quote and what it amends."""
    return ins.text, ins.quote, ins.op.target if isinstance(ins.op, ReplaceUnit) else None


def _written_in(shell: tuple[str, Amendment], reg: str, article: str, region: tuple[str, tuple[Instruction, ...]],
                written: tuple[Instruction, ...], source: str, slug: str) -> str:
    """The instructions `written` of `article` in place of the region's (its text, and its instructions as they
    stand): in the region's own lines (`core.amend.spliced`), or rendered when those would not read back as
    `written`. `shell`: the document without them, as text and as read."""
    rendered = split_instructions(render_amendment(with_instructions(shell[1], reg, written)), article)[1]
    ours = spliced(region[0], region[1], written) if region[1] else None
    if ours is None or ours == rendered:
        return rendered
    before, _, after = split_instructions(shell[0], article)
    try:
        read = load_amendment(before + ours + ("\n\n" if after else "\n") + after, source, slug, shell[1].language)
    except RegdraftError:
        return rendered
    back = read.for_regulation(reg).instructions if reg in read.regulations else ()
    return ours if _as_written(back) == _as_written(written) else rendered


def _as_written(instructions: tuple[Instruction, ...]) -> list[object]:
    """Instructions as the document reads: where they stand, their sentences and quotes, their nested ones."""
    return [(ins.location, ins.text, ins.quote, _as_written(ins.children)) for ins in instructions]


def _amended(old: Regulation, amendment: Amendment, reg: str) -> Regulation | None:
    """`old` as the instructions `amendment` has for it leave it (its preview), None when they cannot be applied."""
    from regdraft.core.amend import apply

    if reg not in amendment.regulations:
        return None
    try:
        return apply(old, amendment.for_regulation(reg), checked=False).regulation
    except RegdraftError:
        return None


def _article_for(amendment: Amendment, reg: str, source: str) -> str:
    """The label of the article of `amendment` amending `reg`; `RegdraftError` when none does."""
    for amended, article in amendment.amending_articles:
        if amended == reg:
            return article.label
    if not amendment.others:
        raise RegdraftError(f"{source}: the amendment is for {amendment.regulation}, but the edited text is {reg}.")
    raise RegdraftError(f"{source}: the amendment amends {', '.join(amendment.regulations)}, not {reg}.")


def _in_article(ins: Instruction, article: str) -> Instruction:
    """`ins` (and the instructions inside it) as standing in the amending article `article`."""
    return replace(ins, article=article, children=tuple(_in_article(child, article) for child in ins.children))


@dataclass(frozen=True, slots=True)
class Outcome:
    """What `regdraft amend from-edits` did."""

    path: str
    created: bool
    commit: str | None
    result: Regenerated
    warnings: tuple[str, ...] = ()
    new_regulation: str = ""  # a new regulation's draft (`workspace.replacing`): its id; the edit is its text

    def summary(self) -> str:
        """The closing line of `amend from-edits`: what was written, in which commit; of a new regulation's draft,
        its text (it has no instructions: "with 0 instructions" read as if nothing was written, r41 sweep CK F7)."""
        if self.new_regulation:
            if self.commit is None:
                return f"{self.path} is unchanged: the edited text is the draft's text of {self.new_regulation}."
            return f"Updated {self.path}, the draft's text of {self.new_regulation}, in commit {self.commit[:8]}."
        count = self.result.count
        if self.commit is None:
            return f"{self.path} is unchanged ({counted(count, 'instruction')})."
        verb = "Created" if self.created else "Updated"
        return f"{verb} {self.path} with {counted(count, 'instruction')} in commit {self.commit[:8]}."


@writes
def from_edits(ws: Workspace, slug: str, *, edited: bytes | None = None, edited_name: str = "",
               edited_rev: str | None = None, regulation: str | None = None,
               allow_renumber: bool = False, message: str | None = None, author: str | None = None,
               reasons: Mapping[Address, str] | None = None, another: bool = False,
               vet: Callable[[str, Amendment], None] | None = None, allow_undo: bool = False,
               take_out: bool = False) -> Outcome:
    """Regenerate amendments/<slug>/amendment.md from an edited text (a file or a revision); one commit.

    `message` replaces the commit message (accepting a proposal names the comment in it); `reasons`
    records reasons for the instructions that change those provisions (the comment a proposal came from).
    An amendment that does not exist is created, unless the regulation has another amendment being drafted
    (draft or circulating): a mistyped name would start a second one. `another` creates it all the same, and
    then refuses a `slug` that exists. `vet` sees the document as it would be written (its text, and that text read in
    the amended text's language), and refuses it by raising.
    An edited text that has the text in force where the amendment's instructions change it (a copy of the
    regulation's file, not of the preview) is refused, naming those instructions, unless `allow_undo`
    (`core.amend.undone`).
    """
    from regdraft.core.layout import amendment_path
    from regdraft.core.markdown import checked, decode, parse
    from regdraft.workspace.left_out import parse_stored
    from regdraft.workspace.parse_cache import read_regulation
    from regdraft.workspace.scaffold import amended_by, default_title, document_text
    from regdraft.workspace.text_in_force import text_in_force

    relative = amendment_path(slug)
    exists = ws.exists(relative)
    if exists and another:
        raise UsageError(f"The amendment '{slug}' already exists ({relative}): asking for another amendment (the "
                         "option below) needs a name not used yet; to write this one's instructions anew, run the "
                         "command without that option.", options=("another",))
    existing = decode(ws.read(relative), relative) if exists else None
    if existing is not None:
        shell = _shell(existing, relative, slug)
        if shell.status not in PENDING:
            raise NotPending(_not_pending(shell, relative))
        if shell.replacing:  # a new regulation's draft: the edited text is its text (`workspace.replacing`)
            from regdraft.workspace.replacing import edit

            sha = edit(ws, shell, edited if edited is not None else ws.read(relative, edited_rev),
                           edited_name or f"{relative}@{edited_rev}", message, author)
            return Outcome(relative, False, sha, Regenerated(existing, (), (), 0),
                           new_regulation=str(shell.meta.get("id") or "") or shell.slug)
        regulation = _regulation_of(ws, shell, regulation)
    if edited is not None:
        # A unit deleted outright leaves a gap. Read through the cache: it takes the articles it shares with the text in
        # force from the reading of that (a proposal accepted changes one provision of it).
        new = checked(read_regulation(ws, edited, edited_name), numbering=False)
        regulation = regulation or new.id
    if not regulation:
        raise UsageError("Name the regulation amended (the amendment does not exist yet).", options=("regulation",))
    reg_path = ws.locate_regulation(regulation)
    # The committed text (its own file edited in place holds the edit; any other edit of it is refused).
    in_force, edited_here = text_in_force(ws, reg_path, slug, edited_name if edited is not None else "")
    old = parse_stored(in_force, reg_path, ws)
    if edited is not None and not allow_undo:  # undoing a later change, meant: a change reverted, made again
        from regdraft.workspace.stale_copy import refuse_stale_copy

        refuse_stale_copy(ws, reg_path, old.id, edited, edited_name)
    if existing is None:
        refuse_case_twin(ws, slug)
    if existing is None and not another:
        _refuse_another(ws, slug, old.id)
    if edited is None:
        if edited_rev is None:
            raise UsageError("Give the edited text, as a file or as a revision.", options=("edited", "edited_rev"))
        new = parse(ws.read(reg_path, edited_rev), f"{reg_path}@{edited_rev}", numbering=False)
    if new.id and new.id != old.id:
        raise RegdraftError(f"{new.source} is {new.id}, not {old.id}, the regulation the amendment amends.")
    if existing is not None:
        base = existing
        if not allow_undo:
            _refuse_undoing(existing, relative, slug, old, new, edited_name or f"{reg_path}@{edited_rev}")
    else:
        from regdraft.workspace.profiles import profile_for

        profile = profile_for(ws, old.meta)
        base = document_text(old, default_title(old, profile), profile, amended_by(ws, old, profile))
    from regdraft.workspace.amendments import numbers_kept
    from regdraft.workspace.as_issued import issued_numbers

    issued = issued_numbers(ws, relative, shell, regulation) if existing is not None else None
    result = regenerate(base, old, new, source=relative, slug=slug, allow_renumber=allow_renumber,
                        take_out=take_out,
                        reasons=reasons, regulation=regulation if existing is not None else None,
                        numbers_kept=numbers_kept(ws, (shell,)) if existing is not None else None,
                        as_issued=issued or frozenset())
    if existing is not None and result.text == existing:
        return Outcome(relative, False, None, result, edited_here)
    if existing is None and not result.instructions:
        # A new amendment with nothing in it would count as pending and stand in the way of every redline.
        why = "".join(f" ({note})" for note in result.notes)
        raise RegdraftError(f"{edited_name or f'{reg_path}@{edited_rev}'} makes no change to the provisions of "
                            f"{old.id} in force{why}, so there is nothing to amend: amendment '{slug}' was not "
                            "created.")
    # Read back once, by `regenerate` (it was read three times: there, here, and by the vetting of an accept).
    written = result.document or load_amendment(result.text, relative, slug, old.language)
    if vet is not None:
        vet(result.text, written)
    warnings = ((drafts_left_behind(ws, written) if existing is not None else ()) + closings_quoted_said(old, written)
                + unchanging_said(old, written))
    from regdraft.core.address.designated import designating, designations

    with designating(designations(old.units)):  # `renames Schedule 1`, as the text names it
        message = message or draft_message(written, result.instructions, edited_name or f"{reg_path}@{edited_rev}",
                                           warnings, regulation=regulation)
    sha = ws.commit({relative: result.text.encode("utf-8")}, message, author=author)
    return Outcome(relative, existing is None, sha, result, warnings + edited_here)  # advice, not in the commit


def _not_pending(amendment: Amendment, relative: str) -> str:
    """Why the instructions of an amendment no longer pending are not regenerated, and what to do instead."""
    said = (f"{relative}: the amendment is {amendment.status}; only a pending amendment's instructions can be "
            "regenerated")
    if amendment.status != "adopted":
        return said + "."
    name = f"{amendment.number} " if amendment.number else ""
    correct = Command.of("amend from-edits", "NEW-SLUG", edited="FILE")
    return (f"{said}. {name}is issued: its instructions are cited by their numbers and are not rewritten; a change "
            f"to the text it made, or a correction of it, is a new amending document (`{correct}`, from a copy of "
            "the text in force).")


def _refuse_undoing(existing: str, source: str, slug: str, old: Regulation, edited: Regulation, name: str) -> None:
    """Refuse an edited text that would undo instructions the amendment has (`core.amend.undone`): the drafter
    copied the text in force, not the preview (r34 sweep BD 1: a colleague's instructions were emptied silently)."""
    from regdraft.core.amend.undone import undone, undone_message

    was, _ = read_amendment(existing, source, slug, language=old.language)
    if was is None or old.id not in was.regulations:
        return
    found = undone(old, was.for_regulation(old.id), edited)
    if found:
        preview = Command.of("amend preview", slug, output="/tmp/edited.md",
                             regulation=old.id if was.others else False)
        raise RegdraftError(undone_message(name, slug, found, was.language or old.language, str(preview)),
                            options=("allow_undo",))


def draft_message(amendment: Amendment, instructions: tuple[Instruction, ...], edited: str,
                  warnings: tuple[str, ...] = (), regulation: str | None = None) -> str:
    """The commit of `from-edits`: "Draft 3 of 05-QC/TU: amends khoản 2 Điều 5, ...", then every instruction.

    For a document amending several regulations it names the one (`regulation`) and its article.
    """
    name = amendment.number or amendment.slug
    draft = amendment.draft or 1
    part = amendment.for_regulation(regulation or amendment.regulation)
    article = f"{noun(Kind.ARTICLE, amendment.language)} {part.article.label}"
    of, amending = "", ""
    if amendment.others:
        of, amending = f" of {part.regulation} ({article})", f" (amending {part.regulation})"
    lines = [f"Draft {draft} of {name}: {touched(instructions, amendment.language)}{of}", "",
             f"The instructions of {article}{amending}, written from the edited text {edited}:",
             *listing(instructions)]
    if warnings:
        lines += ["", *warnings]
    return "\n".join(lines)


def _shell(existing: str, source: str, slug: str) -> Amendment:
    """The amending document as far as it reads (its instructions may be what is being rewritten)."""
    read, _ = read_amendment(existing, source, slug)
    if read is not None:
        return read
    before, _, after = split_instructions(existing)
    return load_amendment(before + after, source, slug)  # raises the problems of all but the instructions


def _refuse_another(ws: Workspace, slug: str, regulation: str) -> None:
    """Refuse to create `slug` while `regulation` has another amendment being drafted (draft or circulating):
    `from-edits` on a mistyped name would start a second one beside it, in the way of every redline."""
    from regdraft.core.layout import amendment_path
    from regdraft.core.markdown import decode
    from regdraft.workspace.amendments import slugs

    drafted = []
    for other in slugs(ws):
        path = amendment_path(other)
        try:  # as far as it reads: one just started with `amend new` has no instruction yet
            doc = _shell(decode(ws.read(path), path), path, other)
        except RegdraftError:
            continue  # `check` reports it
        if regulation in doc.regulations and doc.status in ("draft", "circulating"):
            drafted.append((other, f"'{other}' (status {doc.status}" + (f", draft {doc.draft})" if doc.draft else ")")))
    if not drafted:
        return
    one = len(drafted) == 1
    which = (f"an amendment being drafted, {drafted[0][1]}" if one
             else f"amendments being drafted: {', '.join(shown for _, shown in drafted)}")
    raise UsageError(
        f"There is no amendment '{slug}', and {regulation} already has {which}. To write the instructions of "
        f"{'that one' if one else 'one of them'}, give its name "
        f"(`{Command.of('amend from-edits', drafted[0][0] if one else 'SLUG')}` with the same edited text); "
        f"to start another amendment of {regulation} on purpose, create '{slug}' first with "
        f"`{Command.of('amend new', slug, regulation=regulation)}`, or run this command again asking for "
        f"another amendment (the option below).",
        options=("another",))


def _regulation_of(ws: Workspace, amendment: Amendment, named: str | None) -> str:
    """The regulation whose amending article `from-edits` rewrites: `named`, which the document must
    amend, or its only one."""
    if not named and not amendment.others:
        return amendment.regulation
    word = noun(Kind.ARTICLE, amendment.language)
    each = ", ".join(f"{reg} ({word} {article.label})" for reg, article in amendment.amending_articles)
    if not named:
        raise UsageError(f"The amendment '{amendment.slug}' amends {each}; name the regulation whose edited text "
                         "this is.", options=("regulation",))
    found = amended_id(ws, amendment, named)
    if found is None:
        raise UsageError(f"The amendment '{amendment.slug}' amends {each}, not {named}; name one of them.",
                         options=("regulation",))
    return found


def _label(line: str) -> str | None:
    """The label of the article a heading line opens (lower case), None when it opens none."""
    match = HEADING.match(line.lstrip("#").strip())
    return match.group(2).lower() if match else None


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []

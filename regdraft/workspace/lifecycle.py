"""The life of an amendment in a workspace: check, preview, change status and number.

Reading amendments and where they live is `workspace.amendments`; changing status and number is
`workspace.amendment_status` (its functions are importable from here too); adopting one is `workspace.adoption`.
Every write is one `Workspace.commit` (all or nothing, refusing over uncommitted changes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from regdraft.core.amend.apply import Applied, apply
from regdraft.core.amend.document import PENDING, Amendment
from regdraft.core.amend.tree import find_unit
from regdraft.core.commands import Command
from regdraft.core.counts import count as counted
from regdraft.core.diff import ChangeKind
from regdraft.core.errors import AmendmentConflict, ParseError, Problem, RegdraftError, StoreError
from regdraft.core.layout import amendment_path
from regdraft.core.markdown import decode
from regdraft.core.markdown_writer import render
from regdraft.core.model import Address, Kind, Regulation, noun
from regdraft.core.nearest import absent_above
from regdraft.workspace.amendment_status import set_number as set_number  # its callers import these from here
from regdraft.workspace.amendment_status import set_status as set_status
from regdraft.workspace.amendments import (
    list_amendments,
    load,
    named_reading,
    read_in_language,
    target_regulation,
)
from regdraft.workspace.kept_previews import applied_once
from regdraft.workspace.moved_files import read_at
from regdraft.workspace.numbers import numbered_as_another
from regdraft.workspace.parse_cache import read_regulation as cached_reading
from regdraft.workspace.store import Workspace
from regdraft.workspace.timeline import replay_through

if TYPE_CHECKING:
    from regdraft.core.amend.conflicts import Conflict
    from regdraft.workspace.awaited import Shared

def preview(ws: Workspace, slug: str, rev: str | None = None, regulation: str | None = None) -> Applied:
    """The target regulation (or `regulation`, another one the document amends) with the amendment
    applied; writes nothing.

    A pending amendment applies to the regulation as it stands; an adopted one is shown as
    the replay of the base text up to and including it.
    """
    return _preview(ws, slug, rev, notes=False, regulation=regulation, with_notes=False).applied


@dataclass(frozen=True, slots=True)
class Preview:
    """What `amend preview` shows: the amended regulation and notes on references to check."""

    applied: Applied
    notes: tuple[Problem, ...] = ()


def preview_with_notes(ws: Workspace, slug: str, rev: str | None = None) -> Preview:
    """`preview`, with the references a pending amendment breaks or changes (in the working tree only)."""
    return _preview(ws, slug, rev, notes=rev is None)


@dataclass(frozen=True, slots=True)
class RegulationPreview:
    """One regulation a document amends, as amended by its article for it (`Điều 4`)."""

    regulation: str
    article: str
    preview: Preview
    citation: str = ""  # the article as the document cites it: `Điều 4`, `Article 4`


def preview_each(ws: Workspace, slug: str, rev: str | None = None,
                 regulation: str | None = None) -> tuple[RegulationPreview, ...]:
    """`preview_with_notes` for every regulation the document amends, in the order its amending
    articles stand in it (only `regulation`, when given)."""
    amendment, _ = read_with_problems(ws, slug, rev)
    pairs = amendment.amending_articles
    if regulation is not None:
        wanted = ws.locate_regulation(regulation)
        pairs = tuple(pair for pair in pairs if pair[0] == regulation or ws.locate_regulation(pair[0]) == wanted)
        if not pairs:
            raise RegdraftError(f"{amendment.source} does not amend {regulation}; it amends "
                                f"{', '.join(reg for reg, _ in amendment.amending_articles)}.")
    word = noun(Kind.ARTICLE, amendment.language)
    return tuple(RegulationPreview(reg_id, article.label,
                                   _preview(ws, slug, rev, notes=rev is None, regulation=reg_id),
                                   f"{word} {article.label}")
                 for reg_id, article in pairs)


def _preview(ws: Workspace, slug: str, rev: str | None, notes: bool, regulation: str | None = None,
             with_notes: bool = True) -> Preview:
    """The amendment applied, with the notes asked for: `with_notes` (the edits made or left without an
    instruction, capitals left, closing text dropped) and `notes` (references); `preview`, which returns the applied
    text alone, asks for neither (the capitals' search was 8 ms of every redline against a draft)."""
    amendment, reading = read_with_problems(ws, slug, rev)
    if amendment.replacing:  # a whole new regulation's draft: its text itself (`workspace.replacing`)
        from regdraft.workspace.replacing import draft_applied

        return Preview(draft_applied(ws, amendment, rev))
    read = amendment
    if regulation is not None and regulation != amendment.regulation:
        if regulation not in amendment.regulations:
            raise RegdraftError(f"{amendment.source} does not amend {regulation}; it amends "
                                f"{', '.join(amendment.regulations)}.")
        amendment, reading = amendment.for_regulation(regulation), ()
    if amendment.status == "adopted" and not reading:
        return Preview(replay_through(ws, amendment))
    before = target_regulation(ws, amendment, rev)
    # The same readings give the same draft: built once (`kept_previews`), not again by each asker of one request.
    try:
        applied = applied_once(before, read, reading, lambda: applied_at_once(before, amendment, reading)) \
            if amendment is read else applied_at_once(before, amendment, reading)
    except AmendmentConflict as exc:
        if rev is not None or amendment.status not in PENDING or not exc.problems:
            raise
        raise AmendmentConflict(str(exc.args[0]), said_since(ws, amendment, exc.problems)) from None
    if not with_notes:
        return Preview(applied)
    from regdraft.core.amend.capitals import capitals_left
    from regdraft.core.amend.closing_quotes import continuations_dropped

    # A closing-like paragraph of a last clause that its new text drops: said here as `amend check` says it.
    consequential = (*punctuation_notes(applied, amendment), *capitals_left(applied, amendment),
                     *continuations_dropped(applied, amendment, before))
    if not notes or amendment.status not in PENDING:
        return Preview(applied, consequential)
    broken, to_check = reference_problems(before, applied, amendment)
    return Preview(applied, consequential + broken + to_check)


def punctuation_notes(applied: Applied, amendment: Amendment) -> tuple[Problem, ...]:
    """The consequential edits made without an instruction, and those left out as the document quotes the unit, as
    notes naming the instruction behind each."""
    from regdraft.core.amend.consequential import KeptEnd, Punctuation
    from regdraft.core.amend.quote import short

    made: tuple[Punctuation | KeptEnd, ...] = (*applied.punctuation, *applied.kept)
    return tuple(
        Problem(f"instruction {p.instruction.location} ({short(p.instruction.text)}): {p.describe(amendment.language)}",
                amendment.source, p.instruction.line)
        for p in made)


def kept_ends(applied: Applied, amendment: Amendment) -> tuple[Problem, ...]:
    """`amend check`'s warnings: the consequential edits left out, as the document quotes the unit word for word."""
    kept = replace(applied, punctuation=())
    return punctuation_notes(kept, amendment)


def read_with_problems(ws: Workspace, slug: str, rev: str | None) -> tuple[Amendment, tuple[Problem, ...]]:
    """The amendment as far as it reads, with its reading problems; `ParseError` when nothing can be applied."""
    relative = amendment_path(slug)
    if rev is None and not ws.exists(relative):
        load(ws, slug)  # says which amendments there are
    relative, data = (relative, ws.read(relative)) if rev is None else read_at(ws, relative, rev)  # moved since
    first, language, kept = read_in_language(ws, data, relative, slug, rev)
    amendment, reading = named_reading(ws, data, relative, slug, first, rev, language=language, kept=kept)
    if amendment is None:
        raise ParseError.collect(reading or (Problem("nothing in it can be applied.", relative),), "amendment")
    return amendment, reading


def applied_at_once(before: Regulation, amendment: Amendment, reading: tuple[Problem, ...] = ()) -> Applied:
    """`apply`, failing with every problem at once: reading ones (`reading`), applying ones, and no instruction."""
    problems = list(reading)
    applied: Applied | None = None
    try:
        applied = apply(before, amendment)
    except AmendmentConflict as exc:
        problems.extend(exc.problems)
    if not reading:
        problems.extend(no_instruction(amendment, before.source))
    if problems or applied is None:
        problems.sort(key=lambda p: (p.line == 0, p.line))
        count = len(problems)
        raise AmendmentConflict(
            f"{amendment.source}: {counted(count, 'problem')} reading and applying {amendment.name} "
            f"to {before.id or before.source}; nothing was changed:", problems)
    return applied


def said_since(ws: Workspace, amendment: Amendment, problems: Sequence[Problem],
               shared: Shared | None = None) -> tuple[Problem, ...]:
    """A pending draft's problems applying it to the text in force, each said as `amend check` says it: naming a
    provision another pending amendment brings in, a phrase hidden by an invisible character, or the adoption made
    since the draft was begun that took a label or a phrase (a redline, `round open` and `round report` said only
    "choose the next free label", r43 sweep CH F2)."""
    from regdraft.workspace.awaited import awaited
    from regdraft.workspace.hidden_words import explained
    from regdraft.workspace.since_begun import explained as since

    return tuple(since(ws, amendment, awaited(ws, amendment, explained(ws, amendment, problems), shared)))


def no_instruction(amendment: Amendment, regulation_file: str = "") -> list[Problem]:
    """The problem of an amendment that changes nothing: no instruction under its amending article. With the file of
    the regulation it amends, the first edit's way too: a drafter who starts from the preview of an amendment just
    made was told only to write instructions by hand (r37 sweep BQ 5)."""
    if amendment.replacing or any(True for _ in amendment.leaves()):  # a new regulation's draft has its text instead
        return []
    article = amendment.article
    word = "Article" if amendment.language == "en" else "Điều"
    from regdraft.core.amend.grammar import example_instruction

    edits = (f", or edit a copy of {regulation_file} (the text it amends) and let "
             f"`{Command.of('amend from-edits', amendment.slug, edited='FILE')}` write them") if regulation_file else ""
    return [Problem(
        f"the amendment has no instruction: write them under {word} {article.label} as numbered paragraphs "
        f"('1\\. {example_instruction(amendment.language)}' ...){edits}.", amendment.source, article.line or 1)]


def _file_of(ws: Workspace, regulation: str) -> str:
    """The regulation's file in the workspace, "" when it has none."""
    try:
        return ws.locate_regulation(regulation)
    except RegdraftError:
        return ""


def reference_problems(before: Regulation, applied: Applied,
                       amendment: Amendment) -> tuple[tuple[Problem, ...], tuple[Problem, ...]]:
    """References the applied amendment breaks, and those to check, located where the referring
    text is written: in the regulation file, or in the amendment for a provision it quotes whole
    (its new text of khoản 2 Điều 11 cites Điều 10, which it also changes)."""
    from regdraft.core.refs import cited_issues

    # One finding per citation: `points b to f of clause 1 of Article 2` is one line, not five (sweep r31/AR 2).
    issues = cited_issues(before, applied.regulation, [c.provision for c in applied.changes])
    found: dict[str, list[Problem]] = {"broken": [], "check": []}
    for issue in issues:
        ref = issue.reference
        source = amendment.source if _quoted(applied, ref.source, ref.line) else before.source
        found[issue.kind].append(Problem(issue.describe(before.language), source, ref.line))
    return tuple(found["broken"]), tuple(found["check"])


def _quoted(applied: Applied, address: Address, line: int) -> bool:
    """Whether the unit at `address` of the amended text, starting at `line`, is one an instruction
    quotes (a provision replaced or inserted whole): its line is then one of the amendment's."""
    for change in applied.changes:
        quote = change.instruction.unit
        start = change.address
        if (quote is None or start.part or change.kind not in (ChangeKind.AMENDED, ChangeKind.INSERTED)
                or address.segments[:len(start.segments)] != start.segments):
            continue
        # The unit at `address` within the quote: the path from the quoted unit's own segment down.
        unit = find_unit((quote,), Address(address.segments[len(start.segments) - 1:]))
        if unit is not None and unit.line == line:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Review:
    """What `amend check` reports: the problems (broken references included), and references to check."""

    problems: tuple[Problem, ...]
    to_check: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    amends: tuple[tuple[str, str], ...] = ()  # each regulation checked and its article (`Điều 4`), in document order
    broken: tuple[Problem, ...] = ()  # those of `problems` that are references the amendment breaks
    reverts: tuple[Problem, ...] = ()  # those of `problems` that undo an adoption since it was begun (a gate of theirs)
    replaced: tuple[Problem, ...] = ()  # those of `problems` amending a replaced regulation (a gate of theirs)
    unchanging: tuple[Problem, ...] = ()  # those of `warnings` on an instruction that changes nothing (`check` too)
    reach: tuple[Problem, ...] = ()  # those of `warnings` on words reaching other places since it was begun (too)

    def as_json(self) -> dict[str, list[dict[str, Any]]]:
        """What `amend check --json` prints: the problems, the references to check, the warnings and
        the regulations checked."""
        return {"problems": [p.as_dict() for p in self.problems],
                "to_check": [p.as_dict() for p in self.to_check],
                "warnings": [p.as_dict() for p in self.warnings],
                "regulations": [{"regulation": reg, "article": article} for reg, article in self.amends]}


def check(ws: Workspace, slug: str, shared: Shared | None = None) -> list[Problem]:
    """Every problem of one amendment: reading it, applying it, and reading the result back (`shared`: see
    `check_amendment`)."""
    return list(_review(ws, slug, references=False, shared=shared).problems)


def review(ws: Workspace, slug: str) -> Review:
    """`check`, plus the references the amendment breaks (as problems) and those to check."""
    return _review(ws, slug, references=True)


def check_amendment(ws: Workspace, amendment: Amendment, shared: Shared | None = None) -> list[Problem]:
    """Problems applying a loaded amendment to its regulation (none for an adopted one); `shared` keeps the other
    pending amendments applied (`awaited`) for the next amendment a command that writes nothing checks. The
    warnings on an instruction that changes nothing come with them (`regdraft check` says them too)."""
    checked = _checked(ws, amendment, references=False, shared=shared)
    return [*checked.problems, *checked.unchanging, *checked.reach]


def _review(ws: Workspace, slug: str, references: bool, shared: Shared | None = None) -> Review:
    relative = amendment_path(slug)
    if not ws.exists(relative):
        load(ws, slug)  # says which amendments there are
    try:
        data = ws.read(relative)
        first, language, kept = read_in_language(ws, data, relative, slug)
        amendment, reading = named_reading(ws, data, relative, slug, first, language=language, kept=kept)
    except ParseError as exc:  # not even text
        return Review(exc.problems or (Problem(str(exc), relative),))
    if amendment is None:
        return Review(reading)
    if amendment.replacing:  # a whole new regulation's draft: checked as `check` checks a regulation file
        from regdraft.workspace.replacing import draft_problems

        return Review(*draft_problems(ws, amendment), amends=((amendment.regulation, ""),))
    # Every problem in one run: what the instructions that could be read would do is checked too
    # (applied to a copy in memory; nothing is written).
    problems: list[Problem] = _placed(ws, amendment, reading)
    to_check: list[Problem] = []
    broken: list[Problem] = []
    reverts: list[Problem] = []
    from regdraft.core.amend.staged import early, unresolved

    # a date for provisions it cannot find; a date before the document is signed
    from regdraft.workspace.translated_amendments import numbers_unlike

    unlike = numbers_unlike(ws, amendment)  # a translation numbered otherwise than its original: refused pending
    warnings = [*amendment.warnings, *unresolved(amendment), *(p for p in unlike if p.warning),
                *(early(amendment) if amendment.status in PENDING else [])]
    for reg_id in amendment.regulations:  # a document may amend several regulations of the workspace
        checked = _checked(ws, amendment.for_regulation(reg_id), references, shared)
        problems.extend(checked.problems)
        to_check.extend(checked.to_check)
        broken.extend(checked.broken)
        reverts.extend(checked.reverts)
        warnings.extend(checked.warnings)
    problems.extend(no_instruction(amendment, _file_of(ws, amendment.regulation))
                    if not reading and amendment.status in PENDING else [])
    if references:  # wording accepted from a comment as typed that reads as Markdown (`regdraft check` says it too)
        from regdraft.workspace.accepted_wording import unmeant_markdown

        warnings.extend(unmeant_markdown(ws, amendment))
    problems.extend([*numbered_as_another(ws, amendment), *(p for p in unlike if not p.warning)])
    replaced = _amends_replaced(ws, amendment) if references and amendment.status in PENDING else []
    problems.extend(replaced)
    problems.sort(key=lambda p: (p.line == 0, p.line))
    word = noun(Kind.ARTICLE, amendment.language)
    warnings.sort(key=lambda p: p.line)
    return Review(tuple(problems), tuple(to_check), tuple(warnings),
                  tuple((reg, f"{word} {article.label}") for reg, article in amendment.amending_articles),
                  tuple(broken), tuple(reverts), tuple(replaced))


def replaced_warnings(ws: Workspace, amendment: Amendment) -> list[Problem]:
    """`regdraft check`: what `amend check` says of a pending amendment to a regulation a new one replaced, as a
    warning (it fails only the amendment's adoption): after a new term's regulation was issued, `check` said "No
    problems found" of the amendment still circulating on the old one (r41 sweep CK F4)."""
    if amendment.replacing or amendment.status not in PENDING:
        return []
    return [replace(p, warning=True) for p in _amends_replaced(ws, amendment)]


def _amends_replaced(ws: Workspace, amendment: Amendment) -> list[Problem]:
    """`amend check`: a regulation it amends that a new one replaced by the day it would take effect (its
    `effective`, else what its entry-into-force article says of its `signed` date or today, else that date), which
    `amend adopt` refuses (`gates.refusals`); on the `regulation` line of its front matter."""
    import datetime as dt

    from regdraft.core.frontmatter import key_line
    from regdraft.workspace.gates import effective_from_document, replaced_fix
    from regdraft.workspace.replacements import amending_replaced, amending_sentence

    signed = amendment.signed or dt.date.today()
    day = amendment.effective or effective_from_document(amendment, signed) or signed
    found = amending_replaced(ws, amendment.regulations, day)
    if not found:
        return []
    when = ("the day its front matter says it takes effect" if amendment.effective else
            "the day it would take effect" if amendment.signed else "today (it is not signed yet)")
    relative = amendment_path(amendment.slug)
    line = key_line(decode(ws.read(relative), relative).split("\n"), "regulation")
    return [Problem(f"{amendment.slug} cannot be adopted: {amending_sentence(reg_id, r, day, when)}; "
                    f"{replaced_fix(amendment.slug, r)}.", relative, line) for reg_id, r in found]


def _placed(ws: Workspace, amendment: Amendment, reading: Sequence[Problem]) -> list[Problem]:
    """The problems of reading, an instruction whose quote is another unit than it names said anew when what it
    names is in no unit of the text: `Khoản 2 Điều 100` over a quote of khoản 2 Điều 10 is a wrong article."""
    problems = list(reading)
    for unmatched in amendment.unmatched:
        try:
            regulation = target_regulation(ws, amendment.for_regulation(unmatched.regulation))
        except RegdraftError:
            continue  # the regulation cannot be read: that is reported on its own
        why = absent_above(regulation, unmatched.target)
        if why is not None and unmatched.problem in problems:
            said = replace(unmatched.problem, message=f"{unmatched.where}: {why}.")
            problems[problems.index(unmatched.problem)] = said
    return problems


def _checked(ws: Workspace, amendment: Amendment, references: bool, shared: Shared | None = None) -> Review:
    if amendment.status not in PENDING:
        return Review(())
    if amendment.replacing:  # no instruction to apply: its text is checked as a regulation file's
        from regdraft.workspace.replacing import draft_problems

        problems, warnings = draft_problems(ws, amendment)
        return Review(problems, warnings=warnings)
    from regdraft.workspace.since_begun import reach_changed  # words reaching other places since it was begun

    before: Regulation | None = None
    try:
        before = target_regulation(ws, amendment)
        applied = apply(before, amendment)
    except (AmendmentConflict, ParseError) as exc:
        if not exc.problems:
            return Review((Problem(str(exc), amendment.source),))
        from regdraft.workspace.reverts import reverted_in_part

        # Every problem in one run: the quotes of the instructions that do apply are checked for reverts too.
        reverts = reverted_in_part(ws, amendment, before, exc.problems) if before is not None else ()
        reach = tuple(reach_changed(ws, amendment))
        said = said_since(ws, amendment, exc.problems, shared)
        return Review(tuple(sorted(said + reverts, key=lambda p: p.line)), warnings=reach, reverts=reverts,
                      reach=reach)
    except StoreError as exc:
        return Review((Problem(str(exc), amendment.source, 1),))
    from regdraft.core.amend.capitals import capitals_left
    from regdraft.core.amend.chained import chained_words
    from regdraft.core.amend.closing_quotes import closings_quoted, continuations_dropped
    from regdraft.core.amend.languages import language_differs
    from regdraft.core.amend.placeholders_quoted import placeholders_quoted
    from regdraft.core.amend.type_words import wrong_type_words
    from regdraft.core.amend.undone import changes_nothing
    from regdraft.workspace.reverts import reverted_and_unjudged

    found, unjudged = reverted_and_unjudged(ws, amendment, applied, before)
    reverts = tuple(found)
    problems = _read_back(ws, applied, amendment, before) + reverts
    # A closing-like sentence quoted into a last clause (Luật Công đoàn's khoản 10 Điều 10), or dropped with the
    # clause it is stored in (`Sửa đổi, bổ sung khoản 10 Điều 10` not quoting it), or a placeholder quoted
    # in a new text (`3. (được bãi bỏ)`): a warning, never a refusal;
    # so are the words a phrase instruction leaves for their capitals (`The archivist` for `the archivist`).
    from regdraft.workspace.bases import uncited_adoptions

    # An instruction whose new text is the text in force (a copy of the text in force given to `from-edits`).
    unchanging = tuple(changes_nothing(amendment, before))
    reach = tuple(reach_changed(ws, amendment))
    warnings = (*closings_quoted(applied, amendment, before), *continuations_dropped(applied, amendment, before),
                *placeholders_quoted(amendment, before), *unchanging, *reach,
                *capitals_left(applied, amendment), *chained_words(before, applied, amendment),
                *wrong_type_words(amendment, before), *language_differs(amendment, before),
                *kept_ends(applied, amendment), *uncited_adoptions(ws, amendment), *unjudged)
    if not references:
        return Review(problems, warnings=warnings, reverts=reverts, unchanging=unchanging, reach=reach)
    from regdraft.workspace.order import order_warning

    warnings += (*order_warning(ws, amendment, applied.regulation),)  # before an adopted (dated) change in force later
    broken, to_check = reference_problems(before, applied, amendment)
    return Review(problems + broken, to_check, warnings, broken=broken, reverts=reverts, unchanging=unchanging,
                  reach=reach)


def _read_back(ws: Workspace, applied: Applied, amendment: Amendment, before: Regulation) -> tuple[Problem, ...]:
    """Problems reading the amended text back: it must read as the same provisions, with no
    problem the text before it did not have. Both texts are read through the parse cache: the
    same amendment checked again reads neither anew."""
    known = {p.message for p in cached_reading(ws, render(before), before.source).problems}
    reading = cached_reading(ws, render(applied.regulation), applied.regulation.source)
    again = reading.regulation
    new = [p for p in reading.problems if p.message not in known]
    if not new and again == applied.regulation:
        return ()
    from regdraft.core.amend.unread import unread, unread_problem

    found = unread(before, amendment)
    if found is not None:
        return (unread_problem(found, amendment),)
    if new:
        # The line of a problem is one of the amended text as written out, in no file: its words alone.
        return tuple(Problem(f"the amended text does not read back: {p.message}", amendment.source) for p in new)
    return (
        Problem(
            "the amended text does not read back as the same provisions; check the quoted text "
            "for paragraphs that look like clauses or points.",
            amendment.source,
        ),
    )


def pending_conflicts(ws: Workspace) -> list[Conflict]:
    """Pairs of instructions of different pending amendments touching the same or nested provisions."""
    from regdraft.workspace.overlaps import conflicts_among

    return conflicts_among(ws, [a for a in list_amendments(ws) if a.status in PENDING])

"""Apply an amending document to a regulation, all or nothing.

Post-conditions of `apply(reg, amendment)`:
1. Either every instruction applies and the result is returned, or `AmendmentConflict` lists
   every instruction that cannot be applied (missing target, label taken or out of place,
   phrase not found where named, conflicting instructions), each with file, line and text.
2. `reg` is never modified (the model is immutable); untouched units are shared.
3. The result adds no `markdown.validate` problem to those of the base text, and `parse(render(result)) == result`.
4. Instructions apply in document order; existing units are never renumbered, and repealed
   units stay as placeholders.

What it returns (`Applied`, each `AppliedChange`, the punctuation gathered by `Marks`) is
`regdraft.core.amend.applied`; both names are importable from here too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from regdraft.core.address import is_item_part
from regdraft.core.address.designated import designating, designations
from regdraft.core.amend import dashes, phrases, subject
from regdraft.core.amend.applied import Applied as Applied  # its callers import both from here
from regdraft.core.amend.applied import AppliedChange as AppliedChange
from regdraft.core.amend.applied import Marks
from regdraft.core.amend.conflicts import instruction_conflicts
from regdraft.core.amend.consequential import KeptEnd, punctuate
from regdraft.core.amend.document import Amendment, Instruction
from regdraft.core.amend.grammar import InsertUnit, RepealUnits, ReplaceHeading, ReplaceUnit, ReplaceWords, targets
from regdraft.core.amend.headings import article_order, chapter_order
from regdraft.core.amend.insertion import collect_articles as _collect_articles
from regdraft.core.amend.insertion import insert as _insert
from regdraft.core.amend.insertion import next_insert_label as next_insert_label  # its callers import it from here
from regdraft.core.amend.quote import short
from regdraft.core.amend.self_name import other_text
from regdraft.core.amend.tree import NotApplied as _Failure
from regdraft.core.amend.tree import existing as _existing
from regdraft.core.amend.tree import find_unit, unit_path
from regdraft.core.amend.tree import replace_at as _map
from regdraft.core.amend.wording import cite_list
from regdraft.core.counts import count as counted
from regdraft.core.diff import ChangeKind
from regdraft.core.errors import AmendmentConflict, Problem
from regdraft.core.markdown import validate
from regdraft.core.model import (
    HEADING_KINDS,
    INTRO,
    REPEALED_TEXT,
    TITLE,
    Address,
    Kind,
    Regulation,
    Segment,
    Unit,
    part_name,
    repealed_unit,
)
from regdraft.core.parts import part_paragraphs, part_text, with_part
from regdraft.core.text import excerpt

Units = tuple[Unit, ...]


def apply(reg: Regulation, amendment: Amendment, *, checked: bool = True) -> Applied:
    """Apply every instruction of `amendment` to `reg`; `AmendmentConflict` if any fails.

    `checked=False` leaves out validating the amended text (a walk of the whole regulation), for a
    caller that only compares what instructions do (`amend from-edits` matching instructions by effect). A message
    names an English text's appendix by its own word (`Schedule 1`: `address.designated`)."""
    with designating(designations(reg.units)):
        return _applied(reg, amendment, checked)


def _applied(reg: Regulation, amendment: Amendment, checked: bool) -> Applied:
    language, alphabet = reg.language, reg.alphabet
    problems: list[Problem] = []
    amendment = amendment.for_regulation(reg.id)
    if amendment.regulation and reg.id and amendment.regulation != reg.id:
        problems.append(Problem(f"The amendment is for {amendment.regulation}, not {reg.id}.", amendment.source, 1))
    problems.extend(instruction_conflicts(amendment, language))
    units: Units = reg.units
    preamble = reg.preamble
    changes: list[AppliedChange] = []
    punctuation = Marks()
    group: tuple[str, int] | None = None  # the sentence of implied changes applied so far (`điểm n và điểm o`)
    start = units
    quoted: dict[Address, Instruction] = {}  # the units the document re-enacts word for word, so far
    kept: list[KeptEnd] = []
    for ins in amendment.leaves():
        before = units
        if not ins.implied or group != (ins.location, ins.line):
            start = units
        group = (ins.location, ins.line) if ins.implied else None
        try:
            other = other_text(ins.op.document, reg, amendment.language) \
                if isinstance(ins.op, ReplaceWords) and ins.op.document else ""
            if other:
                raise _Failure(other)  # `trong toàn bộ Luật Đất đai` in an amendment of another law: never guessed
            if isinstance(ins.op, ReplaceWords) and ins.op.preamble:
                preamble, made = _preamble_words(preamble, ins)
                changes.extend(made)
            units, made = _apply_one(units, ins, language, alphabet)
        except _Failure as exc:
            problems.append(
                Problem(f"instruction {ins.location} ({short(ins.text)}): {exc}", amendment.source, ins.line)
            )
            continue
        changes.extend(made)
        units, marks, left = punctuate(units, before, ins, find_unit, _put, start,
                                       lambda a: next((q for at, q in quoted.items() if at.contains(a)), None))
        punctuation.add(marks)
        kept.extend(left)
        if isinstance(ins.op, ReplaceUnit) and ins.unit is not None:  # re-enacted; a unit inserted ends a list
            quoted[ins.op.target] = ins
    result = reg.with_units(units)
    if preamble != reg.preamble:
        result = replace(result, preamble=preamble)
    if not problems and checked:
        # A base text with problems of its own stays readable: only what the amendment breaks counts.
        found = validate(result)
        known = {p.message for p in validate(reg)} if found else set()
        malformed = [p for p in found if p.message not in known]
        if malformed:
            problems.extend(_blamed(reg, amendment, known, malformed))
    if problems:
        problems.sort(key=lambda p: p.line)
        count = len(problems)
        raise AmendmentConflict(
            f"{amendment.source}: {counted(count, 'problem')} applying {amendment.name} to "
            f"{reg.id or reg.source}; nothing was changed:",
            problems,
        )
    return Applied(result, tuple(changes), punctuation.result(), tuple(kept))


def _blamed(reg: Regulation, amendment: Amendment, known: set[str], malformed: list[Problem]) -> list[Problem]:
    """Each problem of the amended text, named after the first instruction that brings it in.

    Only run when the result is malformed: the instructions are applied again one by one,
    checking the text after each.
    """
    blame: dict[str, Instruction] = {}
    units = reg.units
    seen = set(known)
    for ins in amendment.leaves():
        try:
            units, _ = _apply_one(units, ins, reg.language, reg.alphabet)
        except _Failure:
            continue
        for p in validate(reg.with_units(units)):
            if p.message not in seen:
                seen.add(p.message)
                blame[p.message] = ins
    out = []
    for p in malformed:
        culprit = blame.get(p.message)
        if culprit is None:
            out.append(Problem(f"the amended {reg.id or 'regulation'} would be malformed: {p.message}",
                               amendment.source, 0))
        else:
            out.append(Problem(f"instruction {culprit.location} ({short(culprit.text)}) leaves the amended "
                               f"{reg.id or 'regulation'} malformed: {p.message}", amendment.source, culprit.line))
    return out


def _put(units: Units, target: Address, unit: Unit) -> Units:
    return _map(units, target, lambda _u: [unit])


def _apply_one(units: Units, ins: Instruction, language: str,
               alphabet: str = "vi") -> tuple[Units, list[AppliedChange]]:
    op = ins.op
    if isinstance(op, InsertUnit) and op.within is not None:
        _check_within(units, op, op.within, language)
    if isinstance(op, (ReplaceUnit, InsertUnit, RepealUnits)) and any(is_item_part(t.part) for t in targets(op)):
        return _apply_dashes(units, ins, language)
    if isinstance(op, (ReplaceUnit, InsertUnit)) and op.target.part:
        return _apply_part(units, ins, op.target, language)
    if isinstance(op, ReplaceUnit):
        current = _existing(units, op.target, language)
        new = ins.unit
        assert new is not None
        if op.about and subject.partial(current, new):
            try:
                rewritten = subject.rewrite(current, new, op.about, op.target.describe(language))
            except subject.SubjectError as exc:
                raise _Failure(str(exc)[:1].upper() + str(exc)[1:]) from None
            said = subject.made(op.target, current, rewritten)  # its lead-in (and title), not the whole unit
            return _put(units, op.target, rewritten), [AppliedChange(a, k, ins, o, n) for a, k, o, n in said]
        units = _map(units, op.target, lambda _u: [new])
        return units, [AppliedChange(op.target, ChangeKind.AMENDED, ins)]
    if isinstance(op, ReplaceHeading):
        current = _existing(units, op.target, language)
        if current.kind not in HEADING_KINDS:
            raise _Failure(f"{op.target.describe(language)} has no title.")
        title = ins.title or ""
        units = _map(units, op.target, lambda u: [replace(u, title=title)])
        return units, [AppliedChange(op.target, ChangeKind.HEADING_CHANGED, ins, current.title, title)]
    if isinstance(op, InsertUnit):
        assert ins.unit is not None
        inserted = _insert(units, op, ins.unit, language, alphabet)
        if op.target.kind in (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION):
            # Articles (and chapters) are numbered through the whole document: the new ones must fit where they stand.
            articles: list[Unit] = []
            new_articles: list[Unit] = []
            _collect_articles(inserted, articles)
            _collect_articles(ins.unit.children, new_articles)
            problem = article_order([a.label for a in articles], [a.label for a in new_articles], op.target, language)
            if not problem and op.target.kind is Kind.PART:
                chapters: list[Unit] = []
                new_chapters: list[Unit] = []
                _collect_articles(inserted, chapters, Kind.CHAPTER)
                _collect_articles(ins.unit.children, new_chapters, Kind.CHAPTER)
                problem = chapter_order([c.label for c in chapters], [c.label for c in new_chapters], op.target,
                                        language)
            if problem:
                raise _Failure(problem)
        return inserted, [AppliedChange(op.target, ChangeKind.INSERTED, ins)]
    if isinstance(op, RepealUnits):
        failures = []
        made = []
        for target in op.targets:
            try:
                current = _existing(units, target, language)
                if target.part and part_text(current, target.part) is None:
                    raise _Failure(f"{target.unit.describe(language)} has no {_part_word(target, language)}.")
            except _Failure as exc:
                failures.append(str(exc))
                continue
            if target.part:
                units = _map(units, target.unit, _part_remover(target.part))
            else:
                units = _map(units, target, lambda u: [_repealed(u, language)])
            made.append(AppliedChange(target, ChangeKind.REPEALED, ins))
        if failures:
            raise _Failure(" ".join(failures))
        return units, made
    if isinstance(op, ReplaceWords):
        if op.preamble and not op.targets and not op.titles:
            return units, []
        return _words(units, op, ins, language)
    raise _Failure("this kind of instruction cannot be applied on its own.")


def _check_within(units: Units, op: InsertUnit, within: Address, language: str) -> None:
    """The unit an insertion follows (or joins) lies in the container its `thuộc Mục 1 Chương III` names."""
    container = find_unit(units, within)
    if container is None or container.kind is not within.kind:
        raise _Failure(f"{within.describe(language)} does not exist.")
    anchor = op.after if op.after is not None else op.parent
    chain = unit_path(units, anchor.unit) if anchor is not None else None
    if chain is None:
        return  # a missing anchor is reported when the unit is placed
    if any(level[index] is container for level, index in chain):
        return
    holders = [level[index] for level, index in chain[:-1]]
    held = [Segment(u.kind, u.label) for u in holders if u.kind in (Kind.PART, Kind.CHAPTER, Kind.SECTION,
                                                                   Kind.SUBSECTION)]
    chapters = [i for i, seg in enumerate(held) if seg.kind is Kind.CHAPTER]
    held = held[chapters[-1]:] if chapters else held  # a chapter is cited without its part
    where = f" (it is in {Address(tuple(held)).describe(language)})" if held else ""
    assert anchor is not None
    raise _Failure(f"{anchor.describe(language)} is not in {within.describe(language)}{where}.")


def _apply_dashes(units: Units, ins: Instruction, language: str) -> tuple[Units, list[AppliedChange]]:
    """Replace, insert or repeal dash items (`regdraft.core.amend.dashes`)."""
    op = ins.op
    made: list[AppliedChange] = []
    failures: list[str] = []
    for target in targets(op):
        if not is_item_part(target.part):
            failures.append(f"{target.describe(language)} cannot be repealed together with dash items; "
                            "repeal it in an instruction of its own.")
            continue
        unit = _existing(units, target.unit, language)
        try:
            if isinstance(op, InsertUnit):
                assert ins.unit is not None
                new, address = dashes.insert_dash(unit, target, op.after, ins.unit.text, language)
                made.append(AppliedChange(address, ChangeKind.INSERTED, ins))
            elif isinstance(op, ReplaceUnit):
                assert ins.unit is not None
                new = dashes.replace_dash(unit, target, ins.unit.text, language)
                made.append(AppliedChange(target, ChangeKind.AMENDED, ins))
            else:
                new = dashes.repeal_dash(unit, target, language)
                made.append(AppliedChange(target, ChangeKind.REPEALED, ins))
        except dashes.DashError as exc:
            failures.append(str(exc))
            continue
        units = _put(units, target.unit, new)
    if failures:
        raise _Failure(" ".join(failures))
    return units, made


def _part_remover(part: str) -> Callable[[Unit], list[Unit]]:
    return _part_setter(part, ())


def _part_setter(part: str, paragraphs: tuple[str, ...]) -> Callable[[Unit], list[Unit]]:
    return lambda unit: [with_part(unit, part, paragraphs)]


def _part_word(target: Address, language: str) -> str:
    """`đoạn mở đầu` / `the lead-in` as a noun phrase, without the unit."""
    name = part_name(target.part, target.kind, language)
    return name.removesuffix(" of") if language == "en" else name


def _apply_part(units: Units, ins: Instruction, target: Address, language: str) -> tuple[Units, list[AppliedChange]]:
    """Replace or add a unit's lead-in or closing text; its points and clauses stay as they are."""
    unit = _existing(units, target.unit, language)
    assert ins.unit is not None
    new = ins.unit.text
    whole, part = target.unit.describe(language), _part_word(target, language)
    span = part_text(unit, target.part)
    has_dashes = any(t.startswith(("- ", "+ ")) for t in unit.text)
    if not unit.children and not has_dashes:
        inside = "points" if unit.kind is not Kind.ARTICLE else "clauses or points"
        raise _Failure(
            f"{whole} has no {inside}, so it has no {part} apart from its whole text; amend {whole} as a whole."
        )
    if isinstance(ins.op, InsertUnit):
        if span is not None and not (target.part == INTRO and unit.children and not unit.text):
            article = "a " if language == "en" else ""
            raise _Failure(f"{whole} already has {article}{part}; amend it instead of adding one.")
        kind = ChangeKind.INSERTED
    else:
        if span is None or (target.part == INTRO and unit.children and not unit.text):
            verb = "Bổ sung" if language != "en" else "Add"
            raise _Failure(
                f"{whole} has no {part} to amend; to add one, write '{verb} {target.describe(language)} ...'."
            )
        kind = ChangeKind.AMENDED
    return _map(units, target.unit, lambda u: [with_part(u, target.part, new)]), [AppliedChange(target, kind, ins)]


def _repealed(unit: Unit, language: str) -> Unit:
    """The placeholder a repealed unit leaves. A part, chapter or section keeps its number with the
    placeholder as its title, and its articles stay as placeholders, so no article number is lost."""
    if unit.kind not in (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION):
        return repealed_unit(unit)
    return replace(unit, title=REPEALED_TEXT.get(language, REPEALED_TEXT["vi"]), text=(),
                   children=tuple(_repealed(c, language) for c in unit.children))

def _words(units: Units, op: ReplaceWords, ins: Instruction, language: str) -> tuple[Units, list[AppliedChange]]:
    kind = ChangeKind.WORDS_DELETED if op.new is None else \
        ChangeKind.WORDS_ADDED if op.position else ChangeKind.WORDS_REPLACED
    made: list[AppliedChange] = []

    def record(address: Address, in_title: bool = False) -> None:
        made.append(AppliedChange(address, kind, ins, op.old, op.new, op.position, in_title))

    if op.throughout:
        new_units = tuple(phrases.replace_in_unit(u, None, op.old, op.new, op.position, record) for u in units)
        if not made:
            raise _Failure(f"{excerpt(op.old)} does not occur anywhere in the regulation"
                           f"{_other_capitals([w for u in units for w in phrases.other_capitals_in_unit(u, op.old)])}.")
        return new_units, made
    missing: list[Address] = []  # a title as its heading's address with the part TITLE
    capitals: list[str] = []  # the phrase in other capitals where it is missing (`The council`), left as it is
    for target in op.titles:
        unit = _existing(units, target, language)
        title, hits = phrases.replace(unit.title or "", op.old, op.new, op.position)
        if not hits:
            missing.append(target.with_part(TITLE))
            capitals.extend(phrases.other_capitals(unit.title or "", op.old))
            continue
        units = _map(units, target, _retitled(title))
        record(target, in_title=True)
    for target in op.targets:
        unit = _existing(units, target, language)
        if target.part:
            paragraphs = part_paragraphs(unit, target.part)
            replaced = [phrases.replace(t, op.old, op.new, op.position) for t in paragraphs]
            if not sum(n for _, n in replaced):
                missing.append(target)
                capitals.extend(w for t in paragraphs for w in phrases.other_capitals(t, op.old))
                continue
            units = _map(units, target.unit, _part_setter(target.part, tuple(t for t, _ in replaced)))
            record(target)
            continue
        if occurrences(unit, op.old) == 0:
            missing.append(target)
            capitals.extend(phrases.other_capitals_in_unit(unit, op.old))
            continue
        units = _map(units, target, _rewriter(target.parent(), op, record))
    if missing:
        elsewhere = sum(occurrences(u, op.old) for u in units)
        where = _places(missing, language)
        raise _Failure(
            f"{excerpt(op.old)} is found 0 times in {where} (it occurs {counted(elsewhere, 'time')} in the whole "
            f"regulation){_other_capitals(capitals)}."
        )
    return units, made


def _places(places: list[Address], language: str) -> str:
    """Where a phrase was not found: in English as instructions cite several provisions (`clause 3 of Article 2,
    clauses 1 and 3 of Article 7 and Article 11`), in Vietnamese each named (`khoản 3 Điều 2 and tên Điều 7`)."""
    if language == "en" and len(places) > 1:
        return cite_list([a for a in places if a.part != TITLE], language,
                         titles=[a.unit for a in places if a.part == TITLE])
    return " and ".join(("the title of " if language == "en" else "tên ") + a.unit.describe(language)
                        if a.part == TITLE else a.describe(language) for a in places)


def _other_capitals(found: list[str]) -> str:
    """What a phrase instruction that matched nothing says of its phrase in other capitals (`The council` for `the
    council`), which it leaves: words are matched exactly as written, capitals included."""
    if not found:
        return ""
    shown = ", ".join(excerpt(w, "«", "»") for w in dict.fromkeys(found))
    return (f"; {shown} {'stands' if len(found) == 1 else 'stand'} there in other capitals "
            f"({counted(len(found), 'time')}), but words are matched exactly as written, capitals included: quote "
            f"{'it' if len(found) == 1 else 'them'} as written")


def _retitled(title: str) -> Callable[[Unit], list[Unit]]:
    return lambda unit: [replace(unit, title=title)]


def _preamble_words(preamble: tuple[str, ...], ins: Instruction) -> tuple[tuple[str, ...], list[AppliedChange]]:
    """Words changed in the preamble (`tại phần căn cứ ban hành`); the change is recorded on no unit."""
    op = ins.op
    assert isinstance(op, ReplaceWords)
    out, total = [], 0
    for text in preamble:
        new_text, hits = phrases.replace(text, op.old, op.new, op.position)
        total += hits
        out.append(new_text)
    if not total:
        raise _Failure(f"{excerpt(op.old)} does not occur in the preamble.")
    return tuple(out), []


def _rewriter(
    parent: Address | None, op: ReplaceWords, record: Callable[[Address], None]
) -> Callable[[Unit], list[Unit]]:
    return lambda unit: [phrases.replace_in_unit(unit, parent, op.old, op.new, op.position, record)]


def occurrences(unit: Unit, phrase: str) -> int:
    """How often `phrase` occurs in a unit (title, text and every unit inside), as instructions match it."""
    return phrases.count_in_unit(unit, phrase)


def replace_words(unit: Unit, old: str, new: str | None, position: str = "") -> Unit:
    """`unit` with `old` replaced by `new` (deleted for None) everywhere in it, as an instruction does; with
    `position` `before` or `after`, `new` added next to each `old` (`Bổ sung cụm từ … vào sau cụm từ …`)."""
    return phrases.replace_in_unit(unit, None, old, new, position, lambda _address: None)

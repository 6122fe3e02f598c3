"""The instructions of an amending article: numbered and lettered paragraphs, and their quoted new text.

`read_instructions(paragraphs, article, source, language, problems, warnings)` reads the
paragraphs of one amending article (after its heading) into `Instruction` values.

Post-conditions:
1. Every paragraph is the article's lead-in, an instruction, or part of one's quoted text; any
   other paragraph is reported with its line.
2. Whether an instruction is a group or takes quoted text is decided by what follows it:
   `Sửa đổi, bổ sung Điều 5 như sau:` followed by `a) ...` instructions is a group of
   changes to Điều 5; followed by a quote it replaces Điều 5.
3. A quotation closed with ’’ is read up to there and reported as a warning naming its line. One left open
   where the next instruction plainly begins is a problem naming its line in a draft, which the drafter
   corrects; in a signed document (`signed`), whose wording is kept as issued, it is read up to there with a
   warning. It never takes in the instructions after it.
4. An instruction naming several provisions gets one implied child per provision (`implied`),
   each with its own part of the quoted text, in the order the instruction names them.
5. A citation written with a capital (`Khoản 2`, `Điểm a`) is read in lower case and warned
   about, once per instruction; a signed document's wording is kept as issued, so it gets one
   warning per word listing the lines (`capital_warnings`).
6. Layout slips are read as plainly meant and reported with their line (`layout`): lines Markdown joined for want
   of a blank line (a problem naming both lines), instructions numbered out of sequence (1, 3 or 1, 1; a), c)),
   numbered `1-`, and new text in ‘ ’ or « » (a warning in a signed document, but for `1-` and blank lines).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from regdraft.core.amend import english, layout
from regdraft.core.amend.capitals_cited import Capital, capitals_in
from regdraft.core.amend.grammar import (
    AmendGroup,
    GrammarError,
    InsertUnit,
    Operation,
    ReplaceHeading,
    ReplaceUnit,
    Several,
    read_instruction,
    takes_quote,
    targets,
)
from regdraft.core.amend.provisions import common_parent
from regdraft.core.amend.quote import (
    CLAUSE,
    CLOSE,
    HEADING,
    ODD_CLOSE,
    POINT,
    QuoteMismatch,
    build_unit,
    quoted_unit,
    short,
    shown,
    split_quote,
    starts,
    strip_quotes,
)
from regdraft.core.errors import Problem
from regdraft.core.model import Address, Kind, Unit, noun
from regdraft.core.patterns import lazy

_TOP = lazy(r"^(\d+[a-z]?)\\?\.\s+(.*)$", re.S)
_NESTED = lazy(r"^(dd|[a-zđ])(\d*)\)\s+(.*)$", re.S)
# The third level, under a lettered group: `- Sửa đổi điểm b như sau:` (or `+`, or `a.1)`).
_DEEP = lazy(r"^(?:[-+]|(?:dd|[a-zđ])\.\d+\))\s+(.*)$", re.S)


@dataclass(frozen=True, slots=True)
class Instruction:
    """One numbered instruction of the amending article (or a lettered one nested in a group).

    `location` is where it stands in the amending document (`3`, `3.a`); `text` is the
    instruction sentence; `quote` the quoted paragraphs as written; `unit` the new unit (or,
    for a renamed heading, a unit carrying only the new title); `children` the nested
    instructions of a group, or — `implied` — the single changes of an instruction naming
    several provisions, which share its sentence and location; `article` the label of the
    amending article.
    """

    location: str
    line: int
    text: str
    op: Operation
    quote: tuple[str, ...] = ()
    unit: Unit | None = None
    children: tuple[Instruction, ...] = ()
    article: str = "1"
    implied: bool = False

    def cite(self, language: str = "vi") -> str:
        """Where the instruction stands: `khoản 1 Điều 1`, `điểm a khoản 3 Điều 1`."""
        top, _, sub = self.location.partition(".")
        sub = sub.partition(".")[0]
        if language == "en":
            if sub:
                return f"point {sub.replace('đ', 'dd')}, clause {top}, Article {self.article}"
            return f"clause {top} of Article {self.article}"
        return (f"điểm {sub} " if sub else "") + f"khoản {top} Điều {self.article}"

    @property
    def title(self) -> str | None:
        """The new title of a renamed heading."""
        return self.unit.title if self.unit is not None and isinstance(self.op, ReplaceHeading) else None

    def leaves(self) -> list[Instruction]:
        """The instructions that change the text: itself, or its children (and theirs)."""
        if self.children:
            return [leaf for child in self.children for leaf in child.leaves()]
        return [] if isinstance(self.op, (AmendGroup, Several)) else [self]


@dataclass(frozen=True, slots=True)
class Unmatched:
    """An instruction whose quoted text is another unit than the one it names (`where`: `instruction 3 (…)`),
    with the problem reported for it; `amend check` words it anew when the unit named is not in the text."""

    problem: Problem
    where: str
    target: Address
    regulation: str = ""


@dataclass
class _Draft:
    """An instruction being read: its quoted new text and its sub-instructions are still being added."""

    location: str
    line: int
    text: str
    op: Operation | None
    context: Address | None = None
    quote: list[tuple[str, int]] = field(default_factory=list)
    children: list[_Draft] = field(default_factory=list)
    closed: bool = False
    marks: str = ""  # the single mark (‘ or «) its quoted text was opened with, read as “


@dataclass
class _Reader:
    """The state of reading one amending article's instructions, with the problems found so far."""

    article: str
    source: str
    language: str
    problems: list[Problem]
    warnings: list[Problem]
    capitals: list[Capital] | None = None  # collected here instead of warned, when the caller groups them
    signed: bool = False  # a signed document: its typing slips are read as plainly meant, with a warning
    unmatched: list[Unmatched] = field(default_factory=list)
    tops: list[_Draft] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    open_quote: _Draft | None = None
    numbered: bool = True  # instructions numbered by the drafter, whose sequence is checked
    after: dict[int, str] = field(default_factory=dict)  # English: the paragraph after each line, for `numbered`
    alphabet: str = "vi"  # the letters of its lettered instructions (`layout.instruction_alphabet`)
    gaps: bool = False  # a translation keeping its original's instruction numbers: increasing, gaps allowed

    def problem(self, message: str, line: int) -> None:
        self.problems.append(Problem(message, self.source, line))

    def warn(self, message: str, line: int) -> None:
        self.warnings.append(Problem(message, self.source, line))

    def slip(self, message: str, line: int) -> None:
        """A typing slip: a problem in a draft, a warning in a signed document read as plainly meant."""
        (self.warn if self.signed else self.problem)(message, line)


def read_instructions(paragraphs: list[tuple[str, int]], article: str, source: str, language: str,
                      problems: list[Problem], warnings: list[Problem],
                      capitals: list[Capital] | None = None,
                      unmatched: list[Unmatched] | None = None, *, signed: bool = False,
                      joined: Mapping[int, Sequence[tuple[str, int]]] | None = None,
                      numbered: bool = True, amended: str | None = None,
                      gaps: bool = False) -> tuple[list[str], list[Instruction]]:
    """The lead-in paragraphs and the instructions of one amending article.

    Each citation written with a capital (`Khoản 2 Điều 5`) is a warning, or, when `capitals` is
    given, goes there for the caller to report (a signed document's, grouped: `capital_warnings`).
    An instruction whose quote is another unit than it names is a problem, also listed in `unmatched`.
    `signed` says the document is signed, its wording kept as issued (post-condition 3). `joined` maps a
    paragraph's line to its other lines as Markdown joined them; `numbered=False`: numbers not the drafter's.
    `amended` is the alphabet the text amended letters its points in, when known (`layout.instruction_alphabet`).
    `gaps`: a translation's amending document keeping its original's instruction numbers, which may skip some.
    """
    reader = _Reader(article, source, language, problems, warnings, capitals, signed,
                     [] if unmatched is None else unmatched, numbered=numbered,
                     alphabet=layout.instruction_alphabet(language, paragraphs, amended), gaps=gaps)
    if language == "en":  # `The following clause is added to Article 3:` is numbered by its quote (english.numbered)
        reader.after = {line: following for (_, line), (following, _) in zip(paragraphs, paragraphs[1:], strict=False)}
    for content, line in paragraphs:
        pieces = layout.joined_pieces(content, line, (joined or {}).get(line, ()))
        for k, (piece, at) in enumerate(pieces):
            _paragraph(reader, piece, at)
            if k:
                reader.problem(layout.blank_line_message(_role(reader, *pieces[k - 1]), pieces[k - 1][1],
                                                         _role(reader, piece, at), at), at)
    if reader.open_quote is not None:
        _unclosed(reader, reader.open_quote)
    finished = [_finish(reader, d) for d in reader.tops if d.op is not None]
    return reader.lead, [ins for ins in finished if ins is not None]


def _paragraph(reader: _Reader, content: str, line: int) -> None:
    owner = reader.open_quote
    if owner is not None:
        if _starts_instruction(reader, content):
            _unclosed(reader, owner)  # the next instruction plainly begins: the quote ended before it
        else:
            owner.quote.append((layout.double_marks(content, owner.marks, start=False), line))
            if _closes(reader, owner.quote):
                owner.closed = True
                reader.open_quote = None
            return
    if content[:1] in layout.SINGLE and not content.startswith("''"):  # `''…''`: a “ typed as two marks
        content = _single_marks(reader, content, line)
    awaiting = None if content[:1] in ("“", '"') else _opens_without_mark(reader, content)
    if awaiting is not None:
        reader.problem(f"instruction {awaiting.location} ({short(awaiting.text)}): the opening “ is missing before "
                       f"'{shown(content)}'.", line)
        content = "“" + content  # read on as the quote it begins, so its lines are not read as instructions
    if content[:1] in ("“", '"'):
        owner = _quote_owner(reader.tops)
        if owner is None:
            reader.problem(
                "This quoted text does not follow an instruction that takes new text "
                "(one ending in 'như sau:' or ':').",
                line,
            )
            return
        if isinstance(owner.op, AmendGroup) and owner.op.target is not None:
            owner.op = ReplaceUnit(owner.op.target)  # `Article 5 is amended as follows:` then the new article
        owner.quote.append((content, line))
        if _closes(reader, owner.quote):
            owner.closed = True
        else:
            reader.open_quote = owner
        return
    top = _TOP.match(content) or _hyphened(reader, content, line)
    nested = None if top else _NESTED.match(content)
    deep = None if top or nested else _DEEP.match(content)
    subgroup = _open_subgroup(reader.tops)
    if top:
        _in_sequence(reader, reader.tops, top.group(1), top.group(2), line)
        reader.tops.append(_read(reader, top.group(1), top.group(2), line, None))
    elif deep and subgroup is not None:
        if not subgroup.children and not subgroup.quote:
            _becomes_group(subgroup)
        if isinstance(subgroup.op, AmendGroup):
            location = f"{subgroup.location}.{len(subgroup.children) + 1}"
            subgroup.children.append(_read(reader, location, deep.group(1), line, subgroup.op.target))
        else:
            _stray(reader, content, line)
    elif nested and reader.tops:
        group = reader.tops[-1]
        label = nested.group(1).replace("dd", "đ") + nested.group(2)
        if group.op is None:
            # Under an instruction that could not be read (reported already): relative addresses
            # have nothing to be relative to, so its lettered instructions are not read either.
            group.children.append(_Draft(f"{group.location}.{label}", line, content, None))
            return
        if not group.children and not group.quote:
            _becomes_group(group)
        if isinstance(group.op, AmendGroup) and not group.quote:
            _in_sequence(reader, group.children, label, nested.group(3), line, group.location)
            group.children.append(_read(reader, f"{group.location}.{label}", nested.group(3), line, group.op.target))
        else:
            _stray(reader, content, line)
    elif not reader.tops:
        reader.lead.append(content)
    else:
        _stray(reader, content, line)


def _opens_without_mark(reader: _Reader, content: str) -> _Draft | None:
    """The instruction awaiting new text when `content` is plainly that text typed without its “: it begins the
    unit the instruction names, or the heading of that unit's article (as decrees quote a clause)."""
    owner = _quote_owner(reader.tops)
    if owner is None or owner.op is None or not takes_quote(owner.op) or _starts_instruction(reader, content):
        return None
    heading = HEADING.match(content)
    article = next((t.segments[0].label for t in targets(owner.op) if t.segments[0].kind is Kind.ARTICLE), None)
    begins = starts(owner.op, content, reader.language) or (heading is not None and heading.group(2) == article)
    return owner if begins else None


def _open_subgroup(tops: list[_Draft]) -> _Draft | None:
    """The lettered instruction that may head a third level: a group (or one becoming one), without quote."""
    if not tops or not tops[-1].children:
        return None
    child = tops[-1].children[-1]
    if child.op is None or child.quote:
        return None
    return child if isinstance(child.op, (AmendGroup, ReplaceUnit, Several)) else None


def _hyphened(reader: _Reader, content: str, line: int) -> re.Match[str] | None:
    if match := layout.HYPHENED.match(content):  # `1- Sửa đổi, …`, as some Party texts number clauses
        reader.problem(layout.hyphen_message(match.group(1), match.group(2)), line)
    return match


def _in_sequence(reader: _Reader, before: list[_Draft], label: str, sentence: str, line: int, group: str = "") -> None:
    labels = [(d.location.rpartition(".")[2], d.line) for d in before]
    where = f"{noun(Kind.ARTICLE, reader.language)} {reader.article}"
    if reader.numbered and (message := layout.sequence_message(labels, label, sentence, group, where, reader.signed,
                                                               reader.alphabet, reader.language, reader.gaps)):
        reader.slip(message, line)


def _single_marks(reader: _Reader, content: str, line: int) -> str:
    """New text opened with ‘ or « under an instruction awaiting it: read as quoted with “ ”, and reported."""
    if (owner := _quote_owner(reader.tops)) is None:
        return content
    owner.marks = content[0]
    reader.slip(layout.marks_message(f"instruction {owner.location} ({short(owner.text)})", line, owner.marks,
                                     reader.signed), line)
    return layout.double_marks(content, owner.marks)


def _role(reader: _Reader, content: str, line: int) -> str:
    """What the paragraph read at `line` is, for a message: an instruction, the quoted text of one, or a line."""
    drafts = [*reader.tops, *(c for d in reader.tops for c in d.children)]
    if (draft := next((d for d in drafts if d.line == line), None)) is not None:
        return f"instruction {draft.location} ({short(draft.text, 60)})"
    if (draft := next((d for d in drafts if any(at == line for _, at in d.quote)), None)) is None:
        return f"the line '{shown(content)}'"
    return f"the quoted text of instruction {draft.location}" if draft.quote[0][1] == line else \
        f"the line '{shown(content)}' in the quoted text of instruction {draft.location}"


def _stray(reader: _Reader, content: str, line: int) -> None:
    hint = " If it is new text, put it in quotes (“...”)." if CLAUSE.match(content) or POINT.match(content) else ""
    reader.problem(f"This paragraph is neither an instruction nor quoted new text: '{shown(content, 110)}'.{hint}",
                   line)


def _becomes_group(draft: _Draft) -> bool:
    """`Sửa đổi, bổ sung Điều 5 như sau:` followed by lettered instructions is a group on Điều 5."""
    op = draft.op
    if isinstance(op, ReplaceUnit):
        draft.op = AmendGroup(op.target)
        return True
    if isinstance(op, Several) and all(isinstance(p, ReplaceUnit) for p in op.parts):
        draft.op = AmendGroup(common_parent(list(targets(op))))
        return True
    return False


def _starts_instruction(reader: _Reader, content: str) -> bool:
    """True when `content` reads as the next instruction (so an open quote must have ended before it)."""
    top = _TOP.match(content) or layout.HYPHENED.match(content)
    nested = None if top else _NESTED.match(content)
    sentence = top.group(2) if top else nested.group(3) if nested else None
    if sentence is None or not sentence.rstrip().endswith((":", ".", ";")):
        return False
    context = None
    if nested and reader.tops and isinstance(reader.tops[-1].op, AmendGroup):
        context = reader.tops[-1].op.target
    try:
        read_instruction(sentence, reader.language, context)
    except GrammarError:
        return False
    return True


def _unclosed(reader: _Reader, owner: _Draft) -> None:
    first, last = owner.quote[0][1], owner.quote[-1][1]
    where = f"instruction {owner.location} ({short(owner.text)})"
    if re.search(r"[.;:!?…)]$", owner.quote[-1][0].rstrip()) and reader.signed:
        reader.warn(
            f"{where}: the quoted text opened on line {first} is not closed with ”; it is read as ending on line "
            f"{last}, where the next instruction or article begins. Close it there.",
            last,
        )
        owner.closed = True
    elif re.search(r"[.;:!?…)]$", owner.quote[-1][0].rstrip()):
        # Where it ends is only a guess (a quoted clause `2\. Bãi bỏ …` reads like the next instruction): the
        # drafter says so by closing it.
        reader.problem(f"{where}: the quoted text opened on line {first} is not closed with ” (or \"); close it "
                       f"where it ends (line {last} is the last paragraph before the next instruction or article).",
                       last)
        owner.closed = True
    else:
        reader.problem(f"{where}: the quoted text opened on line {first} is never closed with ” (or \").", first)
        owner.op = None
    reader.open_quote = None


def _closes(reader: _Reader, quote: list[tuple[str, int]]) -> bool:
    """The quote is complete when its last paragraph ends with a closing mark that balances it."""
    last, line = quote[-1]
    if ODD_CLOSE.search(last):
        reader.warn(f"The quoted text is closed with ’’ instead of ”; it is read as closed here (line {line}).", line)
        return True
    if not CLOSE.search(last):
        return False
    joined = "\n".join(p for p, _ in quote)
    if joined.startswith("“"):
        return joined.count("“") == joined.count("”")
    return joined.count('"') % 2 == 0


def _quote_owner(tops: list[_Draft]) -> _Draft | None:
    if not tops:
        return None
    last = tops[-1]
    while last.children:
        last = last.children[-1]
    if last.quote:
        return None
    # The quote of an instruction that could not be read is its own (that error is reported once).
    if last.op is None or takes_quote(last.op) or (isinstance(last.op, AmendGroup) and last.op.target is not None
                                                   and not last.children):
        return last
    return None


def _read(reader: _Reader, location: str, sentence: str, line: int, context: Address | None) -> _Draft:
    text = " ".join(sentence.split())
    if message := layout.phrase_marks_message(f"instruction {location} ({short(text)})", text, reader.signed):
        reader.slip(message, line)  # `cụm từ ‘12 tháng’`: read as quoted with “ ”
    try:
        read = english.numbered(text, reader.after[line]) if line in reader.after else text
        op: Operation | None = read_instruction(layout.phrase_marks(read)[0], reader.language, context)
    except GrammarError as exc:
        reader.problem(f"instruction {location} ({short(text)}): {exc}", line)
        op = None
    if op is not None and reader.language == "vi":
        for capital in capitals_in(location, text, line):
            if reader.capitals is None:
                reader.warn(capital.message, line)
            else:
                reader.capitals.append(capital)
    return _Draft(location, line, text, op, context)


def _finish(reader: _Reader, draft: _Draft) -> Instruction | None:
    """The instruction, or None when it cannot be applied (its problem is reported)."""
    where = f"instruction {draft.location} ({short(draft.text)})"
    finished = [_finish(reader, c) for c in draft.children if c.op is not None]
    children = tuple(c for c in finished if c is not None)
    assert draft.op is not None
    if draft.children and not children:
        return None  # none of its lettered instructions can be applied
    if isinstance(draft.op, AmendGroup) and not draft.children:
        reader.problem(f"{where}: announces several changes but no lettered instructions (a) ..., b) ...) follow it.",
                       draft.line)
        return None
    quote = tuple(p for p, _ in draft.quote)
    if takes_quote(draft.op) and not draft.quote:
        reader.problem(f"{where}: the new text in quotes (“...”) is missing after it.", draft.line)
        return None
    if isinstance(draft.op, Several):
        parts = _parts(reader, draft, where)
        if parts is None:
            return None
        return Instruction(draft.location, draft.line, draft.text, draft.op, quote, None, parts, reader.article)
    unit: Unit | None = None
    if isinstance(draft.op, (ReplaceUnit, ReplaceHeading, InsertUnit)):
        try:
            unit = quoted_unit(draft.op, draft.quote, reader.language)
        except QuoteMismatch as exc:  # the instruction's number or the quote's: said at the instruction
            reader.problem(f"{where}: {exc}", draft.line)
            reader.unmatched.append(Unmatched(reader.problems[-1], where, exc.target))
            return None
        except GrammarError as exc:
            reader.problem(f"{where}: {exc}", draft.quote[0][1])
            return None
    return Instruction(draft.location, draft.line, draft.text, draft.op, quote, unit, children, reader.article)


def _parts(reader: _Reader, draft: _Draft, where: str) -> tuple[Instruction, ...] | None:
    """The implied single changes of an instruction naming several provisions, each with its new text."""
    assert isinstance(draft.op, Several)
    quoted = [p for p in draft.op.parts if isinstance(p, (ReplaceUnit, ReplaceHeading, InsertUnit))]
    pieces: list[tuple[list[str], list[int]]] = []
    if quoted:
        paragraphs = strip_quotes([p for p, _ in draft.quote])
        try:
            pieces = split_quote(list(quoted), paragraphs, [line for _, line in draft.quote], reader.language)
        except GrammarError as exc:
            reader.problem(f"{where}: {exc}", draft.quote[0][1])
            return None
    out: list[Instruction] = []
    for op in draft.op.parts:
        unit = None
        quote: tuple[str, ...] = ()
        if isinstance(op, (ReplaceUnit, ReplaceHeading, InsertUnit)):
            paragraphs, lines = pieces.pop(0)
            try:
                unit = build_unit(op, paragraphs, lines, reader.language)
            except GrammarError as exc:
                reader.problem(f"{where}: {op.target.describe(reader.language)}: {exc}", lines[0])
                return None
            quote = tuple(paragraphs)
        out.append(Instruction(draft.location, draft.line, draft.text, op, quote, unit, (), reader.article, True))
    return tuple(out)

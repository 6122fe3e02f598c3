"""A proposed wording for one provision, as a reviewer edits it: the provision one paragraph a line.

`editor_text(unit, language)` is what the wording editor opens with; `proposed_unit` reads the
edited lines back into a unit with the regulation format's rules (those of quoted new text in
an amending document), so a proposal can replace the provision in the draft.

Post-conditions:
1. `proposed_unit(editor_text(u, lang), address_of_u, lang) == u` for every `proposable` unit
   (up to `line`, which takes no part in equality), and so with `typed=True` (the wording as a member types it).
2. `proposed_unit` raises `UsageError` with a sentence naming the provision when the lines
   cannot be that provision (another label, a clause inside a point, nothing at all).
3. `left_out(current, proposal, new)` is empty unless the proposal, written without the provision's
   label (free text, read as its first paragraph), has none of the points or clauses `current` has:
   accepting it would delete them without its saying so. `loss(draft, on, proposal)` is that for a comment's
   provision in the draft it was made on (None when nothing would be lost, or the proposal does not read); for an
   article (an appendix) whose wording does not begin with its heading line, which accepting refuses, it is a
   `Loss` with `heading` set, naming the clauses that wording would have dropped (it was not flagged at all).
4. `changes_nothing` is a warning exactly when a comment's proposal `holds` in the draft it was made on: recorded,
   it is said to change nothing (it was recorded without a word, and its member never asked what they meant).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from regdraft.core.amend.grammar import GrammarError, ReplaceUnit
from regdraft.core.amend.quote import CLAUSE, HEADING, POINT, quoted_unit
from regdraft.core.errors import Problem, RegdraftError, UsageError
from regdraft.core.inline import as_typed, typed_wording
from regdraft.core.labels import APPENDIX_HEADING, KIND_OF_NOUN
from regdraft.core.markdown_writer import heading_text, unit_label_text
from regdraft.core.model import REPEALED_TEXT, TEXT_HEADINGS, Address, Kind, Regulation, Unit, noun, repealed_unit
from regdraft.core.part_codes import TITLE, is_dash_part, is_plus_part
from regdraft.core.parts import with_part
from regdraft.core.patterns import lazy

PROPOSABLE = (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT, Kind.APPENDIX)


def editor_text(unit: Unit, language: str, closing: bool = False, typed: bool = False) -> str:
    """The provision as lines: its label and first paragraph, then one paragraph (or point) a line; with `closing`,
    each unit's closing text (đoạn cuối) after its children, as a proposal on a unit holding one shows it (no
    wording the editor reads back: `proposable`). With `typed`, each line as a member types it, the escapes accepting
    writes resolved (`2\\*3\\*4` → `2*3*4`, `typed_line`): what the wording editor and a report show."""
    lines: list[str] = []
    _lines(unit, language, lines, closing)
    return "\n".join(map(typed_line, lines) if typed else lines)


def typed_line(line: str) -> str:
    """A line of a provision's wording as a member types it (`core.inline.as_typed`); a heading line as written, as
    `proposed_unit` reads it back."""
    return line if HEADING.match(line) or APPENDIX_HEADING.match(line) else as_typed(line)


def _lines(unit: Unit, language: str, out: list[str], closing: bool = False) -> None:
    if unit.kind in TEXT_HEADINGS:
        out.append(heading_text(unit, language))
        out.extend(unit.text)
    elif unit.repealed:
        out.append(f"{unit_label_text(unit, language)} {REPEALED_TEXT[language]}")
        return
    else:
        first, rest = (unit.text[0], unit.text[1:]) if unit.text else ("", ())
        out.append(f"{unit_label_text(unit, language)} {first}".rstrip())
        out.extend(rest)
    for child in unit.children:
        _lines(child, language, out, closing)
    if closing:
        out.extend(unit.closing)


def holds(draft: Regulation, address: Address, proposal: str) -> bool:
    """Whether the provision at `address` of `draft` reads as `proposal` proposes (a part's wording: its unit with
    that part so written); False when the proposal does not read as that provision, or the draft has none."""
    try:
        unit = draft.find(address).unit
        if address.part:
            return proposed_part(unit, address.part, proposal) == unit
        return editor_text(proposed_unit(proposal, address, draft.language), draft.language) == \
            editor_text(unit, draft.language)
    except (RegdraftError, ValueError):
        return False


def proposable(unit: Unit) -> bool:
    """True for an article, clause or point whose whole text a wording can replace.

    A unit with a closing text after its children (đoạn cuối) is left out: one paragraph a line
    cannot say where its last child ends and the closing text begins.
    """
    return unit.kind in PROPOSABLE and not _has_closing(unit)


def _has_closing(unit: Unit) -> bool:
    return bool(unit.closing) or any(_has_closing(child) for child in unit.children)


class Unreadable(UsageError):
    """A proposed wording that does not read as the provision; `reason` is why, without the sentence around it."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def proposed_unit(proposal: str, address: Address, language: str) -> Unit:
    """The unit a proposal writes for the provision at `address` (its label added when left out)."""
    target = address.segments[-1]
    described = address.describe(language)
    if target.kind not in PROPOSABLE:
        raise UsageError(f"A wording can be proposed for an article, a clause, a point or an appendix, not for "
                         f"{described}.")
    lines = _paragraphs([" ".join(line.split()) for line in proposal.replace("\r\n", "\n").split("\n")])
    if not lines:
        raise UsageError(f"The proposed wording for {described} is empty.")
    # Typed in a plain box: its `*` and `_` are the characters, not emphasis (a heading's title is printed as written).
    lines = [line if HEADING.match(line) or APPENDIX_HEADING.match(line) else typed_wording(line) for line in lines]
    labelled = bool(CLAUSE.match(lines[0]) or POINT.match(lines[0]) or HEADING.match(lines[0])
                    or APPENDIX_HEADING.match(lines[0]))
    if not labelled and not _starts_with_label(lines[0], target.kind, target.label, language):
        if target.kind in TEXT_HEADINGS:
            raise UsageError(f"The proposed wording for {described} must begin with its heading line "
                             f"('{_label(target.kind, target.label, language)} ...').")
        lines[0] = f"{_label(target.kind, target.label, language)} {lines[0]}"
    quoted = [(f"“{lines[0]}" if i == 0 else line, i + 1) for i, line in enumerate(lines)]
    quoted[-1] = (quoted[-1][0] + "”", quoted[-1][1])
    try:
        unit = quoted_unit(ReplaceUnit(address), quoted, language)
    except GrammarError as exc:
        raise Unreadable(f"The proposed wording does not read as {described}: {exc}", str(exc)) from None
    # The placeholder alone proposes to repeal the provision, as the regulation parser reads it.
    # An article's placeholder stands where its title does (`Điều 35a. (được bãi bỏ)`).
    placeholder = unit.text == (REPEALED_TEXT[language],) or (unit.title == REPEALED_TEXT[language] and not unit.text)
    return repealed_unit(unit) if placeholder and not unit.children else unit


def left_out(current: Unit, proposal: str, new: Unit) -> tuple[Unit, ...]:
    """The points or clauses of `current` that `new` (read from `proposal`) would drop without saying so.

    A wording that begins with the provision's label was written as the whole provision (the editor opens
    with it): what it leaves out, it leaves out on purpose. One without it (`Tổ chuyên gia có ít nhất 03 thành
    viên.` typed for khoản 1 Điều 19) reads as the provision's first paragraph alone; with none of the provision's
    points it would delete them all. The repeal placeholder says what it does."""
    first = next((line.strip() for line in proposal.splitlines() if line.strip()), "")
    if not current.children or new.children or new.repealed or current.kind not in PROPOSABLE:
        return ()
    labelled = bool(CLAUSE.match(first) or POINT.match(first) or HEADING.match(first) or APPENDIX_HEADING.match(first))
    if labelled or any(_starts_with_label(first, current.kind, current.label, lang) for lang in ("vi", "en")):
        return ()
    return current.children


@dataclass(frozen=True, slots=True)
class Loss:
    """The points or clauses of the provision at `at` that accepting a proposal would delete without its saying so;
    `language` is the draft's, in which its sentences cite provisions."""

    at: Address
    units: tuple[Unit, ...]
    language: str = "vi"
    heading: bool = False  # an article's (appendix's) wording without its heading line: accepting it is refused

    @property
    def points(self) -> bool:
        """True when what would be lost is points (else clauses)."""
        return bool(self.units) and self.units[0].kind is Kind.POINT

    @property
    def labels(self) -> str:
        """The labels of what would be lost, as a citation lists them: `a, b, c` (`1, 2`)."""
        return ", ".join(unit.label for unit in self.units)

    @property
    def label(self) -> str:
        """The label the proposal left out, that of the provision (`1.`, `a)`)."""
        return _label(self.at.kind, self.at.segments[-1].label, self.language)

    def sentence(self) -> str:
        """`points a, b, c of khoản 1 Điều 19 would be removed`; for a wording without its heading line, that an
        article's wording must begin with it (and the clauses it would have removed)."""
        at = self.at.describe(self.language)
        what = "points" if self.points else "clauses"
        removed = f"{what} {self.labels} of {at} would be removed"
        if not self.heading:
            return removed
        must = (f"the wording of {at} must begin with its heading line “{self.label} …”, so it cannot be accepted as "
                "written")
        return f"{must}; read as its first paragraph, {removed}" if self.units else must

    def warning(self, by: str, comment_id: str, source: str, line: int = 0, unit: str = "") -> Problem:
        """The warning at a recorded comment of `by` (`source`, `line`, `unit`: where it came from) whose proposal
        would delete these: said while its body can still be asked what they meant."""
        at = self.at.describe(self.language)
        of = f" of comment {comment_id}" if comment_id else ""
        if self.heading:
            said = f"does not begin with its heading line “{self.label} …”: {self.sentence()}"
        else:
            said = (f"does not begin with its label “{self.label}”, so it reads as its first paragraph alone: if "
                    f"accepted, {self.sentence()}")
        return Problem(f"the proposal{of} by {by} for {at} {said}. It was recorded as written; ask {by} whether that "
                       f"is meant, or for {at} written whole, from “{self.label}”.", source, line, unit, warning=True)


def loss(draft: Regulation, on: str, proposal: str) -> Loss | None:
    """What accepting `proposal` for the provision at `on` (a comment's address) in `draft` would delete without
    its saying so (`left_out`); None when nothing, or when the proposal is on no whole provision that a wording
    replaces (the draft, a part, a unit with a closing text) or does not read as one (refused when accepted). An
    article's wording without its heading line (`Điều 9. …`) is refused when accepted: a `Loss` with `heading` set,
    so it is asked about while its author can still be asked."""
    try:
        address = Address.parse(on)
        if address.part:
            return None
        current = draft.find(address).unit
        if not proposal.strip() or not proposable(current):
            return None
        if current.kind in TEXT_HEADINGS and not _headed(proposal, current, draft.language):
            return Loss(address, current.children, draft.language, heading=True)
        lost = left_out(current, proposal, proposed_unit(proposal, address, draft.language))
    except (RegdraftError, ValueError):  # `general`, a provision not in the draft, a wording of another one
        return None
    return Loss(address, lost, draft.language) if lost else None


def changes_nothing(draft: Regulation, on: str, proposal: str, by: str, comment_id: str, source: str, line: int = 0,
                    unit: str = "") -> Problem | None:
    """The warning at a recorded comment of `by` (`source`, `line`, `unit`: where it came from) whose proposal reads
    as its provision (or part) already reads in `draft`, the draft it was made on: it proposes no change, which the
    member may not have meant; the comment keeps it as written. None when it changes something or names none."""
    try:
        address = Address.parse(on)
    except (RegdraftError, ValueError):  # `general`
        return None
    if not proposal.strip() or not holds(draft, address, proposal):
        return None
    at = address.describe(draft.language)
    of = f" of comment {comment_id}" if comment_id else ""
    return Problem(f"the proposal{of} by {by} for {at} is the text it already has in the draft it was made on: it "
                   f"changes nothing. It was recorded as written, with the comment; ask {by} what they meant to "
                   "change.", source, line, unit, warning=True)


def _headed(proposal: str, current: Unit, language: str) -> bool:
    """True when the first line of a wording for an article (appendix) is a heading line, as `proposed_unit` needs."""
    first = next((" ".join(line.split()) for line in proposal.splitlines() if line.strip()), "")
    return bool(CLAUSE.match(first) or POINT.match(first) or HEADING.match(first) or APPENDIX_HEADING.match(first)
                or _starts_with_label(first, current.kind, current.label, language))


def labels_of(units: tuple[Unit, ...], language: str) -> str:
    """Units' labels as a sentence names a run of them: `a)`, `a), b)`, `a)–c)`."""
    labels = [unit_label_text(unit, language) if unit.kind is Kind.POINT else unit.label for unit in units]
    if len(labels) < 3:
        return ", ".join(labels)
    return f"{labels[0]}–{labels[-1]}"


def _paragraphs(lines: list[str]) -> list[str]:
    """The non-empty lines as paragraphs, the rows of a table (`| a | b |` lines in a row) as one."""
    out: list[str] = []
    joins = False  # the line before was a table row: a row under it belongs to the same table
    for line in lines:
        if line.startswith("|") and joins:
            out[-1] += "\n" + line
        elif line:
            out.append(line)
        joins = line.startswith("|")
    return out


def _label(kind: Kind, label: str, language: str) -> str:
    if kind in TEXT_HEADINGS:
        return f"{noun(kind, language)} {label}."
    return unit_label_text(Unit(kind, label), language)


def _starts_with_label(line: str, kind: Kind, label: str, language: str) -> bool:
    if kind in TEXT_HEADINGS:
        word = noun(kind, language)
        return line.lower().startswith(f"{word.lower()} {label}".lower()) and (
            len(line) == len(word) + 1 + len(label) or line[len(word) + 1 + len(label)] in ".: ")
    head = unit_label_text(Unit(kind, label), language)
    escaped = head.replace(".", "\\.")
    return line.startswith((head + " ", escaped + " ")) or line in (head, escaped)


def proposed_part(unit: Unit, part: str, proposal: str) -> Unit:
    """`unit` with one of its parts (a dash or plus item, its lead-in or closing text, its title) replaced by the
    proposal's paragraphs: a Word reply's change inside one dash item is proposed on that item (`d6.k2.a.dash1`).
    A dash (plus) item's mark is added where the reviewer left it out; a title is one line, its unit's label
    (`Điều 7.`) left out when the reviewer wrote it."""
    lines = [" ".join(line.split()) for line in proposal.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        raise UsageError("The proposed wording is empty.")
    if part == TITLE:
        return with_part(unit, part, [proposed_title(unit, lines)])
    lines = [typed_wording(line) for line in lines]  # `*` and `_` typed are the characters (`proposed_unit`)
    mark = "+ " if is_plus_part(part) else "- " if is_dash_part(part) else ""
    if mark and not lines[0].startswith(mark):
        lines[0] = mark + lines[0]
    return with_part(unit, part, lines)


# A heading's label at the start of a proposed title: `Điều 7.`, `Chương II:`, `Mục 1.`, `Article 7.`.
_HEADING_LABEL = lazy(r"^(?P<noun>điều|article|chương|chapter|mục|section|phần|part|phụ\s+lục|appendix)\s+"
                      r"(?P<label>\d+[a-z]?|[ivxlcdm]+[a-z]?)\s*(?:[.:]\s*|$)", re.IGNORECASE)


def proposed_title(unit: Unit, lines: list[str]) -> str:
    """The title a proposal on a unit's title writes (its lines, non-empty and spacing tidied): one line, without
    the unit's own label; `UsageError` for several lines, a label of another unit, or nothing but the label."""
    if len(lines) > 1:
        raise UsageError(f"A title is one line; the proposed title has {len(lines)}.")
    line = lines[0].strip("“”\"").strip()
    label = _HEADING_LABEL.match(line)
    if label is not None:
        kind = KIND_OF_NOUN.get(" ".join(label.group("noun").lower().split()))
        if kind is not unit.kind or label.group("label").lower() != unit.label.lower():
            raise UsageError(f"The proposed title begins “{label.group(0).strip()}”, the heading of another unit "
                             f"than {noun(unit.kind)} {unit.label}.")
        line = line[label.end():]
    if not line:
        raise UsageError(f"The proposed title of {noun(unit.kind)} {unit.label} is empty.")
    return line

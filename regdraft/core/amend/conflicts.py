"""Which provisions instructions touch, and where two of them collide.

Within one amendment, two instructions conflict when they touch the same or nested provisions
in ways that cannot both be applied (amending a clause and repealing its article). Between
pending amendments, any two instructions touching the same or nested provisions are reported,
including one creating or repealing what the other targets, and a phrase one replaces throughout the
text that stands in a provision the other quotes whole (its quote would put the replaced words back) or
changes words in (the phrase is no longer there, or its new words would put it back).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from regdraft.core.amend.document import Amendment, Instruction
from regdraft.core.amend.grammar import (
    InsertUnit,
    Operation,
    RepealUnits,
    ReplaceHeading,
    ReplaceUnit,
    ReplaceWords,
    targets,
)
from regdraft.core.amend.quote import short
from regdraft.core.amend.wording import cite
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.model import Address, Regulation

VERBS = {
    "amends": ("amends", "sửa đổi"),
    "renames": ("renames", "sửa đổi tên"),
    "inserts": ("inserts", "bổ sung"),
    "repeals": ("repeals", "bãi bỏ"),
    "words": ("changes words in", "thay thế cụm từ tại"),
    "title words": ("changes words in the title of", "thay thế cụm từ tại tên"),
    "words throughout": ("changes words throughout the text, so also in",
                         "thay thế cụm từ trong toàn bộ văn bản, kể cả tại"),
}


@dataclass(frozen=True, slots=True)
class Footprint:
    """One provision an instruction touches, and how."""

    address: Address
    mode: str  # amends | renames | inserts | repeals | words


_MODES: dict[type, str] = {
    ReplaceUnit: "amends",
    ReplaceHeading: "renames",
    InsertUnit: "inserts",
    RepealUnits: "repeals",
    ReplaceWords: "words",
}


def footprints(ins: Instruction) -> Iterator[Footprint]:
    """The provisions an instruction touches (a change of words throughout touches none)."""
    titles = ins.op.titles if isinstance(ins.op, ReplaceWords) else ()
    for address in targets(ins.op):
        yield Footprint(address, "title words" if address in titles else _MODES[type(ins.op)])


def _overlap(a: Address, b: Address) -> bool:
    return a.contains(b) or b.contains(a)


def collide(a: Footprint, b: Footprint) -> bool:
    """Within one amendment: may these two not both be applied?"""
    return _collide(a, b)


def mode(op: Operation) -> str:
    """How an operation touches the provisions it names (amends, renames, inserts, repeals, words)."""
    return _MODES[type(op)]


def _collide(a: Footprint, b: Footprint) -> bool:
    """Within one amendment: may these two not both be applied?"""
    if not _overlap(a.address, b.address):
        return False
    if a.mode in ("words", "title words") and b.mode in ("words", "title words"):
        return False
    # Words changed in a title touch that title only, as a renaming does.
    if "title words" in (a.mode, b.mode):
        a, b = (a, b) if a.mode == "title words" else (b, a)
        return b.address.contains(a.address)
    if a.mode == "renames" and b.mode == "renames":
        # Renaming a chapter and a section inside it change two different titles.
        return a.address == b.address
    if a.mode == "renames":
        return b.address.contains(a.address)
    if b.mode == "renames":
        return a.address.contains(b.address)
    return True


def _describe(fp: Footprint, language: str) -> str:
    # As English instructions and lists cite a provision: `clause 1 of Article 14`, not `clause 1, Article 14`.
    return f"{VERBS[fp.mode][0]} {cite(fp.address, language, of=True)}"


def instruction_conflicts(amendment: Amendment, language: str = "vi") -> list[Problem]:
    """Pairs of instructions of one amendment that touch the same or nested provisions."""
    problems: list[Problem] = []
    # Two addresses overlap only when they begin with the same unit (an article, or a chapter or
    # part): comparing within those buckets keeps a long amendment linear, not quadratic.
    seen: dict[object, list[tuple[Instruction, Footprint]]] = {}
    for ins in amendment.leaves():
        reported = False
        for fp in footprints(ins):
            for other, ofp in seen.get(fp.address.segments[0], ()):
                if other is ins or reported or not _collide(fp, ofp):
                    continue
                problems.append(
                    Problem(
                        f"instruction {ins.location} ({short(ins.text)}) {_describe(fp, language)}, but instruction "
                        f"{other.location} (line {other.line}) already {_describe(ofp, language)}; "
                        "one provision may be "
                        "changed by one instruction only: merge them.",
                        amendment.source,
                        ins.line,
                    )
                )
                reported = True
        for fp in footprints(ins):
            seen.setdefault(fp.address.segments[0], []).append((ins, fp))
    return problems


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two pending amendments touching the same or nested provisions."""

    first: Amendment
    second: Amendment
    first_instruction: Instruction
    second_instruction: Instruction
    first_address: Address
    second_address: Address
    first_mode: str
    second_mode: str

    def describe(self, language: str = "vi") -> str:
        """One sentence naming both amendments, instructions and provisions."""
        first = _side(self.first, self.first_instruction, Footprint(self.first_address, self.first_mode), language)
        second = _side(self.second, self.second_instruction, Footprint(self.second_address, self.second_mode),
                       language)
        return f"{first}; {second}."

    def as_dict(self) -> dict[str, str]:
        """The conflict as `amend conflicts --json` lists it."""
        return {"first": self.first.slug, "second": self.second.slug,
                "first_instruction": self.first_instruction.location,
                "second_instruction": self.second_instruction.location,
                "first_provision": str(self.first_address), "second_provision": str(self.second_address),
                "description": self.describe(self.first.language)}


def _side(amendment: Amendment, ins: Instruction, fp: Footprint, language: str) -> str:
    return f"{amendment.slug} (instruction {ins.location}, line {ins.line}) {_describe(fp, language)}"


def between(amendments: Sequence[Amendment], texts: Mapping[str, Regulation] | None = None) -> list[Conflict]:
    """Every pair of instructions from two different amendments of one regulation that overlap.

    With `texts` (each regulation's text in force, by id), a phrase one amendment replaces throughout overlaps each
    provision the other quotes whole (amends or renames) where the phrase stands, in the text in force or in the
    quote, and each the other changes words in where it stands or where the new words put it: whichever is adopted
    second undoes the other's words there, or no longer finds its own.
    """
    out: list[Conflict] = []
    prints = [(a, [(ins, fp) for ins in a.leaves() for fp in footprints(ins)]) for a in amendments]
    for i, (first, first_prints) in enumerate(prints):
        for second, second_prints in prints[i + 1 :]:
            if first.regulation != second.regulation:
                continue
            for ins_a, fp_a in first_prints:
                for ins_b, fp_b in second_prints:
                    if _overlap(fp_a.address, fp_b.address):
                        out.append(
                            Conflict(first, second, ins_a, ins_b, fp_a.address, fp_b.address, fp_a.mode, fp_b.mode)
                        )
            text = (texts or {}).get(first.regulation)
            if text is not None:
                out.extend(_both_throughout(first, second, text))
                out.extend(_throughout(first, second, text))
                out.extend(Conflict(first, second, c.second_instruction, c.first_instruction, c.second_address,
                                    c.first_address, c.second_mode, c.first_mode)
                           for c in _throughout(second, first, text))
    return out


def _throughout(words: Amendment, quoting: Amendment, text: Regulation) -> Iterator[Conflict]:
    """`words`' phrases replaced throughout that stand in a provision `quoting` quotes whole, or changes words in (in
    the text in force, or among the words it puts there), as conflicts with `words` first: a phrase replaced
    throughout changes every provision it stands in, so whichever is adopted second finds other words there."""
    phrases = [(ins, ins.op.old) for ins in words.leaves()
               if isinstance(ins.op, ReplaceWords) and ins.op.throughout and ins.op.old.strip()]
    if not phrases:
        return
    for ins_b in quoting.leaves():
        if isinstance(ins_b.op, ReplaceWords) and not ins_b.op.throughout:
            yield from _words_in(words, quoting, phrases, ins_b, ins_b.op, text)
        if not isinstance(ins_b.op, (ReplaceUnit, ReplaceHeading)):
            continue
        standing = _standing(text, ins_b.op.target, title=False)
        quoted = "\n".join(ins_b.quote)
        for ins_a, old in phrases:
            if old in standing or old in quoted:
                yield Conflict(words, quoting, ins_a, ins_b, ins_b.op.target, ins_b.op.target, "words throughout",
                               mode(ins_b.op))


def _both_throughout(first: Amendment, second: Amendment, text: Regulation) -> Iterator[Conflict]:
    """Two phrases replaced throughout that meet: one holds the other, or one's new words hold the other's phrase
    (adopted first, it puts that phrase in more places, or leaves fewer). Named at the first provision where the
    phrase that meets the other stands; a phrase standing nowhere is that instruction's own problem. Two drafts
    replacing “Ban cán sự đảng” and “Ban cán sự đảng Ủy ban nhân dân tỉnh” throughout were no conflict before."""
    def throughout(amendment: Amendment) -> list[tuple[Instruction, ReplaceWords]]:
        return [(ins, ins.op) for ins in amendment.leaves()
                if isinstance(ins.op, ReplaceWords) and ins.op.throughout and ins.op.old.strip()]

    for ins_a, a in throughout(first):
        for ins_b, b in throughout(second):
            if b.old in a.old or b.old in (a.new or ""):
                where = _first_place(text, a.old)
            elif a.old in b.old or a.old in (b.new or ""):
                where = _first_place(text, b.old)
            else:
                continue
            if where is not None:
                yield Conflict(first, second, ins_a, ins_b, where, where, "words throughout", "words throughout")


def _first_place(text: Regulation, phrase: str) -> Address | None:
    """The first provision whose own words (title, text, closing text) hold `phrase`."""
    for loc in text.walk():
        unit = loc.unit
        if any(phrase in part for part in (unit.title or "", *unit.text, *unit.closing)):
            return loc.address
    return None


def _words_in(words: Amendment, changing: Amendment, phrases: list[tuple[Instruction, str]], ins_b: Instruction,
              op: ReplaceWords, text: Regulation) -> Iterator[Conflict]:
    """The provisions `op` (words changed in named provisions) changes words in where a phrase of `phrases`
    (replaced throughout) stands, or that its new words would put there."""
    for address in targets(op):
        title = address in op.titles
        standing = _standing(text, address, title=title)
        for ins_a, old in phrases:
            if old in standing or old in (op.new or ""):
                yield Conflict(words, changing, ins_a, ins_b, address, address, "words throughout",
                               "title words" if title else "words")


def _standing(text: Regulation, address: Address, *, title: bool) -> str:
    """The words of the provision at `address` in the text in force (its title alone with `title`); none for a
    provision the text does not hold (that instruction's own problem)."""
    try:
        unit = text.find(address).unit
    except RegdraftError:
        return ""
    return (unit.title or "") if title else unit.all_text()

"""The operations an amending instruction makes: replace, rename, insert, repeal, change words, group.

Values only: `regdraft.core.amend.grammar` reads them from instruction sentences, `apply` carries them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from regdraft.core.model import Address


@dataclass(frozen=True, slots=True)
class ReplaceUnit:
    """Replace a whole unit by the quoted one (same kind and label).

    `about` is the subject the instruction names (`Sửa đổi về thời hạn ban hành … tại Điều 15:`):
    a quote of such an instruction that leaves out the unit's clauses or points rewrites only the
    paragraphs of its lead-in that it restates (`regdraft.core.amend.apply`).
    """

    target: Address
    about: str = ""


@dataclass(frozen=True, slots=True)
class ReplaceHeading:
    """Replace the title of a part, chapter, section or article."""

    target: Address


@dataclass(frozen=True, slots=True)
class InsertUnit:
    """Insert the quoted unit `target` right after `after`, or at the end of `parent` (at its head with `first`).

    An article added to a part, chapter, section or sub-section goes right after the last article
    in it (`vào cuối Tiểu mục 1 Mục 1 Chương II`), or with `first` right before the first
    (`vào đầu Tiểu mục 2 Mục 1 Chương II`), in the innermost unit holding that article.
    `within` is the part, chapter, section or sub-section the instruction says the place lies in
    (`vào sau Điều 29 thuộc Mục 1 Chương III`); applying checks it.
    With neither `after` nor `parent`, the first appendix of a text that has none goes after everything else
    (`Bổ sung Phụ lục I vào cuối Luật`); so does one `after` the last article (`vào sau Điều 33`).
    """

    target: Address
    after: Address | None = None
    parent: Address | None = None
    within: Address | None = None
    first: bool = False


@dataclass(frozen=True, slots=True)
class RepealUnits:
    """Repeal one or several units; each stays as a placeholder."""

    targets: tuple[Address, ...]


@dataclass(frozen=True, slots=True)
class ReplaceWords:
    """Replace (or, with `new` None, delete) a phrase in named provisions or throughout.

    `titles` are headings whose title alone is searched (`tại tên Điều 23`); `preamble` adds
    the document's preamble. With `position` `before` or `after`, `new` is added next to each
    occurrence of `old` instead of replacing it (`Bổ sung cụm từ “A” vào sau cụm từ “B”`).
    `titles_first` says the sentence names a title before any unit (`tại tên Điều 3, điểm a khoản 7 Điều 3`): the
    first place it names is that title (what a comment on its words is about); it is no part of the change made.
    `document` is the text a change throughout names by its name or number (`trong toàn bộ Luật Thi đua, khen thưởng`,
    `tại Nghị định số 63/2010/NĐ-CP`): applying checks that it is the text amended (`self_name.other_text`).
    """

    old: str
    new: str | None
    targets: tuple[Address, ...] = ()
    titles: tuple[Address, ...] = ()
    preamble: bool = False
    position: str = ""
    titles_first: bool = field(default=False, compare=False)
    document: str = field(default="", compare=False)

    @property
    def throughout(self) -> bool:
        """True when the phrase changes in the whole regulation."""
        return not self.targets and not self.titles and not self.preamble


@dataclass(frozen=True, slots=True)
class AmendGroup:
    """Several instructions on parts of one provision, written with relative addresses."""

    target: Address | None


@dataclass(frozen=True, slots=True)
class Several:
    """One sentence making several changes, applied in order; quoted new text comes in the same order."""

    parts: tuple[ReplaceUnit | ReplaceHeading | InsertUnit | RepealUnits | ReplaceWords, ...]


Part = ReplaceUnit | ReplaceHeading | InsertUnit | RepealUnits | ReplaceWords  # one change of a sentence (`Several`)

Operation = ReplaceUnit | ReplaceHeading | InsertUnit | RepealUnits | ReplaceWords | AmendGroup | Several

TAKES_QUOTE = (ReplaceUnit, ReplaceHeading, InsertUnit)


def takes_quote(op: Operation) -> bool:
    """True when new text in quotes must follow the instruction."""
    if isinstance(op, Several):
        return any(isinstance(p, TAKES_QUOTE) for p in op.parts)
    return isinstance(op, TAKES_QUOTE)


def targets(op: Operation) -> tuple[Address, ...]:
    """The provisions an operation names (none for a group, or for words changed throughout)."""
    if isinstance(op, (ReplaceUnit, InsertUnit, ReplaceHeading)):
        return (op.target,)
    if isinstance(op, RepealUnits):
        return op.targets
    if isinstance(op, ReplaceWords):
        return op.targets + op.titles
    if isinstance(op, Several):
        return tuple(t for p in op.parts for t in targets(p))
    return ()


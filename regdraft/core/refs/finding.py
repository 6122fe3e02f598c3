"""Finding cross-references in a regulation's text: `find_references` reads every citation of a provision's
text (`refs.citations`) and resolves it to the units it names.

Post-conditions of `find_references`:
1. Every paragraph of every unit's own text is read once, in document order; headings,
   titles and the preamble are not (a source must be a provision).
2. A reference's `source` is the smallest unit whose text holds it; relative words
   (`khoản này`, `Điều này`, `clause 3 of this Article`, a bare `khoản 3`) are resolved
   against that unit, so `targets` are always absolute addresses.
3. A reference followed by the name of another document (`Điều 5 Điều lệ Đảng`,
   `Quy định số 24-QĐ/TW`) has `external` set and no `targets`: it is listed, never checked.
   So does one in an article whose title amends another document (`Điều 113. Sửa đổi, bổ
   sung một số điều của Luật ...`), unless it says `này`/`this`. A mention of the document
   itself (`Quy chế này`, `these Regulations`, its own number) is no reference.
4. Numbers that are not citations (dates, amounts, `Điều lệ`, `Chương trình`) yield nothing.
5. Text inside quotation marks (`“...”`, across paragraphs until the quotation closes, within
   one article; `"..."` within a paragraph) is quoted text, such as the new wording an amending
   article gives another document: no reference is read in it.
6. Citations are read after folding lookalike letters (`Ðiều 5` with U+00D0 reads as `Điều 5`).
7. The cost is linear in the text: the ranges of one citation add at most `citations._EXPANSION_LIMIT` units, those
   of the whole document at most one per ten characters of its provisions' text (`UNITS_PER_CHARACTER`, never
   fewer than one citation may add). A range past either budget is kept as its two ends: its targets are the first
   and last unit it names, so a unit inside it is neither checked to exist (`check`'s warning of a reference to a
   provision the text lacks) nor found to cite what it names (the units cited, renumbered references).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from regdraft.core.model import Address, Kind, Located, Regulation, Segment, Unit
from regdraft.core.refs.citations import (
    _EXPANSION_LIMIT,
    AMENDING_WORDS,
    PROVISION,
    THIS,
    Grammar,
    Node,
    amended_document,
    chains,
    grammar,
    read_phrase,
    relative,
)
from regdraft.core.text import fold_letters

# A unit as the words name it: kind and label from the largest cited down, `THIS` for `này`
# (`khoản 2 Điều này`: (clause, 2), (article, THIS)).
Written = tuple[tuple[Kind, str | None], ...]


@dataclass(frozen=True, slots=True)
class Reference:
    """A citation found in the text of a provision.

    `targets` are absolute addresses in this regulation (several for a list or a range);
    for an external reference `external` names the other document and `targets` is empty.
    `members` are the units the words name one by one, in the order written, a unit written twice twice, and a
    range by its two ends: each as written (`Written`) with the address it resolves to.
    `twice` are the targets two members of the list name written alike, neither an end of a range (`Điều 20 và Điều
    20`, `khoản 2 và khoản 2 Điều 7`; not `từ Điều 5 đến Điều 5`, nor `khoản 3 Điều này và khoản này` in khoản 3),
    each once, in the order cited.
    """

    source: Address
    line: int
    text: str
    targets: tuple[Address, ...]
    external: str | None = None
    members: tuple[tuple[Written, Address], ...] = field(default=(), compare=False, repr=False)
    twice: tuple[Address, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class _Context:
    """Where a reference stands, to resolve relative words against."""

    units: dict[Kind, Address]

    @classmethod
    def of(cls, loc: Located) -> _Context:
        units: dict[Kind, Address] = {}
        segments = loc.address.segments
        if loc.unit.kind in PROVISION:
            for i, seg in enumerate(segments):
                units[seg.kind] = Address(segments[: i + 1])
        chapter = next((u for u in loc.ancestors if u.kind is Kind.CHAPTER), None)
        if loc.unit.kind is Kind.CHAPTER:
            chapter = loc.unit
        if chapter is not None:
            units[Kind.CHAPTER] = Address((chapter.segment(),))
            section = next((u for u in loc.ancestors if u.kind is Kind.SECTION), None)
            if loc.unit.kind is Kind.SECTION:
                section = loc.unit
            if section is not None:
                units[Kind.SECTION] = units[Kind.CHAPTER].child(Kind.SECTION, section.label)
        return cls(units)


def _resolve(chain: list[Node], ctx: _Context) -> Address | None:
    """The absolute address a chain of cited units names, or None when it cannot be placed."""
    provision = [n for n in chain if n.kind in PROVISION]
    if provision:
        head = provision[0].kind
        address: Address | None = None
        if head is Kind.CLAUSE:
            address = ctx.units.get(Kind.ARTICLE)
        elif head is Kind.POINT:
            address = ctx.units.get(Kind.CLAUSE) or ctx.units.get(Kind.ARTICLE)
        if head is not Kind.ARTICLE and address is None and provision[0].label is not THIS:
            return None
        for node in provision:
            if node.label is THIS:
                address = ctx.units.get(node.kind)
                if address is None:
                    return None
            elif node.kind is Kind.ARTICLE or address is None:
                address = Address((Segment(node.kind, node.label),))
            else:
                address = address.child(node.kind, node.label)
        return address
    appendix = next((n for n in chain if n.kind is Kind.APPENDIX), None)
    if appendix is not None:  # `Phụ lục I` (an appendix cited inside itself as `Phụ lục này` is not read)
        return Address((Segment(Kind.APPENDIX, appendix.label),)) if appendix.label is not THIS else None
    chapter = next((n for n in chain if n.kind is Kind.CHAPTER), None)
    section = next((n for n in chain if n.kind is Kind.SECTION), None)
    if chapter is None or chapter.label is THIS:
        found = ctx.units.get(Kind.CHAPTER)
    else:
        found = Address((Segment(Kind.CHAPTER, chapter.label),))
    if section is None or found is None:
        return found
    if section.label is THIS:
        return ctx.units.get(Kind.SECTION)
    return found.child(Kind.SECTION, section.label)


class _Budget:
    """The units the ranges of one document may still add (post-condition 7)."""

    def __init__(self, units: int) -> None:
        self.left = units
        self.spent = 0


def _paragraph_references(
    text: str, loc: Located, g: Grammar, own_id: str, amended: str | None, instruction: bool = False,
    own_title: str = "", budget: _Budget | None = None,
) -> Iterator[Reference]:
    ctx: _Context | None = None
    pos = 0
    while True:
        start = g.start.search(text, pos)
        if start is None:
            return
        if start.group("doc") is not None:
            doc = g.numbered.match(text, start.start())
            if doc is None:
                pos = start.end()
                continue
            name = " ".join(doc.group("name").split())
            if doc.group("number") != own_id:
                yield Reference(loc.address, loc.unit.line, name, (), name)
            pos = doc.end()
            continue
        phrase = read_phrase(text, start.start(), g) if budget is None else read_phrase(
            text, start.start(), g, max(budget.left, 0))
        if phrase is None:
            pos = start.end()
            continue
        if budget is not None:
            budget.left -= phrase.expanded
            budget.spent += phrase.expanded
        pos = max(phrase.scan_end, start.end())
        words = text[start.start() : phrase.end]
        own = phrase.external is not None and (
            phrase.external.endswith(f" {own_id}") or phrase.external.casefold() == own_title)
        if phrase.external is not None and not own:
            if phrase.internal:
                ctx = ctx or _Context.of(loc)
                inside = text[start.start() : phrase.internal_end]
                yield from _internal(loc, inside, phrase.internal, ctx, amended, instruction)
                words = text[phrase.external_start : phrase.end]
            yield Reference(loc.address, loc.unit.line, words, (), phrase.external)
            continue
        if phrase.external is not None:
            words = text[start.start() : phrase.end - len(phrase.external)].rstrip(" ,")
            amended = None
        ctx = ctx or _Context.of(loc)
        yield from _internal(loc, words, phrase.nodes, ctx, amended, instruction)


def _internal(
    loc: Located, words: str, nodes: tuple[Node, ...], ctx: _Context, amended: str | None,
    instruction: bool = False,
) -> Iterator[Reference]:
    """The reference cited nodes make in this regulation (or in the document an article amends)."""
    if amended is not None and (instruction or not any(relative(node) for node in nodes)):
        # In an article amending another document, citations are of that document.
        yield Reference(loc.address, loc.unit.line, words, (), amended)
        return
    targets: dict[Address, None] = {}  # in the order cited, each once
    members: list[tuple[Written, Address]] = []
    listed: set[tuple[Written, Address]] = set()  # the members named outside any range
    twice: dict[Address, None] = {}
    for node in nodes:
        for chain in chains(node):
            address = _resolve(chain, ctx)
            if address is not None:
                targets.setdefault(address)
                if all(n.written for n in chain):
                    member = (tuple((n.kind, n.label) for n in chain), address)
                    members.append(member)
                    if not any(n.ranged for n in chain):
                        if member in listed:
                            twice.setdefault(address)
                        listed.add(member)
    if targets:
        yield Reference(loc.address, loc.unit.line, words, tuple(targets), None, tuple(members), tuple(twice))


def find_references(reg: Regulation) -> list[Reference]:
    """Every reference in the regulation's provisions, in document order (see the module notes)."""
    g = grammar(reg.language, reg.alphabet)
    own_id = reg.id
    found: list[Reference] = []
    amended: str | None = None
    own_title = reg.title.casefold()
    quotes = _Quotes()
    budget = _Budget(_document_budget(reg))

    def read(paragraphs: Iterable[str], loc: Located, amended: str | None) -> None:
        for paragraph in paragraphs:
            # Citations typed with lookalike letters (`Ðiều 5`, U+00D0) read as the letters they imitate.
            text = quotes.mask(fold_letters(paragraph))
            # An amending instruction (`Bãi bỏ điểm d khoản 2 Điều này.`) cites the document it
            # amends, even with `này`: the article meant is the one being amended.
            instruction = amended is not None and bool(AMENDING_WORDS.match(text))
            found.extend(_paragraph_references(text, loc, g, own_id, amended, instruction, own_title, budget))

    # A closing text (đoạn cuối) follows its unit's children: it is read after them, in the order
    # of the document, so that a quotation closed there is tracked right.
    closings: list[tuple[int, Located, str | None]] = []
    for loc in reg.walk():
        depth = len(loc.ancestors)
        while closings and closings[-1][0] >= depth:
            _, holder, held = closings.pop()
            read(holder.unit.closing, holder, held)
        if loc.unit.kind is not Kind.CLAUSE and loc.unit.kind is not Kind.POINT:
            quotes = _Quotes()  # a quotation never runs past its article
            amended = (
                amended_document(loc.unit.title, g, own_id)
                if loc.unit.kind is Kind.ARTICLE
                else None
            )
        read(loc.unit.text, loc, amended)
        if loc.unit.closing:
            closings.append((depth, loc, amended))
    while closings:
        _, holder, held = closings.pop()
        read(holder.unit.closing, holder, held)
    return found


# The units the ranges of a whole document may add, per character of its provisions' text (post-condition 7); never
# fewer than one citation may add. `Điều 1 đến Điều 200;` is 20 characters adding 199 units: 2,000 of them in a 73 KB
# text cost `check` 12.9 s and 119 MB (r43 sweep CI F2). The corpus's real laws (five, and two amended with their
# amending texts) write no range at all; `từ Điều 5 đến Điều 20` adds 15 units in some 20 characters.
UNITS_PER_CHARACTER = 0.1


def _document_budget(reg: Regulation) -> int:
    """The units the ranges of `reg` may add: `UNITS_PER_CHARACTER` of its provisions' characters, at least
    `_EXPANSION_LIMIT`."""
    return max(_EXPANSION_LIMIT, int(_characters(reg.units) * UNITS_PER_CHARACTER))


def _characters(units: Iterable[Unit]) -> int:
    """The characters of the text and closing text of `units` and every unit below them (`Regulation.walk`'s units,
    without the addresses and ancestors it builds for each)."""
    return sum(sum(map(len, unit.text)) + sum(map(len, unit.closing)) + _characters(unit.children) for unit in units)


_MASK = "\x00"


class _Quotes:
    """Tracks quotations through the paragraphs of one article and masks what they hold."""

    def __init__(self) -> None:
        self.depth = 0

    def mask(self, text: str) -> str:
        """`text` with every quoted character (and the quotation marks) replaced by NUL."""
        if self.depth == 0 and "“" not in text and '"' not in text:
            return text
        out = []
        straight = False
        i = 0
        while i < len(text):
            ch = text[i]
            closes = ch == "”" or text.startswith("’’", i)
            if ch == "“":
                self.depth += 1
            elif closes and self.depth > 0:
                self.depth -= 1
                if ch == "’":
                    out.append(_MASK)
                    i += 1
                out.append(_MASK)
                i += 1
                continue
            elif ch == '"' and self.depth == 0:
                straight = not straight
                out.append(_MASK)
                i += 1
                continue
            out.append(_MASK if self.depth > 0 or straight else ch)
            i += 1
        return "".join(out)

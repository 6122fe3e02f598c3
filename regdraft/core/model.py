"""The immutable document model: regulations, units and their stable addresses.

Invariants of a `Regulation` built by `regdraft.core.markdown.parse`:
1. Text is NFC, without line breaks inside a paragraph, without trailing spaces.
2. Parts hold chapters, sections or articles; chapters hold sections or articles (or both);
   sections hold articles, and may be divided into sub-sections (tiểu mục) holding articles; a
   document may hold any of them but a sub-section at the top; articles hold clauses or points;
   clauses hold points. Points hold no units. Appendices (phụ lục) stand at the
   top after every other unit, with a title and text (paragraphs and tables) and no units.
3. Labels are canonical: parts, sections and sub-sections Arabic (`1`), chapters Roman (`II`), articles and
   clauses Arabic with an optional lower-case suffix (`20a`, `5a`), points a Vietnamese letter
   with an optional digit suffix (`b`, `đ`, `d1`) whatever the document's language; appendices Roman
   (`I`) or digits as written (`1`, `01`).
4. An address (`d12.k2.b`) identifies one unit and never changes when others are inserted or
   repealed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from regdraft.core.address import END, INTRO, PARTS, TITLE, Address, Segment, part_name
from regdraft.core.errors import UnknownUnit
from regdraft.core.identity import ByIdentity
from regdraft.core.labels import (
    CONTAINER_KINDS,
    HEADING_KINDS,
    KIND_OF_NOUN,
    POINT_LETTERS,
    REPEALED_TEXT,
    TEXT_HEADINGS,
    Kind,
    base_label,
    canonical_label,
    chapter_label,
    from_roman,
    label_order,
    noun,
    part_label_from_text,
    part_label_text,
    point_alphabet,
    roman_from_digits,
    to_roman,
)

__all__ = [
    # Kinds and labels live in regdraft.core.labels; they are re-exported here, where most readers look.
    "CONTAINER_KINDS", "HEADING_KINDS", "KIND_OF_NOUN", "POINT_LETTERS", "REPEALED_TEXT", "TEXT_HEADINGS", "Kind",
    "base_label", "canonical_label",
    "chapter_label", "from_roman", "label_order", "noun", "part_label_from_text", "part_label_text",
    "roman_from_digits", "to_roman",
    "END", "INTRO", "PARTS", "TITLE", "Address", "Located", "OpenUnit", "Regulation", "Segment", "Unit",
    "map_units", "part_name", "repealed_unit", "unit_address",
]


@dataclass(frozen=True, slots=True)
class Unit:
    """A part, chapter, section, article, clause or point.

    `text` holds the unit's own paragraphs before its children (for a clause or point the first
    one follows the label): for a unit with children it is the lead-in (đoạn mở đầu). Dash
    sub-points are paragraphs starting with `- ` or `+ `. `children` are the units below it.
    `closing` holds the paragraphs after the last child (đoạn cuối); only a unit with children
    has one. A repealed unit keeps its place with no text, title, children or closing.
    `line` is where the unit starts in its source file and takes no part in equality. `designation` is how an
    English text designates an appendix when that is not `Appendix` and its number (`Schedule 1`, `Annex I`,
    `Schedule` for its one unnumbered appendix), printed in its place; empty for every other unit.
    """

    kind: Kind
    label: str
    title: str | None = None
    text: tuple[str, ...] = ()
    children: tuple[Unit, ...] = ()
    repealed: bool = False
    line: int = field(default=0, compare=False)
    closing: tuple[str, ...] = ()
    designation: str = ""

    def __reduce__(self) -> tuple[Callable[..., Unit], tuple[Any, ...]]:
        """Pickle as a call of `_unpickled_unit` with the fields: the parse cache loads a 1,000-article text ~40 %
        faster than through the generic state of a frozen, slotted dataclass (which looks up its fields per unit)."""
        return (_unpickled_unit, (self.kind, self.label, self.title, self.text, self.children, self.repealed,
                                  self.line, self.closing, self.designation))

    def segment(self) -> Segment:
        """This unit's own part of an address."""
        return Segment(self.kind, self.label)

    def all_text(self) -> str:
        """The unit's whole text, its own and its children's, one paragraph per line."""
        return "\n".join(_flatten_text(self))


_NEW_OBJECT = object.__new__
_SET_KIND, _SET_LABEL, _SET_TITLE, _SET_TEXT, _SET_CHILDREN, _SET_REPEALED, _SET_LINE, _SET_CLOSING, _SET_NAMED = (
    getattr(Unit, name).__set__
    for name in ("kind", "label", "title", "text", "children", "repealed", "line", "closing", "designation"))


def _unpickled_unit(kind: Kind, label: str, title: str | None, text: tuple[str, ...], children: tuple[Unit, ...],
                    repealed: bool, line: int, closing: tuple[str, ...], designation: str = "") -> Unit:
    """`Unit(kind, label, …)` as a reading is loaded: each slot set as the dataclass's `__init__` sets it (the class
    has no `__post_init__`), a third cheaper than the call (`object.__setattr__` by name for each field); a
    1,000-article reading holds 9,000 units."""
    unit = _NEW_OBJECT(Unit)
    _SET_KIND(unit, kind)
    _SET_LABEL(unit, label)
    _SET_TITLE(unit, title)
    _SET_TEXT(unit, text)
    _SET_CHILDREN(unit, children)
    _SET_REPEALED(unit, repealed)
    _SET_LINE(unit, line)
    _SET_CLOSING(unit, closing)
    _SET_NAMED(unit, designation)
    return unit


@dataclass
class OpenUnit:
    """A unit still being read: text and children are added until `freeze` makes the `Unit`.

    Shared by the Markdown reader and the importer so both recognise a repealed unit alike:
    a unit whose only text is the repealed placeholder, or a heading whose title is.
    """

    kind: Kind
    label: str
    title: str | None
    line: int
    text: list[str] = field(default_factory=list)
    children: list[OpenUnit] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    frozen: Unit | None = None  # the unit already built (an article read before, `markdown.read(reuse=)`)
    designation: str = ""  # an appendix's `Schedule 1` (`Unit.designation`)

    def freeze(self, language: str) -> Unit:
        """The immutable unit, with its children frozen; the repealed placeholder if it is one."""
        if self.frozen is not None:
            return self.frozen
        repealed_text = REPEALED_TEXT.get(language, REPEALED_TEXT["vi"])
        if (self.text == [repealed_text] and not self.children) or (
            self.kind in HEADING_KINDS and self.title == repealed_text and not self.text and not self.children
        ):
            return _unpickled_unit(self.kind, self.label, None, (), (), True, self.line, (), self.designation)
        # Built as a cached reading is loaded (the fields set as `Unit(...)` sets them): a third cheaper per unit, and
        # a text read anew builds every unit it has.
        children = self.children
        return _unpickled_unit(self.kind, self.label, self.title, tuple(self.text),
                               tuple([c.freeze(language) for c in children]) if children else (), False, self.line,
                               tuple(self.closing), self.designation)


def _flatten_text(unit: Unit) -> Iterator[str]:
    if unit.title:
        yield unit.title
    yield from unit.text
    for child in unit.children:
        yield from _flatten_text(child)
    yield from unit.closing


@dataclass(frozen=True, slots=True)
class Located:
    """A unit found in a regulation, with its address and the headings above it."""

    address: Address
    unit: Unit
    ancestors: tuple[Unit, ...]


@dataclass(frozen=True, slots=True)
class Regulation:
    """A whole regulation: front matter, preamble paragraphs and the tree of units.

    `front_matter` is the YAML source, kept verbatim (comments included); `meta` is its parsed
    form and takes no part in equality. `source` names the file it came from, for messages.
    """

    front_matter: str
    preamble: tuple[str, ...] = ()
    units: tuple[Unit, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False)
    source: str = field(default="", compare=False)

    @property
    def id(self) -> str:
        """The document number, e.g. `01-QC/TU`."""
        return str(self.meta.get("id", ""))

    @property
    def language(self) -> str:
        """`vi` or `en`."""
        return str(self.meta.get("language", "vi"))

    @property
    def alphabet(self) -> str:
        """The alphabet its points run in (`labels.point_alphabet`): `en` for an English text of its own (a to z),
        `vi` for a Vietnamese text, a translation of one, or an English text that letters a point `dd`."""
        if self.language != "en" or self.meta.get("translation_of"):
            return "vi"
        return point_alphabet("en", lettered_dd=_letters_dd(self.units))

    @property
    def title(self) -> str:
        """The document's full title."""
        return str(self.meta.get("title", ""))

    def walk(self) -> Iterator[Located]:
        """Every unit in document order, with its address and ancestors."""
        entry = _tree(self.units, build=False)  # asked for twice (walked, found in, indexed): walked once, kept
        return iter(entry.located) if entry.located is not None else _walk(self.units, (), None)

    def articles(self) -> Iterator[Located]:
        """Every article in document order."""
        return (loc for loc in self.walk() if loc.unit.kind is Kind.ARTICLE)

    def index(self) -> dict[Address, Located]:
        """A map from each address to its unit."""
        entry = _tree(self.units, build=True)
        if entry.last is None:
            entry.last = {loc.address: loc for loc in entry.located or ()}
        return dict(entry.last)  # a copy: the caller may change it

    def find(self, address: Address | str) -> Located:
        """The unit at an address (the unit holding it, for a lead-in or closing text).

        `UnknownUnit` naming the nearest existing unit if absent.
        """
        target = Address.parse(address) if isinstance(address, str) else address
        target = target.unit
        index = _index_of(self.units)
        if index is not None:
            if target in index:
                return index[target]
        else:
            for loc in _walk(self.units, (), None, target):
                if loc.address == target:
                    return loc
        from regdraft.core.nearest import missing_message

        raise UnknownUnit(missing_message(self, target))

    def with_units(self, units: Sequence[Unit]) -> Regulation:
        """A copy with another tree of units."""
        return replace(self, units=tuple(units))


def _letters_dd(units: Sequence[Unit]) -> bool:
    """Whether a point among `units` or below them is lettered đ (`dd` in an English file)."""
    return any((unit.kind is Kind.POINT and unit.label.startswith("đ")) or _letters_dd(unit.children)
               for unit in units)


def _walk(units: Sequence[Unit], ancestors: tuple[Unit, ...], base: Address | None,
          towards: Address | None = None) -> Iterator[Located]:
    """Every unit in document order; with `towards`, only into the units that may hold it (every part,
    chapter and section, and the article, clause, ... whose address contains it)."""
    for unit in units:
        address = unit_address(unit, base)
        yield Located(address, unit, ancestors)
        if unit.children and (towards is None or _may_contain(unit, address, towards)):
            yield from _walk(unit.children, (*ancestors, unit), address, towards)




# The trees asked for their units lately, by `id` (the tree is held here, so its id is not reused): placing a
# Word reply's 10,000 paragraphs on a 1,000-article draft called `find` for each, every call walking the
# articles (14 s), and listing 40 comments built the whole index for each (1.9 s).
@dataclass(slots=True)
class _Tree:
    units: tuple[Unit, ...]
    asked: int = 0
    located: tuple[Located, ...] | None = None  # every unit in document order, once asked twice (or indexed)
    first: dict[Address, Located] | None = None  # each address to the first unit with it
    last: dict[Address, Located] | None = None  # ... and to the last (`index`)


_TREES: ByIdentity[tuple[Unit, ...], _Tree] = ByIdentity(4, _Tree)  # a 5,000-article tree and index: ~45 MB


def _tree(units: tuple[Unit, ...], build: bool) -> _Tree:
    """The tree's entry, with its units walked when `build` or asked before."""
    entry = _TREES(units)
    entry.asked += 1
    if entry.located is None and (build or entry.asked > 1):
        entry.located = tuple(_walk(units, (), None))
    return entry


def _index_of(units: tuple[Unit, ...]) -> dict[Address, Located] | None:
    """Each address of a tree's units to the first unit with it; None the first time a tree is asked."""
    entry = _tree(units, build=False)
    if entry.located is None:
        return None
    if entry.first is None:
        first: dict[Address, Located] = {}
        for loc in entry.located:
            first.setdefault(loc.address, loc)
        entry.first = first
    return entry.first


def unit_address(unit: Unit, parent: Address | None) -> Address:
    """The address of `unit` given the address of the unit that holds it."""
    # `Address((Segment(kind, label),))` or `parent.child(kind, label)`, each slot set as the data classes' `__init__`
    # sets it (neither has a `__post_init__`): a third of their cost, and a comparison asks for one a provision of
    # both texts (`align.flatten`: 2,354 for 1,000 articles, 5 ms of a warm compare's CPU through `__init__`).
    segment = _NEW_OBJECT(Segment)
    _SET_SEGMENT_KIND(segment, unit.kind)
    _SET_SEGMENT_LABEL(segment, unit.label)
    address = _NEW_OBJECT(Address)
    if unit.kind in _ADDRESSED_ALONE or parent is None:
        _SET_SEGMENTS(address, (segment,))
    else:
        _SET_SEGMENTS(address, (*parent.segments, segment))
    _SET_PART(address, "")
    return address


_ADDRESSED_ALONE = (Kind.ARTICLE, Kind.PART, Kind.CHAPTER, Kind.APPENDIX)
_SET_SEGMENT_KIND, _SET_SEGMENT_LABEL, _SET_SEGMENTS, _SET_PART = (
    getattr(cls, name).__set__ for cls, name in ((Segment, "kind"), (Segment, "label"), (Address, "segments"),
                                                 (Address, "part")))


def map_units(
    units: Sequence[Unit],
    target: Address,
    change: Callable[[Unit], Sequence[Unit]],
    base: Address | None = None,
) -> tuple[tuple[Unit, ...], bool]:
    """Replace the unit at `target` by `change(unit)` (zero, one or several units).

    Returns the new sequence and whether the target was found. Other units are shared, not
    copied, so the cost is proportional to the depth of the target.
    """
    out: list[Unit] = []
    found = False
    for unit in units:
        if found:
            out.append(unit)
            continue
        address = unit_address(unit, base)
        if address == target:
            out.extend(change(unit))
            found = True
        elif unit.children and _may_contain(unit, address, target):
            children, found = map_units(unit.children, target, change, address)
            out.append(replace(unit, children=children) if found else unit)
        else:
            out.append(unit)
    return tuple(out), found


def _may_contain(unit: Unit, address: Address, target: Address) -> bool:
    if unit.kind in CONTAINER_KINDS:
        # Articles and chapters are addressed without their containers.
        return True
    return address.contains(target)


def repealed_unit(unit: Unit) -> Unit:
    """The placeholder a repealed unit leaves behind."""
    return Unit(unit.kind, unit.label, None, (), (), True, unit.line, designation=unit.designation)


"""Where the paragraphs and Word comments of a review reply land: the provision each paragraph is, found
by the bookmark the review copy gave it or else by its text, and narrowed to the part of it a change or a
comment is on. Pure core, used by `regdraft.core.replies.comments_from_reply`.

Post-conditions:
1. A place is `(text's key, address)` of a provision the drafts hold, or None: a paragraph whose text
   more than one provision has (or none) is placed by no guess, and a bookmark naming no provision of
   the drafts places nothing.
2. A paragraph the reviewer added belongs to the provision before it; a new point or clause (`i) …`,
   `5. …`) to the clause or article that holds its kind.
3. `_item` narrows a place only to a part a single line of the provision is (its title, a dash or plus
   item, its lead-in or its closing text); a line two of its paragraphs share keeps the provision.
4. Text is matched folded (NFC, lookalike letters read as Vietnamese ones, labels and quotes aside).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from regdraft.core.address import TITLE, dash_part, plus_part
from regdraft.core.comments import GENERAL, anchor_text
from regdraft.core.errors import RegdraftError
from regdraft.core.labels import Kind
from regdraft.core.model import END, INTRO, Address, Regulation, Unit
from regdraft.core.parts import dash_items, plus_items
from regdraft.core.reply_wording import (
    Edit,
    fold,
    line_key,
    lines_of,
    match_line,
    new_kind,
    own_lines,
    renumbers,
    strip_label,
    unquoted,
)

if TYPE_CHECKING:
    from regdraft.core.reply_model import Place, Reply, ReplyParagraph, Texts


def _index(draft: Regulation) -> dict[str, list[str]]:
    """Folded paragraph text -> the addresses of the units whose own paragraph it is."""
    index: dict[str, list[str]] = {}
    for loc in draft.walk():
        for line in own_lines(loc.unit):
            index.setdefault(fold(strip_label(line)), []).append(str(loc.address))
    return index


# Each text's key and its units' addresses with their own lines folded.
_Folded = list[tuple[str, list[tuple[Address, tuple[str, ...]]]]]


def _folded_lines(texts: Texts) -> _Folded:
    """Each text's units with their own lines folded, read once for all of a reply's comments."""
    return [(reg, [(loc.address, tuple(fold(line) for line in own_lines(loc.unit))) for loc in draft.walk()])
            for reg, draft in texts]


def _containing(folded: _Folded, passage: str) -> list[Place]:
    """The innermost units whose own text contains the passage (folded), in any of the texts (`_folded_lines`)."""
    key = fold(passage)
    if not key:
        return []
    out: list[Place] = []
    for reg, units in folded:
        found = [address for address, lines in units if any(key in line for line in lines)]
        # A unit holding another that contains it is not the innermost. Every unit a found one lies in is one
        # of its address's beginnings: a set of those, not every pair (a common word is in thousands of units).
        holding = {a.segments[:k] for a in found for k in range(1, len(a.segments))}
        out += [(reg, str(a)) for a in found if a.segments not in holding]
    return out


def addresses_by_text(reply: Reply, draft: Regulation) -> list[str | None]:
    """Each paragraph's provision in a reply without bookmarks, found by its text (None when not unique)."""
    return [place[1] if place else None for place in _places_by_text(reply, (("", draft),))]


def _cell_index(draft: Regulation) -> dict[str, set[str]]:
    """Folded text of each cell of a table (`| a | b |`, a line of a unit's own text) -> the addresses of the units
    whose table holds it."""
    index: dict[str, set[str]] = {}
    for loc in draft.walk():
        for line in lines_of(loc.unit):
            if line.lstrip().startswith("|"):
                for cell in line.split("|")[1:-1]:
                    if key := line_key(cell):
                        index.setdefault(key, set()).add(str(loc.address))
    return index


def _places_by_text(reply: Reply, texts: Texts) -> list[Place | None]:
    """Each paragraph's regulation and provision in a reply without bookmarks (None when not unique).

    A paragraph of a Word table that is no paragraph of the drafts is a cell of a provision's table (a Word redline
    prints a table as a Word table, one paragraph a cell, as the review copy does, but marks no provision): the
    provision whose table holds it, or, when several tables hold a cell's words (`a) Có £ b) Không £`), the one
    provision holding the words of every cell of that Word table; an empty cell of that Word table is that
    provision's too."""
    indexes = [(key, _index(draft)) for key, draft in texts]
    cells = [(key, _cell_index(draft)) for key, draft in texts] if any(p.cell[0] for p in reply.paragraphs) else []
    out: list[Place | None] = []
    in_cells: dict[int, set[Place]] = {}  # by paragraph of a Word table: the provisions whose tables hold its words
    for i, p in enumerate(reply.paragraphs):
        # The first and last paragraphs of an instruction's quoted text carry its quotes (`“4. …”.`).
        keys = (fold(strip_label(p.original)), fold(unquoted(p.original))) if p.original.strip() else ()
        hits: set[Place] = set()
        for folded in keys:
            hits = hits or {(key, a) for key, index in indexes for a in index.get(folded, [])}
        if p.cell[0] and keys:
            in_cells[i] = {(key, a) for key, index in cells for a in index.get(line_key(p.original), ())}
            hits = hits or set(in_cells[i])
        out.append(hits.pop() if len(hits) == 1 else None)
    tables: dict[int, set[Place]] = {}  # by Word table: the provisions holding the words of each of its cells
    for i, found in in_cells.items():
        if found:
            table = reply.paragraphs[i].cell[0]
            tables[table] = tables[table] & found if table in tables else set(found)
    for i, found in in_cells.items():
        held = tables.get(reply.paragraphs[i].cell[0], set())
        if out[i] is None and len(held) == 1 and held <= found:
            out[i] = next(iter(held))
    for i, p in enumerate(reply.paragraphs):
        # An empty cell (words typed into it) is of the provision holding its Word table's words.
        held = tables.get(p.cell[0], set()) if p.cell[0] and not p.original.strip() and not p.cell[2] else set()
        if out[i] is None and len(held) == 1:
            out[i] = next(iter(held))
    return out


def _with_inserted(reply: Reply, where: list[Place | None]) -> list[Place | None]:
    """A paragraph the reviewer added with Track Changes on belongs to the provision just before it."""
    out = list(where)
    for i, p in enumerate(reply.paragraphs):
        if out[i] is None and i and not p.original.strip() and p.accepted.strip():
            out[i] = out[i - 1]
    return out


def _around(where: Sequence[Place | None], start: int, end: int) -> list[Place]:
    """The places of the nearest placed paragraphs before paragraph `start` and after `end` (each at most one)."""
    before = next((where[i] for i in range(start, -1, -1) if where[i] is not None), None)
    after = next((where[i] for i in range(end, len(where)) if where[i] is not None), None)
    return [place for place in (before, after) if place is not None]


def common_address(addresses: Sequence[str]) -> str:
    """The smallest provision holding all of these addresses; `general` when only the whole draft does (one of them
    `general` too: a range from an instruction naming no provision into the text as amended)."""
    if GENERAL in addresses:
        return GENERAL
    parsed = [Address.parse(a).segments for a in addresses]
    shared = []
    for step in zip(*parsed, strict=False):
        if any(s != step[0] for s in step):
            break
        shared.append(step[0])
    if not shared:
        return GENERAL
    return str(Address(tuple(shared)))


def _narrowed(p: ReplyParagraph, place: Place, drafts: dict[str, Regulation]) -> Place:
    """The provision a changed paragraph is one of: a paragraph of an instruction's quoted text carries the
    instruction's address (`“4. …”.` in `1. Sửa đổi Điều 5:` is marked Điều 5) and is khoản 4 Điều 5's own
    paragraph, where the same change in the text as amended lands; kept when it is no single provision's."""
    reg, address = place
    if not p.original.strip() or address == GENERAL:
        return place
    located = drafts[reg].find(address)
    own = lines_of(located.unit)
    if match_line([line_key(line) for line in own], p.original, own) is not None:
        return place
    hits = [str(loc.address) for loc in drafts[reg].walk()
            if located.address.contains(loc.address) and loc.address != located.address
            and match_line([line_key(line) for line in lines_of(loc.unit)], p.original, lines_of(loc.unit)) is not None]
    return (reg, hits[0]) if len(hits) == 1 else place


def _lifted(p: ReplyParagraph, place: Place) -> Place:
    """Where a paragraph the reviewer added belongs: a new point (`i) …`) added after point h is the
    clause's, a new clause the article's; any other added paragraph, the provision it follows."""
    kind = new_kind(p.accepted) if not p.original.strip() else None
    reg, address = place
    if kind is None or address == GENERAL:
        return place
    holders = {Kind.POINT: (Kind.CLAUSE, Kind.ARTICLE), Kind.CLAUSE: (Kind.ARTICLE,)}[kind]
    at: Address | None = Address.parse(address)
    while at is not None and at.kind not in holders:
        at = at.parent()
    return (reg, str(at)) if at is not None else place


def renumbering(place: Place, edits: Sequence[Edit]) -> Place | None:
    """Where a reviewer's tracked change of a clause's or point's label (`2.` → `3.`, a clause split and those after
    it renumbered) is proposed: the article or clause holding it, whose wording carries the labels; None when no
    edit changes such a label."""
    reg, address = place
    if address == GENERAL or not any(renumbers(e) for e in edits):
        return None
    at = Address.parse(address)
    holder = at.parent() if at.kind in (Kind.CLAUSE, Kind.POINT) else None
    return (reg, str(holder)) if holder is not None else place


def _bookmarked(p: ReplyParagraph, texts: Texts) -> Place | None:
    """The place a paragraph's bookmark names: its text's regulation (the main one when it names none)."""
    if p.address is None:
        return None
    if not p.text:
        return "", p.address
    return (texts[p.text - 1][0], p.address) if p.text <= len(texts) else None


def _common(places: Sequence[Place]) -> Place:
    """The smallest provision holding all of these places; the whole draft when they span two regulations."""
    regs = {reg for reg, _ in places}
    if len(regs) > 1:
        return "", GENERAL
    return regs.pop(), common_address([a for _, a in places])


def _existing(drafts: dict[str, Regulation], place: Place | None) -> Place | None:
    """The place when its draft has that provision, else None (a bookmark a reviewer renamed)."""
    if not place or not place[1] or place[0] not in drafts:
        return None
    if place[1] == GENERAL:  # an instruction naming no provision (words changed throughout): the whole draft
        return place
    try:
        located = drafts[place[0]].find(place[1])
    except RegdraftError:
        return None
    # A title an instruction names first (`tại tên Điều 3, …`, marked `d3.title`) stays the title, where it has one.
    titled = Address.parse(place[1]).part == TITLE and bool(located.unit.title)
    return place[0], str(located.address.with_part(TITLE) if titled else located.address)


def _item(p: ReplyParagraph, place: Place, drafts: dict[str, Regulation]) -> Place:
    """The part a paragraph is one of, when the paragraph (as circulated, or as an instruction's quoted new text) is
    its provision's heading line (`d7.title`), a line of one dash or plus item (`d6.k2.a.dash1`,
    `d7.k4.dash2.plus1`), of its lead-in (`d42.k3.intro`) or of its closing text (`d42.k3.end`) when the provision
    has points, clauses or dash items; else the provision. A text two of the unit's paragraphs have says nothing of
    which part it is."""
    reg, address = place
    if not p.original.strip() or address == GENERAL or Address.parse(address).part:
        return place
    unit = drafts[reg].find(address).unit
    if unit.title and match_line([line_key(unit.title)], p.original) is not None:
        return reg, str(Address.parse(address).with_part(TITLE))
    spans = dash_items(unit.text)
    if unit.repealed or not (unit.children or spans):
        return place
    keys = [line_key(text) for text in (*unit.text, *unit.closing)]
    found = match_line(keys, p.original)
    if found is None or keys.count(keys[found[0]]) > 1:
        return place
    at = found[0]
    part = next((_dash_or_plus(unit, dash, span, at) for dash, span in enumerate(spans, 1) if span[0] <= at < span[1]),
                None)
    if part is None:
        # With points or clauses the lead-in is all of `text`; with dash items alone, what comes before them.
        part = END if at >= len(unit.text) or (not unit.children and at > spans[0][0]) else INTRO
    return reg, str(Address.parse(address).with_part(part))


def _dash_or_plus(unit: Unit, dash: int, span: tuple[int, int], at: int) -> str:
    """The part of the dash item spanning `span` that the unit's paragraph `at` is: a plus item under it, or itself."""
    plus = next((n for n, inner in enumerate(plus_items(unit.text, span), 1) if inner[0] <= at < inner[1]), 0)
    return plus_part(dash, plus) if plus else dash_part(dash)


def _quoted(p: ReplyParagraph, place: Place | None, drafts: dict[str, Regulation]) -> bool:
    """Whether a paragraph is a line of an instruction's quoted new text (`“a) …`, `- …;”;`) rather than its
    provision's line as written (a provision's own words may end in a quote)."""
    if place is None or place[1] == GENERAL or not p.original.strip():
        return False
    reg, address = place
    lines = anchor_text(drafts[reg], address).split("\n")
    found = match_line([line_key(line) for line in lines], p.original, lines)
    return found is not None and found[1]



# The provisions an instruction's own paragraph names, read relative to each unit it may stand in (its mark's unit,
# those holding it, none), when it names several.
Readings = tuple[tuple[Address | None, tuple[Address, ...]], ...]


def instruction_readings(p: ReplyParagraph, place: Place, drafts: dict[str, Regulation]) -> Readings:
    """The provisions an instruction naming several names, as read in each unit it may stand in (a group's
    instruction reads `khoản 3` in its group's article); none when the paragraph is its provision's own text (or
    an instruction's quoted new text) or names fewer than two."""
    from regdraft.core.amend.grammar import GrammarError, read_instruction, targets

    reg, address = place
    if address == GENERAL or not p.original.strip() or Address.parse(address).part not in ("", TITLE):
        return ()
    lines = anchor_text(drafts[reg], address).split("\n")
    if match_line([line_key(line) for line in lines], p.original, lines) is not None:
        return ()
    sentence, language = strip_label(p.original.strip()), drafts[reg].language
    out: list[tuple[Address | None, tuple[Address, ...]]] = []
    at: Address | None = Address.parse(address).unit  # a title named first (`d3.title`) reads in its unit
    while True:
        try:
            named = targets(read_instruction(sentence, language, at))
        except GrammarError:
            named = ()
        if len(named) > 1:
            out.append((at, named))
        if at is None:
            return tuple(out)
        at = at.parent()


def named_in_instruction(readings: Readings, place: Place, selection: str,
                         drafts: dict[str, Regulation], sentence: str = "") -> Place | None:
    """The provision a comment's selected words name exactly, when they are words of an instruction naming several
    (`readings`; its paragraph is marked with the first named, or the unit holding them all): `điểm c khoản 2 Điều
    16` selected in `11. Bãi bỏ khoản 3 Điều 10 và điểm c khoản 2 Điều 16.` is on d16.k2.c, not d10.k3. A label
    selected alone, once in the instruction's `sentence`, is read with the words after it up to the first that
    complete the citation of one the instruction names (`khoản 2` in `Sửa đổi, bổ sung khoản 1 Điều 2 và khoản 2
    Điều 3 như sau:` is on d3.k2). None when the words name no single provision the instruction names."""
    words = selection.strip().rstrip(".,;:")
    for cited in [words, *_read_on(sentence, words)] if words else ():
        found = _named(readings, place, cited, drafts)
        if found is not None:
            return found
    return None


READ_ON = 6  # words after a selected label read to complete its citation (`khoản 2` + `Điều 3`, `khoản 2 Điều 16`)


def _read_on(sentence: str, words: str) -> list[str]:
    """`words` followed by one, two … of the words after them in `sentence`, when they stand there once (as whole
    words): the citations a label selected alone may begin, shortest first."""
    import re

    found = list(re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", sentence))
    if len(found) != 1:
        return []
    after = sentence[found[0].end():].split()[:READ_ON]
    return [" ".join([words, *after[:n]]).rstrip(".,;:") for n in range(1, len(after) + 1)]


def _named(readings: Readings, place: Place, words: str, drafts: dict[str, Regulation]) -> Place | None:
    """The one provision the instruction names that `words` cite, read in each unit it may stand in, or None."""
    from regdraft.core.amend.grammar import GrammarError
    from regdraft.core.amend.provisions import provisions

    reg = place[0]
    for at, named in readings:
        try:
            chosen = provisions(words, at, drafts[reg].language)
        except GrammarError:
            continue
        if len(chosen) == 1 and not chosen[0].part and chosen[0].address in named:
            return _existing(drafts, (reg, str(chosen[0].address)))
    return None

"""Phrase instructions (`Thay thế cụm từ`, `Bỏ cụm từ`) found in the drafter's edits.

`choose(old, new, ...)` finds the phrases the edits replaced (or deleted) identically in
several provisions and writes one `ReplaceWords` for each. The word difference of an edit
(`Tỉnh ủy` → `Tỉnh ủy khóa XIV`) is widened by whole words, left and right, until the phrase
is unambiguous where it is applied (`Thường trực Tỉnh ủy` → `Thường trực Tỉnh ủy khóa XIV`):
every occurrence of it in the provisions named, or in the whole regulation for `trong toàn bộ
Quy chế`, is an edited occurrence, changed the same way. Occurrences are found and replaced
with the very functions `apply` uses (`apply.occurrences`, `apply.replace_words`).

Post-conditions of `choose`:
1. Each chosen instruction, applied in turn with `apply.replace_words`, turns every provision
   it names (`Chosen.named`) into that provision of `new`, and nothing else; a throughout one
   changes no occurrence outside them (except titles of chapters it also explains).
2. A provision with other edits besides the phrase is never named (it is amended on its own), but where
   the other chosen instructions make them (two names changed in one sentence: two instructions, never one
   phrase fused across both), nor is one in `excluded`; an article whose title the phrase changes may be
   named by its title alone (`Chosen.titles`, `tại tên Điều 3`), its other edits left to other instructions.
3. Among the phrases that explain the most edits, the one whose ends do not split a name or a compound wins
   (`Thường trực Tỉnh ủy`, not `trực Tỉnh ủy`), then one that can be written throughout (but a name renamed in
   one provision, quoted as the name however often it stands elsewhere), then the shortest: a
   phrase widened past its natural ends (`Ủy ban nhân dân cấp huyện cấp|bằng`) does not win by the throughout
   it would claim over the name listed at its places (`Ủy ban nhân dân cấp huyện`, Luật Giáo dục).
4. Words added to an enumeration next to the phrase, after it starting with `,` or `;` (before it ending
   with one), are an addition (`ReplaceWords.position`): `Bổ sung cụm từ “, minh bạch” vào sau cụm từ
   “công bằng”`, where it changes the provisions as the replacement would.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from dataclasses import replace as dc_replace

from regdraft.core.amend.apply import occurrences, replace_words
from regdraft.core.amend.conflicts import Footprint, collide, mode
from regdraft.core.amend.edit_sites import Hit, offsets, sites
from regdraft.core.amend.grammar import Operation, ReplaceWords, targets
from regdraft.core.amend.one_provision import few_words, names, only_added, shorter, starts_naturally
from regdraft.core.amend.phrases import find, other_capitals, other_capitals_in_unit, tokens
from regdraft.core.amend.readable import (
    FUNCTION_WORDS,
    Cohesion,
    is_whole,
)
from regdraft.core.amend.reading import Reading
from regdraft.core.amend.reading import cohesion as read_cohesion
from regdraft.core.amend.values import CLOSERS, OPENERS
from regdraft.core.longest_match import opcodes
from regdraft.core.model import INTRO, Address, Kind, Regulation, Unit, map_units
from regdraft.core.parts import part_paragraphs, with_part

_CONTAINERS = (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION)


@dataclass(frozen=True, slots=True)
class Chosen:
    """A phrase instruction, the provisions it changes (even when written throughout) and its first edit."""

    op: ReplaceWords
    named: tuple[Address, ...]
    first: Address
    titles: tuple[Address, ...] = ()  # articles whose title alone it changes (`tại tên Điều 3`)


@dataclass(frozen=True, slots=True)
class _Score:
    covered: int  # edits the instruction makes
    complete: bool  # it makes every edit of the provisions it names: no other instruction quotes words it put in
    throughout: bool  # written `trong toàn bộ Quy chế`
    whole: bool  # every occurrence in the regulation is an edit of it (even where a provision is amended instead)
    cost: int
    loose: int
    words: int
    size: int

    def rank(self) -> tuple[int, int, bool, bool, bool, int, int, int]:
        return (self.covered, -self.cost, self.complete, self.throughout, self.whole, -self.loose, -self.words,
                -self.size)


def choose(old: Regulation, new: Regulation, *, throughout: bool = True,
           excluded: frozenset[Address] = frozenset(), alone: bool = False) -> tuple[list[Chosen], Regulation]:
    """The phrase instructions for the edits from `old` to `new`, and `old` with them applied; `alone`: also in one
    provision (its words already changed by another instruction, which it cannot also be amended beside)."""
    after = {loc.address: loc.unit for loc in new.walk()}
    whole: frozenset[Address] = frozenset()
    # Read once for every run: the words that hold together in the old text, and its units' folded texts.
    cohesion = read_cohesion(old)
    folded = Reading()
    while True:
        chosen, current = _rounds(old, new, throughout, excluded, whole, cohesion, folded, alone)
        now = current.index()
        # A provision named for some of its edits (two names changed in one sentence) whose other edits no phrase
        # instruction made is amended on its own instead: chosen again, each phrase must make all of its edits.
        unfinished = {n for c in chosen for n in c.named if now[n].unit != after.get(n)} - whole
        if not unfinished:
            return chosen, current
        whole |= unfinished


def _rounds(old: Regulation, new: Regulation, throughout: bool, excluded: frozenset[Address],
            whole: frozenset[Address], cohesion: Cohesion, folded: Reading,
            alone: bool = False) -> tuple[list[Chosen], Regulation]:
    chosen: list[Chosen] = []
    current = old
    located, was = list(new.walk()), list(old.walk())
    after = {loc.address: loc.unit for loc in located}
    # Where no two units share an address, a unit as the new text has it holds only units as it has them.
    pruned = len(after) == len(located) and len(old.index()) == len(was)
    for _ in range(100):  # each round explains at least two edits, so this is never reached in practice
        # Where two units share an address, one is named for the other: a phrase must make all of a provision's edits.
        taken = frozenset(n for c in chosen for n in c.named)
        best = _best(current, after, throughout, excluded, cohesion, folded, pruned, whole if pruned else None, alone,
                     taken)
        if best is None:
            break
        chosen.append(best)
        current = _applied(current, best)
    return chosen, current


def clashes(chosen: Sequence[Chosen], ops: Sequence[Operation]) -> set[Address]:
    """Provisions named by phrase instructions that other instructions also change (or contain)."""
    prints = [Footprint(a, mode(op)) for op in ops for a in targets(op)]
    return {a for c in chosen for a, how in (*((n, "words") for n in c.named), *((t, "title words") for t in c.titles))
            if any(collide(Footprint(a, how), p) for p in prints)}


# Choosing --------------------------------------------------------------------------------


def _best(current: Regulation, after: dict[Address, Unit], throughout: bool,
          excluded: frozenset[Address], cohesion: Cohesion, folded: Reading, pruned: bool = False,
          whole_only: frozenset[Address] | None = frozenset(), alone: bool = False,
          taken: frozenset[Address] = frozenset()) -> Chosen | None:
    # Each phrase's hits by occurrence (`Hit.occurrence`), its place numbered (`Reading.place`): an address is hashed
    # once a site, not once for each of its phrases (Nghị định 48/2013 edited: 241,438 phrases in 29 rounds).
    found: dict[tuple[str, str | None], dict[tuple[int, int], Hit]] = {}
    # Each top unit's edits, and each edit's phrases, as read in an earlier round where the unit is the same.
    edits = [s for unit in current.units for s in folded.sites(unit, after)] if pruned else sites(current, after)
    for site in edits:
        place = folded.place(site)
        for old, new, hit in folded.widenings(site, cohesion):
            seen = found.setdefault((old, new), {})
            known = seen.get((place, hit.start))
            if known is None or (hit.cost, hit.loose) < (known.cost, known.loose):
                seen[place, hit.start] = hit
    before = folded.index(current.units)
    totals: dict[str, tuple[int, bool]] = {}

    def total(phrase: str, times: int) -> bool:
        # Whether the phrase occurs exactly `times` times in the regulation: counted only until it is past them (a
        # phrase as common as `và …` is decided in the first chapters), again where a later question asks for more.
        known = totals.get(phrase)
        if known is None or (not known[1] and known[0] <= times):
            found = folded.count(current.units, phrase, times)
            known = totals[phrase] = (found, found <= times)
        return known[1] and known[0] == times

    wholes: dict[tuple[str, Address | None], bool] = {}

    def whole(phrase: str, holder: Address | None) -> bool:
        # Every occurrence the instruction would change, in the provision (None: the whole regulation).
        key = (phrase, holder)
        if key not in wholes:
            units = folded.holding(current.units, phrase) if holder is None else (before[holder],)
            wholes[key] = all(quoted_whole(u, phrase) for u in units)
        return wholes[key]

    capitals: dict[tuple[str, str | None, Address | None], bool] = {}

    def mixed(phrase: str, new: str | None, holder: Address | None) -> bool:
        # The phrase stands in other capitals in the provision (None: the whole regulation), and still does in the
        # edited text (`Nguồn thu khác` for `nguồn thu`, left as it was): a reader takes it for the same words, so a
        # scope that holds it ("trong toàn bộ Luật", "tại Điều 26") would read as covering it. Not where those read
        # as the new words (`Ban Chấp hành` for `Ban chấp hành` → `Ban Chấp hành`): the text then reads alike.
        key = (phrase, new, holder)
        if key not in capitals:
            units = folded.holding(current.units, phrase, capitals=True) if holder is None else (before[holder],)
            capitals[key] = any(other_capitals_in_unit(u, phrase, new) for u in units) and any(
                _own_capitals(unit, phrase, new) and _own_capitals(after.get(address), phrase, new)
                for address, unit in before.items() if holder is None or holder.contains(address))
        return capitals[key]

    best: tuple[tuple[int, int, bool, bool, bool, int, int, int], Chosen] | None = None
    # Most edits first: a phrase found at fewer edits than the best so far covers fewer.
    for (old, new), hits in sorted(found.items(), key=lambda item: -len(item[1])):
        if best is not None and len(hits) < best[0][0]:
            break
        holders = folded.holders(hit.site for hit in hits.values())
        if (len(holders) < 2 and not before[holders[0]].children and not alone
                and (holders[0] in taken or any(h.cost for h in hits.values()) or not few_words(old, new) or any(
                    not starts_naturally(h.site.paragraph, h.start, old)
                    or not names(h.site.paragraph, h.start, old, new) for h in hits.values()))):
            # one provision: a word instruction only for a few words that read (`one_provision`); an edit that costs
            # is asked about first, before the word diff of `few_words` (Nghị định 48/2013 edited: 336 diffs, was 3,520)
            continue
        candidate = _evaluate(old, new, list(hits.values()), holders, before, after, total, whole, throughout,
                              excluded, whole_only, alone, mixed, folded)
        if candidate is not None and (best is None or candidate[0].rank() > best[0]):
            best = (candidate[0].rank(), candidate[1])
    return best[1] if best is not None else None


def _evaluate(old: str, new: str | None, hits: list[Hit], holders: list[Address], before: dict[Address, Unit],
              after: dict[Address, Unit], total: Callable[[str, int], bool],
              whole: Callable[[str, Address | None], bool], throughout: bool, excluded: frozenset[Address],
              whole_only: frozenset[Address] | None = frozenset(), alone: bool = False,
              mixed: Callable[[str, str | None, Address | None], bool] = lambda _p, _n, _h: False,
              reading: Reading | None = None) -> tuple[_Score, Chosen] | None:
    reading = reading or Reading()
    explained: list[Address] = []
    titled: list[Address] = []  # articles with other edits besides the phrase, whose title it explains
    partly = False  # a provision named has other edits too
    titles = 0
    retitled = {h.site.holder for h in hits if h.site.index < 0}
    for holder in holders:
        unit, twin = before[holder], after[holder]
        heading = Unit(unit.kind, unit.label, unit.title)
        # An article edited here in its title alone is named by its title (`tại tên Điều 61`), its clauses each by
        # their own edits: named whole, it would take in its clauses and leave its title unexplained.
        title_alone = (unit.kind is Kind.ARTICLE and holder in retitled and holder not in excluded
                       and all(h.site.index < 0 for h in hits if h.site.holder == holder)
                       and replace_words(heading, old, new).title == twin.title)
        if unit.kind in _CONTAINERS:
            if replace_words(heading, old, new).title == twin.title:
                titles += occurrences(heading, old)
                explained.append(holder)
        elif title_alone:
            titles += occurrences(heading, old)
            titled.append(holder)
        elif holder not in excluded and _on_the_way(unit, reading.replaced(unit, old, new), twin,
                                                    None if whole_only is None or holder in whole_only else new,
                                                    reading):
            # Every edit of the provision, or some of them with others left to other phrase instructions (`Tổng
            # cục Du lịch` and `cơ quan chuyên môn về du lịch cấp tỉnh` both changed in one sentence): a provision
            # they do not finish is amended on its own instead (`choose` chooses again).
            explained.append(holder)
            partly |= reading.replaced(unit, old, new) != twin
        elif (holder not in excluded and holder in retitled and unit.kind is Kind.ARTICLE
              and replace_words(heading, old, new).title == twin.title):
            titles += occurrences(heading, old)
            titled.append(holder)
    named = [h for h in explained if before[h].kind not in _CONTAINERS
             and not any(o != h and o.contains(h) and before[o].kind not in _CONTAINERS for o in explained)]
    # A provision named whole holds no occurrence left in other capitals; one whose lead-in alone holds the phrase
    # is named by its lead-in (`tại đoạn mở đầu Điều 26`, its khoản 4 starting `Nguồn thu khác` left as it is); any
    # other is amended on its own (khoản 1 Điều 80 of Luật Thi đua, khen thưởng, holding `"Tập thể lao động tiên
    # tiến"` beside `"Lao động tiên tiến"`), the phrase still named in the others.
    scopes = {h: h if not mixed(old, new, h) else _lead_in(before[h], h, old) for h in named}
    named = [h for h in named if scopes[h] is not None]
    titled = [t for t in titled if not any(n.contains(t) for n in named)]
    if not named:
        return None
    lone = named[0]
    # One provision without parts: a few words (`one_provision`), else it is amended; one with parts: only where the
    # phrase is in its lead-in.
    single = len(named) + len(titled) < 2 and not alone and not before[lone].children
    if len(named) + len(titled) < 2 and not alone and not single and not any(
            h.site.index >= 0 and h.site.holder == lone for h in hits):
        return None
    if partly and len(named) + len(titled) < 2 and not alone:
        return None  # two phrases changed in one lead-in alone: it is amended, as a real amending law does
    everywhere = throughout and len(named) + len(titled) >= 2 and total(old, titles + sum(
        occurrences(before[h], old) for h in named)) and not mixed(old, new, None)
    if any(other_capitals(before[t].title or "", old) for t in titled):
        return None
    # The phrase must read as whole words wherever the instruction changes it, not only at the edit that
    # suggested it: `building` also replaces the end of `Party-building`, `Quy` the start of a citation.
    if not all(whole(old, h) for h in (*named, *titled)) or (everywhere and not whole(old, None)):
        return None
    covered = [h for h in hits if any(n.contains(h.site.holder) for n in named)
               or (h.site.index < 0 and h.site.holder in titled)
               or (everywhere and h.site.holder in explained)]
    if len(named) + len(titled) < 2 and any(h.cost or (not alone and len(old) * 2 > len(h.site.paragraph))
                                            for h in covered):
        return None  # in one lead-in, a phrase that reads worse than the clause itself: amend the clause
    if alone and not all(_stops(h.site.paragraph, h.start, h.start + len(old)) for h in covered):
        return None  # in one provision, a phrase from one natural stop to the next (`nguyên tắc tập trung dân chủ`)
    # A name renamed in one provision is quoted as the name, as Nghị định 48/2013 quotes `Cơ quan kiểm soát thủ tục
    # hành chính` standing in many other provisions: a longer phrase standing nowhere else in the regulation (`chỉ
    # đạo Ban cán sự đảng Ủy ban nhân dân tỉnh`, `… tỉnh phối hợp`) does not win for it, an instruction on one
    # provision being written there alone whatever it quotes. Other words keep that preference: `khi cấp lại`, not
    # `khi cấp` (`khi cấp đổi` elsewhere), where no cohesion of the text tells that `cấp lại` is one word.
    renamed = len(named) + len(titled) < 2 and all(names(h.site.paragraph, h.start, old, new) for h in covered)
    score = _Score(len(covered), not partly, everywhere, not renamed and total(old, len(hits)),
                   sum(h.cost for h in covered), sum(h.loose for h in covered), len(old.split()), len(old))
    first = min((h.site.holder for h in covered), key=holders.index)
    op = ReplaceWords(old, new, () if everywhere else tuple(s for s in map(scopes.get, named) if s is not None),
                      () if everywhere else tuple(titled))
    op = _as_addition(op, [before[h] for h in (*explained, *titled)])
    if single and (titled or not few_words(old, new) or (not op.position and only_added(old, new))
                   or not shorter(op, list(dict.fromkeys(h.site.paragraph for h in covered)))):
        return None  # several words, words added that are not a list item, or longer than the provision itself
    return score, Chosen(op, tuple(named), first, tuple(titled))


def _stops(paragraph: str, start: int, end: int) -> bool:
    """True when `paragraph[start:end]` begins and ends where a reader stops: the paragraph's edge, punctuation or a
    function word (`có trách nhiệm đăng tải dữ liệu về`), never between two words of a term (`dân|chủ`)."""
    left, right = paragraph[:start].split(), paragraph[end:].split()
    before, after = (left[-1] if left else ""), (right[0] if right else "")

    def stop(word: str, mark: str) -> bool:
        return not word or mark in CLOSERS + OPENERS or word.strip(CLOSERS + OPENERS).lower() in FUNCTION_WORDS

    return stop(before, before[-1:]) and stop(after, after[:1])


def _on_the_way(unit: Unit, replaced: Unit, twin: Unit, new: str | None, reading: Reading) -> bool:
    """True when `replaced` is `twin`, or `unit` with some of its edits towards `twin` made and nothing else:
    the words `new` put in are on the shortest way from `unit` to `twin`, word for word, and each edit left
    stands apart from them (`Tổng cục Du lịch` → `Cục Du lịch` is not on the way to `Cục Du lịch Quốc gia Việt
    Nam`: the words still to add would touch it). Without `new` (words deleted, or a provision one phrase must
    finish), only `twin` itself."""
    if replaced == twin:
        return True
    if replaced == unit or not new:
        return False
    there, done, left = (reading.distance(unit, twin, "", _distance), reading.distance(unit, replaced, "", _distance),
                         reading.distance(replaced, twin, new, _distance))
    return there is not None and done is not None and left is not None and done + left == there


def _distance(a: Unit, b: Unit, apart: str = "") -> int | None:
    """The words (and marks) deleted and inserted to turn the texts of `a` into those of `b`, units inside them
    too; None where they are not laid out alike (other paragraphs or units), or where an edit touches `apart`."""
    if (len(a.text), len(a.closing), [(c.kind, c.label) for c in a.children]) != (
            len(b.text), len(b.closing), [(c.kind, c.label) for c in b.children]):
        return None
    total = 0
    for x, y in ((a.title or "", b.title or ""), *zip(a.text, b.text, strict=True),
                 *zip(a.closing, b.closing, strict=True)):
        if x == y:
            continue
        spans = find(x, apart) if apart else []
        at = offsets(tokens(x)) if spans else []
        for i1, i2, j1, j2 in _word_changes(x, y):
            total += i2 - i1 + j2 - j1
            if any(at[i1] <= end and at[i2] >= start for start, end in spans):
                return None
    for c, d in zip(a.children, b.children, strict=True):
        inside = _distance(c, d, apart) if c != d else 0
        if inside is None:
            return None
        total += inside
    return total


@functools.lru_cache(maxsize=1 << 12)
def _word_changes(x: str, y: str) -> tuple[tuple[int, int, int, int], ...]:
    """The word (and mark) runs deleted and inserted to turn `x` into `y`, as `difflib` gives them: kept by the two
    texts, as `_distance` asks them of new units holding the same paragraphs in every round (Nghị định
    48/2013's unedited preview: 3,387 diffs of 112 pairs)."""
    return tuple((i1, i2, j1, j2) for tag, i1, i2, j1, j2 in opcodes(tokens(x), tokens(y)) if tag != "equal")


def _as_addition(op: ReplaceWords, units: Sequence[Unit]) -> ReplaceWords:
    """Words added to an enumeration next to a phrase (`công bằng` → `công bằng, minh bạch`), written as amending
    laws add them: `Bổ sung cụm từ “, minh bạch” vào sau cụm từ “công bằng”` (`“minh bạch,” vào trước cụm từ`),
    not as a replacement that quotes the phrase twice; the replacement where the two would not change `units`
    (every unit holding an occurrence the instruction changes) alike."""
    old, new = op.old, op.new
    if new is None:
        return op
    if new.startswith(old) and new[len(old):len(old) + 1] in (",", ";"):
        added = dc_replace(op, new=new[len(old):].strip(), position="after")
    elif new.endswith(old) and new[:-len(old)].endswith(" ") and new[:-len(old)].rstrip()[-1:] in (",", ";"):
        added = dc_replace(op, new=new[:-len(old)].rstrip(), position="before")
    else:
        return op
    assert added.new is not None
    if not any(c.isalnum() for c in added.new) or any(
            replace_words(u, old, added.new, added.position) != replace_words(u, old, new) for u in units):
        return op
    return added


def quoted_whole(unit: Unit, phrase: str) -> bool:
    """True when every occurrence `apply` finds of `phrase` in `unit` (and the units inside it) is whole words."""
    paragraphs = (*((unit.title,) if unit.title else ()), *unit.text, *unit.closing)
    if any(not is_whole(p, start, end) for p in paragraphs for start, end in find(p, phrase)):
        return False
    return all(quoted_whole(c, phrase) for c in unit.children)


def _applied(current: Regulation, chosen: Chosen) -> Regulation:
    op = chosen.op
    if op.throughout:
        return current.with_units(tuple(replace_words(u, op.old, op.new, op.position) for u in current.units))
    units = current.units
    for address in op.targets:
        if address.part:  # a lead-in (`tại đoạn mở đầu Điều 26`): its own paragraphs alone
            units, _ = map_units(units, address.unit, _in_part(op, address.part))
            continue
        units, _ = map_units(units, address, lambda u: [replace_words(u, op.old, op.new, op.position)])
    for address in op.titles:
        units, _ = map_units(units, address, _retitle(op))
    return current.with_units(units)


def _own_capitals(unit: Unit | None, phrase: str, new: str | None = None) -> bool:
    """Whether the unit's own title, text or closing text (not the units inside) holds `phrase` in other capitals. A
    title set all in capitals (`Chương II. THƯỜNG TRỰC TỈNH ỦY`) is typography, not other words: it does not keep a
    phrase from being replaced "throughout" (`amend check` still notes it as left for its capitals). Words that read
    as `new` are not other words either."""
    if unit is None:
        return False
    title = "" if (unit.title or "").isupper() else unit.title or ""
    return any(other_capitals(t, phrase, new) for t in (title, *unit.text, *unit.closing))


def _lead_in(unit: Unit, address: Address, phrase: str) -> Address | None:
    """The lead-in of `unit` (at `address`) when it holds every occurrence of `phrase` in the unit, and none in other
    capitals; else None."""
    paragraphs = part_paragraphs(unit, INTRO) if unit.children and unit.text else ()
    held = sum(len(find(p, phrase)) for p in paragraphs)
    if not held or held != occurrences(unit, phrase) or any(other_capitals(p, phrase) for p in paragraphs):
        return None
    return address.with_part(INTRO)


def _in_part(op: ReplaceWords, part: str) -> Callable[[Unit], list[Unit]]:
    """A unit with the phrase changed in one of its parts alone (`tại đoạn mở đầu Điều 26`)."""
    def changed(unit: Unit) -> list[Unit]:
        paragraphs = tuple(replace_words(Unit(unit.kind, unit.label, text=(p,)), op.old, op.new, op.position).text[0]
                           for p in part_paragraphs(unit, part))
        return [with_part(unit, part, paragraphs)]
    return changed


def _retitle(op: ReplaceWords) -> Callable[[Unit], list[Unit]]:
    """A heading with the phrase changed in its title alone (`tại tên Điều 3`)."""
    def retitled(unit: Unit) -> list[Unit]:
        heading = Unit(unit.kind, unit.label, unit.title)
        return [dc_replace(unit, title=replace_words(heading, op.old, op.new, op.position).title)]
    return retitled

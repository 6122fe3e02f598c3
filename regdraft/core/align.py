"""Which provision of the old version is which provision of the new one.

`flatten(reg)` lists a regulation's headings and articles as `Item`s; `align(old, new)` pairs two
such lists (or the clauses and points of two articles) for `regdraft.core.diff.compare`.

Post-conditions of `align`:
1. Every old and every new index appears in exactly one pair; the pairs are in the new
   document's order, each removed item right after the item that preceded it in the old one.
2. Items with the same key and the same content are paired first.
3. With `detect_moves`, an unpaired item is then paired with one under another key whose content
   is the same (tone-folded unless strict), or the same but for the numbers of the articles it cites
   (`regdraft.core.citation_numbers`: `Điều 16` corrected to `Điều 15`, as Điều 16 became 15), before items with
   the same key at least `CONFIRM` similar, or articles of the same key bearing one title no other article of either
   text bears (clauses moved in or out of it), are paired; failing both, with the most similar one of the same kind at
   least `MOVE` similar and sharing at least `MOVE_WORDS` words, or all their words (a few words alike, `b) 20
   năm;` and `d) 5 năm.`, are no provision moved; `c) … đa số.` renumbered `d) … đa số;` is); items with the
   same key left over are paired last. A repealed item is never moved,
   and an item whose key holds its repealed placeholder in the new list is paired with it (repealed
   in place, as `Bãi bỏ Điều 8` leaves it), even where its content stands word for word elsewhere:
   that is an insertion of it, which `regdraft.core.moves.cross_moves` notes as its move.
4. The result depends only on the items' keys, kinds and content: no clock, no randomness.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from operator import itemgetter, lt

from regdraft.core.citation_numbers import CANDIDATES, aside_alike, cited_numbers, closest
from regdraft.core.model import CONTAINER_KINDS, Address, Kind, Regulation, Unit, unit_address
from regdraft.core.shared_ends import shared_ends_similarity
from regdraft.core.text import tone_key
from regdraft.core.word_index import WordLevels, candidates

CONFIRM = 0.5   # same address, at least this similar: the same provision, amended
MOVE = 0.6      # different address, at least this similar: the same provision, moved
MOVE_WORDS = 10  # ... and sharing this many words, unless the same words: short texts pass MOVE easily
NEAR = 0.85     # an amendment's repeal and insertion are one provision moved only this similar (near the same text)
_FUZZY_LIMIT = 250_000  # at most this many pairs are scored for moves; more, with no index to prune: exact text only
_LONG = 10_000  # contents longer than this (both together) may be confirmed from their shared ends

_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=1 << 16)
def token_key(token: str) -> str:
    """`tone_key` of one word or token, cached: tokens repeat heavily across a document."""
    return tone_key(token)


def similarity(old: str, new: str) -> float:
    """How much two texts share their words (Dice coefficient over tone-folded words, 0..1)."""
    return dice(word_bag(old), word_bag(new))


def word_count(text: str) -> int:
    """How many words `word_bag(text)` counts, without counting them one by one."""
    return sum(map(len, map(_line_words, text.split("\n"))))


def dice_at_most(size_a: int, size_b: int) -> float:
    """The highest `dice` two bags of these word counts can have (all of the smaller one shared), computed as
    `dice` computes its value, so that `dice(a, b) <= dice_at_most(a.total(), b.total())` holds exactly."""
    total = size_a + size_b
    return 2 * min(size_a, size_b) / total if total else 0.0


def word_bag(text: str) -> Counter[str]:
    """The tone-folded words of `text`, counted: what `similarity` compares."""
    # Old and new versions share most lines, and an article shares its lines with its clauses:
    # reading each distinct line once is what keeps comparing large documents fast.
    return Counter(chain.from_iterable(map(_line_words, text.split("\n"))))


@functools.lru_cache(maxsize=1 << 15)
def _line_words(line: str) -> tuple[str, ...]:
    words = _WORD.findall(line.lower())
    if len(words) < 1000:
        return tuple(map(token_key, words))
    # A long line: fold each distinct word once; words in ASCII have no tone mark to fold.
    folded = {word: token_key(word) for word in set(words) if not word.isascii()}
    return tuple(map(folded.get, words, words))


def dice(a: Counter[str], b: Counter[str]) -> float:
    """`similarity` of two texts from their `word_bag`s (Dice's coefficient)."""
    total = a.total() + b.total()
    if not total:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    # The words both hold, each as often as the one holding it fewer times: `sum((a & b).values())`, summed
    # over the smaller bag without building their intersection (half the time of placing rewritten comments).
    get = b.get
    shared = 0
    for word, count in a.items():
        other = get(word)
        if other:
            shared += count if count < other else other
    return 2 * shared / total


@dataclass(slots=True)
class Item:
    """A provision to align: its alignment key, unit, address and depth in the outline.

    Content, word bag and the last equality check are computed once and kept, since alignment
    asks for them repeatedly.
    """

    key: str
    unit: Unit
    address: Address
    depth: int = 0
    _content: str | None = field(default=None, repr=False)
    _bag: Counter[str] | None = field(default=None, repr=False)
    _same: tuple[Item, bool] | None = field(default=None, repr=False)

    @property
    def heading_only(self) -> bool:
        """True for a part, chapter or section: compared by its own heading and text only."""
        return self.unit.kind in CONTAINER_KINDS

    def content(self) -> str:
        """The text compared: a heading's own title and text, or an article's whole text."""
        if self._content is None:
            u = self.unit
            self._content = "\n".join([u.title or "", *u.text]) if self.heading_only else u.all_text()
        return self._content

    def bag(self) -> Counter[str]:
        """The tone-folded words of `content`, with their counts."""
        if self._bag is None:
            self._bag = word_bag(self.content())
        return self._bag

    def same(self, other: Item) -> bool:
        """True when the two provisions are equal in everything compared."""
        if self._same is not None and self._same[0] is other:
            return self._same[1]
        a, b = self.unit, other.unit
        if a is b:  # the same unit (a reading's articles shared with the text it was read against): equal
            result = True
        elif self.heading_only:
            result = (a.title, a.text, a.repealed) == (b.title, b.text, b.repealed)
        else:
            result = a == b
        self._same = (other, result)
        return result

    def similarity(self, other: Item) -> float:
        """`similarity` of the two contents, from the kept word bags."""
        return dice(self.bag(), other.bag())

    def similar(self, other: Item, threshold: float) -> bool:
        """`similarity(other) >= threshold`, decided without the word bags for long texts whose
        unchanged beginning and end alone reach the threshold."""
        a, b = self.content(), other.content()
        if len(a) + len(b) > _LONG and shared_ends_similarity(a, b, threshold) >= threshold:
            return True
        return self.similarity(other) >= threshold


def flatten(reg: Regulation) -> list[Item]:
    """Headings and articles in document order (articles keep their clauses and points).

    The items of the last two regulations flattened are kept (a comparison flattens both texts, and its
    redline asks for the old text's order again: 6 ms at 1,000 articles); each call gets its own list.
    """
    global _FLATTENED
    last = _FLATTENED  # one read: another thread (the review server) may replace it
    for known, kept in last:
        if known is reg:
            return list(kept)
    items: list[Item] = []
    _visit(reg.units, None, any(u.kind is Kind.PART for u in reg.units), items)
    _FLATTENED = ((reg, tuple(items)), *last[:1])
    return items


# (regulation, its items) for the last two regulations `flatten` walked, the latest first. A regulation is
# frozen and so are its units: the items stay right (what they keep, `Item.content` and the others, follows
# from their units).
_FLATTENED: tuple[tuple[Regulation, tuple[Item, ...]], ...] = ()


_DEPTH = {Kind.PART: 1, Kind.CHAPTER: 1, Kind.SECTION: 2, Kind.SUBSECTION: 3}


def _visit(units: Sequence[Unit], base: Address | None, has_parts: bool, items: list[Item]) -> None:
    for unit in units:
        if unit.kind in (Kind.CLAUSE, Kind.POINT):
            continue
        address = unit_address(unit, base)
        depth = _DEPTH.get(unit.kind, 0)
        if has_parts and unit.kind not in (Kind.PART, Kind.ARTICLE, Kind.APPENDIX):
            depth += 1
        # Parts, chapters and articles are numbered through the document; sections per chapter, sub-sections per
        # section.
        key = (f"{base}.m{unit.label}" if unit.kind is Kind.SECTION else f"{base}.tm{unit.label}"
               if unit.kind is Kind.SUBSECTION else f"{unit.kind}:{unit.label}")
        items.append(Item(key, unit, address, depth))
        if unit.kind is not Kind.ARTICLE:  # an article keeps its clauses and points
            _visit(unit.children, address, has_parts, items)


def child_items(unit: Unit, address: Address) -> list[Item]:
    """The clauses and points directly inside an article or clause, as items."""
    return [Item(f"{c.kind}:{c.label}", c, unit_address(c, address)) for c in unit.children]


def align(old: Sequence[Item], new: Sequence[Item], *, fold: Callable[[str], str],
          detect_moves: bool = True) -> list[tuple[int | None, int | None]]:
    """Pairs of (old index, new index) in document order; None on the missing side.

    `fold` maps content to the form in which moved provisions must be equal (`tone_key`, or
    the identity for strict comparison).
    """
    old_by_key = {item.key: i for i, item in enumerate(old)}
    match_old: dict[int, int] = {}
    match_new: dict[int, int] = {}
    keyed: list[tuple[int, int]] = []
    for j, item in enumerate(new):
        i = old_by_key.get(item.key)
        if i is None:
            continue
        if old[i].same(item) or (item.unit.repealed and not old[i].unit.repealed):
            match_old[i], match_new[j] = j, i
        else:
            keyed.append((i, j))
    moves = detect_moves and len(match_old) < len(old) and len(match_new) < len(new)
    if moves:
        # Text found word for word under another label has moved there, even when the provision
        # now under its old label resembles it (clause 3 moved to the end, 4 and 5 renumbered).
        _match_same_content(old, new, match_old, match_new, fold)
        # So is an article renumbered whose citations were corrected by the same renumbering (`Điều 16` now
        # `Điều 15`): its old self, though an article now under its old label resembles it.
        _match_same_content(old, new, match_old, match_new, fold, aside=True)
    weak: list[tuple[int, int]] = []
    titles: tuple[Counter[str], Counter[str]] | None = None  # each side's articles' titles, counted once needed
    for i, j in keyed:
        if i in match_old or j in match_new:
            continue
        if old[i].similar(new[j], CONFIRM):
            match_old[i], match_new[j] = j, i
            continue
        titles = titles or (_titles(old, fold), _titles(new, fold))
        if _same_title(old[i], new[j], fold, titles):
            match_old[i], match_new[j] = j, i
        else:
            weak.append((i, j))
    if moves:
        _match_similar(old, new, match_old, match_new)
    for i, j in weak:
        if i not in match_old and j not in match_new:
            match_old[i], match_new[j] = j, i
    return _document_order(len(old), len(new), match_old, match_new)


def _titles(items: Sequence[Item], fold: Callable[[str], str]) -> Counter[str]:
    """How many articles of a text bear each title (`fold`ed); untitled ones are not counted."""
    return Counter(fold(item.unit.title) for item in items if item.unit.kind is Kind.ARTICLE and item.unit.title)


def _same_title(old: Item, new: Item, fold: Callable[[str], str], titles: tuple[Counter[str], Counter[str]]) -> bool:
    """Whether two articles of one number bear one title (`fold`ed) that no other article of either text bears: the
    same article, however many clauses moved in or out of it. Luật Du lịch's Điều 26 (khu du lịch) giving its two
    clauses with their points to Điều 23 (điểm du lịch) made Điều 23 too unlike its old self, and old Điều 26 the
    likest: `Điều 26 moved to Điều 23`, its title changed, Điều 23 emptied and Điều 26 inserted (r43 cmp43 3).
    Untitled articles, and a title several articles bear (`Điều 5. Điều`), tell nothing."""
    a, b = old.unit, new.unit
    if a.kind is not Kind.ARTICLE or b.kind is not Kind.ARTICLE or not a.title or not b.title or a.repealed \
            or b.repealed:
        return False
    title = fold(a.title)
    return title == fold(b.title) and titles[0][title] == 1 and titles[1][title] == 1


def _free(items: Sequence[Item], matched: dict[int, int]) -> list[int]:
    return [i for i in range(len(items)) if i not in matched and not items[i].unit.repealed]


def _match_same_content(old: Sequence[Item], new: Sequence[Item], match_old: dict[int, int],
                        match_new: dict[int, int], fold: Callable[[str], str], aside: bool = False) -> None:
    # With `aside`, texts the same once the numbers of the articles they cite are set aside (`citation_numbers`): of
    # several old ones so, the one citing the most numbers alike.
    # Folding moves tone marks inside words, so equal folded contents have as many code points
    # once decomposed: only those are folded (a long article costs a second to fold). Before that, as many spaces:
    # folding writes none and drops none (a word's key holds letters and tone marks, and no character's canonical
    # decomposition or composition holds a space), and counting them costs a fraction of decomposing the text.
    if aside:
        old_texts, new_texts = aside_alike(_article_texts(old, match_old), _article_texts(new, match_new))
    else:
        old_texts = {i: old[i].content() for i in _free(old, match_old)}
        new_texts = {j: new[j].content() for j in _free(new, match_new)}
    new_spaces = {(new[j].unit.kind, text.count(" ")) for j, text in new_texts.items()}
    free_old = [i for i, text in old_texts.items() if (old[i].unit.kind, text.count(" ")) in new_spaces]
    old_spaces = {(old[i].unit.kind, old_texts[i].count(" ")) for i in free_old}
    free_new = [j for j, text in new_texts.items() if (new[j].unit.kind, text.count(" ")) in old_spaces]
    new_sizes = {j: (new[j].unit.kind, _decomposed_size(new_texts[j])) for j in free_new}
    sizes = set(new_sizes.values())
    by_content: dict[tuple[Kind, str], list[int]] = {}
    old_sizes: set[tuple[Kind, int]] = set()
    for i in free_old:
        size = (old[i].unit.kind, _decomposed_size(old_texts[i]))
        if size not in sizes:
            continue
        text = fold(old_texts[i])
        if text.strip():
            by_content.setdefault((old[i].unit.kind, text), []).append(i)
            old_sizes.add(size)
    if not by_content:
        return
    cited: dict[int, tuple[str, ...]] = {}
    for j, size in new_sizes.items():
        if size not in old_sizes:  # no old text of its size: none folds to the same
            continue
        same = by_content.get((new[j].unit.kind, fold(new_texts[j])))
        if same:
            k = 0
            if aside and len(same) > 1:
                candidates = [(old[i].key, cited.get(i) or cited.setdefault(i, cited_numbers(old[i].content())))
                              for i in same[:CANDIDATES]]
                k = closest(new[j].key, cited_numbers(new[j].content()), candidates)
            i = same.pop(k)
            match_old[i], match_new[j] = j, i


def _article_texts(items: Sequence[Item], matched: dict[int, int]) -> dict[int, tuple[Kind, str]]:
    """The free items' kinds and texts, but a heading's: its title and text cite nothing to set aside."""
    return {i: (items[i].unit.kind, items[i].content()) for i in _free(items, matched) if not items[i].heading_only}


def _decomposed_size(text: str) -> int:
    return len(unicodedata.normalize("NFD", text)) if not text.isascii() else len(text)


def _match_similar(old: Sequence[Item], new: Sequence[Item], match_old: dict[int, int],
                   match_new: dict[int, int]) -> None:
    rest_new = _free(new, match_new)
    rest_old = _free(old, match_old)
    if not rest_old or not rest_new:
        return
    olds = [i for i in rest_old if len(old[i].bag()) >= 3]
    pairs = len(rest_old) * len(rest_new)
    # Each old item's candidates, as positions in `rest_new`: from an index of their rarer words when it costs less
    # than scoring every pair (over the limit, less than `_INDEX_STEPS`), else every one. The index finds every pair
    # reaching MOVE: the pairs are the same either way. No more than `_FUZZY_LIMIT` pairs are scored.
    found = None
    if pairs >= _INDEX_FROM:
        found = candidates([old[i] for i in olds], [new[j] for j in rest_new],
                           _STEPS_A_PAIR * pairs if pairs <= _FUZZY_LIMIT else _INDEX_STEPS, MOVE)
    if found is None and pairs > _FUZZY_LIMIT or found is not None and sum(map(len, found)) > _FUZZY_LIMIT:
        return
    every = range(len(rest_new))
    scored = []
    sizes = [new[j].bag().total() for j in rest_new]
    levels = WordLevels([old[i].bag() for i in olds] + [new[j].bag() for j in rest_new])
    new_levels = [levels.of(new[j].bag()) for j in rest_new]
    for n, i in enumerate(olds):
        bag = old[i].bag()
        size = bag.total()
        mine = levels.of(bag)
        kind = old[i].unit.kind
        for m in every if found is None else found[n]:
            # The score cannot exceed 2 * min / sum of the two word counts: skip pairs that cannot reach MOVE.
            if kind is new[rest_new[m]].unit.kind and 2 * min(size, sizes[m]) >= MOVE * (size + sizes[m]):
                # `dice(bag, new[j].bag())`, from the bit sets: the shared words, each as often as both hold it.
                theirs = new_levels[m]
                shared = (mine[0] & theirs[0]).bit_count()
                if len(mine) > 1 and len(theirs) > 1:
                    shared += sum((a & b).bit_count() for a, b in zip(mine[1:], theirs[1:], strict=False))
                score = 2 * shared / (size + sizes[m])
                if score >= MOVE and (shared >= MOVE_WORDS or shared == size == sizes[m]):
                    scored.append((score, i, rest_new[m]))
    for _, i, j in sorted(scored, key=lambda s: -s[0]):
        if i not in match_old and j not in match_new:
            match_old[i], match_new[j] = j, i


_INDEX_FROM = 2_000  # fewer pairs are all scored: indexing them would cost more than it saves
_STEPS_A_PAIR = 20  # an index step (a count, in C) costs about a thirtieth of scoring a pair (a margin left)
_INDEX_STEPS = 20_000_000  # over the pair limit, an index is used if it takes fewer steps (about a second)


def _document_order(n_old: int, n_new: int, match_old: dict[int, int],
                    match_new: dict[int, int]) -> list[tuple[int | None, int | None]]:
    """New order, with each removed item placed after the item that preceded it in the old text."""
    anchored: dict[int, list[int]] = {}
    last = -1
    for i in range(n_old):
        if i in match_old:
            last = match_old[i]
        else:
            anchored.setdefault(last, []).append(i)
    out: list[tuple[int | None, int | None]] = [(i, None) for i in anchored.get(-1, [])]
    for j in range(n_new):
        out.append((match_new.get(j), j))
        out.extend((i, None) for i in anchored.get(j, []))
    return out


def increasing(ranked: Sequence[tuple[int, int]]) -> set[int]:
    """The positions of a longest run of (position, rank) pairs whose ranks increase (the same run every time)."""
    ranks = list(map(itemgetter(1), ranked))
    if all(map(lt, ranks, islice(ranks, 1, None))):
        # Ranks rising throughout (most levels: nothing moved): every pair is the run, as the search below finds
        # (each rank goes at the end of `tails`, behind the one before it), checked in C.
        return set(map(itemgetter(0), ranked))
    tails: list[int] = []
    tail_at: list[int] = []
    parent: dict[int, int | None] = {}
    for pos, rank in ranked:
        k = bisect.bisect_left(tails, rank)
        if k == len(tails):
            tails.append(rank)
            tail_at.append(pos)
        else:
            tails[k], tail_at[k] = rank, pos
        parent[pos] = tail_at[k - 1] if k else None
    keep: set[int] = set()
    node = tail_at[-1] if tail_at else None
    while node is not None:
        keep.add(node)
        node = parent[node]
    return keep

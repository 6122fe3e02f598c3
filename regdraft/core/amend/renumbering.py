"""Renumbered units: an existing unit whose content now stands under another label, found by its content.

`renumbered(old, new)` pairs each article, clause of an article and point of a clause of `old` whose words now stand
under another label in `new` (word for word, or nearly so when nothing like it kept its label); `moved_whole` says
which of those renumber nothing (the unit gone from where it stood, standing under a new label: Điều 8 cut and pasted
as Điều 6a), and `renumber_message` refuses the others, naming each (`core.amend.edits`, post-condition 3).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from regdraft.core.labels import noun
from regdraft.core.model import Address, Kind, Regulation, Unit, unit_address

RENUMBER_SIMILAR = 0.8  # a unit's content reappearing this similar under another label was renumbered
SAME_UNIT = 0.5  # at least this similar under its own label: the same unit, amended

def renumbered(old: Regulation, new: Regulation) -> list[tuple[Address, Address]]:
    """Existing units whose content now stands under another label: (old address, new address)."""
    moves = _moves([loc.unit for loc in old.articles()], [loc.unit for loc in new.articles()], None)
    new_index = new.index()
    for loc in old.walk():
        if loc.unit.kind in (Kind.ARTICLE, Kind.CLAUSE) and not loc.unit.repealed and loc.unit.children:
            twin = new_index.get(loc.address)
            # Children the same (shared by the two texts: the articles an edit left alone) renumber nothing.
            if twin is not None and not twin.unit.repealed and twin.unit.children != loc.unit.children:
                moves += _moves(loc.unit.children, twin.unit.children, loc.address)
    return moves


def moved_whole(old: Regulation, edited: Regulation,
                 moves: list[tuple[Address, Address]]) -> list[tuple[Address, Address]]:
    """The moves of `moves` that renumber nothing: the unit is gone from where it stood (deleted, or left as its
    placeholder) and stands under a label the text in force does not have (Điều 8 cut and pasted as Điều 6a).
    An amending document repeals it and inserts the new one (`Bãi bỏ Điều 8.`, `Bổ sung Điều 6a vào sau Điều 6
    như sau:`), and no existing unit changes its number."""
    if not moves:
        return []
    before, after = old.index(), edited.index()
    out = []
    for a, b in moves:
        stays = after.get(a)
        if b not in before and (stays is None or stays.unit.repealed):
            out.append((a, b))
    return out


def _moves(old: Sequence[Unit], new: Sequence[Unit], parent: Address | None) -> list[tuple[Address, Address]]:
    from regdraft.core.align import dice, dice_at_most, word_bag

    old_by = {(u.kind, u.label): u for u in old if not u.repealed}
    new_by = {(u.kind, u.label): u for u in new if not u.repealed}
    texts = {id(u): _content(u) for u in (*old_by.values(), *new_by.values())}
    bags: dict[int, tuple[Counter[str], int, frozenset[tuple[str, int]]]] = {}

    def bag(unit: Unit) -> tuple[Counter[str], int, frozenset[tuple[str, int]]]:
        # Each unit's words counted once: an edited article is scored against every other (was 14 s of the
        # 100 edits of a 1,000-article text, counting both units' words for each pair).
        if id(unit) not in bags:
            words = word_bag(texts[id(unit)])
            bags[id(unit)] = (words, words.total(), frozenset(words.items()))
        return bags[id(unit)]

    def score(a: Unit | None, b: Unit | None) -> float:
        if a is None or b is None or not texts[id(a)]:
            return 0.0
        x, y = texts[id(a)], texts[id(b)]
        return 1.0 if x == y else dice(bag(a)[0], bag(b)[0])

    def at_least(a: Unit, b: Unit, threshold: float) -> bool:
        # `score(a, b) >= threshold`, without counting shared words when the sizes alone rule it out.
        x, y = texts[id(a)], texts[id(b)]
        if not x:
            return False
        if x == y:
            return True
        (_, size_a, words_a), (_, size_b, words_b) = bag(a), bag(b)
        if threshold >= 1.0:
            return size_a > 0 and words_a == words_b  # Dice is 1 only for the same words, as often
        return dice_at_most(size_a, size_b) >= threshold and score(a, b) >= threshold

    out = []
    for key, unit in old_by.items():
        own = score(unit, new_by.get(key))
        if own == 1.0 or not texts[id(unit)]:
            continue
        for other_key, other in new_by.items():
            if other_key == key or other_key[0] is not key[0]:
                continue
            # Moved: its content now stands elsewhere, word for word (even when what took its label looks
            # alike, as the clauses of one article do), or nearly so when nothing like it kept its label.
            held_by = old_by.get(other_key)  # the unit that had that label, still there?
            if at_least(unit, other, 1.0):
                if held_by is None or not at_least(held_by, other, 1.0):
                    out.append((unit_address(unit, parent), unit_address(other, parent)))
                    break
            elif (own < SAME_UNIT and at_least(unit, other, RENUMBER_SIMILAR)
                  and (held_by is None or not at_least(held_by, other, SAME_UNIT))):
                out.append((unit_address(unit, parent), unit_address(other, parent)))
                break
    return out


def reordered(old: Regulation, new: Regulation) -> list[tuple[Address, Address | None]]:
    """Existing articles that `new` moves among the others, each keeping its number (Điều 13 cut and pasted after
    Điều 15): (the article, the article it now follows, None at the top). The fewest are named: those left out of
    the longest run of articles standing in their old order."""
    counts = Counter(loc.unit.label for loc in new.articles())
    before = [loc.unit.label for loc in old.articles()]
    kept = set(before)
    now = [label for label in (loc.unit.label for loc in new.articles()) if label in kept and counts[label] == 1]
    order = {label: i for i, label in enumerate(before)}
    staying = _longest_rising([order[label] for label in now])
    out: list[tuple[Address, Address | None]] = []
    for i, label in enumerate(now):
        if i not in staying:
            out.append((Address.parse("d" + label), Address.parse("d" + now[i - 1]) if i else None))
    return out


def _longest_rising(values: Sequence[int]) -> set[int]:
    """The positions of a longest strictly rising run (not necessarily contiguous) of `values`."""
    best: list[tuple[int, ...]] = []  # best[i]: a longest rising run ending at position i
    longest: tuple[int, ...] = ()
    for i, value in enumerate(values):
        before: tuple[int, ...] = ()
        for j in range(i):
            if values[j] < value and len(best[j]) > len(before):
                before = best[j]
        best.append((*before, i))
        longest = best[-1] if len(best[-1]) > len(longest) else longest
    return set(longest)


def _content(unit: Unit) -> str:
    return unit.all_text()


def renumber_message(moves: list[tuple[Address, Address]], edited: Regulation, language: str) -> str:
    shown = "; ".join(f"{a.describe(language)} is now numbered {b.describe(language)}" for a, b in moves)
    examples = ", ".join(f"{noun(kind, language)} {new} after {noun(kind, language)} {old}"
                         for kind, new, old in ((Kind.CLAUSE, "5a", "5"), (Kind.ARTICLE, "20a", "20"),
                                                (Kind.POINT, "d1", "d")))
    return (f"{edited.source or 'The edited text'} renumbers existing provisions: {shown}. Existing units are "
            "never renumbered: keep their numbers, give an inserted unit the number it follows plus a suffix "
            f"({examples}) and leave a repealed unit as "
            "a placeholder; or, knowingly, amend each provision under its number as it now reads.")

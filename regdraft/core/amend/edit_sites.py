"""Where the drafter's edits are, and the phrases that may express each: the word edits between two texts
(`sites`), each widened by whole words into candidate phrases (`widenings`).

`replacements.choose` picks among these phrases the ones to write as phrase instructions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from regdraft.core.amend.phrases import tokens
from regdraft.core.amend.readable import (
    FUNCTION_WORDS,
    Cohesion,
    cost,
    crosses_sentence,
    is_whole,
    only_function_words,
    quotable,
    word_edges,
)
from regdraft.core.amend.values import CLOSERS, COMPARATORS, NUMBER_LABELS, OPENERS, labelled
from regdraft.core.longest_match import opcodes
from regdraft.core.model import Address, Regulation, Unit, unit_address

WIDEST = 8  # words a phrase may take in on each side of the edit
MOST_EDITS = 6  # a paragraph with more edits is not searched for phrases spanning several of them
_UNQUOTABLE = ("“", "”", '"', "\n")  # the grammar reads a phrase between quote marks, on one line


@dataclass(frozen=True, slots=True)
class Site:
    """One edit in a title or paragraph of a provision: `paragraph[start:end]` became `new`."""

    holder: Address
    index: int  # the paragraph of the holder's text (-1: its title)
    paragraph: str
    start: int
    end: int
    new: str
    # Part of a change whose two sides share only a function word between its edits (`Lao động - Thương binh| và
    # |Xã hội` → `Giáo dục| và |Đào tạo`): the two edits are one change, one name for another, not two.
    fragment: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    """A phrase found at an edit: where it starts in the paragraph, and how well it reads (lower is better)."""

    site: Site
    start: int
    cost: int
    loose: bool  # words only added, anchored on the words after them

    @property
    def occurrence(self) -> tuple[Address, int, int]:
        """Which occurrence of the phrase in the regulation this is."""
        return self.site.holder, self.site.index, self.start


# The edits --------------------------------------------------------------------------------


def sites(old: Regulation, after: dict[Address, Unit], pruned: bool = False) -> list[Site]:
    """Every word edit in a title or paragraph that both texts hold, in document order.

    `pruned`: no two units of either text share an address, so the units inside one that the new text has
    as it stands are not looked at (a 1,000-article text with 100 edits, walked in each round of `choose`)."""
    walked = _unequal(old.units, None, after) if pruned else ((loc.address, loc.unit) for loc in old.walk())
    return _sites(walked, after)


def pruned_sites(units: Sequence[Unit], after: dict[Address, Unit]) -> list[Site]:
    """`sites(old, after, pruned=True)` for some top units of `old` alone: theirs, in document order."""
    return _sites(_unequal(units, None, after), after)


def _sites(walked: Iterable[tuple[Address, Unit]], after: dict[Address, Unit]) -> list[Site]:
    out: list[Site] = []
    for address, unit in walked:
        twin = after.get(address)
        if twin is None or unit.repealed or twin.repealed or unit == twin:
            continue
        pairs: list[tuple[int, str, str]] = []
        if unit.title and twin.title and unit.title != twin.title:
            pairs.append((-1, unit.title, twin.title))
        if len(unit.text) == len(twin.text):
            pairs.extend((i, x, y) for i, (x, y) in enumerate(zip(unit.text, twin.text, strict=True)) if x != y)
        if len(unit.closing) == len(twin.closing):  # the closing text (đoạn cuối) follows the lead-in's paragraphs
            pairs.extend((len(unit.text) + i, x, y)
                         for i, (x, y) in enumerate(zip(unit.closing, twin.closing, strict=True)) if x != y)
        for index, x, y in pairs:
            out.extend(Site(address, index, x, start, end, text, part) for start, end, text, part in _edits(x, y))
    return out


def _unequal(units: Sequence[Unit], base: Address | None, after: dict[Address, Unit]) -> Iterator[tuple[Address, Unit]]:
    """Every unit with its address in document order, but those inside a unit equal to its twin in `after`."""
    for unit in units:
        address = unit_address(unit, base)
        yield address, unit
        if unit.children and after.get(address) != unit:
            yield from _unequal(unit.children, address, after)


def offsets(parts: list[str]) -> list[int]:
    out = [0]
    for part in parts:
        out.append(out[-1] + len(part))
    return out


def _edits(old: str, new: str) -> list[tuple[int, int, str, bool]]:
    """The edits between two paragraphs as (start, end, new text, fragment): each alone, and runs of them together;
    `fragment` where the run leaves out an edit next to it that only function words part from it (`Xã hội` → `Đào
    tạo` of `Bộ Lao động - Thương binh và Xã hội` → `Bộ Giáo dục và Đào tạo`, where the diff anchors on `và`)."""
    a, b = tokens(old), tokens(new)
    at, bt = offsets(a), offsets(b)
    regions: list[list[int]] = []
    # difflib's opcodes, found in time about the paragraph's length: a table row's spaces and dotted blanks made
    # difflib's own search quadratic (Nghị định 63/2010's Phụ lục I, 7,500 tokens: seconds for each round).
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        if tag == "equal":
            continue
        floor = regions[-1][1] if regions else 0
        # Words only added or only removed are placed as far left as they can go, so the same edit is
        # found the same way in every paragraph (`Council| and its Standing Board| and`).
        while i1 > floor and (i1 == i2 and a[i1 - 1] == b[j2 - 1] or j1 == j2 and a[i1 - 1] == a[i2 - 1]):
            i1, i2, j1, j2 = i1 - 1, i2 - 1, j1 - 1, j2 - 1
        if regions and all(t.isspace() for t in a[regions[-1][1]:i1]):
            regions[-1][1], regions[-1][3] = i2, j2  # edits only a space apart are one edit
        else:
            regions.append([i1, i2, j1, j2])
    joined = [_function_words_only(a[regions[r][1]:regions[r + 1][0]]) for r in range(len(regions) - 1)]
    spans = [(i, j) for i in range(len(regions)) for j in range(i, len(regions))]
    if len(regions) > MOST_EDITS:
        spans = [(i, i) for i in range(len(regions))] + [(0, len(regions) - 1)]
    return [(at[regions[i][0]], at[regions[j][1]], new[bt[regions[i][2]]:bt[regions[j][3]]],
             (i > 0 and joined[i - 1]) or (j + 1 < len(regions) and joined[j])) for i, j in spans]


def _function_words_only(between: Sequence[str]) -> bool:
    """True when the tokens two edits leave alike between them are function words and spaces, one word at least: too
    weak an anchor to part them (`và` in `Thương binh và Xã hội` → `Giáo dục và Đào tạo`)."""
    words = [t for t in between if not t.isspace()]
    return bool(words) and all(w.lower() in FUNCTION_WORDS for w in words)


# Widening an edit to a phrase ---------------------------------------------------------------


def _cuts(paragraph: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Where a phrase around `paragraph[start:end]` may begin and end: word edges, from the edit outwards."""
    starts, ends = word_edges(paragraph)
    # An edit that takes in the space next to a word starts (ends) at that word.
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    lefts = [s for s in reversed(starts) if s <= start][:WIDEST]
    rights = [e for e in ends if e >= end][:WIDEST]
    return lefts, rights


def widenings(site: Site, cohesion: Cohesion | None = None) -> Iterator[tuple[str, str | None, Hit]]:
    """The phrases (old, new or None for deleted words) that express one edit, and where each stands.

    Only whole words that cut no citation and are not function words alone
    (`regdraft.core.amend.readable`). The cost counts ends that split a name or a compound, then
    whether words only added are anchored on the words after them rather than those before
    (`Thực hiện` → `Thực hiện nghiêm` reads better than `nguyên` → `nghiêm nguyên`). Where the edit changes a number
    alone (or a point's letter: `điểm m` → `điểm n`), a phrase that holds another reading as well and runs on past it
    costs once more (`tổ chức trong thời hạn 05
    ngày làm việc` against `05 ngày làm việc`, Luật Đấu thầu): it is widened past its natural ends. So is any other
    phrase holding one that reads as well and running on past a function word next to it (`thanh niên Việt Nam| vào
    hệ thống chỉ tiêu của Bộ` against `Việt Nam`). Words only added (deleted) after words they repeat could stand
    anywhere along them: a phrase ending inside them costs once more (`điểm|` against `điểm du lịch|`, for `, tuyến du
    lịch` added after `điểm du lịch`).
    """
    added = site.start == site.end
    para = site.paragraph
    lefts, rights = _cuts(para, site.start, site.end)
    # Where the words the edit replaces (or deletes) start: a phrase starting there starts on a word changed.
    first = lefts[0] if lefts else site.start
    edited = not added and bool(para[site.start:site.end].strip()) and first >= site.start
    found: list[tuple[int, int, str, int]] = []
    for left in lefts:
        for right in rights:
            old = para[left:right]
            new = (para[left:site.start] + site.new + para[site.end:right]).strip()
            if (old == new or any(q in old + new for q in _UNQUOTABLE) or not is_whole(para, left, right)
                    or only_function_words(old) or (new and not quotable(new))
                    or (new and (only_function_words(new) or crosses_sentence(new)))):
                continue
            found.append((left, right, new, cost(para, left, right, cohesion, edited_start=edited and left == first)))
    # A changed number is quoted as its value (`trên 20%`, `05 ngày làm việc`, `khoản 2 Điều 31`): a phrase that holds
    # one reading as well and runs on past it (`tổ chức trong thời hạn 05 ngày làm việc`) is widened past its natural
    # ends, and does not win by the `trong toàn bộ Luật` it would claim.
    label = para[:site.start].split()[-1:] or [""]
    numbers = all(_numbers_only(text) or labelled(label[0], text.strip())
                  for text in (para[site.start:site.end], site.new))
    # Words only added (deleted) after words they repeat could stand further right (`điểm| du lịch, tuyến| du lịch`
    # is `điểm du lịch|, tuyến du lịch|`): a phrase ending inside that stretch cuts the words repeated.
    slid = _slides(para, site)
    function = cohesion.function if cohesion is not None else FUNCTION_WORDS
    for left, right, new, price in found:
        widened = any(p <= price and (_past(para, (left, right), (s, e)) if numbers else
                                      _across(para, (left, right), (s, e), function)) for s, e, _, p in found)
        inside = right < slid and _goes_on(para[right:], function)
        yield para[left:right], new or None, Hit(site, left, price + widened + inside + site.fragment,
                                                 added and left == site.start)


def _across(para: str, wide: tuple[int, int], narrow: tuple[int, int], function: frozenset[str]) -> bool:
    """True when the phrase `wide` holds the phrase `narrow` and runs on past it across a function word next to it
    (`thanh niên Việt Nam| vào hệ thống chỉ tiêu của Bộ`): widened past the natural stop `narrow` ends at."""
    (left, right), (start, end) = wide, narrow
    if not (left <= start and end <= right) or wide == narrow:
        return False
    after, before = para[end:right].split()[:1], para[left:start].split()[-1:]
    return any(w[0] == w[0].strip(OPENERS + CLOSERS) and w[0].lower() in function and w[0].isalpha() and edge
               for w, edge in ((after, para[end:end + 1].isspace()), (before, para[start - 1:start].isspace())) if w)


def _slides(para: str, site: Site) -> int:
    """How far right the words a site only adds (or only deletes) could stand as well, the text after them being the
    same (`khu du lịch, điểm| du lịch, tuyến| du lịch.`: up to the last `lịch`): the end of the stretch they sweep in
    the old paragraph, `site.end` where they cannot move (or the site replaces words)."""
    moved = site.end
    if site.start == site.end:
        run = tokens(site.new)
    elif not site.new.strip():
        run = tokens(para[site.start:site.end])
    else:
        return moved
    for token in tokens(para[site.end:]):
        if not run or run[0] != token:
            break
        run = [*run[1:], token]
        moved += len(token)
    return site.end + len(para[site.end:moved].rstrip())  # a space alone moves no words (`hiện| nghiêm| nguyên`)


def _goes_on(after: str, function: frozenset[str]) -> bool:
    """True when `after` starts with a word that is no function word (`du lịch`, `chức`): a phrase ending before it
    cuts the words it starts, not at a natural stop (`Council| and its Standing Board`)."""
    first = after.split()[:1] if after[:1].isspace() else []
    return bool(first) and first[0][:1].isalnum() and first[0].strip(CLOSERS).lower() not in function


def _numbers_only(text: str) -> bool:
    """True when `text` is words that each hold a digit (`20`, `05`, `30-QĐ/TW`), at least one."""
    words = text.split()
    return bool(words) and all(any(c.isdigit() for c in w) for w in words)


def _past(para: str, wide: tuple[int, int], narrow: tuple[int, int]) -> bool:
    """True when the phrase `wide` holds the phrase `narrow` and runs on past it, by more than the label or comparator
    of the number `narrow` starts with (`khoản 2 Điều 31` holds `2 Điều 31` and is its value)."""
    (left, right), (start, end) = wide, narrow
    if not (left <= start and end <= right) or wide == narrow:
        return False
    added = para[left:start].split()
    first = para[start:end].split()[0]
    label = (len(added) == 1 and added[0].strip(OPENERS + CLOSERS).lower() in NUMBER_LABELS | COMPARATORS
             and (any(c.isdigit() for c in first) or labelled(added[0], first)))
    return end < right or not label

"""Whole-word phrases for `Thay thế cụm từ` / `Bỏ cụm từ` instructions: match and replace.

A phrase matches on word boundaries only (never inside a longer word), whitespace runs are
equal to one space, and words compare through `tone_key`, so `Tỉnh ủy` finds `Tỉnh uỷ`; a text and
a phrase compare as they read, the format's backslash escapes resolved (`2*3*4` and `b_c` quoted find
`2\\*3\\*4` and `b\\_c`, as an imported text stores them, and the other way round); the
replacement is inserted exactly as the drafter wrote it. `regdraft amend from-edits` finds
phrases with these same functions (`regdraft.core.amend.replacements`), so what it writes matches
exactly what `apply` changes.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace as replaced

from regdraft.core.model import Address, Unit, unit_address
from regdraft.core.text import tone_key

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
# A backslash escape of the format (`\\*`, `b\\)`): one token, read as the mark it escapes (`_read`).
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SOURCE_TOKEN = re.compile(r"\\[!-/:-@\[-`{-~]|\w+|\s+|[^\w\s]")
# Marks written against the word before them (`công bằng, minh bạch`), and against the word after them.
_CLOSING = frozenset(",.;:!?)]}”…%")
_OPENING = frozenset("([{“")
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


@functools.cache
def _toneless_table() -> dict[int, str | None]:
    """Map every precomposed letter carrying a Vietnamese tone mark to the letter without it."""
    marks: dict[int, str | None] = {ord(mark): None for mark in _TONE_MARKS}
    table = dict(marks)
    # Built on first use: a few milliseconds most commands never need.
    for code in range(0xC0, 0x1F00):
        if not unicodedata.decomposition(chr(code)):
            continue  # NFD leaves it as it is: no tone mark to strip
        decomposed = unicodedata.normalize("NFD", chr(code))
        stripped = decomposed.translate(marks)
        if stripped != decomposed:
            table[code] = unicodedata.normalize("NFC", stripped)
    return table


# Cached because applying an amendment looks for each phrase in every paragraph, often
# several times (counting, then replacing; one pass per `Thay thế cụm từ` instruction). Large enough
# for every paragraph of a 1,000-article text: `amend from-edits` counts each candidate phrase in all
# of them, and a cache of 4,096 was emptied by each count before the next (100 edits of a 1,000-article
# text: 14.3-15.3 s with it, 12.2-13.0 s with this one, alternated).
@functools.lru_cache(maxsize=32768)
def _loose(text: str) -> str:
    # A cheap necessary condition: texts equal under tone_key are equal without any tone.
    return " ".join(_read(text)[0].translate(_toneless_table()).split())


def _read(text: str) -> tuple[str, tuple[int, ...] | None]:
    """`text` as it reads, its backslash escapes resolved (`2\\*3` → `2*3`), and for each character of that and
    its end the offset in `text` where it stands (None when `text` has no escape: the offsets are its own)."""
    if "\\" not in text or not _ESCAPE.search(text):
        return text, None
    read: list[str] = []
    at: list[int] = []
    i = 0
    while i < len(text):
        escaped = text[i] == "\\" and _ESCAPE.match(text, i)
        at.append(i)
        read.append(text[i + 1] if escaped else text[i])
        i += 2 if escaped else 1
    return "".join(read), (*at, len(text))


@functools.lru_cache(maxsize=65536)
def _key(token: str) -> str:
    # Cached: the same syllables and marks make up every paragraph.
    if token[0].isspace():
        return " "
    return tone_key(token) if token[0].isalnum() or token[0] == "_" else token


@functools.lru_cache(maxsize=1024)
def _keys(text: str) -> tuple[tuple[int, int, str], ...]:
    """The tokens of `text` as it reads, each with its start and end in `text` (an escape's backslash included)."""
    read, at = _read(text)
    if at is None:
        return tuple((m.start(), m.end(), _key(m.group())) for m in _TOKEN.finditer(text))
    return tuple((at[m.start()], at[m.end()], _key(m.group())) for m in _TOKEN.finditer(read))


@functools.lru_cache(maxsize=1024)
def _key_list(text: str) -> tuple[str, ...]:
    """The keys of `_keys(text)` alone, as `_starts` reads them (kept with them: `find` asks for one text's keys
    again for each phrase looked for in it)."""
    return tuple(k for _, _, k in _keys(text))


def tokens(text: str) -> list[str]:
    """`text` cut into the tokens phrases are matched by: words, whitespace runs, single marks; a backslash escape
    (`\\*`) is one, so that no phrase taken from the tokens begins or ends inside it."""
    return _SOURCE_TOKEN.findall(text) if "\\" in text else _TOKEN.findall(text)


def find(text: str, phrase: str) -> list[tuple[int, int]]:
    """The non-overlapping spans where `phrase` occurs in `text` as whole words, leftmost first."""
    wanted = " ".join(phrase.split())
    if not wanted or _loose(wanted) not in _loose(text):
        return []
    pattern = [k for _, _, k in _keys(wanted)]
    tokens = _keys(text)
    return [(tokens[i][0], tokens[i + len(pattern) - 1][1]) for i in _starts(_key_list(text), pattern)]


def _starts(keys: Sequence[str], pattern: list[str]) -> list[int]:
    """Where `pattern` starts in `keys`, leftmost first, each match after the one before it ends.

    Each distinct key of `pattern` is written as its number, any other key as `-`, each between two commas: the
    pattern's numbers then occur in the keys' exactly where its keys match, and one substring search in C finds them
    in time in proportion to the text (comparing the pattern again from every token was quadratic: sweep r33 AZ F2).
    """
    numbers = {key: str(n) for n, key in enumerate(dict.fromkeys(pattern))}
    needle = "," + ",".join(map(numbers.__getitem__, pattern)) + ","
    haystack = "," + ",".join(map(numbers.get, keys, itertools.repeat("-", len(keys)))) + ","
    starts: list[int] = []
    token = counted = 0  # the commas before `counted`: the number of the token after the comma there
    at = haystack.find(needle)
    while at >= 0:
        token += haystack.count(",", counted, at)
        counted = at
        starts.append(token)
        at = haystack.find(needle, at + len(needle) - 1)  # the next match may start at this one's closing comma
    return starts


_SEP = "\x00"  # between token keys in `_joined`; a text holding it is counted by `find`


@functools.lru_cache(maxsize=32768)
def _joined(text: str) -> str:
    """The keys of `text`'s tokens, each between two `_SEP`s: a phrase's keys, joined alike, occur in it
    exactly where the phrase's tokens match, so counting is one substring search in C."""
    return _SEP + _SEP.join(map(_key, _TOKEN.findall(_read(text)[0]))) + _SEP


def count(text: str, phrase: str) -> int:
    """How many times `phrase` occurs in `text` as whole words (as `find` finds them)."""
    wanted = " ".join(phrase.split())
    if not wanted or _loose(wanted) not in _loose(text):
        return 0
    if _SEP in text or _SEP in wanted:
        return len(find(text, phrase))
    pattern = _joined(wanted)
    keys = _joined(text)
    found = 0
    at = keys.find(pattern)
    while at >= 0:  # leftmost, not overlapping: the next match may start at this one's closing `_SEP`
        found += 1
        at = keys.find(pattern, at + len(pattern) - 1)
    return found


def replace(text: str, phrase: str, new: str | None, position: str = "") -> tuple[str, int]:
    """`text` with every whole-word occurrence of `phrase` replaced by `new` (deleted for None).

    With `position` `before` or `after`, `new` is added before or after each occurrence instead, one space
    apart, or none where it starts with a mark written against the word before it (`, minh bạch`).
    """
    spans = find(text, phrase)
    # Built from the last occurrence to the first, each seeing the text after it as already changed, and joined once
    # (the whole text built again for each occurrence was quadratic: 128,000 of them took 3.6 s).
    out: list[str] = []  # the changed text after the occurrence at hand, its last piece first
    head = ""  # the first character of that text
    kept = len(text)  # the unchanged text after the occurrence at hand ends here
    for n in range(len(spans) - 1, -1, -1):
        start, end = spans[n]
        gap = text[end:kept]
        out.append(gap)
        head = gap[:1] or head
        kept = start  # where the text before it ends: sooner where its spaces are left out
        after_space = text[start - 1:start] == " "
        found = text[start:end]
        if new is not None and position == "before":
            if new[:1] in _CLOSING and after_space:  # `, minh bạch` before `và hiệu quả`: the comma ends the word
                kept = _spaces_left_out(text, spans[n - 1][1] if n else 0, start)
            piece = new + ("" if new[-1:] in _OPENING else " ") + found
        elif new is not None and position:  # `, minh bạch` after `công bằng`: `công bằng, minh bạch`
            piece = found + ("" if new[:1] in _CLOSING else " ") + new
        elif new is not None:
            piece = new
        else:
            piece = ""
            # Deleting words must not leave a double space or a space before punctuation.
            if after_space and (not head or head.isspace() or head in ',.;:)”"'):
                kept = _spaces_left_out(text, spans[n - 1][1] if n else 0, start)
            if not kept:
                out = ["".join(reversed(out)).lstrip()]
                head = out[0][:1]
        out.append(piece)
        head = piece[:1] or head
    out.append(text[:kept])
    return "".join(reversed(out)), len(spans)


def _spaces_left_out(text: str, since: int, start: int) -> int:
    """Where `text` ends before `start` without the spaces there, none before `since` (the end of the occurrence
    before, a word or mark)."""
    return since + len(text[since:start].rstrip())


def loose_phrase(phrase: str) -> str:
    """What `count` and `find` look for first in a text's `loose_unit`: absent from it, the phrase occurs nowhere."""
    return _loose(" ".join(phrase.split()))


def loose_unit(unit: Unit) -> str:
    """Every text of a unit and the units inside it, as `count` and `find` compare them first, one per line (the
    texts of `unit_texts`, in its order): a phrase whose `loose_phrase` it does not hold occurs nowhere in the unit,
    nor in a text whose line does not hold it."""
    return "\n".join(map(_loose, unit_texts(unit)))


def unit_texts(unit: Unit) -> list[str]:
    """The texts `count_in_unit` counts in: the unit's title, text and closing text, then each unit inside's."""
    texts = [*((unit.title,) if unit.title else ()), *unit.text, *unit.closing]
    for child in unit.children:
        texts += unit_texts(child)
    return texts


def other_capitals(text: str, phrase: str, new: str | None = None) -> list[str]:
    """The occurrences of `phrase` in `text` that differ from it in capitals alone (`The archivist` for `the
    archivist`), as they stand: an instruction matches its words exactly, capitals included, and leaves these.
    Those that read as `new` are left out: in a text where `phrase` was replaced with `new` (`Ban chấp hành` with
    `Ban Chấp hành`), they are the replacement, not words the instruction left."""
    lower, wanted = text.lower(), phrase.lower()
    if len(lower) != len(text) or len(wanted) != len(phrase):
        return []  # a letter whose lower case is longer: spans would not line up (none in Vietnamese or English)
    folded = find(lower, wanted)
    exact = set(find(text, phrase)) if folded else set()
    return [text[start:end] for start, end in folded if (start, end) not in exact
            and not (new and find(text[start:end], new) == [(0, end - start)])]


def other_capitals_in_unit(unit: Unit, phrase: str, new: str | None = None) -> list[str]:
    """`other_capitals` in a unit's title, text, closing text and every unit inside."""
    texts = (*((unit.title,) if unit.title else ()), *unit.text, *unit.closing)
    found = [word for text in texts for word in other_capitals(text, phrase, new)]
    return found + [word for child in unit.children for word in other_capitals_in_unit(child, phrase, new)]


def count_in_unit(unit: Unit, phrase: str) -> int:
    """How often `phrase` occurs in a unit: its title, text, closing text and every unit inside."""
    total = count(unit.title, phrase) if unit.title else 0
    total += sum(count(t, phrase) for t in (*unit.text, *unit.closing))
    return total + sum(count_in_unit(c, phrase) for c in unit.children)


def replace_in_unit(unit: Unit, parent: Address | None, old: str, new: str | None, position: str,
                    record: Callable[[Address], None]) -> Unit:
    """`unit` with `old` replaced (see `replace`) in its title, text, closing text and every unit inside;
    `record` is called with the address of each unit whose own text changed. Unchanged units are shared."""
    address = unit_address(unit, parent)
    hits = 0
    title = unit.title
    if title:
        title, n = replace(title, old, new, position)
        hits += n
    texts: list[str] = []
    closing: list[str] = []
    for source, out in ((unit.text, texts), (unit.closing, closing)):
        for text in source:
            new_text, n = replace(text, old, new, position)
            hits += n
            out.append(new_text)
    if hits:
        record(address)
    children = tuple(replace_in_unit(c, address, old, new, position, record) for c in unit.children)
    if not hits and all(a is b for a, b in zip(children, unit.children, strict=True)):
        return unit
    return replaced(unit, title=title, text=tuple(texts), children=children, closing=tuple(closing))

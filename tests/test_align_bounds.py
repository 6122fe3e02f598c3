"""Finding moved provisions by similarity costs a few steps a pair, not a step a word of each pair: a
draft of 500 articles of 150 words put in reverse order (and lightly edited) took `compare` 18 s,
each of the 250,000 pairs of articles scored one dictionary look-up a word."""

from __future__ import annotations

import contextlib
import math
import random
from collections import Counter
from collections.abc import Callable
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regdraft.core import align as aligning
from regdraft.core.align import align, dice, flatten
from regdraft.core.markdown import parse
from regdraft.core.model import Kind
from regdraft.core.text import tone_key
from regdraft.core.word_index import WordLevels, candidates
from regdraft.importer import import_file
from tests import counting

from .conftest import CORPUS, needs_corpus

HEAD = "---\nid: E/1\ntype: Quy chế\ntitle: T\nlanguage: vi\nissuer: A\nsigned: 2021-01-09\n---\n\n"


def _texts(n: int, words: int) -> list[str]:
    rng = random.Random(7)
    syllables = [a + b for a in "bcdghklmnpqrstvx" for b in ("a", "á", "ơ", "ư", "ỗ", "iê", "uy", "an", "ông")]
    return [" ".join(rng.choice(syllables) for _ in range(words)) for _ in range(n)]


def _regulation(texts: list[str], order: list[int], edited: bool) -> str:
    def text(k: int) -> str:
        return texts[k].replace(texts[k].split()[2], "thay", 1) if edited else texts[k]

    return HEAD + "\n\n".join(f"## Điều {m}. Điều\n\n{text(k)}." for m, k in enumerate(order, 1)) + "\n"


def test_reordered_articles_are_paired_in_a_few_steps_a_pair() -> None:
    n = 150
    texts = _texts(n, 60)
    old = flatten(parse(_regulation(texts, list(range(n)), False), "a.md"))
    new = flatten(parse(_regulation(texts, list(reversed(range(n))), True), "b.md"))
    for item in (*old, *new):
        item.bag()  # the word bags are read once for any comparison: not what is counted
    count, pairs = counting.events(lambda: align(old, new, fold=tone_key), counting.in_module("core/align.py"))
    assert pairs == [(n - 1 - j, j) for j in range(n)]  # each article found where it moved, though edited
    assert count < 40 * n * n  # profile events: about 24 a pair, 130 before (a look-up a word)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from("abcdefghij"), st.integers(1, 6)), min_size=2, max_size=5))
def test_the_bit_levels_count_what_dice_counts(bags: list[dict[str, int]]) -> None:
    counters = [Counter(bag) for bag in bags]
    levels = WordLevels(counters)
    for a in counters:
        for b in counters:
            shared = sum((x & y).bit_count() for x, y in zip(levels.of(a), levels.of(b), strict=False))
            total = a.total() + b.total()
            assert (2 * shared / total if total else 0.0) == dice(a, b)


# Moved provisions are looked for only among the pairs an index of their rarer words finds (a prefix filter): the
# same pairs as scoring every one, at a small part of the pairs. Below, `_INDEX_FROM` set to infinity scores every
# pair (the brute force), and 0 with unbounded steps always uses the index, however little it prunes.
_BRUTE = {"_INDEX_FROM": math.inf}
_INDEXED = {"_INDEX_FROM": 0, "_STEPS_A_PAIR": math.inf, "_INDEX_STEPS": math.inf}


def _aligned(old: list[aligning.Item], new: list[aligning.Item], path: dict[str, float]) -> object:
    with contextlib.ExitStack() as stack:
        for name, value in path.items():
            stack.enter_context(mock.patch.object(aligning, name, value, create=True))
        return align(old, new, fold=tone_key)


def _topical(n: int) -> list[str]:
    """Articles as real ones are written: half common words, half the words of their subject (25 of 1,000)."""
    rng = random.Random(3)
    syllables = [c + v for c in ("b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "nh", "ng", "ph", "qu", "s", "t",
                                 "th", "tr", "v", "x")
                 for v in ("a", "á", "à", "ả", "ã", "ạ", "ê", "ế", "ề", "ơ", "ờ", "ở", "ư", "ứ", "ừ", "ông", "ống",
                           "ồng", "iê", "iế", "ươ", "ướ", "uy", "ân", "ấn", "ận", "anh", "ánh", "inh", "ính", "ình",
                           "ai", "ái", "ao", "áo", "oi", "ối", "an", "án", "ạn", "ăng", "ằng", "ên", "ền", "iệ", "ưu",
                           "ựu", "ỗ", "ộ", "ọ", "ó")]
    weights = [1 / rank for rank in range(1, len(syllables) + 1)]  # a few words in every article, most in few
    texts = []
    for _ in range(n):
        subject = rng.sample(syllables, 25)
        words = rng.choices(syllables, weights, k=75) + rng.choices(subject, k=75)
        rng.shuffle(words)
        texts.append(" ".join(words))
    return texts


def _reversed(texts: list[str]) -> tuple[list[aligning.Item], list[aligning.Item]]:
    n = len(texts)
    old = flatten(parse(_regulation(texts, list(range(n)), False), "a.md"))
    new = flatten(parse(_regulation(texts, list(reversed(range(n))), True), "b.md"))
    for item in (*old, *new):
        item.bag()  # the word bags are read once for any comparison: not what is counted
    return old, new


@pytest.mark.parametrize("n", [1000, pytest.param(2000, marks=pytest.mark.slow)])
def test_reordered_articles_over_the_pair_limit_are_paired_scoring_a_few_pairs_each(n: int) -> None:
    # 1,000,000 and 4,000,000 pairs: over the limit of pairs scored, moves were found by exact text only (none here).
    old, new = _reversed(_topical(n))
    count, pairs = counting.events(lambda: align(old, new, fold=tone_key), counting.in_module("core/align.py"))
    assert pairs == [(n - 1 - j, j) for j in range(n)]
    assert count < 1_000 * n  # profile events: about 700 an article; scoring every pair took 24 a pair, 24 * n


def test_reordered_articles_within_the_limit_cost_a_tenth_of_scoring_every_pair() -> None:
    old, new = _reversed(_topical(250))
    counted = counting.in_module("core/align.py")
    brute, every = counting.events(lambda: _aligned(old, new, _BRUTE), counted)
    count, pairs = counting.events(lambda: align(old, new, fold=tone_key), counted)
    assert pairs == every == [(249 - j, j) for j in range(250)]
    assert count * 10 < brute  # about 740 profile events an article, against 45 a pair


_SYLLABLES = ("quy", "định", "Định", "đinh", "của", "và", "đảng", "viên", "ban", "tỉnh", "ủy", "uỷ", "kiểm", "tra")


@st.composite
def _versions(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """Two versions of a few articles: some alike word for word (boilerplate), others near copies of each other,
    reordered, edited a word or two, some removed, some added, over a dozen words."""
    words = st.lists(st.sampled_from(_SYLLABLES), min_size=0, max_size=24)
    pool = draw(st.lists(words, min_size=1, max_size=4))
    old = []
    for _ in range(draw(st.integers(1, 14))):
        text = list(draw(st.sampled_from(pool)))
        for _ in range(draw(st.integers(0, 3))):
            remove: bool = draw(st.booleans())
            if text and remove:
                del text[draw(st.integers(0, len(text) - 1))]
            else:
                text.insert(draw(st.integers(0, len(text))), draw(st.sampled_from(_SYLLABLES)))
        old.append(text)
    new = [list(text) for text in draw(st.permutations(old))]
    for text in new:
        for _ in range(draw(st.integers(0, 2))):
            text.insert(draw(st.integers(0, len(text))), draw(st.sampled_from(_SYLLABLES)))
    if draw(st.booleans()):  # some removed, some copied
        new = draw(st.lists(st.sampled_from(new), max_size=len(new) + 2))
    return [" ".join(t) or "Trống" for t in old], [" ".join(t) or "Trống" for t in new]


def _document(texts: list[str], headings: bool) -> list[aligning.Item]:
    # With headings, a chapter whose title holds the article's words: never paired with an article.
    body = "\n\n".join((f"# Chương {m // 3 + 1}. {text.upper()}\n\n" if headings and m % 3 == 0 else "")
                       + f"## Điều {m + 1}. Điều\n\n{text}." for m, text in enumerate(texts))
    return flatten(parse(HEAD + body + "\n", "a.md"))


@settings(max_examples=300, deadline=None)
@given(_versions(), st.booleans())
def test_the_index_finds_the_pairs_scoring_every_pair_finds(versions: tuple[list[str], list[str]],
                                                          headings: bool) -> None:
    old, new = _document(versions[0], headings), _document(versions[1], headings)
    assert _aligned(old, new, _INDEXED) == _aligned(old, new, _BRUTE)
    found = candidates(old, new, math.inf, aligning.MOVE)
    assert found is not None
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            if a.unit.kind is b.unit.kind and a.similarity(b) >= aligning.MOVE:
                assert j in found[i], (a.content(), b.content())


@needs_corpus
def test_the_index_pairs_the_articles_of_five_real_laws_as_scoring_every_pair() -> None:
    texts = [" ".join(item.content().split()) for path in sorted(CORPUS.glob("*.txt"))
             for item in flatten(import_file(path).regulation) if item.unit.kind is Kind.ARTICLE]
    old, new = _reversed(texts)
    assert _aligned(old, new, _INDEXED) == _aligned(old, new, _BRUTE) == align(old, new, fold=tone_key)


def test_a_redline_walks_the_old_text_once_for_its_outline() -> None:
    """`flatten` keeps the items of the last two texts it walked: a comparison walks both, and its redline's reading
    order asks for the old text's again (`moves.top_ranks`), which then walks nothing. Each call gets its own list,
    equal to a fresh walk."""
    from regdraft.core.diff import compare
    from regdraft.core.moves import top_ranks

    from .conftest import SHIPPED_REGULATION

    text = SHIPPED_REGULATION.read_text(encoding="utf-8")
    old, new = parse(text), parse(text.replace("Điều 3.", "Điều 3. Mới", 1))
    walked = counting.in_module("core/align.py")

    def visits(action: Callable[[], object]) -> int:
        return counting.events(action, lambda frame, event: walked(frame, event) and event == "call"
                               and frame.f_code.co_name == "_visit")[0]

    assert visits(lambda: compare(old, new)) > 0
    assert visits(lambda: top_ranks(old)) == 0
    mine = flatten(old)
    mine.clear()
    aligning._FLATTENED = ()
    fresh = flatten(old)
    assert [(i.key, i.address, i.depth) for i in flatten(old)] == [(i.key, i.address, i.depth) for i in fresh] != []

"""A text read with the articles of an earlier reading (`markdown.read(reuse=)`) is read exactly as
from scratch: the same tree, line numbers included, the same problems and doubtful paragraphs.

Edited texts come from the shipped regulation (both languages) and the corpus laws, changed as a
drafter changes them (a word, a line added, removed, doubled or swapped, an article added, a title
changed) and as a careless edit breaks them (a heading that names no unit inside an article, a
closing-text or continuation marker in the wrong place). The articles an edit leaves alone are
taken from the earlier reading, moved to their new lines.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regdraft.core.markdown import Chunks, Delta, Reading, read
from regdraft.core.markdown_writer import render
from regdraft.core.model import Kind, Regulation, Unit
from regdraft.workspace import cache_entries, parse_cache
from tests.conftest import CORPUS, SHIPPED_ENGLISH, SHIPPED_REGULATION, needs_corpus
from tests.strategies import regulations


def _lines(unit: Unit) -> Iterator[tuple[str, str, int]]:
    yield unit.kind.value, unit.label, unit.line
    for child in unit.children:
        yield from _lines(child)


def _same_reading(got: Reading, expected: Reading) -> None:
    assert got.regulation == expected.regulation
    assert [x for u in got.regulation.units for x in _lines(u)] == \
        [x for u in expected.regulation.units for x in _lines(u)]
    assert got.problems == expected.problems
    assert got.warnings == expected.warnings


def _articles(units: tuple[Unit, ...]) -> Iterator[Unit]:
    for unit in units:
        if unit.kind is Kind.ARTICLE:
            yield unit
        else:
            yield from _articles(unit.children)


_EDITS = ("word", "add", "drop", "double", "swap", "article", "title", "stray heading", "closing marker",
          "continued marker", "clause", "blank lines", "fence", "table", "dotted point", "pasted heading")


def _edited(text: str, rng: random.Random, edit: str) -> str:
    lines = text.split("\n")
    body = next(i for i, line in enumerate(lines) if line.startswith("#"))  # past the front matter
    k = rng.randrange(body, len(lines))
    if edit == "word":
        words = lines[k].split(" ")
        words.insert(rng.randrange(len(words) + 1), "(sửa)")
        lines[k] = " ".join(words)
    elif edit == "add":
        lines[k:k] = ["Đoạn văn thêm vào giữa chừng.", ""]
    elif edit == "drop":
        del lines[k]
    elif edit == "double":
        lines.insert(k, lines[k])
    elif edit == "swap" and k + 1 < len(lines):
        lines[k], lines[k + 1] = lines[k + 1], lines[k]
    elif edit == "article":
        lines[k:k] = ["", "## Điều 999. Điều thêm", "", "1\\. Khoản một của điều thêm.", ""]
    elif edit == "title":
        headings = [i for i in range(body, len(lines)) if lines[i].startswith("#")]
        i = rng.choice(headings)
        lines[i] += " (sửa tên)"
    elif edit == "stray heading":
        lines[k:k] = ["", "## Ghi chú của người soạn", ""]
    elif edit == "closing marker":
        lines[k:k] = ["", "<!-- đoạn cuối -->", ""]
    elif edit == "continued marker":
        lines[k:k] = ["", "<!-- tiếp -->", ""]
    elif edit == "clause":
        lines[k:k] = ["", "7\\. Khoản chen vào.", ""]
    elif edit == "blank lines":
        lines[k:k] = ["", "", ""]
    elif edit == "fence":  # a code fence anywhere sends the whole text through markdown-it
        lines[k:k] = ["", "```", "mã", "", "## Điều 1. Không phải tiêu đề", "```", ""]
    elif edit == "dotted point":  # read as text, with a warning the reused article must give again
        lines[k:k] = ["", "a. Điểm gõ bằng dấu chấm.", ""]
    elif edit == "pasted heading":
        lines[k:k] = ["", "**Điều 998. Tiêu đề dán từ Word**", ""]
    elif edit == "table":
        lines[k:k] = ["", "| Cột | Cột |", "| --- | --- |", "| một | hai |", ""]
    return "\n".join(lines)


def _texts() -> Iterator[tuple[str, str]]:
    yield "01-QC-TU.md", SHIPPED_REGULATION.read_text(encoding="utf-8")
    yield "01-QC-TU-EN.md", SHIPPED_ENGLISH.read_text(encoding="utf-8")


def _check_edits(name: str, text: str, rounds: int, seed: int) -> int:
    """Read `rounds` edited texts, each with the articles of the one before; the number of articles reused."""
    rng = random.Random(seed)
    chunks: Chunks = {}
    _same_reading(read(text, name, chunks=chunks), read(text, name))
    reused = 0
    for n in range(rounds):
        edit = _EDITS[n % len(_EDITS)]
        text = _edited(text, rng, edit)
        kept = {id(unit) for unit, _ in chunks.values()}
        following: Chunks = {}
        got = read(text, name, reuse=chunks, chunks=following)
        _same_reading(got, read(text, name))
        reused += sum(id(a) in kept for a in _articles(got.regulation.units))
        chunks = following
    return reused


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize(("name", "text"), list(_texts()), ids=["vi", "en"])
def test_an_edited_shipped_text_reads_the_same_with_the_earlier_articles(name: str, text: str, seed: int) -> None:
    assert _check_edits(name, text, 24, seed) > 0


# The seven laws, and the two texts the corpus's amending documents amend (Luật Đấu thầu 22/2023,
# Nghị định 63/2010 with its tables).
_LAWS = sorted([*CORPUS.glob("*.txt"), *CORPUS.parent.glob("amendments/*/base-*.txt")]) if CORPUS.is_dir() else []


@needs_corpus
@pytest.mark.parametrize("law", _LAWS, ids=[p.name for p in _LAWS])
def test_an_edited_corpus_law_reads_the_same_with_the_earlier_articles(law: Path) -> None:
    from regdraft.importer import import_file

    text = render(import_file(law).regulation)
    assert _check_edits(law.name, text, 24, 7) > 0


def test_unchanged_articles_are_taken_from_the_earlier_reading_and_moved_to_their_new_lines() -> None:
    text = SHIPPED_REGULATION.read_text(encoding="utf-8")
    chunks: Chunks = {}
    before = read(text, "01-QC-TU.md", chunks=chunks).regulation
    articles = list(_articles(before.units))
    assert len(chunks) == len(articles) > 30  # the shipped text reads cleanly: every article is kept
    # Two lines added to the body of the fifth article: it is read again; the others are the units
    # read before, those after it two lines further down.
    lines = text.split("\n")
    fifth = lines.index(next(line for line in lines if line.startswith("## Điều 5.")))
    lines[fifth + 1:fifth + 1] = ["", "Đoạn mở đầu thêm vào."]
    edited = "\n".join(lines)
    got = read(edited, "01-QC-TU.md", reuse=chunks)
    _same_reading(got, read(edited, "01-QC-TU.md"))
    now = list(_articles(got.regulation.units))
    assert [a.label for a in now] == [a.label for a in articles]
    for old, new in zip(articles, now, strict=True):
        if old.label == "5":
            assert new != old and new.text[0] == "Đoạn mở đầu thêm vào."
        elif int(old.label) < 5:
            assert new is old
        else:
            assert new == old and new is not old and new.line == old.line + 2
            assert all(n.line == o.line + 2 for n, o in zip(new.children, old.children, strict=True))


def _first_clause_of_article_3_twice() -> tuple[list[str], int]:
    """The shipped text's lines with khoản 1 Điều 3 written twice, and the index of its first line."""
    lines = SHIPPED_REGULATION.read_text(encoding="utf-8").split("\n")
    third = lines.index(next(line for line in lines if line.startswith("## Điều 3.")))
    first_clause = next(k for k in range(third, len(lines)) if lines[k].startswith("1\\. "))
    lines[first_clause + 1:first_clause + 1] = ["", lines[first_clause]]
    return lines, first_clause


def test_an_article_with_a_problem_inside_is_not_kept() -> None:
    # A clause of Điều 3 numbered twice: a problem of the structure inside it. A closing-text marker that closes
    # nothing in Điều 2: the reader's own problem. Both are read again, and checked, every time: an article kept
    # is not checked inside again (`validate(clean=)`).
    lines, _ = _first_clause_of_article_3_twice()
    second = lines.index(next(line for line in lines if line.startswith("## Điều 2.")))
    lines[second + 1:second + 1] = ["", "<!-- đoạn cuối -->", ""]
    text = "\n".join(lines)
    chunks: Chunks = {}
    reading = read(text, "01-QC-TU.md", chunks=chunks)
    assert any("closing-text marker" in p.message for p in reading.problems)
    assert any("appears twice" in p.message for p in reading.problems)
    kept = {unit.label for unit, _ in chunks.values()}
    assert "2" not in kept and "3" not in kept and "1" in kept and "4" in kept
    again = read(text, "01-QC-TU.md", reuse=chunks)
    _same_reading(again, reading)
    assert any("appears twice" in p.message for p in again.problems)


def test_validate_does_not_look_inside_an_article_known_clean() -> None:
    from regdraft.core.validate import validate

    lines, first_clause = _first_clause_of_article_3_twice()
    regulation = read("\n".join(lines), "01-QC-TU.md").regulation
    article = next(a for a in _articles(regulation.units) if a.label == "3")
    dirty: set[int] = set()
    assert [p.line for p in validate(regulation, dirty=dirty) if "appears twice" in p.message] == [first_clause + 3]
    assert dirty == {id(article)}
    assert not [p for p in validate(regulation, clean={id(article)}) if "appears twice" in p.message]
    # Where it stands is still checked: the article sequence, across the articles.
    assert validate(regulation.with_units(tuple(reversed(regulation.units))), clean={id(article)})


def test_the_old_text_of_a_compare_gives_the_edited_one_its_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse_cache, "_memory", type(parse_cache._memory)())
    monkeypatch.setattr(parse_cache, "_articles", type(parse_cache._articles)())
    text = SHIPPED_REGULATION.read_text(encoding="utf-8")
    edited = text.replace("Điều lệ Đảng", "Điều lệ Đảng (sửa)", 1)
    old = parse_cache.read_regulation_outside(text, "old.md").regulation
    new = parse_cache.read_regulation_outside(edited, "new.md")
    _same_reading(new, read(edited, "new.md"))
    shared = {id(a) for a in _articles(old.units)} & {id(a) for a in _articles(new.regulation.units)}
    assert len(shared) >= len(list(_articles(old.units))) - 1
    # The next run: the old text's reading comes from the cache folder with its articles.
    parse_cache._memory.clear()
    parse_cache._articles.clear()
    again = parse_cache.read_regulation_outside(text, "old.md").regulation
    assert again is not old and again == old
    assert len(parse_cache._articles) == 1
    edited_again = edited.replace("Điều lệ Đảng (sửa)", "Điều lệ Đảng (sửa lần hai)", 1)
    newer = parse_cache.read_regulation_outside(edited_again, "new.md")
    _same_reading(newer, read(edited_again, "new.md"))
    shared = {id(a) for a in _articles(again.units)} & {id(a) for a in _articles(newer.regulation.units)}
    assert len(shared) >= len(list(_articles(again.units))) - 1


def _check_delta(folder: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, edit: str) -> None:
    """The old text kept whole, the edited one as a delta of it (`parse_cache._packed`); a later run loads the
    delta with the old text's articles and reads the same as the edited text read from scratch."""
    for attribute in ("_memory", "_articles", "_whole"):
        monkeypatch.setattr(parse_cache, attribute, type(getattr(parse_cache, attribute))())
    edited = _edited(text, random.Random(edit), edit)
    parse_cache._regulation(folder, text, name)
    first = parse_cache._regulation(folder, edited, name)
    kept = cache_entries.load(folder, parse_cache._key("regulation", edited, (name,)))
    # A code fence sends the whole text through markdown-it (`blocks.heading_cuts`): no article is read alone,
    # and the reading is kept whole.
    assert isinstance(kept, tuple if edit == "fence" else Delta)
    for kept in (parse_cache._memory, parse_cache._articles, parse_cache._whole):
        kept.clear()
    again = parse_cache._regulation(folder, edited, name)
    expected = read(edited, name)
    _same_reading(first, expected)
    _same_reading(again, expected)


@pytest.mark.parametrize("edit", _EDITS)
@pytest.mark.parametrize(("name", "text"), list(_texts()), ids=["vi", "en"])
def test_an_edited_text_kept_as_a_delta_loads_as_it_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          name: str, text: str, edit: str) -> None:
    _check_delta(tmp_path, monkeypatch, name, text, edit)


@pytest.mark.slow
@needs_corpus
@pytest.mark.parametrize("law", _LAWS, ids=[p.name for p in _LAWS])
def test_an_edited_corpus_law_kept_as_a_delta_loads_as_it_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                law: Path) -> None:
    from regdraft.importer import import_file

    text = import_file(law).text
    for edit in ("word", "add", "drop", "article", "clause", "table", "title"):
        _check_delta(tmp_path / edit, monkeypatch, law.name, text, edit)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(regulations(), regulations(), st.data())
def test_any_text_reads_the_same_with_the_articles_of_another(first: Regulation, other: Regulation,
                                                               data: st.DataObject) -> None:
    # The second text is the first with its top-level units cut, moved or joined by another text's:
    # the same articles at other lines and under other headings, and numbering problems around them.
    units = list(first.units)
    k = data.draw(st.integers(0, len(units)))
    edit = data.draw(st.sampled_from(["insert", "drop", "move"]))
    if edit == "insert":
        units[k:k] = other.units[: data.draw(st.integers(1, 2))]
    elif units and edit == "drop":
        del units[min(k, len(units) - 1)]
    elif units:
        units.insert(k, units.pop(0))
    chunks: Chunks = {}
    read(render(first), "a.md", chunks=chunks)
    text = render(first.with_units(tuple(units)))
    _same_reading(read(text, "b.md", reuse=chunks), read(text, "b.md"))



def _inits_counted(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The calls of `Unit.__init__` from now on, each recorded (and made)."""
    calls: list[object] = []
    init = Unit.__init__

    def counted(self: Unit, *args: object, **kwargs: object) -> None:
        calls.append(args)
        init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Unit, "__init__", counted)
    return calls

def test_articles_moved_to_new_lines_are_built_without_the_data_class_init(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line added early moves every later article: each unit is built as a cached reading loads it, field for field
    what `Unit(...)` gives, without a call of the data class's `__init__` per unit."""
    from regdraft.core.markdown import moved

    regulation = read(SHIPPED_REGULATION.read_bytes(), "x").regulation

    def by_init(unit: Unit, delta: int) -> Unit:
        return Unit(unit.kind, unit.label, unit.title, unit.text, tuple(by_init(c, delta) for c in unit.children),
                    unit.repealed, unit.line + delta, unit.closing)

    expected = [by_init(unit, 3) for unit in regulation.units]
    calls = _inits_counted(monkeypatch)
    got = [moved(unit, 3) for unit in regulation.units]
    assert got == expected and repr(got) == repr(expected) and calls == []
    assert [unit.line for unit in got] == [unit.line + 3 for unit in regulation.units]
    assert moved(regulation.units[0], 0) is regulation.units[0]


def test_a_text_read_anew_builds_its_units_without_the_data_class_init(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every unit of a text read from scratch (a cold run parses both texts) is built field for field as a cached
    reading loads it: the same units, repealed ones included, without a call of `Unit.__init__` per unit."""
    text = SHIPPED_REGULATION.read_text(encoding="utf-8")
    first = text.index("\n## Điều 2.")
    end = text.index("\n## Điều 3.")
    text = text[:first] + "\n## Điều 2. (được bãi bỏ)\n" + text[end:]  # a repealed article too
    expected = read(text, "x")
    calls = _inits_counted(monkeypatch)
    got = read(text, "x")
    assert got == expected and repr(got) == repr(expected) and calls == []
    assert [found.unit.label for found in got.regulation.walk() if found.unit.repealed] == ["2"]

"""Long texts (a whole report pasted as one line): compared sentence by sentence first, bounded, exact."""

from __future__ import annotations

import html
import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from regdraft.cli import cli
from regdraft.core import word_diff as word_diff_module
from regdraft.core.diff import compare
from regdraft.core.markdown import parse
from regdraft.core.sentences import match_pieces, pieces
from regdraft.core.word_diff import LONG_TEXT, Op, diff_words, new_side, old_side
from tests.conftest import unsaid
from tests.strategies import VI_WORDS

HEAD = "---\nid: X/1\ntype: Quy chế\ntitle: Một dòng dài\nlanguage: vi\nissuer: A\nsigned: 2021-01-09\n---\n\n"


def _sentences(count: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        words = [rng.choice(VI_WORDS) for _ in range(rng.randint(6, 24))]
        out.append(" ".join(words).capitalize() + rng.choice([".", ".", ";", "!"]))
    return out


def _edits(segments: tuple[word_diff_module.DiffSegment, ...]) -> list[tuple[Op, str]]:
    return [(s.op, s.text) for s in segments if s.op is not Op.EQUAL]


def test_pieces_rebuild_the_text_and_an_edit_leaves_other_sentences_alone() -> None:
    text = " ".join(_sentences(400))
    parts = pieces(text, 32)
    assert "".join(parts) == text
    edited = text.replace(parts[200], parts[200].replace(" ", " mới ", 1), 1)
    after = pieces(edited, 32)
    assert after[:200] == parts[:200] and after[201:] == parts[201:]


def test_a_sentence_without_punctuation_is_cut_where_its_words_say() -> None:
    words = [f"từ{i}" for i in range(20_000)]
    text = " ".join(words)
    parts = pieces(text)
    assert "".join(parts) == text and len(parts) > 20
    assert max(map(len, parts)) <= 1600
    # an inserted word changes only the piece it falls in: the cut points come from the words
    shifted = pieces(" ".join([*words[:10_000], "chen", *words[10_000:]]))
    assert len(set(shifted) - set(parts)) == 1


def test_matched_pieces_increase_on_both_sides_and_pair_equal_pieces() -> None:
    a = ["x", "a", "b", "x", "c", "d", "x"] * 200
    b = ["x", "a", "B", "x", "c", "d", "x"] * 200
    pairs = match_pieces(a, b, lambda x, y: [(i, i) for i in range(min(len(x), len(y))) if x[i] == y[i]])
    assert all(a[i] == b[j] for i, j in pairs)
    assert all(i1 < i2 and j1 < j2 for (i1, j1), (i2, j2) in zip(pairs, pairs[1:], strict=False))


def test_a_long_line_with_a_few_edits_shows_only_those_edits() -> None:
    sentences = _sentences(3000)
    old = " ".join(sentences)
    assert len(old) > 10 * LONG_TEXT
    changed = list(sentences)
    changed[10] = changed[10].replace(" ", " Ban Chấp hành ", 1)
    changed[1500] = changed[1500][:-1] + ", bảo đảm kịp thời" + changed[1500][-1]
    words = changed[2900].split(" ")
    changed[2900] = " ".join(words[:2] + words[3:])
    new = " ".join(changed)
    segments = diff_words(old, new)
    assert old_side(segments) == old and new_side(segments) == new
    edits = _edits(segments)
    assert (Op.INSERT, "Ban Chấp hành ") in edits
    assert (Op.INSERT, ", bảo đảm kịp thời") in edits
    assert (Op.DELETE, words[2] + " ") in edits or (Op.DELETE, " " + words[2]) in edits
    assert sum(len(text) for _, text in edits) < 100


def test_texts_with_more_words_than_codes_compare_without_failing() -> None:
    # 150,000 different words: more than the character diff has codes for (it used to raise ValueError)
    old_words = [f"w{i}" for i in range(150_000)]
    new_words = list(old_words)
    new_words[70_000] = "đổi"
    old, new = " ".join(old_words), " ".join(new_words)
    segments = diff_words(old, new)
    assert old_side(segments) == old and new_side(segments) == new
    assert _edits(segments) == [(Op.DELETE, "w70000"), (Op.INSERT, "đổi")]


def test_a_run_too_long_to_compare_word_by_word_is_replaced_whole_and_exactly(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word_diff_module, "RUN_WORDS", 10)
    sentences = _sentences(600)
    changed = list(sentences)
    changed[300] = changed[300].replace(" ", " mới ", 1)
    old, new = " ".join(sentences), " ".join(changed)
    segments = diff_words(old, new)
    assert old_side(segments) == old and new_side(segments) == new
    assert [op for op, _ in _edits(segments)] == [Op.DELETE, Op.INSERT]
    deleted = _edits(segments)[0][1]
    assert sentences[300] in deleted and len(deleted) < 3 * len(sentences[300])


def test_tone_placement_in_a_long_text_is_no_change_unless_strict() -> None:
    sentences = _sentences(800)
    sentences[400] = "Ban Thường vụ Tỉnh ủy họp định kỳ."
    old = " ".join(sentences)
    new = old.replace("Tỉnh ủy họp", "Tỉnh uỷ họp")
    assert _edits(diff_words(old, new)) == []
    assert old_side(diff_words(old, new)) == old
    assert _edits(diff_words(old, new, strict_tones=True)) == [(Op.DELETE, "ủy"), (Op.INSERT, "uỷ")]


@st.composite
def _long_pair(draw: st.DrawFn) -> tuple[str, str]:
    sentences = _sentences(draw(st.integers(300, 700)), seed=draw(st.integers(0, 1000)))
    changed = list(sentences)
    for _ in range(draw(st.integers(0, 8))):
        k = draw(st.integers(0, len(changed) - 1))
        edit = draw(st.sampled_from(["ins", "del", "sub", "drop", "add"]))
        words = changed[k].split(" ")
        at = draw(st.integers(0, len(words) - 1))
        if edit == "ins":
            words.insert(at, draw(st.sampled_from(VI_WORDS)))
        elif edit == "del" and len(words) > 1:
            del words[at]
        elif edit == "sub":
            words[at] = draw(st.sampled_from(VI_WORDS))
        changed[k] = " ".join(words)
        if edit == "drop":
            del changed[k]
        elif edit == "add":
            changed.insert(k, draw(st.sampled_from(sentences)))
    separator = draw(st.sampled_from([" ", "\n", "  "]))
    return separator.join(sentences), separator.join(changed)


@settings(max_examples=25, deadline=None)
@given(_long_pair(), st.booleans())
def test_long_texts_rebuild_both_sides(pair: tuple[str, str], strict: bool) -> None:
    old, new = pair
    segments = diff_words(old, new, strict_tones=strict)
    assert old_side(segments) == old
    assert new_side(segments) == new
    assert all(s.text or s.old_text for s in segments)


def _paragraph(page: str, start: str) -> str:
    found: list[str] = [p for p in re.findall(r"<p[^>]*>(.*?)</p>", page, re.S) if start in p]
    return max(found, key=len)


def _text(fragment: str, drop: str) -> str:
    fragment = re.sub(rf"<{drop}\b[^>]*>.*?</{drop}>", "", fragment, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.mark.slow
def test_compare_of_a_5_mb_line_writes_a_redline_that_rebuilds_both_sides(tmp_path: Path) -> None:
    sentences = _sentences(55_000, seed=7)
    changed = list(sentences)
    changed[5] = changed[5].replace(" ", " Ban Chấp hành ", 1)
    changed[20_000] = changed[20_000][:-1] + " và các quy định khác."
    del changed[54_000]
    old_line, new_line = " ".join(sentences), " ".join(changed)
    assert len(old_line.encode("utf-8")) > 5_000_000
    old_file, new_file = tmp_path / "old.md", tmp_path / "new.md"
    old_file.write_text(HEAD + "## Điều 1. Dài\n\n" + old_line + "\n", encoding="utf-8")
    new_file.write_text(HEAD + "## Điều 1. Dài\n\n" + new_line + "\n", encoding="utf-8")
    out = tmp_path / "redline.html"

    result = CliRunner().invoke(cli, ["compare", str(old_file), str(new_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "(1 change)" in result.output
    paragraph = _paragraph(unsaid(out.read_text(encoding="utf-8")), sentences[0][:20])
    assert _text(paragraph, "del") == new_line
    assert _text(paragraph, "ins") == old_line

    same = CliRunner().invoke(cli, ["compare", str(old_file), str(old_file), "-o", str(out)])
    assert same.exit_code == 0 and "(0 changes)" in same.output


def test_compare_of_long_identical_articles_has_no_change() -> None:
    text = HEAD + "## Điều 1. Dài\n\n" + " ".join(_sentences(2000)) + "\n"
    result = compare(parse(text), parse(text))
    assert result.changes == ()

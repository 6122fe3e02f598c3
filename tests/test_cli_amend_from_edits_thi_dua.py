"""`amend from-edits` on Luật Thi đua, khen thưởng 2003, as a senior legal editor tried it: a phrase replaced
throughout then put back at one place, titles in quotes (`"Lao động tiên tiến"`) renamed at some of their places,
and a phrase between a comma and `hoặc` (`kỷ luật, xử phạt hành chính hoặc`)."""

from __future__ import annotations

from pathlib import Path

from regdraft.core.amend import load_amendment
from regdraft.core.amend.readable import cost
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.importer import import_file

from .conftest import CORPUS, Invoke, needs_corpus
from .test_amend_edits import body, reproduces

LAW = CORPUS / "luat-thi-dua-khen-thuong.txt"
TITLE = '"Lao động tiên tiến"'
# Its places, in document order: điểm d khoản 1 Điều 20, khoản 1 Điều 23, khoản 1 and khoản 3 Điều 24, điểm c
# khoản 1 Điều 27 and Điều 28, and khoản 1 Điều 80, which also holds `"Tập thể lao động tiên tiến"`.
PLACES = 7
SANCTION = ("xử phạt hành chính", "xử phạt vi phạm hành chính")  # in khoản 1 and khoản 2 Điều 96, after `kỷ luật,`


def _law() -> str:
    return render(import_file(LAW).regulation)


def _at(text: str, old: str, new: str, places: set[int]) -> str:
    """`text` with the occurrences of `old` numbered in `places` (from 0) replaced by `new`."""
    parts = text.split(old)
    assert len(parts) > max(places) + 1, old
    out = parts[0]
    for n, part in enumerate(parts[1:]):
        out += (new if n in places else old) + part
    return out


def _instructions(law: str, edited: str) -> list[str]:
    """The instructions written for `edited`, each its first line, checked to give back `edited` when applied."""
    reproduces(parse(law, "old.md"), parse(edited, "new.md"))
    return [line for line in body(law, edited).splitlines() if line[:1].isdigit()]


# Quoted phrases are whole words: not cut inside a compound, a quoted title, or across a comma ---------------


@needs_corpus
def test_a_title_renamed_at_each_place_is_quoted_whole() -> None:
    # It wrote `Thay thế cụm từ “động tiên tiến” bằng cụm từ “động giỏi”`, cutting `Lao động`: khoản 1 Điều 80 also
    # holds `"Tập thể lao động tiên tiến"`, so `Lao động tiên tiến` was refused for every place, not for that one.
    law = _law()
    edited = law.replace(TITLE, '"Lao động giỏi"')
    assert _instructions(law, edited) == [
        "1\\. Sửa đổi, bổ sung khoản 1 Điều 80 như sau:",
        "2\\. Thay thế cụm từ “Lao động tiên tiến” bằng cụm từ “Lao động giỏi” tại điểm d khoản 1 Điều 20, khoản 1 "
        "Điều 23, khoản 1 và khoản 3 Điều 24, điểm c khoản 1 Điều 27 và điểm c khoản 1 Điều 28."]


@needs_corpus
def test_a_word_added_to_a_quoted_title_quotes_the_title() -> None:
    # It wrote `Thay thế cụm từ “Lao động” bằng cụm từ “Người lao động”`, cutting the title in two.
    law = _law()
    edited = _at(law, TITLE, '"Người lao động tiên tiến"', {4, 5})
    assert _instructions(law, edited) == [
        "1\\. Thay thế cụm từ “Lao động tiên tiến” bằng cụm từ “Người lao động tiên tiến” tại điểm c khoản 1 Điều 27 "
        "và điểm c khoản 1 Điều 28."]


@needs_corpus
def test_a_phrase_stops_at_the_comma_before_it_and_the_conjunction_after_it() -> None:
    # It wrote `Thay thế cụm từ “luật, xử phạt hành chính” …`, starting inside `kỷ luật` and taking in the comma.
    law = _law()
    edited = law.replace(*SANCTION)
    assert _instructions(law, edited) == [
        "1\\. Thay thế cụm từ “xử phạt hành chính” bằng cụm từ “xử phạt vi phạm hành chính” trong toàn bộ Luật."]


@needs_corpus
def test_a_phrase_starting_inside_a_quoted_title_costs_as_it_reads() -> None:
    # `"Lao` starts a name though its first character is the quote mark: `động tiên tiến` after it cuts the name.
    paragraph = next(p for p in _law().splitlines() if p.startswith("d) " + TITLE))
    start = paragraph.index("động tiên tiến")
    assert cost(paragraph, start, start + len("động tiên tiến")) > cost(paragraph, start - 4, start + 14)


@needs_corpus
def test_a_title_renamed_at_six_of_its_seven_places_is_one_phrase_instruction() -> None:
    # It wrote five instructions, one re-enacting the whole of Điều 24 for the title's new word.
    law = _law()
    assert law.count(TITLE) == PLACES
    edited = _at(law, TITLE, '"Người lao động tiên tiến"', set(range(1, PLACES)))
    assert _instructions(law, edited) == [
        "1\\. Sửa đổi, bổ sung khoản 1 Điều 80 như sau:",
        "2\\. Thay thế cụm từ “Lao động tiên tiến” bằng cụm từ “Người lao động tiên tiến” tại khoản 1 Điều 23, "
        "khoản 1 và khoản 3 Điều 24, điểm c khoản 1 Điều 27 và điểm c khoản 1 Điều 28."]


# A replacement narrowed on a rerun is rewritten, never undone by a second instruction -----------------------


def _workspace(invoke: Invoke, root: Path) -> Path:
    for args in (("init", str(root)), ("import", str(LAW))):
        result = invoke(root if args[0] != "init" else None, *args)
        assert result.exit_code == 0, result.output
    return root / "regulations" / "15-2003-QH11.md"


def _from_edits(invoke: Invoke, root: Path, slug: str, edited: Path, *new: str) -> list[str]:
    """The instructions `from-edits` writes from `edited`, checked to give back `edited` exactly when applied."""
    result = invoke(root, "amend", "from-edits", slug, *new, "--edited", str(edited))
    assert result.exit_code == 0, result.output
    preview = edited.with_suffix(".preview.md")
    result = invoke(root, "amend", "preview", slug, "-o", str(preview))
    assert result.exit_code == 0, result.output
    assert preview.read_text(encoding="utf-8") == edited.read_text(encoding="utf-8")
    text = (root / "amendments" / slug / "amendment.md").read_text(encoding="utf-8")
    return [f"{ins.location}. {ins.text}" for ins in load_amendment(text, "amendment.md", slug).instructions]


def _put_back(edited: str, old: str, new: str) -> str:
    """`edited` with the last occurrence of `new` as it was, `old`."""
    at = edited.rindex(new)
    return edited[:at] + old + edited[at + len(new):]


@needs_corpus
def test_a_replacement_throughout_put_back_at_one_place_names_the_others(invoke: Invoke, tmp_path: Path) -> None:
    # The rerun kept `… trong toàn bộ Luật.` and added `2. Thay thế cụm từ “Chủ tịch Ủy ban nhân dân tỉnh, thành phố
    # trực thuộc trung ương đề nghị Chính phủ quyết định tặng” bằng cụm từ “Chủ tịch Uỷ ban nhân dân cấp tỉnh …” tại
    # khoản 2 Điều 83.`, undoing the first at its last place.
    root = tmp_path / "ws"
    law = _workspace(invoke, root).read_text(encoding="utf-8")
    for slug, (old, new), named in (
            ("td", ("Uỷ ban nhân dân cấp tỉnh", "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"),
             "điểm c khoản 2 Điều 74, Điều 79, khoản 1 Điều 80 và khoản 1 Điều 83"),
            # Left at one place of two, the words are still replaced there, not the clause amended.
            ("td2", SANCTION, "khoản 1 Điều 96")):
        first = tmp_path / f"{slug}-1.md"
        first.write_text(law.replace(old, new), encoding="utf-8")
        assert _from_edits(invoke, root, slug, first, "--new", "-r", "15/2003/QH11") == [
            f"1. Thay thế cụm từ “{old}” bằng cụm từ “{new}” trong toàn bộ Luật."]
        second = tmp_path / f"{slug}-2.md"
        second.write_text(_put_back(law.replace(old, new), old, new), encoding="utf-8")
        assert _from_edits(invoke, root, slug, second) == [
            f"1. Thay thế cụm từ “{old}” bằng cụm từ “{new}” tại {named}."]

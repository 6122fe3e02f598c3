"""Word replies on the review copy of Luật 57/2024 (its Điều 4 amending Luật Đấu thầu 22/2023), as the r28 sweep AH
made them: Enter typed right after a label is named, never dropped; a comment on the words of instruction 21 lands on
the first place it names (tên Điều 3); a merge into a closing text keeps the labels; proposals quote whole words and
say where words added go."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx.oxml.ns import qn

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke, luat_57_2024_copy, luat_57_2024_once, module_git, needs_corpus, run_cli
from tests.test_word_reply_paragraph_marks import _mark, split_before

SLUG = "luat-57-2024"
BODY = "Bộ Tư pháp"
CLAUSE_1_42 = "1. Đấu thầu trước là việc thực hiện trước"
INSTRUCTION_21 = "21. Thay thế cụm từ “vốn vay ưu đãi của nhà tài trợ nước ngoài”"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return luat_57_2024_once(tmp_path_factory, BODY)


@pytest.fixture
def ws(built: Path, tmp_path: Path) -> Iterator[Workspace]:
    yield luat_57_2024_copy(built, tmp_path)


@pytest.fixture(scope="module")
def copy(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The review copy of round 1, written once a module beside the module's workspace (a copy of a whole law, about
    0.5 s of CPU): each test only reads it, and saves its reply in its own folder."""
    out = built.parent / "copy.docx"
    with module_git(tmp_path_factory):
        result = run_cli(built, "round", "copy", SLUG, "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def _comments(ws: Workspace) -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in (ws.root / "amendments" / SLUG / "comments").glob("*.yaml")]


@needs_corpus
def test_enter_typed_right_after_a_label_is_named_not_dropped(ws: Workspace, copy: Path, invoke: Invoke,
                                                              tmp_path: Path) -> None:
    # Alone it was refused with "holds no Word comments and no tracked changes", which was false; beside other changes
    # it was neither imported nor named.
    document = kit.open_docx(copy)
    first, _ = split_before(document, CLAUSE_1_42, "Đấu thầu trước là")
    _mark(first, "w:ins")
    result = invoke(ws, "comment", "import", SLUG, str(kit.save(document, tmp_path / "reply.docx")), "--by", BODY)
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "no tracked changes of wording" in said and "no tracked changes;" not in said
    assert "The tracked change by B in reply.docx on khoản 1 Điều 42 (xuống dòng trước “Đấu thầu trước là" in said
    assert "a label on a line of its own (“1.”) is read with the words after it" in said
    # Beside a comment, it is imported with a warning naming it.
    kit.comment(document, kit.isolate(kit.paragraph_with(document, "Điều 42. Đấu thầu trước"), "Đấu thầu trước"),
                "Đề nghị đổi tên điều.", "An")
    result = invoke(ws, "comment", "import", SLUG, str(kit.save(document, tmp_path / "reply2.docx")), "--by", BODY)
    assert result.exit_code == 0, result.output
    assert "warning: The tracked change by B" in result.output and "khoản 1 Điều 42" in result.output
    assert [c["provision"] for c in _comments(ws)] == ["d42.title"]


@needs_corpus
def test_a_comment_on_the_words_of_instruction_21_is_on_the_first_place_it_names(ws: Workspace, copy: Path,
                                                                                invoke: Invoke, tmp_path: Path) -> None:
    # It landed on điểm a khoản 7 Điều 3, the copy's mark on the paragraph being `_rdNN_d3_k7_a`; the instruction
    # names `tên Điều 3` first.
    document = kit.open_docx(copy)
    instruction = kit.paragraph_with(document, INSTRUCTION_21, last=False)
    marks = [b.get(qn("w:name")) for b in instruction._p.iter(qn("w:bookmarkStart"))]
    assert any(name.endswith("_d3_title") for name in marks), marks
    kit.comment(document, kit.isolate(instruction, "Thay thế cụm từ"), "Đề nghị rà soát toàn bộ Luật.", "An")
    kit.comment(document, kit.isolate(instruction, "điểm a khoản 7 Điều 3"), "Điểm này đã sửa.", "An")
    result = invoke(ws, "comment", "import", SLUG, str(kit.save(document, tmp_path / "reply.docx")), "--by", BODY)
    assert result.exit_code == 0, result.output
    placed = {c["text"]: c["provision"] for c in _comments(ws)}
    assert placed == {"Đề nghị rà soát toàn bộ Luật.": "d3.title", "Điểm này đã sửa.": "d3.k7.a"}


@needs_corpus
def test_a_point_merged_into_the_closing_text_keeps_the_labels(ws: Workspace, copy: Path, invoke: Invoke,
                                                               tmp_path: Path) -> None:
    # The proposal on khoản 3 Điều 42 was its lines without `3.`, `a)` … `đ)`; the same merge in khoản 2, which has no
    # closing text, kept them.
    document = kit.open_docx(copy)
    _mark(kit.paragraph_with(document, "đ) Xét duyệt trúng thầu, xác định nhà thầu trúng thầu.")._p, "w:del")
    result = invoke(ws, "comment", "import", SLUG, str(kit.save(document, tmp_path / "reply.docx")), "--by", BODY)
    assert result.exit_code == 0, result.output
    (c,) = _comments(ws)
    lines = c["proposal"].split("\n")
    assert c["provision"] == "d42.k3"
    assert [line[:3] for line in lines] == ["3. ", "a) ", "b) ", "c) ", "d) ", "đ) "]
    assert lines[-1].startswith("đ) Xét duyệt trúng thầu") and "Việc ký kết hợp đồng chỉ được thực hiện" in lines[-1]


@needs_corpus
def test_proposals_quote_whole_words_and_say_where_words_added_go(ws: Workspace, copy: Path, invoke: Invoke,
                                                                  tmp_path: Path) -> None:
    # `thay “biệt” bằng “thù”` quoted a lone syllable of `đặc biệt`; `bổ sung “các”` said not where.
    document = kit.open_docx(copy)
    clause = kit.paragraph_with(document, "3. Lựa chọn nhà đầu tư trong trường hợp đặc biệt.")
    kit.track_replace(kit.isolate(clause, "biệt"), "thù", "B")
    heading = kit.paragraph_with(document, "Điều 34a. Lựa chọn nhà đầu tư trong trường hợp đặc biệt")
    kit.track_insert_after(kit.isolate(heading, "trong"), " các", "B")
    result = invoke(ws, "comment", "import", SLUG, str(kit.save(document, tmp_path / "reply.docx")), "--by", BODY)
    assert result.exit_code == 0, result.output
    said = {c["provision"]: c["text"] for c in _comments(ws)}
    assert said == {"d34.k3": "Đề nghị sửa như sau: thay “đặc biệt” bằng “đặc thù”.",
                    "d34a.title": "Đề nghị sửa như sau: bổ sung “các” vào trước “trường hợp”."}

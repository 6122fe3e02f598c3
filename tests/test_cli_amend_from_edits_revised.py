"""`regdraft amend from-edits` on the edited preview of an amendment: only the edits are written into it.

An edit beside the provisions an instruction group changes adds one instruction (it rewrote Nghị định 48/2013's
instructions 7, 8 and 12); one inside a unit an instruction quotes changes that quote's lines alone; an article the
drafter moves (deleted where it stood, its text inserted under a new number) is repealed and inserted, not refused as
renumbering. Each time, previewing the result gives exactly the edited text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.amend import load_amendment
from regdraft.workspace.regenerate import split_instructions
from regdraft.workspace.store import Workspace

from .conftest import (
    SHARED,
    SHIPPED_AMENDMENT,
    Invoke,
    copied_folder,
    in_corpus,
    module_git,
    needs_corpus,
    run_cli,
    standing_for_a_draft,
)

ND_63 = SHARED / "corpus" / "amendments" / "nd-63-2010"
POINT_A = "a) Chỉ đạo của Chính phủ, Thủ tướng Chính phủ;"  # điểm a khoản 1 Điều 30 of Nghị định 63/2010
EDITED_A = "a) Chỉ đạo của Chính phủ, Thủ tướng Chính phủ, Bộ trưởng Bộ Tư pháp;"


@pytest.fixture(scope="module")
def nd48_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace holding Nghị định 63/2010/NĐ-CP and Nghị định 48/2013/NĐ-CP amending it (slug nd48), built once a
    module (the import of the decree and its amending decree), never handed to a test."""
    in_corpus(ND_63)
    root = tmp_path_factory.mktemp("nd48") / "ws"
    with module_git(tmp_path_factory):
        for args in (("init", str(root)), ("import", str(ND_63 / "base-63-2010-ND-CP.txt")),
                     ("amend", "import", str(ND_63 / "amending-48-2013-ND-CP.txt"), "--slug", "nd48")):
            result = run_cli(root if args[0] != "init" else None, *args)
            assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def nd48(nd48_built: Path, tmp_path: Path) -> Path:
    """A copy of the test's own of `nd48_built`, to change freely."""
    return copied_folder(nd48_built, tmp_path / "ws")


def _preview(invoke: Invoke, ws: Workspace | Path, slug: str, out: Path) -> str:
    result = invoke(ws, "amend", "preview", slug, "-o", str(out))
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def _edited(text: str, out: Path, *changes: tuple[str, str]) -> Path:
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    out.write_text(text, encoding="utf-8")
    return out


def _round_trip(invoke: Invoke, ws: Workspace | Path, slug: str, edited: Path, tmp_path: Path) -> None:
    """The amendment written, previewed: exactly the edited text."""
    assert _preview(invoke, ws, slug, tmp_path / "again.md") == edited.read_text(encoding="utf-8")


@needs_corpus
def test_an_edit_beside_an_instruction_group_adds_one_instruction(nd48: Path, invoke: Invoke, tmp_path: Path) -> None:
    # Điều 29 and Điều 30 are changed by instructions 7 and 8 and by the word replacements of instruction 12; the
    # generated instructions change them together, and all three were rewritten (`Sửa đổi, bổ sung một số điểm, khoản
    # của Điều 30`, the word replacements split in two).
    path = nd48 / "amendments" / "nd48" / "amendment.md"
    before = path.read_text(encoding="utf-8").split("\n")
    edited = _edited(_preview(invoke, nd48, "nd48", tmp_path / "p.md"), tmp_path / "e.md", (POINT_A, EDITED_A))
    result = invoke(nd48, "amend", "from-edits", "nd48", "--edited", str(edited))
    assert result.exit_code == 0, result.output
    # A new instruction 13, after the decree's twelve, which keep their numbers (r40: it is issued; in a draft it was
    # 8, before `Sửa đổi Khoản 4 Điều 30:` as the house order has it); every other line as it was.
    head, region, tail = split_instructions("\n".join(before), "1")
    assert region.startswith("1\\. ") and "\n12\\. " in region and "\n13\\. " not in region
    expected = f"{head}{region}\n\n13\\. Sửa đổi, bổ sung điểm a khoản 1 Điều 30 như sau:\n\n“{EDITED_A}”.\n\n{tail}"
    assert path.read_text(encoding="utf-8") == expected
    _round_trip(invoke, nd48, "nd48", edited, tmp_path)
    assert invoke(nd48, "amend", "check", "nd48").exit_code == 0


@needs_corpus
def test_an_edit_inside_a_unit_an_instruction_quotes_changes_that_line_alone(nd48: Path, invoke: Invoke,
                                                                             tmp_path: Path) -> None:
    # khoản 4 Điều 30 (quoted after the heading of Điều 30, `Sửa đổi Khoản 4 Điều 30:`), a dash item of khoản 2 Điều
    # 31 (a blank line between dash items, as the decree has them) and điểm e khoản 2 of the inserted Điều 35a. In a
    # draft modelled on the decree: the issued decree's instructions stay as issued (test_cli_amend_from_edits_issued).
    standing_for_a_draft(nd48, "nd48")
    path = nd48 / "amendments" / "nd48" / "amendment.md"
    before = path.read_text(encoding="utf-8").split("\n")
    changes = (("Bộ Tư pháp xây dựng kế hoạch rà soát trọng tâm, trình",
                "Bộ Tư pháp xây dựng kế hoạch rà soát trọng tâm hằng năm, trình"),
               ("- Báo cáo kết quả rà soát của Bộ, cơ quan ngang Bộ;",
                "- Báo cáo kết quả rà soát, đánh giá của Bộ, cơ quan ngang Bộ;"),
               ("e) Nội dung khác theo yêu cầu của Bộ Tư pháp.",
                "e) Nội dung khác theo yêu cầu của Bộ trưởng Bộ Tư pháp."))
    edited = _edited(_preview(invoke, nd48, "nd48", tmp_path / "p.md"), tmp_path / "e.md", *changes)
    result = invoke(nd48, "amend", "from-edits", "nd48", "--edited", str(edited))
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8").split("\n")
    assert len(after) == len(before)
    differ = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert [(old in a, new in b) for (old, new), (a, b) in zip(changes, differ, strict=True)] == [(True, True)] * 3
    assert differ[0][1].endswith("trình Thủ tướng Chính phủ phê duyệt.”")  # its quote ends as the decree ended it
    _round_trip(invoke, nd48, "nd48", edited, tmp_path)
    assert invoke(nd48, "amend", "check", "nd48").exit_code == 0


def _moved(text: str, label: str, new: str, before: str) -> str:
    """`text` with article `label` left as its placeholder and its text inserted as article `new`, before the
    line `before`."""
    start = text.index(f"## Điều {label}. ")
    end = text.index("\n## ", start + 1) + 1
    article = text[start:end].replace(f"## Điều {label}. ", f"## Điều {new}. ", 1)
    text = text[:start] + f"## Điều {label}. (được bãi bỏ)\n\n" + text[end:]
    at = text.index(before)
    return text[:at] + article + text[at:]


def _marked_moved(invoke: Invoke, ws: Workspace | Path, slug: str, out: Path, old: str, new: str) -> None:
    result = invoke(ws, "redline", slug, "-o", str(out), "--format", "html")
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert f"chuyển từ Điều {old}" in html and f"chuyển đến Điều {new}" in html


@needs_corpus
def test_an_article_moved_in_a_decree_is_repealed_and_inserted(invoke: Invoke, tmp_path: Path) -> None:
    # Điều 10 of Nghị định 63/2010 cut and pasted after Điều 7 as Điều 7a: refused as renumbering, which it is not.
    root = tmp_path / "ws"
    for args in (("init", str(root)), ("import", str(ND_63 / "base-63-2010-ND-CP.txt"))):
        result = invoke(root if args[0] != "init" else None, *args)
        assert result.exit_code == 0, result.output
    text = (root / "regulations" / "63-2010-NĐ-CP.md").read_text(encoding="utf-8")
    edited = tmp_path / "e.md"
    edited.write_text(_moved(text, "10", "7a", "## Điều 8. "), encoding="utf-8")
    result = invoke(root, "amend", "from-edits", "nd-moi", "--edited", str(edited))
    assert result.exit_code == 0, result.output
    assert "renumbers" not in result.output
    assert "Điều 10 stands in" in result.output and "as Điều 7a" in result.output
    written = load_amendment((root / "amendments" / "nd-moi" / "amendment.md").read_text(encoding="utf-8"),
                             "amendment.md", "nd-moi")
    assert [ins.text for ins in written.instructions] == ["Bổ sung Điều 7a vào sau Điều 7 như sau:", "Bãi bỏ Điều 10."]
    _round_trip(invoke, root, "nd-moi", edited, tmp_path)
    _marked_moved(invoke, root, "nd-moi", tmp_path / "r.html", "10", "7a")


def test_an_article_moved_in_the_shipped_amendments_preview_is_repealed_and_inserted(tmp_workspace: Workspace,
                                                                                   tmp_path: Path,
                                                                                   invoke: Invoke) -> None:
    # Điều 8 (with the điểm d1 instruction 5 inserts) moved to the end of Chương II as Điều 6a.
    preview = _preview(invoke, tmp_workspace, SHIPPED_AMENDMENT, tmp_path / "p.md")
    edited = tmp_path / "e.md"
    edited.write_text(_moved(preview, "8", "6a", "# Chương III"), encoding="utf-8")
    result = invoke(tmp_workspace, "amend", "from-edits", SHIPPED_AMENDMENT, "--edited", str(edited))
    assert result.exit_code == 0, result.output
    path = tmp_workspace.path(f"amendments/{SHIPPED_AMENDMENT}/amendment.md")
    texts = [ins.text for ins in load_amendment(path.read_text(encoding="utf-8"), str(path),
                                                SHIPPED_AMENDMENT).instructions]
    assert texts[3:6] == ["Bổ sung Điều 6a vào sau Điều 6 như sau:", "Sửa đổi tên Điều 7 như sau:", "Bãi bỏ Điều 8."]
    assert len(texts) == 15 and not any("điểm d khoản 2 Điều 8" in text for text in texts)
    _round_trip(invoke, tmp_workspace, SHIPPED_AMENDMENT, edited, tmp_path)
    _marked_moved(invoke, tmp_workspace, SHIPPED_AMENDMENT, tmp_path / "r.html", "8", "6a")


def test_a_renumbering_beside_a_moved_article_is_refused_naming_it_alone(tmp_workspace: Workspace, tmp_path: Path,
                                                                          invoke: Invoke) -> None:
    preview = _preview(invoke, tmp_workspace, SHIPPED_AMENDMENT, tmp_path / "p.md")
    text = _moved(preview, "8", "6a", "# Chương III")
    edited = _edited(text, tmp_path / "e.md", ("\n\nb) Bất thường", "\n\nb) Trực tuyến;\n\nc) Bất thường"),
                     ("\n\nc) Chuyên đề", "\n\nd) Chuyên đề"))
    refused = invoke(tmp_workspace, "amend", "from-edits", SHIPPED_AMENDMENT, "--edited", str(edited))
    assert refused.exit_code == 1
    output = " ".join(refused.output.split())
    assert "renumbers existing provisions: điểm c khoản 1 Điều 12 is now numbered điểm d khoản 1 Điều 12." in output
    assert "Điều 8" not in output


@needs_corpus
def test_an_edit_of_the_clause_beside_one_an_instruction_amends_joins_it(nd48: Path, invoke: Invoke,
                                                                         tmp_path: Path) -> None:
    # `3. Sửa đổi Khoản 2 Điều 10:` and an edit of khoản 3 Điều 10: it was a new instruction 4, the later ones
    # renumbered. Now one instruction names both clauses, as Luật 57/2024 does (`Sửa đổi, bổ sung khoản 2 và khoản 3
    # …`), the heading of Điều 10 and the decree's line for khoản 2 kept; no other line changes. In a draft modelled on
    # the decree: an issued instruction is not joined (test_cli_amend_from_edits_issued).
    standing_for_a_draft(nd48, "nd48")
    path = nd48 / "amendments" / "nd48" / "amendment.md"
    before = path.read_text(encoding="utf-8").split("\n")
    old, new = "phải thuyết minh rõ tính đơn giản", "phải thuyết minh đầy đủ, rõ tính đơn giản"
    edited = _edited(_preview(invoke, nd48, "nd48", tmp_path / "p.md"), tmp_path / "e.md", (old, new))
    result = invoke(nd48, "amend", "from-edits", "nd48", "--edited", str(edited))
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8").split("\n")
    at = before.index("3\\. Sửa đổi Khoản 2 Điều 10:")
    assert before[at + 2] == "“Điều 10. Đánh giá tác động của thủ tục hành chính"
    assert before[at + 4].endswith("ban hành.”")  # the decree's quote ends with ” alone
    clause_3 = after[at + 6]
    assert clause_3.startswith("3\\. Trường hợp") and new in clause_3 and clause_3.endswith("được sửa đổi, bổ sung.”")
    assert after == [*before[:at], "3\\. Sửa đổi, bổ sung khoản 2 và khoản 3 Điều 10 như sau:", *before[at + 1:at + 4],
                     before[at + 4][:-1], "", clause_3, *before[at + 5:]]
    _round_trip(invoke, nd48, "nd48", edited, tmp_path)
    assert invoke(nd48, "amend", "check", "nd48").exit_code == 0


@needs_corpus
def test_an_edit_where_a_word_instruction_changes_words_adds_one_word_instruction(nd48: Path, invoke: Invoke,
                                                                                  tmp_path: Path) -> None:
    # khoản 2 Điều 26, whose words `12. Các sửa đổi khác:` changes (`c) Sửa cụm từ … tại Khoản 2 Điều 26`): instructions
    # 7, 8 and 12 were rewritten (a group on Điều 29, the word replacements split). A provision may not be amended
    # beside a change of its words, but its words may change twice: one instruction 13, every other line as it was.
    path = nd48 / "amendments" / "nd48" / "amendment.md"
    before = path.read_text(encoding="utf-8").split("\n")
    edited = _edited(_preview(invoke, nd48, "nd48", tmp_path / "p.md"), tmp_path / "e.md",
                     ("có trách nhiệm đăng tải dữ liệu", "có trách nhiệm kịp thời đăng tải dữ liệu"))
    result = invoke(nd48, "amend", "from-edits", "nd48", "--edited", str(edited))
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8").split("\n")
    at = before.index("d) Bỏ cụm từ “và Cơ quan kiểm soát thủ tục hành chính” tại Khoản 3 Điều 29.") + 1
    assert after == [*before[:at], "", "13\\. Thay thế cụm từ “trách nhiệm đăng tải dữ liệu” bằng cụm từ “trách nhiệm "
                     "kịp thời đăng tải dữ liệu” tại khoản 2 Điều 26.", *before[at:]]
    _round_trip(invoke, nd48, "nd48", edited, tmp_path)
    assert invoke(nd48, "amend", "check", "nd48").exit_code == 0

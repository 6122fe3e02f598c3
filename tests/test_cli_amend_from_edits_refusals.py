"""What `amend from-edits` refuses to write, on Luật Thanh niên as a drafter edits it: a unit left half-written,
an article moved to another chapter, and a mistyped amendment name beside the one being drafted; and, on the
shipped 01-QC/TU, a copy made before another amendment was adopted. Each refusal writes nothing and leaves git as
it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace

from .conftest import CORPUS, SHIPPED_AMENDMENT, Invoke, needs_corpus
from .test_cli_amend import snapshot

LAW = "57/2020/QH14"
REG = "regulations/57-2020-QH14.md"
POINT_B = ("b) Xây dựng chương trình, dự án đưa thanh niên tình nguyện về làm việc tại các vùng có điều kiện kinh tế - "
           "xã hội đặc biệt khó khăn, biên giới, hải đảo;\n")
ARTICLE_25 = "## Điều 25. Chính sách đối với thanh niên là người dân tộc thiểu số"
CLAUSE_3 = "3\\. Chính phủ quy định chi tiết Điều này.\n\n## Điều 24."


@pytest.fixture
def youth(empty_workspace: Workspace, invoke: Invoke) -> Workspace:
    """Luật Thanh niên imported, with the amendment `tn` started for it."""
    for step in (("import", str(CORPUS / "luat-thanh-nien.txt")), ("amend", "new", "tn", "-r", LAW)):
        result = invoke(empty_workspace, *step)
        assert result.exit_code == 0, result.output
    return empty_workspace


def edited(ws: Workspace, tmp_path: Path, text: str) -> Path:
    path = tmp_path / "edited.md"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, line: str) -> int:
    return text.split("\n").index(line) + 1


@needs_corpus
def test_a_point_and_an_article_left_empty_are_refused_and_reported_by_check(youth: Workspace, invoke: Invoke,
                                                                             tmp_path: Path) -> None:
    # It wrote `Bổ sung điểm b1 … như sau: “b1)”.` and `Bổ sung Điều 24a … như sau: “Điều 24a”.`, and both
    # `amend check` and `check` found nothing.
    text = youth.path(REG).read_text(encoding="utf-8")
    assert text.count(POINT_B) == 1 and text.count(ARTICLE_25) == 1
    half = text.replace(POINT_B, POINT_B + "\nb1)\n").replace(ARTICLE_25, "## Điều 24a.\n\n" + ARTICLE_25)
    path = edited(youth, tmp_path, half)
    before = snapshot(youth)
    result = invoke(youth, "amend", "from-edits", "tn", "--edited", str(path))
    assert result.exit_code == 1, result.output
    assert f"{path}:{line_of(half, 'b1)')}: Điểm b1 khoản 2 Điều 23 has no text; finish it or delete its label." \
        in result.output
    assert f"{path}:{line_of(half, '## Điều 24a.')}: Điều 24a has no title, text or clauses" in result.output
    assert snapshot(youth) == before
    # The same text as the regulation file in the working tree: `check` names both.
    youth.path(REG).write_text(half, encoding="utf-8")
    check = invoke(youth, "check")
    assert check.exit_code == 1
    assert f"{REG}:{line_of(half, 'b1)')}: Điểm b1 khoản 2 Điều 23 has no text" in check.output
    assert f"{REG}:{line_of(half, '## Điều 24a.')}: Điều 24a has no title, text or clauses" in check.output


@needs_corpus
def test_an_amendment_quoting_an_empty_point_fails_its_check(youth: Workspace, invoke: Invoke) -> None:
    relative = "amendments/tn/amendment.md"
    text = youth.path(relative).read_text(encoding="utf-8")
    at = text.index("## Điều 2.")
    instruction = "1\\. Bổ sung điểm b1 vào sau điểm b khoản 2 Điều 23 như sau:"
    youth.commit({relative: (text[:at] + f"{instruction}\n\n“b1)”.\n\n" + text[at:]).encode("utf-8")}, "Point b1")
    result = invoke(youth, "amend", "check", "tn")
    assert result.exit_code == 1
    assert "Điểm b1 khoản 2 Điều 23 has no text" in result.output


@needs_corpus
def test_an_article_cut_and_pasted_into_another_chapter_is_named_as_a_move(youth: Workspace, invoke: Invoke,
                                                                           tmp_path: Path) -> None:
    # It gave three "out of sequence" problems (`Điều 16 … expected Điều 12 after Điều 11`).
    text = youth.path(REG).read_text(encoding="utf-8")
    start = text.index("## Điều 16.")
    end = text.index("## Điều 17.")
    article = text[start:end]
    cut = text[:start] + text[end:]
    chapter_2 = cut.index("# Chương II.")
    moved = cut[:chapter_2] + article + cut[chapter_2:]
    before = snapshot(youth)
    result = invoke(youth, "amend", "from-edits", "tn", "--edited", str(edited(youth, tmp_path, moved)))
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert ("The edited text places Điều 16 outside Chương III, where it stands; articles cannot be moved between "
            "chapters or sections") in said
    assert "out of sequence" not in said
    assert snapshot(youth) == before


@needs_corpus
def test_a_mistyped_name_does_not_start_a_second_amendment(youth: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    text = youth.path(REG).read_text(encoding="utf-8")
    assert text.count(CLAUSE_3) == 1
    path = edited(youth, tmp_path, text.replace(CLAUSE_3, CLAUSE_3.replace("Điều này.", "Điều này và hướng dẫn.")))
    before = snapshot(youth)
    refused = invoke(youth, "amend", "from-edits", "nosuch", "--edited", str(path))
    assert refused.exit_code == 2, refused.output
    said = " ".join(refused.output.split())
    assert f"There is no amendment 'nosuch', and {LAW} already has an amendment being drafted, 'tn' (status draft, " \
           "draft 1)." in said
    assert "`regdraft amend from-edits tn`" in said
    assert f"`regdraft amend new nosuch --regulation {LAW}`" in said and "--new" in said
    assert snapshot(youth) == before
    # The name it meant writes the instructions; a second amendment on purpose is created with --new.
    assert invoke(youth, "amend", "from-edits", "tn", "--edited", str(path)).exit_code == 0
    second = invoke(youth, "amend", "from-edits", "nosuch", "--new", "--edited", str(path))
    assert second.exit_code == 0, second.output
    assert "Created amendments/nosuch/amendment.md with 1 instruction" in second.output
    # --new names an amendment to create: an existing one is refused.
    again = invoke(youth, "amend", "from-edits", "nosuch", "--new", "--edited", str(path))
    assert again.exit_code == 2 and "already exists" in again.output


@needs_corpus
def test_a_submitted_amendment_does_not_stand_in_the_way(youth: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # Only one being drafted (draft or circulating) does: an imported or submitted text awaits adoption.
    text = youth.path(REG).read_text(encoding="utf-8")
    path = edited(youth, tmp_path, text.replace(CLAUSE_3, CLAUSE_3.replace("Điều này.", "Điều này và hướng dẫn.")))
    assert invoke(youth, "amend", "from-edits", "tn", "--edited", str(path)).exit_code == 0
    for status in ("circulating", "submitted"):
        assert invoke(youth, "amend", "status", "tn", status).exit_code == 0
    result = invoke(youth, "amend", "from-edits", "tn-2", "--edited", str(path))
    assert result.exit_code == 0, result.output


def test_a_copy_made_before_an_adoption_is_named_as_such(tmp_workspace: Workspace, invoke: Invoke,
                                                         tmp_path: Path) -> None:
    # The README's copy, edited, then 05-QC/TU adopted (it rewrites Điều 9): from-edits called the copy a
    # renumbering ("khoản 5 Điều 9 is now numbered khoản 4 Điều 9", --allow-renumber), which the clerk never made.
    ws, regulation = tmp_workspace, "regulations/01-QC-TU.md"
    assert invoke(ws, "amend", "new", "qc-sua-doi-2026", "--regulation", "01-QC/TU").exit_code == 0
    text = ws.path(regulation).read_text(encoding="utf-8")
    path = edited(ws, tmp_path, text.replace("Thường lệ ba tháng một lần", "Thường lệ hai tháng một lần"))
    assert invoke(ws, "amend", "from-edits", "qc-sua-doi-2026", "--edited", str(path)).exit_code == 0
    adopted = invoke(ws, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--force", "--reason", "test")
    assert adopted.exit_code == 0, adopted.output
    path.write_text(path.read_text(encoding="utf-8").replace("cuối năm kiểm điểm", "cuối năm đánh giá"), "utf-8")
    before = snapshot(ws)
    refused = invoke(ws, "amend", "from-edits", "qc-sua-doi-2026", "--edited", str(path))
    said = " ".join(refused.output.split())
    assert refused.exit_code == 1, refused.output
    assert f"{path} was copied from the text of 01-QC/TU before 05-QC/TU ({SHIPPED_AMENDMENT}) was adopted, " \
           "effective 2025-03-15" in said
    assert f"make a new copy of the text in force ({regulation}) and carry your edits over to it." in said
    assert "renumber" not in said and snapshot(ws) == before
    # A new copy of the text in force with the same edits is read as ever.
    text = ws.path(regulation).read_text(encoding="utf-8")
    path = edited(ws, tmp_path, text.replace("Thường lệ ba tháng một lần", "Thường lệ hai tháng một lần")
                  .replace("cuối năm kiểm điểm", "cuối năm đánh giá"))
    written = invoke(ws, "amend", "from-edits", "qc-sua-doi-2026", "--edited", str(path))
    assert written.exit_code == 0, written.output
    assert "Sửa đổi, bổ sung điểm a khoản 1 Điều 12 như sau:" in ws.path(
        "amendments/qc-sua-doi-2026/amendment.md").read_text(encoding="utf-8")


def test_a_change_reverted_then_made_again_by_an_amendment_can_be_allowed(tmp_workspace: Workspace, invoke: Invoke,
                                                                           tmp_path: Path) -> None:
    # r39 sweep BZ F3: a word changed by hand in the regulation, committed, undone by `git revert`; the correction
    # made properly, as a new amendment from a fresh copy with the same edit, was refused as a copy of the version
    # before the revert, whatever copy was made, and --allow-undo did not get past it.
    import subprocess

    ws, regulation = tmp_workspace, "regulations/01-QC-TU.md"
    text = ws.path(regulation).read_text(encoding="utf-8")
    fixed = text.replace("Thường lệ ba tháng một lần", "Thường lệ hai tháng một lần")
    assert fixed != text
    ws.commit({regulation: fixed.encode()}, "sửa lỗi chính tả")
    subprocess.run(["git", "-c", "user.name=A", "-c", "user.email=a@x", "revert", "--no-edit", "HEAD"], cwd=ws.root,
                   check=True, capture_output=True)
    assert ws.path(regulation).read_text(encoding="utf-8") == text
    path = edited(ws, tmp_path, fixed)  # a fresh copy of the text in force, the same edit made again
    before = snapshot(ws)
    refused = invoke(ws, "amend", "from-edits", "qc-dinh-chinh", "--edited", str(path), "--regulation", "01-QC/TU",
                     "--new")
    said = " ".join(refused.output.split())
    assert refused.exit_code == 1 and "was copied from the text of 01-QC/TU before commit" in said, said
    assert "--allow-undo" in said and snapshot(ws) == before
    written = invoke(ws, "amend", "from-edits", "qc-dinh-chinh", "--edited", str(path), "--regulation", "01-QC/TU",
                     "--new", "--allow-undo")
    assert written.exit_code == 0, written.output
    assert "hai tháng" in ws.path("amendments/qc-dinh-chinh/amendment.md").read_text(encoding="utf-8")


def test_the_regulations_own_file_edited_in_place_becomes_instructions(tmp_workspace: Workspace, invoke: Invoke,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Edited in place, `--edited regulations/01-QC-TU.md` was compared with itself (the working file holds the
    edit): "Instructions: no change.", exit 0 (r30 sweep AQ 3). It is compared with the committed text, and the
    drafter is told to copy the file aside and put it back."""
    ws = tmp_workspace
    assert invoke(ws, "amend", "new", "qc-sua-doi-2026", "--regulation", "01-QC/TU").exit_code == 0
    own = ws.root / "regulations" / "01-QC-TU.md"
    text = own.read_text(encoding="utf-8")
    assert text.count("Thường lệ ba tháng một lần") == 1
    own.write_text(text.replace("Thường lệ ba tháng một lần", "Thường lệ hai tháng một lần"), encoding="utf-8")
    monkeypatch.chdir(ws.root)
    result = invoke(ws, "amend", "from-edits", "qc-sua-doi-2026", "--edited", "regulations/01-QC-TU.md")
    assert result.exit_code == 0, result.output
    assert "Instructions: no change." not in result.output and "with 1 instruction in commit" in result.output
    amendment = (ws.root / "amendments" / "qc-sua-doi-2026" / "amendment.md").read_text(encoding="utf-8")
    assert "Thường lệ hai tháng một lần" in amendment
    said = " ".join(result.output.split())
    assert ("warning: regulations/01-QC-TU.md is the regulation's own file and holds your edits, not committed: the "
            "instructions were written from them against its committed text" in said), said
    assert "git restore regulations/01-QC-TU.md" in said
    assert "hai tháng" in own.read_text(encoding="utf-8")  # the drafter's file is left as it is


def test_a_stray_uncommitted_edit_of_the_regulation_is_refused_not_built_on(tmp_workspace: Workspace, invoke: Invoke,
                                                                            tmp_path: Path) -> None:
    """A stray hand edit of the regulation (not committed) became the base of the instructions: they quoted “BỐN
    tháng”, which the committed text does not have, and `amend check` failed once the edit was discarded (r39 sweep
    BY F2). It is refused, naming the file and how to see, discard or commit the edit."""
    ws = tmp_workspace
    assert invoke(ws, "amend", "new", "qc-sua-doi-2026", "--regulation", "01-QC/TU").exit_code == 0
    own = ws.root / "regulations" / "01-QC-TU.md"
    text = own.read_text(encoding="utf-8")
    path = edited(ws, tmp_path, text.replace("Thường lệ ba tháng một lần", "Thường lệ hai tháng một lần"))
    own.write_text(text.replace("Thường lệ ba tháng một lần", "Thường lệ BỐN tháng một lần"), encoding="utf-8")
    before = snapshot(ws)
    for given in (("--edited", str(path)), ("--edited-rev", "HEAD")):
        refused = invoke(ws, "amend", "from-edits", "qc-sua-doi-2026", *given)
        assert refused.exit_code == 1, refused.output
        said = " ".join(refused.output.split())
        assert ("regulations/01-QC-TU.md has changes that are not committed; nothing was changed. The instructions "
                "are written against the text in force, the committed one" in said), said
        assert "`git diff regulations/01-QC-TU.md`" in said and "`git restore regulations/01-QC-TU.md`" in said
        assert snapshot(ws) == before
    own.write_text(text, encoding="utf-8")  # the stray edit discarded: written against the committed text
    written = invoke(ws, "amend", "from-edits", "qc-sua-doi-2026", "--edited", str(path))
    assert written.exit_code == 0, written.output
    amendment = (ws.root / "amendments" / "qc-sua-doi-2026" / "amendment.md").read_text(encoding="utf-8")
    assert "BỐN" not in amendment and "Thường lệ hai tháng một lần" in amendment

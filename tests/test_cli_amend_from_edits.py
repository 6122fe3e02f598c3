"""`regdraft amend from-edits` end to end in real git workspaces."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from regdraft.core.amend import load_amendment
from regdraft.workspace.store import Workspace

from .conftest import REPO_ROOT, SHIPPED_AMENDMENT, Invoke, unsaid

REG = "regulations/01-QC-TU.md"
AMENDMENT = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
OLD_POINT = "c) Thảo luận, cho ý kiến về kế hoạch phát triển kinh tế - xã hội, dự toán ngân sách,"
NEW_POINT = "c) Thảo luận, quyết định về kế hoạch phát triển kinh tế - xã hội, dự toán ngân sách,"


def edited_copy(ws: Workspace, tmp_path: Path, *changes: tuple[str, str]) -> Path:
    text = ws.path(REG).read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "edited.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_help_has_an_example(invoke: Invoke) -> None:
    result = invoke(None, "amend", "from-edits", "--help")
    assert result.exit_code == 0 and "Example:" in result.output and "--edited-rev" in result.output


def test_creates_a_new_amendment_from_an_edited_file(tmp_workspace: Workspace, tmp_path: Path,
                                                     invoke: Invoke) -> None:
    edited = edited_copy(tmp_workspace, tmp_path, (OLD_POINT, NEW_POINT))
    result = invoke(tmp_workspace, "amend", "from-edits", "qc-moi", "--new", "--edited", str(edited), catch=False)
    assert result.exit_code == 0, result.output
    assert "+1\\. Sửa đổi, bổ sung điểm c khoản 1 Điều 4 như sau:" in result.output
    assert "Created amendments/qc-moi/amendment.md with 1 instruction" in result.output
    text = tmp_workspace.path("amendments/qc-moi/amendment.md").read_text(encoding="utf-8")
    amendment = load_amendment(text, "amendment.md", "qc-moi")
    assert amendment.regulation == "01-QC/TU" and amendment.status == "draft"
    assert amendment.closing  # the scaffold's closing article is there
    message = str(tmp_workspace.repo.head.commit.message)
    assert message.startswith("Draft 1 of qc-moi: amends điểm c khoản 1 Điều 4\n\nThe instructions of Điều 1, "
                              "written from the edited text ")
    assert message.endswith(":\n1. Sửa đổi, bổ sung điểm c khoản 1 Điều 4 như sau:\n")
    assert invoke(tmp_workspace, "amend", "check", "qc-moi").exit_code == 0
    again = invoke(tmp_workspace, "amend", "from-edits", "qc-moi", "--edited", str(edited))
    assert again.exit_code == 0 and "Instructions: no change." in again.output and "is unchanged" in again.output


def test_the_guide_examples_run_as_written_in_the_example_workspace(tmp_workspace: Workspace, tmp_path: Path,
                                                                    invoke: Invoke) -> None:
    """docs/from-edits.md's commands, in a workspace whose 01-QC/TU already has a draft being circulated: each
    block run as written creates qc-sua-doi-2026, and the command again, as the guide says, rewrites it."""
    guide = (REPO_ROOT / "docs" / "from-edits.md").read_text(encoding="utf-8")
    step = guide.split("2. **Generate the amending document.**", 1)[1].split("The edited text is read as", 1)[0]
    commands = [line.strip() for line in step.splitlines() if line.strip().startswith("regdraft amend from-edits")]
    assert len(commands) == 2
    edited = edited_copy(tmp_workspace, tmp_path, (OLD_POINT, NEW_POINT))
    head = tmp_workspace.repo.head.commit
    tmp_workspace.repo.git.checkout("-b", "draft")
    tmp_workspace.path(REG).write_bytes(edited.read_bytes())
    tmp_workspace.repo.git.execute(["git", "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qam",
                                    "Edit on a branch"])
    tmp_workspace.repo.git.checkout("main")
    for command in commands:
        tmp_workspace.repo.git.reset("--hard", head.hexsha)
        words = [w.replace("/tmp/edited.md", str(edited)) for w in shlex.split(command)][1:]
        result = invoke(tmp_workspace, *words)
        assert result.exit_code == 0, (command, result.output)
        assert "Created amendments/qc-sua-doi-2026/amendment.md with 1 instruction" in result.output
    again = invoke(tmp_workspace, "amend", "from-edits", "qc-sua-doi-2026", "--edited", str(edited))
    assert again.exit_code == 0, again.output


def test_an_unedited_text_creates_no_amendment(tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    # It was created with no instruction, then stood as a pending amendment in the way of every redline.
    head = tmp_workspace.repo.head.commit.hexsha
    same = edited_copy(tmp_workspace, tmp_path)
    result = invoke(tmp_workspace, "amend", "from-edits", "trong", "--new", "--edited", str(same))
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert f"{same} makes no change to the provisions of 01-QC/TU in force, so there is nothing to amend: " \
           "amendment 'trong' was not created." in " ".join(result.output.split())
    assert tmp_workspace.repo.head.commit.hexsha == head and not tmp_workspace.exists("amendments/trong/amendment.md")
    # Only the preamble changed: the note says why nothing was written.
    preamble = edited_copy(tmp_workspace, tmp_path, ("Căn cứ Điều lệ Đảng", "Căn cứ Điều lệ Đảng Cộng sản Việt Nam"))
    told = " ".join(invoke(tmp_workspace, "amend", "from-edits", "trong", "--new", "--edited",
                           str(preamble)).output.split())
    assert ("(The edited text changes the preamble (paragraph 1 “Căn cứ Điều lệ Đảng Cộng sản Việt Nam;” became "
            "“Căn cứ Điều lệ Đảng Cộng sản Việt Nam Cộng sản Việt Nam;”); an amending document does not amend it"
            in told)


def test_regenerates_only_the_instructions_of_an_existing_amendment(tmp_workspace: Workspace, tmp_path: Path,
                                                                     invoke: Invoke) -> None:
    before = tmp_workspace.path(AMENDMENT).read_text(encoding="utf-8")
    edited = edited_copy(tmp_workspace, tmp_path, (OLD_POINT, NEW_POINT))
    head = tmp_workspace.repo.head.commit.hexsha
    # A copy of the text in force: the document's instructions are replaced by the one edit's, as asked.
    result = invoke(tmp_workspace, "amend", "from-edits", SHIPPED_AMENDMENT, "--edited", str(edited), "--allow-undo")
    assert result.exit_code == 0, result.output
    assert "-14\\. Thay thế cụm từ" in result.output and "+1\\. Sửa đổi, bổ sung điểm c khoản 1 Điều 4" in result.output
    after = tmp_workspace.path(AMENDMENT).read_text(encoding="utf-8")
    head_part, _, _ = before.partition("1\\. Sửa đổi, bổ sung một số điểm")
    assert after.startswith(head_part)  # front matter, preamble and Điều 1's heading kept byte for byte
    assert after.endswith(before[before.index("## Điều 2. Điều khoản chuyển tiếp"):])
    assert tmp_workspace.repo.head.commit.parents[0].hexsha == head  # one commit
    assert tmp_workspace.repo.git.status("--porcelain") == ""


def test_edited_revision_and_renumbering(tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    text = tmp_workspace.path(REG).read_text(encoding="utf-8")
    renumbered = text.replace(
        "4\\. Kết luận của Thường trực Tỉnh ủy được thông báo",
        "4\\. Thường trực Tỉnh ủy có thể họp trực tuyến.\n\n5\\. Kết luận của Thường trực Tỉnh ủy được thông báo")
    assert renumbered != text
    repo = tmp_workspace.repo
    repo.git.checkout("-q", "-b", "draft")
    tmp_workspace.commit({REG: renumbered.encode("utf-8")}, "Draft edits")
    repo.git.checkout("-q", "main")
    refused = invoke(tmp_workspace, "amend", "from-edits", "qc-moi", "--new", "--edited-rev", "draft", "-r", "01-QC/TU")
    assert refused.exit_code == 1
    assert "khoản 4 Điều 14 is now numbered khoản 5 Điều 14" in refused.output
    assert "never renumbered" in refused.output and "Traceback" not in refused.output
    allowed = invoke(tmp_workspace, "amend", "from-edits", "qc-moi", "--new", "--edited-rev", "draft", "-r", "01-QC/TU",
                     "--allow-renumber")
    assert allowed.exit_code == 0, allowed.output
    assert invoke(tmp_workspace, "amend", "check", "qc-moi").exit_code == 0


def test_usage_errors_and_dirty_files(tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    neither = invoke(tmp_workspace, "amend", "from-edits", SHIPPED_AMENDMENT)
    assert neither.exit_code == 2 and "--edited FILE or --edited-rev REV" in neither.output
    edited = edited_copy(tmp_workspace, tmp_path, (OLD_POINT, NEW_POINT))
    path = tmp_workspace.path(AMENDMENT)
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    dirty = invoke(tmp_workspace, "amend", "from-edits", SHIPPED_AMENDMENT, "--edited", str(edited), "--allow-undo")
    assert dirty.exit_code == 1 and "uncommitted changes" in dirty.output
    broken = tmp_path / "broken.md"
    broken.write_text("no front matter\n", encoding="utf-8")
    bad = invoke(tmp_workspace, "amend", "from-edits", "qc-moi", "--edited", str(broken), "-r", "01-QC/TU")
    assert bad.exit_code == 1 and "broken.md" in bad.output and "Traceback" not in bad.output


def test_a_phrase_replaced_everywhere_is_one_instruction(tmp_workspace: Workspace, tmp_path: Path,
                                                         invoke: Invoke) -> None:
    edited = edited_copy(tmp_workspace, tmp_path, ("Thường trực Tỉnh ủy", "Thường trực Tỉnh ủy khóa XIV"))
    result = invoke(tmp_workspace, "amend", "from-edits", "x", "--new", "--edited", str(edited), "-r", "01-QC/TU")
    assert result.exit_code == 0, result.output
    added = [line for line in result.output.splitlines() if line.startswith("+") and not line.startswith("+++")]
    # `trong toàn bộ Quy chế`, though the title of Chương II (`… THƯỜNG TRỰC TỈNH ỦY`, set in capitals) keeps its
    # words: a heading in capitals is typography (`amend check` notes it as left for its capitals).
    assert added == ["+1\\. Thay thế cụm từ “Thường trực Tỉnh ủy” bằng cụm từ “Thường trực Tỉnh ủy khóa XIV” "
                     "trong toàn bộ Quy chế."]
    assert "with 1 instruction" in result.output
    assert invoke(tmp_workspace, "amend", "check", "x").exit_code == 0


def test_renumbered_clauses_inside_an_article_are_refused_unless_allowed(tmp_workspace: Workspace, tmp_path: Path,
                                                                         invoke: Invoke) -> None:
    clauses = [(f"\n\n{n}\\. {first}", f"\n\n{n + 1}\\. {first}") for n, first in
               ((5, "Thực hiện các nhiệm vụ khác do Ban Chấp hành Đảng bộ tỉnh, Ban Thường vụ Tỉnh ủy và Bí thư"),
                (4, "Ký các văn bản của Ban Chấp hành, Ban Thường vụ, Thường trực Tỉnh ủy theo phân công"),
                (3, "Trực tiếp làm Trưởng Ban Bảo vệ"), (2, "Trực tiếp chỉ đạo công tác xây dựng Đảng về chính trị"),
                (1, "Giúp Bí thư chủ trì công việc hằng ngày"))]
    heading = "## Điều 10. Trách nhiệm, quyền hạn của Phó Bí thư Thường trực Tỉnh ủy"
    edited = edited_copy(tmp_workspace, tmp_path, *clauses,
                         (heading, f"{heading}\n\n1\\. Chỉ đạo công tác chuyển đổi số của các cơ quan đảng tỉnh."))
    head = tmp_workspace.repo.head.commit.hexsha
    refused = invoke(tmp_workspace, "amend", "from-edits", "x", "--new", "--edited", str(edited), "-r", "01-QC/TU")
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert ("khoản 1 Điều 10 is now numbered khoản 2 Điều 10; khoản 2 Điều 10 is now numbered khoản 3 Điều 10; "
            "khoản 3 Điều 10 is now numbered khoản 4 Điều 10; khoản 4 Điều 10 is now numbered khoản 5 Điều 10; "
            "khoản 5 Điều 10 is now numbered khoản 6 Điều 10. Existing units are never renumbered") in refused.output
    assert tmp_workspace.repo.head.commit.hexsha == head and not tmp_workspace.path("amendments/x").exists()
    allowed = invoke(tmp_workspace, "amend", "from-edits", "x", "--new", "--edited", str(edited), "-r", "01-QC/TU",
                     "--allow-renumber")
    assert allowed.exit_code == 0, allowed.output
    assert "+1\\. Sửa đổi, bổ sung Điều 10 như sau:" in allowed.output
    assert invoke(tmp_workspace, "amend", "check", "x").exit_code == 0


def test_instructions_whose_change_stays_keep_their_wording(tmp_workspace: Workspace, tmp_path: Path,
                                                            invoke: Invoke) -> None:
    # Regenerating from the draft with one more edit rewrote every instruction as the generator words it
    # ("khoản 2 Điều 5" became "Bổ sung điểm c vào sau điểm b khoản 2 Điều 5", a quote's end ”; for ”.).
    draft = tmp_path / "draft.md"
    assert invoke(tmp_workspace, "amend", "preview", SHIPPED_AMENDMENT, "-o", str(draft)).exit_code == 0
    text = draft.read_text(encoding="utf-8")
    edited = text.replace("theo nguyên tắc tập trung dân chủ,", "theo nguyên tắc tập trung dân chủ, đoàn kết,", 1)
    assert edited != text
    draft.write_text(edited, encoding="utf-8")
    before = tmp_workspace.path(AMENDMENT).read_text(encoding="utf-8")
    result = invoke(tmp_workspace, "amend", "from-edits", SHIPPED_AMENDMENT, "--edited", str(draft),
                    "--allow-renumber")
    assert result.exit_code == 0, result.output
    after = tmp_workspace.path(AMENDMENT).read_text(encoding="utf-8")
    # The new edit, in khoản 1 Điều 3 whose words instruction 12 changes (`Bỏ cụm từ “khóa XII”`): a phrase
    # instruction after it (docs/from-edits.md). Every other instruction as the drafter wrote it and numbered it.
    assert "12\\. Bỏ cụm từ “khóa XII” tại khoản 1 Điều 3.\n\n13\\. Thay thế cụm từ “nguyên tắc tập trung" in after
    for was in ("2\\. Sửa đổi, bổ sung khoản 2 Điều 5 như sau:", "8\\. Bổ sung khoản 5 vào Điều 14 như sau:",
                "Tỉnh ủy viên”\n\n5\\."):
        assert was in before and was in after
    assert "quốc phòng, an ninh hằng năm và 5 năm của tỉnh trước khi trình Hội đồng nhân dân tỉnh;”.\n" in after
    assert invoke(tmp_workspace, "amend", "check", SHIPPED_AMENDMENT).exit_code == 0


def test_a_point_joined_to_the_line_above_is_refused_and_nothing_is_written(tmp_workspace: Workspace,
                                                                            tmp_path: Path, invoke: Invoke) -> None:
    # Typed without the blank line, `c1) …` was words at the end of điểm c in the quoted text, and no one was told.
    edited = edited_copy(tmp_workspace, tmp_path, (
        "trước khi trình Hội đồng nhân dân tỉnh;\n",
        "trước khi trình Hội đồng nhân dân tỉnh;\nc1) Quyết định chủ trương chuyển đổi số của tỉnh;\n"))
    head = tmp_workspace.repo.head.commit.hexsha
    before = tmp_workspace.path(AMENDMENT).read_bytes()
    result = invoke(tmp_workspace, "amend", "from-edits", SHIPPED_AMENDMENT, "--edited", str(edited))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (f"{edited}:77: The line 'c1) Quyết định chủ trương chuyển đổi số của tỉnh;' starts like điểm c1 but "
            "has no blank line before it") in result.output
    assert "words at the end of điểm c khoản 1 Điều 4. Leave a blank line before it to make it điểm c1" \
           in result.output
    assert tmp_workspace.repo.head.commit.hexsha == head
    assert tmp_workspace.path(AMENDMENT).read_bytes() == before
    assert not tmp_workspace.repo.is_dirty(untracked_files=True)
    fixed = edited_copy(tmp_workspace, tmp_path, (
        "trước khi trình Hội đồng nhân dân tỉnh;\n",
        "trước khi trình Hội đồng nhân dân tỉnh;\n\nc1) Quyết định chủ trương chuyển đổi số của tỉnh;\n"))
    result = invoke(tmp_workspace, "amend", "from-edits", "qc-moi", "--new", "--edited", str(fixed))
    assert result.exit_code == 0, result.output
    assert "Bổ sung điểm c1 vào sau điểm c khoản 1 Điều 4 như sau:" in result.output


def test_a_sentence_wrapped_before_a_dash_is_refused_and_nothing_is_written(tmp_workspace: Workspace,
                                                                            tmp_path: Path, invoke: Invoke) -> None:
    # `… kinh tế` then `- xã hội, …` on the next line was read as a lead-in and a new dash item of điểm c, and the
    # amending document quoted the split sentence, silently.
    wrapped = NEW_POINT.replace("kinh tế - xã hội", "kinh tế\n- xã hội")
    edited = edited_copy(tmp_workspace, tmp_path, (OLD_POINT, wrapped))
    head = tmp_workspace.repo.head.commit.hexsha
    before = tmp_workspace.path(AMENDMENT).read_bytes()
    result = invoke(tmp_workspace, "amend", "from-edits", SHIPPED_AMENDMENT, "--edited", str(edited))
    assert result.exit_code == 1 and "Traceback" not in result.output
    output = " ".join(result.output.split())
    assert f"{edited}:77: The line '- xã hội, dự toán ngân sách, nhiệm vụ quốc phòng, an ninh…' starts a dash" in output
    assert ("starts a dash item right under a paragraph, without the blank line a dash item needs; it is read as a "
            "dash item of điểm c khoản 1 Điều 4. Leave a blank line before it") in output
    assert tmp_workspace.repo.head.commit.hexsha == head
    assert tmp_workspace.path(AMENDMENT).read_bytes() == before
    assert not tmp_workspace.repo.is_dirty(untracked_files=True)
    joined = edited_copy(tmp_workspace, tmp_path, (OLD_POINT, NEW_POINT))
    result = invoke(tmp_workspace, "amend", "from-edits", "qc-moi", "--new", "--edited", str(joined))
    assert result.exit_code == 0, result.output
    assert "kinh tế - xã hội, dự toán ngân sách" in tmp_workspace.path("amendments/qc-moi/amendment.md").read_text(
        encoding="utf-8")


def _article(text: str, label: str) -> str:
    """An article of the shipped regulation, its heading line to the next heading (`### Điều 13. …`)."""
    start = text.index(f"### Điều {label}.")
    return text[start:text.index("\n#", start) + 1]


def test_an_article_moved_within_its_section_is_named_and_how_to_write_it_said(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    """Điều 13 cut and pasted after Điều 15 (Mục 1 Chương IV), its number kept: from-edits named three numbers out
    of sequence; it says the article moved and how to write it, and written so it repeals and inserts."""
    text = tmp_workspace.path(REG).read_text(encoding="utf-8")
    thirteen, fifteen = _article(text, "13"), _article(text, "15")
    moved = text.replace(thirteen, "").replace(fifteen, fifteen + thirteen)
    edited = tmp_path / "moved.md"
    edited.write_text(moved, encoding="utf-8")
    result = invoke(tmp_workspace, "amend", "from-edits", "qc-moi", "--new", "--edited", str(edited))
    said = " ".join(result.output.split())
    assert result.exit_code != 0
    assert "out of sequence: expected" not in said
    assert ("The edited text moves an article among the others: Điều 13 now stands after Điều 15, keeping its "
            "number: number it Điều 15a there and leave Điều 13 out.") in said
    edited.write_text(text.replace(thirteen, "").replace(fifteen, fifteen + thirteen.replace(
        "### Điều 13.", "### Điều 15a.", 1)), encoding="utf-8")
    result = invoke(tmp_workspace, "amend", "from-edits", "qc-moi", "--new", "--edited", str(edited))
    assert result.exit_code == 0, result.output
    written = " ".join(tmp_workspace.path("amendments/qc-moi/amendment.md").read_text(encoding="utf-8").split())
    assert "Bãi bỏ Điều 13." in written and "Bổ sung Điều 15a vào sau Điều 15 như sau:" in written
    redline = invoke(tmp_workspace, "redline", REG, "--amendment", "qc-moi", "-o", str(tmp_path / "moved.html"))
    assert redline.exit_code == 0, redline.output
    shown = re.sub(r"<[^>]+>", "", unsaid((tmp_path / "moved.html").read_text(encoding="utf-8")))
    assert "(chuyển đến Điều 15a)" in shown and "Điều 15a (chuyển từ Điều 13)" in shown

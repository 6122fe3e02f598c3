"""`regdraft amend from-edits` on a document amending two regulations: `-r` chooses the amending
article it rewrites, every other article is kept byte for byte, and what cannot be meant is refused."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from regdraft.core.amend import load_amendment
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.workspace.rounds import draft_text
from regdraft.workspace.store import Workspace
from tests.test_review_several import MAIN, NEW_CLAUSE, NEW_POINT, SECOND, SLUG, document, several_workspace

from .conftest import Invoke

AMENDMENT = f"amendments/{SLUG}/amendment.md"
# Khoản 2 Điều 6 of the second regulation, which the document does not amend yet.
OLD_B = "Chỉ đạo chuẩn bị nội dung và tổ chức các hội nghị"
NEW_B = "Chỉ đạo chuẩn bị nội dung, tài liệu và tổ chức các hội nghị"


@pytest.fixture
def ws(empty_workspace: Workspace) -> Workspace:
    return several_workspace(empty_workspace)


def articles(text: str) -> dict[str, str]:
    """The document's front matter and preamble (key "") and each article's text, by its label."""
    pieces = re.split(r"(?m)^(?=## Điều )", text)
    return {"": pieces[0], **{re.match(r"## Điều (\w+)", p).group(1): p for p in pieces[1:]}}  # type: ignore[union-attr]


def edited_draft(ws: Workspace, tmp_path: Path, regulation: str, old: str, new: str) -> Path:
    """The draft of `regulation` (as the document amends it now) with `old` replaced by `new`, in a file."""
    text = render(draft_text(ws, SLUG, regulation=regulation))
    assert old in text
    path = tmp_path / "edited.md"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_the_second_regulation_rewrites_only_its_own_article(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    before = ws.path(AMENDMENT).read_text(encoding="utf-8")
    main_draft = render(draft_text(ws, SLUG))
    edited = edited_draft(ws, tmp_path, SECOND, OLD_B, NEW_B)
    head = ws.resolve("HEAD").sha
    result = invoke(ws, "amend", "from-edits", SLUG, "-r", SECOND, "--edited", str(edited), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["instructions"] == 2 and data["commit"]
    assert "+2\\. Sửa đổi, bổ sung khoản 2 Điều 6 như sau:" in data["diff"]
    after = ws.path(AMENDMENT).read_text(encoding="utf-8")
    was, now = articles(before), articles(after)
    # Front matter, preamble, Điều 1 (the other regulation's) and Điều 3 are the same bytes.
    assert [now[k] for k in ("", "1", "3")] == [was[k] for k in ("", "1", "3")]
    assert now["2"] != was["2"] and now["2"].startswith("## Điều 2. Sửa đổi, bổ sung Quy chế làm việc\n\n1\\. ")
    # Applied, the document gives the edited text for the second regulation, and the first one as before.
    assert render(draft_text(ws, SLUG, regulation=SECOND)) == render(parse(edited.read_bytes(), "edited"))
    assert render(draft_text(ws, SLUG)) == main_draft
    amendment = load_amendment(after, AMENDMENT, SLUG)
    assert [ins.article for ins in amendment.for_regulation(SECOND).instructions] == ["2", "2"]
    # One commit, naming the regulation and its article.
    assert ws.repo.git.rev_list(f"{head}..HEAD").split() == [ws.resolve("HEAD").sha]
    message = str(ws.repo.head.commit.message)
    assert message.startswith("Draft 1 of 07-QC/TU: amends điểm a khoản 1 Điều 5 and khoản 2 Điều 6 of "
                              f"{SECOND} (Điều 2)\n\nThe instructions of Điều 2 (amending {SECOND}), written from")
    assert invoke(ws, "amend", "check", SLUG).exit_code == 0


def test_the_first_regulation_by_its_file_name_rewrites_only_its_article(ws: Workspace, invoke: Invoke,
                                                                         tmp_path: Path) -> None:
    before = articles(ws.path(AMENDMENT).read_text(encoding="utf-8"))
    edited = edited_draft(ws, tmp_path, MAIN, NEW_CLAUSE, "Thường trực Tỉnh ủy bảo đảm và báo cáo việc thực hiện.")
    result = invoke(ws, "amend", "from-edits", SLUG, "-r", "02-QC-TU", "--edited", str(edited))
    assert result.exit_code == 0, result.output
    after = articles(ws.path(AMENDMENT).read_text(encoding="utf-8"))
    assert [after[k] for k in ("", "2", "3")] == [before[k] for k in ("", "2", "3")]
    assert "bảo đảm và báo cáo việc thực hiện." in after["1"] and "2\\. Bãi bỏ Điều 4." in after["1"]
    assert render(draft_text(ws, SLUG)) == render(parse(edited.read_bytes(), "edited"))


def test_reasons_of_the_other_article_are_kept(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    text = document().replace("effective: null\n", "effective: null\nreasons:\n  khoản 2 Điều 1: Lý do một.\n"
                                                   "  khoản 1 Điều 2: Lý do hai.\n")
    ws.commit({AMENDMENT: text.encode("utf-8")}, "Give reasons")
    edited = edited_draft(ws, tmp_path, SECOND, OLD_B, NEW_B)
    result = invoke(ws, "amend", "from-edits", SLUG, "-r", SECOND, "--edited", str(edited))
    assert result.exit_code == 0, result.output
    amendment = load_amendment(ws.path(AMENDMENT).read_bytes(), AMENDMENT, SLUG)
    assert [amendment.reason(ins) for ins in amendment.instructions] == ["", "Lý do một."]
    second = amendment.for_regulation(SECOND)
    # The reason of the point amended before follows it; the new instruction has none.
    assert [(ins.cite(), second.reason(ins)) for ins in second.instructions] == [
        ("khoản 1 Điều 2", "Lý do hai."), ("khoản 2 Điều 2", "")]


def test_refusals_name_the_regulations_and_write_nothing(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    edited = edited_draft(ws, tmp_path, SECOND, OLD_B, NEW_B)
    unnamed = invoke(ws, "amend", "from-edits", SLUG, "--edited", str(edited))
    assert unnamed.exit_code == 2
    assert (f"The amendment '{SLUG}' amends {MAIN} (Điều 1), {SECOND} (Điều 2); name the regulation whose "
            "edited text this is. (Option: --regulation ID.)") in " ".join(unnamed.output.split())
    elsewhere = invoke(ws, "amend", "from-edits", SLUG, "-r", "09-QC/TU", "--edited", str(edited))
    assert elsewhere.exit_code == 2
    assert f"amends {MAIN} (Điều 1), {SECOND} (Điều 2), not 09-QC/TU" in " ".join(elsewhere.output.split())
    # A document amending one regulation refuses another regulation of the workspace in the same words.
    one = document().replace("amends:\n  1: 02-QC/TU\n  2: 01-QC/TU\n", "")
    one = one[:one.index("## Điều 2.")] + one[one.index("## Điều 3."):]
    ws.commit({"amendments/one/amendment.md": one.encode("utf-8")}, "A document amending one regulation")
    head = ws.resolve("HEAD").sha
    single = invoke(ws, "amend", "from-edits", "one", "-r", SECOND, "--edited", str(edited))
    assert single.exit_code == 2 and f"amends {MAIN} (Điều 1), not {SECOND}" in " ".join(single.output.split())
    assert ws.resolve("HEAD").sha == head and ws.repo.git.status("--porcelain") == ""
    # Without -r it still rewrites its only article, as before.
    edited_main = edited_draft(ws, tmp_path, MAIN, NEW_CLAUSE, "Thường trực Tỉnh ủy chỉ đạo thực hiện.")
    done = invoke(ws, "amend", "from-edits", "one", "--edited", str(edited_main))
    assert done.exit_code == 0, done.output
    assert NEW_POINT not in ws.path("amendments/one/amendment.md").read_text(encoding="utf-8")


def test_a_document_amending_one_regulation_in_a_later_article(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # `article: 2`: Điều 2 amends the regulation, Điều 1 (here a stand-in for another document's
    # amendment) is kept as text; from-edits rewrites Điều 2, not the first article.
    one = document().replace(f"regulation: {MAIN}\namends:\n  1: 02-QC/TU\n  2: 01-QC/TU\n",
                             f"regulation: {SECOND}\narticle: 2\n")
    ws.commit({"amendments/later/amendment.md": one.encode("utf-8")}, "A document amending in its Điều 2")
    edited = edited_draft(ws, tmp_path, SECOND, OLD_B, NEW_B)
    result = invoke(ws, "amend", "from-edits", "later", "--edited", str(edited))
    assert result.exit_code == 0, result.output
    before, after = articles(one), articles(ws.path("amendments/later/amendment.md").read_text(encoding="utf-8"))
    assert [after[k] for k in ("", "1", "3")] == [before[k] for k in ("", "1", "3")]
    assert "2\\. Sửa đổi, bổ sung khoản 2 Điều 6 như sau:" in after["2"]
    assert "The instructions of Điều 2, written from" in str(ws.repo.head.commit.message)

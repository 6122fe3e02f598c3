"""Two drafters adding instructions to one amendment (r37 sweep BQ 3): Lan's `amend from-edits` on one provision and
Minh's on another each wrote their instruction under the same number, and the sync stopped on a conflict that
`--ours` or `--theirs` settled only by throwing a colleague's instruction away, though docs/collaboration.md said such
edits merge. The sync now keeps both, numbered as `amend from-edits` numbers them. Lan's and Minh's clones sharing a
bare remote, with real git."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft.workspace.regenerate import split_instructions
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT as SLUG
from tests.conftest import Invoke, two_clones

AMENDMENT = f"amendments/{SLUG}/amendment.md"
# Two edits of the shipped draft's preview, on provisions its instructions leave alone: Điều 13 (between the
# instructions on Điều 12 and Điều 14) and Điều 15 (after them).
ON_13 = ("Ban Thường vụ Tỉnh ủy họp thường kỳ mỗi tháng hai lần",
         "Ban Thường vụ Tỉnh ủy họp thường kỳ mỗi tháng ba lần")
ON_15 = ("giơ tay, bỏ phiếu kín hoặc ghi phiếu.", "giơ tay, bỏ phiếu kín, ghi phiếu hoặc biểu quyết điện tử.")


def _git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, capture_output=True, text=True, check=True).stdout


def edited_preview(ws: Workspace, invoke: Invoke, tmp_path: Path, *edits: tuple[str, str], slug: str = SLUG) -> Path:
    """The preview of `slug` with each (old, new) made once, as a file."""
    preview = tmp_path / f"{ws.root.name}-preview.md"
    done = invoke(ws, "amend", "preview", slug, "-o", str(preview))
    assert done.exit_code == 0, done.output
    text = preview.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    preview.write_text(text, encoding="utf-8")
    return preview


def _from_edits(ws: Workspace, invoke: Invoke, tmp_path: Path, *edits: tuple[str, str], slug: str = SLUG) -> None:
    """`amend from-edits` of `slug` from its preview with each (old, new) made once."""
    done = invoke(ws, "amend", "from-edits", slug, "--edited", str(edited_preview(ws, invoke, tmp_path, *edits,
                                                                                  slug=slug)))
    assert done.exit_code == 0, done.output


def _instructions(ws: Workspace) -> str:
    return split_instructions((ws.root / AMENDMENT).read_text(encoding="utf-8"))[1]


@pytest.fixture
def clones(tmp_workspace: Workspace, tmp_path: Path) -> tuple[Workspace, Workspace]:
    return two_clones(tmp_workspace, tmp_path)


@pytest.mark.parametrize("lans, minhs", [(ON_15, ON_13), (ON_13, ON_15)])
def test_instructions_two_drafters_add_to_one_amendment_are_both_kept_in_order(
        clones: tuple[Workspace, Workspace], tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path,
        lans: tuple[str, str], minhs: tuple[str, str]) -> None:
    lan, minh = clones
    _from_edits(lan, invoke, tmp_path, lans)
    _from_edits(minh, invoke, tmp_path, minhs)
    assert invoke(lan, "sync").exit_code == 0
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output
    said = " ".join(done.output.split())
    assert (f"{AMENDMENT}: you and a colleague (origin) each added instructions to Điều 1; both were kept, placed "
            "among the instructions in the order of the provisions they amend, as amend from-edits places them: "
            "khoản 8 Điều 1 (Sửa đổi, bổ sung khoản 1 Điều 13, ") in said, said
    assert "khoản 10 Điều 1 (Sửa đổi, bổ sung khoản 1 Điều 15, " in said, said
    assert ("from origin); khoản 10" if lans == ON_13 else "yours); khoản 10") in said, said
    assert "; of the instructions you both had, 8 is now 9 and 9–14 are now 11–16." in said, said
    assert _git(minh, "status", "--porcelain") == "" and _git(minh, "rev-parse", "HEAD") == \
        _git(minh, "rev-parse", "origin/main")
    # What one drafter making both edits gets from `amend from-edits`, numbers and all.
    _from_edits(tmp_workspace, invoke, tmp_path, lans, minhs)
    assert _instructions(minh) == _instructions(tmp_workspace)
    assert invoke(lan, "sync").exit_code == 0 and _instructions(lan) == _instructions(tmp_workspace)
    checked = invoke(minh, "amend", "check", SLUG)
    assert checked.exit_code == 0, checked.output


def test_two_drafters_amending_one_provision_still_choose(clones: tuple[Workspace, Workspace], invoke: Invoke,
                                                          tmp_path: Path) -> None:
    # Two instructions on one provision are no instructions to keep side by side: git's conflict stands.
    lan, minh = clones
    _from_edits(lan, invoke, tmp_path, ON_15)
    _from_edits(minh, invoke, tmp_path, ("giơ tay, bỏ phiếu kín hoặc ghi phiếu.", "giơ tay hoặc bỏ phiếu kín."))
    assert invoke(lan, "sync").exit_code == 0
    stopped = invoke(minh, "sync")
    assert stopped.exit_code == 1 and "you and a colleague changed the same provisions" in stopped.output
    assert invoke(minh, "sync", "--abort").exit_code == 0


# A document amending two regulations (r38): Điều 1 amends 02-QC/TU, Điều 2 amends 01-QC/TU (tests/test_review_several).
# Edits of 01-QC/TU's provisions Điều 2 leaves alone, after the one it amends (điểm a khoản 1 Điều 5): each drafter's
# instruction goes at the end of Điều 2, where git finds both.
ON_6 = ("Chỉ đạo chuẩn bị nội dung và tổ chức các hội nghị",
        "Chỉ đạo chuẩn bị nội dung, tài liệu và tổ chức các hội nghị")
ON_MAIN = ("Báo cáo định kỳ 6 tháng và hằng năm.", "Báo cáo định kỳ quý, 6 tháng và hằng năm.")  # khoản 1 Điều 5


def _several_from_edits(ws: Workspace, invoke: Invoke, tmp_path: Path, regulation: str,
                        *edits: tuple[str, str]) -> None:
    from regdraft.core.markdown_writer import render
    from regdraft.workspace.rounds import draft_text
    from tests.test_review_several import SLUG as BOTH

    text = render(draft_text(ws, BOTH, regulation=regulation))
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    edited = tmp_path / f"{ws.root.name}-edited.md"
    edited.write_text(text, encoding="utf-8")
    done = invoke(ws, "amend", "from-edits", BOTH, "-r", regulation, "--edited", str(edited))
    assert done.exit_code == 0, done.output


@pytest.fixture
def several(empty_workspace: Workspace, tmp_path: Path) -> tuple[Workspace, Workspace, Workspace]:
    """The office's workspace with a document amending two regulations, and Lan's and Minh's clones of it."""
    from tests.test_review_several import several_workspace

    office = several_workspace(empty_workspace)
    return (office, *two_clones(office, tmp_path))


def test_a_document_amending_two_regulations_is_merged_article_by_article(
        several: tuple[Workspace, Workspace, Workspace], invoke: Invoke, tmp_path: Path) -> None:
    from tests.test_review_several import MAIN, SECOND
    from tests.test_review_several import SLUG as BOTH

    office, lan, minh = several
    path = f"amendments/{BOTH}/amendment.md"
    _several_from_edits(lan, invoke, tmp_path, MAIN, ON_MAIN)  # Điều 1: Lan's alone
    _several_from_edits(lan, invoke, tmp_path, SECOND, ON_6)
    _several_from_edits(minh, invoke, tmp_path, SECOND, ON_13)  # Điều 2: both add to it
    assert invoke(lan, "sync").exit_code == 0
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output
    said = " ".join(done.output.split())
    assert (f"{path}: you and a colleague (origin) each added instructions to Điều 2 (amending {SECOND}); both were "
            "kept, placed among the instructions in the order of the provisions they amend, as amend from-edits "
            "places them: khoản 2 Điều 2 (Sửa đổi, bổ sung khoản 2 Điều 6, from origin); khoản 3 Điều 2 (Sửa đổi, "
            f"bổ sung khoản 1 Điều 13, yours); the instructions you both had keep their numbers; Điều 1 (amending "
            f"{MAIN}), which only the colleague changed, is kept as they wrote it.") in said, said
    assert _git(minh, "status", "--porcelain") == "" and _git(minh, "rev-parse", "HEAD") == \
        _git(minh, "rev-parse", "origin/main")
    # What one drafter making the three edits gets, article by article, numbers and all.
    _several_from_edits(office, invoke, tmp_path, MAIN, ON_MAIN)
    _several_from_edits(office, invoke, tmp_path, SECOND, ON_6, ON_13)
    assert (minh.root / path).read_text(encoding="utf-8") == (office.root / path).read_text(encoding="utf-8")
    checked = invoke(minh, "amend", "check", BOTH)
    assert checked.exit_code == 0, checked.output


def test_two_drafters_adding_to_one_article_of_a_document_amending_two_regulations(
        several: tuple[Workspace, Workspace, Workspace], invoke: Invoke, tmp_path: Path) -> None:
    from tests.test_review_several import SECOND
    from tests.test_review_several import SLUG as BOTH

    office, lan, minh = several
    path = f"amendments/{BOTH}/amendment.md"
    _several_from_edits(lan, invoke, tmp_path, SECOND, ON_13)
    _several_from_edits(minh, invoke, tmp_path, SECOND, ON_6)
    assert invoke(lan, "sync").exit_code == 0
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output
    said = " ".join(done.output.split())
    assert (f"{path}: you and a colleague (origin) each added instructions to Điều 2 (amending {SECOND}); both were "
            "kept, placed among the instructions in the order of the provisions they amend, as amend from-edits "
            "places them: khoản 2 Điều 2 (Sửa đổi, bổ sung khoản 2 Điều 6, yours); khoản 3 Điều 2 (Sửa đổi, bổ sung "
            "khoản 1 Điều 13, from origin); the instructions you both had keep their numbers.") in said, said
    _several_from_edits(office, invoke, tmp_path, SECOND, ON_6, ON_13)
    assert (minh.root / path).read_text(encoding="utf-8") == (office.root / path).read_text(encoding="utf-8")
    assert invoke(lan, "sync").exit_code == 0
    assert (lan.root / path).read_text(encoding="utf-8") == (office.root / path).read_text(encoding="utf-8")


def test_a_change_besides_additions_in_a_document_amending_two_regulations_still_stops(
        empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # Điều 2 amends điểm a khoản 1 Điều 5 and khoản 1 Điều 15; Lan and Minh each add an instruction between the two,
    # and Minh rewrites the one on Điều 15 besides: not only additions, so git's conflict stands, both sides' files as
    # git leaves them.
    from tests.test_review_several import SECOND, several_workspace
    from tests.test_review_several import SLUG as BOTH

    office = several_workspace(empty_workspace)
    _several_from_edits(office, invoke, tmp_path, SECOND, ON_15)
    lan, minh = two_clones(office, tmp_path)
    path = f"amendments/{BOTH}/amendment.md"
    _several_from_edits(lan, invoke, tmp_path, SECOND, ON_6)
    _several_from_edits(minh, invoke, tmp_path, SECOND, ON_13, (ON_15[1], "giơ tay hoặc biểu quyết điện tử."))
    assert invoke(lan, "sync").exit_code == 0
    lans, minhs = _git(lan, "show", f"HEAD:{path}"), _git(minh, "show", f"HEAD:{path}")
    stopped = invoke(minh, "sync")
    assert stopped.exit_code == 1 and "you and a colleague changed the same provisions" in stopped.output
    assert (_git(minh, "show", f":2:{path}"), _git(minh, "show", f":3:{path}")) == (lans, minhs)
    assert "<<<<<<<" in (minh.root / path).read_text(encoding="utf-8")
    assert invoke(minh, "sync", "--abort").exit_code == 0
    assert (minh.root / path).read_text(encoding="utf-8") == minhs

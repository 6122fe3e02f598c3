"""A remote commit titled as an adoption must have applied the amendment to its regulation before a sync sets your
adoption of it aside (r36 sweep BK F3). Round 35 took a change to any file under `regulations/` as the proof: an
empty `regulations/.keep`, one blank line added to the regulation, or any edit of it passed, and the sync dropped the
drafter's real adoption, the regulation left unamended while the amendment showed adopted. Lan's and Minh's clones
sharing a bare remote, with real git."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT as SLUG
from tests.conftest import Invoke, two_clones

AMENDMENT = f"amendments/{SLUG}/amendment.md"
REGULATION = "regulations/01-QC-TU.md"
TAG = "adopted/05-QC-TU"
SPOKEN = "Trung ương Đảng khóa XII, Bộ Chính trị"  # khoản 1 Điều 3, whose “khóa XII” the amendment leaves out


def _git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, capture_output=True, text=True, check=True).stdout


def _keep(lan: Workspace) -> None:
    (lan.root / "regulations" / ".keep").write_bytes(b"")


def _blank_line(lan: Workspace) -> None:
    path = lan.root / REGULATION
    path.write_text(path.read_text(encoding="utf-8").replace("\n\n", "\n\n\n", 1), encoding="utf-8")


def _other_edit(lan: Workspace) -> None:
    path = lan.root / REGULATION
    text = path.read_text(encoding="utf-8")
    assert SPOKEN in text
    path.write_text(text.replace(SPOKEN, "Trung ương Đảng khóa XIII, Bộ Chính trị", 1), encoding="utf-8")


def _forge(lan: Workspace, change: Callable[[Workspace], None]) -> str:
    """Lan's commit setting the front matter to adopted with real dates, titled as an adoption, the amendment not
    applied but a file under `regulations/` changed (`change`); pushed to origin. Its sha."""
    path = lan.root / AMENDMENT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: circulating", "status: adopted", 1).replace(
        "signed: null", "signed: 2026-06-20", 1).replace("effective: null", "effective: 2026-07-01", 1),
        encoding="utf-8")
    change(lan)
    _git(lan, "add", "-A")
    _git(lan, "commit", "-qm", f"Adopt amendment 05-QC/TU ({SLUG}) to 01-QC/TU: signed 2026-06-20, effective "
                               "2026-07-01")
    _git(lan, "push", "-q", "origin", "HEAD")
    return _git(lan, "rev-parse", "HEAD").strip()


@pytest.mark.parametrize(("change", "why"), [
    (_keep, f"does not change {REGULATION}, the text of 01-QC/TU it amends: it changes {AMENDMENT}, "
            "regulations/.keep only."),
    (_blank_line, f"changes {REGULATION}, but not as {SLUG} amends it: the text there does not read as the amendment "
                  "applied to the text before that commit (first at khoản 1 Điều 3)."),
    (_other_edit, f"changes {REGULATION}, but not as {SLUG} amends it: the text there does not read as the amendment "
                  "applied to the text before that commit (first at khoản 1 Điều 3)."),
], ids=["keep-file", "blank-line", "other-edit"])
def test_a_remote_adoption_that_did_not_amend_the_regulation_never_sets_yours_aside(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke, change: Callable[[Workspace], None],
        why: str) -> None:
    lan, minh = two_clones(tmp_workspace, tmp_path)
    forged = _forge(lan, change)
    adopted = invoke(minh, "amend", "adopt", SLUG, "--signed", "2026-06-21", "--effective", "2026-08-01", "--force",
                     "--reason", "thử")
    assert adopted.exit_code == 0, adopted.output
    head = _git(minh, "rev-parse", "HEAD")
    refused = invoke(minh, "sync")
    assert refused.exit_code == 1, refused.output
    said = " ".join(refused.output.split())
    assert f"Refusing to sync: on origin, {AMENDMENT} says {SLUG} (05-QC/TU) is adopted, but that is no adoption " \
           f"regdraft made: the commit saying so ({forged[:8]} by Lan) {why} Your adoption (signed 2026-06-21, in " \
           "force from 2026-08-01, commit " in said, said
    assert f"Ask Lan to undo that change on origin (`git revert --no-edit {forged[:8]}` in their clone, then " \
           "`regdraft sync`)" in said
    assert "set aside" not in said and "is kept" not in said
    # Nothing changed: Minh's adoption, its tag and its amended text stay; no rebase begun.
    assert _git(minh, "rev-parse", "HEAD") == head
    assert _git(minh, "rev-parse", f"{TAG}^{{commit}}") == head
    assert _git(minh, "status", "--porcelain") == "" and not (minh.root / ".git" / "rebase-merge").exists()
    assert SPOKEN not in (minh.root / REGULATION).read_text(encoding="utf-8")


OTHER = "b-sua-doi"
OTHER_TEXT = (
    "---\nnumber: 06-QC/TU\ntype: Quy chế\ntitle: Quy chế sửa đổi\nregulation: 01-QC/TU\nlanguage: vi\n"
    "status: adopted\ndraft: 1\nsigned: 2026-05-20\neffective: 2026-06-01\n---\n\nCăn cứ Điều lệ Đảng;\n\n"
    "## Điều 1. Sửa đổi, bổ sung một số điều\n\n"
    "1\\. Thay thế cụm từ “một năm báo cáo Bộ Chính trị” bằng cụm từ “hằng năm báo cáo Bộ Chính trị” tại điểm b "
    "khoản 2 Điều 5.\n\n2\\. Bãi bỏ khoản 3 Điều 5.\n\n## Điều 2. Hiệu lực thi hành\n\nQuy chế này có hiệu lực kể "
    "từ ngày ký.\n")


def test_an_adoption_a_sync_rebuilt_in_date_order_is_an_adoption(tmp_workspace: Workspace, invoke: Invoke) -> None:
    """Two adoptions meeting in a regulation are settled by rebuilding it as its base text with every adopted
    amendment replayed in date order (`resolve.settle_adoptions`): 06-QC/TU, in force before 05-QC/TU, replaced a
    phrase of khoản 2 Điều 5 that 05-QC/TU then rewrote whole. Applied to the text before that commit, 06-QC/TU
    would replace the phrase in the new khoản 2 too; the commit is still the adoption, as `check` holds it to."""
    from regdraft.core.markdown_writer import render
    from regdraft.workspace.adoption_proof import not_applied
    from regdraft.workspace.timeline import adopted_for, base_text, replay

    adopted = invoke(tmp_workspace, "amend", "adopt", SLUG, "--signed", "2026-06-20", "--effective", "2026-07-01",
                     "--force", "--reason", "thử")
    assert adopted.exit_code == 0, adopted.output
    parent = _git(tmp_workspace, "rev-parse", "HEAD").strip()
    (tmp_workspace.root / "amendments" / OTHER).mkdir()
    (tmp_workspace.root / "amendments" / OTHER / "amendment.md").write_text(OTHER_TEXT, encoding="utf-8")
    history = adopted_for(tmp_workspace, "01-QC/TU")
    assert [a.slug for a in history] == [OTHER, SLUG]
    rebuilt = render(replay(base_text(tmp_workspace, REGULATION), history, None).regulation)
    assert "hằng năm báo cáo Bộ" not in rebuilt and "một năm báo cáo Bộ" in rebuilt  # 05-QC/TU's khoản 2 stands whole
    (tmp_workspace.root / REGULATION).write_text(rebuilt, encoding="utf-8")
    _git(tmp_workspace, "add", "-A")
    _git(tmp_workspace, "-c", "user.name=Hoa", "-c", "user.email=hoa@x.example", "commit", "-qm",
         f"Adopt amendment 06-QC/TU ({OTHER}) to 01-QC/TU: signed 2026-05-20, "
         "effective 2026-06-01")
    [found] = tmp_workspace.commits(parent, "HEAD")
    assert not_applied(tmp_workspace, OTHER, found) == []
    assert invoke(tmp_workspace, "check").exit_code == 0

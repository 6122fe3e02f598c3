"""A regulation in force edited by hand is not sent by `sync` (r37 sweep BQ 2): `check` called it "edited without an
amendment", but the sync sent it to every clone saying only "edited by Hoa", even an edit kept with `resolve --ours`
over a colleague's adoption, which took the adopted wording out of the shared text. A conflict whose remote side is an
adoption names it, and `resolve --ours` says it drops that adoption's changes. Lan's and Minh's clones sharing a bare
remote, with real git."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT as SLUG
from tests.conftest import Invoke, two_clones

REGULATION = "regulations/01-QC-TU.md"
ADOPTED = "b) Định kỳ 6 tháng, một năm báo cáo Bộ Chính trị, Ban Bí thư về tình hình mọi mặt của tỉnh và kết quả " \
          "thực hiện các nghị quyết, chỉ thị của Đảng;"  # điểm b khoản 2 Điều 5 as 05-QC/TU words it


def _git(ws: Workspace | Path, *args: str) -> str:
    where = ws.root if isinstance(ws, Workspace) else ws
    return subprocess.run(["git", *args], cwd=where, capture_output=True, text=True, check=True).stdout


def _edit(ws: Workspace, old: str, new: str, message: str) -> str:
    path = ws.root / REGULATION
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    _git(ws, "commit", "-qam", message)
    return _git(ws, "rev-parse", "HEAD").strip()


@pytest.fixture
def adopted(tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> tuple[Workspace, Workspace, Path]:
    """Lan's clone, which adopted the shipped amendment (05-QC/TU) and sent it; Minh's, which has not synced since."""
    lan, minh = two_clones(tmp_workspace, tmp_path)
    done = invoke(lan, "amend", "adopt", SLUG, "--signed", "2026-06-20", "--effective", "2026-07-01", "--force",
                  "--reason", "thử")
    assert done.exit_code == 0, done.output
    assert invoke(lan, "sync").exit_code == 0
    return lan, minh, tmp_path / "office.git"


def test_a_hand_edit_of_the_regulation_in_force_is_not_sent(adopted: tuple[Workspace, Workspace, Path],
                                                            invoke: Invoke) -> None:
    lan, minh, remote = adopted
    assert invoke(minh, "sync").exit_code == 0
    shared = _git(remote, "rev-parse", "main")
    edit = _edit(minh, "Bí thư chủ trì hội nghị;", "Bí thư Tỉnh ủy chủ trì hội nghị;", "sửa tay")
    refused = invoke(minh, "sync")
    assert refused.exit_code == 1, refused.output
    said = " ".join(refused.output.split())
    line = next(n for n, text in enumerate((minh.root / REGULATION).read_text(encoding="utf-8").splitlines(), 1)
                if "Bí thư Tỉnh ủy chủ trì hội nghị;" in text)
    assert said == (
        f"Error: Nothing was sent to origin: {REGULATION}:{line}: differs from its base text with the adopted "
        "amendments replayed (first at khoản 4 Điều 12): it was edited without an amendment. Undo the edit, or write "
        f'it as an amendment and adopt it. Your commit {edit[:8]} ("sửa tay", by Minh) made it: `git revert '
        f"{edit[:8]}` undoes it. Sent, it would become every clone's text in force. Your commits stay here. Then run "
        "`regdraft sync` again; or, if the office means this text in force to read so, send the edit as it is with "
        "`regdraft sync --send-hand-edits`."), said
    assert _git(remote, "rev-parse", "main") == shared and _git(minh, "rev-parse", "HEAD").strip() == edit
    assert _git(minh, "status", "--porcelain") == ""
    # Undone as it says, the sync sends both commits, and the text in force is the adopted one everywhere.
    _git(minh, "revert", "--no-edit", edit[:8])
    assert invoke(minh, "sync").exit_code == 0
    assert invoke(lan, "sync").exit_code == 0
    assert "edited without an amendment" not in invoke(lan, "check").output


def test_an_edit_kept_over_a_colleagues_adoption_is_named_so_and_not_sent(adopted: tuple[Workspace, Workspace, Path],
                                                                        invoke: Invoke) -> None:
    lan, minh, remote = adopted
    shared = _git(remote, "rev-parse", "main")
    _edit(minh, "b) Định kỳ 6 tháng, một năm", "b) Định kỳ 6 tháng (ghi chú của Minh), một năm", "Ghi chú của Minh")
    stopped = invoke(minh, "sync")
    assert stopped.exit_code == 1, stopped.output
    assert "│ From origin: the adoption of 05-QC/TU by Lan" in stopped.output, stopped.output
    assert "From origin (theirs)" not in stopped.output
    assert ("(the whole file: this drops the changes the adoption of 05-QC/TU by Lan made to it, so the regulation "
            "would no longer be the text in force, and the sync would not send it)") in stopped.output, stopped.output
    kept = invoke(minh, "resolve", REGULATION, "--ours")
    assert kept.exit_code == 0, kept.output
    assert kept.output.startswith(
        f"Resolved {REGULATION}: kept your version, the whole file, so the changes the adoption of 05-QC/TU by Lan "
        "made to it are dropped: the regulation is no longer the text in force, and the sync will not send it."), \
        kept.output
    refused = invoke(minh, "sync", "--continue")
    assert refused.exit_code == 1, refused.output
    said = " ".join(refused.output.split())
    assert "Nothing was sent to origin: regulations/01-QC-TU.md:" in said and "it was edited without an amendment" \
        in said, said
    assert 'Your commit ' in said and '("Ghi chú của Minh", by Minh) made it' in said
    assert ("The work from origin was brought in (qc-sua-doi-2025 adopted as 05-QC/TU by Lan, in force from "
            "2026-07-01); your commits stay here on top of it.") in said, said
    assert _git(remote, "rev-parse", "main") == shared
    assert ADOPTED in (lan.root / REGULATION).read_text(encoding="utf-8")
    # The next sync says the same, and sends nothing: no note of an interrupted sync is left.
    again = invoke(minh, "sync")
    assert again.exit_code == 1 and "Nothing was sent to origin" in again.output
    assert "interrupted" not in again.output and "brought in" not in again.output, again.output
    assert _git(remote, "rev-parse", "main") == shared


def test_a_conflict_on_a_plain_edit_of_the_regulation_names_no_adoption(adopted: tuple[Workspace, Workspace, Path],
                                                                       invoke: Invoke) -> None:
    # The column stays `From origin (theirs)` when the remote's side is no adoption.
    lan, minh, _ = adopted
    assert invoke(minh, "sync").exit_code == 0
    _edit(lan, "Bí thư chủ trì hội nghị;", "Bí thư Tỉnh ủy chủ trì hội nghị;", "sửa của Lan")
    _edit(minh, "Bí thư chủ trì hội nghị;", "Bí thư Tỉnh ủy (Minh) chủ trì hội nghị;", "sửa của Minh")
    _git(lan, "push", "-q", "origin", "main")
    stopped = invoke(minh, "sync")
    assert stopped.exit_code == 1 and "│ From origin (theirs)" in stopped.output, stopped.output
    assert "adoption" not in stopped.output


def test_a_hand_edit_the_office_means_is_sent_when_asked_and_named_so(adopted: tuple[Workspace, Workspace, Path],
                                                                     invoke: Invoke) -> None:
    # The refusal had no way through but plain `git push` (r37's note): `--send-hand-edits` sends it, and says so.
    lan, minh, remote = adopted
    assert invoke(minh, "sync").exit_code == 0
    edit = _edit(minh, "Bí thư chủ trì hội nghị;", "Bí thư Tỉnh ủy chủ trì hội nghị;", "sửa tay")
    before = {where: _git(where, "for-each-ref") for where in (minh.root, remote)}
    index = (minh.root / ".git" / "index").read_bytes()
    refused = invoke(minh, "sync", "--continue", "--send-hand-edits")  # no stopped sync: nothing to continue
    assert refused.exit_code == 2 and "no stopped sync" in refused.output, refused.output
    assert invoke(minh, "sync", "--abort", "--send-hand-edits").exit_code == 2
    assert {where: _git(where, "for-each-ref") for where in (minh.root, remote)} == before
    assert (minh.root / ".git" / "index").read_bytes() == index
    sent = invoke(minh, "sync", "--send-hand-edits")
    assert sent.exit_code == 0, sent.output
    said = " ".join(sent.output.split())
    line = next(n for n, text in enumerate((minh.root / REGULATION).read_text(encoding="utf-8").splitlines(), 1)
                if "Bí thư Tỉnh ủy chủ trì hội nghị;" in text)
    assert (f"Sent to origin as you asked: {REGULATION}:{line}: differs from its base text with the adopted "
            "amendments replayed (first at khoản 4 Điều 12), a deliberate edit of the text in force made without an "
            f'amendment by your commit {edit[:8]} ("sửa tay", by Minh). It is now every clone\'s text in force; '
            "`regdraft check` goes on naming it edited without an amendment.") in said, said
    assert said.startswith("From origin: nothing new. To origin: 01-QC/TU (Quy chế làm việc") and "edited by Minh" \
        in said, said
    head = _git(minh, "rev-parse", "HEAD").strip()
    assert _git(remote, "rev-parse", "main").strip() == head
    assert invoke(lan, "sync").exit_code == 0
    assert "Bí thư Tỉnh ủy chủ trì hội nghị;" in (lan.root / REGULATION).read_text(encoding="utf-8")


def test_an_issued_amending_document_rewritten_is_not_sent(adopted: tuple[Workspace, Workspace, Path],
                                                           invoke: Invoke) -> None:
    """r39 sweep BZ F2: a word of the issued 05-QC/TU changed by hand and committed went out saying only "edited by"."""
    lan, minh, remote = adopted
    assert invoke(minh, "sync").exit_code == 0
    shared = _git(remote, "rev-parse", "main")
    source = f"amendments/{SLUG}/amendment.md"
    path = minh.root / source
    text = path.read_text(encoding="utf-8")
    assert "có giá trị như văn bản giấy" in text
    path.write_text(text.replace("có giá trị như văn bản giấy", "có giá trị pháp lý như văn bản giấy"),
                    encoding="utf-8")
    _git(minh, "commit", "-qam", "sửa lỗi chính tả")
    refused = invoke(minh, "sync")
    assert refused.exit_code == 1, refused.output
    said = " ".join(refused.output.split())
    assert f"Error: Nothing was sent to origin: {source}:" in said
    assert "05-QC/TU (qc-sua-doi-2025) is adopted, and its text was changed since its adoption" in said
    assert f"`git checkout adopted/05-QC-TU -- {source}`" in said and "every clone's issued text" in said
    assert _git(remote, "rev-parse", "main") == shared


def test_the_advice_on_an_issued_document_rewritten_reverts_only_what_came_after_its_adoption(
        tmp_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    """r40 sweep CD F1: adopted and rewritten before any sync, the refusal's `git revert` named every unsent commit
    that touched the document, the draft's own edits before its adoption too; run, it reverted the hand edit, then
    stopped in a conflict trying to undo the draft the adoption was made from."""
    lan, _ = two_clones(tmp_workspace, tmp_path)
    remote = tmp_path / "office.git"
    shared = _git(remote, "rev-parse", "main")
    source = f"amendments/{SLUG}/amendment.md"
    path = lan.root / source
    text = path.read_text(encoding="utf-8")
    assert "có giá trị như văn bản giấy" in text and "Quy chế này" in text
    path.write_text(text.replace("Quy chế này", "Quy chế này", 1) + "\n", encoding="utf-8")  # a draft's last edit
    _git(lan, "commit", "-qam", "dự thảo: sửa lần cuối")
    drafted = _git(lan, "rev-parse", "HEAD").strip()
    done = invoke(lan, "amend", "adopt", SLUG, "--signed", "2026-06-20", "--effective", "2026-07-01", "--force",
                  "--reason", "thử")
    assert done.exit_code == 0, done.output
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("có giá trị như văn bản giấy", "có giá trị pháp lý như văn bản giấy"),
                    encoding="utf-8")
    _git(lan, "commit", "-qam", "sửa lỗi chính tả")
    hand = _git(lan, "rev-parse", "HEAD").strip()
    refused = invoke(lan, "sync")
    assert refused.exit_code == 1, refused.output
    said = " ".join(refused.output.split())
    assert f"`git revert {hand[:8]}` undoes it" in said, said
    assert drafted[:8] not in said
    assert _git(remote, "rev-parse", "main") == shared

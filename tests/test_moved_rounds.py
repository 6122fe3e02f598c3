"""A round's draft read where the amendment's file was at the round's revision, its folder moved since (`git mv
amendments/qc-sua-doi-2025 amendments/qc-sua-doi-2025-ban-hanh`, committed: sweep r26 K defect 3). `round report`
and `round copy` stopped on "amendments/…-ban-hanh/amendment.md does not exist at revision …", `comment list` lost
its document order and `check` said "No problems found". Real git commits in a temporary workspace."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from regdraft.workspace import rounds
from regdraft.workspace.rounds import list_comments
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke

MOVED = f"{SHIPPED_AMENDMENT}-ban-hanh"
# Made out of document order: a list in the draft's order is not the order they were made in.
COMMENTS = (("d9", "Góp ý về Điều 9."), ("d3", "Góp ý về Điều 3."), ("d5.k2", "Góp ý về khoản 2 Điều 5."))
IN_ORDER = ["d3", "d5.k2", "d9"]


@pytest.fixture(autouse=True)
def _seconds_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each comment (and the close) made a second after the one before, whatever the clock: made in one second, they
    would be listed in the order of their ids, not the order they were made in."""
    start = dt.datetime.now().astimezone().replace(microsecond=0)
    ticks = iter(range(1, 1000))
    monkeypatch.setattr(rounds, "_now", lambda: (start + dt.timedelta(seconds=next(ticks))).isoformat())


def _git(ws: Workspace, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Lan", "-c", "user.email=lan@tinhuy.example", *args], cwd=ws.root,
                   check=True, capture_output=True)


def _move(ws: Workspace, old: str, new: str) -> None:
    """The amendment's folder moved with `git mv` and committed, as a clerk does it."""
    _git(ws, "mv", f"amendments/{old}", f"amendments/{new}")
    _git(ws, "commit", "-q", "-m", "Đổi tên thư mục")


def _comment(ws: Workspace, invoke: Invoke, slug: str, on: str, text: str) -> None:
    said = invoke(ws, "comment", "add", slug, "--by", "Ban Tổ chức Tỉnh ủy", "--on", on, "--text", text)
    assert said.exit_code == 0, said.output


def _run(ws: Workspace, invoke: Invoke, *args: str) -> str:
    said = invoke(ws, *args)
    assert said.exit_code == 0, said.output
    return str(said.output)


def _report(ws: Workspace, invoke: Invoke, slug: str, out: Path) -> str:
    _run(ws, invoke, "round", "report", slug, "-o", str(out))
    return out.read_text(encoding="utf-8")


def _copy(ws: Workspace, invoke: Invoke, slug: str, out: Path) -> str:
    """The review copy's text (its Word document's body), the digest of the slug in its mark left out."""
    _run(ws, invoke, "round", "copy", slug, "-o", str(out))
    with zipfile.ZipFile(out) as docx:
        return re.sub(r"_rdcopy_[0-9a-f]{10}_", "_rdcopy_", docx.read("word/document.xml").decode("utf-8"))


def _listed(ws: Workspace, slug: str) -> list[str]:
    return [item.comment.on for item in list_comments(ws, slug)]


def _closed_report(ws: Workspace, invoke: Invoke, out: Path) -> str:
    """Every comment recorded, the round closed, its report (CSV) before any move."""
    for on, text in COMMENTS:
        _comment(ws, invoke, SHIPPED_AMENDMENT, on, text)
    _run(ws, invoke, "round", "close", SHIPPED_AMENDMENT)
    return _report(ws, invoke, SHIPPED_AMENDMENT, out)


def test_a_round_closed_before_its_folder_moved_prints_its_report_and_copy(circulating: Workspace, invoke: Invoke,
                                                                          tmp_path: Path) -> None:
    ws = circulating
    before = _closed_report(ws, invoke, tmp_path / "before.csv")
    copied = _copy(ws, invoke, SHIPPED_AMENDMENT, tmp_path / "before.docx")
    assert _listed(ws, SHIPPED_AMENDMENT) == IN_ORDER
    _move(ws, SHIPPED_AMENDMENT, MOVED)
    assert _listed(ws, MOVED) == IN_ORDER  # was the order they were made in: d9, d3, d5.k2
    assert _report(ws, invoke, MOVED, tmp_path / "after.csv") == before
    assert all(text in before for _, text in COMMENTS)
    assert _copy(ws, invoke, MOVED, tmp_path / "after.docx") == copied
    assert "Round 1 on" in _run(ws, invoke, "round", "show", MOVED)
    assert "No problems found" in _run(ws, invoke, "check")


def test_a_folder_moved_while_its_round_is_open_takes_comments_on_the_circulated_draft(
        circulating: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    ws = circulating
    _comment(ws, invoke, SHIPPED_AMENDMENT, *COMMENTS[0])
    _move(ws, SHIPPED_AMENDMENT, MOVED)
    for on, text in COMMENTS[1:]:  # recorded against the draft the round circulated, read where it was then
        _comment(ws, invoke, MOVED, on, text)
    assert _listed(ws, MOVED) == IN_ORDER
    _run(ws, invoke, "round", "close", MOVED)
    report = _report(ws, invoke, MOVED, tmp_path / "report.csv")
    assert all(text in report for _, text in COMMENTS)
    assert report.index("Điều 3.") < report.index("khoản 2 Điều 5.") < report.index("Điều 9.")
    _run(ws, invoke, "round", "copy", MOVED, "-o", str(tmp_path / "copy.docx"))
    assert "No problems found" in _run(ws, invoke, "check")


def test_a_folder_moved_twice_is_followed_back_through_both_moves(circulating: Workspace, invoke: Invoke,
                                                                   tmp_path: Path) -> None:
    ws = circulating
    before = _closed_report(ws, invoke, tmp_path / "before.csv")
    _move(ws, SHIPPED_AMENDMENT, "tam")
    _move(ws, "tam", MOVED)
    assert _report(ws, invoke, MOVED, tmp_path / "after.csv") == before
    assert _listed(ws, MOVED) == IN_ORDER
    _run(ws, invoke, "round", "copy", MOVED, "-o", str(tmp_path / "after.docx"))
    assert "No problems found" in _run(ws, invoke, "check")


def test_check_names_a_round_whose_draft_cannot_be_found_at_its_revision(circulating: Workspace, invoke: Invoke,
                                                                         tmp_path: Path) -> None:
    # Deleted in one commit and added under the new name in another, the file is no move git can follow: the
    # report still cannot be made, and `check` says so on the round's file instead of "No problems found".
    ws = circulating
    _comment(ws, invoke, SHIPPED_AMENDMENT, *COMMENTS[0])
    _run(ws, invoke, "round", "close", SHIPPED_AMENDMENT)
    (ws.root / "amendments" / SHIPPED_AMENDMENT).rename(tmp_path / "kept")
    _git(ws, "add", "-A")
    _git(ws, "commit", "-q", "-m", "Xóa")
    (tmp_path / "kept").rename(ws.root / "amendments" / MOVED)
    _git(ws, "add", "-A")
    _git(ws, "commit", "-q", "-m", "Thêm lại")
    said = invoke(ws, "round", "report", MOVED, "-o", str(tmp_path / "report.csv"))
    assert said.exit_code != 0 and "does not exist at revision" in said.output
    checked = invoke(ws, "check")
    assert checked.exit_code != 0
    revision = ws.read(f"amendments/{MOVED}/rounds/1.yaml").decode("utf-8").split("revision: ", 1)[1][:8]
    assert (f"amendments/{MOVED}/rounds/1.yaml:6: round 1 of {MOVED} circulated the draft as it was at revision "
            f"{revision}, where amendments/{MOVED}/amendment.md cannot be read, nor where a move (git mv) took it "
            "from, so the round's comment report and review copy cannot be made, nor its comments put in document "
            "order.") in " ".join(checked.output.split())


def test_a_round_opened_while_its_folder_had_another_name_is_read_after_the_folder_is_renamed_back(
        circulating: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # Renamed (a → b), a round opened, renamed back (b → a): the walk back from `a` followed the rename in the oldest
    # commit listed for `a`, the one that first added it, and stopped before the rename back (r27 sweep W, defect 7):
    # "… does not exist at revision …", and `check` named round 2.
    ws = circulating
    _comment(ws, invoke, SHIPPED_AMENDMENT, *COMMENTS[0])
    _run(ws, invoke, "round", "close", SHIPPED_AMENDMENT)
    _move(ws, SHIPPED_AMENDMENT, MOVED)
    _run(ws, invoke, "amend", "status", MOVED, "--draft", "3")
    _run(ws, invoke, "round", "open", MOVED, "--title", "Vòng 2", "--due", "2099-04-15", "--consult", "Sở Tư pháp")
    for on, text in COMMENTS[1:]:
        _comment(ws, invoke, MOVED, on, text)
    _run(ws, invoke, "round", "close", MOVED)
    before = _report(ws, invoke, MOVED, tmp_path / "before.csv")
    _move(ws, MOVED, SHIPPED_AMENDMENT)
    assert _report(ws, invoke, SHIPPED_AMENDMENT, tmp_path / "after.csv") == before
    assert [path for _, path in ws.log_paths(f"amendments/{SHIPPED_AMENDMENT}/amendment.md")][:2] == [
        f"amendments/{SHIPPED_AMENDMENT}/amendment.md", f"amendments/{MOVED}/amendment.md"]
    assert all(text in before for _, text in COMMENTS[1:])
    _run(ws, invoke, "round", "copy", SHIPPED_AMENDMENT, "-o", str(tmp_path / "copy.docx"))
    assert "No problems found" in _run(ws, invoke, "check")

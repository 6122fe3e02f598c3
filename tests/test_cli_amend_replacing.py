"""A whole new regulation drafted as amendments are (docs/amendments.md, "A new regulation replacing the old one"):
`amend new --replacing`, rounds and comments on its text, the comment report, accepting a proposal into it, and its
redline against the regulation it replaces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace

from .conftest import Invoke

DRAFT = "amendments/quy-che-xv/amendment.md"


def ok(result: object) -> str:
    assert getattr(result, "exit_code") == 0, getattr(result, "output")  # noqa: B009
    return str(getattr(result, "output"))  # noqa: B009


def term_xv(ws: Workspace) -> None:
    """The draft edited into term XV's text: its title and term, Điều 11 khoản 2 rewritten, a new Điều 32."""
    text = (ws.root / DRAFT).read_text(encoding="utf-8")
    text = text.replace("khóa XIV, nhiệm kỳ 2020 - 2025", "khóa XV, nhiệm kỳ 2025 - 2030")
    text = text.replace("huyện ủy, thị ủy, thành ủy, ", "")
    text = text.rstrip("\n") + ("\n\n## Điều 32. Hiệu lực thi hành\n\nQuy chế này thay thế Quy chế số 01-QC/TU ngày "
                                "09/01/2021 và có hiệu lực kể từ ngày ký.\n")
    ws.commit({DRAFT: text.encode("utf-8")}, "Draft 1 of term XV's text")


@pytest.fixture
def drafted(tmp_workspace: Workspace, invoke: Invoke) -> Workspace:
    ok(invoke(tmp_workspace, "amend", "new", "quy-che-xv", "--replacing", "01-QC/TU", "--id", "01-QC/TU-XV"))
    term_xv(tmp_workspace)
    return tmp_workspace


def test_new_replacing_writes_the_old_text_as_the_new_draft(tmp_workspace: Workspace, invoke: Invoke) -> None:
    head = tmp_workspace.resolve("HEAD").sha
    out = ok(invoke(tmp_workspace, "amend", "new", "quy-che-xv", "--replacing", "01-QC/TU", "--id", "01-QC/TU-XV"))
    assert f"Created {DRAFT}, draft 1 of 01-QC/TU-XV replacing 01-QC/TU" in out
    text = (tmp_workspace.root / DRAFT).read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    assert front.startswith("id: 01-QC/TU-XV\nreplaces: 01-QC/TU\nstatus: draft\ndraft: 1\n")
    assert not re.search(r"^(signed|effective|number):", front, re.M)  # issued later, by `amend adopt`
    assert "  name: ''" in front and "T/M TỈNH ỦY" in front  # the office signs; who, is known when it is signed
    old = (tmp_workspace.root / "regulations/01-QC-TU.md").read_text(encoding="utf-8")
    assert text.split("---\n", 2)[2] == old.split("---\n", 2)[2]  # the body: a copy of the text replaced
    assert tmp_workspace.resolve("HEAD~1").sha == head  # one commit
    assert "no problems found" in ok(invoke(tmp_workspace, "amend", "check", "quy-che-xv"))
    assert "No problems found" in ok(invoke(tmp_workspace, "check"))


@pytest.mark.parametrize(("args", "said"), [
    (("--replacing", "01-QC/TU"), "--id"),
    (("--replacing", "01-QC/TU", "--id", "01-QC/TU"), "01-QC/TU is the id of a regulation"),
    (("--replacing", "01-QC/TU-EN", "--id", "X-1"), "is a translation of 01-QC/TU"),
    (("--replacing", "01-QC/TU", "--id", "X-1", "--regulation", "01-QC/TU"), "without --regulation"),
    (("--regulation", "01-QC/TU", "--id", "X-1"), "--id names a new regulation"),
])
def test_new_replacing_refusals_change_nothing(tmp_workspace: Workspace, invoke: Invoke, args: tuple[str, ...],
                                               said: str) -> None:
    head = tmp_workspace.resolve("HEAD").sha
    result = invoke(tmp_workspace, "amend", "new", "quy-che-xv", *args)
    assert result.exit_code != 0 and said in " ".join(result.output.split())
    assert tmp_workspace.resolve("HEAD").sha == head and not (tmp_workspace.root / DRAFT).exists()


def test_rounds_comments_and_report_on_the_new_text(drafted: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    ok(invoke(drafted, "round", "open", "quy-che-xv", "--title", "Lấy ý kiến", "--due", "2099-10-15", "--consult",
              "Ban Tổ chức Tỉnh ủy", "--consult", "Ban Tuyên giáo Tỉnh ủy"))
    # A provision only the new text has, and one it keeps, are commented on as the draft numbers them.
    ok(invoke(drafted, "comment", "add", "quy-che-xv", "--by", "Ban Tổ chức Tỉnh ủy", "--on", "Điều 32",
              "--text", "Đề nghị ghi rõ ngày có hiệu lực."))
    ok(invoke(drafted, "comment", "add", "quy-che-xv", "--by", "Ban Tuyên giáo Tỉnh ủy", "--on", "Điều 12 khoản 2",
              "--text", "Đề nghị bổ sung thành phần mời dự."))
    listed = ok(invoke(drafted, "comment", "list", "quy-che-xv"))
    assert "d32" in listed and "d12.k2" in listed
    ok(invoke(drafted, "round", "close", "quy-che-xv"))
    out = tmp_path / "bao-cao.html"
    ok(invoke(drafted, "round", "report", "quy-che-xv", "-o", str(out)))
    report = " ".join(re.sub(r"<[^>]+>", " ", out.read_text(encoding="utf-8")).split())
    assert ("góp ý đối với Dự thảo lần 1 Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV, nhiệm kỳ 2025 - "
            "2030") in report
    assert "Điều 32" in report and "Khoản 2 Điều 12" in report


def test_accepting_a_proposal_edits_the_new_text(drafted: Workspace, invoke: Invoke) -> None:
    from regdraft.workspace.proposals import accept_proposal

    ok(invoke(drafted, "round", "open", "quy-che-xv", "--title", "Lấy ý kiến", "--due", "2099-10-15", "--consult",
              "Ban Tổ chức Tỉnh ủy"))
    proposal = "2. Phó Bí thư Tỉnh ủy được giới thiệu bầu giữ chức vụ Chủ tịch Ủy ban nhân dân tỉnh."
    added = ok(invoke(drafted, "comment", "add", "quy-che-xv", "--by", "Ban Tổ chức Tỉnh ủy", "--on",
                      "Điều 11 khoản 2", "--text", "Gọn hơn.", "--proposal", proposal))
    cid = added.split()[2]
    before = (drafted.root / DRAFT).read_text(encoding="utf-8")
    done = accept_proposal(drafted, "quy-che-xv", cid)
    after = (drafted.root / DRAFT).read_text(encoding="utf-8")
    assert "2\\. Phó Bí thư Tỉnh ủy được giới thiệu bầu giữ chức vụ Chủ tịch Ủy ban nhân dân tỉnh.\n" in after
    changed = [line for line in after.split("\n") if line not in before.split("\n")]
    assert len(changed) == 1  # the provision alone: the front matter and every other line as they were
    assert after.split("---\n")[1] == before.split("---\n")[1]
    assert done.commit and done.comment.accepted_in == done.commit
    assert "no problems found" in ok(invoke(drafted, "amend", "check", "quy-che-xv"))


def test_redline_of_the_draft_against_the_text_it_replaces(drafted: Workspace, invoke: Invoke,
                                                          tmp_path: Path) -> None:
    changes = ok(invoke(drafted, "redline", "quy-che-xv", "--changes"))
    assert "Điều 32 (inserted)" in changes
    assert "khoản 2 Điều 2 (words deleted)" in changes
    out = tmp_path / "bang.html"
    ok(invoke(drafted, "redline", "quy-che-xv", "--layout", "table", "-o", str(out)))
    page = " ".join(re.sub(r"<[^>]+>", " ", out.read_text(encoding="utf-8")).split())
    assert "Quy định hiện hành Dự thảo Ghi chú, lý do" in page  # not `Dự thảo sửa đổi, bổ sung`
    assert "DỰ THẢO lần 1" in page
    assert ("BẢNG SO SÁNH Dự thảo lần 1 Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV, nhiệm kỳ 2025 - "
            "2030 với Quy chế số 01-QC/TU") in page


def test_vote_and_adoption_issue_the_new_regulation(drafted: Workspace, invoke: Invoke) -> None:
    import datetime as dt

    today = dt.date.today().isoformat()
    ok(invoke(drafted, "round", "open", "quy-che-xv", "--title", "Lấy ý kiến", "--due", "2099-10-15", "--consult",
              "Ban Tổ chức Tỉnh ủy"))
    ok(invoke(drafted, "round", "close", "quy-che-xv"))
    ok(invoke(drafted, "amend", "status", "quy-che-xv", "circulating"))
    ok(invoke(drafted, "amend", "status", "quy-che-xv", "submitted"))
    ok(invoke(drafted, "amend", "vote", "quy-che-xv", "--for", "45", "--against", "2", "--abstain", "1", "--date",
              today, "--members", "49"))
    # Numbers restart each term: term XV's 01-QC/TU beside term XIV's, not "already that of the regulation 01-QC/TU".
    ok(invoke(drafted, "amend", "number", "quy-che-xv", "01-QC/TU"))
    text = (drafted.root / DRAFT).read_text(encoding="utf-8").replace("  name: ''", "  name: Trần Quốc Cường")
    drafted.commit({DRAFT: text.encode("utf-8")}, "The signer")
    head = drafted.resolve("HEAD").sha
    ok(invoke(drafted, "amend", "adopt", "quy-che-xv", "--signed", today))
    assert drafted.resolve("HEAD~1").sha == head  # one commit
    issued = (drafted.root / "regulations/01-QC-TU-XV.md").read_text(encoding="utf-8")
    front = issued.split("---\n")[1]
    assert front.startswith("id: 01-QC/TU-XV\nnumber: 01-QC/TU\nreplaces: 01-QC/TU\n")
    assert f"signed: {today}" in front and f"effective: {today}" in front  # a regulation in force when signed
    assert not re.search(r"^(status|draft):", front, re.M)
    assert issued.split("---\n", 2)[2] == text.split("---\n", 2)[2]  # the text as voted
    assert "status: adopted" in (drafted.root / DRAFT).read_text(encoding="utf-8")
    assert drafted.resolve("adopted/XV/01-QC-TU").sha == drafted.resolve("HEAD").sha  # tagged in its own term
    listed = ok(invoke(drafted, "list"))
    assert re.search(r"^01-QC/TU\s.*replaced by 01-QC/TU-XV on " + today, listed, re.M)
    assert re.search(r"^01-QC/TU-XV\s.*in force", listed, re.M)
    # Issued, it is no amendment of the regulation it replaced: no number clash, no amendment of 01-QC/TU in force.
    assert "No problems found" in ok(invoke(drafted, "check"))
    assert "01-QC/TU-XV" not in ok(invoke(drafted, "show", "01-QC/TU", "--as-of", "2025-01-01"))


def _new_term(old: str, draft: str = "") -> str:
    """The old text made term XV's: its own id, the same number, `replaces:` the old one (and `draft: N`)."""
    new = old.replace("id: 01-QC/TU\n", f"id: 01-QC/TU-XV\nnumber: 01-QC/TU\nreplaces: 01-QC/TU\n{draft}", 1)
    return new.replace("khóa XIV, nhiệm kỳ 2020 - 2025", "khóa XV, nhiệm kỳ 2025 - 2030").replace(
        "signed: 2021-01-09", "signed: 2025-10-28").replace("effective: 2021-01-09", "effective: 2025-10-28")


@pytest.mark.parametrize("draft", ["", "draft: 2\n"])
def test_compare_of_a_new_regulation_names_both_by_title(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path,
                                                        draft: str) -> None:
    old = tmp_workspace.root / "regulations/01-QC-TU.md"
    new = tmp_path / "draft-xv.md"
    new.write_text(_new_term(old.read_text(encoding="utf-8"), draft), encoding="utf-8")
    out = tmp_path / "bang.html"
    ok(invoke(None, "compare", str(old), str(new), "--layout", "table", "-o", str(out)))
    page = " ".join(re.sub(r"<[^>]+>", " ", out.read_text(encoding="utf-8")).split())
    assert "Quy định hiện hành Dự thảo Ghi chú, lý do" in page  # a new regulation, not `Dự thảo sửa đổi, bổ sung`
    xv, xiv = ("Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV, nhiệm kỳ 2025 - 2030 ( 01-QC/TU )",
               "Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV, nhiệm kỳ 2020 - 2025 ( 01-QC/TU )")
    drafted = "Dự thảo lần 2 " if draft else ""
    assert f"BẢNG SO SÁNH {drafted}{xv} với {xiv}" in page  # not `Quy chế số 01-QC/TU … với Quy chế số 01-QC/TU …`
    assert ("DỰ THẢO lần 2" in page) == bool(draft)


def test_compare_of_an_amended_copy_keeps_its_columns(tmp_workspace: Workspace, invoke: Invoke,
                                                      tmp_path: Path) -> None:
    old = tmp_workspace.root / "regulations/01-QC-TU.md"
    new = tmp_path / "edited.md"
    new.write_text(old.read_text(encoding="utf-8").replace("huyện ủy, thị ủy, thành ủy, ", ""), encoding="utf-8")
    out = tmp_path / "bang.html"
    ok(invoke(None, "compare", str(old), str(new), "--layout", "table", "-o", str(out)))
    page = " ".join(re.sub(r"<[^>]+>", " ", out.read_text(encoding="utf-8")).split())
    assert "Quy định hiện hành Dự thảo sửa đổi, bổ sung Ghi chú, lý do" in page


def test_replaces_in_an_amending_document_is_named_not_taken_for_a_draft(tmp_workspace: Workspace,
                                                                         invoke: Invoke) -> None:
    """`replaces:` written into an amending document made its 14 instructions vanish from `amend list` and the
    redline, and `check` found nothing (r41 sweep CK F5): without the new regulation's own `id` it is a problem at
    its line."""
    path = tmp_workspace.root / "amendments" / "qc-sua-doi-2025" / "amendment.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nstatus: ", "\nreplaces: 01-QC/TU\nstatus: ", 1), encoding="utf-8")
    line = path.read_text(encoding="utf-8").split("\n").index("replaces: 01-QC/TU") + 1
    checked = invoke(tmp_workspace, "check")
    assert checked.exit_code == 1
    assert f"amendments/qc-sua-doi-2025/amendment.md:{line}: 'replaces' marks the draft of a whole new regulation" \
        in checked.output, checked.output
    assert "unreadable" in invoke(tmp_workspace, "amend", "list").output

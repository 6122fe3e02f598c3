"""Issuing a new regulation's draft (`amend adopt` of a draft replacing 01-QC/TU): what it says it did, and the
votes its commit records, as an amendment's adoption does (r42 newreg42, items 4 and 5)."""

from __future__ import annotations

import datetime as dt

from regdraft.workspace.store import Workspace

from .conftest import Invoke
from .test_cli_amend_replacing import DRAFT, ok, term_xv


def _issued(ws: Workspace, invoke: Invoke, *parts: tuple[str, str]) -> tuple[str, str, str]:
    """The draft voted (each of `parts` on its own, then the whole), numbered 01-QC/TU, signed and issued today:
    what `amend adopt` printed, its --json, and the commit's message."""
    today = dt.date.today().isoformat()
    ok(invoke(ws, "amend", "new", "quy-che-xv", "--replacing", "01-QC/TU", "--id", "01-QC/TU-XV"))
    term_xv(ws)
    ok(invoke(ws, "round", "open", "quy-che-xv", "--title", "Lấy ý kiến", "--due", "2099-10-15", "--consult",
              "Ban Tổ chức Tỉnh ủy"))
    ok(invoke(ws, "round", "close", "quy-che-xv"))
    ok(invoke(ws, "amend", "status", "quy-che-xv", "circulating"))
    ok(invoke(ws, "amend", "status", "quy-che-xv", "submitted"))
    for on, votes in parts:
        yes, no = votes.split("/")
        ok(invoke(ws, "amend", "vote", "quy-che-xv", "--on", on, "--for", yes, "--against", no, "--date", today,
                  "--members", "49"))
    ok(invoke(ws, "amend", "vote", "quy-che-xv", "--for", "45", "--against", "2", "--date", today, "--members", "49"))
    ok(invoke(ws, "amend", "number", "quy-che-xv", "01-QC/TU"))
    text = (ws.root / DRAFT).read_text(encoding="utf-8").replace("  name: ''", "  name: Trần Quốc Cường")
    ws.commit({DRAFT: text.encode("utf-8")}, "The signer")
    said = ok(invoke(ws, "amend", "adopt", "quy-che-xv", "--signed", today))
    return said, str(ws.repo.head.commit.message), today


def test_adopt_says_it_issued_the_regulation(tmp_workspace: Workspace, invoke: Invoke) -> None:
    said, message, today = _issued(tmp_workspace, invoke)
    sha = tmp_workspace.resolve("HEAD").sha[:8]
    assert (f"Issued the regulation 01-QC/TU-XV (number 01-QC/TU) from the draft quy-che-xv in commit {sha}: signed "
            f"{today}, effective {today}; it replaces 01-QC/TU from {today}.") in " ".join(said.split()), said
    assert "Adopted quy-che-xv" not in said
    assert message.startswith("Issue the regulation 01-QC/TU (quy-che-xv) as 01-QC/TU-XV")


def test_the_issuing_commit_records_the_part_votes(tmp_workspace: Workspace, invoke: Invoke) -> None:
    _, message, today = _issued(tmp_workspace, invoke, ("Điều 11", "40/5"), ("khoản 2 Điều 12", "20/25"))
    assert (f"\nVote: the conference vote on Điều 11 (40 for, 5 against, 0 abstaining on {today}) was a majority."
            in message), message
    assert (f"\nVote: the conference vote on khoản 2 Điều 12 (20 for, 25 against, 0 abstaining on {today}) was not a "
            "majority") in message, message

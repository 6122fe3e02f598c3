"""`regdraft round ...` and `regdraft amend vote` through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from regdraft.workspace import rounds, votes
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.test_render_pdf import pdf_text

FIX = Path(__file__).resolve().parent / "fixtures" / "comments"
SLUG = "mini-sua"


@pytest.fixture
def ws(mini_workspace: Workspace) -> Workspace:
    mini_workspace.commit({f"amendments/{SLUG}/amendment.md": (FIX / "amendment-1.md").read_bytes()}, "Draft 1")
    return mini_workspace


def test_open_list_show_close(ws: Workspace, invoke: Invoke) -> None:
    result = invoke(ws, "round", "open", SLUG, "--title", "Lấy ý kiến các ban", "--due", "2025-07-15", "--yes",
                    "--consult", "Ban Tổ chức Tỉnh ủy", "--consult-file", str(FIX / "bodies.txt"))
    assert result.exit_code == 0, result.output
    assert "Opened round 1 on mini-sua: draft 1" in result.output and "3 bodies consulted" in result.output
    listed = json.loads(invoke(ws, "round", "list", SLUG, "--json").output)
    assert [(r["number"], r["status"], r["draft"]) for r in listed] == [(1, "open", 1)]
    assert listed[0]["revision"] == ws.resolve("HEAD~1").sha
    rounds.add_comment(ws, SLUG, "Ban Tổ chức Tỉnh ủy", "d1", "x")
    shown = invoke(ws, "round", "show", SLUG)
    assert ("Consulted 3, replied 1, counted as agreeing 2 (Ban Tuyên giáo Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy)."
            in shown.output)
    assert "Comments 1, awaiting an answer 1" in shown.output
    data = json.loads(invoke(ws, "round", "show", SLUG, "--json").output)
    assert data["agreeing"] == ["Ban Tuyên giáo Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"]
    assert invoke(ws, "round", "close", SLUG).output.strip() == "Closed round 1 on mini-sua."
    assert "closed" in invoke(ws, "round", "list", SLUG).output


def test_open_errors_are_messages_not_tracebacks(ws: Workspace, invoke: Invoke) -> None:
    result = invoke(ws, "round", "open", SLUG, "--due", "2025-07-15", "--yes")
    assert result.exit_code == 2 and "--consult" in result.output
    result = invoke(ws, "round", "open", "missing", "--due", "2025-07-15", "--yes", "--consult", "A")
    assert result.exit_code == 2 and "no amendment 'missing'" in result.output  # an unknown slug: bad usage
    assert "Traceback" not in result.output
    result = invoke(ws, "round", "show", SLUG)
    assert result.exit_code == 1 and "has no comment rounds yet" in result.output


@pytest.mark.parametrize("suffix", [".csv", ".docx", ".html", ".xlsx"])
def test_report_formats(ws: Workspace, invoke: Invoke, tmp_path: Path, suffix: str) -> None:
    rounds.open_round(ws, SLUG, "Lấy ý kiến", "2025-07-15", ["Ban Tổ chức Tỉnh ủy", "Sở Nội vụ"])
    c = rounds.add_comment(ws, SLUG, "Ban Tổ chức Tỉnh ủy", "d2a", "Đề nghị bổ sung chữ ký số.")
    rounds.respond_comment(ws, c.id, "accepted", "Đã bổ sung.")
    out = tmp_path / f"bao-cao{suffix}"
    result = invoke(ws, "round", "report", SLUG, "-o", str(out))
    assert result.exit_code == 0, result.output
    if suffix == ".docx":
        import docx

        text = "\n".join(cell.text for row in docx.Document(str(out)).tables[1].rows for cell in row.cells)
    elif suffix == ".xlsx":
        import openpyxl

        text = "\n".join(str(v) for row in openpyxl.load_workbook(out).active.iter_rows(values_only=True) for v in row)
    else:
        text = out.read_text(encoding="utf-8-sig")
    assert "Điều 2a" in text and "Đề nghị bổ sung chữ ký số." in text and "Tiếp thu" in text and "Đã bổ sung." in text


@pytest.mark.parametrize("suffix", [".docx", ".html", ".pdf"])
def test_report_names_the_bodies_counted_as_agreeing(ws: Workspace, invoke: Invoke, tmp_path: Path,
                                                     suffix: str) -> None:
    # It counted them ("1 cơ quan, đơn vị không có văn bản góp ý") without naming them: the office worked
    # out by hand which consulted body stayed silent.
    rounds.open_round(ws, SLUG, "Lấy ý kiến", "2025-07-15", ["Ban Tổ chức Tỉnh ủy", "Sở Nội vụ", "Sở Tư pháp"])
    rounds.add_comment(ws, SLUG, "Ban Tổ chức Tỉnh ủy", "d2a", "Đề nghị bổ sung chữ ký số.")
    out = tmp_path / f"bao-cao{suffix}"
    assert invoke(ws, "round", "report", SLUG, "-o", str(out)).exit_code == 0
    if suffix == ".docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    elif suffix == ".pdf":
        text = " ".join(pdf_text(out).split())
    else:
        text = out.read_text(encoding="utf-8")
    assert "2 cơ quan, đơn vị không có văn bản góp ý" in text
    assert "Cơ quan, đơn vị không có văn bản góp ý: Sở Nội vụ, Sở Tư pháp." in text


def test_report_needs_output_and_known_suffix(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    rounds.open_round(ws, SLUG, "", "2025-07-15", ["A"])
    assert invoke(ws, "round", "report", SLUG).exit_code == 2
    result = invoke(ws, "round", "report", SLUG, "-o", str(tmp_path / "x.txt"))
    assert result.exit_code == 2 and ".pdf, .docx, .csv, .html" in result.output


def test_amend_vote(ws: Workspace, invoke: Invoke) -> None:
    result = invoke(ws, "amend", "vote", SLUG, "--for", "30", "--against", "5", "--abstain", "2",
                    "--date", "2025-09-20", "--members", "49")
    assert result.exit_code == 0, result.output
    assert "30 for, 5 against, 2 abstaining: a majority" in result.output
    assert votes.vote_majority(ws, SLUG)
    bad = invoke(ws, "amend", "vote", SLUG, "--for", "-1", "--against", "0", "--date", "2025-09-20")
    assert bad.exit_code == 2


def test_no_vote_is_recorded_after_adoption(ws: Workspace, invoke: Invoke) -> None:
    """The vote that led to an adoption is part of its record: a later `amend vote` is refused, nothing written."""
    assert invoke(ws, "amend", "vote", SLUG, "--for", "30", "--against", "5", "--date", "2025-09-20").exit_code == 0
    adopted = invoke(ws, "amend", "adopt", SLUG, "--signed", "2025-09-25", "--force", "--reason", "Hội nghị quyết định")
    assert adopted.exit_code == 0, adopted.output
    head = ws.repo.head.commit.hexsha
    again = invoke(ws, "amend", "vote", SLUG, "--for", "10", "--against", "30", "--date", "2025-10-01")
    assert again.exit_code == 2 and "is adopted" in again.output and "30 for, 5 against" in again.output
    kept = votes.load_vote(ws, SLUG)
    assert ws.repo.head.commit.hexsha == head and kept is not None
    assert (kept.for_, kept.against, kept.abstain, kept.date, kept.members) == (30, 5, 0, "2025-09-20", None)


def test_a_vote_dated_after_today_is_refused(ws: Workspace, invoke: Invoke) -> None:
    """r24 sweep d-word: `amend vote --date` took a date ahead, and `amend adopt --signed` a signing date before it."""
    import datetime as dt

    today = dt.date.today()
    ahead = (today + dt.timedelta(days=5)).isoformat()
    head = ws.repo.head.commit.hexsha
    refused = invoke(ws, "amend", "vote", SLUG, "--for", "30", "--against", "5", "--date", ahead)
    assert refused.exit_code == 2 and "Traceback" not in refused.output
    assert (f"The vote date {ahead} is after today ({today}): record the conference vote on {SLUG} once it is "
            "held, with the date it was held." in " ".join(refused.output.split()))
    assert ws.repo.head.commit.hexsha == head and votes.load_vote(ws, SLUG) is None
    recorded = invoke(ws, "amend", "vote", SLUG, "--for", "30", "--against", "5", "--date", today.isoformat())
    assert recorded.exit_code == 0, recorded.output


def test_adopt_refuses_a_signing_date_before_the_vote(ws: Workspace, invoke: Invoke) -> None:
    import datetime as dt

    voted, early = dt.date.today() - dt.timedelta(days=3), dt.date.today() - dt.timedelta(days=5)
    recorded = invoke(ws, "amend", "vote", SLUG, "--for", "30", "--against", "5", "--date", voted.isoformat())
    assert recorded.exit_code == 0, recorded.output
    head = ws.repo.head.commit.hexsha
    refused = invoke(ws, "amend", "adopt", SLUG, "--signed", early.isoformat())
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert (f"  - its signing date {early} is before the conference vote recorded on it ({voted}); adopt it with the "
            f"date it was signed, on or after the vote: `regdraft amend adopt {SLUG} --signed DATE`, or correct the "
            f"vote's date to the date it was held: `regdraft amend vote {SLUG} --for N --against N --abstain N "
            "--date DATE --force --reason TEXT`\n") in refused.output
    assert ws.repo.head.commit.hexsha == head
    # Signed on the day of the vote: that gate passes (the others are this draft's own).
    same = invoke(ws, "amend", "adopt", SLUG, "--signed", voted.isoformat())
    assert "before the conference vote" not in same.output


def test_bad_dates_name_their_option(ws: Workspace, invoke: Invoke) -> None:
    vote = invoke(ws, "amend", "vote", SLUG, "--for", "3", "--against", "2", "--date", "20/13/2025")
    assert vote.exit_code == 2
    assert "Invalid value for '--date': '20/13/2025' is not a date" in vote.output and "due" not in vote.output
    opened = invoke(ws, "round", "open", SLUG, "--due", "next week", "--consult", "Ban Tổ chức Tỉnh ủy")
    assert opened.exit_code == 2 and "Invalid value for '--due': 'next week' is not a date" in opened.output
    # DD/MM/YYYY is read for the vote date as for the due date.
    good = invoke(ws, "amend", "vote", SLUG, "--for", "3", "--against", "2", "--date", "20/09/2025")
    assert good.exit_code == 0 and "(2025-09-20)" in good.output


def test_every_command_has_an_example(invoke: Invoke) -> None:
    from regdraft.cli.comments import comment, vote
    from regdraft.cli.rounds import round_

    for group in (round_, comment):
        assert "Example:" in (group.help or "")
        for command in group.commands.values():
            assert "Example:" in (command.help or ""), command.name
    assert "Example:" in (vote.help or "")


def test_adopt_requires_vote_majority_when_configured(ws: Workspace, invoke: Invoke) -> None:
    import yaml

    config = yaml.safe_load((ws.root / "regdraft.yaml").read_text(encoding="utf-8"))
    config["require_vote_majority"] = True
    ws.commit({"regdraft.yaml": yaml.safe_dump(config, allow_unicode=True).encode()}, "Require a vote")
    invoke(ws, "amend", "status", SLUG, "submitted")
    head = ws.resolve("HEAD").sha
    args = ("amend", "adopt", SLUG, "--signed", "2025-10-20")
    refused = invoke(ws, *args)
    assert refused.exit_code == 1 and "no vote is recorded for 'mini-sua'" in refused.output
    assert ws.resolve("HEAD").sha == head
    invoke(ws, "amend", "vote", SLUG, "--for", "10", "--against", "20", "--date", "2025-10-15")
    assert "is not a majority" in invoke(ws, *args).output
    invoke(ws, "amend", "vote", SLUG, "--for", "25", "--against", "5", "--date", "2025-10-15")
    adopted = invoke(ws, *args)
    assert adopted.exit_code == 0, adopted.output


def test_a_draft_without_a_number_is_numbered_by_the_command_the_message_names(ws: Workspace, invoke: Invoke) -> None:
    """An imported amending document has no draft number: the refusal names `amend status … --draft 1`, which works."""
    path = f"amendments/{SLUG}/amendment.md"
    text = ws.read(path).decode("utf-8")
    assert "\ndraft: 1\n" in text
    ws.commit({path: text.replace("\ndraft: 1\n", "\n").encode("utf-8")}, "No draft number")
    opened = invoke(ws, "round", "open", SLUG, "--due", "2027-07-15", "--yes", "--consult", "Ban Tổ chức Tỉnh ủy")
    assert opened.exit_code == 1 and f"`regdraft amend status {SLUG} --draft 1`" in opened.output
    assert invoke(ws, "amend", "status", SLUG, "--draft", "1").exit_code == 0
    again = invoke(ws, "round", "open", SLUG, "--due", "2027-07-15", "--yes", "--consult", "Ban Tổ chức Tỉnh ủy")
    assert again.exit_code == 0, again.output


def test_comments_are_listed_as_a_reader_goes_through_the_draft(ws: Workspace, invoke: Invoke) -> None:
    """General comments first, then in the order of the provisions, whatever order they came in (ids are random)."""
    rounds.open_round(ws, SLUG, "", "2025-07-15", ["Ban Tổ chức Tỉnh ủy", "Sở Nội vụ"])
    for on in ("d2a", "d2.k2.b", "general", "d1", "d2a", "d2.k1"):
        rounds.add_comment(ws, SLUG, "Sở Nội vụ", on, f"Về {on}.", force=True)  # d2a twice: the body sent it twice
    listed = json.loads(invoke(ws, "comment", "list", SLUG, "--json").output)
    assert [c["on"] for c in listed] == ["general", "d1", "d2.k1", "d2.k2.b", "d2a", "d2a"]
    same = [c for c in listed if c["on"] == "d2a"]
    assert same[0]["created"] <= same[1]["created"]


def test_an_old_rounds_report_is_reprinted_with_the_date_it_was_sent(ws: Workspace, invoke: Invoke,
                                                                     tmp_path: Path) -> None:
    # An office reprinting round 1's report at the end of the term got today's date on it, and had no way to give
    # the date it was sent.
    rounds.open_round(ws, SLUG, "Lấy ý kiến", "2025-07-15", ["Ban Tổ chức Tỉnh ủy"])
    rounds.add_comment(ws, SLUG, "Ban Tổ chức Tỉnh ủy", "d2a", "Đề nghị bổ sung chữ ký số.")
    out = tmp_path / "bao-cao.html"
    done = invoke(ws, "round", "report", SLUG, "--date", "16/07/2025", "-o", str(out))
    assert done.exit_code == 0, done.output
    text = " ".join(out.read_text(encoding="utf-8").split())
    assert "ngày 16 tháng 7 năm 2025" in text, text[:3000]
    twice = tmp_path / "lan-hai.html"
    assert invoke(ws, "round", "report", SLUG, "--date", "2025-07-16", "-o", str(twice)).exit_code == 0
    assert twice.read_bytes() == out.read_bytes()
    wrong = invoke(ws, "round", "report", SLUG, "--date", "mai", "-o", str(out))
    assert wrong.exit_code == 2 and "'mai' is not a date" in wrong.output
    # Word and Excel too: their parts and properties are dated by the report's date, not the second they were made.
    import zipfile

    for suffix in (".docx", ".xlsx"):
        made = [tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"]
        for path in made:
            assert invoke(ws, "round", "report", SLUG, "--date", "2025-07-16", "-o", str(path)).exit_code == 0
        with zipfile.ZipFile(made[0]) as package:
            assert {info.date_time for info in package.infolist()} == {(2025, 7, 16, 0, 0, 0)}
            core = package.read("docProps/core.xml").decode()
        assert core.count("2025-07-16T00:00:00Z") == 2, core
        assert made[0].read_bytes() == made[1].read_bytes()


def test_comments_on_one_provision_share_one_merged_cell_in_word(ws: Workspace, invoke: Invoke,
                                                                tmp_path: Path) -> None:
    """The provision's cell of its comments is one cell merged down (Word's vMerge: restart, then continue). The
    marks are now written directly, not by python-docx's `merge`, which re-read every row of the table for each
    provision (a report of 4,000 comments, two on each provision, took 19.8 s of CPU; 3.8 s now): this test keeps
    the file Word reads the same (it passes before and after; the speed is in docs/performance.md, not timed)."""
    import docx
    from docx.oxml.ns import qn

    rounds.open_round(ws, SLUG, "Lấy ý kiến", "2025-07-15", ["Ban Tổ chức Tỉnh ủy", "Sở Nội vụ"])
    for body, text in (("Ban Tổ chức Tỉnh ủy", "Đề nghị bổ sung chữ ký số."), ("Sở Nội vụ", "Đề nghị làm rõ.")):
        rounds.add_comment(ws, SLUG, body, "d2a", text)
    out = tmp_path / "bao-cao.docx"
    assert invoke(ws, "round", "report", SLUG, "-o", str(out)).exit_code == 0
    # The comments' table: the header block is before it, the recipients and signature after it.
    table = next(t for t in docx.Document(str(out)).tables if t.rows[0].cells[0].text == "STT")
    rows = [r for r in table.rows if r.cells[1].text == "Điều 2a"]
    assert len(rows) == 2  # python-docx reads a merged cell's text in each row it spans
    marks = [r._tr.tc_lst[1].tcPr.find(qn("w:vMerge")) for r in rows]
    assert [m.get(qn("w:val")) if m is not None else None for m in marks] == ["restart", None]
    assert marks[1] is not None

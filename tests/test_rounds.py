"""Comment rounds in a real git workspace: every action one commit, anchoring across drafts, merges."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest
import yaml

from regdraft.core.anchoring import State
from regdraft.core.commands import Command, commands_in, words
from regdraft.core.comments import Disposition, RoundStatus
from regdraft.core.errors import ParseError, RegdraftError, StoreError, UnknownUnit
from regdraft.render.profile import default_profile
from regdraft.workspace import rounds, sheet_import, votes
from regdraft.workspace.store import Workspace
from regdraft.workspace.vote_gate import check_adoptable

FIX = Path(__file__).resolve().parent / "fixtures" / "comments"
SLUG = "mini-sua"
AMENDMENT = f"amendments/{SLUG}/amendment.md"
BODIES = ("Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy")


def commits(ws: Workspace) -> int:
    return len(list(ws.repo.iter_commits()))


@pytest.fixture
def ws(mini_workspace: Workspace) -> Workspace:
    """The mini regulation with draft 1 of an amendment committed."""
    mini_workspace.commit({AMENDMENT: (FIX / "amendment-1.md").read_bytes()}, "Draft 1")
    return mini_workspace


def draft2(ws: Workspace) -> None:
    ws.commit({AMENDMENT: (FIX / "amendment-2.md").read_bytes()}, "Draft 2")


@pytest.fixture
def opened(ws: Workspace) -> Workspace:
    rounds.open_round(ws, SLUG, "Lấy ý kiến các ban", "2025-07-15", BODIES)
    return ws


def test_open_records_head_and_draft_in_one_commit(ws: Workspace) -> None:
    head, before = ws.resolve("HEAD").sha, commits(ws)
    r = rounds.open_round(ws, SLUG, "Lấy ý kiến các ban", "15/07/2025", [*BODIES, "Ban Tổ chức Tỉnh uỷ", " "])
    assert (r.number, r.draft, r.revision, r.due, r.status) == (1, 1, head, "2025-07-15", RoundStatus.OPEN)
    assert r.consulted == BODIES  # the tone-placement duplicate and the blank line are dropped
    assert commits(ws) == before + 1
    data = yaml.safe_load(ws.read(f"amendments/{SLUG}/rounds/1.yaml", "HEAD"))
    assert data["revision"] == head and data["draft"] == 1 and data["consulted"] == list(BODIES)


def test_open_refuses_uncommitted_amendment(ws: Workspace) -> None:
    path = ws.path(AMENDMENT)
    path.write_text(path.read_text(encoding="utf-8") + "\nThêm.\n", encoding="utf-8")
    before = commits(ws)
    with pytest.raises(StoreError, match=f"{AMENDMENT} has uncommitted changes"):
        rounds.open_round(ws, SLUG, "", "2025-07-15", BODIES)
    assert commits(ws) == before and rounds.load_rounds(ws, SLUG) == []


def test_next_round_needs_closed_round_and_higher_draft(opened: Workspace) -> None:
    ws = opened
    with pytest.raises(RegdraftError, match="Round 1 of 'mini-sua' is still open"):
        rounds.open_round(ws, SLUG, "", "2025-08-01", BODIES)
    closed = rounds.close_round(ws, SLUG)
    assert closed.status is RoundStatus.CLOSED and closed.closed
    with pytest.raises(RegdraftError, match="already closed"):
        rounds.close_round(ws, SLUG, 1)
    with pytest.raises(RegdraftError, match="number it 2 with “amend status mini-sua, draft 2”") as refused:
        rounds.open_round(ws, SLUG, "", "2025-08-01", BODIES)
    # The library names the command by parameter; the CLI writes it (`--draft 2`).
    assert commands_in(refused.value.args[0]) == [Command.of("amend status", SLUG, draft=2)]
    draft2(ws)
    second = rounds.open_round(ws, SLUG, "Thường trực Tỉnh ủy", "2025-08-01", ["Thường trực Tỉnh ủy"])
    assert (second.number, second.draft) == (2, 2)
    assert [r.number for r in rounds.load_rounds(ws, SLUG)] == [1, 2]


def test_open_refuses_bad_input(ws: Workspace) -> None:
    with pytest.raises(RegdraftError, match="not a date"):
        rounds.open_round(ws, SLUG, "", "next week", BODIES)
    with pytest.raises(RegdraftError, match="Name the bodies consulted"):
        rounds.open_round(ws, SLUG, "", "2025-07-15", [])
    with pytest.raises(StoreError, match="no amendment 'nope'.*The only amendment is mini-sua"):
        rounds.open_round(ws, "nope", "", "2025-07-15", BODIES)


def test_add_comment_checks_the_circulated_draft(opened: Workspace) -> None:
    ws = opened
    before = commits(ws)
    c = rounds.add_comment(ws, SLUG, "Ban Tổ chức Tỉnh ủy", "Điều 2a", "Đề nghị làm rõ.")
    assert commits(ws) == before + 1 and len(c.id) == 4
    assert c.on == "d2a" and c.anchor.startswith("Làm việc trên môi trường điện tử")
    assert ws.dirty([f"amendments/{SLUG}/comments/{c.id}.yaml"]) == []
    with pytest.raises(UnknownUnit, match="Điều 9"):
        rounds.add_comment(ws, SLUG, "Ban A", "d9", "x")
    # Draft 2 is committed while round 1 is still open: comments still go against draft 1.
    draft2(ws)
    late = rounds.add_comment(ws, SLUG, "Ban Tuyên giáo Tỉnh ủy", "d2a", "Nhất trí.")
    assert late.round == 1
    assert commits(ws) == before + 3


def test_add_comment_needs_an_open_round(ws: Workspace) -> None:
    with pytest.raises(RegdraftError, match="No round of 'mini-sua' is open"):
        rounds.add_comment(ws, SLUG, "Ban A", "d1", "x")


def test_a_comment_after_the_close_is_told_when_the_round_closed_and_what_the_office_may_do(
        opened: Workspace) -> None:
    """A late letter was told only to open a round, which needs a new draft number first (r30 sweep AQ 4)."""
    ws = opened
    closed = rounds.close_round(ws, SLUG)
    before = commits(ws)
    day = closed.closed[:10]
    for number in (None, 1):
        with pytest.raises(RegdraftError) as refused:
            rounds.add_comment(ws, SLUG, "Ban A", "d1", "x", round_number=number)
        said = str(refused.value)
        assert commands_in(refused.value.args[0]) == [Command.of("amend status", SLUG, draft=2),
                                                      Command.of("round open", SLUG)]
        assert f"round 1 was closed on {day}, and a closed round takes no more comments (nothing was changed)" \
            in said, said
        assert "is for the office to decide: to record it, number the next draft (" in said, said
        assert "and add it there; else keep it with round 1's papers." in said, said
    assert commits(ws) == before


def _csv(tmp_path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["by", "on", "type", "text", "proposal"], *rows])
    path = tmp_path / "gop-y.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def test_import_all_or_nothing(opened: Workspace, tmp_path: Path) -> None:
    ws = opened
    before = commits(ws)
    bad = _csv(tmp_path, [["Ban A", "d1", "", "Đúng", ""], ["Ban B", "d2.k7", "", "Sai", ""],
                          ["", "d1", "", "Thiếu", ""], ["Ban C", "d1", "loud", "x", ""]])
    with pytest.raises(ParseError) as err:
        sheet_import.import_comments(ws, SLUG, bad)
    assert [p.unit for p in err.value.problems] == ["row 3", "row 4", "row 5"]
    assert commits(ws) == before and rounds.load_comments(ws, SLUG) == []
    good = _csv(tmp_path, [["Ban A", "d1", "", "Đúng", ""],
                           ["Ban B", "khoản 2 Điều 2", "editorial", "Sửa chữ", "thống nhất"],
                           ["Ban C", "general", "", "Nhất trí", ""]])
    made = sheet_import.import_comments(ws, SLUG, good)
    assert commits(ws) == before + 1
    assert sorted(c.on for c in rounds.load_comments(ws, SLUG)) == ["d1", "d2.k2", "general"]
    assert made.count == 3 and len({c.id for c in made.first}) == 3


def test_list_follows_provisions_into_the_next_draft(opened: Workspace) -> None:
    ws = opened
    ids = {on: rounds.add_comment(ws, SLUG, "Ban Tổ chức Tỉnh ủy", on, f"Về {on}").id
           for on in ("d1", "d2.k2.c", "d2a", "d3.k1", "general")}
    before = {item.comment.on: item.placement.state for item in rounds.list_comments(ws, SLUG)}
    assert before == {"d1": State.UNCHANGED, "d2.k2.c": State.UNCHANGED, "d2a": State.UNCHANGED,
                      "d3.k1": State.UNCHANGED, "general": State.GENERAL}
    rounds.close_round(ws, SLUG)
    draft2(ws)
    rounds.open_round(ws, SLUG, "", "2025-08-01", BODIES)
    after = {item.comment.on: item.placement.describe() for item in rounds.list_comments(ws, SLUG)}
    assert after == {"d1": "unchanged", "d2.k2.c": "changed", "d2a": "moved to d3.k3 (changed)",
                     "d3.k1": "removed", "general": "general"}
    # The anchor follows the move: filtering by the new address finds the comment.
    assert [i.comment.id for i in rounds.list_comments(ws, SLUG, on="khoản 3 Điều 3")] == [ids["d2a"]]
    assert [i.comment.id for i in rounds.list_comments(ws, SLUG, on="d2a")] == [ids["d2a"]]
    assert rounds.list_comments(ws, SLUG, round_number=2) == []


def test_list_filters_by_body_and_open(opened: Workspace) -> None:
    ws = opened
    a = rounds.add_comment(ws, SLUG, "Ban Tổ chức Tỉnh ủy", "d1", "x")
    rounds.add_comment(ws, SLUG, "Ủy ban Kiểm tra Tỉnh ủy", "d1", "y")
    rounds.respond_comment(ws, a.id, "accepted", "Đã sửa.")
    assert [i.comment.by for i in rounds.list_comments(ws, SLUG, by="kiểm tra")] == ["Ủy ban Kiểm tra Tỉnh ủy"]
    assert [i.comment.by for i in rounds.list_comments(ws, SLUG, open_only=True)] == ["Ủy ban Kiểm tra Tỉnh ủy"]


def test_respond_records_disposition_in_one_commit(opened: Workspace) -> None:
    ws = opened
    c = rounds.add_comment(ws, SLUG, "Ban A", "d1", "x")
    before = commits(ws)
    answered = rounds.respond_comment(ws, c.id.upper(), "partly", "Tiếp thu một phần.")
    assert answered.disposition is Disposition.PARTLY and answered.responded
    assert commits(ws) == before + 1
    assert rounds.find_comment(ws, c.id)[1] == answered
    with pytest.raises(RegdraftError, match="no comment 'zzzz'"):
        rounds.respond_comment(ws, "zzzz", "noted", "")


def test_summary_and_report(opened: Workspace, tmp_path: Path) -> None:
    ws = opened
    rounds.add_comment(ws, SLUG, "Ban Tuyên giáo Tỉnh uỷ", "d3", "Về Điều 3")
    first = rounds.add_comment(ws, SLUG, "Ban Tổ chức Tỉnh ủy", "d2.k2.c", "Về điểm c")
    rounds.add_comment(ws, SLUG, "Ban Tổ chức Tỉnh ủy", "general", "Nhất trí chung")
    rounds.add_comment(ws, SLUG, "Sở Nội vụ", "d2a", "Về Điều 2a")
    rounds.respond_comment(ws, first.id, "rejected", "Giữ như dự thảo.")
    summary = rounds.summarise(ws, SLUG)
    assert (summary.comments, summary.open, summary.by_disposition) == (4, 3, {"rejected": 1})
    assert summary.agreeing == ("Ủy ban Kiểm tra Tỉnh ủy",)
    report = rounds.build_report(ws, SLUG)
    assert [g.on for g in report.groups] == ["general", "d2.k2.c", "d2a", "d3"]
    assert [row.number for g in report.groups for row in g.rows] == [1, 2, 3, 4]
    assert report.groups[1].rows[0].disposition == "Không tiếp thu"
    assert report.groups[1].provision == "Điểm c khoản 2 Điều 2"
    # Only consulted bodies count as replies (under the name they were consulted by); Sở Nội vụ is apart.
    assert report.replied == ("Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy")
    assert report.agreeing == ("Ủy ban Kiểm tra Tỉnh ủy",) and summary.others == report.others == ("Sở Nội vụ",)
    assert report.preface(default_profile().words("vi"))[1:4] == [
        "Đã nhận được ý kiến góp ý của 2 cơ quan, đơn vị; 1 cơ quan, đơn vị không có văn bản góp ý (được coi là "
        "nhất trí với dự thảo).",
        "Cơ quan, đơn vị không có văn bản góp ý: Ủy ban Kiểm tra Tỉnh ủy.",
        "Ngoài ra, 1 cơ quan, đơn vị không được xin ý kiến đã góp ý: Sở Nội vụ."]
    assert report.title.startswith("Quy chế sửa đổi, bổ sung")


def test_a_body_that_withdrew_every_comment_has_not_replied(opened: Workspace) -> None:
    """Withdrawn comments are no reply: the body is counted (and named) as agreeing in `round show` and in the
    report's preface, which every format (md, html, docx, xlsx, pdf) prints; one withdrawn comment beside a live one
    still counts the body as having replied."""
    ws = opened
    only = rounds.add_comment(ws, SLUG, "Ban Tổ chức Tỉnh ủy", "general", "Nhất trí chung")
    rounds.respond_comment(ws, only.id, "withdrawn", "")
    kept = rounds.add_comment(ws, SLUG, "Ban Tuyên giáo Tỉnh ủy", "general", "Đề nghị sửa tên gọi")
    took_back = rounds.add_comment(ws, SLUG, "Ban Tuyên giáo Tỉnh ủy", "d3", "Về Điều 3")
    rounds.respond_comment(ws, took_back.id, "withdrawn", "")
    summary = rounds.summarise(ws, SLUG)
    assert summary.replied == ("Ban Tuyên giáo Tỉnh ủy",) and kept.id
    assert summary.agreeing == ("Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy")
    assert "Consulted 3, replied 1, counted as agreeing 2 (Ban Tổ chức Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy)." in (
        summary.lines(SLUG))
    assert summary.fields()["replied"] == ["Ban Tuyên giáo Tỉnh ủy"]
    report = rounds.build_report(ws, SLUG)
    assert (report.replied, report.agreeing) == (summary.replied, summary.agreeing)
    preface = report.preface(default_profile().words("vi"))
    assert preface[1:3] == [
        "Đã nhận được ý kiến góp ý của 1 cơ quan, đơn vị; 2 cơ quan, đơn vị không có văn bản góp ý (được coi là "
        "nhất trí với dự thảo).",
        "Cơ quan, đơn vị không có văn bản góp ý: Ban Tổ chức Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy."]
    assert "Trong đó, 2 ý kiến đã được cơ quan, đơn vị góp ý rút lại." in preface
    assert [row.disposition for g in report.groups for row in g.rows].count("Đã rút ý kiến") == 2


def test_vote_and_majority(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    assert votes.vote_majority(ws, SLUG) is False
    before = commits(ws)
    vote = votes.record_vote(ws, SLUG, 30, 10, 5, "2025-09-20", members=49).vote
    assert commits(ws) == before + 1 and vote.majority and votes.vote_majority(ws, SLUG)
    votes.record_vote(ws, SLUG, 24, 10, 5, "2025-09-20", members=49)  # 24 of 49 is not more than half
    assert votes.vote_majority(ws, SLUG) is False
    votes.record_vote(ws, SLUG, 24, 10, 5, "2025-09-20")  # without members: of 39 votes cast
    assert votes.vote_majority(ws, SLUG) is True
    with pytest.raises(RegdraftError, match="60 votes were cast .*, more than the 49 members entitled to vote"):
        votes.record_vote(ws, SLUG, 30, 30, 0, "2025-09-20", members=49)


def test_check_adoptable_follows_the_config(ws: Workspace) -> None:
    check_adoptable(ws, SLUG)  # not required by default
    ws.config["require_vote_majority"] = True
    with pytest.raises(RegdraftError, match="no vote is recorded"):
        check_adoptable(ws, SLUG)
    votes.record_vote(ws, SLUG, 10, 20, 0, "2025-09-20")
    with pytest.raises(RegdraftError, match="is not a majority"):
        check_adoptable(ws, SLUG)
    votes.record_vote(ws, SLUG, 20, 10, 0, "2025-09-20")
    check_adoptable(ws, SLUG)


def test_a_vote_records_the_draft_it_was_taken_on_and_adoption_refuses_another(ws: Workspace) -> None:
    """r27 sweep Y: a vote on draft 1 let a draft 2 changed after it be adopted without a word."""
    from regdraft.core.amend.document import with_front_matter
    from regdraft.workspace.amendments import load

    ws.config["require_vote_majority"] = True
    written = ws.resolve("HEAD").sha  # the commit that wrote draft 1
    vote = votes.record_vote(ws, SLUG, 30, 2, 0, "2025-09-20", members=49).vote
    data = yaml.safe_load(ws.read(f"amendments/{SLUG}/vote.yaml", "HEAD"))
    assert (data["draft"], data["revision"]) == (vote.draft, vote.revision) == (1, written)
    assert data["instructions"] == vote.instructions == votes.fingerprint(load(ws, SLUG))
    assert data["instructions"].startswith("sha256:") and len(data["instructions"]) == 7 + 64
    # The front matter the clerk and the adoption write is no change to the text voted on.
    text = with_front_matter(ws.read(AMENDMENT).decode(), {"number": "07-QC/TU", "status": "submitted",
                                                             "signed": "2025-09-25", "effective": "2025-09-25"})
    ws.commit({AMENDMENT: text.encode()}, "Number and dates")
    check_adoptable(ws, SLUG)
    assert votes.changed_since_vote(ws, load(ws, SLUG)) is None
    draft2(ws)  # instructions rewritten after the vote
    with pytest.raises(RegdraftError) as refused:
        check_adoptable(ws, SLUG)
    said = refused.value.args[0]
    assert said.startswith("The conference vote of 2025-09-20 was taken on draft 1 of 02-QC/TU "
                           f"(commit {written[:8]}), and its text changed since: ")
    assert "khoản 1 Điều 1 (on điểm c khoản 2 Điều 2) changed" in said and "; it is now draft 2; " in said
    assert commands_in(said) == [Command.of("amend vote", SLUG, for_=None, against=None, abstain=None, date=None),
                                 Command.git("show", f"{written[:8]}:{AMENDMENT}")]  # quoted as it is written
    assert f"or undo the change so that the text reads as voted (`git show {written[:8]}:{AMENDMENT}`" in words(said)
    votes.record_vote(ws, SLUG, 30, 2, 0, "2025-09-20", members=49)  # the same counts, on draft 2: recorded again
    check_adoptable(ws, SLUG)
    with pytest.raises(StoreError, match="Nothing to record"):  # the same vote on the same text: nothing new
        votes.record_vote(ws, SLUG, 30, 2, 0, "2025-09-20", members=49)


def test_a_vote_file_recording_no_text_is_compared_with_nothing(ws: Workspace) -> None:
    ws.config["require_vote_majority"] = True
    ws.commit({f"amendments/{SLUG}/vote.yaml": b"for: 30\nagainst: 2\nabstain: 0\nmembers: 49\n"
               b"date: '2025-09-20'\nmajority: true\n"}, "A vote recorded before the text was")
    draft2(ws)
    vote = votes.load_vote(ws, SLUG)
    assert vote is not None and (vote.draft, vote.revision, vote.instructions) == (None, "", "")
    check_adoptable(ws, SLUG)


def test_a_vote_on_instructions_not_committed_is_refused(ws: Workspace) -> None:
    ws.path(AMENDMENT).write_bytes((FIX / "amendment-2.md").read_bytes())
    before = commits(ws)
    with pytest.raises(StoreError, match=f"{AMENDMENT} has changes to its instructions that are not committed; "
                                         "a vote is recorded on the text as committed"):
        votes.record_vote(ws, SLUG, 30, 2, 0, "2025-09-20")
    assert commits(ws) == before and votes.load_vote(ws, SLUG) is None


def test_a_vote_while_a_round_is_open_is_recorded_with_a_warning(opened: Workspace) -> None:
    vote = votes.record_vote(opened, SLUG, 30, 2, 0, "2025-07-10").vote
    warned = votes.vote_warnings(opened, SLUG, vote)
    assert [(w.source, w.warning) for w in warned] == [(f"amendments/{SLUG}/rounds/1.yaml", True)]
    assert warned[0].message.startswith("comment round 1 on mini-sua (draft 1, comments due 2025-07-15) is still "
                                        "open: the vote was recorded on draft 1, a draft still out for comment.")
    rounds.close_round(opened, SLUG)
    assert votes.vote_warnings(opened, SLUG, vote) == []


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@x", *args], cwd=cwd, check=True,
                          capture_output=True, text=True).stdout


def test_comments_from_two_clones_merge_without_conflict(opened: Workspace, tmp_path: Path) -> None:
    ws = opened
    _git(tmp_path, "clone", "-q", str(ws.root), "a")
    _git(tmp_path, "clone", "-q", str(ws.root), "b")
    a, b = Workspace(tmp_path / "a"), Workspace(tmp_path / "b")
    ca = rounds.add_comment(a, SLUG, "Ban Tổ chức Tỉnh ủy", "d1", "Từ máy A")
    cb = rounds.add_comment(b, SLUG, "Ban Tuyên giáo Tỉnh ủy", "d1", "Từ máy B")
    assert ca.id != cb.id
    _git(b.root, "pull", "-q", "--no-rebase", "--no-edit", str(a.root), "HEAD")
    assert _git(b.root, "status", "--porcelain") == ""
    texts = sorted(c.text for c in rounds.load_comments(Workspace(tmp_path / "b"), SLUG))
    assert texts == ["Từ máy A", "Từ máy B"]


def test_a_round_without_a_title_is_named_in_the_amendments_language(ws: Workspace, tmp_workspace: Workspace) -> None:
    assert rounds.open_round(ws, SLUG, "", "2025-07-15", BODIES).title == "Lấy ý kiến dự thảo lần 1"
    # An English draft's report said "(Lấy ý kiến dự thảo lần 1)" among English words.
    from regdraft.workspace.scaffold import new

    path = new(tmp_workspace, "en-sua", "01-QC/TU-EN", None).path
    text = tmp_workspace.path(path).read_text(encoding="utf-8").replace(
        "## Article 2.", "1\\. Article 3 is repealed.\n\n## Article 2.")
    tmp_workspace.commit({path: text.encode()}, "An instruction")
    assert rounds.open_round(tmp_workspace, "en-sua", "", "2025-07-15", ["The Office"]).title == \
        "Consultation on draft 1"


def test_an_entry_into_force_changed_after_the_vote_is_a_change_of_the_text_voted_on(ws: Workspace) -> None:
    """r27 sweep R2: Điều 3's entry into force changed after the vote was adopted with no word under the gate (the
    fingerprint held the instructions only)."""
    from regdraft.workspace.amendments import load

    ws.config["require_vote_majority"] = True
    votes.record_vote(ws, SLUG, 30, 2, 0, "2025-09-20", members=49)
    text = ws.read(AMENDMENT).decode()
    closing = load(ws, SLUG).closing
    assert closing, "the test amendment has an article of its own after its instructions"
    paragraph = closing[-1].paragraphs[0]
    ws.commit({AMENDMENT: text.replace(paragraph, paragraph + " Bổ sung sau biểu quyết.").encode()}, "Changed")
    with pytest.raises(RegdraftError) as refused:
        check_adoptable(ws, SLUG)
    said = refused.value.args[0]
    assert f"and its text changed since: Điều {closing[-1].label} changed" in said, said

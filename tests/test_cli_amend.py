"""`regdraft amend ...` end to end in real git workspaces, including all-or-nothing adoption."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace

from .conftest import Invoke

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "amend" / "vi.md"
REG = "regulations/02-QC-TU.md"


def amendment_text(body: str, number: str = "07-QC/TU", status: str = "draft", signed: str = "null",
                   effective: str = "null", takes_effect: str = "kể từ ngày ký") -> str:
    return (
        f"---\nnumber: {number}\ntype: Quy chế\ntitle: Quy chế sửa đổi\nregulation: 02-QC/TU\nlanguage: vi\n"
        f"status: {status}\ndraft: 1\nsigned: {signed}\neffective: {effective}\n---\n\nCăn cứ Điều lệ Đảng;\n\n"
        f"## Điều 1. Sửa đổi, bổ sung một số điều\n\n{body.strip()}\n\n## Điều 2. Hiệu lực thi hành\n\n"
        f"Quy chế này có hiệu lực {takes_effect}.\n"
    )


def submit(ws: Workspace, slug: str) -> None:
    """Move a draft amendment to submitted, as the office does before the conference."""
    from regdraft.workspace.lifecycle import set_status

    set_status(ws, slug, "circulating")
    set_status(ws, slug, "submitted")


@pytest.fixture
def ws(empty_workspace: Workspace) -> Workspace:
    empty_workspace.commit(
        {
            REG: FIXTURE.read_bytes(),
            "amendments/good/amendment.md": amendment_text(
                "1\\. Sửa đổi, bổ sung khoản 2 Điều 1 như sau:\n\n“2\\. Thường trực Tỉnh ủy bảo đảm thực hiện.”\n\n"
                "2\\. Bãi bỏ Điều 4."
            ).encode(),
            "amendments/bad/amendment.md": amendment_text(
                "1\\. Bãi bỏ khoản 1 Điều 1.\n\n2\\. Bãi bỏ khoản 9 Điều 1.", number="08-QC/TU"
            ).encode(),
        },
        "Add test regulation and amendments",
    )
    return empty_workspace


def snapshot(ws: Workspace) -> tuple[str, str, dict[str, bytes]]:
    files = {
        p.relative_to(ws.root).as_posix(): p.read_bytes()
        for p in ws.root.rglob("*")
        if p.is_file() and ".git" not in p.parts
    }
    return ws.repo.head.commit.hexsha, ws.repo.git.status("--porcelain"), files


def test_help_lists_the_subcommands(invoke: Invoke) -> None:
    result = invoke(None, "amend", "--help")
    assert result.exit_code == 0
    for name in ("new", "list", "status", "check", "preview", "adopt", "conflicts"):
        assert name in result.output
        sub = invoke(None, "amend", name, "--help")
        assert sub.exit_code == 0 and "Example:" in sub.output


def test_check_ok_and_failing(ws: Workspace, invoke: Invoke) -> None:
    ok = invoke(ws, "amend", "check", "good")
    assert ok.exit_code == 0, ok.output
    assert "no problems" in ok.output
    bad = invoke(ws, "amend", "check", "bad")
    assert bad.exit_code == 1
    assert "amendments/bad/amendment.md:19: instruction 2 (Bãi bỏ khoản 9 Điều 1.): Điều 1 has no khoản 9" in bad.output
    missing = invoke(ws, "amend", "check", "nope")
    assert missing.exit_code == 2 and "There is no amendment 'nope'" in missing.output  # an unknown slug
    assert "Traceback" not in missing.output


def test_preview_writes_nothing_unless_asked(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    before = snapshot(ws)
    result = invoke(ws, "amend", "preview", "good")
    assert result.exit_code == 0
    assert "2\\. Thường trực Tỉnh ủy bảo đảm thực hiện." in result.output
    assert "## Điều 4. (được bãi bỏ)" in result.output
    assert snapshot(ws) == before
    target = tmp_path / "out.md"
    assert invoke(ws, "amend", "preview", "good", "-o", str(target)).exit_code == 0
    assert "(được bãi bỏ)" in target.read_text(encoding="utf-8")
    failing = invoke(ws, "amend", "preview", "bad")
    assert failing.exit_code == 1 and "nothing was changed" in failing.output


def test_list_and_json(ws: Workspace, invoke: Invoke) -> None:
    result = invoke(ws, "amend", "list", "--json")
    rows = {r["slug"]: r for r in json.loads(result.output)}
    assert rows["good"] == {
        "slug": "good",
        "status": "draft",
        "draft": 1,
        "number": "07-QC/TU",
        "regulation": "02-QC/TU",
        "regulations": ["02-QC/TU"],
        "instructions": 2,
        "error": "",
        "signed": None,
        "effective": None,
        "dated": [],
        "votes": "",
        "replacing": [],
        "new_regulation": "",
        "articles": None,
    }
    text = invoke(ws, "amend", "list").output
    assert "good" in text and "2 instructions" in text


def test_new_scaffold_reads_back(ws: Workspace, invoke: Invoke) -> None:
    result = invoke(ws, "amend", "new", "sua-doi-2026", "--regulation", "02-QC/TU")
    assert result.exit_code == 0, result.output
    text = (ws.root / "amendments/sua-doi-2026/amendment.md").read_text(encoding="utf-8")
    assert "regulation: 02-QC/TU" in text and "status: draft" in text
    # The document type is a name: "Quy chế" keeps its capital in the title, the preamble and Điều 1.
    assert "title: Quy chế sửa đổi, bổ sung một số điều của Quy chế thử nghiệm sửa đổi" in text
    # Its text has no issuing sentence to name the body that issued it: its issuer in the front matter issues it.
    assert "Tỉnh ủy Điện Biên ban hành Quy chế sửa đổi, bổ sung một số điều của Quy chế thử nghiệm" in text
    assert "## Điều 1. Sửa đổi, bổ sung một số điều của Quy chế thử nghiệm sửa đổi" in text
    assert "quy chế" not in text
    assert "## Điều 2. Hiệu lực thi hành" in text
    assert ws.dirty(["amendments"]) == []
    empty = invoke(ws, "amend", "check", "sua-doi-2026")  # an amendment with no instruction yet is a problem
    assert empty.exit_code == 1 and "the amendment has no instruction: write them under Điều 1" in empty.output
    assert "('1\\. Sửa đổi, bổ sung khoản 2 Điều 5 như sau:' ...)" in " ".join(empty.output.split())
    # The first edit's way too: the preview of an amendment just made said only to write instructions by hand.
    preview = invoke(ws, "amend", "preview", "sua-doi-2026", "-o", str(ws.root / "preview.md"))
    assert preview.exit_code == 1 and ("or edit a copy of regulations/02-QC-TU.md (the text it amends) and let "
                                       "`regdraft amend from-edits sua-doi-2026 --edited FILE` write them.") in \
        " ".join(preview.output.split()), preview.output
    again = invoke(ws, "amend", "new", "sua-doi-2026", "--regulation", "02-QC/TU")
    assert again.exit_code == 1 and "already exists" in again.output


def test_status_transitions(ws: Workspace, invoke: Invoke) -> None:
    result = invoke(ws, "amend", "status", "good", "circulating", "--draft", "2")
    assert result.exit_code == 0, result.output
    text = (ws.root / "amendments/good/amendment.md").read_text(encoding="utf-8")
    assert "status: circulating" in text and "draft: 2" in text
    assert str(ws.repo.head.commit.message).startswith("Set amendment 07-QC/TU to circulating")
    assert invoke(ws, "amend", "status", "good", "sideways").exit_code == 2
    assert "amend adopt" in invoke(ws, "amend", "status", "good", "adopted").output
    assert invoke(ws, "amend", "status", "good", "withdrawn").exit_code == 0
    wrong = invoke(ws, "amend", "status", "good", "submitted")
    assert wrong.exit_code == 2 and "cannot move from withdrawn to submitted" in wrong.output  # bad usage


def test_a_status_that_is_not_one_is_refused_before_the_amendment_is_read(ws: Workspace, invoke: Invoke) -> None:
    # `amend status SLUG banana` on an amendment with an unreadable instruction reported that instruction (exit 1),
    # and the list of statuses offered `adopted`, which `status` cannot set (r27 sweep X defect 7).
    ws.commit({"amendments/unread/amendment.md": amendment_text(
        "1\\. Khoản 2 Điều 1 được sửa thành như sau:\n\n“2\\. Thường trực Tỉnh ủy bảo đảm thực hiện.”",
        number="09-QC/TU").encode()}, "An unreadable instruction")
    assert "cannot read this instruction" in invoke(ws, "amend", "check", "unread").output  # the draft's problem
    banana = invoke(ws, "amend", "status", "unread", "banana")
    assert banana.exit_code == 2, banana.output
    said = " ".join(banana.output.split())
    assert ("'banana' is not a status; use one of draft, circulating, submitted, rejected or withdrawn "
            "(`regdraft amend adopt unread` adopts it).") in said, said
    assert "cannot read" not in said
    adopted = invoke(ws, "amend", "status", "unread", "adopted")
    assert adopted.exit_code == 2 and "becomes adopted with `regdraft amend adopt unread`" in adopted.output


def test_a_draft_whose_instructions_do_not_read_can_be_withdrawn_or_rejected(ws: Workspace, invoke: Invoke) -> None:
    # `amend status SLUG withdrawn` failed with the instruction's problem (exit 1): a broken draft could not be
    # withdrawn. The front matter alone is read for withdrawn and rejected; other moves still read the whole draft.
    unread = amendment_text("1\\. Khoản 2 Điều 1 được sửa thành như sau:\n\n“2\\. Thường trực Tỉnh ủy bảo đảm.”",
                            number="09-QC/TU")
    ws.commit({"amendments/unread/amendment.md": unread.encode(),
               "amendments/sent/amendment.md": unread.replace("status: draft", "status: submitted").encode()},
              "Two unreadable drafts")
    moved = invoke(ws, "amend", "status", "unread", "circulating")
    assert moved.exit_code == 1 and "cannot read this instruction" in moved.output  # still read whole
    withdrawn = invoke(ws, "amend", "status", "unread", "withdrawn")
    assert withdrawn.exit_code == 0, withdrawn.output
    assert "unread is now withdrawn (draft 1)." in " ".join(withdrawn.output.split())
    message = str(ws.repo.head.commit.message).strip()
    assert message == "Set amendment 09-QC/TU to withdrawn; its instructions were not read (1 problem)"
    text = (ws.root / "amendments/unread/amendment.md").read_text(encoding="utf-8")
    assert text == unread.replace("status: draft", "status: withdrawn")
    rejected = invoke(ws, "amend", "status", "sent", "rejected")
    assert rejected.exit_code == 0, rejected.output
    assert "status: rejected" in (ws.root / "amendments/sent/amendment.md").read_text(encoding="utf-8")
    again = invoke(ws, "amend", "status", "unread", "rejected")  # transitions are checked as before
    assert again.exit_code == 2 and "cannot move from withdrawn to rejected" in again.output
    ws.commit({"amendments/unread/amendment.md": unread.replace("status: draft", "status: [draft").encode()},
              "Its front matter broken too")
    broken = invoke(ws, "amend", "status", "unread", "withdrawn")  # the whole reading's problems, as before
    assert broken.exit_code == 1 and "cannot read this instruction" in broken.output, broken.output


def test_adopt_commits_tags_and_keeps_base(ws: Workspace, invoke: Invoke) -> None:
    original = (ws.root / REG).read_bytes()
    submit(ws, "good")
    # Without --effective the date is the one Điều 2 names: "có hiệu lực kể từ ngày ký", the signing date.
    result = invoke(ws, "amend", "adopt", "good", "--signed", "2025-10-20")
    assert result.exit_code == 0, result.output
    head = ws.repo.head.commit
    assert sorted(map(str, head.stats.files)) == ["amendments/good/amendment.md", REG,
                                                  "regulations/history/02-QC-TU/base.md"]
    assert ws.repo.git.tag("--points-at", "HEAD") == "adopted/07-QC-TU"
    assert (ws.root / "regulations/history/02-QC-TU/base.md").read_bytes() == original
    amended = (ws.root / "amendments/good/amendment.md").read_text(encoding="utf-8")
    assert "status: adopted" in amended and "signed: 2025-10-20" in amended and "effective: 2025-10-20" in amended
    assert head.message == (
        "Adopt amendment 07-QC/TU (good) to 02-QC/TU: signed 2025-10-20, effective 2025-10-20\n\n"
        "07-QC/TU amends khoản 2 Điều 1, repeals Điều 4.\n\n"
        "1. Sửa đổi, bổ sung khoản 2 Điều 1 như sau:\n"
        "2. Bãi bỏ Điều 4.\n\n"
        "Vote: no conference vote is recorded on 07-QC/TU.\n")
    assert "## Điều 4. (được bãi bỏ)" in (ws.root / REG).read_text(encoding="utf-8")
    assert ws.repo.git.status("--porcelain") == ""
    again = invoke(ws, "amend", "adopt", "good", "--signed", "2025-10-20", "--effective", "2025-11-01")
    assert again.exit_code == 2 and "is adopted" in again.output  # not pending: bad usage
    assert "edited without an amendment" not in invoke(ws, "check").output


@pytest.mark.parametrize(
    ("slug", "dirty", "message"),
    [("bad", False, "Điều 1 has no khoản 9"), ("good", True, "uncommitted changes")],
    ids=["failing-instruction", "dirty-regulation"],
)
def test_adopt_that_fails_changes_nothing(ws: Workspace, invoke: Invoke, slug: str, dirty: bool, message: str) -> None:
    submit(ws, slug)
    if dirty:
        path = ws.root / REG
        path.write_bytes(path.read_bytes() + b"\n")
    before = snapshot(ws)
    result = invoke(ws, "amend", "adopt", slug, "--signed", "2025-10-20")
    assert result.exit_code == 1
    assert message in result.output
    assert snapshot(ws) == before


def test_adopt_bad_dates(ws: Workspace, invoke: Invoke) -> None:
    before = snapshot(ws)
    assert invoke(ws, "amend", "adopt", "good", "--signed", "2025-13-01", "--effective", "2025-11-01").exit_code == 2
    # An effective date before the signing date is a gate (retroactive effect is adopted on purpose, forced).
    assert invoke(ws, "amend", "adopt", "good", "--signed", "2025-11-02", "--effective", "2025-11-01").exit_code == 1
    assert snapshot(ws) == before


def test_conflicts_between_pending_amendments(ws: Workspace, invoke: Invoke) -> None:
    ws.commit(
        {
            "amendments/other/amendment.md": amendment_text(
                "1\\. Bổ sung điểm a vào khoản 2 Điều 1 như sau:\n\n“a) X.”\n\n2\\. Sửa đổi tên Điều 4 như sau:\n\n“Y”",
                number="09-QC/TU",
            ).encode()
        },
        "Add another amendment",
    )
    result = invoke(ws, "amend", "conflicts", "--json")
    assert result.exit_code == 1  # a conflict found is a problem, for scripts too
    pairs = {(c["first"], c["second"], c["first_provision"], c["second_provision"]) for c in json.loads(result.output)}
    assert ("good", "other", "d1.k2", "d1.k2.a") in pairs
    assert ("good", "other", "d4", "d4") in pairs
    assert ("bad", "good", "d1.k1", "d1.k2") not in pairs
    shown = invoke(ws, "amend", "conflicts")
    assert shown.exit_code == 1
    pair = "good (instruction 2, line 21) repeals Điều 4; other (instruction 2, line 21) renames Điều 4."
    assert pair in shown.output
    ws.commit({"amendments/other/amendment.md": None, "amendments/bad/amendment.md": None}, "Drop the others")
    alone = invoke(ws, "amend", "conflicts")
    assert alone.exit_code == 0 and "No conflicts between pending amendments." in alone.output


def test_workspace_check_reports_pending_problems_and_unamended_edits(ws: Workspace, invoke: Invoke) -> None:
    result = invoke(ws, "check")
    assert result.exit_code == 1
    assert "amendments/bad/amendment.md:19" in result.output
    ws.commit({"amendments/bad/amendment.md": None}, "Drop the bad amendment")
    submit(ws, "good")
    assert invoke(ws, "amend", "adopt", "good", "--signed", "2025-10-20").exit_code == 0
    assert invoke(ws, "check").exit_code == 0
    path = ws.root / REG
    path.write_text(path.read_text(encoding="utf-8").replace("3 tháng một lần", "2 tháng một lần"), encoding="utf-8")
    edited = invoke(ws, "check")
    assert edited.exit_code == 1
    assert "regulations/02-QC-TU.md" in edited.output and "edited without an amendment" in edited.output
    assert "khoản 1 Điều 3" in edited.output


def test_check_reports_reading_and_applying_problems_in_one_run(ws: Workspace, invoke: Invoke) -> None:
    ws.commit({"amendments/mixed/amendment.md": amendment_text(
        "1\\. Bãi bỏ khoản 9 Điều 1.\n\n"
        "2\\. Sửa đổi, bổ sung khoản 1 Điều 2 như sau\n\n“1\\. Tập trung dân chủ.\n\na) X.”\n\n"
        "3\\. Sửa đổi, bổ sung một số điểm của khoản 2 Điều 2 như sau:\n\n"
        "a) Bãi bỏ khoản 1 Điều 1.\n\n"
        "b) Bãi bỏ điểm c.\n\n"
        "4\\. Bãi bỏ khoản 2 Điều 2.\n\n"
        "5\\. Thay thế cụm từ “Ban Bí thư” bằng cụm từ “Bộ Chính trị” tại khoản 1 Điều 1.",
        number="09-QC/TU").encode()}, "Add an amendment with several problems")
    before = snapshot(ws)
    result = invoke(ws, "amend", "check", "mixed")
    assert result.exit_code == 1 and "Traceback" not in result.output
    source = "amendments/mixed/amendment.md"
    reported = [line for line in result.output.splitlines() if line.startswith(source)]
    assert reported == [
        f"{source}:17: instruction 1 (Bãi bỏ khoản 9 Điều 1.): Điều 1 has no khoản 9 (khoản 9 Điều 1 does not exist).",
        f"{source}:19: instruction 2 (Sửa đổi, bổ sung khoản 1 Điều 2 như sau): cannot read this instruction: it "
        "announces new text but has no closing punctuation; end it with “như sau:” and put the new text in quotes "
        "below it; the standard wording is 'Sửa đổi, bổ sung khoản 1 Điều 2 như sau:'.",
        f"{source}:27: instruction 3.a (Bãi bỏ khoản 1 Điều 1.): khoản 1 Điều 1 lies outside khoản 2 Điều 2, the "
        "provision this group of instructions amends.",
        f"{source}:31: instruction 4 (Bãi bỏ khoản 2 Điều 2.) repeals khoản 2 Điều 2, but instruction 3.b (line 29) "
        "already repeals điểm c khoản 2 Điều 2; one provision may be changed by one instruction only: merge them.",
        f"{source}:33: instruction 5 (Thay thế cụm từ “Ban Bí thư” bằng cụm từ “Bộ Chính trị” tại khoản 1 Điều 1.): "
        "“Ban Bí thư” is found 0 times in khoản 1 Điều 1 (it occurs 0 times in the whole regulation).",
    ]
    assert "5 problems found." in result.output
    as_json = invoke(ws, "amend", "check", "mixed", "--json")
    assert [p["line"] for p in json.loads(as_json.output)["problems"]] == [17, 19, 27, 31, 33]
    assert snapshot(ws) == before  # checking applies nothing for real
    workspace = invoke(ws, "check")
    assert workspace.exit_code == 1
    assert all(line in workspace.output for line in reported), workspace.output


def test_check_json_holds_the_references_to_check_and_warnings_the_text_lists(tmp_workspace: Workspace,
                                                                              invoke: Invoke) -> None:
    text = invoke(tmp_workspace, "amend", "check", "qc-sua-doi-2025")
    assert text.exit_code == 0, text.output
    to_check = [line.removeprefix("requires checking: ") for line in text.stdout.splitlines()
                if line.startswith("requires checking: ")]
    assert len(to_check) == 6
    data = json.loads(invoke(tmp_workspace, "amend", "check", "qc-sua-doi-2025", "--json").stdout)
    assert data["amendment"] == "qc-sua-doi-2025" and data["problems"] == [] and data["warnings"] == []
    assert [f"{p['file']}:{p['line']}: {p['message']}" for p in data["to_check"]] == to_check


def test_an_unreadable_amendment_under_json_is_an_error_with_its_problems(tmp_workspace: Workspace,
                                                                          invoke: Invoke) -> None:
    path = tmp_workspace.root / "amendments" / "qc-sua-doi-2025" / "amendment.md"
    path.write_text(path.read_text(encoding="utf-8").replace("draft: 2", "draft: hai"), encoding="utf-8")
    result = invoke(tmp_workspace, "amend", "preview", "qc-sua-doi-2025", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["error"].startswith("amendments/qc-sua-doi-2025/amendment.md: 1 problem reading and applying")
    assert data["problems"] == [{"file": "amendments/qc-sua-doi-2025/amendment.md", "line": 8, "unit": "",
                                 "message": "The draft number 'hai' is not a whole number from 1.", "warning": False}]
    text = invoke(tmp_workspace, "amend", "preview", "qc-sua-doi-2025")
    assert text.exit_code == 1 and not text.stdout
    assert "amendment.md:8: The draft number 'hai' is not a whole number from 1." in text.stderr

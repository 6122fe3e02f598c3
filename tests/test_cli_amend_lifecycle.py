"""The amendment's life through commands: number, status, the gates before adoption, and the words of
each commit (`amend number`, `amend status`, `amend adopt`, `amend from-edits`)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import Result

from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace

from .conftest import FIXTURES, SHIPPED_AMENDMENT, Invoke
from .test_cli_amend import REG, amendment_text, snapshot

BODY = ("1\\. Sửa đổi, bổ sung khoản 2 Điều 1 như sau:\n\n“2\\. Thường trực Tỉnh ủy bảo đảm thực hiện.”\n\n"
        "2\\. Bãi bỏ Điều 4.")
SLUG = "good"


@pytest.fixture
def ws(empty_workspace: Workspace) -> Workspace:
    empty_workspace.commit(
        {REG: (FIXTURES / "amend" / "vi.md").read_bytes(),
         f"amendments/{SLUG}/amendment.md": amendment_text(BODY, number="").encode()},
        "Add test regulation and an amendment",
    )
    return empty_workspace


def message(ws: Workspace) -> str:
    return str(ws.repo.head.commit.message).rstrip("\n")


def adopt(invoke: Invoke, ws: Workspace, *extra: str) -> Result:
    return invoke(ws, "amend", "adopt", SLUG, "--signed", "2025-10-20", *extra)


# Number and status ---------------------------------------------------------------------------


def test_amend_number_sets_the_number_in_one_commit(ws: Workspace, invoke: Invoke) -> None:
    before = ws.repo.head.commit.hexsha
    result = invoke(ws, "amend", "number", SLUG, "07-QC/TU")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "good is now numbered 07-QC/TU."
    assert ws.repo.head.commit.parents[0].hexsha == before
    assert message(ws) == "Number amendment good as 07-QC/TU"
    assert "number: 07-QC/TU" in ws.path(f"amendments/{SLUG}/amendment.md").read_text(encoding="utf-8")
    again = invoke(ws, "amend", "number", SLUG, "07-QC/TU")
    assert again.exit_code == 1 and "already has the number 07-QC/TU" in again.output
    assert invoke(ws, "amend", "number", SLUG, "08-QC/TU").exit_code == 0
    assert message(ws) == "Number amendment good as 08-QC/TU (was 07-QC/TU)"


def test_amend_number_refuses_a_bad_or_taken_number(ws: Workspace, invoke: Invoke) -> None:
    ws.commit({"amendments/other/amendment.md": amendment_text(BODY, number="09-QC/TU").encode()}, "Another")
    before = snapshot(ws)
    bad = invoke(ws, "amend", "number", SLUG, "QC TU")
    assert bad.exit_code == 2 and "'QC TU' is not a document number" in bad.output
    taken = invoke(ws, "amend", "number", SLUG, "09-QC/TU")
    assert taken.exit_code == 1
    assert "The number 09-QC/TU is already that of the amendment 'other'" in taken.output
    assert snapshot(ws) == before


def test_status_moves_only_forward_through_circulation(ws: Workspace, invoke: Invoke) -> None:
    skipped = invoke(ws, "amend", "status", SLUG, "submitted")
    assert skipped.exit_code == 2  # bad usage: the status named is not a next one (docs/json.md)
    assert "cannot move from draft to submitted; from draft the next status can be: circulating, withdrawn. Set " \
        f"it circulating first (`regdraft amend status {SLUG} circulating`), then submitted." \
        in " ".join(skipped.output.split())
    # After a comment round (r37 sweep BQ 5): `round open` leaves the status as it was, and the refusal says so.
    opened = invoke(ws, "round", "open", SLUG, "--title", "Lấy ý kiến", "--due", "2099-03-15", "--consult", "Ban A")
    assert opened.exit_code == 0, opened.output
    assert invoke(ws, "round", "close", SLUG).exit_code == 0
    held = " ".join(invoke(ws, "amend", "status", SLUG, "submitted").output.split())
    assert ("from draft the next status can be: circulating, withdrawn. Comment round 1 was held, but opening a round "
            f"leaves the status as it is; set it circulating first (`regdraft amend status {SLUG} circulating`), then "
            "submitted.") in held, held
    assert invoke(ws, "amend", "status", SLUG, "circulating").exit_code == 0
    assert message(ws) == "Set amendment good to circulating"
    assert invoke(ws, "amend", "status", SLUG, "submitted").exit_code == 0
    assert message(ws) == "Set amendment good to submitted"


def test_a_status_the_amendment_already_has_is_said_and_nothing_is_committed(ws: Workspace, invoke: Invoke) -> None:
    # `amend status good circulating` twice printed git's "nothing to commit" dump, and where the file differed
    # committed "Draft None of …".
    assert invoke(ws, "amend", "status", SLUG, "circulating").exit_code == 0
    before = snapshot(ws)
    again = invoke(ws, "amend", "status", SLUG, "circulating")
    assert again.exit_code == 2 and "is already circulating." in again.output and "git" not in again.output
    assert snapshot(ws) == before


def test_status_draft_alone_numbers_the_next_draft(ws: Workspace, invoke: Invoke) -> None:
    result = invoke(ws, "amend", "status", SLUG, "--draft", "2")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "good is now draft (draft 2)."
    assert message(ws) == "Draft 2 of good: draft number set (was 1)"
    neither = invoke(ws, "amend", "status", SLUG)
    assert neither.exit_code == 2 and "--draft N" in neither.output


def test_status_over_an_edited_amendment_says_how_to_keep_or_discard_the_edit(ws: Workspace, invoke: Invoke) -> None:
    relative = f"amendments/{SLUG}/amendment.md"
    path = ws.root / relative
    path.write_bytes(path.read_bytes() + b"\n")
    before = snapshot(ws)
    result = invoke(ws, "amend", "status", SLUG, "--draft", "5")
    assert result.exit_code == 1, result.output
    assert f"uncommitted changes to {relative}" in result.output and "nothing was changed" in result.output
    assert f"`git add {relative}` then `git commit" in result.output
    assert f"`git restore {relative}`" in result.output
    assert "stash" not in result.output
    assert snapshot(ws) == before


# The gates before adoption -------------------------------------------------------------------


def test_adopting_a_draft_names_the_moves_that_reach_submitted(ws: Workspace, invoke: Invoke) -> None:
    # It said "submit it with `regdraft amend status good submitted`", a move refused from draft.
    refused = adopt(invoke, ws, "--effective", "2025-10-20")
    assert refused.exit_code == 1
    assert ("  - it is draft, not submitted; submit it with `regdraft amend status good circulating` then "
            "`regdraft amend status good submitted`\n") in refused.output
    for status in ("circulating", "submitted"):  # each move it names is allowed, in that order
        moved = invoke(ws, "amend", "status", SLUG, status)
        assert moved.exit_code == 0, moved.output
    assert "not submitted" not in adopt(invoke, ws, "--effective", "2025-10-20").output


def test_adopt_names_every_missing_step_and_its_command(ws: Workspace, invoke: Invoke) -> None:
    config = yaml.safe_load(ws.path("regdraft.yaml").read_text(encoding="utf-8"))
    ws.commit({"regdraft.yaml": yaml.safe_dump({**config, "require_vote_majority": True}).encode()}, "Vote")
    invoke(ws, "amend", "status", SLUG, "circulating")
    rounds.open_round(ws, SLUG, "Lấy ý kiến", "2025-09-01", ["Ban Tổ chức Tỉnh ủy"])
    comment = rounds.add_comment(ws, SLUG, "Ban Tổ chức Tỉnh ủy", "d1.k2", "Đề nghị làm rõ.")
    before = snapshot(ws)
    refused = adopt(invoke, ws, "--effective", "2025-10-23")
    assert refused.exit_code == 1
    assert refused.output == (
        "Error: amendments/good/amendment.md: good cannot be adopted yet:\n"
        "  - it has no document number; give it the number it is signed with, e.g. `regdraft amend number good "
        "03-QC/TU` (the next free in its series)\n"
        "  - it is circulating, not submitted; submit it with `regdraft amend status good submitted`\n"
        "  - comment round 1 (draft 1) is still open; close it with `regdraft round close good --round 1`\n"
        f"  - 1 comment is not answered ({comment.id} by Ban Tổ chức Tỉnh ủy on d1.k2); answer each with "
        "`regdraft comment respond ID --disposition accepted|partly|rejected|noted|withdrawn --reply TEXT`\n"
        "  - regdraft.yaml requires a conference vote majority before adoption, and no vote is recorded for "
        "'good'; record the conference vote with `regdraft amend vote good --for N --against N --abstain N "
        "--date DATE`\n"
        "  - the effective date 2025-10-23 contradicts Điều 2, which says “Quy chế này có hiệu lực kể từ ngày "
        "ký.”: 2025-10-20; adopt with `regdraft amend adopt good --signed 2025-10-20 --effective 2025-10-20`, "
        "or amend Điều 2 first\n"
        "Nothing was changed.\n")
    assert snapshot(ws) == before
    # Each command named fixes its step; then the amendment is adopted.
    for command in (("amend", "number", SLUG, "07-QC/TU"), ("round", "close", SLUG, "--round", "1"),
                    ("comment", "respond", comment.id, "--disposition", "accepted", "--reply", "Tiếp thu."),
                    ("amend", "vote", SLUG, "--for", "30", "--against", "2", "--date", "2025-10-20", "--members", "49"),
                    ("amend", "status", SLUG, "submitted")):
        assert invoke(ws, *command).exit_code == 0, command
    still = adopt(invoke, ws, "--effective", "2025-10-23")
    assert still.exit_code == 1 and still.output.count("  - ") == 1 and "contradicts Điều 2" in still.output
    assert ("In an exceptional case, it is adopted anyway with the reason recorded. (Options: --force, --reason TEXT.)"
            in still.output)
    adopted = adopt(invoke, ws)
    assert adopted.exit_code == 0, adopted.output
    assert message(ws) == (
        "Adopt amendment 07-QC/TU (good) to 02-QC/TU: signed 2025-10-20, effective 2025-10-20\n\n"
        "07-QC/TU amends khoản 2 Điều 1, repeals Điều 4.\n\n"
        "1. Sửa đổi, bổ sung khoản 2 Điều 1 như sau:\n2. Bãi bỏ Điều 4.")


def test_adopt_refuses_instructions_changed_after_the_vote_and_warns_without_the_gate(ws: Workspace,
                                                                                      invoke: Invoke) -> None:
    """r27 sweep Y: a text changed after the vote was adopted as voted, the vote a gate or not."""
    config = yaml.safe_load(ws.path("regdraft.yaml").read_text(encoding="utf-8"))
    ws.commit({"regdraft.yaml": yaml.safe_dump({**config, "require_vote_majority": True}).encode()}, "Vote")
    for command in (("amend", "number", SLUG, "07-QC/TU"), ("amend", "status", SLUG, "circulating")):
        assert invoke(ws, *command).exit_code == 0, command
    written = ws.repo.head.commit.hexsha
    voted = invoke(ws, "amend", "vote", SLUG, "--for", "30", "--against", "2", "--date", "2025-10-20")
    assert voted.exit_code == 0 and voted.output == (
        "Recorded the vote on draft 1 of good (2025-10-20): 30 for, 2 against, 0 abstaining: a majority.\n")
    path = ws.path(f"amendments/{SLUG}/amendment.md")
    ws.commit({f"amendments/{SLUG}/amendment.md": path.read_bytes().replace(b"draft: 1", b"draft: 2").replace(
        "bảo đảm thực hiện".encode(), "không bảo đảm thực hiện".encode())}, "Draft 2, after the vote")
    assert invoke(ws, "amend", "status", SLUG, "submitted").exit_code == 0
    before = snapshot(ws)
    refused = adopt(invoke, ws)
    assert refused.exit_code == 1
    assert refused.output == (
        "Error: amendments/good/amendment.md: good (07-QC/TU) cannot be adopted yet:\n"
        f"  - the conference vote of 2025-10-20 was taken on draft 1 of 07-QC/TU (commit {written[:8]}), and its "
        "text changed since: khoản 1 Điều 1 (on khoản 2 Điều 1) changed; it is now draft 2; have the "
        "conference vote on this text and record it with `regdraft amend vote good --for N --against N --abstain N "
        "--date DATE`, or undo the change so that the text reads as voted "
        f"(`git show {written[:8]}:amendments/good/amendment.md` shows it)\n"
        "Nothing was changed. In an exceptional case, it is adopted anyway with the reason recorded. (Options: "
        "--force, --reason TEXT.)\n")
    assert snapshot(ws) == before
    ws.commit({"regdraft.yaml": yaml.safe_dump({**config, "require_vote_majority": False}).encode()}, "No gate")
    adopted = adopt(invoke, ws)
    assert adopted.exit_code == 0, adopted.output
    unvoted = (f"the conference vote of 2025-10-20 was taken on draft 1 of 07-QC/TU (commit {written[:8]}), and its "
               "text changed since: khoản 1 Điều 1 (on khoản 2 Điều 1) changed; it is now draft 2")
    assert f"Warning: {unvoted}; regdraft.yaml does not require a vote majority" in adopted.output
    assert message(ws).endswith(f"\n\nNot as voted: {unvoted}.")


def _with_entry(ws: Workspace, sentence: str, status: str = "submitted", number: str = "07-QC/TU") -> None:
    ws.commit({f"amendments/{SLUG}/amendment.md": amendment_text(
        BODY, status=status, takes_effect=sentence, number=number).encode()}, "Entry into force")


def test_a_date_named_in_the_entry_into_force_article_is_the_effective_date(ws: Workspace, invoke: Invoke) -> None:
    _with_entry(ws, "kể từ ngày 01/11/2025")
    refused = adopt(invoke, ws, "--effective", "2025-10-20")
    assert refused.exit_code == 1
    assert ("the effective date 2025-10-20 contradicts Điều 2, which says “Quy chế này có hiệu lực kể từ ngày "
            "01/11/2025.”: 2025-11-01") in refused.output
    assert adopt(invoke, ws).exit_code == 0  # the date comes from Điều 2
    text = ws.path(f"amendments/{SLUG}/amendment.md").read_text(encoding="utf-8")
    assert "effective: 2025-11-01" in text and "signed: 2025-10-20" in text


def test_days_after_signing(ws: Workspace, invoke: Invoke) -> None:
    _with_entry(ws, "sau 15 ngày kể từ ngày ký")
    assert adopt(invoke, ws).exit_code == 0
    assert "effective: 2025-11-04" in ws.path(f"amendments/{SLUG}/amendment.md").read_text(encoding="utf-8")


def test_an_entry_into_force_regdraft_cannot_read_is_refused_and_quoted(ws: Workspace, invoke: Invoke) -> None:
    _with_entry(ws, "sau khi được Hội nghị Ban Chấp hành thông qua")
    refused = adopt(invoke, ws, "--effective", "2025-11-01")
    assert refused.exit_code == 1
    assert ("the effective date cannot be checked against Điều 2, which says “Quy chế này có hiệu lực sau khi "
            "được Hội nghị Ban Chấp hành thông qua.”: it names no date regdraft can read") in refused.output
    without = adopt(invoke, ws)
    assert without.exit_code == 2 and "give the date it takes effect. (Option: --effective DATE.)" in without.output


def test_force_records_the_reason_and_what_it_passed(ws: Workspace, invoke: Invoke) -> None:
    _with_entry(ws, "kể từ ngày ký", status="circulating", number="")
    assert invoke(ws, "amend", "number", SLUG, "07-QC/TU").exit_code == 0
    no_reason = adopt(invoke, ws, "--force")
    assert no_reason.exit_code == 2 and "--force and --reason go together" in no_reason.output
    forced = adopt(invoke, ws, "--effective", "2025-11-01", "--force", "--reason",
                   "Hội nghị quyết định hiệu lực từ 01/11/2025")
    assert forced.exit_code == 0, forced.output
    assert message(ws).endswith(
        "\n\nAdopted past its gates: Hội nghị quyết định hiệu lực từ 01/11/2025\n"
        "- it is circulating, not submitted\n"
        "- the effective date 2025-11-01 contradicts Điều 2, which says “Quy chế này có hiệu lực kể từ ngày ký.”: "
        "2025-10-20")
    assert ws.repo.git.tag("--points-at", "HEAD") == "adopted/07-QC-TU"


def test_force_does_not_pass_a_missing_number(ws: Workspace, invoke: Invoke) -> None:
    _with_entry(ws, "kể từ ngày ký", number="")
    before = snapshot(ws)
    refused = adopt(invoke, ws, "--force", "--reason", "urgent")
    assert refused.exit_code == 1
    assert "it has no document number; give it the number it is signed with, e.g. `regdraft amend number good " \
           "03-QC/TU`" in refused.output
    assert "adopted anyway with the reason recorded" not in refused.output
    assert snapshot(ws) == before


# Commit messages of from-edits ------------------------------------------------------------------


def test_from_edits_commit_names_the_draft_the_number_and_the_provisions(tmp_workspace: Workspace,
                                                                        invoke: Invoke, tmp_path: Path) -> None:
    ws = tmp_workspace
    assert invoke(ws, "amend", "status", SHIPPED_AMENDMENT, "--draft", "3").exit_code == 0
    text = ws.path("regulations/01-QC-TU.md").read_text(encoding="utf-8")
    edited = tmp_path / "edited.md"
    clause = ("3\\. Trực tiếp làm Trưởng Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh; chỉ đạo công tác bảo vệ, chăm "
              "sóc sức khỏe cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý.\n\n")
    assert clause in text
    edited.write_text(
        text.replace("2\\. Thực hiện chế độ báo cáo với Ban Chấp hành Đảng bộ tỉnh và với cấp trên:",
                     "2\\. Thực hiện chế độ báo cáo định kỳ với Ban Chấp hành Đảng bộ tỉnh và với cấp trên:")
        .replace("### Điều 21.", "### Điều 20a. Làm việc trên môi trường điện tử\n\nVăn bản được gửi qua hệ thống "
                 "thông tin điện tử.\n\n### Điều 21.")
        .replace(clause, ""),  # deleted outright: repealed
        encoding="utf-8")
    # A copy of the text in force: the document's instructions are these three alone, as asked.
    result = invoke(ws, "amend", "from-edits", SHIPPED_AMENDMENT, "--edited", str(edited), "--allow-undo")
    assert result.exit_code == 0, result.output
    subject, _, body = message(ws).partition("\n\n")
    assert subject == ("Draft 3 of 05-QC/TU: repeals khoản 3 Điều 10, inserts Điều 20a, replaces “Thực hiện chế độ "
                       "báo cáo” in khoản 2 Điều 5")
    assert body.splitlines() == [
        f"The instructions of Điều 1, written from the edited text {edited}:",
        "1. Bãi bỏ khoản 3 Điều 10.",
        "2. Bổ sung Điều 20a vào sau Điều 20 như sau:",
        "3. Thay thế cụm từ “Thực hiện chế độ báo cáo” bằng cụm từ “Thực hiện chế độ báo cáo định kỳ” tại khoản 2 "
        "Điều 5."]


def test_adopt_refuses_a_document_nobody_signs_or_signed_after_today(ws: Workspace, invoke: Invoke) -> None:
    """`amend new` leaves the signer's name for the drafter; a document adopted without it was issued unsigned
    (`T/M TỈNH ỦY / BÍ THƯ` over an empty line). A signing date a week ahead made a text "in force" that was not."""
    import datetime as dt

    _with_entry(ws, "kể từ ngày ký")
    path = ws.path(f"amendments/{SLUG}/amendment.md")
    text = path.read_text(encoding="utf-8")
    unsigned = text.replace("---\n", "---\nsigner:\n  on_behalf: T/M TỈNH ỦY\n  title: BÍ THƯ\n  name: ''\n", 1)
    ws.commit({f"amendments/{SLUG}/amendment.md": unsigned.encode()}, "Signer to come")
    before = snapshot(ws)
    ahead = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    refused = invoke(ws, "amend", "adopt", SLUG, "--signed", ahead)
    assert refused.exit_code == 1
    assert (f"  - it names no signer (`signer:` in its front matter has no `name:`); write the name of who signs it "
            f"under `signer:` in amendments/{SLUG}/amendment.md\n") in refused.output
    assert (f"  - its signing date {ahead} is after today ({dt.date.today()}); adopt it once it is signed, with the "
            f"date it was signed: `regdraft amend adopt {SLUG} --signed DATE`\n") in refused.output
    assert snapshot(ws) == before
    named = unsigned.replace("name: ''", "name: Phạm Đức Thịnh")
    ws.commit({f"amendments/{SLUG}/amendment.md": named.encode()}, "Signer named")
    assert adopt(invoke, ws).exit_code == 0

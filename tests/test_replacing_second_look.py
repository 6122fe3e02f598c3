"""A new regulation's draft, the rough edges a second look found (r41 sweep CK F4, F6, F7): a second draft replacing
a regulation another one replaced already, two drafts of one id, a pending amendment to the regulation replaced."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from click.testing import Result

from regdraft.workspace.store import Workspace

from .conftest import Invoke


def ok(result: object) -> str:
    assert getattr(result, "exit_code") == 0, getattr(result, "output")  # noqa: B009
    return str(getattr(result, "output"))  # noqa: B009


def words(text: str) -> str:
    return " ".join(text.split())


def draft(ws: Workspace, invoke: Invoke, slug: str, new_id: str) -> str:
    """The draft `slug` of `new_id` replacing 01-QC/TU, made term XV's text; its path."""
    ok(invoke(ws, "amend", "new", slug, "--replacing", "01-QC/TU", "--id", new_id))
    path = f"amendments/{slug}/amendment.md"
    text = (ws.root / path).read_text(encoding="utf-8")
    ws.commit({path: text.replace("khóa XIV, nhiệm kỳ 2020 - 2025", "khóa XV, nhiệm kỳ 2025 - 2030").encode()},
              f"{slug}: term XV")
    return path


def adopt(ws: Workspace, invoke: Invoke, slug: str, number: str) -> Result:
    ok(invoke(ws, "amend", "number", slug, number))
    return invoke(ws, "amend", "adopt", slug, "--signed", dt.date.today().isoformat(), "--force", "--reason",
                  "Hội nghị đã thông qua")


def test_a_second_new_regulation_replacing_one_replaced_already_is_refused(tmp_workspace: Workspace,
                                                                          invoke: Invoke) -> None:
    """`amend adopt` issued a second regulation replacing 01-QC/TU, without --force, and `check` then failed on it."""
    draft(tmp_workspace, invoke, "a", "01-QC/TU-XV")
    path = draft(tmp_workspace, invoke, "b", "01-QC/TU-XVb")
    ok(adopt(tmp_workspace, invoke, "a", "01-QC/TU"))
    checked = words(invoke(tmp_workspace, "amend", "check", "b").output)
    line = (tmp_workspace.root / path).read_text(encoding="utf-8").split("\n").index("replaces: 01-QC/TU") + 1
    assert f"{path}:{line}: 01-QC/TU is replaced already: Quy chế 01-QC/TU (01-QC/TU-XV) replaces it from" in checked
    head = tmp_workspace.resolve("HEAD").sha
    refused = adopt(tmp_workspace, invoke, "b", "02-QC/TU")
    assert refused.exit_code == 1 and "01-QC/TU is replaced already" in words(refused.output), refused.output
    assert not (tmp_workspace.root / "regulations/01-QC-TU-XVb.md").exists()
    assert tmp_workspace.resolve("HEAD~1").sha == head  # the number alone was written
    assert "01-QC/TU is replaced already" in words(invoke(tmp_workspace, "check").output)


def test_a_second_draft_of_a_pending_drafts_id_is_refused(tmp_workspace: Workspace, invoke: Invoke) -> None:
    draft(tmp_workspace, invoke, "a", "01-QC/TU-XV")
    head = tmp_workspace.resolve("HEAD").sha
    refused = invoke(tmp_workspace, "amend", "new", "d", "--replacing", "01-QC/TU", "--id", "01-QC/TU-XV")
    assert refused.exit_code != 0
    assert "01-QC/TU-XV is the id the pending draft a is to be issued under" in words(refused.output)
    assert tmp_workspace.resolve("HEAD").sha == head and not (tmp_workspace.root / "amendments/d").exists()


def test_two_drafts_of_one_id_written_by_hand_are_named_by_check(tmp_workspace: Workspace, invoke: Invoke) -> None:
    draft(tmp_workspace, invoke, "a", "01-QC/TU-XV")
    path = draft(tmp_workspace, invoke, "d", "01-QC/TU-XVd")
    text = (tmp_workspace.root / path).read_text(encoding="utf-8").replace("id: 01-QC/TU-XVd\n", "id: 01-QC/TU-XV\n")
    tmp_workspace.commit({path: text.encode()}, "d: the same id, by hand (or from a colleague's clone)")
    checked = invoke(tmp_workspace, "check")
    assert checked.exit_code == 1
    assert f"{path}:2: a is to be issued as 01-QC/TU-XV too" in words(checked.output), checked.output


def test_check_warns_of_a_pending_amendment_to_the_regulation_replaced(tmp_workspace: Workspace,
                                                                       invoke: Invoke) -> None:
    draft(tmp_workspace, invoke, "a", "01-QC/TU-XV")
    ok(adopt(tmp_workspace, invoke, "a", "01-QC/TU"))
    checked = invoke(tmp_workspace, "check")
    said = words(checked.output)
    assert checked.exit_code == 0, checked.output  # a warning: it fails only that amendment's adoption
    assert re.search(r"amendments/qc-sua-doi-2025/amendment\.md:\d+: warning: qc-sua-doi-2025 cannot be adopted: "
                     r"it amends 01-QC/TU, which is no longer in force", said), said


def test_a_new_regulations_draft_is_voted_article_by_article(tmp_workspace: Workspace, invoke: Invoke) -> None:
    """`amend vote --on "Điều 11"` on a new regulation's draft was refused, "its instructions are none" (r41 sweep CK
    F6): a conference votes a new Working Regulation article by article."""
    from regdraft.workspace.amendments import load
    from regdraft.workspace.vote_parts import load_part_votes, part_notes

    path = draft(tmp_workspace, invoke, "a", "01-QC/TU-XV")
    today = dt.date.today().isoformat()
    said = ok(invoke(tmp_workspace, "amend", "vote", "a", "--on", "Điều 11", "--for", "30", "--against", "15",
                     "--abstain", "3", "--date", today, "--members", "49"))
    assert "Recorded the vote on Điều 11 of a" in said and "a majority" in said
    ok(invoke(tmp_workspace, "amend", "vote", "a", "--on", "khoản 2 Điều 12", "--for", "40", "--against", "5",
              "--date", today, "--members", "49"))
    assert [(p.on, p.places) for p in load_part_votes(tmp_workspace, "a")] == [
        ("Điều 11", (("11", ""),)), ("khoản 2 Điều 12", (("12", "2"),))]
    assert part_notes(tmp_workspace, load(tmp_workspace, "a")) == []
    # Điều 11 edited after its vote: that vote was on another wording; Điều 12 khoản 2's still stands.
    text = (tmp_workspace.root / path).read_text(encoding="utf-8")
    edited = text.replace("4\\. Các Phó Bí thư Tỉnh ủy chịu trách", "4\\. Các Phó Bí thư chịu trách", 1)
    assert edited != text
    tmp_workspace.commit({path: edited.encode()}, "Điều 11 reworded")
    notes = part_notes(tmp_workspace, load(tmp_workspace, "a"))
    assert len(notes) == 1 and "on another wording of Điều 11: it changed since" in notes[0], notes
    refused = invoke(tmp_workspace, "amend", "vote", "a", "--on", "Điều 99", "--for", "30", "--against", "1",
                     "--date", today)
    assert refused.exit_code != 0
    assert "“Điều 99” names no article, clause or point of the text of" in words(refused.output), refused.output
    assert "(its articles 1–" in words(refused.output)


def test_a_new_regulations_draft_is_named_as_one_not_as_an_amendment(tmp_workspace: Workspace, invoke: Invoke,
                                                                       tmp_path: Path) -> None:
    """r41 sweep CK F7: `amend show`/`list` said "amends 01-QC/TU; 0 instructions", `from-edits` "0 instructions",
    the round report "số 01-QC/TU-XV" (the workspace id, before any number), the adoption commit "Adopt amendment"
    and sync "adopted as 01-QC/TU of term XIV (to 01-QC/TU)"."""
    from regdraft.workspace.activity import describe

    start = tmp_workspace.resolve("HEAD").sha
    path = draft(tmp_workspace, invoke, "a", "01-QC/TU-XV")
    shown = ok(invoke(tmp_workspace, "amend", "show", "a"))
    assert shown.startswith("a: no number yet, draft, draft 1; new regulation 01-QC/TU-XV replacing 01-QC/TU, "
                            "31 articles\n"), shown
    listed = ok(invoke(tmp_workspace, "amend", "list"))
    assert re.search(r"^a\s.*new regulation 01-QC/TU-XV replacing 01-QC/TU 31 articles$", listed, re.M), listed
    assert re.search(r"^qc-sua-doi-2025\s.*01-QC/TU\s+\d+ instructions", listed, re.M)  # an amendment as it was
    edited = tmp_path / "xv.md"
    edited.write_text((tmp_workspace.root / path).read_text(encoding="utf-8").replace(
        "4\\. Các Phó Bí thư Tỉnh ủy chịu trách", "4\\. Các Phó Bí thư chịu trách", 1), encoding="utf-8")
    said = ok(invoke(tmp_workspace, "amend", "from-edits", "a", "--edited", str(edited)))
    assert "instruction" not in said and f"Updated {path}, the draft's text of 01-QC/TU-XV, in commit" in said, said
    ok(invoke(tmp_workspace, "round", "open", "a", "--title", "Lấy ý kiến", "--due", "2099-10-15", "--consult",
              "Ban Tổ chức Tỉnh ủy"))
    ok(invoke(tmp_workspace, "comment", "add", "a", "--by", "Ban Tổ chức Tỉnh ủy", "--on", "Điều 11 khoản 2",
              "--text", "Đề nghị làm rõ."))
    ok(invoke(tmp_workspace, "round", "close", "a"))
    out = tmp_path / "bc.html"
    ok(invoke(tmp_workspace, "round", "report", "a", "-o", str(out)))
    report = words(re.sub(r"<[^>]+>", " ", out.read_text(encoding="utf-8")))
    assert "01-QC/TU-XV" not in report
    assert "là điều, khoản của Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV, nhiệm kỳ 2025 - 2030 theo " \
           "Dự thảo lần 1" in report, report
    ok(adopt(tmp_workspace, invoke, "a", "01-QC/TU"))
    subject = tmp_workspace.resolve("HEAD").subject
    assert subject.startswith("Issue the regulation 01-QC/TU (a) as 01-QC/TU-XV, replacing 01-QC/TU: signed "), subject
    assert tmp_workspace.resolve("adopted/XV/01-QC-TU").sha == tmp_workspace.resolve("HEAD").sha
    assert re.search(r"^a\s+adopted .*new regulation 01-QC/TU-XV replacing 01-QC/TU 31 articles",
                     ok(invoke(tmp_workspace, "amend", "list")), re.M)
    checked = ok(invoke(tmp_workspace, "check"))  # the tag is an adoption's: no stale tag, no problem
    assert "adopts nothing" not in checked and "problem" not in checked.replace("No problems", ""), checked
    history = describe(tmp_workspace, tmp_workspace.commits(start, "HEAD"))
    assert "new draft a of the regulation 01-QC/TU-XV replacing 01-QC/TU by" in " | ".join(history), history
    issued = [line for line in history if "issued as" in line]
    assert len(issued) == 1 and issued[0].startswith(
        "a issued as the regulation 01-QC/TU-XV replacing 01-QC/TU (01-QC/TU of term XV) by "), history
    assert not any("adopted as" in line or "term XIV" in line for line in history), history


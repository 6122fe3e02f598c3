"""`regdraft comment ...` through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, Invoke

FIX = Path(__file__).resolve().parent / "fixtures" / "comments"
SLUG = "mini-sua"


@pytest.fixture
def ws(mini_workspace: Workspace) -> Workspace:
    mini_workspace.commit({f"amendments/{SLUG}/amendment.md": (FIX / "amendment-1.md").read_bytes()}, "Draft 1")
    rounds.open_round(mini_workspace, SLUG, "Lấy ý kiến", "2025-07-15",
                      ["Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"])
    return mini_workspace


def test_add_list_respond(ws: Workspace, invoke: Invoke) -> None:
    result = invoke(ws, "comment", "add", SLUG, "--by", "Ban Tổ chức Tỉnh ủy", "--on", "điểm c khoản 2 Điều 2",
                    "--text", "Đề nghị làm rõ.", "--proposal", "Thiểu số phục tùng đa số.", "--type", "editorial")
    assert result.exit_code == 0, result.output
    cid = result.output.split()[2]
    assert result.output.startswith(f"Added comment {cid} on d2.k2.c by Ban Tổ chức Tỉnh ủy (round 1).")
    listed = invoke(ws, "comment", "list", SLUG)
    assert cid in listed.output and "unchanged" in listed.output and "open" in listed.output
    answered = invoke(ws, "comment", "respond", cid, "--disposition", "partly", "--reply", "Tiếp thu một phần.")
    assert answered.exit_code == 0 and "partly (Tiếp thu một phần)" in answered.output
    data = json.loads(invoke(ws, "comment", "list", SLUG, "--json").output)
    assert [(d["id"], d["disposition"], d["type"], d["state"]) for d in data] == [
        (cid, "partly", "editorial", "unchanged")]
    assert invoke(ws, "comment", "list", SLUG, "--open").output.strip() == "No comments match."


def test_an_english_amendments_answer_is_confirmed_in_english_words(tmp_workspace: Workspace, invoke: Invoke) -> None:
    # It printed "Comment cb7a: partly (Tiếp thu một phần)." for an English regulation's amendment.
    tmp_workspace.commit({"amendments/en1/amendment.md": (FIXTURES / "export" / "en-amendment.md").read_bytes()},
                         "An English amendment")
    rounds.open_round(tmp_workspace, "en1", "Consultation", "2026-07-15", ["Organisation Board"])
    said = {}
    for disposition in ("accepted", "partly", "rejected", "noted"):
        c = rounds.add_comment(tmp_workspace, "en1", "Organisation Board", "general", f"Agree overall ({disposition}).")
        answered = invoke(tmp_workspace, "comment", "respond", c.id, "--disposition", disposition, "--reply", "Done.")
        assert answered.exit_code == 0, answered.output
        said[disposition] = answered.output.strip().split(": ", 1)[1]
    # and in English words alone: "noted (Noted)." glossed the option typed with the same word (r29 sweep AL)
    assert said == {"accepted": "accepted.", "partly": "partly accepted.", "rejected": "not accepted.",
                    "noted": "noted."}


def test_a_consulted_body_typed_otherwise_is_recorded_as_the_round_names_it(ws: Workspace, invoke: Invoke,
                                                                            tmp_path: Path) -> None:
    # `--by "ban  tổ chức tỉnh uỷ"` was counted as the consulted body and printed as typed in the report.
    result = invoke(ws, "comment", "add", SLUG, "--by", "ban  tổ chức tỉnh uỷ", "--on", "d2.k2.c", "--text", "Rõ.")
    assert result.exit_code == 0, result.output
    sheet = tmp_path / "gop-y.csv"
    sheet.write_text("by,on,text\nBAN TUYÊN GIÁO TỈNH ỦY,d2.k2,Đồng ý.\nSở Nội vụ ,general,Không ý kiến.\n",
                     encoding="utf-8")
    assert invoke(ws, "comment", "import", SLUG, str(sheet)).exit_code == 0
    assert sorted(c.by for c in rounds.load_comments(ws, SLUG)) == [
        "Ban Tuyên giáo Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Sở Nội vụ"]  # a body not consulted: as typed, tidied


def test_add_rejects_unknown_provision(ws: Workspace, invoke: Invoke) -> None:
    result = invoke(ws, "comment", "add", SLUG, "--by", "Ban A", "--on", "d2.k9", "--text", "x")
    assert result.exit_code == 2 and "khoản 9" in result.output and "Traceback" not in result.output
    result = invoke(ws, "comment", "add", SLUG, "--by", "Ban A", "--on", "Điều", "--text", "x")
    assert result.exit_code == 2 and "not an address" in result.output  # a malformed address: bad usage


def test_list_filters(ws: Workspace, invoke: Invoke) -> None:
    for by, on in (("Ban Tổ chức Tỉnh ủy", "d1"), ("Ban Tuyên giáo Tỉnh ủy", "d2a"),
                   ("Ban Tuyên giáo Tỉnh ủy", "general")):
        rounds.add_comment(ws, SLUG, by, on, f"{by} {on}")

    def ons(*args: str) -> list[str]:
        return [d["on"] for d in json.loads(invoke(ws, "comment", "list", SLUG, "--json", *args).output)]

    assert sorted(ons("--by", "tuyên giáo")) == ["d2a", "general"]
    assert ons("--on", "Điều 2a") == ["d2a"]
    assert sorted(ons("--round", "1")) == ["d1", "d2a", "general"]
    assert ons("--round", "2") == []


def test_import_csv_and_bad_rows(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("by,on,text\nBan A,d1,Đúng\nBan B,d7,Sai\nBan C,,\n", encoding="utf-8")
    result = invoke(ws, "comment", "import", SLUG, str(bad))
    assert result.exit_code == 1
    assert "2 rows are wrong, so nothing was imported" in result.output
    assert "bad.csv: row 3:" in result.output and "bad.csv: row 4:" in result.output
    assert rounds.load_comments(ws, SLUG) == []
    good = tmp_path / "good.csv"
    good.write_text("by,on,text,type\nBan A,d1,Đúng,\nBan B,general,Nhất trí,general\n", encoding="utf-8")
    result = invoke(ws, "comment", "import", SLUG, str(good))
    assert result.exit_code == 0 and result.output.startswith("Imported 2 comments on mini-sua")
    assert len(rounds.load_comments(ws, SLUG)) == 2


def test_import_xlsx(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Chủ thể góp ý", "Điều, khoản", "Nội dung góp ý", "Đề xuất"])
    book.active.append(["Ban Tổ chức Tỉnh ủy", "khoản 1 Điều 2", "Sửa câu chữ", "thống nhất, toàn diện"])
    path = tmp_path / "gop-y.xlsx"
    book.save(path)
    assert invoke(ws, "comment", "import", SLUG, str(path)).exit_code == 0
    (comment,) = rounds.load_comments(ws, SLUG)
    assert (comment.on, comment.proposal) == ("d2.k1", "thống nhất, toàn diện")


def test_respond_unknown_id(ws: Workspace, invoke: Invoke) -> None:
    result = invoke(ws, "comment", "respond", "ffff", "--disposition", "noted")
    assert result.exit_code == 2 and "no comment 'ffff'" in result.output
    result = invoke(ws, "comment", "respond", "ffff", "--disposition", "maybe")
    assert result.exit_code == 2


def test_the_same_answer_given_again_is_said_and_nothing_is_committed(ws: Workspace, invoke: Invoke) -> None:
    # Run twice within the same second, `comment respond` printed git's "nothing to commit" report, its command line
    # first; a second later it committed an answer changed in nothing but its time.
    c = rounds.add_comment(ws, SLUG, "Ban Tổ chức Tỉnh ủy", "d2.k1", "Đề nghị làm rõ.")
    answer = ("comment", "respond", c.id, "--disposition", "partly", "--reply", "Tiếp thu một phần.")
    assert invoke(ws, *answer).exit_code == 0
    head = ws.resolve("HEAD").sha
    recorded = ws.read(f"amendments/{SLUG}/comments/{c.id}.yaml")
    for _ in range(2):
        again = invoke(ws, *answer)
        assert again.exit_code == 0, again.output
        assert again.output.strip() == (f"Comment {c.id} is already answered partly (Tiếp thu một phần) with this "
                                        "reply; nothing new was recorded.")
    assert ws.resolve("HEAD").sha == head and ws.read(f"amendments/{SLUG}/comments/{c.id}.yaml") == recorded
    data = json.loads(invoke(ws, *answer, "--json").output)
    assert (data["commits"], data["comment"]["reply"]) == ([], "Tiếp thu một phần.")
    # Another reply is another answer: recorded.
    changed = invoke(ws, "comment", "respond", c.id, "--disposition", "partly", "--reply", "Tiếp thu, sửa khoản 1.")
    assert changed.output.startswith(f"Comment {c.id}: partly") and ws.resolve("HEAD").sha != head


def test_an_english_amendments_proposal_refusal_names_the_provision_in_english(tmp_workspace: Workspace) -> None:
    # r27 (fixer english27's note): "Comment … is on Chương I; a wording replaces an article …" for an English text.
    from regdraft.core.errors import RegdraftError
    from regdraft.workspace.proposals import accept_proposal

    tmp_workspace.commit({"amendments/en1/amendment.md": (FIXTURES / "export" / "en-amendment.md").read_bytes()},
                         "An English amendment")
    rounds.open_round(tmp_workspace, "en1", "Consultation", "2026-07-15", ["Organisation Board"])
    c = rounds.add_comment(tmp_workspace, "en1", "Organisation Board", "ch1", "Rename it.", proposal="GENERAL RULES")
    with pytest.raises(RegdraftError) as refused:
        accept_proposal(tmp_workspace, "en1", c.id)
    said = str(refused.value)
    assert f"Comment {c.id} is on Chapter I;" in said and "Chương" not in said, said

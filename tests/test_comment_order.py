"""Comments recorded in the same second list in the order they were made (`core.comment_order`).

`created` is to the second and lists sorted by it, then an import's `order`, then the random id: three comments typed
in one second listed as A1, A3, A2 (docs/comments.md: "in the order they were made"). The ids here are made to fall
in the reverse order of the comments, so that ordering by id lists them backwards, every run.
"""

from __future__ import annotations

import csv
import io
import itertools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from regdraft.core.comment_order import MAX_SEQUENCE, after_recorded, made_order
from regdraft.core.comment_yaml import comment_from_yaml, comment_to_yaml
from regdraft.core.comments import Comment, CommentType
from regdraft.core.errors import ParseError
from regdraft.workspace import rounds, sheet_import
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT as SLUG
from tests.conftest import Invoke

SECOND = "2026-12-06T09:00:00+07:00"
BODY = "Ban Tổ chức Tỉnh ủy"


@pytest.fixture
def one_second(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every comment recorded in the same second, each new id lower than the one before (`ffe0`, `ffd0` …)."""
    ids = (f"ff{n:x}0" for n in range(15, 0, -1))
    taken = threading.Lock()

    def falling(seed: str, used: object) -> str:
        with taken:
            return next(ids)

    monkeypatch.setattr(rounds, "_now", lambda: SECOND)
    monkeypatch.setattr(rounds, "new_comment_id", falling)
    monkeypatch.setattr(sheet_import, "new_comment_id", falling)


def _files(ws: Workspace) -> dict[str, dict[str, object]]:
    folder = ws.root / "amendments" / SLUG / "comments"
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.glob("*.yaml")}


def _listed(ws: Workspace, invoke: Invoke, said: list[str], tmp_path: Path) -> tuple[list[str], list[str], list[str]]:
    """The texts `said` in the order `rounds.list_comments`, `comment list` and the round's report give them."""
    library = [item.comment.text for item in rounds.list_comments(ws, SLUG) if item.comment.text in said]
    shown = invoke(ws, "comment", "list", SLUG)
    assert shown.exit_code == 0, shown.output
    out = tmp_path / "report.csv"
    report = invoke(ws, "round", "report", SLUG, "-o", str(out))
    assert report.exit_code == 0, report.output
    rows = csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")))
    return library, sorted(said, key=shown.output.index), [cell for row in rows for cell in row if cell in said]


def test_three_comments_added_in_one_second_list_in_the_order_they_were_made(
        circulating: Workspace, invoke: Invoke, one_second: None, tmp_path: Path) -> None:
    ws = circulating
    said = [f"Ý kiến thứ {n} về thời hạn báo cáo." for n in (1, 2, 3)]
    for text in said:
        added = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", text)
        assert added.exit_code == 0, added.output
    files = _files(ws)
    assert sorted(files) == ["ffd0", "ffe0", "fff0"] and {f["created"] for f in files.values()} == {SECOND}
    assert _listed(ws, invoke, said, tmp_path) == (said, said, said)
    # The first of its second is written as every comment was (no `sequence`); `order` stays an import's place.
    assert [files[cid].get("sequence") for cid in ("fff0", "ffe0", "ffd0")] == [None, 1, 2]
    assert not any("order" in f for f in files.values())


def test_imports_and_the_comments_added_around_them_in_one_second_keep_their_order(
        circulating: Workspace, invoke: Invoke, one_second: None, tmp_path: Path) -> None:
    # Each sheet keeps its rows' order (`order`), but two sheets imported in one second interleaved (row 1 of each,
    # then row 2 …), and a comment added after them listed first (its `order` 0 before the rows' 1, 2, 3).
    ws = circulating
    sheets = [[f"Bảng {s} dòng {n}." for n in range(1, 4)] for s in ("một", "hai")]
    before, after = "Ý kiến gửi trước các bảng.", "Ý kiến gửi sau các bảng."
    assert invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", before).exit_code == 0
    for k, rows in enumerate(sheets):
        sheet = tmp_path / f"gop-y-{k}.csv"
        sheet.write_text("by,on,text\n" + "".join(f"{BODY},d5.k2,{text}\n" for text in rows), encoding="utf-8")
        imported = invoke(ws, "comment", "import", SLUG, str(sheet))
        assert imported.exit_code == 0, imported.output
    assert invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", after).exit_code == 0
    said = [before, *sheets[0], *sheets[1], after]
    assert _listed(ws, invoke, said, tmp_path) == (said, said, said)
    kept = {f["text"]: (f.get("sequence", 0), f.get("order", 0)) for f in _files(ws).values()}
    assert [kept[text] for text in said] == [(0, 0), (1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3), (3, 0)]


def test_a_word_replys_comments_and_those_added_in_their_second_keep_their_order(
        circulating: Workspace, invoke: Invoke, one_second: None, tmp_path: Path) -> None:
    # A Word comment keeps its author's date: one added with `comment add` in that second after the import listed
    # before the reply's (its `order` 0), one added before it stays first.
    from docx.oxml.ns import qn

    from tests import word_reply_kit as kit

    ws = circulating
    copy = tmp_path / "ban-lay-y-kien.docx"
    assert invoke(ws, "round", "copy", SLUG, "-o", str(copy)).exit_code == 0
    document = kit.open_docx(copy)
    paragraph = kit.paragraph_with(document, "Thường lệ ba tháng một lần")  # điểm a khoản 1 Điều 12
    runs = [kit.isolate(paragraph, w) for w in ("Thường lệ", "ba tháng")]
    replies = ["Ý kiến trong bản Word 1.", "Ý kiến trong bản Word 2."]
    for run, text in zip(runs, replies, strict=True):
        kit.comment(document, run, text, "Lê An")
    for made in document.comments:
        made._comment_elm.set(qn("w:date"), SECOND)
    before, after = "Ý kiến gửi trước bản Word.", "Ý kiến gửi sau bản Word."
    assert invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d12.k1.a", "--text", before).exit_code == 0
    imported = invoke(ws, "comment", "import", SLUG, str(kit.save(document, tmp_path / "reply.docx")), "--by", BODY)
    assert imported.exit_code == 0, imported.output
    assert invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d12.k1.a", "--text", after).exit_code == 0
    said = [before, *replies, after]
    assert _listed(ws, invoke, said, tmp_path) == (said, said, said)
    kept = {f["text"]: (f["created"], f.get("sequence", 0), f.get("order", 0)) for f in _files(ws).values()}
    assert [kept[text] for text in said] == [(SECOND, 0, 0), (SECOND, 1, 1), (SECOND, 1, 2), (SECOND, 2, 0)]


def test_comments_added_at_once_under_the_write_lock_list_in_the_order_they_were_recorded(
        circulating: Workspace, one_second: None) -> None:
    # Members sending at once (the review server's threads, parallel command lines): each waits for the lock, and
    # reads the second's comments under it, so each takes the next place.
    root = circulating.root

    def add(n: int) -> str:
        return rounds.add_comment(Workspace(root), SLUG, BODY, "d5.k2", f"Ý kiến song song số {n}.").id

    with ThreadPoolExecutor(max_workers=6) as pool:
        made = list(pool.map(add, range(6)))
    ws = Workspace(root)
    recorded = [commit.message.split()[1] for commit in reversed(list(ws.repo.iter_commits(max_count=6)))]
    assert sorted(made) == sorted(recorded)
    assert [item.comment.id for item in rounds.list_comments(ws, SLUG)] == recorded
    assert sorted(c.sequence for c in rounds.load_comments(ws, SLUG)) == list(range(6))


def _comment(cid: str, sequence: int = 0, order: int = 0, created: str = SECOND) -> Comment:
    return Comment(cid, 1, BODY, "d5.k2", CommentType.GENERAL, f"Ý kiến {cid}.", created=created, order=order,
                   sequence=sequence)


def test_comments_of_two_clones_recorded_in_the_same_second_list_in_one_order_whatever_the_merge() -> None:
    # Each clone numbered its comments without the other's: both have a first of the second. Merged, they list by
    # their place in the second, then by id, however the files come.
    mine = [_comment("b1"), _comment("a2", 1)]
    theirs = [_comment("c3"), _comment("0d4", 1), _comment("e5", 2)]
    orders = {tuple(c.id for c in sorted(merged, key=made_order))
              for merged in itertools.permutations([*mine, *theirs])}
    assert orders == {("b1", "c3", "0d4", "a2", "e5")}


def test_a_write_numbers_its_comments_after_those_of_their_second_only() -> None:
    recorded = [_comment("a1"), _comment("b2", 1), _comment("c3", created="2026-12-06T08:59:59+07:00")]
    made = [_comment("d4", order=1), _comment("e5", order=2), _comment("f6", created="2026-12-06T09:00:01+07:00")]
    assert [c.sequence for c in after_recorded(made, recorded)] == [2, 2, 0]
    assert [c.sequence for c in after_recorded(made, [])] == [0, 0, 0]


@pytest.mark.parametrize("make", [lambda: _comment("ab12"), lambda: _comment("ab12", 3, 2)])
def test_a_comment_file_keeps_its_place_in_the_second(make: Callable[[], Comment]) -> None:
    comment = make()
    text = comment_to_yaml(comment)
    assert comment_from_yaml(text) == comment
    assert ("sequence:" in text) == bool(comment.sequence)  # a first of its second: the file as before


PLACES = "is not a place among the comments recorded in one second; places are numbered from 0 (at most 1,000,000)."


@pytest.mark.parametrize(("value", "said"), [("-1", f"'sequence: -1' {PLACES}"),
                                             ("true", "'sequence: true' is not a whole number."),
                                             ("hai", "'sequence: hai' is not a whole number.")])
def test_a_wrong_place_in_the_second_is_named_at_its_line(value: str, said: str) -> None:
    with pytest.raises(ParseError) as refused:
        comment_from_yaml(comment_to_yaml(_comment("ab12")) + f"sequence: {value}\n", "x.yaml")
    assert str(refused.value) == f"x.yaml:13: {said}"


def _received(ws: Workspace, cid: str, created: str, text: str, extra: str = "") -> None:
    """A comment file as a colleague's clone may send it, committed."""
    body = (f"id: {cid}\nround: 1\nby: {BODY}\nprovision: general\ntype: general\ncreated: '{created}'\n"
            f"text: \"{text}\"\n{extra}")
    ws.commit({f"amendments/{SLUG}/comments/{cid}.yaml": body.encode("utf-8")}, "Received from a colleague")


@pytest.mark.parametrize("place", ["500", "9" * 4301])
def test_a_comments_text_gives_no_place_in_the_second(
        circulating: Workspace, invoke: Invoke, one_second: None, place: str) -> None:
    # A double-quoted text may hold lines at the margin; they were read as the file's `created` and `sequence`, so the
    # next comment took 501, and 4,301 nines made every `comment add` of that second crash (r32 sweep AW F1).
    ws = circulating
    forged = f"Ý kiến gửi hôm qua\ncreated: {SECOND}\nsequence: {place}\nhết."
    _received(ws, "0aa1", "2026-12-05T09:00:00+07:00", forged)
    added = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", "Ý kiến mới về thời hạn.")
    assert added.exit_code == 0, added.output
    assert _files(ws)["fff0"].get("sequence") is None  # the first of its second
    again = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", "Ý kiến thứ hai.")
    assert again.exit_code == 0, again.output
    assert _files(ws)["ffe0"]["sequence"] == 1


def test_a_place_past_the_highest_is_named_and_a_write_after_the_highest_reads_back(
        circulating: Workspace, invoke: Invoke, one_second: None) -> None:
    ws = circulating
    _received(ws, "0aa1", SECOND, "Ý kiến nhận được.", f"sequence: {MAX_SEQUENCE}\n")
    added = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", "Ý kiến mới về thời hạn.")
    assert added.exit_code == 0, added.output
    assert _files(ws)["fff0"]["sequence"] == MAX_SEQUENCE  # never one a file may not hold
    assert invoke(ws, "comment", "list", SLUG).exit_code == 0
    _received(ws, "0aa2", SECOND, "Ý kiến khác.", f"sequence: {MAX_SEQUENCE + 1}\n")
    checked = invoke(ws, "check")
    assert checked.exit_code == 1 and "Traceback" not in checked.output
    assert f"comments/0aa2.yaml:8: 'sequence: {MAX_SEQUENCE + 1}' {PLACES}" in checked.output


NOT_WHOLE = [("sequence: .inf", ".inf"), ("sequence: .nan", ".nan"), ("sequence: 2.9", "2.9"), ("sequence: '٣'", "٣"),
             ("sequence: 0x10", "0x10"), ("sequence: '1_0'", "1_0"), ("sequence: '  7 '", "  7 "),
             ("sequence: 1_0", "1_0"), ("sequence: 1:30", "1:30"), ("order: .inf", ".inf"), ("order: 2.9", "2.9"),
             ("round: .inf", ".inf"), ("round: 0x1", "0x1")]


@pytest.mark.parametrize(("line", "shown"), NOT_WHOLE)
def test_a_number_that_is_not_written_in_digits_is_named_at_its_line(line: str, shown: str) -> None:
    # `.inf` crashed every reading (OverflowError), and 2.9 read as 2, '٣' as 3, 0x10 as 16 without a word (r32 sweep
    # AW F2).
    key = line.split(":")[0]
    text = "".join(f"{k}: {v}\n" for k, v in [("id", "ab12"), ("round", "1"), ("by", "Ban X"), ("provision", "d5.k2"),
                                              ("text", "Ý kiến."), ("created", f"'{SECOND}'")] if k != key)
    with pytest.raises(ParseError) as refused:
        comment_from_yaml(text + line + "\n", "x.yaml")
    line_number = 6 if key == "round" else 7
    assert str(refused.value) == f"x.yaml:{line_number}: '{key}: {shown}' is not a whole number."


def test_infinity_in_a_comment_file_is_named_by_the_command_line_and_the_review_server(
        circulating: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from regdraft.web.app import create_app

    ws = circulating
    _received(ws, "0aa1", SECOND, "Ý kiến nhận được.", "sequence: .inf\n")
    for argv in (("comment", "list", SLUG), ("check",), ("round", "report", SLUG, "-o", str(tmp_path / "r.csv"))):
        said = invoke(ws, *argv)
        assert said.exit_code == 1 and isinstance(said.exception, SystemExit), (argv, said.output)
        assert "comments/0aa1.yaml:8: 'sequence: .inf' is not a whole number." in said.output, argv
    # The review server lists the other comments and tells the office (this machine) which file and why (r40: the
    # whole page was refused).
    page = TestClient(create_app(ws.root), base_url="http://127.0.0.1").get(f"/a/{SLUG}/comments")
    reason = "comments/0aa1.yaml:8: &#39;sequence: .inf&#39; is not a whole number."
    assert page.status_code == 200 and reason in page.text

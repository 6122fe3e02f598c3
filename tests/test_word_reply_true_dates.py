"""A Word comment's time as the moment it was made (r33 word33 item 1).

Word writes a comment's `w:date` as the reviewer's local time marked `Z` (Vietnam's 09:00 as `09:00:00Z`); newer Word
writes the true UTC beside it, in commentsExtensible.xml (`w16cex:dateUtc`, found through commentsIds.xml's
paragraph id and durable id). regdraft compared `created` as text, which is right only while every comment is written
in one offset: a comment typed in on a machine keeping UTC (`05:00:00+00:00`, noon in Vietnam) listed before a Word
comment made at 09:00 in Vietnam (`09:00…`)."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from regdraft.core.comment_order import in_made_order, made_order
from regdraft.core.comments import Comment, CommentType
from regdraft.importer.word_dates import true_moment
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke

SLUG = "qc-sua-doi-2025"
BODY = "Ban Tổ chức Tỉnh ủy"
OTHER = "Văn phòng Tỉnh ủy"
MEETINGS = "Thường lệ ba tháng một lần"  # điểm a khoản 1 Điều 12 of the draft
QUORUM = "Hội nghị chỉ hợp lệ khi"  # khoản 3 Điều 12


# -- reading the true UTC ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("local", "utc", "moment"), [
    ("2025-07-10T09:00:00Z", "2025-07-10T02:00:37Z", "2025-07-10T09:00:37+07:00"),  # Vietnam, Word's minute
    ("2025-07-10T01:30:00Z", "2025-07-09T20:00:12Z", "2025-07-10T01:30:12+05:30"),  # across midnight
    ("2025-07-10T09:00:00Z", "2025-07-10T09:00:05Z", "2025-07-10T09:00:05+00:00"),  # UTC itself: never `Z`
    ("", "2025-07-10T02:00:37Z", "2025-07-10T02:00:37+00:00"),  # no local time: UTC
    ("2025-07-10T09:00:00Z", "not a time", ""),
    # No true UTC: a moment no date holds (9999-12-31 20:00 UTC at +04:00 is year 10000), or one farther from w:date
    # than any time zone stands from UTC (the two are not one moment; the w:date is kept).
    ("9999-12-31T23:59:59Z", "9999-12-31T20:00:00Z", ""),
    ("2025-07-10T09:00:00Z", "0001-01-01T00:00:00+05:00", ""),
    ("2025-07-10T09:00:00Z", "2025-07-11T09:00:00Z", ""),
    ("2025-07-10T09:00:00Z", "2025-07-09T18:45:00Z", ""),  # 14 hours 15 minutes
])
def test_the_true_moment_keeps_the_offset_words_local_time_shows(local: str, utc: str, moment: str) -> None:
    assert true_moment(local, utc) == moment


# -- the order comments are listed in ----------------------------------------------------------------------------

def _c(cid: str, created: str, sequence: int = 0, order: int = 0) -> Comment:
    return Comment(cid, 1, BODY, "d5.k2", CommentType.GENERAL, f"Ý kiến {cid}.", created=created, sequence=sequence,
                   order=order)


def test_word_comments_and_comments_typed_in_list_by_the_moment_they_were_made() -> None:
    made = [
        _c("a1", "2025-07-10T08:30:00+07:00"),  # typed in at 08:30 in Vietnam
        _c("b2", "2025-07-10T09:00:37+07:00"),  # a Word comment with its true UTC (02:00:37 UTC)
        _c("c3", "2025-07-10T05:00:00+00:00"),  # typed in on a machine keeping UTC: noon in Vietnam
        _c("d4", "2025-07-10T06:00:00+00:00"),
    ]
    for listed in itertools.permutations(made):
        assert [c.id for c in in_made_order(listed)] == ["a1", "b2", "c3", "d4"]


def test_comment_files_written_before_list_as_they_did() -> None:
    # Word dates marked `Z` (local time) beside comments typed in at the office (+07:00), sequences in a second and
    # an import's order: the order comparing `created` as text gave.
    files = [
        _c("e1", "2025-07-10T09:00:00Z", order=2), _c("e2", "2025-07-10T09:00:00Z", order=1),
        _c("f1", "2025-07-10T09:00:00+07:00"), _c("f2", "2025-07-10T09:00:00+07:00", sequence=1),
        _c("g1", "2025-07-10T08:59:59+07:00"), _c("g2", "2025-07-10T09:00:01Z"), _c("h1", "2025-07-09T23:00:00Z"),
        _c("h2", "2025-07-10T06:00:00+07:00"), _c("i1", ""),
    ]
    before = [c.id for c in sorted(files, key=lambda c: (c.created, c.sequence, c.order, c.id))]
    for listed in itertools.islice(itertools.permutations(files), 0, None, 997):
        assert [c.id for c in in_made_order(listed)] == before
    # A key of one comment still sorts so, `Z` read as UTC.
    assert made_order(_c("x", "2025-07-10T09:00:00Z"))[0] == "2025-07-10T09:00:00"


# -- a Word reply holding the true UTC ----------------------------------------------------------------------------

@pytest.fixture
def ws(tmp_workspace: Workspace, invoke: Invoke) -> Workspace:
    return kit.round_consulting(tmp_workspace, invoke, SLUG, BODY, OTHER)


def _reply(ws: Workspace, invoke: Invoke, tmp_path: Path, true_utc: bool, name: str = "reply.docx",
           dates: tuple[tuple[str, str], tuple[str, str]] = (("2025-07-10T09:00:00Z", "2025-07-10T02:00:37Z"),
                                                             ("2025-07-10T10:15:00Z", "2025-07-10T03:15:09Z"))) -> Path:
    """A reply of two Word comments made in Vietnam (An at 09:00, 02:00:37 UTC; Bình at 10:15, 03:15:09 UTC, or each
    its `w:date` and true UTC in `dates`), with their true UTC (commentsIds.xml and commentsExtensible.xml, as Word 365
    writes them) or without."""
    copy = tmp_path / "copy.docx"
    assert invoke(ws, "round", "copy", SLUG, "-o", str(copy)).exit_code == 0
    document = kit.open_docx(copy)
    made_by = ((MEETINGS, "ba tháng", "A1 Đề nghị hai tháng.", "An"), (QUORUM, "Hội nghị", "B1 Rõ hơn.", "Bình"))
    for (needle, words, text, author), (date, _) in zip(made_by, dates, strict=True):
        made = document.add_comment(kit.isolate(kit.paragraph_with(document, needle), words), text=text,
                                    author=author, initials=author[0])
        made._comment_elm.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}date", date)
    plain = kit.save(document, tmp_path / f"plain-{name}")
    if not true_utc:
        return plain
    return _with_true_utc(plain, tmp_path / name, [utc for _, utc in dates])


def _with_true_utc(path: Path, out: Path, utc: list[str]) -> Path:
    """`path` with a paragraph id on each comment's paragraph and the parts giving comment n its time `utc[n]`."""
    files, pids = kit.numbered_comments(path, 0x20000000)
    durable = [f"{0x5A000000 + n:08X}" for n in range(len(pids))]
    kit.add_part(files, "commentsIds", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w16cid:commentsIds '
                 'xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid">'
                 + "".join(f'<w16cid:commentId w16cid:paraId="{p}" w16cid:durableId="{d}"/>'
                           for p, d in zip(pids, durable, strict=True)) + "</w16cid:commentsIds>",
                 "commentsIds", "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds")
    kit.add_part(files, "commentsExtensible", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<w16cex:commentsExtensible xmlns:w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex">'
                 + "".join(f'<w16cex:commentExtensible w16cex:durableId="{d}" w16cex:dateUtc="{u}"/>'
                           for d, u in zip(durable, utc, strict=True)) + "</w16cex:commentsExtensible>",
                 "commentsExtensible", "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible")
    return kit.write_package(files, out)


def _stored(ws: Workspace) -> dict[str, dict[str, Any]]:
    folder = ws.root / "amendments" / SLUG / "comments"
    return {c["text"]: c for p in folder.glob("*.yaml") if (c := yaml.safe_load(p.read_text(encoding="utf-8")))}


def test_a_word_comment_is_dated_by_its_true_utc_and_lists_among_comments_typed_in(
        ws: Workspace, invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(ws, "comment", "import", SLUG, str(_reply(ws, invoke, tmp_path, True)), "--by", BODY)
    assert result.exit_code == 0, result.output
    stored = _stored(ws)
    assert stored["A1 Đề nghị hai tháng."]["created"] == "2025-07-10T09:00:37+07:00"
    assert stored["B1 Rõ hơn."]["created"] == "2025-07-10T10:15:09+07:00"

    # Typed in on a machine keeping UTC: 09:30 and 11:00 in Vietnam.
    for when, on, text in (("2025-07-10T02:30:00+00:00", "d12.k1.a", "C1 Typed at 09:30."),
                           ("2025-07-10T04:00:00+00:00", "d12.k3", "C2 Typed at 11:00."),
                           ("2025-07-10T01:00:00+00:00", "d12.k3", "C0 Typed at 08:00.")):
        monkeypatch.setattr(rounds, "_now", lambda when=when: when)
        added = invoke(ws, "comment", "add", SLUG, "--by", OTHER, "--on", on, "--text", text)
        assert added.exit_code == 0, added.output

    listed = invoke(ws, "comment", "list", SLUG, "--json")
    assert listed.exit_code == 0, listed.output
    found = json.loads(listed.output)
    texts = [c["text"] for c in (found["comments"] if isinstance(found, dict) else found)]
    assert texts == ["A1 Đề nghị hai tháng.", "C1 Typed at 09:30.", "C0 Typed at 08:00.", "B1 Rõ hơn.",
                     "C2 Typed at 11:00."]

    report = tmp_path / "bao-cao.csv"
    assert invoke(ws, "round", "report", SLUG, "-o", str(report)).exit_code == 0
    rows = list(csv.reader(report.read_text(encoding="utf-8-sig").splitlines()))
    said = [next(cell for cell in row if cell.startswith(("A1", "B1", "C"))) for row in rows
            if any(cell.startswith(("A1", "B1", "C0", "C1", "C2")) for cell in row)]
    assert [s[:2] for s in said] == ["A1", "C1", "C0", "B1", "C2"]


def test_a_reply_imported_before_its_true_utc_was_read_is_known_again(ws: Workspace, invoke: Invoke,
                                                                      tmp_path: Path) -> None:
    # Imported as regdraft did before (Word's local time marked Z), then forwarded by another body in a copy Word
    # saved with the true UTC: the comments are the first body's, not imported again.
    first = invoke(ws, "comment", "import", SLUG, str(_reply(ws, invoke, tmp_path, False)), "--by", BODY)
    assert first.exit_code == 0, first.output
    assert _stored(ws)["A1 Đề nghị hai tháng."]["created"] == "2025-07-10T09:00:00Z"
    resaved = _reply(ws, invoke, tmp_path, True, "fwd.docx")
    forwarded = invoke(ws, "comment", "import", SLUG, str(resaved), "--by", OTHER)
    said = " ".join(forwarded.output.split())
    assert forwarded.exit_code == 1 and f"its comments were imported before as the reply of {BODY}" in said, said
    again = invoke(ws, "comment", "import", SLUG, str(resaved), "--by", BODY)  # the same body's, saved again
    assert again.exit_code == 0 and "Imported" not in again.output, again.output
    assert sorted(c["created"] for c in _stored(ws).values()) == ["2025-07-10T09:00:00Z", "2025-07-10T10:15:00Z"]


def test_a_true_utc_no_date_can_hold_keeps_the_word_date_and_a_date_past_belief_is_named(
        ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # r34 BC F2: 20:00 UTC on the last day of 9999 at +04:00 is past year 9999 (a traceback); year 1 was recorded
    # silently.
    reply = _reply(ws, invoke, tmp_path, True, dates=(("9999-12-31T23:59:59Z", "9999-12-31T20:00:00Z"),
                                                      ("0001-01-01T00:00:00Z", "0001-01-01T01:00:00Z")))
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    stored = _stored(ws)
    assert stored["A1 Đề nghị hai tháng."]["created"] == "9999-12-31T23:59:59Z"  # no true UTC: Word's date
    assert stored["B1 Rõ hơn."]["created"] == "0001-01-01T00:00:00-01:00"
    said = " ".join(result.output.split())
    for c in stored.values():
        assert (f"Comment {c['id']} (the Word comment of {c['author']} on “") in said, said
        assert f"is dated {c['created']}, which cannot be when it was written" in said, said
    # A reply of this year is not named.
    plain = _reply(ws, invoke, tmp_path, True, name="now.docx",
                   dates=(("2025-07-11T09:00:00Z", "2025-07-11T02:00:00Z"),
                          ("2025-07-11T10:00:00Z", "2025-07-11T03:00:00Z")))
    again = invoke(ws, "comment", "import", SLUG, str(plain), "--by", OTHER)
    assert again.exit_code == 0 and "cannot be when" not in again.output, again.output


def test_a_time_read_in_the_offices_offset_past_year_1_or_9999_still_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    # r34 BC F2: `Z` read at the office's +07:00 made 1 January of year 1 year 0, and every command listing the
    # comments stopped with a traceback; at -01:00 31 December 9999 became year 10000.
    assert [c.id for c in in_made_order([_c("b1", "2025-07-10T09:00:00+07:00"), _c("a1", "0001-01-01T00:00:00Z")])] \
        == ["a1", "b1"]
    assert [c.id for c in in_made_order([_c("c1", "9999-12-31T23:59:59Z"), _c("d1", "2025-07-10T09:00:00-01:00")])] \
        == ["d1", "c1"]
    import time

    from regdraft.workspace.late_comments import _moment
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    try:
        assert _moment("0001-01-01T00:00:00") is None  # this machine's zone puts it in year 0
        assert _moment("2025-07-10T09:00:00") == dt.datetime(2025, 7, 10, 2, tzinfo=dt.UTC)
    finally:
        monkeypatch.undo()
        time.tzset()

"""A comment file's `created:` that names no real time (`2025-02-30T10:00:00+07:00`) is named by `check` at its line,
kept as written when regdraft rewrites the file, and listed and shown as an unknown time: it was plain text, shown
on the review pages as `30/02/2025 10:00` and ordered among real times as text (r33 note, item 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.comment_order import in_made_order, made_at
from regdraft.core.comments import Comment, CommentType
from regdraft.core.round_yaml import round_problems
from regdraft.web.words import Words
from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.test_comment_files_checked import SLUG, _line, commented  # noqa: F401 (the fixture)

from .conftest import Invoke

IMPOSSIBLE = ["2025-02-30T10:00:00+07:00", "2025-07-16T25:00:00+07:00", "2025-13-01", "٢٠٢٥-٠٧-١٦T٠٩:٣٠:٠٠"]


def _received(ws: Workspace, invoke: Invoke, path: str, key: str, written: str) -> str:
    """`check`'s words (refusing, no traceback) once `path`'s line starting with `key` reads `written`, committed as a
    file received from a colleague is."""
    text = (ws.root / path).read_text(encoding="utf-8")
    lines = [written if line.startswith(key) else line for line in text.splitlines()]
    ws.commit({path: ("\n".join(lines) + "\n").encode()}, "Received from a colleague")
    result = invoke(ws, "check")
    said = " ".join(result.output.split())
    assert result.exit_code == 1 and "Traceback" not in said, said
    return said


@pytest.mark.parametrize("created", IMPOSSIBLE)
def test_an_impossible_created_is_named_at_its_line_and_kept_as_written(commented: tuple[Workspace, str],  # noqa: F811
                                                                         invoke: Invoke, created: str) -> None:
    ws, path = commented
    said = _received(ws, invoke, path, "created:", f"created: '{created}'")
    assert f"{path}:{_line(ws, path, 'created:')}: 'created: {created}' is not a time the comment could have " in said
    assert "listed and shown as made at an unknown time" in said
    listed = invoke(ws, "comment", "list", SLUG)
    assert listed.exit_code == 0, listed.output
    answered = invoke(ws, "comment", "respond", Path(path).stem, "--disposition", "noted", "--reply", "Ghi nhận.")
    assert answered.exit_code == 0, answered.output
    rewritten = (ws.root / path).read_text(encoding="utf-8")
    assert f"created: '{created}'\n" in rewritten or f"created: {created}\n" in rewritten
    assert [c.created for c in load_comments(ws, SLUG)] == [created]


def _comment(cid: str, created: str) -> Comment:
    return Comment(cid, 1, "Ban A", "d1", CommentType.GENERAL, f"Ý kiến {cid}.", created=created)


@pytest.mark.parametrize("created", IMPOSSIBLE)
def test_an_impossible_created_is_listed_and_shown_as_unknown(created: str) -> None:
    assert made_at(created) == "" and made_at("2025-02-28T10:00:00+07:00") == "2025-02-28T10:00:00+07:00"
    # Listed as a comment with no time is (first), whatever its words would sort as.
    late, odd, none = _comment("a1", "2025-01-01T00:00:00+07:00"), _comment("b2", created), _comment("c3", "")
    assert in_made_order([late, odd]) == [odd, late]
    assert in_made_order([late, _comment("z9", created), none]) == [none, _comment("z9", created), late]
    ui = Words("vi")
    assert ui.made(created) == "" and ui.made("2025-02-28T10:00:00+07:00") == "28/02/2025 10:00"
    assert ui.date("2025-02-30") == "2025-02-30"  # never shown as if it were a day


@pytest.mark.parametrize("due", ["2025-02-30", "2025-13-01", "[1, 2]"])
def test_a_round_due_on_no_day_is_named_at_its_line_and_read_as_written(commented: tuple[Workspace, str],  # noqa: F811
                                                                        invoke: Invoke, due: str) -> None:
    ws, _ = commented
    path = f"amendments/{SLUG}/rounds/1.yaml"
    said = _received(ws, invoke, path, "due:", f"due: {due}")
    assert f"{path}:{_line(ws, path, 'due:')}: 'due: " in said and "is not a day that exists" in said
    listed = invoke(ws, "round", "list", SLUG)
    assert listed.exit_code == 0, listed.output
    old = "number: 1\ndue: 2025-3-1\n"  # a real day, loosely written (an old round file): no problem
    assert round_problems(old, "1.yaml") == []


def test_a_real_time_with_its_offset_written_without_a_colon_is_a_time() -> None:
    # r34 sweep BF FA1: `+0700` (as a script may write it; Python reads it) was called no time at all, and the
    # comment listed and shown as made at an unknown time.
    assert made_at("2026-12-06T21:25:50+0700") == "2026-12-06T21:25:50+0700"
    assert Words("vi").made("2026-12-06T21:25:50+0700") == "06/12/2026 21:25"
    earlier, later = _comment("a1", "2026-12-06T21:25:50+0700"), _comment("b2", "2026-12-06T14:30:00+00:00")
    assert in_made_order([later, earlier]) == [earlier, later]  # 14:25:50 UTC before 14:30 UTC


def test_a_due_day_with_a_time_is_told_to_drop_the_time_not_called_no_day() -> None:
    # r34 sweep BF F2: `due: 2026-12-31T00:00:00+07:00` was "not a day that exists".
    said = [p.message for p in round_problems("number: 1\ndue: 2026-12-31T00:00:00+07:00\n", "1.yaml")]
    assert len(said) == 1 and "gives a time as well as the day" in said[0] and "write it 2026-12-31" in said[0]
    assert "not a day that exists" not in said[0]


@pytest.mark.parametrize("due", ["2025-03-15", "'2025-03-15'", '"2025-3-1"', "2025-03-15  # hạn", "2025-02-30",
                                 "2025-02-29", "'2025-13-01'", "2026-12-31T00:00:00+07:00", "[2025-03-15]", ""])
def test_the_quick_reading_of_a_due_day_never_hides_a_problem(due: str) -> None:
    # A warm `check` learns a round file's plain `due:` day without PyYAML (tests/test_warm_checks.py); whenever it
    # does, the full reading has nothing to say either.
    from regdraft.workspace.late_comments import _plainly_due

    text = f"number: 1\ntitle: Lấy ý kiến\ndue: {due}\nconsulted:\n- Ban A\n"
    if _plainly_due(text.encode()):
        assert round_problems(text, "1.yaml") == []
    assert _plainly_due(text.encode()) == (due in ("2025-03-15", "'2025-03-15'", '"2025-3-1"', "2025-03-15  # hạn"))

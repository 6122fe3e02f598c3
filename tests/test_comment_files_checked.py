"""Comment files edited by hand are read strictly: a round that does not exist, a round number that is no round,
or an id that is not the file's name is a problem `check` names with its file, and never a comment silently left
out of the report or listed twice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from regdraft.workspace import rounds
from regdraft.workspace.comment_edits import edit_comment
from regdraft.workspace.store import Workspace

from .conftest import FIXTURES, Invoke

SLUG = "mini-sua"


@pytest.fixture
def commented(mini_workspace: Workspace, invoke: Invoke) -> tuple[Workspace, str]:
    """A round open on a draft, with one comment recorded: the workspace and the comment file's path."""
    mini_workspace.commit({f"amendments/{SLUG}/amendment.md": (FIXTURES / "comments" / "amendment-1.md")
                           .read_bytes()}, "Draft 1")
    rounds.open_round(mini_workspace, SLUG, "Lấy ý kiến các ban", "2025-07-15", ["Ban Tổ chức Tỉnh ủy"])
    result = invoke(mini_workspace, "comment", "add", SLUG, "--by", "Ban Tổ chức Tỉnh ủy", "--on", "d1",
                    "--text", "Đề nghị làm rõ phạm vi.")
    assert result.exit_code == 0, result.output
    (path,) = (mini_workspace.root / "amendments" / SLUG / "comments").glob("*.yaml")
    return mini_workspace, str(path.relative_to(mini_workspace.root))


def _edit(ws: Workspace, path: str, old: str, new: str) -> None:
    file = ws.root / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    ws.commit({path: text.replace(old, new).encode("utf-8")}, "A colleague's hand edit")


def _line(ws: Workspace, path: str, start: str) -> int:
    lines = (ws.root / path).read_text(encoding="utf-8").splitlines()
    return next(k for k, text in enumerate(lines, 1) if text.startswith(start))


def _report_rows(ws: Workspace, invoke: Invoke, tmp_path: Path) -> list[str] | str:
    out = tmp_path / "report.csv"
    result = invoke(ws, "round", "report", SLUG, "-o", str(out))
    if result.exit_code != 0:
        return result.output
    return out.read_text(encoding="utf-8-sig").splitlines()


@pytest.mark.parametrize("value", ["-1", "0", "99999999999999999999999999999999999999"])
def test_a_round_that_is_no_round_number_is_named_by_check(commented: tuple[Workspace, str], invoke: Invoke,
                                                           value: str) -> None:
    ws, path = commented
    _edit(ws, path, "round: 1", f"round: {value}")
    result = invoke(ws, "check")
    assert result.exit_code != 0
    line = _line(ws, path, "round:")
    assert f"{path}:{line}: 'round: {value}' is not a round number" in result.output  # at its line


def test_a_comment_in_a_round_never_opened_is_named_by_check(commented: tuple[Workspace, str],
                                                             invoke: Invoke) -> None:
    # It was left out of round 1's report, and `check` said "No problems found".
    ws, path = commented
    _edit(ws, path, "round: 1", "round: 2")
    result = invoke(ws, "check")
    assert result.exit_code != 0
    assert f"{path}:" in result.output and "is in round 2, which mini-sua does not have (its rounds are 1)" \
        in " ".join(result.output.split())


def test_an_id_that_is_not_the_files_name_is_refused_not_listed_twice(commented: tuple[Workspace, str],
                                                                      invoke: Invoke, tmp_path: Path) -> None:
    # A colleague changed `id:` by hand: answering it under the new id wrote a second file, and the report
    # listed the comment twice with opposite answers.
    ws, path = commented
    stem = Path(path).stem
    # The id line as written: YAML quotes an id it would read as a number (`id: '86e3'`, `id: '4800'`).
    line = next(x for x in (ws.root / path).read_text(encoding="utf-8").splitlines() if x.startswith("id: "))
    assert line in (f"id: {stem}", f"id: '{stem}'")
    _edit(ws, path, line, "id: ffff")
    result = invoke(ws, "check")
    assert result.exit_code != 0
    assert f"{path}:{_line(ws, path, 'id:')}: holds 'id: ffff', but a comment's id is its file's name; write " \
           f"'id: {stem}'" in " ".join(result.output.split())
    answered = invoke(ws, "comment", "respond", "ffff", "--disposition", "accepted", "--reply", "Tiếp thu.")
    assert answered.exit_code != 0 and "Traceback" not in answered.output
    assert len(list((ws.root / "amendments" / SLUG / "comments").glob("*.yaml"))) == 1
    assert "its file's name" in " ".join(str(_report_rows(ws, invoke, tmp_path)).split())


@pytest.mark.parametrize(("setting", "named"), [
    ("requre_vote_majority: true", "the setting 'requre_vote_majority' is unknown and has no effect; did you mean "
                                   "require_vote_majority?"),
    ('require_vote_majority: "no"', "require_vote_majority is 'no'; write true or false"),
    ("identity: Văn phòng", "identity must give a name and an email"),
])
def test_settings_regdraft_would_misread_are_named_by_check(mini_workspace: Workspace, invoke: Invoke,
                                                            setting: str, named: str) -> None:
    # `require_vote_majority: "no"` (a word) was read as set, and a misspelt key as nothing: `check` said
    # "No problems found".
    config = mini_workspace.root / "regdraft.yaml"
    text = config.read_text(encoding="utf-8") + setting + "\n"
    mini_workspace.commit({"regdraft.yaml": text.encode("utf-8")}, "A colleague's settings")
    result = invoke(mini_workspace, "check")
    assert result.exit_code != 0
    line = len(text.splitlines())
    assert f"regdraft.yaml:{line}: " in result.output and named in " ".join(result.output.split())


def test_the_settings_regdraft_writes_pass_check(mini_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(mini_workspace, "review", "invite", "--name", "Nguyễn Văn An", "--body", "Ban Tổ chức Tỉnh ủy")
    assert result.exit_code == 0, result.output
    result = invoke(mini_workspace, "check")
    assert "regdraft.yaml" not in result.output, result.output


def test_settings_that_are_not_yaml_are_named_at_their_line(mini_workspace: Workspace, invoke: Invoke) -> None:
    # It printed PyYAML's several-line dump with carets: `… cannot read the workspace settings: while parsing …`.
    (mini_workspace.root / "regdraft.yaml").write_text("identity:\n  name: [x\nprofile: party-36\n", encoding="utf-8")
    result = invoke(mini_workspace, "check")
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert result.output.strip().splitlines()[-1] == ("Error: regdraft.yaml:3: the workspace settings are not valid "
                                                      "YAML (expected ',' or ']', but got ':'); nothing was done.")


def test_a_mistyped_key_under_identity_is_named_at_its_line(mini_workspace: Workspace, invoke: Invoke) -> None:
    # `nme:` under `identity:` was not named: the top-level keys alone were compared with the known ones.
    config = mini_workspace.root / "regdraft.yaml"
    text = config.read_text(encoding="utf-8")
    assert "\n  name: " in text
    text = text.replace("\n  name: ", "\n  nme: ")
    mini_workspace.commit({"regdraft.yaml": text.encode("utf-8")}, "A colleague's settings")
    result = invoke(mini_workspace, "check")
    assert result.exit_code != 0
    line = next(k for k, row in enumerate(text.splitlines(), 1) if row.startswith("  nme:"))
    assert (f"regdraft.yaml:{line}: the setting 'nme' under identity is unknown and has no effect; did you mean "
            "name?") in " ".join(result.output.split())


def test_every_problem_of_a_comment_file_is_named_at_its_line(commented: tuple[Workspace, str],
                                                              invoke: Invoke) -> None:
    # `check` named the first problem of a file only (a mistyped `provison:` hid the `type:` after it), and a key
    # it does not know not at all.
    ws, path = commented
    _edit(ws, path, "provision: d1", "provison: d1")
    _edit(ws, path, "type: substantive", "type: hmm")
    result = invoke(ws, "check")
    assert result.exit_code != 0
    said = " ".join(result.output.split())
    assert (f"{path}:{_line(ws, path, 'provison:')}: the key 'provison' is unknown and has no effect; did you mean "
            "provision, which is missing?") in said
    assert f"{path}:{_line(ws, path, 'type:')}: 'type: hmm' is not one of general, substantive, editorial." in said
    assert "the key 'provision' is missing" not in said  # the same mistake, named once


def test_an_unknown_key_of_a_comment_that_reads_is_named_and_the_comment_kept(
        commented: tuple[Workspace, str], invoke: Invoke, tmp_path: Path) -> None:
    # `proposl:` left the proposal out of the report without a word: the comment reads without it.
    ws, path = commented
    _edit(ws, path, "\nproposal: ", "\nproposl: ")
    result = invoke(ws, "check")
    assert result.exit_code != 0
    assert (f"{path}:{_line(ws, path, 'proposl:')}: the key 'proposl' is unknown and has no effect; did you mean "
            "proposal?") in " ".join(result.output.split())
    rows = _report_rows(ws, invoke, tmp_path)
    assert isinstance(rows, list) and any("Đề nghị làm rõ phạm vi." in row for row in rows)


@pytest.mark.parametrize(("edited", "why"), [
    ("[1, 2]", "is not the time the comment was edited"),
    (".inf", "is not the time the comment was edited"),
    ("'99/99/2025 99:99'", "is not the time the comment was edited"),
    ("'2025-99-99T99:99'", "is not the time the comment was edited"),
    ("'٢٠٢٥-٠٧-١٦T٠٩:٣٠:٠٠'", "is not the time the comment was edited"),  # Arabic-Indic digits
    ("{a: 1}", "is not the time the comment was edited"),
    ("2025-07-16", "is not the time the comment was edited"),  # a day, no time
    ("'1999-01-01T00:00:00+07:00'", "is before the comment was made"),
])
def test_an_edited_time_that_is_no_time_of_an_edit_is_named_and_read_as_never_edited(
        commented: tuple[Workspace, str], invoke: Invoke, tmp_path: Path, edited: str, why: str) -> None:
    # Pages and the report showed `(sửa lúc [1, 2])`, `(sửa lúc inf)`, `(sửa lúc 99:99 ngày 99/99/2025)`, Arabic-Indic
    # digits, and an edit in 1999 of a comment of 2025; `check` said nothing (r33 sweep AZ F4).
    ws, path = commented
    text = (ws.root / path).read_text(encoding="utf-8")
    ws.commit({path: f"{text}edited: {edited}\n".encode()}, "Received from a colleague")
    result = invoke(ws, "check")
    said = " ".join(result.output.split())
    assert result.exit_code == 1 and "Traceback" not in said, said
    assert f"{path}:{_line(ws, path, 'edited:')}: 'edited: " in said
    assert f"{why}" in said and "so the comment is read as never edited." in said
    rows = _report_rows(ws, invoke, tmp_path)
    assert isinstance(rows, list) and "Sửa lúc" not in rows[0] and "sửa lúc" not in " ".join(rows)
    listed = invoke(ws, "comment", "list", SLUG)
    assert listed.exit_code == 0 and "sửa" not in listed.output.lower()
    # Answered, the file keeps its `edited:` as written (as a wrong `link:`), and `check` goes on naming it.
    answered = invoke(ws, "comment", "respond", Path(path).stem, "--disposition", "noted", "--reply", "Ghi nhận.")
    assert answered.exit_code == 0, answered.output
    rewritten = (ws.root / path).read_text(encoding="utf-8")
    assert f"edited: {edited}\n" in rewritten and "reply: Ghi nhận." in rewritten
    again = invoke(ws, "check")
    assert f"{path}:{_line(ws, path, 'edited:')}: 'edited: " in " ".join(again.output.split())


def test_an_edited_time_that_is_no_time_gives_way_to_the_members_edit(commented: tuple[Workspace, str]) -> None:
    ws, path = commented
    text = (ws.root / path).read_text(encoding="utf-8")
    ws.commit({path: f"{text}edited: '99/99/2025 99:99'\n".encode()}, "Received from a colleague")
    edited = edit_comment(ws, SLUG, Path(path).stem, "Đề nghị làm rõ phạm vi điều chỉnh.")
    rewritten = (ws.root / path).read_text(encoding="utf-8")
    assert "99/99" not in rewritten and rewritten.count("edited:") == 1 and f"edited: '{edited.edited}'" in rewritten


def test_an_edited_time_the_review_server_writes_is_read(commented: tuple[Workspace, str], invoke: Invoke,
                                                         tmp_path: Path) -> None:
    ws, path = commented
    text = (ws.root / path).read_text(encoding="utf-8")
    created = next(line for line in text.splitlines() if line.startswith("created:")).split(": ", 1)[1].strip("'")
    later = (dt.datetime.fromisoformat(created) + dt.timedelta(hours=1)).isoformat()
    ws.commit({path: f"{text}edited: '{later}'\n".encode()}, "Edited on the review pages")
    result = invoke(ws, "check")
    assert "edited" not in result.output, result.output
    rows = _report_rows(ws, invoke, tmp_path)
    assert isinstance(rows, list) and "Sửa lúc" in rows[0] and later[:16].replace("T", " ") in rows[1]

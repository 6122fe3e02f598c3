"""A comment file whose `link:` is no access link's id (not 8 hexadecimal digits) is read as sent through no link, and
`check` names it at its line; regdraft rewriting the file (an answer, an edit) dropped the value, so the comment lost
what was written there and `check` said nothing more. It is written back as it stands. And `comment list --json` gives
when a comment was edited (`edited`, null when never)."""

from __future__ import annotations

import json

import pytest
import yaml

from regdraft.core.comment_yaml import comment_from_yaml, comment_to_yaml
from regdraft.workspace import rounds
from regdraft.workspace.comment_edits import edit_comment
from regdraft.workspace.store import Workspace

from .conftest import FIXTURES, Invoke

SLUG = "mini-sua"
BODY = "Ban Tổ chức Tỉnh ủy"


@pytest.fixture
def commented(mini_workspace: Workspace) -> Workspace:
    """A round open on a draft."""
    mini_workspace.commit({f"amendments/{SLUG}/amendment.md": (FIXTURES / "comments" / "amendment-1.md")
                           .read_bytes()}, "Draft 1")
    rounds.open_round(mini_workspace, SLUG, "Lấy ý kiến các ban", "2025-07-15", [BODY])
    return mini_workspace


def _path(cid: str) -> str:
    return f"amendments/{SLUG}/comments/{cid}.yaml"


def _written(ws: Workspace, cid: str, entry: str) -> None:
    """`entry` added by hand at the end of the comment's file, committed."""
    text = ws.read(_path(cid)).decode("utf-8")
    ws.commit({_path(cid): f"{text}{entry}\n".encode()}, "A hand-written link")


@pytest.mark.parametrize(("entry", "value"), [
    ("link: 3FA2C1D0", "3FA2C1D0"),
    ("link: '3fa2c1d'", "3fa2c1d"),
    ("link: 1234567", 1234567),  # `link: 12345678` is the id 12345678, as written (r33 sweep AY F1)
    ("link: yes", True),
    ("link:\n- 3fa2c1d0\n- 9b0e4d21", ["3fa2c1d0", "9b0e4d21"]),
])
def test_a_malformed_link_is_kept_as_written_when_the_file_is_rewritten(commented: Workspace, invoke: Invoke,
                                                                          entry: str, value: object) -> None:
    ws = commented
    cid = rounds.add_comment(ws, SLUG, BODY, "d1", "Đề nghị làm rõ phạm vi.").id
    _written(ws, cid, entry)
    assert rounds.find_comment(ws, cid, SLUG)[1].link == ""  # read as sent through none
    # Edited (the library call the review server makes), then answered at the terminal: both rewrite the file.
    edit_comment(ws, SLUG, cid, "Đề nghị làm rõ phạm vi điều chỉnh.")
    answered = invoke(ws, "comment", "respond", cid, "--disposition", "noted", "--reply", "Ghi nhận.")
    assert answered.exit_code == 0, answered.output
    text = ws.read(_path(cid)).decode("utf-8")
    assert f"\n{entry}\n" in text
    data = yaml.safe_load(text)
    assert data["link"] == value and data["disposition"] == "noted" and data["edited"]
    # `check` still names it, at its line in the file as rewritten.
    line = text.splitlines().index(entry.splitlines()[0]) + 1
    checked = invoke(ws, "check")
    assert f"{_path(cid)}:{line}: 'link: " in checked.output and "is not the id of an access link" in \
        checked.output, checked.output


def test_a_comment_read_with_a_malformed_link_writes_back_to_the_same_comment(commented: Workspace) -> None:
    ws = commented
    cid = rounds.add_comment(ws, SLUG, BODY, "d1", "Đề nghị làm rõ phạm vi.").id
    _written(ws, cid, 'link: "3FA2C1D0"')
    comment = rounds.find_comment(ws, cid, SLUG)[1]
    assert comment.link_written == 'link: "3FA2C1D0"'
    assert comment_from_yaml(comment_to_yaml(comment)) == comment


def test_comment_list_json_gives_when_a_comment_was_edited(commented: Workspace, invoke: Invoke) -> None:
    ws = commented
    edited = rounds.add_comment(ws, SLUG, BODY, "d1", "Ý kiến thứ nhất.").id
    kept = rounds.add_comment(ws, SLUG, BODY, "d1", "Ý kiến thứ hai.").id
    when = edit_comment(ws, SLUG, edited, "Ý kiến thứ nhất, đã sửa.").edited
    listed = invoke(ws, "comment", "list", SLUG, "--json")
    assert listed.exit_code == 0, listed.output
    by_id = {c["id"]: c for c in json.loads(listed.output)}
    assert when and by_id[edited]["edited"] == when and by_id[edited]["text"] == "Ý kiến thứ nhất, đã sửa."
    assert by_id[kept]["edited"] is None


def test_the_office_attaching_the_comment_to_its_members_link_replaces_the_malformed_one(
        commented: Workspace) -> None:
    from regdraft.workspace.access import invite
    from regdraft.workspace.comment_edits import attach_comment

    ws = commented
    cid = rounds.add_comment(ws, SLUG, BODY, "d1", "Đề nghị làm rõ phạm vi.", person="Nguyễn Văn An").id
    _written(ws, cid, "link: 3FA2C1D0")
    link, _ = invite(ws, "Nguyễn Văn An", BODY)
    attach_comment(ws, SLUG, cid, link.key)
    data = yaml.safe_load(ws.read(_path(cid)).decode("utf-8"))
    assert data["link"] == link.key and "3FA2C1D0" not in ws.read(_path(cid)).decode("utf-8")

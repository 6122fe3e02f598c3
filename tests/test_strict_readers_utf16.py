"""The files regdraft reads whole and strictly (regdraft.yaml, a workspace's profiles, a vote file, a template, a
comment file) read UTF-16 (Notepad's "Unicode"), with or without its byte-order mark, through
`core.encodings.strict_text`: each refused it in a sentence ("is not UTF-8 text", "cannot read the workspace
settings: 'utf-8' codec can't decode …"), a comment file without its mark as YAML holding control characters. A
binary file or a byte that does not read is still refused, naming the file and the line at fault (they named line 1,
or none). A comment file saved as UTF-16 had each of its problems named at line 1."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest

from regdraft.core.errors import ParseError, RegdraftError, StoreError
from regdraft.render.template_files import WorkspaceLoader
from regdraft.workspace.profiles import workspace_profiles
from regdraft.workspace.store import Workspace
from regdraft.workspace.votes import load_vote, unreadable_vote

from .conftest import SHIPPED_AMENDMENT, Invoke

SAVES: dict[str, Callable[[str], bytes]] = {
    "utf-16-le with BOM, CRLF": lambda text: codecs.BOM_UTF16_LE + text.replace("\n", "\r\n").encode("utf-16-le"),
    "utf-16-be with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-16-le without BOM": lambda text: text.encode("utf-16-le"),
    "utf-16-be without BOM": lambda text: text.encode("utf-16-be"),
}
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00@\x00\x00\x00@\x08\x02\x00\x00\x00" + bytes(range(256)) * 4
VOTE = "for: 40\nagainst: 2\nabstain: 1\ndate: 2025-03-10\nmembers: 45\n"


def _bad_byte_at_line_3(text: str) -> bytes:
    lines = text.encode("utf-8").split(b"\n")
    lines[2] += b" \xe8"
    return b"\n".join(lines)


@pytest.mark.parametrize("save", SAVES.values(), ids=SAVES.keys())
def test_workspace_settings_saved_as_unicode_are_read(tmp_workspace: Workspace, save: Callable[[str], bytes]) -> None:
    text = tmp_workspace.read("regdraft.yaml").decode("utf-8")
    expected = Workspace(tmp_workspace.root).config
    tmp_workspace.path("regdraft.yaml").write_bytes(save(text))
    assert Workspace(tmp_workspace.root).config == expected


def test_workspace_settings_that_are_not_text_are_refused_at_their_line(tmp_workspace: Workspace) -> None:
    text = tmp_workspace.read("regdraft.yaml").decode("utf-8")
    assert text.count("\n") >= 3
    path = tmp_workspace.path("regdraft.yaml")
    path.write_bytes(_bad_byte_at_line_3(text))
    with pytest.raises(StoreError) as bad:
        Workspace(tmp_workspace.root).config  # noqa: B018
    assert str(bad.value) == ("regdraft.yaml:3: cannot read the workspace settings: the line is not UTF-8 text; save "
                              "the file as UTF-8. Nothing was done.")
    path.write_bytes(PNG)
    with pytest.raises(StoreError, match=r"regdraft\.yaml:1: cannot read the workspace settings: the file is not "
                                         r"text \(it looks like a binary file\)"):
        Workspace(tmp_workspace.root).config  # noqa: B018
    path.write_bytes(SAVES["utf-16-le with BOM, CRLF"](text)[:-3])  # cut off in its last line
    with pytest.raises(StoreError, match=rf"regdraft\.yaml:{text.count(chr(10))}: cannot read the workspace "
                                         r"settings: the line is not UTF-16 text \(the file is saved as UTF-16"):
        Workspace(tmp_workspace.root).config  # noqa: B018


PROFILE = "base: party-36\nwords:\n  vi:\n    opening_close: \"Quy chế này có hiệu lực kể từ ngày ký.\"\n"


@pytest.mark.parametrize("save", SAVES.values(), ids=SAVES.keys())
def test_a_profile_saved_as_unicode_is_read(tmp_workspace: Workspace, invoke: Invoke,
                                            save: Callable[[str], bytes]) -> None:
    tmp_workspace.commit({"profiles/rieng.yaml": save(PROFILE)}, "A profile saved as Unicode")
    assert workspace_profiles(tmp_workspace)["rieng"].replace("\r\n", "\n") == PROFILE
    checked = invoke(tmp_workspace, "check")
    assert "profiles/rieng.yaml" not in checked.output, checked.output


def test_a_profile_that_is_not_text_is_named_at_its_line(tmp_workspace: Workspace, invoke: Invoke) -> None:
    tmp_workspace.commit({"profiles/old.yaml": _bad_byte_at_line_3(PROFILE), "profiles/anh.yaml": PNG},
                         "Profiles that are not text")
    checked = " ".join(invoke(tmp_workspace, "check").output.split())
    assert "profiles/old.yaml:3: The line is not UTF-8 text; save the file as UTF-8." in checked
    assert "profiles/anh.yaml:1: The file is not text (it looks like a binary file); save the file as UTF-8." in checked
    with pytest.raises(RegdraftError, match=r"profiles/anh\.yaml:1: The file is not text"):
        workspace_profiles(tmp_workspace)


@pytest.mark.parametrize("save", SAVES.values(), ids=SAVES.keys())
def test_a_vote_saved_as_unicode_is_read(tmp_workspace: Workspace, save: Callable[[str], bytes]) -> None:
    path = f"amendments/{SHIPPED_AMENDMENT}/vote.yaml"
    tmp_workspace.commit({path: save(VOTE)}, "A vote typed in Notepad")
    vote = load_vote(tmp_workspace, SHIPPED_AMENDMENT)
    assert vote is not None and (vote.for_, vote.against, vote.abstain, vote.members) == (40, 2, 1, 45)
    assert unreadable_vote(tmp_workspace, SHIPPED_AMENDMENT) is None


def test_a_vote_that_is_not_text_is_named_at_its_line(tmp_workspace: Workspace) -> None:
    path = f"amendments/{SHIPPED_AMENDMENT}/vote.yaml"
    tmp_workspace.commit({path: _bad_byte_at_line_3(VOTE)}, "A vote with a bad byte")
    problem = unreadable_vote(tmp_workspace, SHIPPED_AMENDMENT)
    assert problem is not None and (problem.source, problem.line) == (path, 3)
    assert "cannot be read: its line 3 is not UTF-8 text" in problem.message
    with pytest.raises(RegdraftError, match="Its line 3 is not UTF-8 text"):
        load_vote(tmp_workspace, SHIPPED_AMENDMENT)


TEMPLATE = "<p>Dự thảo {{ number }}</p>\n<p>Tỉnh ủy</p>\n<p>Hết</p>\n"


@pytest.mark.parametrize("save", SAVES.values(), ids=SAVES.keys())
def test_a_template_saved_as_unicode_is_read(tmp_path: Path, save: Callable[[str], bytes]) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "cover.html").write_bytes(save(TEMPLATE))
    environment = jinja2.Environment(loader=WorkspaceLoader(tmp_path), autoescape=True)
    assert "<p>Dự thảo 2</p>" in environment.get_template("cover.html").render(number=2)


def test_a_template_that_is_not_text_is_refused_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "cover.html").write_bytes(_bad_byte_at_line_3(TEMPLATE))
    (tmp_path / "templates" / "logo.html").write_bytes(PNG)
    environment = jinja2.Environment(loader=WorkspaceLoader(tmp_path), autoescape=True)
    with pytest.raises(RegdraftError, match=r"^templates/cover\.html:3: the line is not UTF-8 text; save the "
                                            r"template as UTF-8\.$"):
        environment.get_template("cover.html")
    with pytest.raises(RegdraftError, match=r"^templates/logo\.html:1: the file is not text"):
        environment.get_template("logo.html")


@pytest.mark.parametrize("save", SAVES.values(), ids=SAVES.keys())
def test_a_comment_file_saved_as_unicode_is_read_and_its_problems_named_at_their_lines(
        consulting_workspace: Workspace, invoke: Invoke, save: Callable[[str], bytes]) -> None:
    added = invoke(consulting_workspace, "comment", "add", "mini-sua", "--by", "Ban A", "--on", "d1",
                   "--text", "Đề nghị làm rõ phạm vi.")
    assert added.exit_code == 0, added.output
    (file,) = (consulting_workspace.root / "amendments" / "mini-sua" / "comments").glob("*.yaml")
    path = str(file.relative_to(consulting_workspace.root))
    text = file.read_text(encoding="utf-8").replace("round: 1\n", "round: 1\nprovison: Điều 1\n")
    line = text.split("\n").index("provison: Điều 1") + 1
    assert line > 1
    consulting_workspace.commit({path: save(text)}, "A colleague's hand edit, saved as Unicode")
    result = invoke(consulting_workspace, "check")
    said = " ".join(result.output.split())
    assert f"{path}:{line}: the key 'provison' is unknown and has no effect; did you mean provision?" in said, said
    assert "not valid YAML" not in said
    listed = invoke(consulting_workspace, "comment", "list", "mini-sua")
    assert listed.exit_code == 0 and "Đề nghị làm rõ phạm vi." in listed.output, listed.output


def test_a_comment_file_that_is_not_text_is_named_at_its_line() -> None:
    from regdraft.core.comment_yaml import read_comment

    text = "id: c1\nround: 1\nby: Ban A\nprovision: d1\ntext: Đề nghị.\n"
    with pytest.raises(ParseError, match=r"c1\.yaml:3: the line is not UTF-8 text; save the file as UTF-8\."):
        read_comment(_bad_byte_at_line_3(text), "c1.yaml")
    wide = SAVES["utf-16-le without BOM"](text.replace("by: Ban A\n", "<<<<<<< HEAD\nby: Ban A\n=======\nby: B\n"
                                                                      ">>>>>>> other\n"))
    with pytest.raises(ParseError, match="holds conflict markers"):
        read_comment(wide, "c1.yaml")


def test_review_settings_in_workspace_settings_saved_as_unicode_are_read(tmp_workspace: Workspace) -> None:
    """`access` read regdraft.yaml's `review:` as bytes, which PyYAML reads as UTF-8 without a byte-order mark."""
    from regdraft.workspace.access import review_settings

    text = tmp_workspace.read("regdraft.yaml").decode("utf-8") + "review:\n  connections_per_address: 7\n"
    tmp_workspace.path("regdraft.yaml").write_bytes(SAVES["utf-16-le without BOM"](text))
    assert review_settings(Workspace(tmp_workspace.root)) == {"connections_per_address": 7}
    tmp_workspace.path("regdraft.yaml").write_bytes(_bad_byte_at_line_3(text))
    with pytest.raises(RegdraftError, match=r"regdraft\.yaml:3: cannot read the workspace settings: the line is not "
                                            "UTF-8 text"):
        review_settings(Workspace(tmp_workspace.root))


def test_a_new_workspaces_profile_saved_as_unicode_is_read(tmp_path: Path) -> None:
    """`remote_setup` refused the profile a new workspace is to use as "not UTF-8 text"."""
    from regdraft.core.errors import UsageError
    from regdraft.workspace.remote_setup import _check_profile

    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "rieng.yaml").write_bytes(SAVES["utf-16-be without BOM"](PROFILE))
    _check_profile(tmp_path, "rieng")
    (tmp_path / "profiles" / "rieng.yaml").write_bytes(_bad_byte_at_line_3(PROFILE))
    with pytest.raises(UsageError, match=r"profiles/rieng\.yaml:3: the line is not UTF-8 text; save the file as "
                                         r"UTF-8\."):
        _check_profile(tmp_path, "rieng")


def test_the_side_readers_of_votes_and_rounds_read_unicode(tmp_workspace: Workspace) -> None:
    """`sync`'s look for a circulated commit and the activity words of a vote read their YAML as bytes, which PyYAML
    reads as UTF-8 without a byte-order mark: a round or vote saved so was passed over."""
    from regdraft.workspace.activity import describe
    from regdraft.workspace.sync import _circulated

    before = tmp_workspace.resolve("HEAD").sha
    round_file = f"amendments/{SHIPPED_AMENDMENT}/rounds/7.yaml"
    tmp_workspace.commit({round_file: SAVES["utf-16-le without BOM"](f"round: 7\nrevision: {before}\n"),
                          f"amendments/{SHIPPED_AMENDMENT}/vote.yaml": SAVES["utf-16-be without BOM"](VOTE)},
                         "A round and a vote typed in Notepad")
    assert _circulated(tmp_workspace, [before]) == f"round 7 of {SHIPPED_AMENDMENT}"
    said = describe(tmp_workspace, tmp_workspace.commits(before, "HEAD"))
    assert any("(40 for, 2 against, 1 abstaining)" in line for line in said), said


def test_a_setting_of_workspace_settings_saved_as_unicode_is_named_at_its_line(tmp_workspace: Workspace,
                                                                               invoke: Invoke) -> None:
    text = tmp_workspace.read("regdraft.yaml").decode("utf-8") + "requre_vote_majority: true\n"
    line = text.count("\n")
    assert line > 1
    tmp_workspace.path("regdraft.yaml").write_bytes(SAVES["utf-16-le with BOM, CRLF"](text))
    said = " ".join(invoke(tmp_workspace, "check").output.split())
    assert f"regdraft.yaml:{line}: the setting 'requre_vote_majority' is unknown" in said, said

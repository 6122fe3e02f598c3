"""The fault suite: each bad input gives a clear message, exit 1 or 2, no traceback, and changes nothing."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

SLUG = "mini-sua"
REG = "regulations/MINI-QC.md"


def state(ws: Workspace) -> tuple[str, str, str]:
    return (ws.repo.git.rev_parse("HEAD"), ws.repo.git.status("--porcelain", "-uall"), ws.repo.git.tag("--list"))


def expect_refusal(ws: Workspace, invoke: Invoke, *args: str, code: int = 1, says: str = "") -> str:
    before = state(ws)
    result = invoke(ws, *args)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    assert says in result.output
    assert state(ws) == before
    return result.output


def no_crash(ws: Workspace, invoke: Invoke, *args: str) -> None:
    """A reading command may use a text with problems (it says so), but never crashes or writes into git."""
    before = state(ws)
    result = invoke(ws, *args)
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert state(ws) == before


def edit_regulation(ws: Workspace, old: str, new: str) -> None:
    path = ws.root / REG
    text = path.read_text(encoding="utf-8")
    assert old in text
    ws.commit({REG: text.replace(old, new, 1).encode("utf-8")}, "edit")


@pytest.fixture
def ws(consulting_workspace: Workspace) -> Workspace:
    return consulting_workspace


# -- YAML ---------------------------------------------------------------------------------------

BOMB = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x]"] + [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, "
                                                        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]"
                                                        for i in range(8)])


def test_a_yaml_alias_bomb_is_refused_with_its_line(ws: Workspace, invoke: Invoke) -> None:
    edit_regulation(ws, "title: Quy chế thử nghiệm", "title: Quy chế thử nghiệm\n" + BOMB)
    out = expect_refusal(ws, invoke, "check", says="YAML alias")
    assert f"{REG}:6:" in out  # the first alias
    for fmt in ("md", "html", "docx"):
        no_crash(ws, invoke, "export", "MINI-QC", "--format", fmt, "-o", str(ws.root.parent / f"x.{fmt}"))


@pytest.mark.parametrize("key", ["signed", "effective"])
def test_an_impossible_date_is_a_problem_with_its_line(ws: Workspace, invoke: Invoke, key: str) -> None:
    edit_regulation(ws, f"{key}: 2021-01-09", f"{key}: 2021-02-30")
    out = expect_refusal(ws, invoke, "check", says="is not a date that exists")
    assert f"{REG}:" in out
    for fmt in ("md", "html", "docx"):
        no_crash(ws, invoke, "export", "MINI-QC", "--format", fmt, "-o", str(ws.root.parent / f"x.{fmt}"))


def test_an_alias_in_the_workspace_settings_is_refused(ws: Workspace, invoke: Invoke) -> None:
    config = ws.root / "regdraft.yaml"
    config.write_text(config.read_text(encoding="utf-8") + BOMB + "\n", encoding="utf-8")
    ws.repo.git.add("regdraft.yaml")
    ws.repo.git.commit("-qm", "bomb", "--no-verify", author="u <u@x>", env={"GIT_COMMITTER_NAME": "u",
                                                                          "GIT_COMMITTER_EMAIL": "u@x"})
    expect_refusal(ws, invoke, "amend", "new", "x", "--regulation", "MINI-QC", says="YAML alias")


def test_an_alias_in_a_workspace_profile_is_refused_with_its_line(ws: Workspace, invoke: Invoke) -> None:
    # The tester's 358 bytes went nine levels deep (9^9 values); three levels are enough to show the refusal.
    bomb = "\n".join(["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
                     + [f"{n}: &{n} [{', '.join([f'*{m}'] * 9)}]" for m, n in ("ab", "bc", "cd")] + ["description: *d"])
    ws.commit({"profiles/party-36.yaml": bomb.encode()}, "profile")
    out = expect_refusal(ws, invoke, "check", says="YAML alias")
    assert "profiles/party-36.yaml:2:" in out  # the first alias
    out = expect_refusal(ws, invoke, "export", "MINI-QC", "-o", str(ws.root.parent / "x.html"), says="YAML alias")
    assert "profiles/party-36.yaml" in out and "line 2" in out and not (ws.root.parent / "x.html").exists()


DEEP = "[" * 1000 + "]" * 1000


def test_deep_nesting_in_front_matter_is_a_problem_with_its_line(ws: Workspace, invoke: Invoke) -> None:
    edit_regulation(ws, "title: Quy chế thử nghiệm", "title: Quy chế thử nghiệm\nx: " + DEEP)
    out = expect_refusal(ws, invoke, "check", says="nested deeper than 50 levels")
    assert f"{REG}:5:" in out
    for args in (("list",), ("comment", "list", SLUG), ("export", "MINI-QC", "-o", str(ws.root.parent / "x.html"))):
        no_crash(ws, invoke, *args)


def test_deep_nesting_in_the_workspace_settings_is_refused(ws: Workspace, invoke: Invoke) -> None:
    config = ws.root / "regdraft.yaml"
    ws.commit({"regdraft.yaml": (config.read_text(encoding="utf-8") + "y: " + "{a: " * 3000 + "1" + "}" * 3000
                                 + "\n").encode()}, "settings")
    line = len(config.read_text(encoding="utf-8").splitlines())
    for args in (("check",), ("export", "MINI-QC", "-o", str(ws.root.parent / "x.html")),
                 ("amend", "new", "x", "--regulation", "MINI-QC")):
        out = expect_refusal(ws, invoke, *args, says="nested deeper than 50 levels")
        assert f"regdraft.yaml:{line}:" in out
    no_crash(ws, invoke, "list")  # which needs no settings


def test_deep_nesting_in_a_comment_file_is_refused_with_its_line(ws: Workspace, invoke: Invoke) -> None:
    comment = rounds.add_comment(ws, SLUG, "Ban A", "general", "Nhất trí.")
    (path,) = ws.files("amendments", f"{SLUG}/comments/{comment.id}.yaml")
    text = ws.read(path).decode("utf-8") + "extra: " + DEEP + "\n"
    ws.commit({path: text.encode()}, "extra")
    line = len(text.splitlines())
    for args in (("comment", "list", SLUG), ("check",)):
        out = expect_refusal(ws, invoke, *args, says="nested deeper than 50 levels")
        assert f"{path}:{line}" in out


def test_deep_nesting_in_a_workspace_profile_is_refused_with_its_line(ws: Workspace, invoke: Invoke) -> None:
    # 300 levels: libyaml, which reads profiles, stops at 1,000 itself
    ws.commit({"profiles/party-36.yaml": ("fonts:\n  body_pt: 13\nextra: " + "[" * 300 + "]" * 300 + "\n").encode()},
              "profile")
    out = expect_refusal(ws, invoke, "check", says="nested deeper than 50 levels")
    assert "profiles/party-36.yaml:3:" in out
    expect_refusal(ws, invoke, "export", "MINI-QC", "-o", str(ws.root.parent / "x.html"), says="nested deeper")


HUGE = "9" * 5000  # Python reads at most 4,300 digits: `ValueError: Exceeds the limit (4300 digits)`
LONG_NUMBER = "a number of 5,000 characters is longer than any regdraft reads"


def test_a_huge_number_in_front_matter_is_a_problem_with_its_line(ws: Workspace, invoke: Invoke) -> None:
    edit_regulation(ws, "title: Quy chế thử nghiệm", "title: Quy chế thử nghiệm\ndraft: " + HUGE)
    out = expect_refusal(ws, invoke, "check", says=LONG_NUMBER)
    assert f"{REG}:5: The front matter is not valid YAML: {LONG_NUMBER}; put it in quotes if it is text." in out
    amendment = f"amendments/{SLUG}/amendment.md"
    text = ws.read(amendment).decode("utf-8")
    ws.commit({REG: (ws.root / REG).read_bytes().replace(b"draft: " + HUGE.encode() + b"\n", b""),
               amendment: text.replace("---\n", f"---\ndraft: {HUGE}\n", 1).encode()}, "draft")
    out = expect_refusal(ws, invoke, "amend", "status", SLUG, says=LONG_NUMBER)
    assert f"{amendment}:2:" in out
    for args in (("list",), ("comment", "list", SLUG)):
        no_crash(ws, invoke, *args)


def test_a_huge_number_in_the_workspace_settings_is_refused(ws: Workspace, invoke: Invoke) -> None:
    config = ws.root / "regdraft.yaml"
    ws.commit({"regdraft.yaml": (config.read_text(encoding="utf-8") + f"y: {HUGE}\n").encode()}, "settings")
    line = len(config.read_text(encoding="utf-8").splitlines())
    for args in (("check",), ("amend", "new", "x", "--regulation", "MINI-QC")):
        out = expect_refusal(ws, invoke, *args, says=LONG_NUMBER)
        assert f"regdraft.yaml:{line}:" in out


def test_a_huge_number_in_a_comment_file_or_a_profile_is_refused_with_its_line(ws: Workspace, invoke: Invoke) -> None:
    comment = rounds.add_comment(ws, SLUG, "Ban A", "general", "Nhất trí.")
    (path,) = ws.files("amendments", f"{SLUG}/comments/{comment.id}.yaml")
    # A comment file's values are read as the words written (`core.comment_yaml`): a huge number under a key of no
    # number is text, named as an unknown key, never converted; one under a number field is refused at its line.
    written = ws.read(path).decode("utf-8")
    ws.commit({path: (written + f"extra: -{HUGE}\n").encode()}, "extra")
    listed = invoke(ws, "comment", "list", SLUG)
    assert listed.exit_code == 0 and "Nhất trí." in listed.output, listed.output
    checked = invoke(ws, "check")
    assert f"{path}:{len(written.splitlines()) + 1}: the key 'extra' is unknown" in checked.output, checked.output
    text = written + f"sequence: -{HUGE}\n"
    ws.commit({path: text.encode()}, "sequence")
    out = expect_refusal(ws, invoke, "comment", "list", SLUG,
                         says="is a number of 5,001 characters, longer than any regdraft reads")
    assert f"{path}:{len(text.splitlines())}" in out
    ws.commit({path: written.encode(),
               "profiles/party-36.yaml": f"fonts:\n  body_pt: {HUGE}\n".encode()}, "profile")  # read with libyaml
    for args in (("check",), ("export", "MINI-QC", "-o", str(ws.root.parent / "x.html"))):
        out = expect_refusal(ws, invoke, *args, says=LONG_NUMBER)
        assert "profiles/party-36.yaml" in out and "line 2" in out


# -- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize("heading", ["# Chương 1000000000000. X", "# Chương " + "9" * 5000 + ". X",
                                     "## Điều " + "7" * 5000 + ". X"])
def test_huge_numbers_in_headings_cost_nothing(ws: Workspace, invoke: Invoke, heading: str) -> None:
    edit_regulation(ws, "# Chương I. NHỮNG QUY ĐỊNH CHUNG", heading)
    out = expect_refusal(ws, invoke, "check")
    assert f"{REG}:15:" in out


def test_a_huge_chapter_number_in_an_address(ws: Workspace, invoke: Invoke) -> None:
    expect_refusal(ws, invoke, "show", "MINI-QC", "ch" + "9" * 5000, code=2)  # a malformed address: bad usage
    expect_refusal(ws, invoke, "show", "MINI-QC", "Chương 1000000000000", code=2)


# -- comment sheets -----------------------------------------------------------------------------


def _xlsx(rows: list[list[str]], dimension: str | None = None) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    if dimension is None:
        return buffer.getvalue()
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                start = text.index('<dimension ref="') + len('<dimension ref="')
                data = (text[:start] + dimension + text[text.index('"', start):]).encode("utf-8")
            target.writestr(item, data)
    return out.getvalue()


ROWS = [["by", "on", "text"]] + [[f"Ban {n}", "general", f"Ý kiến {n}."] for n in range(5)]


def test_a_stale_xlsx_dimension_loses_no_row(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    sheet = tmp_path / "gop-y.xlsx"
    sheet.write_bytes(_xlsx(ROWS, dimension="A1:C2"))
    result = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert result.exit_code == 0, result.output
    assert sorted(c.text for c in rounds.load_comments(ws, SLUG)) == [f"Ý kiến {n}." for n in range(5)]


def test_a_huge_declared_xlsx_size_costs_nothing(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    sheet = tmp_path / "gop-y.xlsx"
    sheet.write_bytes(_xlsx(ROWS, dimension="A1:XFD1048576"))
    result = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert result.exit_code == 0, result.output
    assert len(rounds.load_comments(ws, SLUG)) == 5


def test_a_csv_cell_over_the_field_limit_is_a_clear_error(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    sheet = tmp_path / "gop-y.csv"
    sheet.write_text("by,on,text\nBan A,general,\"" + "x" * 200_000 + "\"\n", encoding="utf-8")
    expect_refusal(ws, invoke, "comment", "import", SLUG, str(sheet), says="gop-y.csv:")


def test_a_sheet_with_too_many_rows_is_refused(ws: Workspace, invoke: Invoke, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from regdraft.importer import comment_sheet

    monkeypatch.setattr(comment_sheet, "MAX_ROWS", 3)
    sheet = tmp_path / "gop-y.csv"
    sheet.write_text("by,on,text\n" + "".join(f"Ban {n},general,Ý kiến {n}\n" for n in range(4)), encoding="utf-8")
    expect_refusal(ws, invoke, "comment", "import", SLUG, str(sheet), says="more than 3 comment rows")


def test_a_large_csv_import_is_one_commit(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    sheet = tmp_path / "gop-y.csv"
    sheet.write_text("by,on,text\n" + "".join(f"Ban {n},general,Ý kiến {n}\n" for n in range(500)), encoding="utf-8")
    head = ws.repo.head.commit.hexsha
    result = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert result.exit_code == 0, result.output
    assert ws.repo.git.rev_parse("HEAD~1") == head
    assert len(ws.repo.head.commit.stats.files) == 500
    assert ws.repo.git.status("--porcelain", "-uall") == ""


# -- names that become paths ----------------------------------------------------------------------


@pytest.mark.parametrize("cid", ["*", "../../regdraft", "a/b", "?", "[a]", "a b"])
def test_a_comment_id_is_a_literal_name(ws: Workspace, invoke: Invoke, cid: str) -> None:
    rounds.add_comment(ws, SLUG, "Ban A", "general", "Nhất trí.")
    expect_refusal(ws, invoke, "comment", "respond", cid, "--disposition", "noted", code=2, says="is not a comment id")


@pytest.mark.parametrize("slug", ["../x", "a/b", "*", ".hidden", "a b", "x..y/../"])
def test_an_amendment_name_is_a_literal_name(ws: Workspace, invoke: Invoke, slug: str) -> None:
    expect_refusal(ws, invoke, "amend", "new", slug, "--regulation", "MINI-QC", code=2, says="is not an amendment name")


# -- files that are links -------------------------------------------------------------------------


def test_a_regulation_linked_outside_the_workspace_is_not_read(ws: Workspace, invoke: Invoke,
                                                               tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text((ws.root / REG).read_text(encoding="utf-8").replace("MINI-QC", "SECRET"), encoding="utf-8")
    os.symlink(secret, ws.root / "regulations" / "SECRET.md")
    out = expect_refusal(ws, invoke, "check")
    assert "SECRET" in out and "Quy chế này quy định" not in out
    expect_refusal(ws, invoke, "show", "SECRET", says="is a symbolic link")  # named, never read


# -- workspace settings ---------------------------------------------------------------------------


@pytest.mark.parametrize(("setting", "says"), [
    ("  body_pt: abc", "profile.body_pt is 'abc'"),
    ("  font_family: 'x\"; } body { background: url(http://evil/) } .a {'", "profile.font_family"),
    ("  page_size: 'A4; margin: 0'", "profile.page_size"),
    ("  number_colon: maybe", "profile.number_colon"),
])
def test_bad_profile_values_are_refused(ws: Workspace, invoke: Invoke, setting: str, says: str) -> None:
    config = ws.root / "regdraft.yaml"
    text = config.read_text(encoding="utf-8").replace("profile: party-36", "profile:\n  name: party-36\n" + setting)
    ws.commit({"regdraft.yaml": text.encode("utf-8")}, "profile")
    out = expect_refusal(ws, invoke, "check", says=says)
    assert "regdraft.yaml:1:" in out
    expect_refusal(ws, invoke, "export", "MINI-QC", "--format", "html", "-o", str(ws.root.parent / "x.html"),
                   says=says)
    assert not (ws.root.parent / "x.html").exists()

"""The core commands against real temporary git workspaces: init, list, show, check, log, fmt."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import Result

from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, Invoke

MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")


def git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, check=True, capture_output=True, text=True).stdout


def snapshot(ws: Workspace) -> tuple[str, str, str]:
    return git(ws, "rev-parse", "HEAD"), git(ws, "ls-files", "-s"), git(ws, "status", "--porcelain", "-uall")


def assert_clean_failure(result: Result, code: int = 1) -> None:
    """A user mistake: the given exit code, a message, and never a traceback."""
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.output.strip()


# init ---------------------------------------------------------------------------------------

def test_init_new_directory(tmp_path: Path, invoke: Invoke) -> None:
    result = invoke(None, "init", str(tmp_path / "office"), catch=False)
    assert result.exit_code == 0 and "Created a regdraft workspace" in result.output
    ws = Workspace(tmp_path / "office")
    assert (ws.root / "regdraft.yaml").is_file()
    assert git(ws, "log", "--format=%an|%s") == "regdraft|Set up regdraft workspace\n"


def test_init_existing_git_repository(tmp_path: Path, invoke: Invoke) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    result = invoke(None, "init", str(root))
    assert result.exit_code == 0, result.output
    assert (root / "regulations").is_dir()


def test_init_twice_is_an_error(tmp_path: Path, invoke: Invoke) -> None:
    assert invoke(None, "init", str(tmp_path / "w")).exit_code == 0
    result = invoke(None, "init", str(tmp_path / "w"))
    assert_clean_failure(result)
    assert "already a regdraft workspace" in result.output


def test_init_example_seeds_the_shipped_data(tmp_path: Path, invoke: Invoke) -> None:
    result = invoke(None, "init", "--example", str(tmp_path / "ex"), catch=False)
    assert result.exit_code == 0
    root = tmp_path / "ex"
    assert (root / "regulations" / "01-QC-TU.md").is_file()
    assert (root / "regulations" / "01-QC-TU-EN.md").is_file()
    assert (root / "amendments" / "qc-sua-doi-2025").is_dir()
    assert git(Workspace(root), "status", "--porcelain") == ""
    assert invoke(root, "check").exit_code == 0


# list ---------------------------------------------------------------------------------------

def test_list(tmp_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(tmp_workspace, "list", catch=False)
    assert result.exit_code == 0
    line = next(ln for ln in result.output.splitlines() if ln.startswith("01-QC/TU "))
    assert " vi " in line and "articles" in line and "Quy chế làm việc" in line
    rows = json.loads(invoke(tmp_workspace, "list", "--json").output)
    by_id = {r["id"]: r for r in rows}
    assert by_id["01-QC/TU"]["language"] == "vi" and by_id["01-QC/TU"]["articles"] >= 28
    assert by_id["01-QC/TU"]["path"] == "regulations/01-QC-TU.md"
    assert any(r["language"] == "en" for r in rows)


def test_list_empty_and_broken(empty_workspace: Workspace, invoke: Invoke) -> None:
    assert "No regulations yet" in invoke(empty_workspace, "list").output
    (empty_workspace.root / "regulations" / "BAD.md").write_bytes(b"\xff\xfe\x00")
    result = invoke(empty_workspace, "list", "--json")
    assert result.exit_code == 0
    assert json.loads(result.output)[0]["error"] == "unreadable, 1 problem"


# show ---------------------------------------------------------------------------------------

def test_show_whole_regulation_is_the_canonical_file(mini_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(mini_workspace, "show", "MINI-QC", catch=False)
    assert result.exit_code == 0 and result.output == MINI


@pytest.mark.parametrize("address", ["d2.k2.b", "điểm b khoản 2 Điều 2", "Điều 2 khoản 2 điểm b"])
def test_show_one_provision_with_its_heading_path(mini_workspace: Workspace, invoke: Invoke, address: str) -> None:
    result = invoke(mini_workspace, "show", "MINI-QC", address, catch=False)
    assert result.exit_code == 0
    head, body = result.output.split("\n\n", 1)
    assert head == "điểm b khoản 2 Điều 2  (Chương I › Điều 2 › khoản 2)"
    assert body.strip() == "b) Cá nhân phụ trách chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy;"


def test_show_prints_text_as_it_reads_without_markdown_escapes(mini_workspace: Workspace, invoke: Invoke) -> None:
    # Luật Giáo dục quotes `b) Người có bằng …` inside a clause: the file writes `b\)` so that it is not read as a
    # point, and `show` printed that backslash.
    quoted = MINI.replace("3\\. Công khai, minh bạch theo quy định tại khoản 1 Điều này.",
                          "3\\. Sửa đổi điểm b như sau:\n\n“b\\) Cá nhân phụ trách \\*chịu\\* trách nhiệm;”.")
    mini_workspace.commit({"regulations/MINI-QC.md": quoted.encode()}, "A quoted point")
    shown = invoke(mini_workspace, "show", "MINI-QC", "d2.k3", catch=False).output
    assert "   “b) Cá nhân phụ trách *chịu* trách nhiệm;”." in shown and "\\" not in shown


def test_show_shipped_article(tmp_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(tmp_workspace, "show", "01-QC/TU", "d1", catch=False)
    assert result.exit_code == 0
    assert result.output.startswith("Điều 1  (Chương I)")
    assert "Điều 1. Phạm vi điều chỉnh" in result.output


def test_show_at_revision(mini_workspace: Workspace, invoke: Invoke) -> None:
    ws = mini_workspace
    ws.commit({"regulations/MINI-QC.md": MINI.replace("Thiểu số phục tùng", "Thiểu số luôn phục tùng").encode()},
              "Change point c")
    now = invoke(ws, "show", "MINI-QC", "d2.k2.c").output
    before = invoke(ws, "show", "MINI-QC", "d2.k2.c", "--at", "HEAD~1").output
    assert "luôn" in now and "luôn" not in before
    whole = invoke(ws, "show", "MINI-QC", "--at", "HEAD~1").output
    assert whole == MINI
    result = invoke(ws, "show", "MINI-QC", "--at", "no-such-rev")
    assert_clean_failure(result, 2)
    assert "There is no revision 'no-such-rev'" in result.output


@pytest.mark.parametrize(("address", "message"), [
    ("d99", "Điều 99 does not exist"),
    ("d2.k9", "Điều 2 has no khoản 9"),
    ("Điều abc", "not an article number"),
    ("zz", "cannot read 'zz'"),
])
def test_show_unknown_address(mini_workspace: Workspace, invoke: Invoke, address: str, message: str) -> None:
    result = invoke(mini_workspace, "show", "MINI-QC", address)
    assert_clean_failure(result, 2)
    assert message in result.output


def test_show_unknown_regulation(mini_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(mini_workspace, "show", "NOPE")
    assert_clean_failure(result, 2)
    assert "There is no regulation 'NOPE'" in result.output and "MINI-QC" in result.output


def test_a_regulation_whose_file_is_named_otherwise_is_named_with_the_way_out(mini_workspace: Workspace,
                                                                              invoke: Invoke) -> None:
    # A colleague saved `63/2010/NĐ-CP` as an ASCII-only file name: "no regulation '…': did you mean" the very
    # id typed left the drafter nowhere.
    text = (mini_workspace.root / "regulations/MINI-QC.md").read_bytes()
    mini_workspace.commit({"regulations/MINI-QC.md": None, "regulations/mini-qc.md": text}, "Renamed")
    before = snapshot(mini_workspace)
    result = invoke(mini_workspace, "show", "MINI-QC")
    assert_clean_failure(result, 2)
    assert ("The regulation MINI-QC is in regulations/mini-qc.md, but commands find a regulation by the file name "
            "its id gives, regulations/MINI-QC.md: rename the file (`git mv regulations/mini-qc.md "
            "regulations/MINI-QC.md`) and commit it.") in " ".join(result.output.split())
    assert snapshot(mini_workspace) == before


@pytest.mark.parametrize("command", [("show",), ("export", "--format", "md")])
def test_an_amendment_named_for_a_regulation_is_said_to_be_one(consulting_workspace: Workspace, invoke: Invoke,
                                                               command: tuple[str, ...]) -> None:
    before = snapshot(consulting_workspace)
    result = invoke(consulting_workspace, command[0], "mini-sua", *command[1:])
    assert_clean_failure(result, 2)
    assert "'mini-sua' is an amendment, not a regulation: name the regulation it amends, MINI-QC." in result.output
    assert snapshot(consulting_workspace) == before


def test_a_redline_of_an_amendment_named_alone_is_that_amendments(consulting_workspace: Workspace, invoke: Invoke,
                                                                   tmp_path: Path) -> None:
    # `regdraft redline mini-sua` is what a drafter types for the amendment's redline; it said "name the regulation".
    alone = invoke(consulting_workspace, "redline", "mini-sua", "--format", "html", "-o", str(tmp_path / "a.html"))
    assert alone.exit_code == 0, alone.output
    assert "MINI-QC against amendment mini-sua" in alone.output
    named = invoke(consulting_workspace, "redline", "MINI-QC", "--amendment", "mini-sua", "--format", "html",
                   "-o", str(tmp_path / "b.html"))
    assert named.exit_code == 0, named.output
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == (tmp_path / "b.html").read_text(encoding="utf-8")


LAW = """---
id: 57/2020/QH14
type: Luật
title: Luật Thanh niên
language: vi
issuer: QUỐC HỘI
signed: 2020-06-16
---

## Điều 1. Phạm vi điều chỉnh

Luật này quy định về quyền, nghĩa vụ của thanh niên.

## Điều 2. Hiệu lực thi hành

1\\. Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021.

2\\. Luật Thanh niên số 53/2005/QH11 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.
"""


def test_check_warns_of_a_date_of_effect_the_front_matter_does_not_give(tmp_workspace: Workspace,
                                                                        invoke: Invoke) -> None:
    # A text imported before `import` read the date from its final provisions counts as in force from its signing.
    tmp_workspace.commit({"regulations/57-2020-QH14.md": LAW.encode()}, "A law")
    result = invoke(tmp_workspace, "check", "57/2020/QH14")
    assert result.exit_code == 0, result.output  # a warning: the text reads
    assert ("regulations/57-2020-QH14.md:16: warning: Khoản 1 Điều 2 says the text takes effect on 2021-01-01, but "
            "the front matter gives no 'effective', so it counts as in force from its signing (2020-06-16); add "
            "`effective: 2021-01-01` to the front matter.") in " ".join(result.output.split())
    given = LAW.replace("signed: 2020-06-16\n", "signed: 2020-06-16\neffective: 2021-01-01\n")
    tmp_workspace.commit({"regulations/57-2020-QH14.md": given.encode()}, "Its date of effect")
    assert "effective" not in invoke(tmp_workspace, "check", "57/2020/QH14").output
    from_signing = LAW.replace("thi hành từ ngày 01 tháng 01 năm 2021", "kể từ ngày ký")
    tmp_workspace.commit({"regulations/57-2020-QH14.md": from_signing.encode()}, "In force from its signing")
    # No date-of-effect warning (the hand edits themselves are warned of, before any adoption: test_hand_edits).
    assert "takes effect" not in invoke(tmp_workspace, "check", "57/2020/QH14").output


def test_check_reads_an_english_text_for_its_date_of_effect(tmp_workspace: Workspace, invoke: Invoke) -> None:
    english = (LAW.replace("language: vi", "language: en")
               .replace("## Điều 1. Phạm vi điều chỉnh", "## Article 1. Scope")
               .replace("Luật này quy định về quyền, nghĩa vụ của thanh niên.", "This Law provides for youth.")
               .replace("## Điều 2. Hiệu lực thi hành", "## Article 2. Effect")
               .replace("Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021.",
                        "This Law takes effect on January 1, 2021.")
               .replace("Luật Thanh niên số 53/2005/QH11 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.",
                        "The Law on Youth No. 53/2005/QH11 ceases to be in force when this Law takes effect."))
    tmp_workspace.commit({"regulations/57-2020-QH14.md": english.encode()}, "A law in English")
    result = invoke(tmp_workspace, "check", "57/2020/QH14")
    assert result.exit_code == 0, result.output
    assert ("regulations/57-2020-QH14.md:16: warning: Clause 1, Article 2 says the text takes effect on 2021-01-01, "
            "but the front matter gives no 'effective'") in " ".join(result.output.split())


def test_show_json(mini_workspace: Workspace, invoke: Invoke) -> None:
    data = json.loads(invoke(mini_workspace, "show", "MINI-QC", "d2.k2", "--json", catch=False).output)
    assert data["address"] == "d2.k2" and data["kind"] == "clause"
    assert data["children"] == ["d2.k2.a", "d2.k2.b", "d2.k2.c"]
    whole = json.loads(invoke(mini_workspace, "show", "MINI-QC", "--json").output)
    assert whole["id"] == "MINI-QC"
    assert [u["address"] for u in whole["units"]][:3] == ["ch1", "d1", "d2"]
    chapter = json.loads(invoke(mini_workspace, "show", "MINI-QC", "ch1", "--json").output)
    assert chapter["children"] == ["d1", "d2"]


def test_outside_a_workspace(tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(None, "list")
    assert_clean_failure(result, 2)
    assert "not inside a regdraft workspace" in result.output


# check --------------------------------------------------------------------------------------

def test_check_clean(tmp_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(tmp_workspace, "check", catch=False)
    assert result.exit_code == 0 and "No problems found." in result.output
    assert invoke(tmp_workspace, "check", "01-QC/TU").exit_code == 0


def test_check_reports_file_and_line(mini_workspace: Workspace, invoke: Invoke) -> None:
    broken = MINI.replace("c) Thiểu số", "d) Thiểu số").replace("## Điều 4", "## Điều 5")
    (mini_workspace.root / "regulations" / "MINI-QC.md").write_text(broken, encoding="utf-8")
    result = invoke(mini_workspace, "check")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "regulations/MINI-QC.md:31: Điểm d khoản 2 Điều 2 is out of sequence" in result.output
    assert "regulations/MINI-QC.md:46: Điều 5 is out of sequence" in result.output
    assert "2 problems found." in result.output
    data = json.loads(invoke(mini_workspace, "check", "--json").stdout)
    assert [(p["file"], p["line"]) for p in data] == [("regulations/MINI-QC.md", 31), ("regulations/MINI-QC.md", 46)]


# log ----------------------------------------------------------------------------------------

def test_log(mini_workspace: Workspace, invoke: Invoke) -> None:
    ws = mini_workspace
    ws.commit({"regulations/MINI-QC.md": MINI.replace("ký.", "ban hành.").encode()}, "Reword Điều 4")
    result = invoke(ws, "log", "MINI-QC", catch=False)
    lines = result.output.splitlines()
    assert len(lines) == 2 and lines[0].endswith("Reword Điều 4") and lines[1].endswith("Add mini regulation")
    assert "regdraft" in lines[0]
    data = json.loads(invoke(ws, "log", "MINI-QC", "--json").output)
    assert [e["subject"] for e in data] == ["Reword Điều 4", "Add mini regulation"]


def test_log_escapes_an_authors_and_a_subjects_escape_sequences(mini_workspace: Workspace, invoke: Invoke) -> None:
    """A name and a subject git received from a colleague reached the terminal as escape sequences (r35 sweep BH F3);
    --json keeps them as git holds them."""
    ws = mini_workspace
    (ws.root / "regulations/MINI-QC.md").write_text(MINI.replace("ký.", "ban hành."), encoding="utf-8")
    git(ws, "-c", "user.name=Lan\x1b]0;PWNED\x07 Tran", "-c", "user.email=lan@x.example", "commit", "-qam",
        "Reword\x1b[2J Điều 4")
    result = invoke(ws, "log", "MINI-QC", catch=False)
    assert '"Lan\\x1b]0;PWNED\\a Tran"' in result.output and "Reword\\x1b[2J Điều 4" in result.output, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    data = json.loads(invoke(ws, "log", "MINI-QC", "--json").output)
    assert data[0]["author"] == "Lan\x1b]0;PWNED\x07 Tran"


# fmt ----------------------------------------------------------------------------------------

NON_CANONICAL = ("\ufeff" + MINI.replace("\n", "  \r\n").replace("\\. ", ". ")).encode()


def test_fmt_check_on_canonical_and_non_canonical(mini_workspace: Workspace, invoke: Invoke) -> None:
    ws = mini_workspace
    result = invoke(ws, "fmt", "--check")
    assert result.exit_code == 0 and "All files are canonical." in result.output
    ws.commit({"regulations/MINI-QC.md": NON_CANONICAL}, "Save from Windows")
    before = snapshot(ws)
    result = invoke(ws, "fmt", "--check")
    assert result.exit_code == 1 and "would reformat regulations/MINI-QC.md" in result.output
    assert snapshot(ws) == before


def test_fmt_rewrites_in_one_commit(mini_workspace: Workspace, invoke: Invoke) -> None:
    ws = mini_workspace
    ws.commit({"regulations/MINI-QC.md": NON_CANONICAL}, "Save from Windows")
    head = git(ws, "rev-parse", "HEAD").strip()
    result = invoke(ws, "fmt", catch=False)
    assert result.exit_code == 0 and "reformatted regulations/MINI-QC.md" in result.output
    assert (ws.root / "regulations" / "MINI-QC.md").read_text(encoding="utf-8") == MINI
    assert git(ws, "rev-list", "--count", f"{head}..HEAD").strip() == "1"
    assert git(ws, "show", "--name-only", "--format=%s", "HEAD").split("\n")[0].startswith("Format ")
    assert git(ws, "status", "--porcelain") == ""
    assert invoke(ws, "fmt").output.strip() == "All files are canonical."


def test_fmt_refuses_over_uncommitted_changes(mini_workspace: Workspace, invoke: Invoke) -> None:
    ws = mini_workspace
    (ws.root / "regulations" / "MINI-QC.md").write_bytes(NON_CANONICAL)
    before = snapshot(ws)
    result = invoke(ws, "fmt")
    assert_clean_failure(result)
    assert "uncommitted changes to regulations/MINI-QC.md" in result.output
    assert snapshot(ws) == before
    assert (ws.root / "regulations" / "MINI-QC.md").read_bytes() == NON_CANONICAL


def test_fmt_reports_broken_files_and_writes_nothing(mini_workspace: Workspace, invoke: Invoke) -> None:
    ws = mini_workspace
    ws.commit({"regulations/MINI-QC.md": NON_CANONICAL, "regulations/B.md": b"---\nid: B\n"}, "Add")
    before = snapshot(ws)
    result = invoke(ws, "fmt")
    assert_clean_failure(result)
    assert "regulations/B.md:1:" in result.output
    # the file it could reformat is not: the output says so rather than "reformatted"
    assert "would reformat regulations/MINI-QC.md" in result.output and "reformatted" not in result.output
    assert "Nothing was rewritten" in result.output
    assert snapshot(ws) == before


# bad input ----------------------------------------------------------------------------------

BAD_INPUTS = {
    "non-utf8": (b"---\nid: X\n---\n\nVi\xea\xe7t\n", "not UTF-8"),
    "binary": (bytes(range(256)) * 40, "binary file"),
    "empty": (b"", "does not start with front matter"),
    "not a regulation": (b"# Meeting notes\n\n1. Buy paper\n2. Call the printer\n", "not a regulation file"),
    "10 MB of text": (b"Lorem ipsum dolor sit amet. " * 380_000, "not a regulation file"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS), ids=list(BAD_INPUTS))
@pytest.mark.parametrize("command", ["show", "check", "fmt"])
def test_bad_input_gives_a_clear_message(empty_workspace: Workspace, invoke: Invoke, case: str, command: str) -> None:
    data, fragment = BAD_INPUTS[case]
    empty_workspace.commit({"regulations/BAD.md": data}, "Add a bad file")
    args = [command, "BAD"] if command != "check" else [command]
    result = invoke(empty_workspace, *args)
    assert_clean_failure(result)
    assert "regulations/BAD.md:" in result.output and fragment in result.output


def test_bom_file_is_accepted_and_formatted(mini_workspace: Workspace, invoke: Invoke) -> None:
    ws = mini_workspace
    ws.commit({"regulations/MINI-QC.md": b"\xef\xbb\xbf" + MINI.encode()}, "BOM")
    assert invoke(ws, "check").exit_code == 0
    assert invoke(ws, "show", "MINI-QC", "d1").exit_code == 0
    assert invoke(ws, "fmt", "--check").exit_code == 1
    assert invoke(ws, "fmt").exit_code == 0
    assert (ws.root / "regulations" / "MINI-QC.md").read_bytes() == MINI.encode()


def test_ten_megabyte_regulation_is_parsed(empty_workspace: Workspace, invoke: Invoke) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.generate import generate

    text = generate(7200)
    assert len(text.encode()) > 10_000_000
    empty_workspace.commit({"regulations/BIG.md": text.encode()}, "Add a big one")
    result = invoke(empty_workspace, "show", "BIG", "d7200.k1")
    assert result.exit_code == 0 and result.stdout.startswith("khoản 1 Điều 7200")


def test_init_ignores_the_output_folder_so_redlines_leave_git_clean(tmp_path: Path, invoke: Invoke) -> None:
    repo = tmp_path / "existing"
    repo.mkdir()
    (repo / ".gitignore").write_text("*.tmp", encoding="utf-8")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@x"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "add", ".gitignore"], check=True)
    subprocess.run([*git, "commit", "-qm", "ignore"], check=True)
    result = invoke(None, "init", str(repo))
    assert result.exit_code == 0, result.output
    assert (repo / ".gitignore").read_text(encoding="utf-8") == "*.tmp\nout/\n"
    (repo / "out").mkdir()
    (repo / "out" / "redline.pdf").write_bytes(b"%PDF")
    ws = Workspace(repo)
    assert ws.repo.git.status("--porcelain") == ""


def test_a_usage_error_inside_a_command_does_not_print_the_top_level_usage(
        tmp_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(tmp_workspace, "show", "01-QC/TU", "--as-of", "not-a-date")
    assert result.exit_code in (1, 2)
    assert "Usage: regdraft [OPTIONS] COMMAND" not in result.output
    assert "not-a-date" in result.output


def test_check_reports_a_file_named_otherwise_than_its_id(tmp_workspace: Workspace, invoke: Invoke) -> None:
    text = (tmp_workspace.root / "regulations" / "01-QC-TU-EN.md").read_text(encoding="utf-8")
    tmp_workspace.commit({"regulations/other-name.md": text.replace("id: 01-QC/TU-EN", "id: 02-QC/TU-EN", 1)
                          .encode("utf-8")}, "Add a misnamed copy")
    result = invoke(tmp_workspace, "check")
    assert result.exit_code == 1
    assert ("regulations/other-name.md:1: The file's id is 02-QC/TU-EN, so it must be named "
            "regulations/02-QC-TU-EN.md") in result.output


def test_the_cli_names_the_options_a_library_error_points_to(tmp_path: Path, invoke: Invoke) -> None:
    """The library says it in words (`Workspace.find`: "name the workspace folder"); the CLI adds `-C`'s name."""
    result = invoke(tmp_path, "list")
    assert result.exit_code == 2
    assert "not inside a regdraft workspace" in result.output and "name the workspace folder" in result.output
    assert result.output.rstrip().endswith("(Option: --workspace DIRECTORY.)")


def test_option_hints_name_this_command_and_other_commands() -> None:
    from regdraft.cli import _command_at, option_hint

    redline = _command_at("redline")
    assert option_hint(redline, ("rev_to", "amendment")) == "(Options: --to REV, --amendment SLUG.)"
    resolve = _command_at("resolve")
    assert option_hint(resolve, ("side",)) == "(Options: --ours, --theirs.)"
    # Another command's options are written with that command; an unknown name is left out.
    assert option_hint(redline, ("sync:go_on", "sync:abort", "nothing")) == (
        "(`regdraft sync --continue`, `regdraft sync --abort`.)")
    assert option_hint(redline, ("force", "amend vote:for_", "amend vote:date")) == (
        "(Option: --force; `regdraft amend vote --for N --date DATE`.)")
    assert option_hint(None, ("force",)) == ""


@pytest.mark.parametrize(("old", "new", "said"), [
    ("Ban Thường vụ Tỉnh ủy;\n", "Ban Thường vụ Tỉnh ủy;\nb1) Cá nhân đề xuất;\n",
     "The line 'b1) Cá nhân đề xuất;' starts like điểm b1 but has no blank line before it"),
    ("b) Cá nhân phụ trách chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy;\n",
     "b) Cá nhân phụ trách phát triển kinh tế\n- xã hội của địa phương;\n",
     "The line '- xã hội của địa phương;' starts a dash item right under a paragraph"),
], ids=["point joined to the line above", "sentence wrapped before a dash"])
def test_check_reports_a_line_markdown_would_read_otherwise_and_fmt_leaves_it(
        mini_workspace: Workspace, invoke: Invoke, old: str, new: str, said: str) -> None:
    # `b1) …` typed under point b was words of point b; `… kinh tế` wrapped before `- xã hội` became a dash item.
    mini_workspace.commit({"regulations/MINI-QC.md": MINI.replace(old, new).encode()}, "A line typed by hand")
    result = invoke(mini_workspace, "check")
    assert result.exit_code == 1
    assert f"regulations/MINI-QC.md:30: {said}" in result.output
    before = snapshot(mini_workspace)
    assert invoke(mini_workspace, "fmt").exit_code == 1  # never rewritten as anything else
    assert "MINI-QC.md:30:" in invoke(mini_workspace, "fmt", "--check").output
    assert snapshot(mini_workspace) == before
    shown = invoke(mini_workspace, "show", "MINI-QC", "d2.k2.b")
    assert "`regdraft check` reports 1 problem in regulations/MINI-QC.md" in shown.output

"""The command line's contract, for every command of the click tree: exit codes and --json.

Exit codes (README): 0 success, 1 a problem in the documents (or the workspace's state), 2 bad
usage (a malformed address, an unknown id, slug, revision or comment id, no workspace,
contradicting options). Every command takes --json and prints exactly one JSON document on
stdout, valid against docs/schemas/<command>.json; a failure prints docs/schemas/error.json
with the same exit code. The table below holds, per command, a success, a problem in the
documents where a command can meet one, and a bad usage; a command added to the tree without
its cases (or its schema) fails `test_every_command_has_cases_and_a_schema`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from regdraft.cli import cli
from regdraft.core.errors import RegdraftError
from regdraft.workspace import rounds
from regdraft.workspace.access import invite, revoke
from regdraft.workspace.remote_setup import join, share
from regdraft.workspace.store import Workspace, init_workspace
from regdraft.workspace.sync import sync
from tests.conftest import REPO_ROOT, SHIPPED_AMENDMENT

SCHEMAS = REPO_ROOT / "docs" / "schemas"
SHARED_SCHEMAS = {"problem", "error", "comment", "round"}  # referenced by the commands' schemas
SLUG = SHIPPED_AMENDMENT
AMENDMENT = f"amendments/{SLUG}/amendment.md"
REGULATION = "regulations/01-QC-TU.md"

Setup = Callable[[Path, pytest.MonkeyPatch], None]


@dataclass(frozen=True)
class Case:
    """One run of a command: its arguments ({tmp}, {comment}, {remote} filled in), expected exit code.

    `own` says the output is the command's own result even on exit 1 (check and the like
    report the problems they found); otherwise exit 1 and 2 print the error object.
    """

    args: tuple[str, ...]
    code: int
    setup: Setup | None = None
    own: bool = False


def ok(*args: str, setup: Setup | None = None) -> Case:
    return Case(args, 0, setup)


def problem(*args: str, setup: Setup | None = None, own: bool = False) -> Case:
    return Case(args, 1, setup, own)


def usage(*args: str, setup: Setup | None = None) -> Case:
    return Case(args, 2, setup)


# -- states of the workspace a case starts from (the base: the example, round 1 open, one comment) --

def _write(relative: str, text: str) -> Setup:
    def setup(ws: Path, _mp: pytest.MonkeyPatch) -> None:
        (ws / relative).parent.mkdir(parents=True, exist_ok=True)
        (ws / relative).write_text(text, encoding="utf-8")
    return setup


def _edit(relative: str, old: str, new: str) -> Setup:
    def setup(ws: Path, _mp: pytest.MonkeyPatch) -> None:
        text = (ws / relative).read_text(encoding="utf-8")
        assert old in text, (relative, old)
        (ws / relative).write_text(text.replace(old, new, 1), encoding="utf-8")
    return setup


def _both(*setups: Setup) -> Setup:
    def setup(ws: Path, mp: pytest.MonkeyPatch) -> None:
        for each in setups:
            each(ws, mp)
    return setup


def _git(ws: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(ws), *args], check=True, capture_output=True, text=True).stdout.strip()


def _committed(setup: Setup) -> Setup:
    def committed(ws: Path, mp: pytest.MonkeyPatch) -> None:
        setup(ws, mp)
        changed = _git(ws, "diff", "--name-only").splitlines()
        Workspace(ws).commit({p: (ws / p).read_bytes() for p in changed}, "Edit", allow_dirty=True)
    return committed


def _no_rounds(ws: Path, _mp: pytest.MonkeyPatch) -> None:
    files = _git(ws, "ls-files", f"amendments/{SLUG}/rounds", f"amendments/{SLUG}/comments").splitlines()
    Workspace(ws).commit(dict.fromkeys(files), "No rounds")


def _voted(ws: Path, _mp: pytest.MonkeyPatch) -> None:
    """A vote on file, which the case's vote replaces (or, dated before it, is refused)."""
    from regdraft.workspace.votes import record_vote

    record_vote(Workspace(ws), SLUG, 40, 3, 0, "2025-03-20", members=49)


def _no_access_links(ws: Path, mp: pytest.MonkeyPatch) -> None:
    _no_server(ws, mp)
    revoke(Workspace(ws), "Lò Văn Bình")


def _comment_file(author: str = "", link: str = "") -> Setup:
    """The base comment written by Lò Văn Bình for his body (a paper comment the office typed for him), with the
    person `author` and the access link `link`."""
    def setup(ws: Path, _mp: pytest.MonkeyPatch) -> None:
        (path,) = (ws / "amendments" / SLUG / "comments").glob("*.yaml")
        text = path.read_text(encoding="utf-8").replace("by: Ban Tổ chức Tỉnh ủy", "by: Ủy ban Kiểm tra Tỉnh ủy")
        path.write_text(text + (f"author: {author}\n" if author else "") + (f"link: {link}\n" if link else ""),
                        encoding="utf-8")
    return setup


def _in_conflict(ws: Path, _mp: pytest.MonkeyPatch) -> None:
    """A colleague and you changed the same provision; `regdraft sync` stopped on it."""
    remote = ws.parent / "remote.git"
    shutil.copytree(_git(ws, "remote", "get-url", "origin"), remote)
    _git(ws, "remote", "set-url", "origin", str(remote))
    colleague = join(str(remote), ws.parent / "colleague")
    for who, words in ((colleague, "hai tháng"), (Workspace(ws), "bốn tháng")):
        text = who.read(REGULATION).decode("utf-8").replace("ba tháng một lần", words + " một lần", 1)
        who.commit({REGULATION: text.encode("utf-8")}, f"Thường lệ {words}")
    sync(colleague)
    with pytest.raises(RegdraftError):
        sync(Workspace(ws))


def _no_server(_ws: Path, mp: pytest.MonkeyPatch) -> None:
    mp.setattr("uvicorn.run", lambda *args, **kwargs: None)


def _edited_copy(ws: Path, _mp: pytest.MonkeyPatch) -> None:
    text = (ws / REGULATION).read_text(encoding="utf-8")
    assert "Thường lệ ba tháng một lần" in text
    (ws.parent / "edited.md").write_text(text.replace("Thường lệ ba tháng một lần", "Thường lệ hai tháng một lần"),
                                         encoding="utf-8")


def _unreadable_edited_copy(ws: Path, _mp: pytest.MonkeyPatch) -> None:
    text = (ws / REGULATION).read_text(encoding="utf-8")
    (ws.parent / "edited.md").write_text(text.replace("## Điều 2.", "## Điều 1.", 1), encoding="utf-8")


BROKEN_AMENDMENT = _edit(AMENDMENT, "bổ sung khoản 2 Điều 5 như sau:", "bổ sung khoản 9 Điều 5 như sau:")
DUPLICATE_ARTICLE = _edit(REGULATION, "## Điều 2.", "## Điều 1.")
NOT_CANONICAL = _edit(REGULATION, "## Điều 2.", "##   Điều 2.")
SECOND_PENDING = _write("amendments/ban-sao/amendment.md",
                        (REPO_ROOT / "amendments" / SLUG / "amendment.md").read_text(encoding="utf-8")
                        .replace("number: 05-QC/TU", "number: 06-QC/TU"))
UNCOMMITTED = _edit(REGULATION, "## Điều 2.", "## Điều 2. ")
SHEET = _write("../gop-y.csv", "by,on,text\nBan Tổ chức Tỉnh ủy,d5.k2,Đề nghị làm rõ.\n")
BAD_SHEET = _write("../gop-y.csv", "by,on,text\nBan Tổ chức Tỉnh ủy,d99,Đề nghị làm rõ.\n")
AMENDING_TEXT = _write("../sua-doi.txt", """TỈNH ỦY ĐIỆN BIÊN | ĐẢNG CỘNG SẢN VIỆT NAM
Số 07-QC/TU | Điện Biên, ngày 10 tháng 3 năm 2026
QUY CHẾ
SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY CHẾ LÀM VIỆC
Điều 1. Sửa đổi, bổ sung một số điều của Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV, nhiệm kỳ 2020 - 2025
1. Bãi bỏ khoản 3 Điều 10.
Điều 2. Hiệu lực thi hành
Quy chế này có hiệu lực kể từ ngày ký.
""")
PLAIN_REGULATION = _write("../quy-che.txt", """QUY CHẾ
LÀM VIỆC CỦA BAN THỬ
Điều 1. Phạm vi
Quy chế này quy định việc thử.
Điều 2. Hiệu lực
Quy chế này có hiệu lực kể từ ngày ký.
""")
NOT_A_REGULATION = _write("../trong.txt", "")


CASES: dict[str, list[Case]] = {
    "init": [ok("{tmp}/new", "--example"), usage("{tmp}/a-file", setup=_write("../a-file", ""))],
    "list": [ok(), usage("-C", "{tmp}/nowhere")],
    "show": [ok("01-QC/TU", "d5.k2"), ok("01-QC/TU", "d5.k2", "--changes"), ok("01-QC/TU", "--amendment", SLUG),
             problem("01-QC/TU", "d5.k2", "--changes", setup=BROKEN_AMENDMENT),
             problem("01-QC/TU", "--as-of", "2000-01-01"), usage("01-QC/TU", "khoản"),
             usage("01-QC/TU", "d99"), usage("99-QC/TU"), usage("01-QC/TU", "--at", "no-such-rev")],
    "check": [ok("01-QC/TU"), problem(setup=DUPLICATE_ARTICLE, own=True), usage("99-QC/TU")],
    "log": [ok("01-QC/TU"), ok("01-QC/TU", "d5.k2"), usage("99-QC/TU"), usage("01-QC/TU", "d99")],
    "fmt": [ok("--check"), problem("--check", setup=NOT_CANONICAL, own=True), ok(setup=_committed(NOT_CANONICAL)),
            usage("99-QC/TU")],
    "amend new": [ok("moi", "--regulation", "01-QC/TU"), problem(SLUG, "--regulation", "01-QC/TU"),
                  usage("moi", "--regulation", "99-QC/TU")],
    "amend import": [ok("{tmp}/sua-doi.txt", "--slug", "sua-doi", "-r", "01-QC/TU", setup=AMENDING_TEXT),
                     problem("{tmp}/sua-doi.txt", "--slug", SLUG, "-r", "01-QC/TU", setup=AMENDING_TEXT),
                     usage("{tmp}/sua-doi.txt", setup=AMENDING_TEXT)],
    "amend list": [ok(), usage("-C", "{tmp}/nowhere")],
    "amend show": [ok(SLUG), ok(SLUG, setup=_voted), usage("nope")],
    "amend status": [ok(SLUG, "--draft", "3"), problem(SLUG, "draft", setup=_edit(AMENDMENT, "status: circulating",
                                                                                     "status: withdrawn")),
                     usage("nope", "submitted"), usage(SLUG, "adopted")],
    "amend number": [ok(SLUG, "08-QC/TU"), usage(SLUG, "tám"), usage("nope", "08-QC/TU")],
    "amend check": [ok(SLUG), problem(SLUG, setup=BROKEN_AMENDMENT, own=True), usage("nope")],
    "amend preview": [ok(SLUG), ok(SLUG, "-o", "{tmp}/amended.md"), problem(SLUG, setup=BROKEN_AMENDMENT),
                      usage("nope")],
    "amend adopt": [ok(SLUG, "--signed", "2025-03-28", "--force", "--reason", "Hội nghị quyết định"),
                    problem(SLUG, "--signed", "2025-03-28"), usage(SLUG, "--signed", "2025-03-28", "--force"),
                    usage(SLUG, "--resume")],
    "amend conflicts": [ok(), problem(setup=SECOND_PENDING, own=True), usage("-C", "{tmp}/nowhere")],
    "amend export": [ok(SLUG, "-o", "{tmp}/du-thao.html"), problem(SLUG, "-o", "{tmp}/du-thao.html",
                                                                 setup=_write(AMENDMENT, "---\nnumber: [\n---\n")),
                     usage(SLUG, "--format", "pdf", "-o", "{tmp}/du-thao.html"), usage("nope", "-o", "{tmp}/x.html")],
    "amend from-edits": [ok("moi", "-r", "01-QC/TU", "--new", "--edited", "{tmp}/edited.md", setup=_edited_copy),
                         problem("moi", "-r", "01-QC/TU", "--new", "--edited", "{tmp}/edited.md",
                                 setup=_unreadable_edited_copy),
                         usage("moi", "-r", "01-QC/TU"),
                         # a new name beside the amendment being drafted: a mistyped one, most likely
                         usage("moi", "-r", "01-QC/TU", "--edited", "{tmp}/edited.md", setup=_edited_copy)],
    "amend vote": [ok(SLUG, "--for", "45", "--against", "2", "--date", "2025-03-28"),
                   ok(SLUG, "--for", "45", "--against", "2", "--date", "2025-03-28", setup=_voted),
                   problem(SLUG, "--for", "45", "--against", "2", "--date", "2025-03-01", setup=_voted),
                   usage("nope", "--for", "45", "--against", "2", "--date", "2025-03-28"),
                   usage(SLUG, "--for", "45", "--against", "2", "--date", "31/02/2025")],
    "round open": [ok(SLUG, "--due", "2025-07-15", "--yes", "--consult", "Ban Tổ chức Tỉnh ủy", setup=_no_rounds),
                   problem(SLUG, "--due", "2025-07-15", "--yes", "--consult", "Ban Tổ chức Tỉnh ủy"),
                   usage("nope", "--due", "2025-07-15", "--yes", "--consult", "Ban Tổ chức Tỉnh ủy")],
    "round list": [ok(SLUG), usage("nope")],
    "round show": [ok(SLUG), usage(SLUG, "--round", "7")],
    "round close": [ok(SLUG), problem(SLUG, setup=_no_rounds), usage(SLUG, "--round", "7")],
    "round report": [ok(SLUG, "-o", "{tmp}/bao-cao.csv"), problem(SLUG, "-o", "{tmp}/bao-cao.csv", setup=_no_rounds),
                     usage(SLUG), usage(SLUG, "-o", "{tmp}/bao-cao.txt")],
    "round copy": [ok(SLUG, "-o", "{tmp}/ban-lay-y-kien.docx"),
                   problem(SLUG, "-o", "{tmp}/ban-lay-y-kien.docx", setup=_no_rounds), usage(SLUG)],
    "comment add": [ok(SLUG, "--by", "Ủy ban Kiểm tra Tỉnh ủy", "--on", "d5.k2", "--text", "Nhất trí."),
                    problem(SLUG, "--by", "Ban A", "--on", "d5.k2", "--text", "Nhất trí.", setup=_no_rounds),
                    usage(SLUG, "--by", "Ban A", "--on", "d5.k99", "--text", "Nhất trí.")],
    "comment import": [ok(SLUG, "{tmp}/gop-y.csv", setup=SHEET), problem(SLUG, "{tmp}/gop-y.csv", setup=BAD_SHEET),
                       usage(SLUG, "{tmp}/gop-y.csv", "--by", "Ban A", setup=SHEET)],
    "comment list": [ok(SLUG), usage("nope")],
    "comment respond": [ok("{comment}", "--disposition", "accepted", "--reply", "Tiếp thu."),
                        usage("ffff", "--disposition", "accepted"),
                        usage("{comment}", "--disposition", "maybe")],
    "export": [ok("01-QC/TU", "-o", "{tmp}/hop-nhat.html"),
               problem("01-QC/TU", "--as-of", "2000-01-01", "-o", "{tmp}/hop-nhat.html"),
               usage("99-QC/TU", "-o", "{tmp}/hop-nhat.html"),
               usage("01-QC/TU", "--format", "md", "-o", "{tmp}/hop-nhat.html")],
    "import": [ok("{tmp}/quy-che.txt", "--id", "09-QC/TU", setup=PLAIN_REGULATION),
               problem("{tmp}/trong.txt", "--id", "09-QC/TU", setup=NOT_A_REGULATION),
               usage("{tmp}/missing.txt")],
    "redline": [ok("01-QC/TU", "--format", "html", "-o", "{tmp}/redline.html"),
                problem("01-QC/TU", "--format", "html", "-o", "{tmp}/redline.html", setup=BROKEN_AMENDMENT),
                usage("01-QC/TU", "--from", "no-such-rev", "--format", "html", "-o", "{tmp}/redline.html")],
    "compare": [ok(REGULATION, "{tmp}/edited.md", "-o", "{tmp}/compare.html", setup=_edited_copy),
                problem("{tmp}/trong.txt", REGULATION, "-o", "{tmp}/compare.html", setup=NOT_A_REGULATION),
                usage(REGULATION, "{tmp}/missing.md")],
    "refs": [ok("01-QC/TU", "d5.k2"), usage("01-QC/TU", "d5.k2", "--from", "d6"), usage("01-QC/TU", "d99")],
    "review": [ok(setup=_no_server), ok("--host", "0.0.0.0", setup=_no_server),
               problem("--host", "0.0.0.0", setup=_no_access_links), usage("--port", "0")],
    "review invite": [ok("--name", "Nguyễn Văn An", "--body", "Ban Tổ chức Tỉnh ủy"),
                      usage("--name", "Nguyễn Văn An", "--role", "chief")],
    "review revoke": [ok("Lò Văn Bình"), usage("nobody")],
    "review links": [ok(), usage("-C", "{tmp}/nowhere")],
    "review attach": [ok("{comment}", "--link", "Lò Văn Bình", setup=_committed(_comment_file("Lò Văn Bình"))),
                      problem("{comment}", "--link", "Lò Văn Bình",
                              setup=_committed(_comment_file("Lò Văn Bình", "0123abcd"))),
                      usage("{comment}", "--link", "Lò Văn Bình")],
    "sync": [ok(), problem(setup=UNCOMMITTED), usage("--continue", "--abort")],
    "clone": [ok("{remote}", "{tmp}/colleague"), problem("{tmp}/no-remote.git", "{tmp}/colleague"), usage("{remote}")],
    "resolve": [ok(REGULATION, "--ours", setup=_in_conflict), problem(REGULATION, "--ours"),
                usage()],
}


# -- the click tree, the schemas, the base workspace --------------------------------------------

def command_paths(group: click.Group = cli, prefix: str = "") -> Iterator[str]:
    """Every command and subcommand of the tree, as typed ('amend check'); a group that runs alone too."""
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        path = f"{prefix}{name}"
        if isinstance(command, click.Group):
            if command.invoke_without_command:
                yield path
            yield from command_paths(command, path + " ")
        else:
            yield path


def command_at(path: str) -> click.Command:
    """The command typed as `path` ('amend check')."""
    command: click.Command = cli
    for word in path.split():
        assert isinstance(command, click.Group)
        command = command.commands[word]
    return command


def _schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    return data


def _validator(name: str) -> Any:
    """A draft 2020-12 validator of schema `name`, its references resolved among docs/schemas.

    jsonschema is a test extra (scripts/setup.sh installs it); a checkout set up before it was
    added still checks exit codes and the JSON's shape, and skips only the schema validation.
    """
    jsonschema = pytest.importorskip("jsonschema", reason="the test extra jsonschema: run scripts/setup.sh")
    import referencing
    from referencing.jsonschema import DRAFT202012

    schemas = [_schema(p.stem) for p in sorted(SCHEMAS.glob("*.json"))]
    registry: referencing.Registry[Any] = referencing.Registry().with_resources(
        (s["$id"], DRAFT202012.create_resource(s)) for s in schemas)
    return jsonschema.Draft202012Validator(_schema(name), registry=registry)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The example workspace, shared through a bare remote, with round 1 open, one comment and one access link."""
    root = tmp_path_factory.mktemp("contract")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(root))
        mp.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
        mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
        ws = init_workspace(root / "ws", example_from=REPO_ROOT)
        rounds.open_round(ws, SLUG, "Lấy ý kiến", "2025-03-15", ["Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"])
        comment = rounds.add_comment(ws, SLUG, "Ban Tổ chức Tỉnh ủy", "d5.k2", "Đề nghị làm rõ.")
        invite(ws, "Lò Văn Bình", "Ủy ban Kiểm tra Tỉnh ủy")
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(root / "remote.git")], check=True)
        share(ws, str(root / "remote.git"))
    return root, comment.id


def _run(base: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str, case: Case,
         *, as_json: bool, json_first: bool = False) -> tuple[Any, str, str, str]:
    """Run one case on a fresh copy of the base workspace; exit code, stdout, stderr, HEAD before it ran.

    `json_first` gives --json before the command (`regdraft --json amend check ...`) instead of after it.
    """
    root, comment = base
    ws = tmp_path / "ws"
    shutil.copytree(root / "ws", ws, symlinks=True)
    if case.setup is not None:
        case.setup(ws, monkeypatch)
    monkeypatch.chdir(ws)
    head = _git(ws, "rev-parse", "HEAD")
    args = [a.format(tmp=tmp_path, comment=comment, remote=root / "remote.git") for a in case.args]
    if json_first:
        argv = ["--json", *path.split(), *args]
    else:
        argv = [*path.split(), *args, *(["--json"] if as_json else [])]
    result = CliRunner().invoke(cli, argv)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.stdout, result.stderr, head


def _ids(*, failures: bool = False, first: bool = False) -> list[Any]:
    """The cases as test parameters; `first`: only each command's first success and first failure."""
    kinds = {0: "ok", 1: "problem", 2: "usage"}
    return [pytest.param(path, case, id=f"{path.replace(' ', '-')}-{kinds[case.code]}-{i}")
            for path, cases in CASES.items() for i, case in enumerate(cases) if case.code or not failures
            if not first or next(c for c in cases if bool(c.code) == bool(case.code)) is case]


# -- the tests ---------------------------------------------------------------------------------

def test_every_command_has_cases_and_a_schema() -> None:
    paths = set(command_paths())
    assert paths == set(CASES), "commands without cases here / cases for no command"
    for path in paths:
        codes = {case.code for case in CASES[path]}
        assert {0, 2} <= codes, f"{path}: a success and a bad usage"
    schemas = {p.stem for p in SCHEMAS.glob("*.json")}
    assert schemas == {p.replace(" ", "-") for p in paths} | SHARED_SCHEMAS
    for name in schemas:
        assert _schema(name)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert _schema(name)["$id"] == f"{name}.json"
    for name in schemas:
        _validator(name).check_schema(_schema(name))


def test_every_command_is_described_in_the_json_docs() -> None:
    guide = (REPO_ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    for path in command_paths():
        assert f"schemas/{path.replace(' ', '-')}.json" in guide, path


@pytest.mark.parametrize(("path", "case"), _ids())
def test_exit_code_and_json(base: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            path: str, case: Case) -> None:
    code, stdout, stderr, head = _run(base, tmp_path, monkeypatch, path, case, as_json=True)
    assert code == case.code, (stdout, stderr)
    data = json.loads(stdout)  # exactly one JSON document, nothing else on stdout
    own = case.code == 0 or case.own
    if not own:
        assert set(data) == {"error", "problems"} and data["error"] and "Traceback" not in stdout + stderr
        assert _git(tmp_path / "ws", "rev-parse", "HEAD") == head  # a failed command committed nothing
    if isinstance(data, dict) and "commits" in data:
        # What the command says it committed is what git now has on top of where it started.
        repo = Path(data.get("workspace", tmp_path / "ws"))
        made = _git(repo, "rev-list", "--reverse", f"{head}..HEAD" if repo == tmp_path / "ws" else "HEAD").split()
        assert data["commits"] == made, path
        files = {f for sha in made for f in _git(repo, "show", "--format=", "--name-only", sha).splitlines()}
        assert data["files"] == sorted(files), path
    errors = sorted(_validator(path.replace(" ", "-") if own else "error").iter_errors(data), key=str)
    assert not errors, [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


@pytest.mark.parametrize(("path", "case"), _ids(first=True))
def test_json_before_the_command(base: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 path: str, case: Case) -> None:
    """`regdraft --json CMD ...` is `regdraft CMD ... --json`: the same exit code, one JSON document, its schema."""
    code, stdout, stderr, _head = _run(base, tmp_path, monkeypatch, path, case, as_json=True, json_first=True)
    assert code == case.code, (stdout, stderr)
    data = json.loads(stdout)
    own = case.code == 0 or case.own
    if not own:
        assert set(data) == {"error", "problems"} and data["error"]
    errors = sorted(_validator(path.replace(" ", "-") if own else "error").iter_errors(data), key=str)
    assert not errors, [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


def test_json_before_an_unknown_command_or_a_missing_argument() -> None:
    for argv, message in ((["--json", "nosuch"], "No such command 'nosuch'"),
                          (["--json", "show"], "Missing argument 'REGULATION'")):
        result = CliRunner().invoke(cli, argv)
        assert result.exit_code == 2 and json.loads(result.stdout)["error"].startswith(message), result.output


@pytest.mark.parametrize(("path", "case"), _ids(failures=True))  # successes: the same code path as under --json
def test_exit_code_of_text_output(base: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  path: str, case: Case) -> None:
    code, stdout, stderr, _head = _run(base, tmp_path, monkeypatch, path, case, as_json=False)
    assert code == case.code, (stdout, stderr)
    assert "Traceback" not in stdout + stderr
    if case.code and not case.own:
        assert stderr.strip() and not stdout.strip()  # the message on stderr


def test_json_given_to_the_review_group_holds_for_its_subcommand(base: tuple[Path, str], tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(base[0] / "ws", tmp_path / "ws", symlinks=True)
    monkeypatch.chdir(tmp_path / "ws")
    result = CliRunner().invoke(cli, ["review", "--json", "links"])
    assert result.exit_code == 0
    assert [link["name"] for link in json.loads(result.stdout)] == ["Lò Văn Bình"]
    failed = CliRunner().invoke(cli, ["review", "--json", "revoke", "nobody"])
    assert failed.exit_code == 2 and json.loads(failed.stdout)["error"].startswith("No access link matches 'nobody'")


FREE_TEXT = {"title", "reason", "text", "proposal", "reply"}  # options whose value is words, shown as TEXT


def test_metavars_name_what_is_typed() -> None:
    """No option asks for `TEXT` where a revision, slug, id, body, person or URL is meant (issue 21 §6)."""
    for path in command_paths():
        command = command_at(path)
        ctx = click.Context(command)
        for param in command.params:
            if isinstance(param, click.Option) and not param.is_flag and param.name not in FREE_TEXT:
                assert param.make_metavar(ctx) != "TEXT", (path, param.opts)
    show = cli.commands["show"]
    assert {p.name: p.make_metavar(click.Context(show)) for p in show.params if isinstance(p, click.Option)
            and not p.is_flag}["rev"] == "REV"

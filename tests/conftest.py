"""Shared fixtures: real git workspaces in tmp_path and a CLI runner."""

from __future__ import annotations

import asyncio
import gc
import hashlib
import http.server
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from regdraft.cli import cli
from regdraft.render.signed import CACHE_FOLDER
from regdraft.workspace.store import Workspace, init_workspace
from tests.slow import SLOW_MODULES, SLOW_TESTS  # the slow part of the suite

# In CI the Hypothesis properties run a fixed set of examples (the same every run), so a
# submission's result does not depend on the draw; locally they keep exploring new examples. No per-example
# deadline, in CI or locally: an example's time says nothing of the behaviour, and a loaded runner took 250 ms for one
# (test_address_forms in CI; test_render_paragraphs locally, "unreliable test timings" past the default 200 ms).
settings.register_profile("default-no-deadline", deadline=None)
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "default-no-deadline")

# The cyclic collector's youngest generation collected every YOUNG new objects in the test processes, not Python's 700:
# a worker keeps the suite's modules, Hypothesis and the built workspaces alive for hours, and every tenth of a tenth
# of those collections walked all of it again (full collections: 4-5 % of the CPU of the Hypothesis-heavy modules,
# docs/performance.md, "2026-12-07 (r39)"). Cycles are still collected, in larger batches, as in a `regdraft` command
# (`collector.run_once`: 50,000). Kept under those 50,000, so that the tests of the product raising its thresholds
# (test_render_pdf, test_output_registry) still see them raised.
YOUNG = 20_000
gc.set_threshold(YOUNG, *gc.get_threshold()[1:])

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
# For tests that read ../shared/corpus: skipped, like the others that read it, in a clone without it.
NO_CORPUS = "the shared corpus (../shared/corpus) is absent"
needs_corpus = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason=NO_CORPUS)
CORPUS = SHARED / "corpus" / "vi"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHIPPED_REGULATION = REPO_ROOT / "regulations" / "01-QC-TU.md"
SHIPPED_ENGLISH = REPO_ROOT / "regulations" / "01-QC-TU-EN.md"
SHIPPED_AMENDMENT = "qc-sua-doi-2025"
# Debian's chromium, driven by Playwright for the review server and the HTML redline (never a browser download).
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NO_CHROMIUM = "Debian's chromium is not installed (REGDRAFT_TEST_TOOLS=1 scripts/setup.sh installs it)"
# The language a test's browser asks pages in (`Accept-Language`): the committees', which the review server's own words
# follow unless a member chose (`web.languages`); Playwright's default, `en-US`, gave its English pages.
BROWSER_LOCALE = "vi-VN"
# A module driving the browser: skipped without Debian's chromium, and slow (the fast subset leaves it out).
BROWSER = [pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM), pytest.mark.slow]


def in_corpus(path: Path) -> Path:
    """`path`, a file or folder of ../shared/corpus; the test is skipped (as `needs_corpus` does) where it is absent."""
    if not path.exists():
        pytest.skip(NO_CORPUS)
    return path


def unwrapped(html: str) -> str:
    """A page's HTML without the spans that keep document numbers and dates, and the dash of ` - ` or ` – ` with the
    word before it, on one line (`render.html.kept_whole`)."""
    return re.sub(r'<span class="nobr">([^<]*)</span>', r"\1", html)


def unsaid(html: str) -> str:
    """A redline's screen page without the words saying what each mark means (`render.said_marks`): its markup as the
    renderer made it, `<del class="del">.</del>`."""
    return re.sub(r'<span class="said">[^<]*</span>', "", html)


def word_text(text: str) -> str:
    """A Word paragraph's text as regdraft's import reads it: the no-break space the DOCX writers put before the
    hyphen of ` - ` (`render.dashes`) a plain space (`core.text.plain_spaces`)."""
    from regdraft.core.text import plain_spaces

    return plain_spaces(text)


def _isolate(mp: pytest.MonkeyPatch, home: Path) -> None:
    """Git as a new user on this machine finds it, `home` their home: none of the developer's settings or names."""
    mp.setenv("HOME", str(home))
    mp.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL",
                "REGDRAFT_WORKSPACE", "XDG_CACHE_HOME"):
        mp.delenv(var, raising=False)


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read the developer's git config, so the fallback identity is exercised."""
    _isolate(monkeypatch, tmp_path_factory.mktemp("home"))


def _example(root: Path) -> None:
    init_workspace(root, example_from=REPO_ROOT)


def _mini(root: Path) -> None:
    init_workspace(root).commit({"regulations/MINI-QC.md": (FIXTURES / "mini.md").read_bytes()},
                                "Add mini regulation")


def _consulting(root: Path) -> None:
    from regdraft.workspace import rounds

    _mini(root)
    ws = Workspace(root)
    ws.commit({"amendments/mini-sua/amendment.md": (FIXTURES / "comments" / "amendment-1.md").read_bytes()}, "Draft 1")
    rounds.open_round(ws, "mini-sua", "Lấy ý kiến", "2025-07-15", ["Ban A", "Ban B"])


def _circulating(root: Path) -> None:
    _example(root)
    result = run_cli(root, "round", "open", SHIPPED_AMENDMENT, "--title", "Lấy ý kiến các ban", "--due", "2099-03-15",
                     "--consult", "Ban Tổ chức Tỉnh ủy")
    assert result.exit_code == 0, result.output


# The workspaces tests copy (`workspace_copy`), by the name of the fixture that hands them out, and how each is built
# (tests/web/conftest.py adds its own).
BUILDS: dict[str, Callable[[Path], object]] = {
    "tmp_workspace": _example, "empty_workspace": init_workspace, "mini_workspace": _mini,
    "consulting_workspace": _consulting, "circulating": _circulating}
_BUILT: dict[str, Path] = {}


def built_once(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], object]) -> Path:
    """The workspace `build` made at `built-NAME…/ws` in the session's temporary folder the first time this process
    asked for `name`, as a new user would have made it (`_isolate`); beside it, what else `build` wrote there (a review
    copy). Never handed to a test: each gets a copy (`copied`)."""
    built = _BUILT.get(name)
    if built is None:
        with pytest.MonkeyPatch.context() as mp:
            _isolate(mp, factory.mktemp("home"))
            built = factory.mktemp(f"built-{name}") / "ws"
            build(built)
        _BUILT[name] = built
    return built


@pytest.fixture(scope="session", autouse=True)
def _built_workspaces(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each workspace of `BUILDS` the session's tests ask for, built before its first test: outside every test and
    module, so that none is made under a clock, setting or function a test or module has replaced."""
    for name in sorted({n for item in request.session.items for n in getattr(item, "fixturenames", ())} & set(BUILDS)):
        built_once(tmp_path_factory, name, BUILDS[name])


def copied_folder(built: Path, where: Path) -> Path:
    """`where`, a copy of the folder `built` (`built_once`): its files written now, without the signed cache
    (`.git/regdraft-cache`), as a copy's is worthless: its entries are signed with the key file's inode, which a copy
    does not keep (a zipped workspace's cache reads as no cache)."""
    return Path(shutil.copytree(built, where, symlinks=True, copy_function=shutil.copy,
                                ignore=shutil.ignore_patterns(CACHE_FOLDER)))


def copied(built: Path, where: Path) -> Workspace:
    """A workspace of the test's own at `where`, a copy of `built` (`built_once`, `copied_folder`): the same files,
    history and settings, as the test would have found them had it built it. `git init`, the first commits and a round
    opened cost a test 30-70 ms of CPU, a copy 5 ms; over 2,000 tests ask (docs/performance.md, r37 suite37)."""
    workspace = Workspace(copied_folder(built, where))
    # Its settings read (and kept in the new cache) and its repository opened under the git policy, as the object
    # `init_workspace` returns has them: a test's first write then starts as it did.
    _ = workspace.config, workspace.repo
    return workspace


def workspace_copy(factory: pytest.TempPathFactory, name: str, where: Path) -> Workspace:
    """A copy at `where` of workspace `name` of `BUILDS`, built before the session's first test
    (`_built_workspaces`)."""
    return copied(built_once(factory, name, BUILDS[name]), where)


@pytest.fixture
def tmp_workspace(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """A real git workspace seeded with the shipped regulation and amendment."""
    return workspace_copy(tmp_path_factory, "tmp_workspace", tmp_path / "ws")


@pytest.fixture
def empty_workspace(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """A real git workspace with the layout and no documents."""
    return workspace_copy(tmp_path_factory, "empty_workspace", tmp_path / "empty")


@pytest.fixture
def mini_workspace(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """A real git workspace holding the small fixture regulation tests/fixtures/mini.md."""
    return workspace_copy(tmp_path_factory, "mini_workspace", tmp_path / "mini")


@pytest.fixture
def consulting_workspace(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """The mini workspace with draft 1 of amendment `mini-sua` and round 1 open (Ban A, Ban B). In the mini
    workspace's folder: a test asks for one or the other."""
    return workspace_copy(tmp_path_factory, "consulting_workspace", tmp_path / "mini")


@pytest.fixture
def circulating(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """The shipped workspace with round 1 open on the shipped amendment, consulting the Ban Tổ chức Tỉnh ủy. In the
    shipped workspace's folder (`tmp_workspace`): a test asks for one or the other."""
    return workspace_copy(tmp_path_factory, "circulating", tmp_path / "ws")


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[Any]:
    """Headless chromium (Debian's own build, started by Playwright), started once for a worker's tests, when the first
    asks for a page: a launch is about a second of CPU, which eighteen modules each paid (docs/performance.md, "r40").
    Each test has a browser context of its own and every context it opened is closed after it (`browser_page`), so no
    cookie, storage or cache passes from one test to the next."""
    if CHROMIUM is None:
        pytest.skip(NO_CHROMIUM)
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium_browser: Any) -> Iterator[Any]:
    """A page of headless chromium in a new browser context, 1400 x 900 CSS pixels. After the test, every context of
    the browser is closed: this one and any the test opened itself (a phone's, a tablet's)."""
    page = chromium_browser.new_page(viewport={"width": 1400, "height": 900}, locale=BROWSER_LOCALE)
    yield page
    for context in chromium_browser.contexts:
        context.close()


@pytest.fixture(autouse=True)
def _no_browser_loop(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test that drives no browser runs with no event loop marked running in this thread, as in a worker that never
    started one. Playwright's sync API leaves its loop marked running between its calls (its dispatcher waits inside
    `run_forever`), and the worker's browser (`chromium_browser`) lives on after the browser tests, so `asyncio.run` in
    a later test (test_web_kept_bounds, test_web_builds) would fail by the order the tests ran in. The mark is put back
    after the test, before the browser is closed at the session's end."""
    loop = asyncio.events._get_running_loop()
    if loop is None or "chromium_browser" in request.fixturenames:
        yield
        return
    asyncio.events._set_running_loop(None)
    try:
        yield
    finally:
        asyncio.events._set_running_loop(loop)


Invoke = Callable[..., Result]


def luat_57_2024(root: Path, body: str) -> Path:
    """A workspace at `root` holding Luật Đấu thầu 22/2023 (from ../shared) with Luật 57/2024 pending as
    `luat-57-2024` and round 1 open, consulting `body`."""
    folder = SHARED / "corpus" / "amendments" / "luat-dau-thau-2023"
    init_workspace(root)
    runner = CliRunner()
    for command, rest in ((["import"], [str(folder / "base-22-2023-QH15.txt")]),
                          (["amend", "import"], [str(folder / "amending-57-2024-QH15.txt"), "--slug", "luat-57-2024"]),
                          (["amend", "status"], ["luat-57-2024", "--draft", "1"]),
                          (["round", "open"], ["luat-57-2024", "--title", "Lấy ý kiến", "--due", "2099-07-15",
                                               "--consult", body])):
        result = runner.invoke(cli, [*command, "-C", str(root), *rest])
        assert result.exit_code == 0, result.output
    return root


THANH_NIEN_SLUG, THANH_NIEN_BODY = "tn-sua", "Bộ Nội vụ"


@pytest.fixture
def thanh_nien_ws(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """A copy of `thanh_nien_round`'s workspace (draft `tn-sua`, round 1 consulting Bộ Nội vụ), the test's own: built
    once a worker (`built_once`; four modules ask for it), skipped where the corpus is absent."""
    in_corpus(CORPUS)
    return copied(built_once(tmp_path_factory, "thanh-nien", lambda root: thanh_nien_round(
        root, THANH_NIEN_SLUG, THANH_NIEN_BODY)), tmp_path / "ws")


def thanh_nien_round(root: Path, slug: str, body: str) -> Path:
    """A workspace at `root` holding Luật Thanh niên 57/2020/QH14 (../shared/corpus/vi), an amending draft `slug` of
    it (draft 1: khoản 1 Điều 6 amended) and round 1 open, consulting `body`."""
    init_workspace(root)
    runner = CliRunner()

    def run(*args: str) -> None:
        result = runner.invoke(cli, [*args[:2], "-C", str(root), *args[2:]])
        assert result.exit_code == 0, result.output

    run("import", str(CORPUS / "luat-thanh-nien.txt"))
    run("amend", "new", slug, "-r", "57/2020/QH14")
    path = root / "amendments" / slug / "amendment.md"
    heading = "## Điều 1. Sửa đổi, bổ sung một số điều của Luật Thanh niên số 57/2020/QH14\n"
    instruction = ("1\\. Sửa đổi, bổ sung khoản 1 Điều 6 như sau:\n\n“1. Nhà nước bảo đảm nguồn lực để xây dựng và tổ "
                   "chức thực hiện chính sách đối với thanh niên theo quy định của pháp luật.”\n")
    Workspace(root).commit({f"amendments/{slug}/amendment.md": path.read_text(encoding="utf-8").replace(
        heading, f"{heading}\n{instruction}").encode()}, "Draft 1")
    run("round", "open", slug, "--title", "Lấy ý kiến", "--due", "2099-07-15", "--consult", body)
    return root


# Typed for khoản 1 Điều 19 of Luật Đấu thầu as Luật 57/2024 writes it (a lead-in and points a), b), c)): one line,
# without the clause's label `1.`; accepted, it would remove the points.
ONE_LINE_19 = "Tổ chuyên gia có ít nhất 03 thành viên."


def luat_57_2024_once(factory: pytest.TempPathFactory, body: str) -> Path:
    """`luat_57_2024` in a folder of its own, for a module's fixture; skipped where the corpus is absent. A copy of
    the workspace built once a worker for `body` (`built_once`): eight modules ask, with three bodies, and a build is
    0.6-1.5 s of CPU, a copy 0.01 s (docs/performance.md, r44 suite44)."""
    in_corpus(SHARED / "corpus")
    name = "luat57-" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]
    built = built_once(factory, name, lambda root: luat_57_2024(root, body))
    return copied_folder(built, factory.mktemp("luat57") / "ws")


def luat_57_2024_copy(built: Path, tmp_path: Path) -> Workspace:
    """A copy of `luat_57_2024_once`'s workspace of the test's own, to change freely."""
    import shutil

    return Workspace(Path(shutil.copytree(built, tmp_path / "ws", symlinks=True)))


def standing_for_a_draft(root: Path | Workspace, slug: str) -> None:
    """An imported real amending document (issued: numbered and signed) made a draft modelled on it, its signing date
    taken out in one commit: a draft's instructions are revised where its preview is edited, an issued one's stay
    word for word (tests/test_cli_amend_from_edits_issued.py)."""
    ws = root if isinstance(root, Workspace) else Workspace(root)
    path = f"amendments/{slug}/amendment.md"
    text = (ws.root / path).read_text(encoding="utf-8")
    ws.commit({path: re.sub(r"\nsigned: [^\n]*", "", text, count=1).encode("utf-8")}, f"A draft modelled on {slug}")


def two_clones(origin: Workspace, tmp_path: Path) -> tuple[Workspace, Workspace]:
    """Lan's and Minh's clones of `origin`, sharing a bare remote in `tmp_path` (each with its git name)."""
    import subprocess

    def git(cwd: Path, *args: str) -> None:
        subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)

    remote = tmp_path / "office.git"
    git(tmp_path, "clone", "-q", "--bare", str(origin.root), str(remote))
    made = []
    for name in ("lan", "minh"):
        git(tmp_path, "clone", "-q", str(remote), name)
        git(tmp_path / name, "config", "user.name", name.capitalize())
        git(tmp_path / name, "config", "user.email", f"{name}@tinhuy.example")
        made.append(Workspace(tmp_path / name))
    return made[0], made[1]


@pytest.fixture
def revisions_read(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The revisions `Workspace.read` is asked for from now on (None: the working tree), in order."""
    read = Workspace.read
    asked: list[str | None] = []

    def reading(ws: Workspace, relative: str, rev: str | None = None) -> bytes:
        asked.append(rev)
        return read(ws, relative, rev)

    monkeypatch.setattr(Workspace, "read", reading)
    return asked


def run_cli(ws: Workspace | Path | None, *args: str, input: str | None = None, catch: bool = True) -> Result:
    """The CLI run in-process: run_cli(workspace, "show", "01-QC/TU", ...), as the `invoke` fixture runs it."""
    prefix = ["-C", str(ws.root if isinstance(ws, Workspace) else ws)] if ws is not None else []
    # `-C` belongs to each subcommand; put it after the command path.
    argv = list(args)
    split = _command_depth(argv)
    argv = argv[:split] + prefix + argv[split:]
    return CliRunner().invoke(cli, argv, input=input, catch_exceptions=catch)


@pytest.fixture
def invoke() -> Invoke:
    """Run the CLI in-process: invoke(workspace, "show", "01-QC/TU", ...)."""
    return run_cli


def _command_depth(argv: list[str]) -> int:
    """How many leading words of argv name the (sub)command."""
    import click

    command: click.Command = cli
    depth = 0

    while depth < len(argv) and isinstance(command, click.Group):
        sub = command.get_command(click.Context(command), argv[depth])
        if sub is None:
            break
        command = sub
        depth += 1
    return depth


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden`: rewrite the golden files under tests/golden instead of comparing."""
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite golden files (tests/golden) from the current output.")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the slow tests (see SLOW_MODULES and SLOW_TESTS) `slow`."""
    for item in items:
        if item.path.name in SLOW_MODULES or getattr(item, "originalname", item.name) in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def recording_server() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 (random port) that records every request it receives: the proof that an output
    fetched nothing (a PDF, a page opened in Chromium)."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def module_workspace(factory: pytest.TempPathFactory, name: str) -> Iterator[Workspace]:
    """A new workspace for the tests of one module (a `scope="module"` fixture), with git's user and system
    settings out of the way for as long as it is used, as the per-test workspaces have them."""
    with module_git(factory):
        yield init_workspace(factory.mktemp(name) / "ws")


@contextmanager
def module_git(factory: pytest.TempPathFactory) -> Iterator[None]:
    """Git's user and system settings out of the way for as long as a module's fixture is used."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(factory.mktemp("home")))
        mp.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
        mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
        yield

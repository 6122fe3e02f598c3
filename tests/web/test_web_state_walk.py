"""The review server's state costs what changed, not the number of files the pages read, and is bounded (r31 sweep AS,
defect 5): each page request walked every folder of regulations, amendments, templates and profiles (`os.walk`) and
stat'ed each file git does not watch, two or three times, kept page or not (427 ms a walk with 30,000 ignored files
under templates/cache, nothing bounding it); and one ignored or untracked file under regulations switched the
redlines kept by commit off (`Server.cached`).

The counts are of calls (`os.scandir`, `os.lstat`), never of time."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any

import pytest

from regdraft.core.layout import comments_folder
from regdraft.web import folders, pages
from regdraft.web import server as web_server
from regdraft.web.server import Server
from regdraft.workspace import comment_cache
from regdraft.workspace.rounds import add_comment
from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT
from tests.web.conftest import BODIES, SLUG, client, count_report_builds

CACHE = "templates/cache"  # an ignored folder of many files (a tool's cache, say)


@pytest.fixture(autouse=True)
def _trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every status taken long after it changed: trusted, so pages are kept (as a minute after an edit)."""
    later = time.time_ns() + 10 * comment_cache.RACY_NS
    monkeypatch.setattr(comment_cache, "now", lambda: later)


def _ignored_tree(ws: Workspace, folders_: int = 6, files: int = 20) -> list[str]:
    """`templates/cache/d0` ... each with `files` files, ignored by git: the folders made."""
    (ws.root / ".git" / "info").mkdir(exist_ok=True)
    (ws.root / ".git" / "info" / "exclude").write_text(f"{CACHE}/\n", encoding="utf-8")
    made = []
    for i in range(folders_):
        folder = ws.root / CACHE / f"d{i}"
        folder.mkdir(parents=True)
        for j in range(files):
            (folder / f"f{j}.txt").write_bytes(b"x")
        made.append(f"{CACHE}/d{i}")
    return made


class _Calls:
    """The `os.scandir` and `os.lstat` calls made while it counts on what the pages read (`server.READ`: not the
    git folder, which `git_policy` looks over for links), by path relative to the workspace."""

    def __init__(self, root: Path) -> None:
        self.root = str(root)
        self.listed: list[str] = []
        self.stated: list[str] = []

    def relative(self, path: Any) -> str | None:
        text = os.fsdecode(path) if isinstance(path, (str, bytes, os.PathLike)) else ""
        relative = os.path.relpath(text, self.root) if text.startswith(self.root) else ""
        return relative if relative.split("/")[0] in web_server.READ else None

    @staticmethod
    def counting(monkeypatch: pytest.MonkeyPatch, root: Path) -> _Calls:
        calls = _Calls(root)
        scandir, lstat = os.scandir, os.lstat

        def listed(path: Any = ".") -> Any:
            where = calls.relative(path)
            if where is not None:
                calls.listed.append(where)
            return scandir(path)

        def stated(path: Any, *args: Any, **kwargs: Any) -> Any:
            where = calls.relative(path)
            if where is not None:
                calls.stated.append(where)
            return lstat(path, *args, **kwargs)

        monkeypatch.setattr(os, "scandir", listed)  # os.walk lists with it too
        monkeypatch.setattr(os, "lstat", stated)
        return calls


def test_a_kept_page_asked_again_lists_no_folder(review_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _ignored_tree(review_ws)
    c = client(review_ws)
    address = f"/a/{SLUG}/report?round=1"
    assert c.get(address).status_code == 200  # built and kept
    calls = _Calls.counting(monkeypatch, review_ws.root)
    assert c.get(address).status_code == 200  # the kept page
    assert calls.listed == []  # every folder of regulations, amendments, templates listed again (os.walk)
    for folder in made:  # each folder stat'ed once: one look at the workspace for the request
        assert calls.stated.count(folder) == 1


def test_a_look_lists_only_the_folder_that_changed(review_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    _ignored_tree(review_ws)
    server = Server(review_ws.root, links=False)
    first = server.state()
    assert first is not None
    calls = _Calls.counting(monkeypatch, review_ws.root)
    assert server.state() == first
    assert calls.listed == []
    (review_ws.root / CACHE / "d3" / "new.txt").write_bytes(b"y")  # an entry added: its folder's status changed
    calls.listed.clear()
    added = server.state()
    assert calls.listed == [f"{CACHE}/d3"]
    assert added not in (None, first)
    (review_ws.root / CACHE / "d3" / "new.txt").unlink()
    calls.listed.clear()
    assert server.state() == first  # the same files as first, in the same state
    assert calls.listed == [f"{CACHE}/d3"]


def test_files_git_does_not_watch_edited_in_place_change_the_state(review_ws: Workspace) -> None:
    # Same size, the modification time put back: only the change time says so, a folder's status not at all.
    (review_ws.root / ".git" / "info").mkdir(exist_ok=True)
    (review_ws.root / ".git" / "info" / "exclude").write_text("templates/*.j2\n", encoding="utf-8")
    override = review_ws.root / "templates" / "web-report.html.j2"
    shipped = (REPO_ROOT / "regdraft" / "web" / "templates" / "web-report.html.j2").read_text(encoding="utf-8")
    override.write_text(shipped.replace("{% block body_start %}", "{% block body_start %}<p>MARK-AAAA</p>", 1),
                        encoding="utf-8")
    comment = add_comment(review_ws, SLUG, BODIES[1], "d20a", "Lời góp ý AAAA.")
    relative = f"{comments_folder(SLUG)}/{comment.id}.yaml"
    review_ws.repo.git.update_index("--skip-worktree", relative)
    c = client(review_ws)
    report, comments = f"/a/{SLUG}/report?round=1", f"/a/{SLUG}/comments"
    assert "MARK-AAAA" in c.get(report).text and "Lời góp ý AAAA." in c.get(comments).text
    assert "MARK-AAAA" in c.get(report).text  # kept: the folders known
    for path, old, new in ((override, b"MARK-AAAA", b"MARK-BBBB"), (review_ws.root / relative, b"AAAA.", b"BBBB.")):
        info = path.stat()
        path.write_bytes(path.read_bytes().replace(old, new))
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
        assert path.stat().st_size == info.st_size and path.stat().st_mtime_ns == info.st_mtime_ns
    assert review_ws.dirty(["templates", "amendments"]) == []  # git sees nothing
    assert "MARK-BBBB" in c.get(report).text
    assert "Lời góp ý BBBB." in c.get(comments).text


def test_links_are_entries_never_walked_through(review_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    _ignored_tree(review_ws, 1, 1)
    (review_ws.root / "regulations" / "loop").symlink_to(review_ws.root / "regulations", target_is_directory=True)
    (review_ws.root / CACHE / "root").symlink_to("/", target_is_directory=True)
    server = Server(review_ws.root, links=False)
    calls = _Calls.counting(monkeypatch, review_ws.root)
    first = server.state()
    assert first is not None
    assert not [p for p in calls.listed if p.startswith(("regulations/loop", f"{CACHE}/root"))]
    walked = server.folders.walk(review_ws.root, web_server.READ, set)
    assert {"regulations/loop", f"{CACHE}/root"} <= set(walked.unwatched)
    (review_ws.root / CACHE / "root").unlink()
    (review_ws.root / CACHE / "root").symlink_to("/tmp", target_is_directory=True)  # another target: another state
    assert server.state() not in (None, first)


def test_a_folder_listed_as_it_changed_is_listed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An entry added in the same tick as the listing would leave the folder's status as listed: such a listing is
    # not taken for the folder, however its status stays.
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "a.j2").write_bytes(b"a")
    changed = max(folder.stat().st_mtime_ns, folder.stat().st_ctime_ns)
    monkeypatch.setattr(comment_cache, "now", lambda: changed + 1000)
    tree = folders.Folders()
    assert tree.walk(tmp_path, ("templates",), set).listed == 1
    again = tree.walk(tmp_path, ("templates",), set)
    assert again.listed == 1 and again.unwatched == ["templates/a.j2"]
    monkeypatch.setattr(comment_cache, "now", lambda: changed + 10 * comment_cache.RACY_NS)
    assert tree.walk(tmp_path, ("templates",), set).listed == 1  # listed long after its change: trusted from now on
    assert tree.walk(tmp_path, ("templates",), set).listed == 0


@pytest.fixture
def _builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    return count_report_builds(monkeypatch)


def test_beyond_the_entries_listed_no_page_is_kept_and_the_log_says_why_once(
        review_ws: Workspace, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        _builds: list[int]) -> None:
    _ignored_tree(review_ws, 3, 40)
    monkeypatch.setattr(folders, "LISTED", 60)
    walked = folders.Folders().walk(review_ws.root, web_server.READ, set)
    assert walked.over and walked.unwatched == [] and walked.entries <= 60 + 41  # the listing stopped at the bound
    c = client(review_ws)
    address = f"/a/{SLUG}/report?round=1"
    with caplog.at_level(logging.WARNING, logger="regdraft.review"):
        for _ in range(3):
            assert c.get(address).status_code == 200
    assert len(_builds) == 3  # built for each request: not kept
    said = [r.getMessage() for r in caplog.records if "keeps no page" in r.getMessage()]
    assert len(said) == 1 and "60" in said[0] and "templates/cache/d" in said[0]


def test_beyond_the_files_stated_no_page_is_kept_and_the_log_says_why_once(
        review_ws: Workspace, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        _builds: list[int]) -> None:
    _ignored_tree(review_ws, 2, 10)
    monkeypatch.setattr(web_server, "STATED", 15)
    calls = _Calls.counting(monkeypatch, review_ws.root)
    c = client(review_ws)
    address = f"/a/{SLUG}/report?round=1"
    with caplog.at_level(logging.WARNING, logger="regdraft.review"):
        for _ in range(3):
            assert c.get(address).status_code == 200
    assert len(_builds) == 3
    assert not [p for p in calls.stated if p.startswith(f"{CACHE}/d0/f")]  # counted before they are stat'ed
    said = [r.getMessage() for r in caplog.records if "keeps no page" in r.getMessage()]
    assert len(said) == 1 and "20 files" in said[0] and "templates/cache/d0/f" in said[0]


def test_a_file_git_does_not_watch_under_regulations_keys_the_kept_redline(review_ws: Workspace,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    notes = review_ws.root / "regulations" / "ghi-chu.txt"
    notes.write_text("ghi chú của chuyên viên\n", encoding="utf-8")  # untracked: git's status names it
    built: list[int] = []
    original = pages.redline_page

    def counted(*args: Any, **kwargs: Any) -> Any:
        built.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(pages, "redline_page", counted)
    c = client(review_ws)
    server: Server = c.app.state.server  # type: ignore[attr-defined]
    walks: list[int] = []
    walk = server.folders.walk

    def walked(*args: Any) -> Any:
        walks.append(1)
        return walk(*args)

    monkeypatch.setattr(server.folders, "walk", walked)
    address = f"/a/{SLUG}/redline"
    assert c.get(address).status_code == 200
    (review_ws.root / "templates" / "ghi-chu.txt").write_text("x", encoding="utf-8")  # another state, same files read
    walks.clear()
    assert c.get(address).status_code == 200
    assert len(built) == 1  # the redline built again: any such file switched the keeping off
    assert len(walks) == 2  # the page's look, taken for the redline kept too; and after the build, to keep it
    notes.write_text("ghi chú đã sửa\n", encoding="utf-8")  # the file itself changed: built from it again
    assert c.get(address).status_code == 200
    assert len(built) == 2

"""The `Store` contract, held by the git store and the in-memory store alike, and the workspace
layer (amendments, adoption, legal time, checks, redline) running on a workspace kept in memory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from regdraft.core.errors import RegdraftError, StoreError
from regdraft.core.layout import amendment_path
from regdraft.core.markdown import parse
from regdraft.workspace import adoption, amendments, lifecycle
from regdraft.workspace.checks import check_workspace
from regdraft.workspace.memory import MemoryStore, MemoryWorkspace, memory_workspace
from regdraft.workspace.redline import build
from regdraft.workspace.store import Revision, Workspace, init_workspace
from regdraft.workspace.timeline import regulation_as_of
from tests.conftest import REPO_ROOT, SHIPPED_AMENDMENT

from .test_cli_amend import amendment_text
from .test_timeline import FIRST, FIXTURE, REG, SECOND

Edit = Callable[[Workspace, str, bytes], None]


def _git_workspace(tmp_path: Path) -> tuple[Workspace, Edit]:
    def edit(ws: Workspace, relative: str, data: bytes) -> None:
        ws.path(relative).parent.mkdir(parents=True, exist_ok=True)
        ws.path(relative).write_bytes(data)

    return init_workspace(tmp_path / "git"), edit


def _memory_workspace(tmp_path: Path) -> tuple[Workspace, Edit]:
    def edit(ws: Workspace, relative: str, data: bytes) -> None:
        assert isinstance(ws, MemoryWorkspace)  # this edit is made on the workspace kept in memory only
        ws.store.working[relative] = data

    return memory_workspace({"regdraft.yaml": b"profile: party-36\n"}), edit


@pytest.fixture(params=[_git_workspace, _memory_workspace], ids=["git", "memory"])
def store_under_test(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Workspace, Edit]:
    make: Callable[[Path], tuple[Workspace, Edit]] = request.param
    return make(tmp_path)


def test_a_commit_is_read_back_now_and_at_its_revision(store_under_test: tuple[Workspace, Edit]) -> None:
    ws, _ = store_under_test
    first = ws.commit({"regulations/A.md": b"a1\n"}, "Add A")
    second = ws.commit({"regulations/A.md": b"a2\n", "regulations/B.md": b"b\n"}, "Change A, add B")
    assert ws.read("regulations/A.md") == b"a2\n"
    assert ws.read("regulations/A.md", "HEAD~1") == b"a1\n"
    assert ws.read("regulations/A.md", first) == b"a1\n"
    head = ws.resolve("HEAD")
    assert isinstance(head, Revision) and (head.sha, head.subject) == (second, "Change A, add B")
    assert len(head.date) == 10 and head.author
    assert [r.sha for r in ws.log("regulations/A.md")] == [second, first]
    assert [r.subject for r in ws.log("regulations/B.md")] == ["Change A, add B"]
    assert ws.log("regulations/A.md", rev="HEAD~1", limit=1)[0].sha == first
    added = ws.added("regulations/A.md")
    assert added is not None and added.sha == first and ws.added("regulations/C.md") is None
    assert ws.resolve("HEAD").short == second[:7]
    assert ws.regulation_files() == ["regulations/A.md", "regulations/B.md"]
    assert ws.locate_regulation("B") == "regulations/B.md"


def test_deleting_listing_and_tags(store_under_test: tuple[Workspace, Edit]) -> None:
    ws, _ = store_under_test
    ws.commit({"amendments/x/amendment.md": b"x\n", "amendments/x/rounds/1.yaml": b"r\n"}, "Add x")
    assert ws.files("amendments", "*/amendment.md") == ["amendments/x/amendment.md"]
    assert ws.files("amendments/x/rounds", "*.yaml") == ["amendments/x/rounds/1.yaml"]
    assert ws.files("nowhere") == []
    sha = ws.commit({"amendments/x/rounds/1.yaml": None}, "Remove the round", tag="v1")
    assert not ws.exists("amendments/x/rounds/1.yaml")
    assert ws.resolve("v1").sha == sha
    with pytest.raises(StoreError, match="tag 'v1' already exists"):
        ws.commit({"regulations/B.md": b"b\n"}, "Add B", tag="v1")
    assert not ws.exists("regulations/B.md")


def test_refusals_leave_everything_as_it_was(store_under_test: tuple[Workspace, Edit]) -> None:
    ws, edit = store_under_test
    ws.commit({"regulations/A.md": b"a\n"}, "Add A")
    edit(ws, "regulations/A.md", b"mine\n")
    assert ws.dirty(["regulations/A.md", "regulations/none.md"]) == ["regulations/A.md"]
    with pytest.raises(StoreError, match="uncommitted changes to regulations/A.md"):
        ws.commit({"regulations/A.md": b"theirs\n", "regulations/C.md": b"c\n"}, "Overwrite")
    assert ws.read("regulations/A.md") == b"mine\n" and not ws.exists("regulations/C.md")
    before = ws.resolve("HEAD")
    with pytest.raises(StoreError, match="the workspace is as it was"):
        ws.commit({"regulations/D.md": b"d\n"}, "")  # an empty message is refused
    assert ws.resolve("HEAD") == before and not ws.exists("regulations/D.md")
    with pytest.raises(StoreError, match="does not exist in the workspace"):
        ws.read("regulations/none.md")
    with pytest.raises(StoreError, match="does not exist at revision HEAD"):
        ws.read("regulations/none.md", "HEAD")
    with pytest.raises(StoreError, match="There is no revision 'nope'"):
        ws.read("regulations/A.md", "nope")
    with pytest.raises(RegdraftError):  # a digit `int` refuses: the memory store raised ValueError
        ws.read("regulations/A.md", "HEAD~²")
    with pytest.raises(StoreError, match="outside the workspace"):
        ws.commit({"../escape.md": b"x"}, "Escape")


def test_the_default_store_is_git(tmp_path: Path) -> None:
    init_workspace(tmp_path / "ws")
    found = Workspace.find(tmp_path / "ws")
    assert not isinstance(found, MemoryWorkspace) and found.repo.head.commit.hexsha == found.resolve("HEAD").sha
    with pytest.raises(StoreError, match="kept in memory, not in git"):
        memory_workspace({}).repo  # noqa: B018 - the property raises


def _shipped() -> dict[str, bytes]:
    files = {"regdraft.yaml": b"profile: party-36\n"}
    for folder in ("regulations", "amendments"):
        for path in sorted((REPO_ROOT / folder).rglob("*")):
            if path.is_file():
                files[path.relative_to(REPO_ROOT).as_posix()] = path.read_bytes()
    return files


def test_adoption_and_legal_time_in_memory() -> None:
    ws = memory_workspace({
        "regdraft.yaml": b"profile: party-36\n",
        REG: FIXTURE.read_bytes(),
        "amendments/first/amendment.md": amendment_text(FIRST, number="10-QC/TU", status="submitted",
                                                        takes_effect="kể từ ngày 01/02/2022").encode(),
        "amendments/second/amendment.md": amendment_text(SECOND, number="11-QC/TU", status="submitted",
                                                         takes_effect="kể từ ngày 01/6/2023").encode(),
    })
    adoption.adopt(ws, "first", "2022-01-10", "2022-02-01")
    adoption.adopt(ws, "second", "2023-05-10", "2023-06-01")
    assert ws.log(REG)[0].subject.startswith("Adopt amendment 11-QC/TU")
    assert ws.exists("regulations/history/02-QC-TU/base.md")
    assert isinstance(ws.store, MemoryStore) and set(ws.store.tags) == {"adopted/10-QC-TU", "adopted/11-QC-TU"}
    clause = regulation_as_of(ws, "02-QC/TU", "2022-03-01").find("d3.k1").unit.text[0]
    assert clause == "Ban Chấp hành họp thường lệ 2 tháng một lần."
    assert regulation_as_of(ws, "02-QC/TU", "2023-06-01") == parse(ws.read(REG))
    assert [a.status for a in amendments.list_amendments(ws)] == ["adopted", "adopted"]


def test_checks_status_and_redline_in_memory_match_git(tmp_workspace: Workspace) -> None:
    ws = memory_workspace(_shipped())
    assert check_workspace(ws) == check_workspace(tmp_workspace)
    in_memory, in_git = build(ws, "01-QC/TU"), build(tmp_workspace, "01-QC/TU")
    assert in_memory.comparison.changes == in_git.comparison.changes
    assert in_memory.new_version.commit == ws.log(amendment_path(SHIPPED_AMENDMENT))[0].short
    updated = lifecycle.set_status(ws, SHIPPED_AMENDMENT, "submitted")
    assert updated.status == "submitted" and amendments.load(ws, SHIPPED_AMENDMENT).status == "submitted"
    assert ws.dirty([amendment_path(SHIPPED_AMENDMENT)]) == []


def test_unreadable_amendment_is_named_not_skipped() -> None:
    files = _shipped()
    files["amendments/zz-broken/amendment.md"] = b"---\nnot: [closed\n---\n"
    ws = memory_workspace(files)
    with pytest.raises(RegdraftError, match=r"amendments/zz-broken/amendment.md cannot be read"):
        build(ws, "01-QC/TU")
    assert build(ws, "01-QC/TU", amendment=SHIPPED_AMENDMENT).comparison.changes


def test_a_commit_of_what_is_already_recorded_makes_none_and_says_so(store_under_test: tuple[Workspace, Edit]) -> None:
    # The same answer saved twice on the comments page: git found nothing to commit, and the page showed its report,
    # which opens with git's whole command line (`cmdline: git -c core.fsmonitor=false … commit -q …`).
    ws, edit = store_under_test
    ws.commit({"regulations/A.md": b"a\n", "regulations/B.md": b"b\n"}, "Add A and B")
    before = ws.resolve("HEAD")
    with pytest.raises(StoreError) as said:
        ws.commit({"regulations/A.md": b"a\n"}, "Add A again")
    assert str(said.value) == "Nothing to record: regulations/A.md holds exactly this already, so no commit was made."
    with pytest.raises(StoreError, match="^Nothing to record: regulations/A.md and 2 other files hold exactly"):
        ws.commit({"regulations/A.md": b"a\n", "regulations/B.md": b"b\n", "regulations/C.md": None}, "Again")
    assert ws.resolve("HEAD") == before
    # What is already in the working files, and not yet recorded, is recorded when the caller allows it.
    edit(ws, "regulations/A.md", b"mine\n")
    assert ws.commit({"regulations/A.md": b"mine\n"}, "Record mine", allow_dirty=True) != before.sha
    assert ws.read("regulations/A.md", "HEAD") == b"mine\n"

"""Twenty people sending comments at the same moment: twenty comments, twenty commits, nothing lost."""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx2 as httpx
import pytest

from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, comment_form, head

PEOPLE = 20


def test_twenty_simultaneous_submissions_are_all_recorded(review_ws: Workspace, live_server: str) -> None:
    before = head(review_ws)
    start = threading.Barrier(PEOPLE)

    def submit(n: int) -> tuple[int, str]:
        # A guard only: the last of the twenty waits for the nineteen commits before it (a minute on a busy machine).
        with httpx.Client(base_url=live_server, timeout=600, follow_redirects=True) as browser:
            page = browser.get(f"/a/{SLUG}/redline")
            found = re.search(r'name="csrf" value="([^"]+)"', page.text)
            assert found, page.text[:500]
            form = comment_form(found.group(1), body=BODIES[n % 3], name=f"Người góp ý {n}",
                                text=f"Góp ý số {n}.", on=("d5.k2", "d20a", "general")[n % 3])
            start.wait()
            sent = browser.post(f"/a/{SLUG}/comments", data=form)
            return sent.status_code, sent.text

    with ThreadPoolExecutor(PEOPLE) as pool:
        results = list(pool.map(submit, range(PEOPLE)))
    for status, text in results:
        assert status == 200, text[:2000]   # the redirect to the page was followed
        assert "Đã lưu góp ý" in text and "index.lock" not in text and "git refused" not in text
    comments = load_comments(review_ws, SLUG)
    assert sorted(c.text for c in comments) == sorted(f"Góp ý số {n}." for n in range(PEOPLE))
    commits = review_ws.repo.git.rev_list(f"{before}..HEAD").split()
    assert len(commits) == PEOPLE
    authors = set(review_ws.repo.git.log(f"{before}..HEAD", "--format=%an").splitlines())
    assert authors == {f"Người góp ý {n}" for n in range(PEOPLE)}
    assert review_ws.dirty(["amendments", "regulations"]) == []


WRITES = 6


def test_the_servers_own_writes_queued_together_are_never_refused_as_busy(review_ws: Workspace,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Each write waited `BUSY_WAIT` seconds for the workspace lock, counting the time the server's other writes took:
    on a busy machine (a commit of half a second or more) the last of twenty comments sent at once were refused "the
    office is syncing" with no sync running. Here each write takes 0.3 s and the wait is 0.5 s: six writes all wait
    for each other, none is refused, and each is its own commit."""
    import regdraft.web.server as web_server

    monkeypatch.setattr(web_server, "BUSY_WAIT", 0.5)
    server = web_server.Server(review_ws.root, links=False)
    before = head(review_ws)
    start = threading.Barrier(WRITES)

    def write(n: int) -> str:
        def action(ws: Workspace) -> str:
            time.sleep(0.3)  # a commit on a busy machine
            return ws.commit({f"notes/{n}.txt": f"{n}\n".encode()}, f"Note {n}")

        start.wait()
        return server.write(action)

    with ThreadPoolExecutor(WRITES) as pool:
        made = list(pool.map(write, range(WRITES)))
    assert len(set(made)) == WRITES
    assert len(review_ws.repo.git.rev_list(f"{before}..HEAD").split()) == WRITES


def test_the_servers_queued_writes_are_all_refused_while_another_process_writes(
        review_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """The wait for another writer (a sync) stays bounded for every write queued behind the first: each is refused
    (`Busy`, its form shown again to send), nothing is written."""
    import regdraft.web.server as web_server
    from regdraft.web.kept import Busy

    monkeypatch.setattr(web_server, "BUSY_WAIT", 0.3)
    server = web_server.Server(review_ws.root, links=False)
    before = head(review_ws)

    def write(n: int) -> str:
        try:
            return server.write(lambda ws: ws.commit({f"notes/{n}.txt": b"x\n"}, f"Note {n}"))
        except Busy:
            return "busy"

    with Workspace(review_ws.root).writing("sync"), ThreadPoolExecutor(WRITES) as pool:
        said = list(pool.map(write, range(WRITES)))
    assert said == ["busy"] * WRITES
    assert head(review_ws) == before

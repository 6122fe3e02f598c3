"""Twenty people sending comments at the same moment: twenty comments, twenty commits, nothing lost."""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx2 as httpx

from regdraft.workspace.rounds import load_comments
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, comment_form, head

PEOPLE = 20


def test_twenty_simultaneous_submissions_are_all_recorded(review_ws: Workspace, live_server: str) -> None:
    before = head(review_ws)
    start = threading.Barrier(PEOPLE)

    def submit(n: int) -> tuple[int, str]:
        with httpx.Client(base_url=live_server, timeout=120, follow_redirects=True) as browser:
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

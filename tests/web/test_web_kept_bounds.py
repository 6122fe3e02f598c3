"""What the review server keeps of its pages is bounded, whatever the addresses asked (r30 sweep AO).

D1: a kept page was kept under its raw query string (any unread parameter made a new page) and a copy of the
workspace's state (a tuple per uncommitted file: 1.26 MB a key with 3,000 untracked files), and only the pages were
counted against the 64 MB: one reviewer's link took the server to gigabytes. The redlines `Server.cached` keeps were
bounded by number only.
"""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import fields, is_dataclass

import pytest

from regdraft.web import server as web_server
from regdraft.web.app import create_app
from regdraft.web.builds import Gate
from regdraft.workspace import comment_cache
from regdraft.workspace.store import Workspace
from tests.web.conftest import SLUG, count_report_builds

REPORT = f"/a/{SLUG}/report.csv?round=1"


def _bytes(thing: object) -> int:
    """The bytes `thing` holds, counted here through tuples and dataclasses (not the server's own count)."""
    if isinstance(thing, (tuple, list, frozenset, set)):
        return sys.getsizeof(thing) + sum(_bytes(part) for part in thing)
    if is_dataclass(thing) and not isinstance(thing, type):
        return sys.getsizeof(thing) + sum(_bytes(getattr(thing, f.name)) for f in fields(thing))
    return sys.getsizeof(thing)


def _later(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file's status taken long after it changed: trusted, so pages are kept."""
    later = time.time_ns() + 10 * comment_cache.RACY_NS
    monkeypatch.setattr(comment_cache, "now", lambda: later)


def test_parameters_no_page_reads_share_the_page_without_them(review_ws: Workspace,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from starlette.testclient import TestClient

    _later(monkeypatch)
    calls = count_report_builds(monkeypatch)
    app = create_app(review_ws.root)
    c = TestClient(app, base_url="http://127.0.0.1")
    first = c.get(REPORT)
    assert first.status_code == 200
    for i in range(40):
        assert c.get(f"{REPORT}&x{i}={'a' * 1000}").content == first.content
    assert len(calls) == 1  # each unread parameter built and kept the page again


def test_a_kept_page_s_key_is_small_whatever_the_files_git_does_not_track(review_ws: Workspace,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from starlette.testclient import TestClient

    notes = review_ws.root / "notes"
    notes.mkdir()
    for i in range(300):  # a notes folder nobody committed: each file in the state
        (notes / f"ghi-chu-{i:04d}.txt").write_text("ghi chú\n", encoding="utf-8")
    _later(monkeypatch)
    app = create_app(review_ws.root)
    gate: Gate = app.state.server.pages
    c = TestClient(app, base_url="http://127.0.0.1")
    assert c.get(REPORT).status_code == 200
    kept = list(gate._kept)
    assert len(kept) == 1
    assert _bytes(kept[0]) < 4000  # it held 300 paths and their statuses: about 100 KB


def test_what_a_gate_keeps_stays_within_its_bytes_and_entries() -> None:
    async def keep(gate: Gate, keys: list[str]) -> None:
        async def staying() -> None:
            await asyncio.Event().wait()

        for key in keys:
            await gate.value(key, lambda: b"0123456789", staying)

    big_keys = Gate(1, kept_bytes=100_000)
    asyncio.run(keep(big_keys, [f"{i:05d}" + "k" * 5000 for i in range(50)]))  # 10-byte pages, 5 KB keys
    kept = big_keys._kept
    assert sum(_bytes(key) + 10 for key in kept) <= 100_000  # 50 keys of 5 KB were kept: 250 KB
    many = Gate(1, kept_bytes=100_000, kept_entries=10)
    asyncio.run(keep(many, [str(i) for i in range(50)]))
    assert len(many._kept) == 10


def test_the_redlines_kept_for_a_commit_stay_within_their_bytes(review_ws: Workspace,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web_server, "CACHED_BYTES", 1_000_000, raising=False)
    server = web_server.Server(review_ws.root, links=False)
    built: list[int] = []

    def build(n: int) -> bytes:
        built.append(n)
        return bytes([n]) * 300_000

    for n in range(10):
        server.cached(review_ws, ("big", n), lambda n=n: build(n))  # type: ignore[misc]
    built.clear()
    for n in reversed(range(10)):  # the last kept first (the others, built again, push the first ones out)
        server.cached(review_ws, ("big", n), lambda n=n: build(n))  # type: ignore[misc]
    kept = 10 - len(built)  # handed out without building: still kept
    assert kept * 300_000 <= 1_000_000  # all ten were kept: 3 MB
    assert kept >= 1

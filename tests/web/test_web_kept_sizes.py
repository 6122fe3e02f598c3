"""The redlines `Server.cached` keeps by commit are counted without pickling them, and the least recently used is the
one dropped: it pickled each redline it kept to count its bytes (1.4 s for 5,000 articles, the GIL held), and
dropped the oldest entry however often it was read."""

from __future__ import annotations

import pickle
import time
from typing import Any

import pytest
from starlette.testclient import TestClient

from regdraft.core.diff import compare
from regdraft.core.markdown import parse
from regdraft.web import server as web_server
from regdraft.web import sizes
from regdraft.web.app import create_app
from regdraft.web.pages import redline_page
from regdraft.workspace import comment_cache
from regdraft.workspace.store import Workspace
from tests.web.conftest import LOCAL, SLUG


def _pickles(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every pickle made from now on, by `pickle.dumps` or a `pickle.Pickler`, counted."""
    calls: list[int] = []
    dumps = pickle.dumps

    def counted(*args: Any, **kwargs: Any) -> bytes:
        calls.append(1)
        return dumps(*args, **kwargs)

    class Counted(pickle.Pickler):
        def dump(self, obj: Any) -> None:
            calls.append(1)
            super().dump(obj)

    monkeypatch.setattr(pickle, "dumps", counted)
    monkeypatch.setattr(pickle, "Pickler", Counted)
    return calls


def test_a_redline_kept_for_its_commit_is_never_pickled(review_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    later = time.time_ns() + 10 * comment_cache.RACY_NS
    monkeypatch.setattr(comment_cache, "now", lambda: later)
    app = create_app(review_ws.root)
    server: web_server.Server = app.state.server
    c = TestClient(app, base_url=LOCAL)
    assert c.get(f"/a/{SLUG}/redline?round=1").status_code == 200  # the texts read and their readings kept
    server._cache.clear()
    server.cached_bytes = 0
    calls = _pickles(monkeypatch)
    page = c.get(f"/a/{SLUG}/redline?round=1&regulation=01-QC/TU")  # another page of the same redline: built again
    assert page.status_code == 200
    assert len(server._cache) == 1 and server.cached_bytes > 0
    assert calls == []  # one: the redline pickled to count its bytes


def test_the_redline_read_last_is_the_last_dropped(review_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web_server, "CACHED", 3)
    server = web_server.Server(review_ws.root, links=False)
    built: list[int] = []

    def kept(n: int) -> bytes:
        def build() -> bytes:
            built.append(n)
            return bytes([n]) * 100

        return server.cached(review_ws, ("redline", n), build)

    for n in (1, 2, 3, 1):  # 1 read again: the most recently used
        kept(n)
    kept(4)  # one of four must go: 2, read longest ago
    built.clear()
    for n in (1, 3, 4):
        kept(n)
    assert built == []  # 1 was built again: the oldest entry was dropped, read or not
    kept(2)
    assert built == [2]


def _regulation(articles: int, word: str) -> str:
    """A regulation of short points (the most units for its characters), `word` in one point of five clauses."""
    parts = ["---\nid: T-QC/TU\ntype: Quy chế\ntitle: Thử\nlanguage: vi\nissuer: X\nsigned: 2021-01-09\n---\n\n"
             "# Chương I. CHUNG\n\n"]
    for a in range(1, articles + 1):
        parts.append(f"## Điều {a}. Việc {a}\n\n")
        for k in range(1, 4):
            parts.append(f"{k}\\. Gồm:\n\n")
            parts.extend(f"{p}) {word if (a + k) % 5 == 0 and p == 'a' else 'y'};\n\n" for p in "abcdđeg")
    return "".join(parts)


def _rewritten(text: str) -> str:
    """Every clause's and point's words changed (the most word runs)."""
    lines = []
    for line in text.split("\n"):
        if line[:2] in ("1\\", "2\\", "3\\") or line[1:3] == ") ":
            line = line.replace("Gồm", "Bao gồm các việc sau").replace(") y;", ") việc khác hẳn;")
        lines.append(line)
    return "\n".join(lines)


def test_what_a_redline_is_counted_as_is_no_less_than_the_memory_it_holds(review_ws: Workspace) -> None:
    page = redline_page(review_ws, SLUG, 1)  # the round's open page: its texts for proposals too
    assert sizes.redline_bytes(page) >= sizes.held(page)
    old = _regulation(60, "y")
    for new in (_regulation(60, "z"), _rewritten(old)):
        comparison = compare(parse(old), parse(new))
        assert sizes.comparison_bytes(comparison) >= sizes.held(comparison)

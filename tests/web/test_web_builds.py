"""Heavy pages built off the event loop, a few at a time, once for each state (r29 sweep AM, D1 and D2).

Twenty members opening the comments page of a 2,600-comment round locked the server for tens of minutes: each page
was rendered on the event loop (`/` waited 105-184 s), none was shared, the pages of browsers gone were built all
the same, SIGTERM waited for them, and the round's PDF (41 s of CPU) was built again for every request.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from starlette.requests import ClientDisconnect

from regdraft.core.layout import comments_folder
from regdraft.web import answers, builds, pages, server
from regdraft.web.app import create_app
from regdraft.web.builds import Gate
from regdraft.web.guard import CSRF_COOKIE, LOCAL, csrf_token
from regdraft.workspace import comment_cache
from regdraft.workspace.rounds import add_comment
from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT
from tests.web.conftest import BODIES, SLUG, client, comment_form, serving, token

GUARD = 60.0  # seconds: only a guard against a test hanging, never what is measured
COMMENTS = f"/a/{SLUG}/comments"


def _until(ready: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + GUARD
    while not ready():
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


def _counted(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, hold: threading.Event | None = None,
             started: threading.Event | None = None) -> list[int]:
    """Count the calls of `module.name`; each waits for `hold` (when given) after setting `started`."""
    calls: list[int] = []
    original = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if started is not None:
            started.set()
        if hold is not None:
            hold.wait(GUARD)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def _one_form(text: str) -> str:
    """A page with its CSRF token replaced by a fixed one: two browsers' pages compared."""
    return re.sub(r'name="csrf" value="[0-9a-f]+"', 'name="csrf" value="T"', text)


def test_ten_identical_requests_share_one_build(review_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    hold, started = threading.Event(), threading.Event()
    calls = _counted(monkeypatch, answers, "answer_page", hold, started)
    add_comment(review_ws, SLUG, BODIES[1], "d20a", "Đề nghị làm rõ.")  # the page has its reply form
    app = create_app(review_ws.root)
    gate: Gate = app.state.server.pages
    with serving(review_ws.root, app=app) as url:
        def browse(_: int) -> httpx.Response:
            with httpx.Client(base_url=url, timeout=GUARD) as browser:
                return browser.get(COMMENTS)

        with ThreadPoolExecutor(10) as pool:
            answered = pool.map(browse, range(10))
            started.wait(GUARD)
            _until(lambda: gate.waiting == 10, "the ten requests did not all wait for the build")
            hold.set()
            done = list(answered)
    assert len(calls) == 1
    assert {page.status_code for page in done} == {200}
    assert len({_one_form(page.text) for page in done}) == 1
    secret = app.state.server.secret
    for page in done:  # each browser's forms carry its own token, bound to the cookie it was given
        sent = re.findall(r'name="csrf" value="([0-9a-f]+)"', page.text)
        assert sent and set(sent) == {csrf_token(secret, page.cookies[CSRF_COOKIE], LOCAL)}


def test_the_start_page_is_answered_while_a_page_is_rendered(review_ws: Workspace,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from regdraft.web import context as web_context

    hold, started = threading.Event(), threading.Event()
    environment = web_context._environment

    def held(server: Any, name: str, globals_: Any) -> Any:
        if name == "web-comments.html.j2":  # the template of the big page, rendered
            started.set()
            hold.wait(GUARD)
        return environment(server, name, globals_)

    monkeypatch.setattr(web_context, "_environment", held)
    with serving(review_ws.root) as url, ThreadPoolExecutor(1) as pool:
        big = pool.submit(httpx.get, url + COMMENTS, timeout=GUARD)
        assert started.wait(GUARD)
        try:
            start = httpx.get(url + "/", timeout=GUARD / 3)  # the event loop rendered the big page: no answer
            assert start.status_code == 200 and not big.done()
        finally:
            hold.set()
        assert big.result().status_code == 200


def test_a_client_gone_while_waiting_never_starts_its_build() -> None:
    async def scenario() -> list[str]:
        gate = Gate(1)
        hold, started = threading.Event(), []
        left = asyncio.Event()

        def first() -> bytes:
            started.append("first")
            hold.wait(GUARD)
            return b"first"

        def second() -> bytes:
            started.append("second")
            return b"second"

        async def staying() -> None:
            await asyncio.Event().wait()

        async def leaving() -> None:
            await left.wait()

        one = asyncio.ensure_future(gate.value("one", first, staying))
        two = asyncio.ensure_future(gate.value("two", second, leaving))
        while gate.waiting < 2 or not started:
            await asyncio.sleep(0.01)
        left.set()
        with pytest.raises(ClientDisconnect):
            await two
        hold.set()
        assert await one == b"first"
        assert await gate.value("one", first, staying) == b"first"  # kept: not built again
        built = list(started)
        assert await gate.value("two", second, staying) == b"second"  # asked again: built now
        return built

    assert asyncio.run(scenario()) == ["first"]


def test_a_browser_closed_while_its_page_waits_is_never_built(review_ws: Workspace,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server, "cores", lambda: 1)  # one page built at a time
    hold, started = threading.Event(), threading.Event()
    _counted(monkeypatch, answers, "answer_page", hold, started)
    redlines = _counted(monkeypatch, pages, "redline_page")
    app = create_app(review_ws.root)
    gate: Gate = app.state.server.pages
    with serving(review_ws.root, app=app) as url, ThreadPoolExecutor(1) as pool:
        comments = pool.submit(httpx.get, url + COMMENTS, timeout=GUARD)
        assert started.wait(GUARD)
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as browser:
            browser.sendall(f"GET /a/{SLUG}/redline HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            _until(lambda: gate.waiting == 2, "the redline did not wait its turn")
        _until(lambda: gate.waiting == 1, "the closed browser's request still waits")
        hold.set()
        assert comments.result().status_code == 200
        assert httpx.get(url + "/", timeout=GUARD).status_code == 200  # the server has gone on
    assert redlines == []


def test_a_comment_added_between_two_requests_is_on_the_next_page(review_ws: Workspace,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counted(monkeypatch, answers, "answer_page")
    c = client(review_ws)
    first = c.get(COMMENTS)
    assert c.get(COMMENTS).text == first.text and len(calls) == 1  # the same state: kept
    form = comment_form(token(c), text="Đề nghị bổ sung thời hạn trả lời.")
    assert c.post(COMMENTS, data=form).status_code == 303  # through the server
    assert "Đề nghị bổ sung thời hạn trả lời." in c.get(COMMENTS).text
    add_comment(review_ws, SLUG, BODIES[1], "d20a", "Góp ý gửi bằng lệnh.")  # a command's commit
    assert "Góp ý gửi bằng lệnh." in c.get(COMMENTS).text
    assert len(calls) == 3


def test_a_comment_file_edited_by_hand_is_on_the_next_page(review_ws: Workspace,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    later = time.time_ns() + 10 * comment_cache.RACY_NS  # every file's status taken long after it changed: trusted
    monkeypatch.setattr(comment_cache, "now", lambda: later)
    calls = _counted(monkeypatch, answers, "answer_page")
    comment = add_comment(review_ws, SLUG, BODIES[1], "d20a", "Lời góp ý đầu tiên.")
    path = review_ws.root / comments_folder(SLUG) / f"{comment.id}.yaml"
    c = client(review_ws)
    assert "Lời góp ý đầu tiên." in c.get(COMMENTS).text
    for n, words in enumerate(("Lời góp ý sửa lại.", "Lời góp ý sửa lần ba.", "Lời góp ý sửa lần tư."), 2):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"Lời góp ý [^\n']*\.", words, text), encoding="utf-8")  # not committed
        assert words in c.get(COMMENTS).text and len(calls) == n
    assert c.get(COMMENTS).status_code == 200 and len(calls) == 4  # nothing changed since: kept


def test_pages_of_different_people_are_not_shared(review_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from regdraft.workspace.access import invite
    from tests.web.conftest import entered

    calls = _counted(monkeypatch, answers, "answer_page")
    _, drafter = invite(review_ws, "Chánh Văn phòng", "", "drafter")
    _, reviewer = invite(review_ws, "Nguyễn Văn An", BODIES[0])
    add_comment(review_ws, SLUG, BODIES[1], "d20a", "Đề nghị làm rõ.")
    office, member = entered(review_ws, drafter), entered(review_ws, reviewer)
    assert office.get(COMMENTS).text != member.get(COMMENTS).text
    assert len(calls) == 2


def _fake_pdf(built: list[int], hold: threading.Event | None = None,
              started: threading.Event | None = None) -> Callable[..., None]:
    def write(report: Any, target: Path, **_: Any) -> None:
        built.append(1)
        if started is not None:
            started.set()
        if hold is not None:
            hold.wait(GUARD)
        target.write_bytes(b"%PDF-1.7 round " + str(report.round.number).encode())

    return write


def test_the_pdf_report_is_built_once_for_two_requests(review_ws: Workspace,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from regdraft.render import report

    built: list[int] = []
    monkeypatch.setattr(report, "write_report", _fake_pdf(built))
    add_comment(review_ws, SLUG, BODIES[1], "d20a", "Đề nghị làm rõ.")
    c = client(review_ws)
    first = c.get(f"/a/{SLUG}/report.pdf")
    c.cookies.clear()  # another browser
    second = c.get(f"/a/{SLUG}/report.pdf")
    assert first.content == second.content == b"%PDF-1.7 round 1"
    assert first.headers["content-disposition"] == f'attachment; filename="bao-cao-tiep-thu-{SLUG}-vong-1.pdf"'
    assert len(built) == 1
    add_comment(review_ws, SLUG, BODIES[2], "d5.k2", "Một góp ý nữa.")
    assert c.get(f"/a/{SLUG}/report.pdf").status_code == 200 and len(built) == 2  # a new comment: built anew


def test_one_pdf_is_built_at_a_time(review_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from regdraft.render import report

    built: list[int] = []
    hold, started = threading.Event(), threading.Event()
    monkeypatch.setattr(report, "write_report", _fake_pdf(built, hold, started))
    app = create_app(review_ws.root)
    gate: Gate = app.state.server.pdfs
    with serving(review_ws.root, app=app) as url, ThreadPoolExecutor(2) as pool:
        one = pool.submit(httpx.get, f"{url}/a/{SLUG}/report.pdf", timeout=GUARD)
        assert started.wait(GUARD)
        two = pool.submit(httpx.get, f"{url}/a/{SLUG}/report.pdf?round=1", timeout=GUARD)  # another address
        _until(lambda: gate.waiting == 2, "the second PDF did not wait its turn")
        assert len(built) == 1
        hold.set()
        assert one.result().content == two.result().content == b"%PDF-1.7 round 1"
    assert len(built) == 2


HELD_SERVER = """
import sys, threading
from pathlib import Path
from regdraft.web import answers

MARKER = Path(sys.argv[1])

def held(*args, **kwargs):
    MARKER.write_text("building")
    threading.Event().wait()  # a page that takes for ever

answers.answer_page = held
sys.argv = ["regdraft", "review", "--port", sys.argv[2], "-C", sys.argv[3]]
from regdraft.cli import main
main()
"""


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_the_server_stops_while_a_page_is_built(review_ws: Workspace, tmp_path: Path, stop: signal.Signals) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    marker = tmp_path / "building"
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    process = subprocess.Popen([sys.executable, "-c", HELD_SERVER, str(marker), str(port), str(review_ws.root)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}"

        def up() -> bool:
            try:
                return httpx.get(url + "/favicon.ico", timeout=GUARD).status_code == 204
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                return False

        _until(up, "the server did not start")
        threading.Thread(target=lambda: _quietly(url + COMMENTS), daemon=True).start()
        _until(marker.exists, "the page was not asked for")
        process.send_signal(stop)
        process.wait(GUARD)  # it waited for the page for ever
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _quietly(url: str) -> None:
    try:
        httpx.get(url, timeout=GUARD)
    except httpx.HTTPError:
        pass


def test_cores_counts_at_least_one() -> None:
    assert builds.cores() >= 1

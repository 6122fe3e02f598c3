"""Shared setup of the review server tests: a workspace with an open round, a client, form tokens."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from regdraft.web.connections import BOUNDS, Bounds, uvicorn_options
from regdraft.workspace.rounds import open_round
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import BUILDS, FIXTURES, REPO_ROOT, workspace_copy

SLUG = "qc-sua-doi-2025"
BODIES = ("Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy")
LOCAL = "http://127.0.0.1"
EN_SLUG = "en1"
EN_BODIES = ("Organisation Board", "Inspection Commission", "Party Committee Office")


def _review(root: Path) -> None:
    open_round(init_workspace(root, example_from=REPO_ROOT), SLUG, "Lấy ý kiến các ban", "2025-03-15", BODIES)


BUILDS["review_ws"] = _review


@pytest.fixture
def review_ws(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """The shipped regulation and amendment, with round 1 open on draft 2 (a copy of one built once a process)."""
    return workspace_copy(tmp_path_factory, "review_ws", tmp_path / "ws")


def client(ws: Workspace, links: bool = False) -> TestClient:
    """A test client of the review server over `ws`, as a browser on this machine."""
    from regdraft.web.app import create_app

    return TestClient(create_app(ws.root, links=links), base_url=LOCAL, follow_redirects=False)


def token(c: TestClient, url: str = f"/a/{SLUG}/redline") -> str:
    """The CSRF token of the forms on a page (and the cookie it is bound to, kept by the client)."""
    page = c.get(url)
    assert page.status_code == 200, page.text
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found, "the page has no form"
    return found.group(1)


def provision_texts(page: str) -> dict[str, str]:
    """The text the wording editor opens with for each provision of a review page, as `review.js` reads its data
    block (`web.provision_texts`)."""
    import json

    from regdraft.web.provision_texts import unpacked

    found = re.search(r'<script type="application/json" id="provision-texts">(.*?)</script>', page, re.S)
    assert found, "the page has no provision texts"
    return unpacked(json.loads(found.group(1)))


def loaded(c: TestClient, cid: str, kind: str = "respond") -> dict[str, str]:
    """What the comments page's `kind` form (respond, accept) for comment `cid` carries as loaded now: its CSRF token
    and the answer it shows (`answered`)."""
    page = c.get(f"/a/{SLUG}/comments")
    assert page.status_code == 200, page.text
    form = page.text[page.text.index(f'/comments/{cid}/{kind}"'):]
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', form[:form.index("</form>")]))


def head(ws: Workspace) -> str:
    """The current commit."""
    return ws.resolve("HEAD").sha


def comment_form(csrf: str, **fields: str) -> dict[str, str]:
    """A filled comment form: a comment by Ban Tổ chức on khoản 2 Điều 5 unless told otherwise."""
    return {"csrf": csrf, "round": "1", "body": BODIES[0], "name": "Nguyễn Văn An", "on": "d5.k2",
            "text": "Đề nghị làm rõ thời hạn báo cáo.", "proposal": "", "type": "", **fields}


def sent(c: TestClient, **fields: str) -> str:
    """The id of the comment a browser `c` sends through the redline page's form (`comment_form` with `fields`)."""
    answer = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), **fields))
    assert answer.status_code == 303, answer.text
    found = re.search(r"added=([0-9a-f]+)", answer.headers["location"])
    assert found
    return found.group(1)


def english_workspace(root: Path) -> Workspace:
    """A workspace at `root` of the English regulation and an English amendment of it (`EN_SLUG`), round 1 open."""
    ws = init_workspace(root)
    ws.commit({"regulations/01-QC-TU-EN.md": (REPO_ROOT / "regulations" / "01-QC-TU-EN.md").read_bytes(),
               f"amendments/{EN_SLUG}/amendment.md": (FIXTURES / "export" / "en-amendment.md").read_bytes()},
              "An English regulation and its amendment")
    open_round(ws, EN_SLUG, "Consultation", "2025-03-15", EN_BODIES)
    return ws


def review_setting(ws: Workspace, setting: str) -> None:
    """regdraft.yaml with `setting` under `review:`, committed (links invited later keep it)."""
    text = ws.read("regdraft.yaml").decode("utf-8")
    ws.commit({"regdraft.yaml": f"{text.rstrip()}\nreview:\n  {setting}\n".encode()}, "Review settings")


def entered(ws: Workspace, secret: str) -> TestClient:
    """A browser that opened the access link `secret` (signed in as its person)."""
    c = client(ws, links=True)
    assert c.get(f"/access/{secret}").status_code == 303
    return c


def draft_of_01(instructions: str, subject: str = "một số điều", number: str = "null",
                title: str = "Quy chế sửa đổi, bổ sung một số điều của Quy chế làm việc") -> str:
    """A draft amendment of the shipped 01-QC/TU (draft 1) whose Điều 1, `Sửa đổi, bổ sung {subject} của Quy chế làm
    việc`, holds `instructions`: a second draft in flight beside the shipped one."""
    return (f"---\nnumber: {number}\ntype: Quy chế\ntitle: {title}\nregulation: 01-QC/TU\nlanguage: vi\n"
            "status: draft\ndraft: 1\nissuer: TỈNH ỦY ĐIỆN BIÊN\nnational: ĐẢNG CỘNG SẢN VIỆT NAM\nplace: Điện Biên\n"
            f"---\n\n## Điều 1. Sửa đổi, bổ sung {subject} của Quy chế làm việc\n\n{instructions}\n\n"
            "## Điều 2. Hiệu lực thi hành\n\nQuy chế này có hiệu lực kể từ ngày ký.\n")


def edit_draft(ws: Workspace, old: str, new: str, commit: bool = True) -> None:
    """Change words of the amendment's text, committed (or left as an uncommitted edit)."""
    relative = f"amendments/{SLUG}/amendment.md"
    text = ws.read(relative).decode("utf-8")
    assert old in text
    data = text.replace(old, new).encode("utf-8")
    if commit:
        ws.commit({relative: data}, "Edit the draft")
    else:
        ws.path(relative).write_bytes(data)


@contextmanager
def serving(root: Path, bounds: Bounds = BOUNDS, app: Starlette | None = None) -> Iterator[str]:
    """The review server over the workspace at `root` (or the application `app`) on a free port of 127.0.0.1, in a
    thread, with the settings `regdraft review` gives uvicorn (`bounds` its deadlines and connection bounds): its
    base URL."""
    import uvicorn

    from regdraft.web.app import create_app

    server = uvicorn.Server(uvicorn.Config(app or create_app(root), host="127.0.0.1", port=0, log_level="warning",
                                           access_log=False, **uvicorn_options(bounds)))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture
def live_server(review_ws: Workspace) -> Iterator[str]:
    """The review server over `review_ws`, in a thread: its base URL."""
    with serving(review_ws.root) as url:
        yield url


def count_report_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one each time a round's report is built (the work a kept page saves)."""
    from regdraft.workspace import rounds

    calls: list[int] = []
    original = rounds.build_report

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(rounds, "build_report", counted)
    return calls

"""The review server's pages of a round after the amendment's folder was moved (`git mv`, committed: sweep r26 K
defect 3): the round's comparison, comments and report read the draft where it was at the round's revision, as they
did before the move; they answered 409 ("… does not exist at revision …"), and the comparison named the circulated
draft "chưa lưu vào lịch sử" (not recorded) once its file was read."""

from __future__ import annotations

import re
import subprocess

from regdraft.workspace.rounds import add_comment
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, client

MOVED = "qc-ban-hanh"


def _pages(ws: Workspace, slug: str) -> dict[str, tuple[int, str]]:
    c = client(ws)
    shown = {}
    for page in ("/redline", "/comments", "/report"):
        answer = c.get(f"/a/{slug}{page}")
        shown[page] = (answer.status_code, re.sub(r'name="csrf" value="[^"]+"', "", answer.text.replace(slug, "SLUG")))
    return shown


def test_a_rounds_pages_read_its_draft_where_it_was_before_the_folder_moved(review_ws: Workspace) -> None:
    ws = review_ws
    add_comment(ws, SLUG, BODIES[0], "d9", "Góp ý về Điều 9.")
    add_comment(ws, SLUG, BODIES[0], "d3", "Góp ý về Điều 3.")
    before = _pages(ws, SLUG)
    assert all(status == 200 for status, _ in before.values())
    assert "chưa lưu vào lịch sử" not in before["/redline"][1]
    for args in (("mv", f"amendments/{SLUG}", f"amendments/{MOVED}"), ("commit", "-q", "-m", "Đổi tên thư mục")):
        subprocess.run(["git", "-c", "user.name=Lan", "-c", "user.email=lan@tinhuy.example", *args], cwd=ws.root,
                       check=True, capture_output=True)
    assert _pages(ws, MOVED) == before

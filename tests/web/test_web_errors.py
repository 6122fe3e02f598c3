"""One table for both faces: the same failure is the same category at the command line and the review server.

`regdraft.core.errors.OUTCOMES` gives each category its exit code and its HTTP status; the review
server never decides a status by exception class. Each case below meets one failure through both
faces, from a real workspace state, and checks the exit code and the status against the table.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from regdraft.cli import cli
from regdraft.core.errors import OUTCOMES, Category
from regdraft.workspace.rounds import close_round
from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT
from tests.web.conftest import SLUG, client, comment_form, head, token

AMENDMENT = f"amendments/{SLUG}/amendment.md"


def _break_front_matter(ws: Workspace) -> None:
    ws.commit({AMENDMENT: b"---\nnumber: [\n---\n"}, "Break the amendment's front matter")


def _commit_conflict_markers(ws: Workspace) -> None:
    text = ws.read(AMENDMENT).decode("utf-8")
    line = next(t for t in text.split("\n") if t.startswith("b) Định kỳ 6 tháng"))
    conflicted = text.replace(line, f"<<<<<<< HEAD\n{line}\n=======\n{line}!\n>>>>>>> 1a2b3c4 (Sửa)")
    (ws.root / AMENDMENT).write_text(conflicted, encoding="utf-8")
    subprocess.run(["git", "-C", str(ws.root), "-c", "user.name=A", "-c", "user.email=a@b", "commit", "-qam",
                    "Commit a conflict by mistake"], check=True)


def _close(ws: Workspace) -> None:
    close_round(ws, SLUG)


@dataclass(frozen=True)
class Failure:
    """One failure met through both faces: the state, the command line, the request, its category."""

    category: Category
    argv: tuple[str, ...]
    get: str = ""  # a page to GET; otherwise the comment form is POSTed with `form`
    form: tuple[tuple[str, str], ...] = ()
    setup: Callable[[Workspace], None] | None = None
    words: str = ""  # in the CLI's message and the page alike
    said: str = ""  # in the page instead, where the server words the refusal itself (in the page's language)


FAILURES = {
    "unknown amendment": Failure(Category.UNKNOWN, ("comment", "list", "no-such-thing"), "/a/no-such-thing/redline",
                                 words="There is no amendment", said="Không có dự thảo “no-such-thing”"),
    "unknown round": Failure(Category.UNKNOWN, ("round", "show", SLUG, "--round", "7"), f"/a/{SLUG}/redline?round=7",
                             words="has no round 7", said="không có vòng lấy ý kiến 7"),
    "malformed revision": Failure(Category.USAGE, ("redline", "01-QC/TU", "--from", "HEAD:regdraft.yaml", "--format",
                                                   "html"), f"/a/{SLUG}/redline?from=HEAD:regdraft.yaml"),
    "provision that does not exist": Failure(Category.USAGE, ("comment", "add", SLUG, "--by", "Ban Tổ chức Tỉnh ủy",
                                                              "--on", "d99.k1", "--text", "Góp ý."),
                                             form=(("on", "d99.k1"),), words="Điều 99",
                                             said="Dự thảo lần 2 không có khoản 1 Điều 99"),
    "amendment that cannot be read": Failure(Category.DOCUMENT, ("redline", "01-QC/TU", "--amendment", SLUG,
                                                                 "--format", "html"), f"/a/{SLUG}/redline",
                                             setup=_break_front_matter, words=AMENDMENT),
    "conflict committed by mistake": Failure(Category.STATE, ("comment", "list", SLUG), f"/a/{SLUG}/comments",
                                             setup=_commit_conflict_markers, words="Conflict markers"),
    "round closed": Failure(Category.STATE, ("comment", "add", SLUG, "--by", "Ban Tổ chức Tỉnh ủy", "--on", "d5.k2",
                                             "--text", "Góp ý.", "--round", "1"),
                            form=(("text", "Gửi sau khi đóng vòng."),), setup=_close, words="Round 1 of",
                            said="Vòng lấy ý kiến 1 về 05-QC/TU"),
}


def test_the_table_is_the_one_documented() -> None:
    """docs/json.md's table of categories is OUTCOMES: exit codes 1 and 2 only, statuses 4xx."""
    guide = (REPO_ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    documented = {Category(row[0]): (int(row[1]), int(row[2]))
                  for row in re.findall(r"^\| (\w+) \| (\d) \| (\d{3}) \|", guide, re.MULTILINE)}
    assert documented == OUTCOMES and set(OUTCOMES) == set(Category)
    assert {code for code, _ in OUTCOMES.values()} == {1, 2}


@pytest.mark.parametrize("name", list(FAILURES))
def test_the_same_failure_has_the_same_category_at_both_faces(review_ws: Workspace, tmp_path: object,
                                                                name: str) -> None:
    failure = FAILURES[name]
    c = client(review_ws)
    csrf = token(c) if failure.form else ""
    if failure.setup is not None:
        failure.setup(review_ws)
    before = head(review_ws)
    ran = CliRunner().invoke(cli, [*failure.argv, "-C", str(review_ws.root), *(
        ["-o", f"{tmp_path}/r.html"] if failure.argv[0] == "redline" else [])])
    assert ran.exit_code == failure.category.exit_code, ran.output
    assert "Traceback" not in ran.output and failure.words in ran.stderr
    if failure.get:
        page = c.get(failure.get)
    else:
        page = c.post(f"/a/{SLUG}/comments", data=comment_form(csrf, **dict(failure.form)))
    assert page.status_code == failure.category.http_status, page.text[:2000]
    assert (failure.said or failure.words).replace("'", "&#39;") in page.text
    assert head(review_ws) == before

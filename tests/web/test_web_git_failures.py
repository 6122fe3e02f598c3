"""GitPython's own error the store let through (a repository locked or damaged under a write) answered a bare
"Internal Server Error" 500: the page says, in the reviewer's language, that git failed and nothing changed, keeps
what was typed, and the server's log holds the detail; git's command line and a traceback never reach the browser."""

from __future__ import annotations

import logging
from typing import Any

import git
import pytest
from starlette.testclient import TestClient

from regdraft.web.words import Words
from regdraft.workspace.store import Workspace
from tests.web.conftest import LOCAL, SLUG, comment_form, head, token

GIT_SAID = "fatal: Unable to create '/srv/ws/.git/index.lock': File exists."


def test_a_git_error_under_a_write_is_a_page_that_says_nothing_was_saved(review_ws: Workspace,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         caplog: pytest.LogCaptureFixture) -> None:
    from regdraft.web.app import create_app

    # As a browser meets it: the server's errors are answered, not raised into the test.
    c = TestClient(create_app(review_ws.root), base_url=LOCAL, follow_redirects=False, raise_server_exceptions=False)
    csrf, before = token(c), head(review_ws)

    def locked(*args: Any, **kwargs: Any) -> None:
        raise git.GitCommandError(["git", "-c", "core.hooksPath=/dev/null", "commit"], 128, GIT_SAID.encode())

    monkeypatch.setattr(Workspace, "commit", locked)
    with caplog.at_level(logging.ERROR, logger="regdraft.review"):
        answer = c.post(f"/a/{SLUG}/comments", data=comment_form(csrf, text="Đề nghị làm rõ thời hạn gửi báo cáo."))
    page = answer.text
    assert answer.status_code == 409 and answer.headers["content-type"].startswith("text/html")
    assert Words.of("vi")("git_failed") in page  # "… báo lỗi, nên việc này chưa thực hiện được và không có gì thay đổi"
    assert "Đề nghị làm rõ thời hạn gửi báo cáo." in page  # what was typed, to copy and send again
    for unsaid in ("Internal Server Error", "Traceback", "GitCommandError", "hooksPath", "index.lock"):
        assert unsaid not in page
    assert head(review_ws) == before
    logged = [r for r in caplog.records if r.name == "regdraft.review" and r.exc_info]
    assert logged and GIT_SAID in str(logged[0].exc_info[1])  # type: ignore[index]

"""A Word reply costs work in proportion to its size: many comments in one paragraph (a reviewer
commenting word by word) are read and placed without going over the paragraph again for each one
(2,000 comments in one paragraph took `comment import` 43 s, 5,000 took 92 s)."""

from __future__ import annotations

import copy as copying
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from docx.text.run import Run

from regdraft.workspace.replies import import_word_reply
from regdraft.workspace.store import Workspace
from tests import counting
from tests import word_reply_kit as kit
from tests.conftest import Invoke

SLUG = "qc-sua-doi-2025"
BODY = "Ban Tổ chức Tỉnh ủy"
MEETINGS = "Thường lệ ba tháng một lần"  # điểm a khoản 1 Điều 12 of the draft
# The code that reads a reply and places its comments (Word's file format aside).
WATCHED = ("importer/word_reply.py", "core/replies.py", "core/reply_places.py", "core/reply_wording.py", "core/text.py")


@pytest.fixture
def copy(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> Path:
    return kit.round_copy(invoke, tmp_workspace, SLUG, tmp_path / "copy.docx", BODY)


def _reply(copy: Path, out: Path, comments: int, tag: str) -> Path:
    """The review copy with `comments` words added to điểm a khoản 1 Điều 12, each commented on."""
    document = kit.open_docx(copy)
    paragraph = kit.paragraph_with(document, MEETINGS)
    last = paragraph.runs[-1]._r
    runs = []
    for n in range(comments):
        element = copying.deepcopy(last)
        paragraph._p.append(element)
        run = Run(element, paragraph)
        run.text = f" {tag}{n}"
        runs.append(run)
    for n, run in enumerate(runs):
        kit.comment(document, run, f"Góp ý {tag} {n}.", "Nguyễn Văn An")
    return kit.save(document, out)


def _steps(action: Callable[[], Any]) -> int:
    """The calls made in the watched modules (Python functions, generator steps and built-ins) while `action` runs."""
    return counting.events(action, counting.in_module(WATCHED))[0]


def test_many_comments_in_one_paragraph_cost_work_in_proportion(
        tmp_workspace: Workspace, copy: Path, tmp_path: Path) -> None:
    steps = {}
    for n in (150, 300):
        reply = _reply(copy, tmp_path / f"reply-{n}.docx", n, f"t{n}x")
        found = import_word_reply(tmp_workspace, SLUG, reply, BODY)  # a first run: imports and caches not counted
        assert [(c.on, c.selection, c.text) for c in found.imported] == [
            ("d12.k1.a", f"t{n}x{k}", f"Góp ý t{n}x {k}.") for k in range(n)]
        reply = _reply(copy, tmp_path / f"again-{n}.docx", n, f"a{n}x")
        steps[n] = _steps(partial(import_word_reply, tmp_workspace, SLUG, reply, BODY))
    # Twice the comments, twice the work (four times before: each comment folded the whole paragraph again).
    assert steps[300] < 2.3 * steps[150], steps

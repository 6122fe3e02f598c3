"""An English text's provisions are shown in its own short form (`a4.c1`, as `comment list` shows them), never the
Vietnamese one (`d4.k1`): in a suggestion for a provision that does not exist, a comment's commit message, the
report's CSV, adoption's refusal, `check`'s late comment and the lines of an imported Word reply (r27 sweep X
defect 5; the shell's completion: tests/test_cli_completion.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft.core.comments import Comment, CommentType
from regdraft.workspace import rounds
from regdraft.workspace.replies import ReplyImport
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_ENGLISH, Invoke

EN = "01-QC/TU-EN"
SLUG = "en1"
BODY = "Organisation Board"


def _git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def commented(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> Workspace:
    """The English text's amendment in a round, one comment recorded on clause 1 of Article 4."""
    edited = tmp_path / "edited.md"
    edited.write_text(SHIPPED_ENGLISH.read_text(encoding="utf-8").replace(
        "5\\. To prepare the documents and personnel for", "5\\. To prepare the papers and personnel for"),
        encoding="utf-8")
    for args in (("amend", "from-edits", SLUG, "-r", EN, "--edited", str(edited)),
                 ("round", "open", SLUG, "--due", "2099-07-15", "--consult", BODY),
                 ("comment", "add", SLUG, "--by", BODY, "--on", "clause 1 of Article 4", "--text", "Say when.")):
        done = invoke(tmp_workspace, *args)
        assert done.exit_code == 0, done.output
    return tmp_workspace


def test_a_provision_that_does_not_exist_is_suggested_in_the_texts_short_form(tmp_workspace: Workspace,
                                                                             invoke: Invoke) -> None:
    # It read "did you mean Article 10 (d10)?" and "… clause 5, Article 3 (d3.k5)?".
    article = invoke(tmp_workspace, "show", EN, "a99")
    assert article.exit_code != 0
    assert "did you mean Article " in article.output
    assert "(a" in article.output.split("did you mean", 1)[1] and "(d" not in article.output
    clause = invoke(tmp_workspace, "show", EN, "a3.c9")
    assert "did you mean clause 5, Article 3 (a3.c5)?" in clause.output, clause.output
    # A Vietnamese text keeps its own.
    assert "(d3.k" in invoke(tmp_workspace, "show", "01-QC/TU", "d3.k99").output


def test_a_comments_commit_and_the_report_csv_name_its_provision_in_the_texts_short_form(
        commented: Workspace, invoke: Invoke) -> None:
    subject = _git(commented, "log", "-1", "--format=%s")
    assert subject.startswith("Comment ") and f" on {SLUG} a4.c1 by {BODY}" in subject, subject
    listed = invoke(commented, "comment", "list", SLUG)
    assert " a4.c1 " in listed.output  # as `comment list` already showed it
    out = commented.root / "report.csv"
    done = invoke(commented, "round", "report", SLUG, "-o", str(out))
    assert done.exit_code == 0, done.output
    row = out.read_text(encoding="utf-8-sig").splitlines()[1].split(",")
    assert "a4.c1" in row and "d4.k1" not in row, row


def test_adoption_refused_for_an_unanswered_comment_names_its_provision_in_the_texts_short_form(
        commented: Workspace, invoke: Invoke) -> None:
    import datetime as dt

    from regdraft.workspace.amendments import load
    from regdraft.workspace.gates import refusals

    said = " ".join(r.missing for r in refusals(commented, load(commented, SLUG), dt.date(2099, 8, 1),
                                                     dt.date(2099, 9, 1)))
    assert f"by {BODY} on a4.c1" in said, said


def test_a_late_comment_is_named_in_the_texts_short_form(commented: Workspace, invoke: Invoke,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rounds, "_now", lambda: "2025-07-20T10:00:00+07:00")
    rounds.close_round(commented, SLUG)
    comment = Comment("late1", 1, BODY, "d4.k2", CommentType.SUBSTANTIVE, "Late.", created="2025-07-20T11:00:00+07:00")
    monkeypatch.setenv("GIT_AUTHOR_DATE", "2025-07-20T11:00:00+07:00")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-07-20T11:00:00+07:00")
    commented.commit(rounds._comment_changes(SLUG, [comment]), "A late comment")
    checked = invoke(commented, "check")
    assert f"comment late1 by {BODY} on a4.c2 in round 1" in checked.output, checked.output


def test_an_imported_replys_lines_name_the_provisions_in_the_texts_short_form() -> None:
    comment = Comment("c1", 1, BODY, "d4.k1", CommentType.EDITORIAL, "Say when.")
    assert " a4.c1 " in ReplyImport(1, (comment,), (), language="en").lines()[0]
    assert " d4.k1 " in ReplyImport(1, (comment,), ()).lines()[0]


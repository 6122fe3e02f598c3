"""A comment on an amendment already adopted (r43 sweep CX F1): `amend adopt --force` leaves its round open, and
`comment add`, `comment import` and the review server's form recorded a comment there, which `check` then reported
as late, a problem. Two terminals did the same: the comment waited for the write lock and committed after the
adoption. Each is refused now, read under the write lock, saying when and in which commit it was adopted."""

from __future__ import annotations

from pathlib import Path

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.test_comment_import_large import git
from tests.test_store_safety import ADOPT

SLUG = ADOPT[2]
ADD = ("comment", "add", SLUG, "--by", "Ban Tổ chức Tỉnh ủy", "--on", "Điều 5", "--text", "Ý kiến muộn.")


def test_a_comment_on_an_amendment_adopted_with_its_round_open_is_refused(circulating: Workspace, invoke: Invoke,
                                                                          tmp_path: Path) -> None:
    ws = circulating
    assert invoke(ws, *ADOPT).exit_code == 0
    adopted = git(ws, "rev-parse", "HEAD").strip()
    before = git(ws, "status", "--porcelain", "-uall")
    refused = invoke(ws, *ADD)
    assert refused.exit_code == 2, refused.output
    said = " ".join(refused.output.split())
    assert f"The amendment '{SLUG}' was adopted on " in said and f"in commit {adopted[:8]}: comments on it are " \
        "no longer taken, though its round was left open (nothing was changed)." in said, said
    sheet = tmp_path / "gop-y.csv"
    sheet.write_text("by,on,text\nBan Tổ chức Tỉnh ủy,Điều 5,Ý kiến muộn.\n", encoding="utf-8")
    imported = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert imported.exit_code == 2 and "comments on it are no longer taken" in imported.output, imported.output
    # Explicitly in the open round, as the review server's form names it.
    numbered = invoke(ws, *ADD, "--round", "1")
    assert numbered.exit_code == 2 and "comments on it are no longer taken" in numbered.output, numbered.output
    assert git(ws, "rev-parse", "HEAD").strip() == adopted
    assert git(ws, "status", "--porcelain", "-uall") == before
    assert "after the amendment was adopted" not in invoke(ws, "check").output

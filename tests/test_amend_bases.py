"""A draft whose bases leave out an amending document adopted since it was begun is warned of by `amend check`.

Machine B adopted 08-QC/TU while machine A drafted 07-QC/TU, which still cites the text as amended by nothing (or
by 05-QC/TU alone): adopted as it stands, it is issued on an out-of-date legal basis, and nothing said so.
"""

from __future__ import annotations

from regdraft.workspace import lifecycle
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.test_amend_reverts import QUOTE, WORDS, _adopt_words, _draft

UNCITED = "The document cites MINI-QC without 05-QC/TU (signed 2025-03-01), adopted for it since this draft was begun"


def test_a_draft_begun_before_an_adoption_is_warned_to_cite_it(mini_workspace: Workspace, invoke: Invoke) -> None:
    _draft(mini_workspace, "tron-ven", QUOTE.replace("Ban Chấp hành Đảng bộ tỉnh", "Ban Chấp hành Tỉnh ủy"))
    _draft(mini_workspace, "cum-tu", WORDS, "05-QC/TU")
    assert not [w for w in lifecycle.review(mini_workspace, "tron-ven").warnings if "cites" in w.message]
    _adopt_words(mini_workspace)
    [warning] = [w for w in lifecycle.review(mini_workspace, "tron-ven").warnings if "cites" in w.message]
    assert warning.message.startswith(UNCITED) and warning.warning
    assert warning.source == "amendments/tron-ven/amendment.md" and warning.line == 14  # Điều 1's heading
    checked = invoke(mini_workspace, "amend", "check", "tron-ven")
    assert "amendments/tron-ven/amendment.md:14" in checked.output and UNCITED in checked.output


def test_a_draft_citing_the_adoption_is_not_warned(mini_workspace: Workspace) -> None:
    _draft(mini_workspace, "cum-tu", WORDS, "05-QC/TU")
    _adopt_words(mini_workspace)
    cited = QUOTE.replace("Ban Chấp hành Đảng bộ tỉnh", "Ban Chấp hành Tỉnh ủy")
    _draft(mini_workspace, "moi", cited)
    text = (mini_workspace.root / "amendments/moi/amendment.md").read_text(encoding="utf-8")
    text = text.replace("của Quy chế thử nghiệm\n\n1", "của Quy chế thử nghiệm đã được sửa đổi, bổ sung theo "
                        "Quy chế số 05-QC/TU\n\n1", 1)
    mini_workspace.commit({"amendments/moi/amendment.md": text.encode("utf-8")}, "Cite 05-QC/TU")
    assert not [w for w in lifecycle.review(mini_workspace, "moi").warnings if "cites" in w.message]

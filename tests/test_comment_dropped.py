"""A comment on a provision a later draft drops is `removed`, even when the next provision is renumbered into its
address; a provision rewritten at its own address stays `changed` (docs/comments.md: "changed" means the address
still holds the provision)."""

from __future__ import annotations

import pytest

from regdraft.core import anchoring
from regdraft.core import comments as c
from regdraft.core.markdown import parse
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.test_comments import FIX

SLUG = "qc-sua-doi-2025"
BODY = "Ban Nội chính Tỉnh ủy"
AMENDMENT = f"amendments/{SLUG}/amendment.md"
K5 = "5\\. Thay mặt Ban Chấp hành Đảng bộ tỉnh, Ban Thường vụ Tỉnh ủy ký ban hành các văn bản theo thẩm quyền; " \
     "thay mặt Tỉnh ủy làm việc với Trung ương và các cơ quan Trung ương.\n\n"
K6 = "6\\. Thực hiện tiếp công dân định kỳ"
# khoản 2 of the new Điều 9 as the sweep's draft 3 inserted it (and draft 4 dropped it again).
NEW_K2 = "2\\. Triệu tập hội nghị chuyên đề của Ban Chấp hành Đảng bộ tỉnh khi có vấn đề quan trọng, cấp bách " \
         "cần thảo luận, quyết định ngay giữa hai kỳ hội nghị thường lệ.\n\n"
K2 = "2\\. Chủ trì các hội nghị Ban Chấp hành Đảng bộ tỉnh"


def _text(ws: Workspace) -> str:
    return (ws.root / AMENDMENT).read_text(encoding="utf-8")


def _commit(ws: Workspace, text: str, message: str) -> None:
    ws.commit({AMENDMENT: text.encode()}, message)


def _ok(invoke: Invoke, ws: Workspace, *args: str) -> None:
    result = invoke(ws, *args)
    assert result.exit_code == 0, result.output


def _placed(ws: Workspace) -> dict[str, str]:
    return {listed.comment.text: f"{listed.comment.on} {listed.placement.describe()}"
            for listed in rounds.list_comments(ws, SLUG)}


@pytest.fixture
def commented(tmp_workspace: Workspace, invoke: Invoke) -> Workspace:
    """Round 1 on draft 2 with comments on khoản 5 and khoản 6 of the new Điều 9, closed."""
    ws = tmp_workspace
    assert K5 in _text(ws) and K6 in _text(ws)
    _ok(invoke, ws, "round", "open", SLUG, "--due", "2099-12-31", "--consult", BODY)
    _ok(invoke, ws, "comment", "add", SLUG, "--by", BODY, "--on", "d9.k5", "--text", "Đề nghị bỏ khoản 5 Điều 9.")
    _ok(invoke, ws, "comment", "add", SLUG, "--by", BODY, "--on", "d9.k6", "--text", "Nhất trí khoản 6.")
    _ok(invoke, ws, "round", "close", SLUG)
    return ws


def test_a_clause_dropped_and_the_next_renumbered_into_its_place_is_removed(commented: Workspace) -> None:
    # The sweep's repro2: draft 3 drops khoản 5 and khoản 6 becomes khoản 5. The comment on khoản 5 was listed
    # "d9.k5 changed", the address now holding the old khoản 6.
    ws = commented
    _commit(ws, _text(ws).replace(K5, "").replace(K6, K6.replace("6", "5", 1)), "Dự thảo lần 3: bỏ khoản 5 Điều 9")
    assert _placed(ws) == {"Đề nghị bỏ khoản 5 Điều 9.": "d9.k5 removed",
                           "Nhất trí khoản 6.": "d9.k6 moved to d9.k5"}


def test_a_clause_rewritten_at_its_own_address_stays_changed(commented: Workspace) -> None:
    # Every word of khoản 5 rewritten, nothing renumbered: the address still holds the provision commented on.
    ws = commented
    rewritten = "5\\. Ký các văn bản của Tỉnh ủy theo quy định của Ban Bí thư về thể thức văn bản của Đảng.\n\n"
    _commit(ws, _text(ws).replace(K5, rewritten), "Dự thảo lần 3: viết lại khoản 5 Điều 9")
    assert _placed(ws) == {"Đề nghị bỏ khoản 5 Điều 9.": "d9.k5 changed", "Nhất trí khoản 6.": "d9.k6 unchanged"}


def test_a_clause_inserted_by_one_draft_and_dropped_by_the_next_is_removed(tmp_workspace: Workspace,
                                                                          invoke: Invoke) -> None:
    # The sweep's full run: draft 3 inserted khoản 2 (clauses 2-6 became 3-7), round 2 commented on it, draft 4
    # dropped it and numbered the clauses back. Its comments were listed "d9.k2 changed", beside the comment on
    # the clause really at d9.k2 ("unchanged").
    ws = tmp_workspace
    _ok(invoke, ws, "round", "open", SLUG, "--due", "2099-12-31", "--consult", BODY)
    _ok(invoke, ws, "round", "close", SLUG)
    old = _text(ws)
    start = old.index(K2)
    shifted = old[:start] + NEW_K2 + _renumbered(old[start:], +1)
    _commit(ws, shifted.replace("draft: 2", "draft: 3", 1), "Dự thảo lần 3: bổ sung khoản 2 Điều 9")
    _ok(invoke, ws, "round", "open", SLUG, "--due", "2099-12-31", "--consult", BODY)
    _ok(invoke, ws, "comment", "add", SLUG, "--by", BODY, "--on", "d9.k2", "--text", "Về hội nghị chuyên đề.")
    _ok(invoke, ws, "comment", "add", SLUG, "--by", BODY, "--on", "d9.k3", "--text", "Về chủ trì hội nghị.")
    _ok(invoke, ws, "round", "close", SLUG)
    _commit(ws, old.replace("draft: 2", "draft: 4", 1), "Dự thảo lần 4: bỏ khoản 2 mới của Điều 9")
    assert _placed(ws) == {"Về hội nghị chuyên đề.": "d9.k2 removed", "Về chủ trì hội nghị.": "d9.k3 moved to d9.k2"}


def _renumbered(text: str, by: int) -> str:
    """The clauses 2 to 6 of the new Điều 9 at the start of `text` numbered `by` on."""
    end = text.index("7\\. Sửa đổi")
    head = text[:end]
    for n in range(6, 1, -1):
        head = head.replace(f"{n}\\. ", f"{n + by}\\. ", 1)
    return head + text[end:]


def test_locate_with_the_draft_before_keeps_a_rewritten_clause_changed() -> None:
    # The fixtures' khoản 1 Điều 2, rewritten at its address: changed whether or not the draft before is known.
    draft1, draft2 = (parse((FIX / name).read_bytes(), name) for name in ("draft1.md", "draft2.md"))
    anchor = c.anchor_text(draft1, "d2.k1")
    assert anchoring.locate("d2.k1", anchor, draft2, draft1).state is anchoring.State.CHANGED
    assert anchoring.follow("d2.k1", anchor, [draft2], draft1).state is anchoring.State.CHANGED

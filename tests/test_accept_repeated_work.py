"""Accepting proposals one after another on the review server does not search the amendment's own edits again.

Each accept writes the amendment's instructions anew from the text in force (`amend from-edits` on the draft with the
proposal in it), and the phrase search widened every edit of the amendment each time: two thirds of the 1.6 s of CPU
an accept took on Luật Đấu thầu with 57/2024's 21 instructions (r36 committee sweep: "12.8 s" on a loaded machine),
though only the proposal's edits were new. The work is counted here, not timed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from regdraft.core.amend import edit_sites, reading, replacements, revised, untouched
from regdraft.core.amend.edit_sites import Site
from regdraft.core.amend.edits import instructions_from_edits
from regdraft.core.amend.readable import Cohesion
from regdraft.core.model import Regulation
from regdraft.workspace import rounds
from regdraft.workspace.proposals import accept_proposal
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT

BODIES = ("Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy")
K3 = ("3. Ban Thường vụ Tỉnh ủy chịu trách nhiệm trước Ban Chấp hành Đảng bộ tỉnh, Bộ Chính trị, Ban Bí thư về "
      "những quyết định của mình; hằng năm tự phê bình và phê bình, kiểm điểm tập thể, cá nhân và báo cáo kết quả "
      "với Ban Chấp hành Đảng bộ tỉnh và Ban Thường vụ Tỉnh ủy.")
POINT_A = ("a) Xây dựng chương trình làm việc toàn khóa, chương trình công tác hằng năm của Ban Chấp hành Đảng bộ "
           "tỉnh và của Ban Thường vụ Tỉnh ủy; chuẩn bị nội dung các kỳ hội nghị thường lệ Ban Chấp hành Đảng bộ tỉnh;")

Widened = list[tuple[tuple[str, ...], Site]]


@contextmanager
def widened(monkeypatch: pytest.MonkeyPatch) -> Iterator[Widened]:
    """Each edit widened into phrases inside the block, with the words of the text it was searched in (the text in
    force, or a draft): the same edit of the same text, widened twice, is work done twice."""
    texts: list[tuple[str, ...]] = []
    out: Widened = []
    real_choose = replacements.choose

    def choose(old: Regulation, *args: Any, **kwargs: Any) -> Any:
        texts.append(tuple(p for loc in old.walk() for p in ((loc.unit.title or ""), *loc.unit.text)))
        try:
            return real_choose(old, *args, **kwargs)
        finally:
            texts.pop()

    def widenings(site: Site, cohesion: Cohesion | None = None) -> Any:
        out.append((texts[-1], site))
        return edit_sites.widenings(site, cohesion)

    with monkeypatch.context() as patched:
        # `plan` calls `replacements.choose`; `revised` its own import (a proposal on words another instruction
        # changes).
        patched.setattr(replacements, "choose", choose)
        patched.setattr(revised, "choose", choose)
        patched.setattr(reading, "widenings", widenings)
        yield out


def test_a_second_accept_widens_no_edit_the_first_widened(tmp_workspace: Workspace,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    ws = tmp_workspace
    rounds.open_round(ws, SHIPPED_AMENDMENT, "Lấy ý kiến", "2099-03-15", list(BODIES))
    first = rounds.add_comment(ws, SHIPPED_AMENDMENT, BODIES[0], "d5.k3", "Cả Ban Thường vụ.", proposal=K3).id
    second = rounds.add_comment(ws, SHIPPED_AMENDMENT, BODIES[1], "d5.k1.a", "Hằng năm.", proposal=POINT_A).id
    with widened(monkeypatch) as before:
        accept_proposal(ws, SHIPPED_AMENDMENT, first)
    with widened(monkeypatch) as after:
        accept_proposal(ws, SHIPPED_AMENDMENT, second)
    # The amendment's own edits of the text in force were widened by the first accept (or a test before it, the text
    # being the shipped one); the second widens the new proposal's edits alone, which the first had not.
    assert after, "the second accept searched for no phrase"
    again = set(before) & set(after)
    assert not again, f"{len(again)} of {len(after)} edits widened again (of {len(before)} the first time)"


def test_an_accepted_text_equal_to_the_proposal_is_not_searched_for_instructions(
        tmp_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    # The check that the amendment as written builds the draft with the proposal (`untouched.as_edited`) looked for
    # the instructions from one to the other, every edit site of the text walked, to find none: the two are equal.
    ws = tmp_workspace
    rounds.open_round(ws, SHIPPED_AMENDMENT, "Lấy ý kiến", "2099-03-15", list(BODIES))
    cid = rounds.add_comment(ws, SHIPPED_AMENDMENT, BODIES[0], "d5.k3", "Cả Ban Thường vụ.", proposal=K3).id
    searched: list[int] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        searched.append(len(args))
        return instructions_from_edits(*args, **kwargs)

    monkeypatch.setattr(untouched, "instructions_from_edits", counted)
    done = accept_proposal(ws, SHIPPED_AMENDMENT, cid)
    assert done.commit and done.comment.accepted_in == done.commit
    assert searched == []


def test_an_accept_reads_and_applies_each_text_once(tmp_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    # The first accept in a review server cost 1.9 s of CPU on a loaded machine: the text in force was parsed twice
    # more though the comments page had read it (`parse_stored`, outside the workspace's cache), the draft was applied
    # three times from the same bytes (placing the comment at its round and now, then the draft written into), and the
    # amending document written was read back three times. Counted, not timed.
    import importlib

    from regdraft.core.layout import amendment_path
    from regdraft.workspace import lifecycle

    markdown = importlib.import_module("regdraft.core.markdown")
    document = importlib.import_module("regdraft.core.amend.document")
    ws = tmp_workspace
    rounds.open_round(ws, SHIPPED_AMENDMENT, "Lấy ý kiến", "2099-03-15", list(BODIES))
    cid = rounds.add_comment(ws, SHIPPED_AMENDMENT, BODIES[0], "d5.k3", "Cả Ban Thường vụ.", proposal=K3).id
    rounds.draft_text(ws, SHIPPED_AMENDMENT)  # the page the drafter accepts from has read the texts
    in_force = ws.read("regulations/01-QC-TU.md")
    parsed: list[object] = []
    applied: list[object] = []
    documents: list[object] = []
    real_read, real_applied, real_document = markdown._read, lifecycle.applied_at_once, document._read_amendment

    def read(data: Any, *args: Any, **kwargs: Any) -> Any:
        parsed.append(data)
        return real_read(data, *args, **kwargs)

    def applied_at_once(*args: Any, **kwargs: Any) -> Any:
        applied.append(args)
        return real_applied(*args, **kwargs)

    def read_amendment(data: Any, *args: Any, **kwargs: Any) -> Any:
        documents.append(data)
        return real_document(data, *args, **kwargs)

    monkeypatch.setattr(markdown, "_read", read)
    monkeypatch.setattr(lifecycle, "applied_at_once", applied_at_once)
    monkeypatch.setattr(document, "_read_amendment", read_amendment)
    done = accept_proposal(ws, SHIPPED_AMENDMENT, cid)
    written = ws.read(amendment_path(SHIPPED_AMENDMENT), done.commit).decode("utf-8")
    assert in_force not in parsed and in_force.decode("utf-8") not in parsed
    assert len(parsed) <= 1, "only the edited text (the draft with the proposal) is read"
    assert applied == [], "the draft was applied again from the readings the page had"
    assert documents.count(written) == 1, f"the document written was read {documents.count(written)} times"

"""`check` notes how many provisions pending drafts both change, and names `amend conflicts` (r42 sweep CM 7: it said
"No problems found." over 13 overlapping pairs); a note, not a problem, and nothing when none overlap."""

from __future__ import annotations

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import run_cli
from tests.web.test_web_pending_overlaps import _drafts


def test_check_notes_how_many_provisions_pending_drafts_both_change(tmp_workspace: Workspace) -> None:
    _drafts(tmp_workspace, "moi-a", "moi-c")
    before = run_cli(tmp_workspace, "check")
    assert "pending amendments both change" not in before.output
    _drafts(tmp_workspace, "moi-b")
    done = run_cli(tmp_workspace, "check")
    assert done.exit_code == before.exit_code  # a note, not a problem
    assert ("Note: pending amendments both change 1 provision (1 pair of instructions); `regdraft amend conflicts` "
            "lists them.") in done.output, done.output


def test_the_note_compares_only_drafts_touching_the_same_provisions(tmp_workspace: Workspace,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # r43 sweep CI F3: the note set every pending draft against every other, each instruction against each (62
    # drafts: 12 s of `check`'s 16 s), to print two counts. Twelve drafts changing one clause each, and two
    # changing the same point: the pairs compared follow the one overlap, not 14 × 13 / 2.
    from regdraft.core.model import Address
    from regdraft.workspace.overlaps import overlap_note
    from tests.web.conftest import draft_of_01
    from tests.web.test_web_pending_overlaps import IN_D

    _drafts(tmp_workspace, "moi-a", "moi-b")
    tmp_workspace.commit({f"amendments/k{n}/amendment.md": draft_of_01(IN_D.format(
        old="Ban", new="Ban", point="a").replace("điểm a khoản 1 Điều 5", f"khoản 1 Điều {n}")).encode("utf-8")
        for n in range(6, 18)}, "Twelve drafts, one clause each")
    overlap_note(tmp_workspace)  # the drafts read and cached: what follows counts the note's own work
    compared = 0
    real = Address.contains

    def contains(self: Address, other: Address) -> bool:
        nonlocal compared
        compared += 1
        return real(self, other)

    monkeypatch.setattr(Address, "contains", contains)
    note = overlap_note(tmp_workspace)
    assert note.startswith("Note: pending amendments both change 1 provision (1 pair of instructions); "), note
    assert compared <= 6, compared  # 4 now; 66 before (every pair of drafts)


def test_an_inserted_point_is_named_after_the_points_before_it(tmp_workspace: Workspace) -> None:
    # r43 sweep CI F6: the review page's notice read "điểm e và điểm c khoản 1 Điều 4": the inserted điểm e was
    # placed where its holder khoản 1 stands, before the points of that clause.
    from regdraft.core.amend.wording import cite
    from regdraft.workspace.overlaps import overlaps_of
    from tests.web.conftest import draft_of_01

    body = ("1\\. Sửa đổi, bổ sung một số điểm của khoản 1 Điều 4 như sau:\n\n"
            "a) Bổ sung điểm e vào sau điểm đ như sau:\n\n“e) Lãnh đạo công tác chuyển đổi số.”.\n\n"
            "b) Sửa đổi, bổ sung điểm c như sau:\n\n“c) Thảo luận, cho ý kiến về kế hoạch.”.\n\n"
            "2\\. Bổ sung khoản 6 vào sau khoản 5 Điều 3 như sau:\n\n“6\\. Nội dung mới.”.")
    tmp_workspace.commit({f"amendments/{slug}/amendment.md": draft_of_01(body).encode("utf-8")
                          for slug in ("moi-a", "moi-b")}, "Two drafts")
    [overlap] = [o for o in overlaps_of(tmp_workspace, "moi-a") if o.other.slug == "moi-b"]
    assert [cite(a, "vi") for a in overlap.provisions] == [
        "khoản 6 Điều 3", "điểm c khoản 1 Điều 4", "điểm e khoản 1 Điều 4"], overlap.provisions

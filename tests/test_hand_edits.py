"""A regulation edited by hand (committed with git) before its first adoption is reported, and not taken as its
original wording by that adoption unless accepted as a correction (`workspace.hand_edits`)."""

from __future__ import annotations

import pytest

from regdraft.core.errors import RegdraftError
from regdraft.workspace import adoption
from regdraft.workspace.checks import check_workspace
from regdraft.workspace.memory import memory_workspace
from regdraft.workspace.store import Workspace
from regdraft.workspace.store_history import HISTORY_BYTES
from tests.conftest import SHIPPED_AMENDMENT, SHIPPED_REGULATION, Invoke

REG = "regulations/01-QC-TU.md"
BASE = "regulations/history/01-QC-TU/base.md"
WAS, EDITED = "Thường lệ ba tháng một lần", "Thường lệ hai tháng một lần"  # điểm a khoản 1 Điều 12


def _edit_by_hand(ws: Workspace) -> str:
    text = ws.read(REG).decode("utf-8")
    assert text.count(WAS) == 1
    return ws.commit({REG: text.replace(WAS, EDITED).encode("utf-8")}, "sửa trực tiếp")


def _edits(ws: Workspace) -> list[str]:
    return [p.message for p in check_workspace(ws) if "first committed" in p.message]


def test_check_warns_of_a_hand_edit_before_the_first_adoption(tmp_workspace: Workspace) -> None:
    assert _edits(tmp_workspace) == []
    sha = _edit_by_hand(tmp_workspace)
    problems = [p for p in check_workspace(tmp_workspace) if "first committed" in p.message]
    assert len(problems) == 1 and problems[0].warning and problems[0].source == REG
    message = problems[0].message
    assert message.startswith(f"{REG} differs from its text as first committed (")
    assert f"in điểm a khoản 1 Điều 12: commit {sha[:7]} (" in message and "“sửa trực tiếp”) changed it" in message
    assert "the first adoption would keep this text as the regulation's original wording" in message
    assert "write the change as an amendment" in message and "corrects the text as first committed" in message
    lines = tmp_workspace.read(REG).decode("utf-8").split("\n")
    assert lines[problems[0].line - 1].startswith(f"a) {EDITED};")  # the line of the provision edited


def test_adoption_refuses_it_and_a_reason_accepts_it_as_a_correction(tmp_workspace: Workspace) -> None:
    _edit_by_hand(tmp_workspace)
    with pytest.raises(RegdraftError) as refused:
        adoption.adopt(tmp_workspace, SHIPPED_AMENDMENT, "2025-03-28", "2025-03-28")
    assert f"{REG} differs from its text as first committed" in str(refused.value)
    assert "adopting would keep this text as the original wording of 01-QC/TU" in str(refused.value)
    assert not tmp_workspace.exists(BASE)
    adoption.adopt(tmp_workspace, SHIPPED_AMENDMENT, "2025-03-28", "2025-03-28", force="sửa lỗi khi nhập văn bản")
    assert EDITED in tmp_workspace.read(BASE).decode("utf-8")  # accepted: the corrected text is the base
    recorded = str(tmp_workspace.repo.head.commit.message)  # the reason and what it was accepted past
    assert "Adopted past its gates: sửa lỗi khi nhập văn bản" in recorded
    assert "differs from its text as first committed" in recorded
    assert _edits(tmp_workspace) == []


def test_a_text_only_reformatted_or_put_back_is_not_reported(tmp_workspace: Workspace, invoke: Invoke) -> None:
    text = tmp_workspace.read(REG).decode("utf-8")
    tmp_workspace.commit({REG: text.replace("\n\n", "\n\n\n", 5).encode("utf-8")}, "blank lines")
    assert _edits(tmp_workspace) == []
    assert invoke(tmp_workspace, "fmt").exit_code == 0
    _edit_by_hand(tmp_workspace)
    tmp_workspace.commit({REG: text.encode("utf-8")}, "put back")
    assert _edits(tmp_workspace) == []


def test_in_memory_too() -> None:
    ws = memory_workspace({REG: SHIPPED_REGULATION.read_bytes()})
    assert _edits(ws) == []
    _edit_by_hand(ws)
    assert len(_edits(ws)) == 1


def test_a_format_marker_added_later_is_no_hand_edit(tmp_workspace: Workspace) -> None:
    """The office's own 01-QC/TU gained `<!-- đoạn cuối khoản 2 -->` (its format's closing-text marker) after it was
    first committed: the same words in the same order, read as khoản 2's closing text instead of point đ's. `check`
    warned of a hand edit and `amend adopt` would have refused the shipped amendment."""
    text = tmp_workspace.read(REG).decode("utf-8")
    marker = "<!-- đoạn cuối khoản 2 -->\n\n"
    assert text.count(marker) == 1
    tmp_workspace.commit({REG: text.replace(marker, "").encode("utf-8")}, "As first committed, without the marker")
    from regdraft.workspace.store import init_workspace  # a history whose first text lacks the marker

    fresh = init_workspace(tmp_workspace.root.parent / "fresh", example_from=tmp_workspace.root)
    assert fresh.read(REG) == tmp_workspace.read(REG) and marker not in fresh.read(REG).decode("utf-8")
    fresh.commit({REG: text.encode("utf-8")}, "The closing-text marker")
    assert _edits(fresh) == []
    # A word changed with it is still a hand edit.
    fresh.commit({REG: text.replace(WAS, EDITED).encode("utf-8")}, "sửa trực tiếp")
    assert len(_edits(fresh)) == 1


def _first_committed_large(ws: Workspace) -> tuple[str, int]:
    """The regulation written first (by an import) with 2.5 MB more of clauses, then cut back to its text: a clone
    packs such repeated text some 300 times over (sweep r23 s2security defect 1)."""
    text = ws.read(REG)
    padding = "\n\n## Điều 99. Thêm\n\n" + "1. Nội dung của khoản này.\n" * 90_000
    large = text + padding.encode("utf-8")
    assert len(large) > max(8 * len(text), HISTORY_BYTES)
    first = ws.commit({REG: large}, "Import 01-QC/TU")
    ws.commit({REG: text}, "Bỏ phần thừa")
    return first, len(large)


def test_a_first_version_far_larger_than_the_text_now_is_not_read(tmp_workspace: Workspace,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    first, size = _first_committed_large(tmp_workspace)
    read = Workspace.read
    asked: list[tuple[str, str | None]] = []

    def reading(ws: Workspace, relative: str, rev: str | None = None) -> bytes:
        asked.append((relative, rev))
        return read(ws, relative, rev)

    monkeypatch.setattr(Workspace, "read", reading)
    problems = [p for p in check_workspace(tmp_workspace) if "first committed" in p.message]
    assert (REG, first) not in asked  # git's count of its bytes was asked, the text itself never read
    assert len(problems) == 1 and problems[0].warning and problems[0].source == REG
    assert problems[0].message.startswith(
        f"{REG} as first committed ({first[:7]}, ") and (f") is {size / 1024 ** 2:.1f} MB, more than 8 times its "
                                                         "text now (") in problems[0].message
    assert "and over 2 MB: that text was not read, so whether the regulation was changed without an amendment " \
           "since is not known" in problems[0].message
    with pytest.raises(RegdraftError) as refused:  # adoption: refused, as for a hand edit, unless given a reason
        adoption.adopt(tmp_workspace, SHIPPED_AMENDMENT, "2025-03-28", "2025-03-28")
    assert f"{REG} as first committed ({first[:7]}" in str(refused.value) and "not read" in str(refused.value)
    assert (REG, first) not in asked and not tmp_workspace.exists(BASE)
    adoption.adopt(tmp_workspace, SHIPPED_AMENDMENT, "2025-03-28", "2025-03-28", force="văn bản gốc là bản hiện tại")
    assert tmp_workspace.read(BASE) == tmp_workspace.read(REG, f"{tmp_workspace.head()}^")


def test_a_first_version_up_to_the_bound_is_still_compared(tmp_workspace: Workspace) -> None:
    text = tmp_workspace.read(REG)
    tmp_workspace.commit({REG: text + "\n## Điều 99. Thêm\n\n1. Nội dung.\n".encode()}, "Import 01-QC/TU")
    tmp_workspace.commit({REG: text}, "Bỏ Điều 99")
    assert [m.split(" in ")[-1].split(":")[0] for m in _edits(tmp_workspace)] == [
        "Điều 99 (removed), khoản 1 Điều 99 (removed)"]


def test_an_english_text_s_provisions_are_listed_so_that_commas_part_only_provisions(tmp_workspace: Workspace) -> None:
    """Sweep r26/O 9c: `in Article 1, clause 1, Article 1, clause 2, Article 1, point a, clause 2, Article 1`: the
    commas parted both the units of one address and the addresses. Cited as an English list cites provisions."""
    english = "regulations/01-QC-TU-EN.md"
    text = tmp_workspace.read(english).decode("utf-8")
    for old, new in (("To help the Secretary conduct", "To assist the Secretary in conducting"),
                     ("To direct Party building", "To lead Party building"),
                     ("once every three months", "once every two months")):
        assert text.count(old) == 1
        text = text.replace(old, new)
    tmp_workspace.commit({english: text.encode("utf-8")}, "hand edit")
    [message] = _edits(tmp_workspace)
    assert (f"{english} differs from its text as first committed" in message
            and " in clauses 1 and 2 of Article 10 and point a of clause 1 of Article 12: commit " in message)


def test_the_preamble_the_changed_and_the_removed_are_parted_by_semicolons_in_english() -> None:
    from regdraft.core.model import Address
    from regdraft.workspace.hand_edits import Differing, _named

    found = [Differing(None, 0), Differing(Address.parse("d2.k1"), 9), Differing(Address.parse("d9"), 0, True),
             Differing(Address.parse("d9.k1"), 0, True)]
    assert _named(found, "en") == "the preamble; clause 1 of Article 2; Article 9 and clause 1 of Article 9 (removed)"
    assert _named(found, "vi") == "the preamble, khoản 1 Điều 2, Điều 9 (removed), khoản 1 Điều 9 (removed)"


def test_before_a_commit_the_advice_copies_the_text_aside_before_putting_the_first_text_back(
        tmp_workspace: Workspace) -> None:
    # r29 sweep AL: it said "put the first text back (`git checkout …`, then copy … aside first …)": followed in that
    # order, `git checkout` overwrote the edits the copy was to keep.
    path = tmp_workspace.root / REG
    path.write_text(path.read_text(encoding="utf-8").replace(WAS, EDITED), encoding="utf-8")
    message = _edits(tmp_workspace)[0]
    assert "changes not yet committed" in message
    copy = message.index(f"first copy {REG} aside")
    assert copy < message.index('"checkout"') < message.index("giving the copy")

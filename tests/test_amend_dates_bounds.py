"""An amending document's entry-into-force article is read in time in proportion to its size (docs/security.md,
Bounded work; sweep r25 B defects 1 and 4): a sentence going on with `, quy định x` 4,000 times (69 KB) took
`amend adopt` 176 s and every later `show` 27 s, each `, quy định` rescanning the rest of the sentence; 1,500 dated
sentences made `amend check` 7 times slower than as many plain ones, each compared with every one before it.

The work is counted, never timed: the text the regular expressions are given to scan, the times a sentence is
split into its clauses, and the comparisons of two dated places."""

from __future__ import annotations

import pytest

from regdraft.core.amend import entry, staged
from regdraft.core.amend.document import load_amendment
from regdraft.core.amend.entry import clauses
from regdraft.core.amend.staged import dated_parts, unresolved
from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT, SHIPPED_AMENDMENT, Invoke
from tests.counting import Scanning, scanning

SHIPPED = REPO_ROOT / "amendments" / SHIPPED_AMENDMENT / "amendment.md"
OWN = "Quy chế này có hiệu lực kể từ ngày ký."


def _uncached() -> None:
    memo = getattr(entry, "_clauses", None)
    if memo is not None:
        memo.cache_clear()


def test_a_sentence_of_many_clauses_dating_nothing_is_scanned_about_once(monkeypatch: pytest.MonkeyPatch) -> None:
    _uncached()
    counted = scanning(monkeypatch.setattr, entry)
    sentence = "Quy chế này có hiệu lực kể từ ngày ký" + ", quy định x" * 2000 + "."
    assert clauses(sentence) == [sentence]
    # 2,000 separators, 24 KB: rescanning the rest for each gave 25 million characters
    assert sum(c.scanned for c in counted) < 4 * len(sentence)


def test_a_sentence_dating_several_parts_is_cut_as_before_and_scanned_about_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _uncached()
    counted = scanning(monkeypatch.setattr, entry)
    dated = ", riêng quy định tại khoản 2 Điều 1 có hiệu lực kể từ ngày 01/7/2026"
    sentence = "Quy chế này có hiệu lực kể từ ngày ký" + (", quy định x" * 50 + dated) * 40 + "."
    # cut where a date is stated both before and after: after the document's own, and after each later one
    middle = "quy định x, " * 49 + "quy định x" + dated
    assert clauses(sentence) == ["Quy chế này có hiệu lực kể từ ngày ký", *[middle] * 39, middle + "."]
    assert sum(c.scanned for c in counted) < 4 * len(sentence)


def test_amend_check_splits_each_sentence_into_its_clauses_once(tmp_workspace: Workspace, invoke: Invoke,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # It was split about sixteen times: for `staged`'s sentences and `entry_into_force`'s order, for each reader of
    # the dated parts (the warnings, the order of the pending amendments, the stages).
    path = tmp_workspace.root / "amendments" / SHIPPED_AMENDMENT / "amendment.md"
    sentence = ("Quy chế này có hiệu lực kể từ ngày ký, riêng quy định tại khoản 9 Điều 1 có hiệu lực kể từ ngày 01 "
                "tháng 7 năm 2025.")
    text = path.read_text(encoding="utf-8").replace(OWN, sentence)
    tmp_workspace.commit({path.relative_to(tmp_workspace.root).as_posix(): text.encode("utf-8")}, "two dates")
    _uncached()
    split: list[str] = []
    besides = Scanning(entry._BESIDES)
    monkeypatch.setattr(entry, "_BESIDES", besides)
    original = besides.finditer

    def finditer(string: str, *args: object) -> object:
        split.append(string)
        return original(string, *args)

    monkeypatch.setattr(besides, "finditer", finditer)
    checked = invoke(tmp_workspace, "amend", "check", SHIPPED_AMENDMENT)
    assert "khoản 9 Điều 1" in checked.output or checked.exit_code == 0, checked.output
    assert split and sentence in split
    assert len(split) == len(set(split)), f"{len(split)} splits of {len(set(split))} sentences"


def test_many_dated_sentences_are_each_compared_with_the_parts_they_may_clash_with(
        monkeypatch: pytest.MonkeyPatch) -> None:
    clashes = 0
    clash = staged._clash

    def counted(a: tuple[str, str], b: tuple[str, str]) -> bool:
        nonlocal clashes
        clashes += 1
        return clash(a, b)

    monkeypatch.setattr(staged, "_clash", counted)
    n = 700
    dated = " ".join(f"Quy định tại khoản {i % 14 + 1} Điều 1 có hiệu lực kể từ ngày 01/7/2026." for i in range(n))
    text = SHIPPED.read_text(encoding="utf-8").replace(OWN, f"{OWN} {dated}")
    amendment = load_amendment(text, "amendment.md", SHIPPED_AMENDMENT)
    parts = dated_parts(amendment)
    # every pair of the 700 parts was compared (244,650); now each with the places given before it (14 at most)
    assert clashes < 20 * n
    assert len(parts) == n and {p.places for p in parts} == {(("1", str(k)),) for k in range(1, 15)}
    assert unresolved(amendment) == []

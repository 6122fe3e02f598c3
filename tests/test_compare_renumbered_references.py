"""`compare` lists the references a rewritten text kept whose target now stands under another number.

The term XV regulation renumbered its articles and kept `theo quy định tại Điều 20 Quy chế này`, meaning the old
Điều 20 (now Điều 27): the comparison knew `Điều 20 → Điều 27 (đánh số lại)` and said nothing of the reference,
which still resolved, so `check` passed it (r41 sweep CJ 5). An amendment's redline lists the references to
check; a comparison of two texts now does too, in `--changes`, the HTML and the table.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regdraft.core.diff import compare
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.core.refs.renumbered import renumbered_references
from tests.conftest import CORPUS, SHIPPED_REGULATION, Invoke, in_corpus, needs_corpus

SHIPPED = SHIPPED_REGULATION.read_text(encoding="utf-8")


def without_article(md: str, n: int) -> str:
    """Article `n` taken out and the later articles' headings numbered on (`Điều 6` now `## Điều 5.`); the text
    itself, references included, as it was."""
    start = re.search(rf"^#+ Điều {n}\.", md, re.M)
    assert start is not None
    end = re.compile(r"^#", re.M).search(md, start.end())
    assert end is not None
    md = md[:start.start()] + md[end.start():]
    return re.sub(r"^(#+ Điều )(\d+)(\.|$)", lambda m: f"{m[1]}{int(m[2]) - 1 if int(m[2]) > n else m[2]}{m[3]}",
                  md, flags=re.M)


def _found(old: str, new: str) -> list[tuple[str, str, str, str]]:
    result = compare(parse(old), parse(new))
    return [(str(f.reference.source), str(f.target), str(f.was), str(f.now))
            for f in renumbered_references(result.old, result.new, result.provisions)]


def test_a_reference_kept_to_a_renumbered_article_is_found_and_one_updated_is_not() -> None:
    new = without_article(SHIPPED, 3)
    found = _found(SHIPPED, new)
    # khoản 3 Điều 6 (`quy định tại khoản 2 Điều 5 Quy chế này`) is now khoản 3 Điều 5, and Điều 5 is Điều 4.
    assert ("d5.k3", "d5.k2", "d5.k2", "d4.k2") in found
    assert all(was != now and target == was for _, target, was, now in found)
    # The drafter who wrote the new number has nothing to check there.
    updated = new.replace("theo quy định tại khoản 2 Điều 5 Quy chế này",
                          "theo quy định tại khoản 2 Điều 4 Quy chế này")
    assert ("d5.k3", "d4.k2", "d5.k2", "d4.k2") not in _found(SHIPPED, updated)
    assert not [row for row in _found(SHIPPED, updated) if row[0] == "d5.k3"]


def test_nothing_renumbered_nothing_listed() -> None:
    new = SHIPPED.replace("Ban Thường vụ Tỉnh ủy chịu trách nhiệm",
                          "Ban Thường vụ Tỉnh ủy hoàn toàn chịu trách nhiệm", 1)
    assert _found(SHIPPED, new) == []


def test_compare_says_the_references_to_check_in_changes_the_page_and_the_table(tmp_path: Path,
                                                                                invoke: Invoke) -> None:
    (tmp_path / "old.md").write_text(SHIPPED, encoding="utf-8")
    (tmp_path / "new.md").write_text(without_article(SHIPPED, 3), encoding="utf-8")
    said = ("Khoản 3 Điều 5 dẫn chiếu khoản 2 Điều 5 như văn bản cũ, nhưng khoản 2 Điều 5 của văn bản cũ nay là "
            "khoản 2 Điều 4: cần rà soát.")
    args = (str(tmp_path / "old.md"), str(tmp_path / "new.md"))
    listed = invoke(None, "compare", *args, "--changes", catch=False).output
    assert f"reference to check: {said}" in listed, listed
    for layout in ("inline", "table"):
        out = tmp_path / f"{layout}.html"
        invoke(None, "compare", *args, "--layout", layout, "-o", str(out), catch=False)
        page = " ".join(re.sub(r"<[^>]+>", " ", out.read_text(encoding="utf-8")).split())
        assert "Các quy định có tham chiếu cần rà soát" in page and said in page, layout


@needs_corpus
def test_a_real_laws_references_kept_after_renumbering_are_found() -> None:
    from regdraft.importer import import_file

    law = render(import_file(in_corpus(CORPUS / "luat-du-lich.txt")).regulation)
    found = _found(law, without_article(law, 2))
    assert found and all(was != now for *_, was, now in found)
    # Every article after Điều 2 is one lower: each reference kept to one of them names the old number.
    assert all(int(str(was).split(".")[0][1:]) - 1 == int(str(now).split(".")[0][1:]) for *_, was, now in found)


def citations_renumbered(md: str, n: int, keep: str = "") -> str:
    """`md` with the citations `Điều N Quy chế này` / `Điều N của Luật này` of an article after `n` numbered one
    lower, as a drafter who took out Điều `n` corrects them; `keep` (words of the text) left as they are."""
    def lower(m: re.Match[str]) -> str:
        return f"{m[1]}{int(m[2]) - 1 if int(m[2]) > n else m[2]}{m[3]}"

    def fix(text: str) -> str:
        return re.sub(r"(Điều )(\d+)( (?:Quy chế này|Luật này|của Luật này))", lower, text)

    head, kept, tail = md.partition(keep) if keep else (md, "", "")
    return fix(head) + kept + fix(tail)


LIST = ("quy định tại Điều 16 Quy chế này và gửi", "quy định tại Điều 15 và Điều 16 Quy chế này và gửi")


def test_a_member_kept_in_a_list_the_drafter_half_renumbered_is_found() -> None:
    # Khoản 3 Điều 12 (Điều 11 once Điều 3 is out) cites `Điều 15 và Điều 16`: the drafter's correction of
    # `Điều N Quy chế này` reached the second member (Điều 16 → Điều 15) and missed the first, which still names
    # Điều 15, now the old Điều 16.
    old = SHIPPED.replace(*LIST)
    half = citations_renumbered(without_article(old, 3), 3)
    assert "quy định tại Điều 15 và Điều 15 Quy chế này" in half
    found = _found(old, half)
    assert [row for row in found if row[0] == "d11.k3"] == [("d11.k3", "d15", "d15", "d14")], found
    # Both members corrected, or both kept (the whole reference as it was): the same list read member by member.
    whole = half.replace("Điều 15 và Điều 15 Quy chế này", "Điều 14 và Điều 15 Quy chế này")
    assert not [row for row in _found(old, whole) if row[0] == "d11.k3"]
    stale = half.replace("Điều 15 và Điều 15 Quy chế này", "Điều 15 và Điều 16 Quy chế này")
    assert [row for row in _found(old, stale) if row[0] == "d11.k3"] == [
        ("d11.k3", "d15", "d15", "d14"), ("d11.k3", "d16", "d16", "d15")]


def test_a_list_that_lost_a_member_and_a_range_are_paired_by_what_each_member_names() -> None:
    old = SHIPPED.replace(LIST[0], "quy định tại Điều 3, Điều 15 và Điều 16 Quy chế này và gửi")
    base = citations_renumbered(without_article(old, 3), 3)
    listed = "quy định tại Điều 3, Điều 15 và Điều 15 Quy chế này"
    assert listed in base
    # The repealed Điều 3 dropped from the list and the rest corrected: nothing to check; the rest not corrected:
    # both members named.
    dropped = base.replace(listed, "quy định tại Điều 14 và Điều 15 Quy chế này")
    assert not [row for row in _found(old, dropped) if row[0] == "d11.k3"]
    kept = base.replace(listed, "quy định tại Điều 15 và Điều 16 Quy chế này")
    assert [row[1:] for row in _found(old, kept) if row[0] == "d11.k3"] == [
        ("d15", "d15", "d14"), ("d16", "d16", "d15")]
    # A range is read by its two ends: the end corrected, the start kept, only the start is named.
    ranged = SHIPPED.replace(LIST[0], "quy định từ Điều 15 đến Điều 17 Quy chế này và gửi")
    new = without_article(ranged, 3).replace("từ Điều 15 đến Điều 17 Quy chế này", "từ Điều 15 đến Điều 16 Quy chế này")
    assert [row[1:] for row in _found(ranged, new) if row[0] == "d11.k3"] == [("d15", "d15", "d14")]


@needs_corpus
def test_compare_names_the_kept_member_of_a_real_laws_half_renumbered_list(tmp_path: Path, invoke: Invoke) -> None:
    # r42 sweep CH F1: Luật Du lịch without Điều 5, its `Điều N của Luật này` corrected but for the first member of
    # khoản 1 Điều 22's `Điều 20 và Điều 21`, now khoản 1 Điều 21's `Điều 20 và Điều 20`.
    from regdraft.importer import import_file

    law = render(import_file(in_corpus(CORPUS / "luat-du-lich.txt")).regulation)
    assert "quy định tại Điều 20 và Điều 21 của Luật này" in law
    new = citations_renumbered(without_article(law, 5), 5, keep="quy định tại Điều 20 và Điều 21 của Luật này")
    new = new.replace("quy định tại Điều 20 và Điều 21 của Luật này", "quy định tại Điều 20 và Điều 20 của Luật này")
    (tmp_path / "old.md").write_text(law, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    listed = invoke(None, "compare", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "--changes",
                    catch=False).output
    said = ("reference to check: Khoản 1 Điều 21 dẫn chiếu Điều 20 như văn bản cũ, nhưng Điều 20 của văn bản cũ nay "
            "là Điều 19: cần rà soát.")
    assert said in listed, listed
    # The member the drafter corrected (Điều 21 → Điều 20) is not named.
    assert "Khoản 1 Điều 21 dẫn chiếu Điều 20 như văn bản cũ, nhưng Điều 21" not in listed
    # The list now cites Điều 20 twice: a renumbering slip of its own (r43 cmp43, test_refs_cited_twice).
    assert ("reference to check: Khoản 1 Điều 21 dẫn chiếu Điều 20 hai lần (“Điều 20 và Điều 20”): cần rà soát."
            in listed), listed


def _list_against_sentences(n: int, k: int) -> tuple[str, str]:
    """r43 sweep CI F1's input, small: the old khoản 1 Điều 1 cites a list of `n` members, the new one (Điều 5
    dropped, the articles after it renumbered) holds `k` sentences citing Điều 15, which shares none of them."""
    def doc(new: bool) -> str:
        out = ["---\nid: T-1\ntype: Quy chế\ntitle: Quy chế thử\nlanguage: vi\nissuer: X\nsigned: 2020-01-01\n---\n\n"]
        number = 0
        for a in range(1, 21):
            if new and a == 5:
                continue
            number += 1
            out.append(f"## Điều {number}. Điều thứ {a}\n\n")
            if a == 1 and not new:
                out.append(f"1. Theo các Điều {', '.join(str(3 + i % 2) for i in range(n))} của Quy chế này.\n\n")
            elif a == 1:
                out.append("1. " + " ".join(f"Việc {i} theo Điều 15 của Quy chế này." for i in range(k)) + "\n\n")
            else:
                out.append("1. Nội dung khoản một.\n\n")
        return "".join(out)
    return doc(False), doc(True)


def test_a_long_old_list_is_read_once_however_many_new_references_it_is_set_against(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # r43 sweep CI F1: each new reference whose words changed was set against the old list, whose members' new
    # places were worked out again each time: K × N lookups (N = K = 3,000: 1 min 41 s of `compare`).
    from regdraft.core.refs import renumbered
    old, new = _list_against_sentences(100, 100)
    result = compare(parse(old), parse(new))
    calls = 0
    real = renumbered._Places.new_of

    def counted(self: renumbered._Places, address: object) -> object:
        nonlocal calls
        calls += 1
        return real(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(renumbered._Places, "new_of", counted)
    found = renumbered_references(result.old, result.new, result.provisions)
    assert [(str(f.target), str(f.was)) for f in found] == []
    assert calls <= 2 * (100 + 100), calls  # linear in the members, not 100 × 100

"""An article renumbered with the citations of it corrected is still its old self (r41 sweep CK F1).

A new term's draft leaves out Điều 11 of 01-QC/TU, renumbers the articles after it and corrects the citations
(`Điều 16 Quy chế này` now `Điều 15`). The comparison paired old Điều 12 (Hội nghị Ban Chấp hành, which cites Điều
16) with new Điều 12 (the old Điều 13, Hội nghị Ban Thường vụ: alike enough under one label), and so called Điều 13
repealed, old Điều 11 moved and old Điều 12 rewritten into another article, in `compare` and in the committee's
redline. With the headings alone renumbered it was right: the articles citing others were the ones lost.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from regdraft.core.align import align, flatten
from regdraft.core.citation_numbers import CANDIDATES, cited_aside, cited_numbers, closest
from regdraft.core.diff import ChangeKind, Comparison, compare
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.core.text import tone_key
from regdraft.core.word_diff import Op
from regdraft.importer import import_file
from tests import counting

from .conftest import CORPUS, SHIPPED_REGULATION, in_corpus

_HEADING = re.compile(r"^#+ Điều (\d+)(?!\w)")


def _without_article(text: str, gone: int, citations: bool = True) -> str:
    """`text` without its Điều `gone`, the later ones renumbered, and (with `citations`) the citations of them too."""
    kept, skipping = [], False
    for line in text.split("\n"):
        heading = _HEADING.match(line)
        if heading:
            skipping = int(heading.group(1)) == gone
        elif line.startswith("#"):
            skipping = False
        if not skipping:
            kept.append(line)

    def shifted(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return f"Điều {number - 1 if number > gone else number}"

    renumbered = [(re.sub(r"Điều (\d+)(?!\w)", shifted, line) if citations or _HEADING.match(line) else line)
                  for line in kept]
    return "\n".join(renumbered)


def _articles(comparison: Comparison) -> list[tuple[int | None, int | None]]:
    def number(address: object) -> int | None:
        return None if address is None else int(re.sub(r"\D", "", str(address)))

    return [(number(p.old_address), number(p.new_address)) for p in comparison.provisions
            if p.kind.value == "article"]


def _each_its_old_self(pairs: list[tuple[int | None, int | None]], gone: int) -> None:
    assert (gone, None) in pairs
    wrong = [(old, new) for old, new in pairs
             if old != gone and new != (old if old is None or old < gone else old - 1)]
    assert wrong == []


def test_an_article_citing_renumbered_ones_is_matched_to_its_old_self() -> None:
    old_text = SHIPPED_REGULATION.read_text(encoding="utf-8")
    new_text = _without_article(old_text, 11)
    assert "tại Điều 15 Quy chế này và gửi" in new_text  # old Điều 12 cites Điều 16, now 15
    result = compare(parse(old_text), parse(new_text))
    _each_its_old_self(_articles(result), 11)
    kinds = Counter(change.kind for change in result.changes)
    assert kinds[ChangeKind.REPEALED] == 1
    assert not kinds.keys() & {ChangeKind.MOVED, ChangeKind.INSERTED, ChangeKind.HEADING_CHANGED, ChangeKind.AMENDED}
    # What changed besides the labels: the numbers cited, each one number for another.
    cited = [change for change in result.changes if change.kind is ChangeKind.WORDS_REPLACED]
    assert len(cited) == 6
    for change in cited:
        edits = [(s.op, s.text) for s in change.segments if s.op is not Op.EQUAL]
        assert [op for op, _ in edits] == [Op.DELETE, Op.INSERT]
        assert int(edits[0][1]) - 1 == int(edits[1][1])


def test_with_the_headings_alone_renumbered_the_same_articles_are_paired() -> None:
    old_text = SHIPPED_REGULATION.read_text(encoding="utf-8")
    headings = compare(parse(old_text), parse(_without_article(old_text, 11, citations=False)))
    citations = compare(parse(old_text), parse(_without_article(old_text, 11)))
    assert _articles(headings) == _articles(citations)


def test_a_law_of_the_corpus_renumbered_with_its_citations_keeps_every_article() -> None:
    # Luật Du lịch cites its own articles 90 times: with Điều 5 left out, 7 articles were paired with others (4
    # "repealed", 4 "inserted", 8 "moved", 28 "amended").
    text = render(import_file(in_corpus(CORPUS / "luat-du-lich.txt")).regulation)
    result = compare(parse(text), parse(_without_article(text, 5)))
    pairs = _articles(result)
    _each_its_old_self(pairs, 5)
    kinds = Counter(change.kind for change in result.changes)
    assert kinds[ChangeKind.REPEALED] == 1
    assert not kinds.keys() & {ChangeKind.MOVED, ChangeKind.INSERTED, ChangeKind.AMENDED}


@pytest.mark.parametrize(("text", "aside"), [
    ("theo quy định tại Điều 16 Quy chế này", "theo quy định tại Điều # Quy chế này"),
    ("điểm a khoản 1 Điều 12", "điểm a khoản # Điều #"),  # the clause too: renumbered when one before it goes
    ("các Điều 15, 16 và 17a", "các Điều #, # và #a"),
    ("từ Điều 3 đến Điều 5", "từ Điều # đến Điều #"),
    ("as Article 4 provides", "as Article # provides"),
    ("điều 7 này", "điều # này"),
    ("trong 30 ngày, khoản 2 Điều này", ""),  # no article number cited: nothing to set aside
])
def test_the_numbers_of_cited_articles_are_set_aside(text: str, aside: str) -> None:
    assert cited_aside(text) == aside
    if aside:
        assert aside.count(" ") == text.count(" ")
        assert len(cited_numbers(text)) == aside.count("#")


def _regulation(articles: list[tuple[int, str]]) -> str:
    """Articles titled by their first word (`Việc`, `Nội`, …), so that the title does not tell them apart."""
    head = "---\nid: R/1\ntype: Quy chế\ntitle: T\nlanguage: vi\nissuer: A\nsigned: 2021-01-09\n---\n\n"
    return head + "\n\n".join(f"## Điều {n}. {text.split()[0]}\n\n{text}" for n, text in articles) + "\n"


def test_of_old_articles_alike_but_for_their_citations_the_one_citing_the_same_numbers_is_chosen() -> None:
    lead = "Việc phối hợp giữa các cơ quan tham mưu được thực hiện theo quy định tại"
    old = flatten(parse(_regulation([(1, "Nội dung chung."), (2, f"{lead} Điều 3 và Điều 5."),
                                     (3, f"{lead} Điều 1 và Điều 5."), (4, "Trách nhiệm thi hành."),
                                     (5, "Hiệu lực thi hành.")]), "a.md"))
    # Old Điều 2 left out; old 3 renumbered 2, its citation of Điều 5 corrected to 4: alike but for its citations
    # both old Điều 2 (under its label) and old Điều 3, which cites Điều 1 as it does.
    new = flatten(parse(_regulation([(1, "Nội dung chung."), (2, f"{lead} Điều 1 và Điều 4."),
                                     (3, "Trách nhiệm thi hành."), (4, "Hiệu lực thi hành.")]), "b.md"))
    assert align(old, new, fold=tone_key) == [(0, 0), (1, None), (2, 1), (3, 2), (4, 3)]
    assert closest("article:2", ("1", "4"), [("article:2", ("3", "5")), ("article:3", ("1", "5"))]) == 1
    assert closest("article:2", ("9",), [("article:3", ("1",)), ("article:2", ("2",))]) == 1  # none alike: its key


def test_closest_weighs_a_bounded_number_of_candidates() -> None:
    many = [(f"article:{n}", (str(n),)) for n in range(CANDIDATES + 10)]
    assert closest("article:0", (str(CANDIDATES + 5),), many) == 0  # beyond the bound: not weighed


@pytest.mark.parametrize("n", [100, 400])
def test_many_articles_alike_but_for_their_citations_cost_a_bounded_work_each(n: int) -> None:
    # Crafted: every article the same words citing another number, none cited alike on the other side, so that
    # each new one is weighed against every old one left (at most CANDIDATES of them).
    lead = "Cơ quan tham mưu thực hiện chế độ thông tin, báo cáo theo quy định tại"
    old = flatten(parse(_regulation([(k, f"{lead} Điều {k}.") for k in range(1, n + 1)]), "a.md"))
    new = flatten(parse(_regulation([(k - 1, f"{lead} Điều {k + n}.") for k in range(2, n + 1)]), "b.md"))
    for item in (*old, *new):
        item.bag()
    count, pairs = counting.events(lambda: align(old, new, fold=tone_key),
                                   counting.in_module(("core/align.py", "core/citation_numbers.py")))
    assert sorted(j for i, j in pairs if i is not None and j is not None) == list(range(n - 1))
    assert count < 400 * n  # profile events: about 220 an article at 100, 400, 1,600 and 6,400 articles

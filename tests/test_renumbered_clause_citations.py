"""A citation of a clause of an article renumbered with it (`khoản 3 Điều 16` now `khoản 2 Điều 15`, a clause of
Điều 16 and an article before it left out) is a citation renumbered: `core.citation_numbers` sets the clause's
number aside with the article's, so the article citing it is still paired with its old self (r42 newreg42, 3)."""

from __future__ import annotations

import re

import pytest

from regdraft.core import citation_numbers
from regdraft.core.citation_numbers import cited_aside, cited_numbers
from regdraft.core.diff import compare
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from tests.conftest import CORPUS, SHIPPED_REGULATION, in_corpus, needs_corpus
from tests.test_renumbered_citations import _articles, _each_its_old_self, _without_article


def _without_clause(text: str, heading: str, gone: int) -> str:
    """The article headed `heading` without its clause `gone`, the later clauses numbered on."""
    start = text.index(heading)
    end = re.compile(r"^#", re.M).search(text, start + len(heading))
    assert end is not None
    body = text[start:end.start()]
    body = body[:body.index(f"{gone}\\. ")] + body[body.index(f"{gone + 1}\\. "):]
    body = re.sub(r"^(\d+)\\\.", lambda m: f"{int(m[1]) - 1 if int(m[1]) > gone else m[1]}\\.", body, flags=re.M)
    return text[:start] + body + text[end.start():]


def test_articles_citing_a_renumbered_clause_are_paired_with_their_old_selves() -> None:
    old = SHIPPED_REGULATION.read_text(encoding="utf-8")
    # Điều 12 and Điều 13 (conferences, alike) each cite khoản 3 Điều 16.
    for was, cites in (("tại Điều 16 Quy chế này và gửi", "tại khoản 3 Điều 16 Quy chế này và gửi"),
                       ("thông qua theo quy định tại Điều 15 Quy chế này", "thông qua theo quy định tại khoản 3 Điều "
                                                                          "16 Quy chế này")):
        assert old.count(was) == 1
        old = old.replace(was, cites)
    # Điều 11 and khoản 2 of Điều 16 left out: the citations corrected to khoản 2 Điều 15.
    new = _without_clause(_without_article(old, 11), "### Điều 15. Chuẩn bị", 2)
    assert new.count("tại khoản 3 Điều 15 Quy chế này") == 2
    new = new.replace("tại khoản 3 Điều 15 Quy chế này", "tại khoản 2 Điều 15 Quy chế này")
    _each_its_old_self(_articles(compare(parse(old), parse(new))), 11)


@needs_corpus
def test_a_real_law_with_an_article_left_out_pairs_nothing_wrongly() -> None:
    from regdraft.importer import import_file

    law = render(import_file(in_corpus(CORPUS / "luat-du-lich.txt")).regulation)
    for citations in (True, False):
        _each_its_old_self(_articles(compare(parse(law), parse(_without_article(law, 12, citations)))), 12)


@pytest.mark.parametrize(("text", "aside"), [
    ("quy định tại khoản 3 Điều 16 Quy chế này", "quy định tại khoản # Điều # Quy chế này"),
    ("các khoản 1, 2 và 3 Điều 5", "các khoản #, # và # Điều #"),
    ("khoản 3, khoản 4 Điều 16", "khoản #, khoản # Điều #"),
    ("clause 2 of Article 4", "clause # of Article #"),
    ("khoản 2 Điều này và Điều 5", "khoản 2 Điều này và Điều #"),  # a clause of this article: not of one cited
])
def test_the_numbers_of_cited_clauses_are_set_aside(text: str, aside: str) -> None:
    assert cited_aside(text) == aside
    assert len(cited_numbers(text)) == aside.count("#")


def test_each_run_of_clause_numbers_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Crafted: clause numbers run on without an article, and with one at the end; each run is tried once for an
    # article after it, not once from each of its numbers (which made a long run cost its length squared).
    tried: list[int] = []
    real = re.compile(citation_numbers._OF_ARTICLE.pattern, re.I)

    class Counted:
        def match(self, text: str, pos: int) -> re.Match[str] | None:
            tried.append(pos)
            return real.match(text, pos)

    monkeypatch.setattr(citation_numbers, "_OF_ARTICLE", Counted())
    n = 5000
    for text, numbers in (("Điều 2; " + "khoản 1, " * n, 1), ("khoản 1, " * n + "khoản 2 Điều 3", n + 2),
                          ("khoản 1 và " * n + "x Điều 3", 1)):
        tried.clear()
        assert cited_aside(text).count("#") == numbers
        assert len(tried) == 1, len(tried)

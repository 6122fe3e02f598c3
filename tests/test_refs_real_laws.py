"""Citations in real laws (issue 19 §3): another document's articles are never read as this one's,
clauses listed after an article are that article's, quoted amending text is not this law's text;
no reference in the shared laws or the amending documents points at a provision that is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.markdown import parse
from regdraft.core.refs import find_references, missing_targets
from regdraft.importer import import_file
from tests.conftest import needs_corpus

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FILES = sorted((CORPUS / "vi").glob("*.txt")) + sorted((CORPUS / "amendments").glob("*/*.txt"))

FM = ("---\nid: 22/2023/QH15\ntype: Luật\ntitle: Luật Đấu thầu\nlanguage: vi\nissuer: QUỐC HỘI\n"
      "signed: 2023-06-23\n---\n\n")
BODY = "# Chương I. A\n\n## Điều 1. A\n\nVăn bản.\n\n## Điều 2. B\n\n1\\. X.\n\n2\\. Y.\n\n## Điều 3. C\n\n"


def _refs(sentence: str) -> list[tuple[str, list[str], str | None]]:
    reg = parse(FM + BODY + sentence + "\n", "x.md")
    return [(r.text, [str(t) for t in r.targets], r.external) for r in find_references(reg)]


@needs_corpus
def test_the_corpus_has_nine_documents() -> None:
    assert len(FILES) == 9, [f.name for f in FILES]


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_no_reference_in_a_real_law_is_missing(path: Path) -> None:
    reg = import_file(path).regulation
    missing = [(ref.line, ref.text, str(target)) for ref, target in missing_targets(reg)]
    assert missing == []
    assert find_references(reg), "the law cites its own provisions"


@pytest.mark.parametrize("sentence", [
    "Theo Điều 57 của Luật hàng không dân dụng.",
    "Theo Điều 57 của luật hàng không dân dụng.",
    "Theo Điều 5 Bộ luật dân sự.",
    "Theo Điều 5 bộ luật Dân sự.",
    "Theo Điều 5 Nghị định số 63/2010/NĐ-CP.",
    "Theo Điều 5 nghị định số 63/2010/NĐ-CP.",
    "Theo Điều 5 NGHỊ ĐỊNH SỐ 63/2010/NĐ-CP.",
])
def test_another_documents_articles_are_never_this_ones(sentence: str) -> None:
    [(words, targets, external)] = _refs(sentence)
    assert targets == [] and external and words.startswith("Điều ")


def test_the_law_named_by_its_own_title_is_this_one() -> None:
    assert _refs("Theo Điều 2 Luật Đấu thầu.") == [("Điều 2", ["d2"], None)]


def test_clauses_listed_after_an_article_belong_to_it() -> None:
    assert _refs("Theo Điều 2, các khoản 1 và 2 của Luật này.") == [
        ("Điều 2, các khoản 1 và 2", ["d2.k1", "d2.k2"], None)]
    # Written smallest first, the clause still belongs to the article after it.
    assert _refs("Theo khoản 1 Điều 2, khoản 2 Điều 2.") == [
        ("khoản 1 Điều 2, khoản 2 Điều 2", ["d2.k1", "d2.k2"], None)]


def test_quoted_text_is_not_this_laws_text() -> None:
    text = (FM + "# Chương I. A\n\n## Điều 1. Sửa đổi, bổ sung một số điều của Luật Đầu tư\n\n"
            "1\\. Sửa đổi, bổ sung khoản 2 Điều 15 như sau:\n\n“2. Theo điểm c khoản 9 Điều này và khoản 7\n\n"
            "a) Điều 99 khoản 3.”.\n\n2\\. Bãi bỏ điểm d khoản 2 Điều này.\n\n"
            "## Điều 2. Hiệu lực\n\n1\\. Luật này có hiệu lực theo khoản 2 Điều này và Điều 1.\n\n"
            "2\\. Cụm từ \"Điều 77\" được thay.\n")
    reg = parse(text, "x.md")
    refs = [(str(r.source), r.text, [str(t) for t in r.targets], r.external) for r in find_references(reg)]
    assert refs == [
        ("d1.k1", "khoản 2 Điều 15", [], "Luật Đầu tư"),
        ("d1.k2", "điểm d khoản 2 Điều này", [], "Luật Đầu tư"),
        ("d2.k1", "khoản 2 Điều này và Điều 1", ["d2.k2", "d1"], None),
    ]

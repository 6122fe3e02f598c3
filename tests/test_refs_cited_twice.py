"""A citation naming one provision twice (`Điều 20 và Điều 20 của Luật này`) is a warning of `check` and a reference to
check of `compare` (r43 cmp43 1).

A list names distinct provisions: one named twice is a number a renumbering left behind. Both members resolve, so
`check` passed it and `compare` named only the member it could pair with the old text (r42 sweep CH F1).
"""

from __future__ import annotations

import pytest

from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.core.refs.twice import cited_twice, twice_problems
from regdraft.workspace.store import Workspace
from tests.conftest import CORPUS, SHARED, SHIPPED_ENGLISH, SHIPPED_REGULATION, Invoke, in_corpus, needs_corpus
from tests.test_compare_renumbered_references import citations_renumbered, without_article

SHIPPED = SHIPPED_REGULATION.read_text(encoding="utf-8")
CITED = "theo quy định tại khoản 2 Điều 5 Quy chế này"  # khoản 3 Điều 6 of 01-QC/TU


def _twice(words: str) -> list[tuple[str, list[str]]]:
    text = SHIPPED.replace(CITED, words, 1)
    assert text != SHIPPED
    return [(str(ref.source), [str(t) for t in twice]) for ref, twice in cited_twice(parse(text))]


@pytest.mark.parametrize(("words", "twice"), [
    ("quy định tại Điều 20 và Điều 20 Quy chế này", ["d20"]),
    ("quy định tại khoản 2 và khoản 2 Điều 7 Quy chế này", ["d7.k2"]),
    ("quy định tại khoản 1 Điều 5 và khoản 1 Điều 5 Quy chế này", ["d5.k1"]),
    ("quy định tại các Điều 20, 21 và 20 Quy chế này", ["d20"]),
    ("quy định tại các khoản 1, 2, 3 Điều 5 và khoản 2 Điều 5", ["d5.k2"]),
])
def test_a_list_naming_a_provision_twice_is_found(words: str, twice: list[str]) -> None:
    assert _twice(words) == [("d6.k3", twice)]


@pytest.mark.parametrize("words", [
    "quy định tại Điều 20, Điều 20a Quy chế này",  # distinct labels
    "quy định từ Điều 5 đến Điều 5 Quy chế này",  # a range's two ends
    "quy định từ Điều 5 đến Điều 8 và Điều 8 Quy chế này",
    "quy định tại khoản 1 đến khoản 3 và khoản 3 Điều 5",
    "quy định tại Điều 5, Điều 5 của Điều lệ Đảng",  # the second is another document's
    "quy định tại Điều 20 Quy chế này; Điều 20 Quy chế này",  # two citations, each of one provision
    "quy định tại khoản 3 Điều này và khoản này",  # one clause in two forms (khoản 3 Điều 6 itself)
])
def test_distinct_provisions_ranges_and_two_citations_are_not(words: str) -> None:
    assert _twice(words) == []


def test_an_english_list_naming_an_article_twice_is_found() -> None:
    text = SHIPPED_ENGLISH.read_text(encoding="utf-8")
    doubled = text.replace("under Article 4 of these Regulations", "under Articles 4 and 4 of these Regulations", 1)
    ranged = text.replace("under Article 4 of these Regulations", "under Articles 4 to 4 of these Regulations", 1)
    assert doubled != text and ranged != text
    problems = twice_problems(parse(doubled))
    assert [p.message.split(":")[0] for p in problems] == ["Article 5 cites Article 4 twice"]
    assert all(p.warning for p in problems)
    assert twice_problems(parse(ranged)) == []


def test_check_warns_of_a_provision_cited_twice(mini_workspace: Workspace, invoke: Invoke) -> None:
    path = mini_workspace.root / "regulations" / "MINI-QC.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("nội dung hội nghị theo Điều 2.", "nội dung hội nghị theo Điều 2 và Điều 2.", 1),
                    encoding="utf-8")
    result = invoke(mini_workspace, "check")
    assert result.exit_code == 0, result.output  # a warning: the text reads
    assert ('regulations/MINI-QC.md:44: warning: khoản 2 Điều 3 cites Điều 2 twice: "Điều 2 và Điều 2"; '
            in result.output), result.output
    # Put right, nothing is said.
    path.write_text(text, encoding="utf-8")
    assert "twice" not in invoke(mini_workspace, "check").output


@needs_corpus
def test_a_real_laws_half_renumbered_list_cited_twice_is_found() -> None:
    # Luật Du lịch without Điều 5, its `Điều N của Luật này` corrected but for the first member of khoản 1 Điều 22's
    # `Điều 20 và Điều 21` (now khoản 1 Điều 21): `Điều 20 và Điều 20`. `compare`'s line for it is asserted with the
    # same compare's other reference line (test_compare_renumbered_references, one run of the command for both).
    from regdraft.importer import import_file

    law = render(import_file(in_corpus(CORPUS / "luat-du-lich.txt")).regulation)
    new = citations_renumbered(without_article(law, 5), 5, keep="quy định tại Điều 20 và Điều 21 của Luật này")
    new = new.replace("quy định tại Điều 20 và Điều 21 của Luật này", "quy định tại Điều 20 và Điều 20 của Luật này")
    problems = twice_problems(parse(new))
    assert [p.message.split(":")[0] for p in problems] == ["khoản 1 Điều 21 cites Điều 20 twice"]
    # The old text names no provision twice: nothing to say of it.
    assert twice_problems(parse(law)) == []


@needs_corpus
def test_no_real_text_names_a_provision_twice() -> None:
    from regdraft.importer import import_file

    texts = [*sorted(CORPUS.glob("*.txt")), *sorted((SHARED / "corpus" / "amendments").glob("*/*.txt"))]
    assert len(texts) >= 9
    for path in texts:
        assert twice_problems(import_file(path).regulation) == [], path.name
    assert twice_problems(parse(SHIPPED)) == []
    assert twice_problems(parse(SHIPPED_ENGLISH.read_text(encoding="utf-8"))) == []

"""English laws import as their Vietnamese originals do: the closing sentence saying who passed the law and when
goes to the front matter's `adoption`, and a title printed in capitals takes its capitals from the preamble sentence
that issues the law (`… promulgates the Law on Trade Union.`).

The text is an English translation of Luật Công đoàn 2012 (12/2012/QH13) as real translations write it, shortened.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.importer import ImportResult, import_file

TRADE_UNION = (
    'NATIONAL ASSEMBLY\n'
    '-------\n'
    'SOCIALIST REPUBLIC OF VIETNAM\n'
    'Independence - Freedom - Happiness\n'
    '---------------\n'
    'Law No. 12/2012/QH13\n'
    'Hanoi, June 20, 2012\n'
    '\n'
    'LAW\n'
    'ON TRADE UNION\n'
    '\n'
    'Pursuant to the 1992 Constitution of the Socialist Republic of Vietnam, amended and supplemented under '
    'Resolution No. 51/2001/QH10;\n'
    '\n'
    'The National Assembly promulgates the Law on Trade Union.\n'
    '\n'
    'Chapter I\n'
    'GENERAL PROVISIONS\n'
    '\n'
    'Article 1. Trade Union\n'
    'Trade Union is a broad socio-political organization of the working class and of employees, established on '
    'a voluntary basis.\n'
    '\n'
    'Article 2. Scope of regulation\n'
    'This Law provides for the right to establish, join and operate trade unions of employees.\n'
    '\n'
    'Article 3. Interpretation of terms\n'
    'In this Law, the terms below are construed as follows:\n'
    '1. Trade union right means the right to establish, join and operate trade unions.\n'
    '2. Grassroots trade union means the grassroots organization of the Trade Union.\n'
    '3. Full-time trade union officer means a person recruited or appointed to work regularly in the trade union.\n'
    '\n'
    'Article 4. Prohibited acts\n'
    '1. Obstructing or causing difficulties in the exercise of trade union rights.\n'
    '2. Discriminating against employees for reasons of establishing or joining the trade union:\n'
    'a) Refusing to hire;\n'
    'b) Dismissing or transferring;\n'
    'c) Reducing wages.\n'
    '3. Abusing trade union rights to violate the law.\n'
    '\n'
    'Chapter II\n'
    'FINAL PROVISIONS\n'
    '\n'
    'Article 5. Effect\n'
    'This Law takes effect on January 1, 2013.\n'
    '\n'
    'Article 6. Detailed provisions\n'
    'The Government shall detail the articles and clauses assigned in the Law.\n'
    '\n'
    'This Law was passed on June 20, 2012 by the XIIIth National Assembly of the Socialist Republic of Vietnam '
    'at its 3rd session.\n'
    '\n'
    'CHAIRMAN OF THE NATIONAL ASSEMBLY\n'
    'Nguyen Sinh Hung\n'
)
ADOPTION = ("This Law was passed on June 20, 2012 by the XIIIth National Assembly of the Socialist Republic of Vietnam "
            "at its 3rd session.")


def _imported(tmp_path: Path, text: str = TRADE_UNION) -> ImportResult:
    source = tmp_path / "trade-union-en.txt"
    source.write_text(text, encoding="utf-8")
    return import_file(source)


def test_the_adoption_sentence_with_its_date_before_the_assembly_goes_to_the_front_matter(tmp_path: Path) -> None:
    result = _imported(tmp_path)
    assert result.regulation.language == "en"
    assert result.regulation.meta["adoption"] == ADOPTION
    last = list(result.regulation.articles())[-1].unit
    assert ADOPTION not in last.all_text()
    assert last.text == ("The Government shall detail the articles and clauses assigned in the Law.",)
    assert [n.category for n in result.report.notes if n.text == ADOPTION] == ["closing"]
    assert result.report.passes_check


@pytest.mark.parametrize("sentence", [
    "This Law was passed by the XIVth National Assembly of the Socialist Republic of Vietnam at its 7th session on "
    "June 14, 2019.",
    "This Law was adopted on 29 November 2013, by the XIIIth National Assembly at its 6th session.",
    "This Law is passed by the National Assembly of the Socialist Republic of Vietnam, XIth tenure, 5th session, on "
    "June 14, 2005.",
])
def test_the_other_wordings_of_the_adoption_sentence(tmp_path: Path, sentence: str) -> None:
    result = _imported(tmp_path, TRADE_UNION.replace(ADOPTION, sentence))
    assert result.regulation.meta["adoption"] == sentence


def test_a_sentence_saying_only_when_the_law_was_passed_stays_in_the_article(tmp_path: Path) -> None:
    # Not the closing sentence: it names no body that passed the law.
    result = _imported(tmp_path, TRADE_UNION.replace(ADOPTION, "This Law was passed on June 20, 2012."))
    assert "adoption" not in result.regulation.meta
    assert list(result.regulation.articles())[-1].unit.text[-1] == "This Law was passed on June 20, 2012."


def test_the_title_takes_its_capitals_from_the_preamble(tmp_path: Path) -> None:
    # `LAW / ON TRADE UNION` was lower-cased to "Law on trade union"; the preamble writes "the Law on Trade Union".
    result = _imported(tmp_path)
    assert result.regulation.meta["title"] == "Law on Trade Union"
    assert any("capitals were taken from the preamble sentence «The National Assembly promulgates the Law on "
               "Trade Union.»" in n.message for n in result.report.notes)


def test_without_an_issuing_sentence_the_title_is_lower_cased_as_before(tmp_path: Path) -> None:
    result = _imported(tmp_path, TRADE_UNION.replace("The National Assembly promulgates the Law on Trade Union.\n", ""))
    assert result.regulation.meta["title"] == "Law on trade union"

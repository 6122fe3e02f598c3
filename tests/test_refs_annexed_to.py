"""Another document's appendix cited as English and Vietnamese texts join it to its document (r36 sweep BJ F1):
`Annex I to Resolution No. 05-NQ/TU`, `Schedule 3 to Decree No. 30/2020/ND-CP`, `Annex II to the Convention on the
Rights of the Child`, `Phụ lục I ban hành kèm theo Nghị quyết số 05-NQ/TU`.

Since English texts read `Schedule`/`Annex` as their own appendices (r35), `check` said each `refers to Appendix I
("Annex I"), which does not exist`, as it said of the Vietnamese form before; `Annex I of Resolution No. …` was read
right. An appendix joined to this text (`Annex I to these Staff Rules`, `Phụ lục I ban hành kèm theo Nghị định này`)
or to nothing named (`Annex I to the Standing Committee`) is still this text's, checked as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.core.model import Regulation
from regdraft.core.refs import missing_problems
from regdraft.core.refs.finding import find_references
from regdraft.importer import import_file

from .conftest import SHARED, in_corpus
from .test_appendix_designation import _written

ND_63 = SHARED / "corpus" / "amendments" / "nd-63-2010" / "base-63-2010-ND-CP.txt"


def _cited(reg: Regulation, old: str, new: str) -> Regulation:
    text = render(reg)
    assert text.count(old) == 1, old
    return parse(text.replace(old, new), reg.source)


def _listed(reg: Regulation) -> list[tuple[str, tuple[str, ...], str | None]]:
    return [(r.text, tuple(str(t) for t in r.targets), r.external) for r in find_references(reg)
            if "nnex" in r.text or "chedule" in r.text or "Phụ lục" in r.text]


def test_an_english_texts_citations_of_another_documents_annex_or_schedule_are_no_problem(tmp_path: Path) -> None:
    rules = import_file(_written(tmp_path, "Annex I", "Annex II")).regulation
    cites = _cited(rules, "in Annex Ii.", "in Annex II. Annex I to Resolution No. 05-NQ/TU applies to reports. The "
                   "forms in Schedule 3 to Decree No. 30/2020/ND-CP are used. Annex II to the Convention on the Rights "
                   "of the Child is observed. Schedule 4 annexed to Decision No. 12/2024/QD-BT applies.")
    assert not missing_problems(cites)
    assert _listed(cites) == [
        ("Annex I", ("pli",), None), ("Annex I", ("pli",), None), ("Annex II", ("plii",), None),
        ("Annex I to Resolution No. 05-NQ/TU", (), "Resolution No. 05-NQ/TU"),
        ("Schedule 3 to Decree No. 30/2020/ND-CP", (), "Decree No. 30/2020/ND-CP"),
        ("Annex II to the Convention on the Rights of the Child", (), "Convention on the Rights of the Child"),
        ("Schedule 4 annexed to Decision No. 12/2024/QD-BT", (), "Decision No. 12/2024/QD-BT")]


@pytest.mark.parametrize("cited", [
    "Annex III to these Staff Rules", "Annex III to the Secretary-General",
    "Annex III and Article 9 to Decree No. 3/ND",  # the name would be Article 9's, were it one
])
def test_an_english_texts_own_annex_that_does_not_exist_is_still_a_problem(tmp_path: Path, cited: str) -> None:
    rules = import_file(_written(tmp_path, "Annex I", "Annex II")).regulation
    cites = _cited(rules, "in Annex Ii.", f"in Annex II. {cited} is sent.")
    assert [p.message.split(" (")[0] for p in missing_problems(cites)] == [
        "clause 2, Article 4 refers to Appendix III" + (" and Article 9" if "Article" in cited else "")]


def _nd_63() -> Regulation:
    return import_file(in_corpus(ND_63), reg_id="63/2010/NĐ-CP").regulation


def test_a_vietnamese_texts_citation_of_another_documents_appendix_is_no_problem() -> None:
    decree = _nd_63()  # with its own Phụ lục I, II and III
    clause = "Việc công bố công khai thủ tục hành chính, bao gồm:"  # khoản 2 Điều 14
    assert not missing_problems(decree)
    cites = _cited(decree, clause, "Mẫu tại Phụ lục IV ban hành kèm theo Nghị định số 20/2008/NĐ-CP, Phụ lục V kèm "
                   "theo Thông tư số 05/2014/TT-BTP, Phụ lục VI được ban hành kèm theo Quyết định số 30/QĐ-TTg và Phụ "
                   "lục I ban hành kèm theo Nghị định này được dùng. " + clause)
    assert not missing_problems(cites)
    assert _listed(cites) == [
        ("Phụ lục I, II và III", ("pli", "plii", "pliii"), None),  # khoản 2 Điều 10, as before
        ("Phụ lục IV ban hành kèm theo Nghị định số 20/2008/NĐ-CP", (), "Nghị định số 20/2008/NĐ-CP"),
        ("Phụ lục V kèm theo Thông tư số 05/2014/TT-BTP", (), "Thông tư số 05/2014/TT-BTP"),
        ("Phụ lục VI được ban hành kèm theo Quyết định số 30/QĐ-TTg", (), "Quyết định số 30/QĐ-TTg"),
        ("Phụ lục I", ("pli",), None)]
    own = _cited(decree, clause, "Mẫu tại Phụ lục IV ban hành kèm theo Nghị định này được dùng. " + clause)
    assert [p.message for p in missing_problems(own)] == ["khoản 2 Điều 14 refers to Phụ lục IV, which does not exist."]

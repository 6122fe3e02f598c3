"""`check` says which appendix stands where and what number it should have (r37 legal item 6).

It said `Appendix C is out of sequence: expected Appendix B after Appendix A.` of a text whose appendices are `Annex A`
and `Annex C`, `expected Phụ lục II after Phụ lục I` of one numbering them `Phụ lục 1`, `Phụ lục 3` (Roman numerals it
does not use), and, after one appendix numbered wrongly, a second problem for the next one, measured from the wrong
number (`Phụ lục III is out of sequence: expected Phụ lục V after Phụ lục IV`)."""

from __future__ import annotations

import pytest

from regdraft.core.markdown import read

FRONT = "---\nid: x\ntype: Quy chế\ntitle: Q\nissuer: X\nsigned: 2021-01-09\nlanguage: {language}\n---\n\n"


def _problems(language: str, headings: list[str]) -> list[str]:
    article = "Điều" if language == "vi" else "Article"
    text = FRONT.format(language=language) + f"# {article} 1. A\n\nB.\n\n" + "".join(
        f"# {heading}. T\n\nx\n\n" for heading in headings)
    return [f"{p.line}: {p.message}" for p in read(text, "x.md").problems]


@pytest.mark.parametrize(("language", "headings", "said"), [
    ("vi", ["Phụ lục I", "Phụ lục III"],
     "18: Phụ lục III is out of sequence: it is the second appendix, after Phụ lục I, so it should be Phụ lục II (they "
     "are numbered I, II, III … in the order they stand); renumber it, or add the missing Phụ lục II before it."),
    ("vi", ["Phụ lục 1", "Phụ lục 3"],
     "18: Phụ lục 3 is out of sequence: it is the second appendix, after Phụ lục 1, so it should be Phụ lục 2 (they "
     "are numbered 1, 2, 3 … in the order they stand); renumber it, or add the missing Phụ lục 2 before it."),
    ("en", ["Annex A", "Annex C"],
     "18: Annex C is out of sequence: it is the second annex, after Annex A, so it should be Annex B (they are "
     "numbered A, B, C … in the order they stand); renumber it, or add the missing Annex B before it."),
    ("en", ["Schedule 1", "Schedule 3"],
     "18: Schedule 3 is out of sequence: it is the second schedule, after Schedule 1, so it should be Schedule 2 (they "
     "are numbered 1, 2, 3 … in the order they stand); renumber it, or add the missing Schedule 2 before it."),
])
def test_a_gap_names_the_appendix_its_place_and_its_number_as_the_text_writes_them(language: str,
                                                                                   headings: list[str],
                                                                                   said: str) -> None:
    assert _problems(language, headings) == [said]


def test_one_wrong_number_is_one_problem() -> None:
    assert _problems("vi", ["Phụ lục I", "Phụ lục IV", "Phụ lục III"]) == [
        "18: Phụ lục IV is out of sequence: it is the second appendix, after Phụ lục I, so it should be Phụ lục II "
        "(they are numbered I, II, III … in the order they stand); renumber it, or add the missing Phụ lục II before "
        "it."]


def test_two_appendices_in_the_wrong_order_and_one_alone() -> None:
    swapped = _problems("vi", ["Phụ lục II", "Phụ lục I"])
    assert swapped[0] == ("14: Phụ lục II is out of sequence: it is the first appendix, so it should be Phụ lục I "
                          "(they are numbered I, II, III … in the order they stand); renumber it, or move Phụ lục I "
                          "before it.")
    assert swapped[1].startswith("18: Phụ lục I is out of sequence: it is the second appendix, after Phụ lục II")
    assert _problems("vi", ["Phụ lục I", "Phụ lục II", "Phụ lục III"]) == []
    assert _problems("en", ["Annex A", "Annex A"]) == ["18: Annex A appears twice; each number may be used only once."]

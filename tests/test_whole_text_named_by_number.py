"""A word change throughout the amended text naming it by its number without `số` (`trong toàn bộ Nghị định
63/2010/NĐ-CP`, `trong toàn bộ Luật 22/2023/QH15`) or by its name and year (`trong toàn bộ Luật Đấu thầu năm 2023`)
(r36 sweep BJ F2).

Each was refused, the first two saying the text was not itself: "“Nghị định 63/2010/NĐ-CP” is not the text this
amendment amends, 63/2010/NĐ-CP". Tried on the real amending documents (../shared/corpus/amendments): Nghị định
48/2013/NĐ-CP on Nghị định 63/2010/NĐ-CP and Luật 57/2024/QH15 on Luật Đấu thầu 22/2023/QH15, each with one more
instruction after its last, applied to its base as imported.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pytest

from regdraft.core.amend import apply, load_amendment
from regdraft.core.errors import AmendmentConflict
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.core.model import Regulation
from regdraft.importer import import_file
from regdraft.importer.amendment import import_amendment

from .conftest import SHARED, in_corpus, needs_corpus

pytestmark = needs_corpus

AMENDMENTS = SHARED / "corpus" / "amendments"


@dataclass(frozen=True)
class Case:
    base: Regulation
    text: str  # the amendment.md `amend import` writes
    next_article: str  # the heading after the amending article, where an instruction is added
    old: str
    new: str
    count: int  # how often `old` stands in the base's provisions


SETS = {
    "nd-63": ("nd-63-2010/base-63-2010-ND-CP.txt", "63/2010/NĐ-CP", "nd-63-2010/amending-48-2013-ND-CP.txt",
              "## Điều 2.", "Thủ tướng Chính phủ", "Thủ tướng"),
    "dau-thau": ("luat-dau-thau-2023/base-22-2023-QH15.txt", "22/2023/QH15",
                 "luat-dau-thau-2023/amending-57-2024-QH15.txt", "## Điều 5.", "nhà thầu nước ngoài", "nhà thầu ngoại"),
}


@functools.cache
def _case(name: str) -> Case:
    base_file, reg_id, amending, next_article, old, new = SETS[name]
    imported = import_file(in_corpus(AMENDMENTS / base_file), reg_id=reg_id)
    base = parse(imported.text, imported.regulation.source)
    amendment = import_amendment(AMENDMENTS / amending, name, {reg_id: base.meta})
    count = sum(text.count(old) for located in base.walk() for text in located.unit.text)
    return Case(base, amendment.text, next_article, old, new, count)


def _text(case: Case, scope: str) -> str:
    """The real amending document, an instruction changing `old` to `new` `scope` added after its last."""
    at = case.text.index(case.next_article)
    last = max(int(n) for n in re.findall(r"^(\d+)\\\. ", case.text[:at], re.M))
    return (f"{case.text[:at].rstrip()}\n\n{last + 1}\\. Thay thế cụm từ “{case.old}” bằng cụm từ “{case.new}” {scope}."
            f"\n\n{case.text[at:]}")


@functools.cache
def _expected(name: str) -> str:
    """The base with the instruction naming it in the form read before (`… số 63/2010/NĐ-CP`) applied."""
    case = _case(name)
    return render(_with(case, f"trong toàn bộ {case.base.meta['type']} số {case.base.id}"))


def _with(case: Case, scope: str) -> Regulation:
    """The base with `_text` applied."""
    return apply(case.base, load_amendment(_text(case, scope), "amendments/x/amendment.md", "x")).regulation


@pytest.mark.parametrize(("name", "scope"), [
    ("nd-63", "trong toàn bộ Nghị định 63/2010/NĐ-CP"),
    ("nd-63", "tại Nghị định 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ"),
    ("nd-63", "trong toàn bộ Nghị định về kiểm soát thủ tục hành chính năm 2010"),
    ("dau-thau", "trong toàn bộ Luật 22/2023/QH15"),
    ("dau-thau", "trong toàn bộ Luật Đấu thầu 22/2023/QH15"),
    ("dau-thau", "trong toàn bộ Luật Đấu thầu năm 2023"),
    ("dau-thau", "trong toàn bộ Luật Đấu thầu năm 2023 số 22/2023/QH15"),
])
def test_the_amended_text_named_by_its_number_without_so_or_by_its_year_changes_every_occurrence(
        name: str, scope: str) -> None:
    case = _case(name)
    assert case.count > 1
    expected = _expected(name)  # as the form read before (`… số 63/2010/NĐ-CP`) changes it, word for word
    assert expected.count(case.old) < render(case.base).count(case.old)
    assert render(_with(case, scope)) == expected


@pytest.mark.parametrize(("name", "scope", "said"), [
    ("dau-thau", "trong toàn bộ Luật Đấu thầu năm 2013",
     "“Luật Đấu thầu năm 2013” is not the text this amendment amends, 22/2023/QH15 (Luật Đấu thầu năm 2023): to change "
     "the words throughout 22/2023/QH15, write ‘trong toàn bộ Luật’ (or ‘trong toàn bộ Luật Đấu thầu’)."),
    ("dau-thau", "trong toàn bộ Nghị định 22/2023/QH15",
     "“Nghị định 22/2023/QH15” has the number of the text this amendment amends, 22/2023/QH15, but not its name, Luật "
     "Đấu thầu: to change the words throughout 22/2023/QH15, write ‘trong toàn bộ Luật’"),
    ("nd-63", "trong toàn bộ Luật 63/2010/NĐ-CP",
     "“Luật 63/2010/NĐ-CP” has the number of the text this amendment amends, 63/2010/NĐ-CP, but not its name, Nghị "
     "định về kiểm soát thủ tục hành chính: to change the words throughout 63/2010/NĐ-CP, write ‘trong toàn bộ Nghị "
     "định’"),
    ("nd-63", "trong toàn bộ Nghị định 20/2008/NĐ-CP",
     "“Nghị định 20/2008/NĐ-CP” is not the text this amendment amends, 63/2010/NĐ-CP (Nghị định về kiểm soát thủ tục "
     "hành chính)"),
    ("nd-63", "trong toàn bộ Nghị định năm 2010", "“Nghị định năm 2010” is not the text this amendment amends"),
])
def test_another_number_name_or_year_is_refused_without_naming_the_text_as_itself(
        name: str, scope: str, said: str) -> None:
    case = _case(name)
    with pytest.raises(AmendmentConflict) as caught:
        _with(case, scope)
    [problem] = caught.value.problems
    assert said in problem.message, problem.message


def test_the_year_is_the_signing_dates() -> None:
    case = _case("dau-thau")
    scope = "trong toàn bộ Luật Đấu thầu năm 2024"
    with pytest.raises(AmendmentConflict):
        _with(case, scope)
    signed_later = parse(render(case.base).replace("signed: 2023-06-23\n", "signed: 2024-01-05\n"), "regulations/x.md")
    applied = apply(signed_later, load_amendment(_text(case, scope), "amendments/x/amendment.md", "x")).regulation
    assert render(applied) == render(_with(case, "trong toàn bộ Luật Đấu thầu năm 2023")).replace(
        "signed: 2023-06-23\n", "signed: 2024-01-05\n")

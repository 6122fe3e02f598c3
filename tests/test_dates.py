"""One date parser: YYYY-MM-DD and DD/MM/YYYY everywhere, errors in the drafter's words."""

from __future__ import annotations

import datetime as dt

import pytest

from regdraft.core.dates import parse_date, read_date, takes_effect
from regdraft.core.errors import UsageError
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


@pytest.mark.parametrize(("text", "day"), [
    ("2025-03-15", dt.date(2025, 3, 15)), ("15/03/2025", dt.date(2025, 3, 15)), ("5/3/2025", dt.date(2025, 3, 5)),
    (" 2025-03-15 ", dt.date(2025, 3, 15)), (dt.date(2024, 2, 29), dt.date(2024, 2, 29)),
])
def test_both_forms_and_dates_are_read(text: str | dt.date, day: dt.date) -> None:
    assert parse_date(text) == day == read_date(text)


@pytest.mark.parametrize("text", ["31/02/2025", "2025-13-01", "next week", "03/15/2025", "", "FIXME"])
def test_anything_else_is_named_in_domain_words(text: str) -> None:
    assert read_date(text) is None
    with pytest.raises(UsageError, match=r"^The signing date '.*' is not a date; write it as YYYY-MM-DD "
                                         r"\(or DD/MM/YYYY\)\.$") as caught:
        parse_date(text, "the signing date")
    assert "--" not in str(caught.value)  # option names are the command line's to add


def test_adopt_and_show_read_the_vietnamese_form(tmp_workspace: Workspace, invoke: Invoke) -> None:
    shown = invoke(tmp_workspace, "show", "01-QC/TU", "d1", "--as-of", "15/03/2021")
    assert shown.exit_code == 0, shown.output
    early = invoke(tmp_workspace, "show", "01-QC/TU", "d1", "--as-of", "01/01/2020")
    assert early.exit_code != 0 and "took effect on 2021-01-09" in early.output and "Traceback" not in early.output


# The sentence of the final provisions that dates the whole text, as Vietnamese texts and English translations
# write it; a provision's own date (`Khoản 3 Điều 1 của Luật này …`) and "from its signing" give none.
TAKES_EFFECT = [
    ("vi", "Nghị định này có hiệu lực thi hành kể từ ngày 14 tháng 10 năm 2010.", dt.date(2010, 10, 14)),
    ("vi", "2. Luật này có hiệu lực thi hành từ ngày 15 tháng 01 năm 2025, trừ trường hợp …", dt.date(2025, 1, 15)),
    ("vi", "Quy chế này có hiệu lực kể từ ngày 01/02/2022.", dt.date(2022, 2, 1)),
    ("vi", "Quy định này có hiệu lực từ ngày 1/6/2023 và thay thế …", dt.date(2023, 6, 1)),
    ("vi", "Quy chế này có hiệu lực kể từ ngày ký.", None),
    # A compound type, named whole (`compound_type`): the importer left a joint circular's `effective` empty.
    ("vi", "Thông tư liên tịch này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2024.", dt.date(2024, 5, 1)),
    ("vi", "Quy chế phối hợp này có hiệu lực kể từ ngày 15/3/2024.", dt.date(2024, 3, 15)),
    ("vi", "Nghị quyết liên tịch này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2024.", dt.date(2024, 7, 1)),
    ("vi", "Thông tư liên tịch này có hiệu lực kể từ ngày ký.", None),
    ("vi", "Khoản 3 Điều 1 của Luật này có hiệu lực từ ngày 01 tháng 7 năm 2025.", None),
    ("vi", "Luật này có hiệu lực thi hành từ ngày 30 tháng 02 năm 2025.", None),
    ("en", "This Law takes effect on January 1, 2025.", dt.date(2025, 1, 1)),
    ("en", "This Decree comes into force as of 14 October 2010.", dt.date(2010, 10, 14)),
    ("en", "This Joint Circular takes effect on May 1, 2024.", dt.date(2024, 5, 1)),
    ("en", "1. This Law shall take effect from the 1st of", None),
    ("en", "These Regulations take effect from 01/02/2022 and replace …", dt.date(2022, 2, 1)),
    ("en", "2. This Law enters into force on July 1st, 2024, except …", dt.date(2024, 7, 1)),
    ("en", "These Regulations take effect from the date of signing and replace …", None),
    ("en", "Clause 3 of Article 1 of this Law takes effect on July 1, 2025.", None),
    ("en", "This Law takes effect on February 30, 2025.", None),
    ("en", "Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021.", None),  # the text's language decides
]


@pytest.mark.parametrize(("language", "sentence", "day"), TAKES_EFFECT)
def test_the_sentence_dating_the_whole_text(language: str, sentence: str, day: dt.date | None) -> None:
    assert takes_effect(sentence, language) == day


# An English amending document's entry-into-force sentence, as translations write it: only `on 1 July 2014` read.
ENTRY = [
    ("This Decree takes effect on July 1, 2014.", dt.date(2014, 7, 1)),
    ("This Decree takes effect on 1 July 2014.", dt.date(2014, 7, 1)),
    ("This Decree shall enter into force as of 01/07/2014.", dt.date(2014, 7, 1)),
    ("These Regulations take effect from the 1st July 2014.", dt.date(2014, 7, 1)),
    ("This Law takes effect on january 15, 2025, except …", dt.date(2025, 1, 15)),
    ("These Regulations take effect on the date of signing.", dt.date(2014, 5, 20)),
    ("This Decree takes effect on ….", None),
]


@pytest.mark.parametrize(("sentence", "day"), ENTRY)
def test_an_english_entry_into_force_is_read(sentence: str, day: dt.date | None) -> None:
    from regdraft.core.amend.entry import EntryIntoForce

    assert EntryIntoForce("Article 2", sentence).date(dt.date(2014, 5, 20)) == day


# The sentence after a clause or point label in any form the importer reads (sweep r22 s10import defect 4): only
# `1.` was, so a law numbering its clauses `1)` lost its date in force.
@pytest.mark.parametrize("label", ["1.", "1\\.", "1)", "1 -", "1-", "2a.", "a)", "a.", "(a)", "đ)",
                                   "Khoản 1.", "Điểm a."])
def test_the_sentence_after_any_label_form(label: str) -> None:
    assert takes_effect(f"{label} Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021.") == dt.date(2021, 1, 1)
    # A provision of the text named before `Luật này` is still not the whole text's date.
    assert takes_effect(f"{label} Khoản 3 Điều 1 của Luật này có hiệu lực từ ngày 01 tháng 01 năm 2021.") is None

"""The date parsers: every form typed, YYYY-MM-DD and DD/MM/YYYY stored, errors in the drafter's words."""

from __future__ import annotations

import datetime as dt

import pytest

from regdraft.core.dates import parse_date, read_date, takes_effect
from regdraft.core.errors import UsageError
from regdraft.core.frontmatter import PLACEHOLDER
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


@pytest.mark.parametrize(("text", "day"), [
    ("2025-03-15", dt.date(2025, 3, 15)), ("15/03/2025", dt.date(2025, 3, 15)), ("5/3/2025", dt.date(2025, 3, 5)),
    (" 2025-03-15 ", dt.date(2025, 3, 15)), (dt.date(2024, 2, 29), dt.date(2024, 2, 29)),
])
def test_both_forms_and_dates_are_read(text: str | dt.date, day: dt.date) -> None:
    assert parse_date(text) == day == read_date(text)


# Every form a drafter types: regdraft's own (ISO, and the words every output writes), the Vietnamese office's
# figures, and English; day before month whenever both are figures (r38 sweep BT 6).
@pytest.mark.parametrize("text", [
    "2025-01-15", "15/01/2025", "15/1/2025", "15-01-2025", "15.01.2025", "ngày 15 tháng 01 năm 2025",
    "15 tháng 1 năm 2025", "Ngày 15 tháng 1 năm 2025", "ngày 15/01/2025", "15 January 2025", "January 15, 2025",
    "15 Jan 2025", "january 15th, 2025", "  15  tháng\u00a001 năm 2025 ",
    "2025/01/15", "2025.01.15",  # year first, as some programs write it (r39 sweep BW F4: "is not a date", no reason)
    "ngày 15 tháng 01 năm 2025",  # as a macOS terminal may send it: decomposed
])
def test_every_typed_form_is_read(text: str) -> None:
    assert parse_date(text) == dt.date(2025, 1, 15)


def test_a_stored_date_keeps_its_two_forms() -> None:
    # Front matter is what regdraft wrote: other readers of it (git, the importer) know only these.
    assert read_date("ngày 15 tháng 01 năm 2025") is None and read_date("15-01-2025") is None


@pytest.mark.parametrize(("text", "why"), [
    ("31/02/2025", ": February 2025 has 28 days;"), ("30 tháng 2 năm 2024", ": February 2024 has 29 days;"),
    ("01/15/2025", ": there is no month 15 (the day comes first);"), ("2025-13-01", ": there is no month 13;"),
    ("15/01/25", ": write the year in four figures;"), ("next week", " is not a date; write"), ("", " is not a date;"),
    # `FIXME`: the placeholder `import` writes for a date it could not read (`frontmatter.PLACEHOLDER`), typed back.
    (PLACEHOLDER, " is not a date;"), ("2025/13/01", ": there is no month 13;"),
])
def test_anything_else_is_named_in_domain_words(text: str, why: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_date(text, "the signing date")
    said = str(caught.value)
    assert said.startswith(f"The signing date '{text}' is not a date") and why in said, said
    assert said.endswith("; write it as 2025-01-15, 15/01/2025, 15-01-2025, 15.01.2025, ngày 15 tháng 01 năm 2025, "
                         "15 January 2025 or January 15, 2025 (in figures the day comes before the month, unless the "
                         "year comes first).")
    assert "--" not in said  # option names are the command line's to add


def test_every_date_option_takes_the_vietnamese_words(tmp_workspace: Workspace, invoke: Invoke) -> None:
    worded = invoke(tmp_workspace, "show", "01-QC/TU", "d1", "--as-of", "ngày 15 tháng 03 năm 2021")
    assert worded.exit_code == 0 and worded.output == invoke(tmp_workspace, "show", "01-QC/TU", "d1", "--as-of",
                                                             "2021-03-15").output, worded.output
    impossible = invoke(tmp_workspace, "show", "01-QC/TU", "d1", "--as-of", "31/02/2025")
    assert impossible.exit_code == 2 and "'--as-of': '31/02/2025' is not a date: February 2025 has 28 days; " \
        "write it as 2025-01-15, 15/01/2025" in impossible.output, impossible.output
    helped = invoke(tmp_workspace, "amend", "adopt", "--help")
    assert "in figures the day always comes before the month" in " ".join(helped.output.split())


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

"""One date parser: YYYY-MM-DD and DD/MM/YYYY everywhere, errors in the drafter's words."""

from __future__ import annotations

import datetime as dt

import pytest

from regdraft.core.dates import parse_date, read_date
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

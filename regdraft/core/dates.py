"""Dates as drafters write them: `2025-03-15`, or `15/03/2025` as Vietnamese letters do. One parser.

Post-conditions of `parse_date`:
1. `YYYY-MM-DD` and `DD/MM/YYYY` (day and month with or without a leading zero) give the date;
   a `date` is returned as it is.
2. Anything else is a `UsageError` naming the date in the drafter's words (`what`) and both forms;
   the command line adds the option's name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from regdraft.core.errors import UsageError

FORMS = "YYYY-MM-DD (or DD/MM/YYYY)"


def read_date(value: Any) -> dt.date | None:
    """The date `value` holds (a date, or text in either form); None when it holds none."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    for form in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


def parse_date(value: str | dt.date, what: str = "the date") -> dt.date:
    """The date `value` holds; `UsageError` naming `what` (`the signing date`) when it holds none."""
    day = read_date(value)
    if day is None:
        raise UsageError(f"{what[:1].upper()}{what[1:]} '{value}' is not a date; write it as {FORMS}.")
    return day

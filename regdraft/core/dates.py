"""Dates as drafters type them."""

from __future__ import annotations

import datetime as dt

from regdraft.core.errors import UsageError


def parse_date(value: str | dt.date, what: str) -> dt.date:
    """A date from `YYYY-MM-DD`; `UsageError` naming the option otherwise."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"The {what} date '{value}' is not a date written YYYY-MM-DD.") from None


def iso_date(value: str, what: str) -> str:
    """A date as YYYY-MM-DD; also reads DD/MM/YYYY as written in Vietnamese letters.

    `what` names the date and its option in the error (`the due date (--due)`).
    """
    text = value.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise UsageError(f"{what[:1].upper()}{what[1:]} '{value}' is not a date; write it as YYYY-MM-DD (or DD/MM/YYYY).")

"""Reading `git log` records whose fields no commit can fake (r28 sweep AD defect 2).

A commit's subject, body and author may hold any byte but NUL (`\\x01`, a line break of Unicode's, and whatever
a crafted commit object holds): split on a fixed separator they broke the walk (`ValueError` in `check`, `round
report`, a 500 on the review pages), and a subject holding the separator could pass for a record of its own. Here
each `git log` call marks its records and fields with a token drawn afresh for it (128 random bits): no commit,
made before the call, holds it.

Post-conditions of `LogFormat`:
1. `records(out)` yields, for each commit git printed with `argument()`, exactly the fields asked (as git printed
   them, whatever they hold) and what git printed after them (`--name-status`, `--raw`: begins with `\\0` under
   `-z`, with a line break without).
2. Nothing a commit holds (subject, body, author, a path) adds, removes or shifts a record or a field.
"""

from __future__ import annotations

import os
from collections.abc import Iterator


class LogFormat:
    """A `--format` of the placeholders `fields` (`%H`, `%s` …), with records and fields marked by a fresh token."""

    def __init__(self, *fields: str) -> None:
        self.fields = fields
        token = os.urandom(16).hex()  # not `secrets`: it imports `random`, kept out of a warm run
        self._record, self._field, self._end = f"{token}R", f"{token}F", f"{token}E"

    def argument(self) -> str:
        """The `--format=` argument for git."""
        return f"--format={self._record}{self._field.join(self.fields)}{self._end}"

    def records(self, out: str) -> Iterator[tuple[list[str], str]]:
        """Each record of `out`: its fields, in order, and what git printed after them."""
        for record in out.split(self._record)[1:]:
            head, _, rest = record.partition(self._end)
            values = head.split(self._field)
            if len(values) == len(self.fields):  # always, but a truncated output's last record
                yield values, rest

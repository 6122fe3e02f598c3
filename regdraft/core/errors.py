"""One error tree for regdraft; the CLI converts it to messages in one place.

Every message is a full sentence a drafter can act on, naming the file, line and provision.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a document, located as precisely as we know."""

    message: str
    source: str = ""
    line: int = 0
    unit: str = ""
    warning: bool = False  # the document is read, but perhaps not as meant: say so, do not fail

    def __str__(self) -> str:
        where = self.source or "<text>"
        if self.line:
            where = f"{where}:{self.line}"
        unit = f" {self.unit}:" if self.unit else ""
        return f"{where}:{unit} {'warning: ' if self.warning else ''}{self.message}"


class RegdraftError(Exception):
    """Base of every error regdraft reports to a user (exit code 1)."""

    exit_code = 1

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.problems: tuple[Problem, ...] = tuple(problems)

    def report(self) -> str:
        """The whole message: the summary line, then one line per problem."""
        head = str(self.args[0]) if self.args else ""
        lines = [str(p) for p in self.problems]
        if head and lines:
            return "\n".join([head, *("  " + line for line in lines)])
        return head or "\n".join(lines)


class ParseError(RegdraftError):
    """A document could not be read; carries every problem found in one run."""

    @classmethod
    def collect(cls, problems: Iterable[Problem], what: str = "document") -> ParseError:
        """Build one error from several problems, with a counting summary line."""
        items = tuple(problems)
        source = items[0].source if items else ""
        noun = "problem" if len(items) == 1 else "problems"
        name = f"{source}" if source else f"the {what}"
        return cls(f"{name} has {len(items)} {noun}:", items)


class UnknownUnit(RegdraftError):
    """An address names a provision that does not exist."""


class AddressError(RegdraftError):
    """An address could not be understood."""


class AmendmentConflict(RegdraftError):
    """An amendment cannot be applied as written."""


class StoreError(RegdraftError):
    """The workspace or git refused an operation; nothing was changed."""


class UsageError(RegdraftError):
    """The command was called wrongly (exit code 2)."""

    exit_code = 2

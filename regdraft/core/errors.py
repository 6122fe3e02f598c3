"""One error tree for regdraft; the CLI converts it to messages in one place.

Every message is a full sentence a drafter can act on, naming the file, line and provision.
Every error class carries its `Category`; `OUTCOMES`, the one table of what each category
becomes, gives the command line's exit code (1 for a problem in the documents or the
workspace's state, 2 for bad usage: a malformed address, an unknown id, slug, revision or
comment id, no workspace, options that contradict each other, an amendment that is no longer
pending) and the review server's HTTP status.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from regdraft.core.commands import words
from regdraft.core.counts import count
from regdraft.core.text import shown_name


class Category(Enum):
    """What kind of failure an error is; `OUTCOMES` says what each becomes at the faces."""

    DOCUMENT = "document"  # a problem in the documents: fix the text
    STATE = "state"  # the workspace's state is in the way: a write or conflict in progress, a closed round
    FORBIDDEN = "forbidden"  # the person may not do this (the review server's access links)
    USAGE = "usage"  # the command (or form, or request) was given wrongly: fix it, not the documents
    UNKNOWN = "unknown"  # a regulation id, amendment slug, revision, round or comment id names nothing

    @property
    def exit_code(self) -> int:
        """The command line's exit code (README and docs/json.md: exit codes)."""
        return OUTCOMES[self][0]

    @property
    def http_status(self) -> int:
        """The review server's HTTP status for a request refused with this error."""
        return OUTCOMES[self][1]


# The one table: each category's exit code and HTTP status. The exit codes are a contract
# (0 ok, 1 the documents or the workspace, 2 bad usage); a face never decides them by class.
OUTCOMES: dict[Category, tuple[int, int]] = {
    Category.DOCUMENT: (1, 422),
    Category.STATE: (1, 409),
    Category.FORBIDDEN: (1, 403),
    Category.USAGE: (2, 400),
    Category.UNKNOWN: (2, 404),
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a document, located as precisely as we know."""

    message: str
    source: str = ""
    line: int = 0
    unit: str = ""
    warning: bool = False  # the document is read, but perhaps not as meant: say so, do not fail

    def __str__(self) -> str:
        """`file:line: unit: message`, any command the message names in neutral words (`core.commands`)."""
        where = shown_name(self.source) if self.source else "<text>"  # a name's line break prints no line of its own
        if self.line:
            where = f"{where}:{self.line}"
        unit = f" {self.unit}:" if self.unit else ""
        return f"{where}:{unit} {'warning: ' if self.warning else ''}{words(self.message)}"

    def as_dict(self) -> dict[str, Any]:
        """The problem for `--json` output (docs/schemas/problem.json)."""
        return {"file": self.source, "line": self.line, "unit": self.unit, "message": self.message,
                "warning": self.warning}


class RegdraftError(Exception):
    """Base of every error regdraft reports to a user (a problem in the documents: exit code 1).

    The message speaks in the drafter's words and never names a command-line option: where a
    choice of the command answers the error (overwriting, a reason, another revision), the
    library names it in words and lists it in `options` by its parameter name (`force`,
    `as_of`); the face reporting the error says how to give it (the CLI adds its option names).
    A command to run is a `core.commands.Command` inside the message: `str()` and `report()`
    give it in neutral words, the CLI writes it as a command line.
    """

    category = Category.DOCUMENT

    def __init__(self, message: str, problems: Sequence[Problem] = (), *, options: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.options: tuple[str, ...] = tuple(options)

    def __str__(self) -> str:
        return words(str(self.args[0])) if len(self.args) == 1 else super().__str__()

    def report(self) -> str:
        """The whole message: the summary line, then one line per problem (commands in neutral words)."""
        head = words(str(self.args[0])) if self.args else ""
        lines = [str(p) for p in self.problems]
        if lines == [head]:  # the one problem is the summary (a folder where a comment file should be): said once
            return head
        if head and lines:
            return "\n".join([head, *("  " + line for line in lines)])
        return head or "\n".join(lines)

    @property
    def exit_code(self) -> int:
        """The command line's exit code for this error (its category's, in `OUTCOMES`)."""
        return self.category.exit_code


class Worded(RegdraftError):
    """A refusal an interface in another language words itself (the review server, in the page's words):
    `case` names it, `fields` give its values as text and `provisions` the addresses it names, which the
    interface cites in its language. The message is the library's English, for the command line."""

    def __init__(self, message: str, case: str, *, provisions: Mapping[str, str] | None = None,
                 category: Category = Category.DOCUMENT, **fields: str) -> None:
        super().__init__(message)
        self.category = category
        self.case = case
        self.fields: dict[str, str] = dict(fields)
        self.provisions: dict[str, str] = dict(provisions or {})


class ParseError(RegdraftError):
    """A document could not be read; carries every problem found in one run."""

    @classmethod
    def collect(cls, problems: Iterable[Problem], what: str = "document") -> ParseError:
        """Build one error from several problems, with a counting summary line."""
        items = tuple(problems)
        source = items[0].source if items else ""
        name = f"{source}" if source else f"the {what}"
        return cls(f"{name} has {count(len(items), 'problem')}:", items)


class ProfileError(RegdraftError):
    """A document profile cannot be used. `where` names it (`profiles/x.yaml`); `found` holds each
    thing wrong as a sentence and the key it is about (`("words", "vi", "number")`); `source` is the
    workspace file at fault ("" for a shipped profile), for `regdraft check` to give each its line."""

    def __init__(self, where: str, found: Sequence[tuple[str, Sequence[str]]], *, source: str = "") -> None:
        super().__init__(f"{where}: " + " ".join(sentence for sentence, _ in found))
        self.source = source
        self.found: tuple[tuple[str, tuple[str, ...]], ...] = tuple((sentence, tuple(keys)) for sentence, keys in found)


class UnknownUnit(RegdraftError):
    """An address names a provision that does not exist (bad usage: exit code 2)."""

    category = Category.USAGE


class AddressError(RegdraftError):
    """An address could not be understood (bad usage: exit code 2)."""

    category = Category.USAGE


class AmendmentConflict(RegdraftError):
    """An amendment cannot be applied as written."""


class StateError(RegdraftError):
    """The workspace's state is in the way (a round closed or still open, a write in progress): exit code 1."""

    category = Category.STATE


class StoreError(StateError):
    """The workspace or git refused an operation; nothing was changed."""


class GitFailed(StoreError):
    """Git (or the disk under it) failed a read or a write; a write is undone. The message says what in the library's
    words and git's or the system's own (never git's command line); `detail` is theirs alone, for a log: the review
    server words the whole failure itself and keeps the detail in its log."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


class UnknownName(StoreError):
    """A regulation id, amendment slug, revision, round or comment id names nothing (bad usage: exit code 2)."""

    category = Category.UNKNOWN


class NoWorkspace(StoreError):
    """The command needs a workspace and none was found (bad usage: exit code 2)."""

    category = Category.USAGE


class UsageError(RegdraftError):
    """The command was called wrongly (exit code 2)."""

    category = Category.USAGE


class NotPending(UsageError):
    """The command needs a pending amendment (draft, circulating or submitted) and was given or found none.

    Bad usage (exit code 2): nothing in the documents is wrong; the command names an amendment
    that is adopted, rejected or withdrawn, or, naming none, finds no pending one to default to.
    """

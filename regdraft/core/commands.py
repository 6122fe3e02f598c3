"""The commands a message tells a drafter to run, named by the library and written by each face.

The library says what to do in words ("close it with …") and names the command as a `Command`
value: its path (`round close`), its arguments and its parameters by name (`number`, `go_on`),
never a command-line flag. A `Command` put into a message (`f"close it with `{command}`"`)
travels inside the text as a marker, so every kind of message (an error, a problem, a warning,
a report's line) can carry one. A face writes the markers out at its boundary: the CLI as
`regdraft round close x --round 2` from the command's own click definition, the review
server and `str()` of an error in neutral words (`spell`).

Post-conditions:
1. `spell(text, write)` replaces every marker in `text` by `write(command)` and leaves the
   rest of the text exactly as it was; text without markers is returned unchanged.
2. `words(text)` is `spell` with `Command.words`: no marker and no command-line flag. A command of regdraft a
   message puts in backticks (`` `{command}` ``, a line to type where a face writes it as one) is quoted in
   words instead (“amend status x, draft 2”): neutral words in backticks read as a broken command.
3. Markers are framed by control characters that the readers refuse in documents, so no
   text a drafter wrote can be taken for one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from regdraft.core.patterns import lazy

_START, _END = "\x02", "\x03"
_MARKER = lazy(f"{_START}([^{_END}]*){_END}")
_TYPED_MARKER = lazy(f"`{_START}([^{_END}]*){_END}`")  # a command a message gives as a line to type


@dataclass(frozen=True, slots=True)
class Command:
    """A command a drafter can run to answer what a message says.

    `name` is the command's path (`amend vote`; "" for the command being run), `arguments` its
    arguments in order (a value, or a placeholder a drafter replaces: `ID`), and `options` its
    parameters by their names in the library (`number`, `for_`, `go_on`, `side`) with the value
    to give: a string, "" for a switch that is set, or None for the option's own placeholder
    (`N`, `DATE`). `program` is `git` for a command of git itself, whose options are git's own
    and written as they are.
    """

    name: str
    arguments: tuple[str, ...] = ()
    options: tuple[tuple[str, str | None], ...] = ()
    program: str = "regdraft"

    @classmethod
    def of(cls, name: str, *arguments: object, **options: object) -> Command:
        """`Command.of("round close", slug, number=2)`: options by parameter name; True is a switch."""
        given = tuple((key, "" if value is True else None if value is None else str(value))
                      for key, value in options.items() if value is not False)
        return cls(name, tuple(str(a) for a in arguments), given)

    @classmethod
    def option(cls, **options: object) -> Command:
        """Options of the command being run (`Command.option(encoding=None)`), written without its name."""
        return cls.of("", **options)

    @classmethod
    def git(cls, name: str, *arguments: str, switches: tuple[str, ...] = ()) -> Command:
        """A command of git itself (`git checkout --theirs FILE`): its switches are git's own names."""
        return cls(name, tuple(arguments), tuple((switch, "") for switch in switches), "git")

    def __str__(self) -> str:
        """The command as a marker inside a message; a face writes it out (see the module)."""
        import json  # imported when a message names a command, not by every run

        return _START + json.dumps([self.program, self.name, list(self.arguments), [list(o) for o in self.options]],
                                   ensure_ascii=False) + _END

    def words(self) -> str:
        """The command in neutral words, for a face with no command line: `round close x, number 2`."""
        if self.program != "regdraft":
            return self.git_line()
        given = [name.rstrip("_").replace("_", " ") + (f" {value}" if value else "") for name, value in self.options]
        head = " ".join([self.name, *self.arguments])
        return ", ".join([head, *given] if head else given)

    def git_line(self) -> str:
        """A command of another program, written in its own syntax: `git checkout --theirs FILE`, each word quoted
        for a shell as regdraft's own commands are (`git tag -d 'adopted/61-2020-NĐ-CP'`): a tag, a number or a
        remote's name is a colleague's text, and `;touch${IFS}x;` in one ran when the line was pasted (r40 sweep CE
        F2)."""
        import shlex  # a command is written out: not imported by every run

        switches = ["-" * (1 if len(name) == 1 else 2) + name for name, _ in self.options]
        words = [*self.name.split(" "), *switches, *self.arguments] if self.name else [*switches, *self.arguments]
        return " ".join([self.program, *(shlex.quote(word) for word in words)])


def spell(text: str, write: Callable[[Command], str]) -> str:
    """`text` with every command marker written out by `write`."""
    if _START not in text:
        return text
    return _MARKER.sub(lambda found: write(_read(found.group(1))), text)


def words(text: str) -> str:
    """`text` with its commands in neutral words (what `str()` of an error shows, and the history records): a
    command of regdraft given in backticks is quoted (“amend status x, draft 2”), since the words are no line to
    type; a command of another program (git's) is one and keeps its backticks."""
    if _START not in text:
        return text

    def typed(found: re.Match[str]) -> str:
        command = _read(found.group(1))
        return f"`{command.git_line()}`" if command.program != "regdraft" else f"“{command.words()}”"

    return spell(_TYPED_MARKER.sub(typed, text), Command.words)


def commands_in(text: str) -> list[Command]:
    """The commands named in `text`, in order."""
    return [_read(found.group(1)) for found in _MARKER.finditer(text)]


def _read(encoded: str) -> Command:
    import json

    program, name, arguments, options = json.loads(encoded)
    return Command(name, tuple(arguments), tuple((key, value) for key, value in options), program)

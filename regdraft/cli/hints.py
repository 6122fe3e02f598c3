"""How the command line writes what the library names by parameter: options and whole commands.

The library never spells a flag (docs/architecture.md): an error lists the choices that answer
it by parameter name (`options=("force",)`, another command's as `"sync:go_on"`), and a message
names a command to run as a `core.commands.Command`. Here both become command-line text, taken
from the commands' own click definitions, so a renamed option is renamed everywhere at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from regdraft.core.commands import Command, spell


def command_at(root: click.Command, path: str) -> click.Command | None:
    """The command at `path` (`amend vote`) under the group `root`, or None. A group that loads its commands lazily
    (`RegdraftGroup.command_at`) loads only the modules it takes to find it: a note naming `amend conflicts` loads
    the `amend` commands' module, not every command module (the comments' machinery with them)."""
    lazy = getattr(root, "command_at", None)
    if callable(lazy):
        found: click.Command | None = lazy(path.split())
        return found
    command: click.Command | None = root
    for word in path.split():
        command = command.commands.get(word) if isinstance(command, click.Group) else None
    return command


def option_names(command: click.Command, names: Sequence[str]) -> list[str]:
    """How the options named by parameter (`force`, `rev_to`) are written on `command` (`--force`, `--to REV`).

    Several flags may set one parameter (`--ours`/`--theirs` set `side`): each is named.
    """
    written = []
    for name in names:
        for param in command.params:
            if not isinstance(param, click.Option) or param.name != name:
                continue
            flag = max(param.opts, key=len)
            text = flag if param.is_flag else f"{flag} {param.metavar or _value_name(param.type)}"
            if text not in written:
                written.append(text)
    return written


def _value_name(kind: click.ParamType[Any]) -> str:
    if isinstance(kind, click.Choice):
        return "|".join(str(choice) for choice in kind.choices)
    if isinstance(kind, click.IntRange) or kind is click.INT:
        return "N"
    return {"text": "TEXT", "file": "FILE", "path": "PATH", "date": "DATE"}.get(kind.name, kind.name.upper())


def option_hint(root: click.Command, command: click.Command | None, options: Sequence[str]) -> str:
    """The sentence the CLI adds to a library error whose `options` point to choices.

    An option is a parameter name of the running command (`force`: "(Option: --force.)"), or of
    another command (`check:repair`), written as a command line to run ("`regdraft check --repair`");
    that command's flags are alternatives, each on its own line, its valued options go on one line.
    """
    by_command: dict[str, list[str]] = {}
    for option in options:
        path, _, name = option.rpartition(":")
        by_command.setdefault(path, []).append(name)
    parts = []
    for path, names in by_command.items():
        target = command_at(root, path) if path else command
        flags = option_names(target, names) if target is not None else []
        if not flags:
            continue
        if not path:
            parts.append(f"{'Options' if len(flags) > 1 else 'Option'}: {', '.join(flags)}")
            continue
        switches = [flag for flag in flags if " " not in flag]
        valued = " ".join(flag for flag in flags if " " in flag)
        lines = [f"regdraft {path} {flag}" for flag in switches] + ([f"regdraft {path} {valued}"] if valued else [])
        parts.append(", ".join(f"`{line}`" for line in lines))
    return f"({'; '.join(parts)}.)" if parts else ""


def command_line(root: click.Command, command: Command, current: click.Command | None = None) -> str:
    """`command` as a line to type: `regdraft round close x --round 2`, `regdraft amend vote x --for N`.

    Each option is written with the flag that sets it (for a parameter several flags set, the
    one whose value it is: `side` "theirs" is `--theirs`), a placeholder with the option's own
    value name; options of the command being run (`current`) are written alone (`--encoding
    utf-8|tcvn3|vni`). What no command has is written in neutral words.
    """
    if command.program != "regdraft":
        return command.git_line()
    target = command_at(root, command.name) if command.name else current
    if target is None:
        return command.words()
    import shlex  # a hint is written out: not imported by every run

    words = ["regdraft", command.name, *(shlex.quote(a) for a in command.arguments)] if command.name else []
    for name, value in command.options:
        options = [p for p in target.params if isinstance(p, click.Option) and p.name == name]
        if not options:
            return command.words()
        chosen = next((p for p in options if p.is_flag and value and p.flag_value == value), options[0])
        flag = max(chosen.opts, key=len)
        if chosen.is_flag:
            words.append(flag)
        else:
            words += [flag, shlex.quote(value) if value else chosen.metavar or _value_name(chosen.type)]
    return " ".join(words)


def spelled(root: click.Command, text: str, current: click.Command | None = None) -> str:
    """`text` with the commands the library named written as command lines (see `command_line`)."""
    return spell(text, lambda command: command_line(root, command, current))


def spelled_data(root: click.Command, data: Any, current: click.Command | None = None) -> Any:
    """`data` (JSON-like: dicts, lists, strings) with the commands in every string written out."""
    if isinstance(data, str):
        return spelled(root, data, current)
    if isinstance(data, dict):
        return {key: spelled_data(root, value, current) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [spelled_data(root, value, current) for value in data]
    return data


def left_over(words: list[str], typed: list[str], command: click.Command | None) -> str | None:
    """The sentence for words a command line has left over after the value of one of `command`'s options: a value
    of several words typed without quotes (`--by Văn phòng`), quoted as it should be; None when the words follow
    no option's value."""
    taken = _after_a_switch(words, typed, command)
    if taken is not None:
        return taken
    # Options whose value may be words: a name or text (click's `text`), an address (`cli.completion.ADDRESS`).
    valued = {opt for p in (command.params if command else ()) if isinstance(p, click.Option) and not p.is_flag
              and p.type.name in ("text", "address") for opt in p.opts}
    for i in range(2, len(typed) - len(words) + 1):
        option = typed[i - 2]
        if typed[i:i + len(words)] == words and option in valued:
            value = " ".join([typed[i - 1], *words])
            said = f"The word '{words[0]}' is" if len(words) == 1 else f"The words '{' '.join(words)}' are"
            return f"{said} left over: a value of several words goes in quotes, e.g. {option} \"{value}\"."
    return None


def _after_a_switch(words: list[str], typed: list[str], command: click.Command | None) -> str | None:
    """The sentence for a word left over because the word after a switch took the place of the command's argument:
    `init --example office --remote URL A` gave DIRECTORY as `office` (`--example` takes no value), and was told to
    quote the remote's URL with `A` (r37 sweep BQ 5); None when no word after a switch was taken so."""
    if command is None or len(words) != 1:
        return None
    arguments = [p for p in command.params if isinstance(p, click.Argument) and p.nargs == 1]
    switches = {opt for p in command.params if isinstance(p, click.Option) and p.is_flag for opt in p.opts}
    if len(arguments) != 1:
        return None
    for i in range(1, len(typed) - 1):
        if typed[i - 1] in switches and not typed[i].startswith("-") and typed[i] != words[0]:
            name = arguments[0].human_readable_name
            return (f"The word '{words[0]}' is left over: {name} was given already, as '{typed[i]}', the word after "
                    f"{typed[i - 1]}, which is a switch and takes no value; give {name} once.")
    return None

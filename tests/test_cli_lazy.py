"""Commands load by name: a run imports its own command module, and `WHERE` names every command's modules.

Anything that reads the whole tree (help, completion, hints naming another command's flags, "did
you mean") still sees every command, each with the option naming of `_naming_options`.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from typing import Any

import click

import regdraft.cli
from tests.conftest import REPO_ROOT


def _run(code: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", f"import json, sys\n{code}"], capture_output=True, text=True,
                          check=True, cwd=REPO_ROOT)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# The command line's modules that add no command.
HELPERS = {"options", "printing", "completion", "hints", "kept_code", "interrupt_phase", "build"}


def _tree(group: click.Group) -> dict[str, list[str]]:
    ctx = click.Context(group)
    return {name: sorted(sub.commands) if isinstance(sub := group.commands[name], click.Group) else []
            for name in group.list_commands(ctx)}


def test_where_names_every_command_and_the_modules_that_add_to_it() -> None:
    from regdraft.cli import WHERE, cli

    everything = _tree(cli)
    assert sorted(everything) == sorted(WHERE) == sorted(cli.commands)
    # Every command module is named: a new one left out of WHERE would never be loaded.
    modules = {m.name for m in pkgutil.iter_modules(regdraft.cli.__path__)} - HELPERS
    assert modules == {m for names in WHERE.values() for m in names}
    assert {"from-edits", "export", "vote"} <= set(everything["amend"])
    for name in WHERE:  # each command alone, in a fresh process, is the command with every subcommand
        alone = _run("from regdraft.cli import cli\nimport click\n"
                     f"c = cli.get_command(click.Context(cli), {name!r})\n"
                     "print(json.dumps({'subs': sorted(c.commands) if isinstance(c, click.Group) else [],"
                     " 'modules': sorted(m for m in sys.modules if m.startswith('regdraft.cli.'))}))")
        assert alone["subs"] == everything[name], name
        loaded = {m.rsplit(".", 1)[1] for m in alone["modules"]} - HELPERS
        # Its own modules, and `amend` where one of them adds a subcommand to it (`comment` -> `amend vote`).
        assert set(WHERE[name]) <= loaded <= set(WHERE[name]) | {"amend"}, name


def test_a_run_imports_only_its_own_command_module() -> None:
    loaded = _run("from regdraft.cli import cli\n"
                  "try:\n    cli(['compare', '--help'], prog_name='regdraft')\nexcept SystemExit:\n    pass\n"
                  "print(json.dumps({'modules': sorted(m for m in sys.modules if m.startswith('regdraft.cli.'))}))")
    own = {m.rsplit(".", 1)[1] for m in loaded["modules"]}
    assert own == {"redline", "options", "printing", "completion", "hints", "interrupt_phase"}


def test_help_and_unknown_commands_see_every_command() -> None:
    listed = _run("from regdraft.cli import cli\nimport io, contextlib\nout = io.StringIO()\n"
                  "with contextlib.redirect_stdout(out):\n    try:\n        cli(['--help'], prog_name='regdraft')\n"
                  "    except SystemExit:\n        pass\nprint(json.dumps({'help': out.getvalue()}))")
    from regdraft.cli import WHERE

    assert all(f"\n  {name} " in str(listed["help"]) for name in WHERE)
    typo = subprocess.run([sys.executable, "-c", "from regdraft.cli import main; main()", "redlin"],
                          capture_output=True, text=True, cwd=REPO_ROOT)
    assert typo.returncode == 2 and "redline" in typo.stderr


def test_every_command_names_its_options_in_library_errors() -> None:
    from regdraft.cli import _named, cli

    def walk(command: click.Command) -> list[click.Command]:
        subs = list(command.commands.values()) if isinstance(command, click.Group) else []
        return [command, *(c for s in subs for c in walk(s))]

    commands = [c for top in cli.commands.values() for c in walk(top)]
    assert len(commands) > 40 and all(id(c) in _named for c in commands)

"""The `regdraft` command line: a thin face over the library.

Each command module in this package exposes `COMMANDS`, a list of click commands or groups.
Domain errors are turned into messages in one place, `RegdraftGroup.invoke`.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import click

from regdraft import __version__
from regdraft.core.errors import RegdraftError


class RegdraftGroup(click.Group):
    """The top-level group: converts regdraft's errors into clean messages and exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a `RegdraftError` becomes a message, never a traceback."""
        try:
            return super().invoke(ctx)
        except RegdraftError as exc:
            if exc.exit_code == 2:
                # The failing subcommand's context is gone by now; the top-level usage line would
                # mislead, so the message stands alone (exit code 2 all the same).
                raise click.UsageError(exc.report()) from None
            error = click.ClickException(exc.report())
            error.exit_code = exc.exit_code  # type: ignore[misc]  # click types it as a class constant
            raise error from None
        except OSError as exc:
            name = f" {exc.filename}" if getattr(exc, "filename", None) else ""
            error = click.ClickException(f"cannot access{name}: {exc.strerror or exc}.")
            raise error from None


@click.group(cls=RegdraftGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="regdraft")
def cli() -> None:
    """Draft, amend, compare and consolidate regulations kept as Markdown in git.

    \b
    Example:
        regdraft init --example office
        cd office && regdraft show 01-QC/TU d5.k2
    """


def _register() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name == "options":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for command in getattr(module, "COMMANDS", ()):
            cli.add_command(command)


_register()


def main() -> None:
    """Entry point of the `regdraft` console script."""
    cli(prog_name="regdraft")

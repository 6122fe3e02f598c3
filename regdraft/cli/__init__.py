"""The `regdraft` command line: a thin face over the library.

Each command module in this package exposes `COMMANDS`, a list of click commands or groups.
Domain errors are turned into messages in one place, `RegdraftGroup.invoke`.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any, NoReturn

import click

from regdraft import __version__
from regdraft.cli.printing import emit, error_json, json_wanted
from regdraft.core.errors import Category, RegdraftError


class RegdraftGroup(click.Group):
    """The top-level group: turns every failure into a message (or JSON) and its exit code, here only.

    A `RegdraftError`'s class carries its category, which is the exit code: 1 for a problem in
    the documents, 2 for bad usage; click's own usage errors are 2. Under --json the failure is
    `{"error": ..., "problems": [...]}` on stdout (docs/schemas/error.json), nothing else.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Keep the command line as typed, to know whether --json was asked when it could not be parsed."""
        ctx.meta[TYPED] = list(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a failure becomes a message (or JSON) and its exit code, never a traceback."""
        args = ctx.meta.get(TYPED, [])
        try:
            return super().invoke(ctx)
        except RegdraftError as exc:
            if json_wanted(ctx, args):
                self._fail_json(ctx, error_json(str(exc.args[0]) if exc.args else exc.report(), exc.problems),
                                exc.exit_code)
            # A click.UsageError shows no usage line here: the failing subcommand's context is gone,
            # and the top-level usage line would mislead, so the message stands alone (exit code 2).
            raise _CLICK_ERRORS[exc.category](exc.report()) from None
        except OSError as exc:
            name = f" {exc.filename}" if getattr(exc, "filename", None) else ""
            message = f"cannot access{name}: {exc.strerror or exc}."
            if json_wanted(ctx, args):
                self._fail_json(ctx, error_json(message), 1)
            raise click.ClickException(message) from None
        except click.ClickException as exc:
            if json_wanted(ctx, args):
                self._fail_json(ctx, error_json(exc.format_message()), exc.exit_code)
            raise

    @staticmethod
    def _fail_json(ctx: click.Context, data: dict[str, Any], code: int) -> NoReturn:
        emit(data)
        ctx.exit(code)


TYPED = "regdraft.typed"  # click's context meta: the arguments as typed
_CLICK_ERRORS: dict[Category, type[click.ClickException]] = {
    Category.DOCUMENT: click.ClickException,  # exit code 1
    Category.USAGE: click.UsageError,  # exit code 2
}


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
        if info.name in ("options", "printing"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for command in getattr(module, "COMMANDS", ()):
            cli.add_command(command)


_register()


def main() -> None:
    """Entry point of the `regdraft` console script."""
    cli(prog_name="regdraft")

"""Options shared by several commands, defined once."""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace

F = TypeVar("F", bound=Callable[..., Any])


def workspace_option(func: F) -> F:
    """`-C/--workspace DIR`: the workspace to use (default: the one around the current directory)."""
    return click.option(
        "-C", "--workspace", "workspace",
        type=click.Path(file_okay=False, path_type=Path), default=None, envvar="REGDRAFT_WORKSPACE",
        help="The workspace directory (default: found from the current directory).",
    )(func)


def encoding_option(func: F) -> F:
    """`--encoding utf-8|tcvn3|vni|cp1258`: how an imported file's text is read, instead of detecting it (`import` and
    `amend import` alike: `importer.legacy.TEXT_ENCODINGS`)."""
    return click.option(
        "--encoding", type=click.Choice(["utf-8", "tcvn3", "vni", "cp1258"]), default=None,
        help="Read the text in this encoding instead of detecting it (cp1258: text files only).",
    )(func)


# `-o -` writes the document to standard output (`render.files.STDOUT`); the command's own lines then go to standard
# error (`printing.prints_result`), so that the output is the document alone.
TO_STDOUT = Path("-")
_BINARY = ("pdf", "docx", "xlsx")


def output_named(path: Path | str) -> str:
    """How a command names the file it wrote: `standard output` for `-o -`."""
    return "standard output" if Path(path) == TO_STDOUT else str(path)


def output_option(func: F) -> F:
    """`-o/--output FILE` and `--force`: where to write the result, checked before anything is done.

    A path in a `.git` folder, a symbolic link, the workspace settings or a file under version
    control is refused unless --force (`regdraft.workspace.outputs`). A command that also takes
    `force` itself (import: replace an existing regulation) receives the same flag.
    """
    takes_force = "force" in inspect.signature(func).parameters

    @functools.wraps(func)
    def checked(*args: Any, output: Path | None = None, force: bool = False, **kwargs: Any) -> Any:
        if output == TO_STDOUT:  # `-o -`: the document to standard output, what the command says to stderr
            from regdraft.cli.printing import JSON_FLAG
            from regdraft.cli.printing import TO_STDOUT as TO_STDOUT_KEY

            ctx = click.get_current_context()
            if kwargs.get("as_json") or ctx.meta.get(JSON_FLAG):
                raise click.UsageError("-o - writes the document to standard output, where --json prints too: name "
                                       "a file with -o FILE, or leave out --json.")
            ctx.meta[TO_STDOUT_KEY] = True
            if takes_force:
                kwargs["force"] = force
            return func(*args, output=output, **kwargs)
        if output is not None:
            from regdraft.cli.printing import opened_at
            from regdraft.workspace.outputs import check_output

            check_output(output, force, opened_at)  # the workspace the command opens next, checked by git once
        if takes_force:
            kwargs["force"] = force
        done = func(*args, output=output, **kwargs)
        if output is not None:
            from regdraft.cli.printing import opened_at
            from regdraft.core.text import shown_name
            from regdraft.workspace.outputs import clear_stopped

            for path in clear_stopped(output, opened_at):  # said in the words of `check --repair`
                click.echo(f"Removed {shown_name(str(output.with_name(path.name)))}, left half written by a regdraft "
                           "that was stopped.", err=True)
        return done

    checked = click.option(
        "--force", is_flag=True,
        help="Write even over a tracked workspace file, the settings or a symbolic link"
             + (", and replace an existing file of the workspace." if takes_force else "."),
    )(checked)
    return cast(F, click.option(
        "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help="The file to write; - writes it to standard output.",
    )(checked))


# What a date option's help says of its forms (`core.dates.parse_date` reads them).
DATE_FORMS = ("2025-01-15, 15/01/2025 or 15 tháng 01 năm 2025; in figures the day always comes before the month, "
              "unless the year comes first")


class _Date(click.ParamType[dt.date]):
    """A date option, in any form a drafter types (`DATE_FORMS`), read by the one parser of typed dates."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        from regdraft.core.dates import refused_date, typed_date

        day, why = typed_date(value)
        if day is None:
            self.fail(refused_date(value, why), param, ctx)
        return day


DATE = _Date()


class _Line(click.ParamType[str]):
    """A line of text printed on a document (a report's or a consolidated copy's number): refused when it holds a
    control or invisible character, which no DOCX can hold (`core.text.control_character`)."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from regdraft.core.text import control_character, shown_name

        if (found := control_character(str(value))) is not None:
            self.fail(f"{shown_name(str(value))} holds {found}; type it again without it.", param, ctx)
        return str(value)


LINE = _Line()


class _Disposition(click.ParamType[str]):
    """A comment's disposition: its value (`partly`) or the words a report prints for it (`partly-accepted`,
    `not-accepted`, `Tiếp thu một phần`), as `core.disposition_words` reads them."""

    name = "disposition"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from regdraft.core.disposition_words import ACCEPTED_WORDS, read_disposition

        found = read_disposition(str(value))
        if found is None:
            self.fail(f"'{value}' is not a disposition; write one of {ACCEPTED_WORDS}.", param, ctx)
        return found.value

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        """The dispositions' own values."""
        from click.shell_completion import CompletionItem

        from regdraft.core.comments import Disposition

        return [CompletionItem(d.value) for d in Disposition if d.value.startswith(incomplete)]


DISPOSITION = _Disposition()


def interactive() -> bool:
    """Whether a person can answer a question: stdin and stdout are terminals."""
    import sys

    return sys.stdin.isatty() and sys.stdout.isatty()


def confirm_past(day: dt.date, what: str, option: str, yes: bool) -> None:
    """Ask before using a date that has passed (`what`: "The due date"); `--yes` answers for a script.

    Without a terminal to ask on, a past date is a `UsageError` naming --yes; answering no is one too.
    """
    from regdraft.core.errors import UsageError

    today = dt.date.today()
    if yes or day >= today:
        return
    ago = (today - day).days
    passed = f"{what} {day.isoformat()} ({option}) was {ago} day{'' if ago == 1 else 's'} ago"
    if not interactive():
        raise UsageError(f"{passed}; give a date ahead, or add --yes to use it all the same.")
    if not click.confirm(f"{passed}. Use it all the same?", default=False, err=True):
        raise UsageError(f"{passed}; nothing was changed. Give a date ahead, or add --yes.")


def yes_option(func: F) -> F:
    """`-y/--yes`: answer yes to the questions a command asks (a date that has passed)."""
    return click.option("-y", "--yes", is_flag=True, help="Answer yes to questions (e.g. a due date that has passed).")(
        func)


def output_format(name: str, output: Path | None, fmt: str | None, *, has_format: bool = True) -> str:
    """The format of output `name` (see `render.output.choose`), errors naming -o and --format."""
    from regdraft.render.output import FormatError, choose

    try:
        chosen = choose(name, output, fmt)
    except FormatError as exc:
        if exc.mismatch:
            raise click.UsageError(f"--format {exc.given} does not match the output file {output}: give a file "
                                   f"ending in .{exc.given}, or leave out --format.") from None
        what = f"'{exc.given}'" if exc.given else "no format"
        if output == TO_STDOUT and not exc.given:  # `-o -` has no suffix to tell the format by
            formats = "|".join(exc.output.formats)
            raise click.UsageError(f"-o - (standard output) names no format for {exc.output.title}: "
                                   + (f"choose --format {formats}." if has_format else
                                      f"name the file with -o FILE ending in "
                                      f"{', '.join('.' + f for f in exc.output.formats)}.")) from None
        if has_format:
            formats = "|".join(exc.output.formats)
            hint = f"choose --format {formats} (or give an output file ending in one of those suffixes)"
        else:
            hint = f"give an output file ending in {', '.join('.' + f for f in exc.output.formats)}"
        raise click.UsageError(f"Cannot write {exc.output.title} as {what}: {hint}.") from None
    if output == TO_STDOUT and chosen in _BINARY and sys.stdout.isatty():
        raise click.UsageError(f"-o - writes the {chosen.upper()} file to standard output, which is a terminal here: "
                               f"send it to a file or a program (`-o - > out.{chosen}`, `-o - | …`), or name the file "
                               f"with -o FILE.{chosen}.")
    return chosen


def open_workspace(path: Path | None, *, settled: bool = True) -> Workspace:
    """The workspace at `path`, or the one around the current directory; refuses one in conflict, and
    one whose repository's own settings hold one not known to be harmless (`git_policy`).

    A conflict (a stopped merge or rebase, or conflict markers) is reported first, with the
    provisions on both sides and the commands to resolve it: read, its files would mislead;
    written, the conflict would be buried under a new commit. `settled=False` is for the
    commands that settle a conflict (sync, resolve). The command's `--json` output can then
    name the commits made in it (`printing.committed`).
    """
    from regdraft.cli.printing import opened_at
    from regdraft.workspace.store import Workspace

    ws = opened_at(Workspace.find(path).root)  # the one `-o`'s check opened, if it did
    ws.git_options()  # a repository whose own settings name a program is refused before any command runs
    if ws.journal.exists():
        click.get_current_context().call_on_close(functools.partial(_note_interrupted, ws))
    if settled:
        from regdraft.workspace.settled import unsettled

        if unsettled(ws):  # the conflict report and its machinery only when there is one to report
            from regdraft.workspace.resolve import ensure_settled

            ensure_settled(ws)
    return ws


WRITE_WAIT = 3.0  # seconds a reading command waits for a write running meanwhile before it says so


def _note_interrupted(ws: Workspace) -> None:
    """Tell the reader, on stderr after the output, that a write was cut short: a reading command (`comment list`,
    `show`) showed its unfinished files as if nothing had happened. `check` reports it itself, and a write refused
    for it says so (`refused_interrupted`)."""
    if ws.refused_interrupted or not ws.journal.exists() or \
            click.get_current_context().command_path.split()[1:2] == ["check"]:
        return
    from regdraft.cli.printing import painted, spelled
    from regdraft.core.commands import Command
    from regdraft.core.errors import StoreError

    # A journal is also there while a write runs (the review server's, another command's): it holds the workspace
    # lock. That one is waited for a little, and is no interrupted write for `check --repair` to finish.
    running = not ws.writer_done(WRITE_WAIT)
    try:
        what = ws.journal.read().describe() if ws.journal.exists() else ""
    except StoreError:
        what = ""  # removed as it was read: the write has just finished
    if not what:
        return
    if running:
        said = (f"Note: another write to this workspace was running meanwhile ({what}); what is shown may not "
                "include it yet (run the command again to see it).")
    else:
        said = (f"Note: an earlier write was interrupted ({what}); until `{Command.of('check', repair=True)}` "
                "finishes it, what is shown may include its unfinished files.")
    click.echo(painted(spelled(said), err=True, fg="yellow"), err=True)


def note_problems(problems: list[Any], relative: str) -> None:
    """Tell the reader, on stderr, how many problems `regdraft check` reports in the text used."""
    from regdraft.cli.printing import painted, spelled
    from regdraft.workspace.api import problems_note

    note = problems_note(problems, relative)
    if note:
        click.echo(painted(spelled(note), err=True, fg="yellow"), err=True)



class AddressLast(click.Command):
    """A command whose last argument is one address: the words typed after it without quotes are the address's
    (`regdraft show 01-QC/TU Điều 12 khoản 2` shows `Điều 12 khoản 2`), as a shell splits an address of several
    words that was not put in quotes."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse as click does, then join the words left over to the address (words are left over only once the
        address, the last argument, is given). Completing a word (`resilient_parsing`), an option still waiting
        for its value leaves the arguments before it over, for the completion to read: they stay."""
        ctx.allow_extra_args = True
        rest = super().parse_args(ctx, args)
        if rest and not ctx.resilient_parsing and isinstance(ctx.params.get("address"), str):
            ctx.params["address"] = " ".join([ctx.params["address"], *rest])
            ctx.args = []
        return ctx.args


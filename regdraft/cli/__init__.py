"""The `regdraft` command line: a thin face over the library.

Each command module in this package exposes `COMMANDS`, a list of click commands or groups.
Domain errors are turned into messages in one place, `RegdraftGroup.invoke`.
"""

from __future__ import annotations

import functools
import gc
import importlib
import os
import re
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any, NoReturn

import click

from regdraft import NOTHING_CHANGED, STOPPING_SIGNALS
from regdraft.cli import hints
from regdraft.cli.interrupt_phase import Interrupt, ignore_late, unraisable
from regdraft.cli.printing import emit, error_json, json_option, json_wanted
from regdraft.core.errors import RegdraftError


class RegdraftGroup(click.Group):
    """The top-level group: turns every failure into a message (or JSON) and its exit code, here only.

    A `RegdraftError`'s class carries its category, which gives the exit code
    (`regdraft.core.errors.OUTCOMES`): 1 for a problem in the documents or the workspace's state,
    2 for bad usage; click's own usage errors are 2. Under --json the failure is
    `{"error": ..., "problems": [...]}` on stdout (docs/schemas/error.json), nothing else.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Keep the command line as typed, to know whether --json was asked when it could not be parsed."""
        ctx.meta[TYPED] = list(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a failure becomes a message (or JSON) and its exit code, never a traceback.

        Interrupted (Ctrl-C), whatever the interrupt broke first (git, a pipe to it, the command), it says in one
        sentence what the command left and what to do, and exits with 130.
        """
        from regdraft.workspace import interrupts

        args = ctx.meta.get(TYPED, [])
        interrupts.begin()
        Interrupt.phase = "running"
        try:
            return self._invoke(ctx, args)
        except KeyboardInterrupt:
            self._interrupted(ctx, args)
        finally:
            Interrupt.phase = "ending"

    def _interrupted(self, ctx: click.Context, args: list[str]) -> NoReturn:
        from regdraft.workspace.interrupts import left_behind

        Interrupt.phase = "ending"  # a second Ctrl-C does not cut the sentence short
        try:
            message = hints.spelled(cli, left_behind(), None)
        except Exception:  # the workspace cannot be read: say so, and how to look
            message = hints.spelled(cli, "Interrupted; see what it left with `regdraft check`.", None)
        code = 128 + Interrupt.signum  # 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP
        if json_wanted(ctx, args):
            self._fail_json(ctx, error_json(message), code)
        try:
            click.echo(message, err=True)
        except OSError:  # the terminal is gone (SIGHUP): the exit code says it, the next command names what is left
            pass
        ctx.exit(code)

    def _invoke(self, ctx: click.Context, args: list[str]) -> Any:
        try:
            return super().invoke(ctx)
        except (Exception, KeyboardInterrupt) as exc:
            if Interrupt.received and not isinstance(exc, (KeyboardInterrupt, click.exceptions.Exit)):
                raise KeyboardInterrupt from None  # git died of the same Ctrl-C first: its failure is not the story
            if isinstance(exc, RegdraftError):
                self._fail(ctx, exc, args)
            if isinstance(exc, BrokenPipeError):
                if not _output_closed():
                    raise click.ClickException("cannot write: a pipe was closed (Broken pipe).") from None
                # The reader stopped reading (`regdraft comment list | head`): nothing went wrong to tell the
                # user about, in a message nobody would read. What was left to print is dropped; a write the
                # command made stands. The exit code is what a shell gives git in the same case.
                ctx.exit(OUTPUT_CLOSED)
            if isinstance(exc, OSError):
                name = f" {exc.filename}" if getattr(exc, "filename", None) else ""
                message = f"cannot access{name}: {exc.strerror or exc}."
                if json_wanted(ctx, args):
                    self._fail_json(ctx, error_json(message), 1)
                raise click.ClickException(message) from None
            if isinstance(exc, click.UsageError) and (extra := _EXTRA.fullmatch(exc.message)) and (
                    said := hints.left_over(extra.group(1).split(" "), args, exc.ctx.command if exc.ctx else None)):
                if json_wanted(ctx, args):
                    self._fail_json(ctx, error_json(said), exc.exit_code)
                raise click.UsageError(said, exc.ctx) from None
            if isinstance(exc, click.ClickException) and json_wanted(ctx, args):
                self._fail_json(ctx, error_json(exc.format_message()), exc.exit_code)
            raise

    def _fail(self, ctx: click.Context, exc: RegdraftError, args: list[str]) -> NoReturn:
        _with_hint(exc, None)  # raised outside a command's own code: only other commands' options
        if json_wanted(ctx, args):
            self._fail_json(ctx, error_json(str(exc.args[0] if exc.args else "") or exc.report(), exc.problems),
                            exc.exit_code)
        # No usage line, even for bad usage: the failing subcommand's context is gone, and the
        # top-level usage line would mislead, so the message stands alone.
        raise _CLICK_ERRORS[exc.exit_code](exc.report()) from None

    @staticmethod
    def _fail_json(ctx: click.Context, data: dict[str, Any], code: int) -> NoReturn:
        emit(data)
        ctx.exit(code)

    # Commands are loaded by name: a run imports the module of the command it runs (`WHERE`), not all
    # eleven. Anything that reads the whole tree (`commands`: help, completion, the hints that write
    # another command's flags, "did you mean") loads every module first.

    @property  # type: ignore[override]
    def commands(self) -> dict[str, click.Command]:
        """Every command, each module loaded."""
        _load(*{m for modules in WHERE.values() for m in modules})
        return self._loaded

    @commands.setter
    def commands(self, value: dict[str, click.Command]) -> None:
        self._loaded = value

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        """Add a command without loading the others."""
        name = name or cmd.name
        if name is None:
            raise TypeError("Command has no name.")
        self._loaded[name] = cmd

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command, its module loaded (None for an unknown name)."""
        _load(*WHERE.get(cmd_name, ()))
        return self._loaded.get(cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name, nothing loaded."""
        return sorted(WHERE)

    def command_at(self, words: Sequence[str]) -> click.Command | None:
        """The command at `words` (`amend conflicts`), the modules of its top-level command loaded one by one, in
        `WHERE`'s order, until it is found (all of them for one not found): a message naming a command (`hints`)
        loads no module it needs not."""
        if not words:
            return self
        modules = WHERE.get(words[0], ())
        for n in range(1, len(modules) + 1):
            _load(*modules[:n])
            command: click.Command | None = self._loaded.get(words[0])
            for word in words[1:]:
                command = command.commands.get(word) if isinstance(command, click.Group) else None
            if command is not None:
                return command
        return None


def on_interrupt(signum: int, frame: object) -> None:
    """The handler of SIGINT, and of SIGTERM and SIGHUP alike: before a command runs, nothing changed; while it runs,
    a `KeyboardInterrupt` that `RegdraftGroup.invoke` turns into one sentence (a write undone or finished as on
    Ctrl-C); after (or again), ignored, so the sentence is said whole. SIGTERM (`kill`, `timeout`) and SIGHUP (the
    terminal closed) ended the process at once, mid-write, with no word (r39 sweep BY F4)."""
    if Interrupt.received or Interrupt.phase == "ending":
        return
    Interrupt.received = True
    Interrupt.signum = int(signum)
    if Interrupt.phase == "starting":
        try:
            sys.stderr.write(NOTHING_CHANGED + "\n")
        except OSError:
            pass
        raise SystemExit(128 + int(signum))
    raise KeyboardInterrupt


TYPED = "regdraft.typed"  # click's context meta: the arguments as typed
_EXTRA = re.compile(r"Got unexpected extra arguments? \((.*)\)")  # click's words for what is left over
_CLICK_ERRORS: dict[int, type[click.ClickException]] = {1: click.ClickException, 2: click.UsageError}  # by exit code


@click.group(cls=RegdraftGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=lambda ctx, _, asked: _version(ctx, asked),
              help="Show the version, the build (its commit) and the workspace format, and exit.")
@json_option
def cli() -> None:
    """Draft, amend, compare and consolidate regulations kept as Markdown in git.

    \b
    Example:
        regdraft init --example office
        cd office && regdraft show 01-QC/TU d5.k2
        regdraft --json list
    """


def _version(ctx: click.Context, asked: bool) -> None:
    """Print what `regdraft --version` says (`cli.build`) and exit."""
    if not asked or ctx.resilient_parsing:
        return
    from regdraft.cli.build import version_lines

    click.echo("\n".join(version_lines()))
    ctx.exit()


def option_hint(command: click.Command | None, options: Sequence[str]) -> str:
    """The sentence the CLI adds to a library error whose `options` point to choices (`cli.hints`)."""
    return hints.option_hint(cli, command, options)


def _command_at(path: str) -> click.Command | None:
    return hints.command_at(cli, path)


def _with_hint(exc: RegdraftError, command: click.Command | None) -> None:
    """Write out the commands the error's text names, and add the options that answer it."""
    hint = option_hint(command, exc.options)
    if exc.args:
        text = hints.spelled(cli, str(exc.args[0]), command)
        exc.args = (f"{text} {hint}" if hint else text, *exc.args[1:])
    exc.problems = tuple(replace(p, message=hints.spelled(cli, p.message, command)) for p in exc.problems)
    exc.options = ()


def _naming_options(command: click.Command) -> None:
    """Make `command` add its option names to a library error that points to its choices."""
    callback = command.callback
    if callback is None:
        return

    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except RegdraftError as exc:
            _with_hint(exc, command)
            raise

    command.callback = run


def _all_commands(command: click.Command) -> Iterator[click.Command]:
    yield command
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            yield from _all_commands(sub)


# The module of each top-level command, and of the subcommands other modules add to it (`amend
# from-edits`, `amend export`, `amend vote`). tests/test_cli_lazy.py checks it against the modules.
WHERE: dict[str, tuple[str, ...]] = {
    "amend": ("amend", "comments", "export", "from_edits"), "check": ("core",), "clone": ("share",),
    "comment": ("comments",), "compare": ("redline",), "export": ("export",), "fmt": ("core",),
    "import": ("importer",), "init": ("core",), "list": ("core",), "log": ("core",), "redline": ("redline",),
    "refs": ("refs",), "resolve": ("share",), "review": ("review",), "round": ("rounds",), "show": ("core",),
    "sync": ("share",),
}
_loaded_modules: set[str] = set()
_named: set[int] = set()  # ids of the commands whose callbacks name their options (`_naming_options`)
_loading = threading.Lock()


def _load(*names: str) -> None:
    """Import these command modules and add their commands (once each; the review server has threads)."""
    with _loading:
        added = False
        for name in sorted(names):
            if name in _loaded_modules:
                continue
            module = importlib.import_module(f"{__name__}.{name}")
            for command in getattr(module, "COMMANDS", ()):
                cli.add_command(command)
            _loaded_modules.add(name)
            added = True
        if added:  # including those a module added to another module's group (`amend from-edits`)
            for command in list(cli._loaded.values()):
                for each in _all_commands(command):
                    if id(each) not in _named:
                        _named.add(id(each))
                        _naming_options(each)


OUTPUT_CLOSED = 141  # 128 + SIGPIPE


def _output_closed() -> bool:
    """True when standard output's reader has gone; it is then pointed at the null device, so that what is
    still buffered (and Python's flush at exit) goes nowhere instead of failing again."""
    import select

    try:
        watch = select.poll()
        watch.register(sys.stdout.fileno(), select.POLLOUT)
        closed = any(events & select.POLLERR for _, events in watch.poll(0))  # a pipe with no reader
    except (OSError, ValueError):  # no file descriptor (a test's captured output)
        return False
    if closed:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    return closed


def main() -> None:
    """Run the command line (the `regdraft` console script calls it through `regdraft.console`)."""
    from regdraft.cli import kept_code
    from regdraft.core.collector import run_once

    # The methods of the data classes this run creates, compiled by an earlier run of the same command (its name is
    # the first argument that names one; any other guess only reads another entry).
    kept_code.install(next((arg for arg in sys.argv[1:] if arg in WHERE), ""))
    run_once()  # readings, comparisons and pages built once are never walked by the cyclic collector
    for name in STOPPING_SIGNALS:
        # No SIGHUP on Windows; one ignored on purpose (`nohup regdraft …`) stays ignored: the run goes on.
        if hasattr(signal, name) and not (name == "SIGHUP" and signal.getsignal(signal.SIGHUP) is signal.SIG_IGN):
            signal.signal(getattr(signal, name), on_interrupt)
    sys.unraisablehook = unraisable  # a Ctrl-C Python drops is raised again, not printed (`interrupt_phase`)
    try:
        cli(prog_name="regdraft")
    finally:
        Interrupt.phase = "ending"
        ignore_late(getattr(signal, name) for name in STOPPING_SIGNALS if hasattr(signal, name))
        kept_code.keep()
        # Python's exit collects garbage over every object still alive (the readings the parse
        # cache keeps, the modules): for a 5,000-article comparison that took 0.2 s of CPU after
        # the output was written. Frozen objects are skipped; the process frees its memory as it ends.
        gc.freeze()

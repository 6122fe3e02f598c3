"""How a command's result reaches its reader: sentences for people, one JSON document with --json.

Every command is decorated with `@prints_result` and returns a `Result`: the data a script
reads (printed as JSON by `--json`, described by docs/schemas/<command>.json) and the lines a
person reads. Notes and warnings go to stderr in both modes, so stdout under --json holds
exactly one JSON document. Errors under --json are printed by `regdraft.cli.RegdraftGroup` as
`{"error": ..., "problems": [...]}` (docs/schemas/error.json), with the same exit code.
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from regdraft.cli.interrupt_phase import not_dropped, work_done

if TYPE_CHECKING:
    from regdraft.core.errors import Problem
    from regdraft.core.word_diff import DiffSegment
    from regdraft.workspace.store import Workspace

F = TypeVar("F", bound=Callable[..., Any])

JSON_FLAG = "regdraft.json"  # in click's context meta (shared by every nested context): --json was given
TO_STDOUT = "regdraft.to_stdout"  # `-o -` given: the document goes to standard output (`options.output_option`)
PAGED = "regdraft.paged"  # in click's context meta: long output may go through a pager (see pager_option)
OPENED = "regdraft.workspaces"  # the workspaces the command opened, for the commits it made


@dataclass
class Result:
    """What a command produced: `data` for --json, `lines` (text, to stderr?) for people, its exit code.

    `exit_code` 1 says the documents have problems; the output is printed first either way.
    """

    data: Any = None
    lines: list[tuple[str, bool, bool, bool]] = field(default_factory=list)  # text, stderr?, newline?, always?
    exit_code: int = 0
    streamed: bool = False  # the command printed its JSON as it ran (a server announcing its address)
    paged: bool = False  # stdout longer than the screen goes through a pager (also set by --no-pager's absence)

    def say(self, text: str = "", *, err: bool = False, nl: bool = True) -> Result:
        """Add a line for people (stdout, or stderr when `err`), left out under --json; returns the result."""
        self.lines.append((text, err, nl, False))
        return self

    def note(self, text: str) -> Result:
        """Add a note or warning: stderr, printed under --json too; returns the result."""
        self.lines.append((text, True, True, True))
        return self


def emit(data: Any) -> None:
    """Print `data` as the one JSON document on stdout: Vietnamese letters as they are, but each control character
    (C0, which JSON escapes itself, DEL and the C1 ones) and each invisible one but the joiners and presentation
    selectors an emoji needs (`text.HIDDEN`: the direction overrides, the tag characters) as a `\\u` escape, the same
    value to a script. With `ensure_ascii=False` alone, U+009B (a terminal's command) and U+202E went out raw to a
    person running `--json` in a terminal (r36 sweep BK F6)."""
    import json  # only when --json is given: `regdraft --help` stays light
    import re

    from regdraft.cli.hints import spelled_data
    from regdraft.core.text import C1, HIDDEN_BMP, one_of

    root, current = _commands()
    dumped = json.dumps(spelled_data(root, data, current), ensure_ascii=False, indent=2, default=_plain)
    # Only ever inside a JSON string (its syntax is ASCII), so the document stays JSON, each value the same.
    unshown = one_of(f"\x7f{C1}\u2028\u2029{HIDDEN_BMP}")
    # `json.dumps` of the one character writes its `\u` escape, one beyond the BMP as its two surrogates
    # (`\udb40\udc41` for U+E0041: JSON's `\u` takes four digits).
    click.echo(re.sub(unshown, lambda found: json.dumps(found.group())[1:-1], dumped) if re.search(unshown, dumped)
               else dumped)


def _commands() -> tuple[click.Command, click.Command | None]:
    """The `regdraft` group and the command being run, whose definitions write out the commands a message names."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return click.Group(), None  # no command line: neutral words
    return ctx.find_root().command, ctx.command


def spelled(text: str) -> str:
    """`text` with the commands the library named (`core.commands`) written as command lines."""
    from regdraft.cli.hints import spelled as written

    root, current = _commands()
    return written(root, text, current)


def _plain(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _remember(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    if value:
        ctx.meta[JSON_FLAG] = True
    return value


def json_option(func: F) -> F:
    """`--json` on the top-level group: `regdraft --json CMD ...` is `regdraft CMD ... --json`.

    Click's context meta is shared by the nested contexts, so the flag reaches the command's own
    `--json` (read in `prints_result`) and the error handling in `regdraft.cli.RegdraftGroup`.
    """
    return click.option(
        "--json", "as_json", is_flag=True, callback=_remember, expose_value=False,
        help="Print one JSON document for scripts, whatever the command (same as its own --json).",
    )(func)


def prints_result(func: F) -> F:
    """Add `--json` and print the `Result` the command returns (a command taking `as_json` gets it too)."""
    takes_json = "as_json" in inspect.signature(func).parameters

    @functools.wraps(func)
    def run(*args: Any, as_json: bool = False, **kwargs: Any) -> None:
        # `review --json invite ...`: the flag given to a group holds for its subcommand too.
        as_json = as_json or bool(click.get_current_context().meta.get(JSON_FLAG))
        if takes_json:
            kwargs["as_json"] = as_json
        result: Result = func(*args, **kwargs)
        not_dropped()  # a Ctrl-C raised where Python dropped it: the command stops here, its write said recorded
        if committed()["commits"]:  # a write is recorded: its result is said whole, not cut by a Ctrl-C into 130
            work_done()
        # `-o -`: the document went to standard output; what the command says goes to standard error after it.
        to_stdout = bool(click.get_current_context().meta.get(TO_STDOUT))
        files = sys.modules.get("regdraft.render.files")  # loaded by every command that writes an output
        if files is not None and files.stdout_written():  # `-o /dev/stdout`: the same, reached through the link
            to_stdout = True
        shown = [(spelled(text), err or to_stdout, nl) for text, err, nl, always in result.lines
                 if always or not as_json]
        paged = (result.paged or click.get_current_context().meta.get(PAGED, False)) and not to_stdout
        if paged and not as_json and _long_for_the_screen(shown):
            click.echo_via_pager("".join(text + ("\n" if nl else "") for text, err, nl in shown if not err),
                                 color=colour(err=False))
            shown = [line for line in shown if line[1]]
        for text, err, nl in shown:
            click.echo(text, err=err, nl=nl, color=colour(err))
        if as_json and not result.streamed:
            emit(result.data)
        if result.exit_code:
            click.get_current_context().exit(result.exit_code)

    return cast(F, click.option(
        "--json", "as_json", is_flag=True, callback=_remember, expose_value=True,
        help="Print one JSON document for scripts (docs/json.md); errors too.",
    )(run))


def colour(err: bool = False) -> bool:
    """Whether to print in colour: on a terminal, unless NO_COLOR is set (https://no-color.org)."""
    import os
    import sys

    if os.environ.get("NO_COLOR"):
        return False
    return (sys.stderr if err else sys.stdout).isatty()


def painted(text: str, err: bool = False, **style: Any) -> str:
    """`text` in a colour or weight (click.style's keywords) when printing in colour, else as it is."""
    return click.style(text, **style) if colour(err) else text


def marked(segments: Sequence[DiffSegment], context: int | None = None) -> str:
    """Words with their changes marked as git's word diff does: `[-deleted-]{+inserted+}`, red and green in colour.

    With `context`, unchanged runs are cut to that many characters each side of a change and the
    text is put on one line (a list of changes); without it the text keeps its lines (a provision).
    """
    from regdraft.core.word_diff import Op, as_written

    out = []
    segments = as_written(segments)  # each side as written: a word whose tone mark moved is marked
    for i, s in enumerate(segments):
        if s.op is Op.DELETE:
            out.append(painted(f"[-{s.text}-]", fg="red", strikethrough=True))
        elif s.op is Op.INSERT:
            out.append(painted(f"{{+{s.text}+}}", fg="green", underline=True))
        else:
            text = s.text
            if context is not None and len(text) > 2 * context:
                head = text[:context] if i > 0 else ""
                tail = text[-context:] if i < len(segments) - 1 else ""
                text = f"{head}…{tail}"
            out.append(text)
    return "".join(out).replace("\n", " ") if context is not None else "".join(out)


def problem_line(problem: Problem, err: bool = False) -> str:
    """A problem as `file:line: unit: message`, the place in bold and the message red (a warning yellow); a control or
    invisible character the message quotes from a file (a comment's body holding U+009B) escaped (`text.shown_text`),
    as the file's name is (r36 sweep BK F5)."""
    from dataclasses import replace

    from regdraft.core.text import shown_text

    problem = replace(problem, message=shown_text(spelled(problem.message)))
    text = str(problem)
    message = problem.message if problem.message and text.endswith(problem.message) else ""
    where = text[: len(text) - len(message)] if message else text
    return painted(where, err, bold=True) + painted(message, err, fg="yellow" if problem.warning else "red")


def _long_for_the_screen(lines: list[tuple[str, bool, bool]]) -> bool:
    """Whether stdout is a terminal and what goes to it is longer than the screen (a pager is worth it)."""
    import shutil
    import sys

    if not sys.stdout.isatty() or not sys.stdin.isatty():
        return False
    height = shutil.get_terminal_size().lines
    return sum(text.count("\n") + 1 for text, err, _ in lines if not err) > height - 1


def _page(ctx: click.Context, _param: click.Parameter, no_pager: bool) -> bool:
    ctx.meta[PAGED] = not no_pager
    return no_pager


def pager_option(func: F) -> F:
    """`--no-pager`: without it, stdout longer than the terminal's screen goes through a pager
    (click.echo_via_pager, $PAGER), only when stdin and stdout are terminals and not under --json."""
    return click.option(
        "--no-pager", is_flag=True, expose_value=False, callback=_page,
        help="Print straight to the terminal, even when longer than the screen.",
    )(func)


def json_wanted(ctx: click.Context, args: Sequence[str]) -> bool:
    """Whether --json was given: remembered by its option, or among the arguments click could not parse."""
    if ctx.meta.get(JSON_FLAG):
        return True
    words = list(args)
    return "--json" in (words[:words.index("--")] if "--" in words else words)


def error_json(message: str, problems: Sequence[Problem] = ()) -> dict[str, Any]:
    """The JSON of a failed command (docs/schemas/error.json)."""
    return {"error": message, "problems": problems_json(problems)}


def opened(ws: Workspace) -> Workspace:
    """Remember a workspace the command opened, so `committed()` can name what it committed."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.meta.setdefault(OPENED, []).append(ws)
    return ws


def opened_at(root: Path) -> Workspace:
    """The workspace at `root` this command opened already (checking where `-o` writes opens it first), else one
    opened now: its git settings and index are checked once a command, not once for each look."""
    from regdraft.workspace.store import Workspace

    ctx = click.get_current_context(silent=True)
    known: list[Workspace] = ctx.meta.get(OPENED, []) if ctx is not None else []
    return next((ws for ws in known if ws.root == root.resolve()), None) or opened(Workspace(root))


def committed() -> dict[str, list[str]]:
    """What the running command committed: `commits` (full shas, oldest first) and the workspace `files`."""
    ctx = click.get_current_context(silent=True)
    shas: dict[str, None] = {}
    files: set[str] = set()
    for ws in ctx.meta.get(OPENED, []) if ctx is not None else []:
        shas.update(dict.fromkeys(ws.commits_made))
        files.update(ws.files_committed)
    return {"commits": list(shas), "files": sorted(files)}


def problems_json(problems: Sequence[Problem]) -> list[dict[str, Any]]:
    """Problems for --json (docs/schemas/problem.json)."""
    return [p.as_dict() for p in problems]

"""Commands named by the library (`core.commands`) and written by the faces.

The library names a command by its path and parameters; the CLI writes it as a command line
from the command's own click definition, other faces (the review server, `str()` of an error,
git history) in neutral words with no flag.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from regdraft.cli import cli
from regdraft.cli.hints import command_at, command_line, spelled
from regdraft.core.commands import Command, commands_in, spell, words
from regdraft.core.errors import Problem, RegdraftError
from regdraft.workspace.memory import MemoryStore, MemoryWorkspace
from regdraft.workspace.resolve import ABORT, GO_ON, UnresolvedConflict
from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, Invoke

FLAG = re.compile(r"(^|[\s`(])--[a-z]")


def _line(command: Command) -> str:
    return command_line(cli, command)


def test_the_cli_writes_a_command_from_its_own_definition() -> None:
    assert _line(Command.of("round close", "qc-2025", number=2)) == "regdraft round close qc-2025 --round 2"
    assert _line(Command.of("amend vote", "x", for_=None, against=None, abstain=None, date=None)) == (
        "regdraft amend vote x --for N --against N --abstain N --date DATE")
    assert _line(Command.of("comment respond", "ID", disposition=None, reply=None)) == (
        "regdraft comment respond ID --disposition accepted|partly|rejected|noted|withdrawn --reply TEXT")
    assert _line(Command.of("sync", go_on=True)) == "regdraft sync --continue"
    assert _line(Command.of("check", repair=True)) == "regdraft check --repair"
    # Two flags set one parameter: the one whose value it is.
    assert _line(Command.of("resolve", "a.md", side="theirs")) == "regdraft resolve a.md --theirs"
    assert _line(Command.of("resolve", "a.md", side="ours")) == "regdraft resolve a.md --ours"
    # A value with spaces is quoted so the line can be pasted.
    assert _line(Command.of("amend adopt", "x", force=True, reason="Hội nghị quyết định")) == (
        "regdraft amend adopt x --force --reason 'Hội nghị quyết định'")


def test_an_option_of_the_running_command_is_written_alone() -> None:
    importing = command_at(cli, "import")
    assert command_line(cli, Command.option(encoding=None), importing) == "--encoding utf-8|tcvn3|vni|cp1258"
    assert command_line(cli, Command.option(normalise_letters=True), importing) == "--normalise-letters"
    # A command without that option (or no command at all) gets the words, never a guessed flag.
    assert command_line(cli, Command.option(normalise_letters=True), command_at(cli, "amend import")) == (
        "normalise letters")
    assert command_line(cli, Command.option(encoding=None)) == "encoding"


def test_what_no_command_has_is_written_in_words() -> None:
    assert _line(Command.of("no such command", "x", number=2)) == "no such command x, number 2"
    assert _line(Command.of("round close", "x", nothing=1)) == "round close x, nothing 1"


def test_git_commands_are_git_syntax_in_every_face() -> None:
    keep = Command.git("checkout", "FILE", switches=("theirs",))
    assert _line(keep) == keep.words() == "git checkout --theirs FILE"
    assert Command.git("rebase", switches=("continue",)).words() == "git rebase --continue"


def test_neutral_words_name_no_flag() -> None:
    for command in (Command.of("round close", "x", number=2), GO_ON, ABORT,
                    Command.of("amend vote", "x", for_=None, date=None), Command.option(encoding=None)):
        assert not FLAG.search(command.words()), command
    assert GO_ON.words() == "sync, go on"
    assert Command.of("amend vote", "x", for_=None).words() == "amend vote x, for"


def test_errors_and_problems_read_in_words_outside_the_cli() -> None:
    error = UnresolvedConflict(f"finish it with `{GO_ON}` or undo it with `{ABORT}`.",
                               [Problem(f"run `{Command.of('check', repair=True)}`", "a.md", 3)])
    assert str(error) == "finish it with “sync, go on” or undo it with “sync, abort”."
    assert error.report() == ("finish it with “sync, go on” or undo it with “sync, abort”.\n"
                              "  a.md:3: run “check, repair”")
    # The commands are still there for a face to write its own way.
    assert commands_in(error.args[0]) == [GO_ON, ABORT]
    assert spelled(cli, error.args[0]) == (
        "finish it with `regdraft sync --continue` or undo it with `regdraft sync --abort`.")


# Text a drafter could write (no control characters: the readers refuse them) and commands in it.
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")))
PIECES = st.one_of(
    TEXT,
    st.builds(Command.of, st.sampled_from(["round close", "sync", "amend vote", "x y"]), TEXT,
              number=st.one_of(st.none(), st.integers(0, 9), TEXT, st.just(True))),
)


@given(st.lists(PIECES, max_size=8))
def test_spelling_writes_each_command_and_keeps_every_other_character(pieces: list[str | Command]) -> None:
    text = "".join(str(piece) for piece in pieces)
    expected = "".join(f"<{piece.name}>" if isinstance(piece, Command) else piece for piece in pieces)
    assert spell(text, lambda command: f"<{command.name}>") == expected
    assert commands_in(text) == [piece for piece in pieces if isinstance(piece, Command)]
    assert "\x02" not in words(text) and "\x03" not in words(text)


def test_an_error_raised_with_a_command_is_written_by_the_cli(invoke: Invoke, tmp_path: Path) -> None:
    # A regulation imported from Windows-1258: the note names the option of `import` that forces a reading.
    source = (FIXTURES / "import" / "hien-phap-2013-trich.txt").read_text(encoding="utf-8")
    path = tmp_path / "cp1258.txt"
    path.write_bytes(_cp1258(source))
    result = invoke(None, "import", str(path), "--id", "HP-2013", "-o", str(tmp_path / "hp.md"))
    assert result.exit_code == 0, result.output
    assert "(force another reading with `--encoding utf-8|tcvn3|vni|cp1258`)" in result.output
    assert "\x02" not in result.output
    as_json = invoke(None, "import", str(path), "--id", "HP-2013", "-o", str(tmp_path / "hp2.md"), "--json")
    assert "--encoding utf-8|tcvn3|vni|cp1258" in as_json.stdout and "\\u0002" not in as_json.stdout


def test_a_library_message_reaches_history_in_words(empty_workspace: Workspace) -> None:
    message = f"Note: number it with `{Command.of('amend status', 'x', draft=2)}`."
    empty_workspace.commit({"notes.md": b"x"}, message)
    # Quoted, not in backticks: `amend status x, draft 2` read as a command line, and a broken one.
    assert str(empty_workspace.repo.head.commit.message).strip() == "Note: number it with “amend status x, draft 2”."
    memory = MemoryWorkspace(Path("/memory"), MemoryStore())
    sha = memory.commit({"notes.md": b"x"}, message)
    assert memory.resolve(sha).subject == "Note: number it with “amend status x, draft 2”."


def test_a_command_in_words_is_quoted_not_given_as_a_line_to_type() -> None:
    status = Command.of("amend status", "luat-tn-sua-doi", draft=2)
    assert words(f"number it with `{status}` first") == "number it with “amend status luat-tn-sua-doi, draft 2” first"
    # Given without backticks, in words as before.
    assert words(f"number it ({status})") == "number it (amend status luat-tn-sua-doi, draft 2)"
    keep = Command.git("checkout", "FILE", switches=("theirs",))
    assert words(f"keep theirs with `{keep}`") == "keep theirs with `git checkout --theirs FILE`"  # a line to type


def _cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes it: base letters, then the tone as a combining mark."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in parts if m in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in tones))
        out += (base + tones).encode("cp1258")
    return out


def test_the_error_tree_keeps_plain_messages_as_they_are() -> None:
    assert str(RegdraftError("Plain words, `no command`.")) == "Plain words, `no command`."

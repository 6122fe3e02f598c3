"""Invisible characters left out of a text cost work in proportion to them (r36 sweep BK F2).

An import noted the words around every invisible character, each read from the start of its line, and used only the
first one's: 40,000 soft hyphens in one word took 97 s of CPU to import. `fmt`, leaving them out of a regulation's
file written in another form, compared the file's lines before and after once for each of them: 48 s for the same
40,000. Both are measured here through the work they do (the characters `clean` reads, the comparisons made), never by
the clock.
"""

from __future__ import annotations

from typing import Any

import pytest

from regdraft.importer import plaintext
from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, Invoke

SHY = "\u00ad"
MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")
REGULATION = "regulations/MINI-QC.md"
WORDS = "Quy chế này quy định nguyên tắc, chế độ"


def _read(run: int, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], int]:
    """The import's notes on a text holding `run` soft hyphens inside one word, and the characters `clean` read."""
    read = [0]
    clean = plaintext.clean

    def counted(text: str) -> str:
        read[0] += len(text)
        return clean(text)

    monkeypatch.setattr(plaintext, "clean", counted)
    text = f"QUY CHẾ\n\nĐiều 1. Phạm vi\n\n{WORDS.replace('chế độ', f'ch{SHY * run}ế độ')} làm việc.\n"
    _, _, notes = plaintext.read_text(text.encode("utf-8"), "quy-che.txt")
    return [f"{note.message} «{note.text}»" for note in notes], read[0]


@pytest.mark.parametrize("run", [1_000, 20_000])
def test_an_import_reads_a_run_of_soft_hyphens_in_proportion(run: int, monkeypatch: pytest.MonkeyPatch) -> None:
    notes, once = _read(run, monkeypatch)
    assert [note for note in notes if "soft hyphens" in note] == [
        f"{run} soft hyphens (Word's optional hyphens, U+00AD) left out, the first in this line: a soft hyphen "
        "only marks where a word may break at a line's end and is no part of the wording. «tắc, chế độ»"], notes
    _, twice = _read(2 * run, monkeypatch)
    # The line read a few times; the words around each hyphen read from the line's start: 1,500,000 for 1,000 more.
    assert twice - once < 10 * run, (once, twice)


def _fmt(ws: Workspace, invoke: Invoke, run: int, monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:
    """What `fmt` says of a file holding `run` soft hyphens in a word and written in another form (blank lines
    doubled), and how many times it compared the lines before and after."""
    from regdraft.core import longest_match

    compared = [0]
    opcodes = longest_match.opcodes

    def counted(*args: Any) -> Any:
        compared[0] += 1
        return opcodes(*args)

    monkeypatch.setattr(longest_match, "opcodes", counted)
    edited = MINI.replace("chế độ", f"ch{SHY * run}ế độ", 1).replace("\n\n", "\n\n\n")
    ws.commit({REGULATION: edited.encode("utf-8")}, f"{run} soft hyphens")
    done = invoke(ws, "fmt", catch=False)
    assert (ws.root / REGULATION).read_text(encoding="utf-8") == MINI
    return " ".join(done.output.split()), compared[0]


def test_fmt_places_a_run_of_soft_hyphens_with_one_comparison(mini_workspace: Workspace, invoke: Invoke,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    line = MINI[:MINI.index(WORDS)].count("\n") + 1
    said, few = _fmt(mini_workspace, invoke, 50, monkeypatch)
    assert f"{REGULATION}:{line}: Điều 1: 50 soft hyphens" in said, said
    said, many = _fmt(mini_workspace, invoke, 500, monkeypatch)
    assert f"{REGULATION}:{line}: Điều 1: 500 soft hyphens" in said, said
    assert many == few, (few, many)  # once for each hyphen: 50, then 500

"""`fmt` leaves the invisible characters out of a regulation's file, as an import leaves them out of a text.

An import leaves out the soft hyphens (Word's optional hyphens, U+00AD) and the other invisible characters
(`core.text.INVISIBLE`, the zero-width joiners among them) of the text it reads (`importer.plaintext.clean`, since
r35). A file an earlier version imported may still hold them: every command reads it without them, and `check` names
each line (`unwritable.by_fmt`); `fmt` writes the file without them, in its one commit.

Post-conditions:
1. `visible_text(data, source)` is the file's text (`markdown.decode`) without any character of `INVISIBLE`, in NFC:
   what every command reads in the file, and what an import of the same text keeps; no line is added or taken away,
   so each line keeps its number. With it, each character left out: its line, the character and the words around
   it as read (`plaintext.invisible_in`, the import's own).
2. `said(found, source, ...)` is the import's notes on them (`plaintext.invisible_notes`): one counting the soft
   hyphens, one the others, each at the line of the first, naming its provision and showing its words as read; the
   line is that of the file as `fmt` wrote it (a file written in another form is rewritten canonically: the line the
   first one's stood on, where it now stands), or as it stands when nothing was written.
3. `parse_stored(data, relative)` is `markdown.parse` of a regulation's file in the workspace, whose `ParseError`
   says on each line holding invisible characters alone that `fmt` leaves them out (`unwritable.by_fmt`), as
   `check` says: the commands that refuse a text with a problem (`amend adopt`, `amend from-edits`) name the fix.
4. A control character that is not invisible (`core.text.CONTROL`: U+0007, U+2028 ...) is never left out here: the
   file's reading names it, and `fmt` rewrites nothing while one is found.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from regdraft.core.errors import ParseError, Problem
from regdraft.core.markdown import decode, parse, provisions
from regdraft.core.model import Regulation
from regdraft.core.text import nfc, visible
from regdraft.core.unwritable import by_fmt, placed

if TYPE_CHECKING:
    from regdraft.core.longest_match import Opcode

Found = tuple[int, str, str]  # a character left out: its line, the character, the words around it as read


def parse_stored(data: bytes, relative: str) -> Regulation:
    """`markdown.parse` of the regulation's file at `relative` in the workspace (post-condition 3)."""
    try:
        return parse(data, relative)
    except ParseError as exc:
        raise ParseError(str(exc.args[0]), by_fmt(exc.problems)) from None


def visible_text(data: bytes, source: str) -> tuple[str, list[Found]]:
    """The file's text without its invisible characters, and each of them (post-condition 1); `ParseError` when
    the file is no text (`markdown.decode`)."""
    text = decode(data, source)
    if text == visible(text):
        return text, []
    from regdraft.importer.plaintext import invisible_in  # the importer's package only when there is one (r37 BO F1)

    found = [f for number, line in enumerate(text.split("\n"), start=1) for f in invisible_in(line, number)]
    return nfc(visible(text)), found


def said(found: Sequence[Found], source: str, read: str, written: str | None, tree: Regulation) -> list[Problem]:
    """The notes on the characters `found` in the file at `source` (post-condition 2): `read` is its text without
    them, `written` the text `fmt` wrote (None when it wrote nothing) and `tree` what that text reads as."""
    from regdraft.importer.plaintext import invisible_notes

    if written is not None and written != read:
        # The edits compared once, each line looked up once: once for each character, 40,000 soft hyphens in a word
        # took `fmt` 48 s (r36 sweep BK F2).
        from regdraft.core.longest_match import opcodes

        codes = opcodes(read.split("\n"), written.split("\n"))
        ends = [i2 for _, _, i2, _, _ in codes]
        lines = {line: _line_in(codes, ends, line, written.count("\n") + 1) for line in {line for line, _, _ in found}}
        found = [(lines[line], char, words) for line, char, words in found]
    notes = invisible_notes(found, done="left out" if written is not None else "would be left out")
    language = "en" if tree.meta.get("language") == "en" else "vi"
    return sorted(placed([Problem(f"{note.message}  «{note.text}»", source, note.where) for note in notes],
                         lambda: provisions(tree, language)), key=lambda note: note.line)


def _line_in(codes: Sequence[Opcode], ends: list[int], line: int, end: int) -> int:
    """Where line `line` of the text read stands in the text written (`codes`, the edits between their lines, and
    `ends`, where each ends; `end`, the number of lines written): its own line where it is kept as it was, else the
    first line of what its lines became (a paragraph whose wrapped lines were joined: the paragraph's)."""
    from bisect import bisect_left

    at = bisect_left(ends, line)  # the first edit ending at or after the line
    if at == len(codes):
        return end
    tag, i1, _, j1, _ = codes[at]
    return j1 + (line - i1 if tag == "equal" else 1) if i1 < line else end

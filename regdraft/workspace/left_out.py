"""`fmt` leaves the invisible characters out of a regulation's file, as an import leaves them out of a text, and
writes the C1 controls an earlier import read from a Windows-1252 text as the characters meant.

An import leaves out the soft hyphens (Word's optional hyphens, U+00AD) and the other invisible characters
(`core.text.INVISIBLE`, the zero-width joiners among them) of the text it reads (`importer.plaintext.clean`, since
r35). A file an earlier version imported may still hold them: every command reads it without them, and `check` names
each line (`unwritable.by_fmt`); `fmt` writes the file without them, in its one commit. So too for the C1 controls
an earlier version stored from a Windows-1252 text read as Latin-1 (`“` as U+0093) or a next-line control (U+0085):
`check` named each line and said to retype it, `fmt` refused, and nothing else removed them (r37).

Post-conditions:
1. `visible_text(data, source)` is the file's text (`markdown.decode`) without any character of `INVISIBLE`, in NFC,
   with the C1 controls whose meaning is clear written as meant (`core.misread.meant`): what an import of the same
   text keeps; no line is added or taken away, so each line keeps its number. With it, each character left out or
   written: its line, the character (a C1 control with what it became: `\x93“`) and the words around it as read
   (`plaintext.invisible_in`, the import's own).
2. `said(found, source, ...)` is the import's notes on them (`plaintext.invisible_notes`): one counting the soft
   hyphens, one the others, and `misread.notes` for the controls written, each at the line of the first, naming its
   provision and showing its words as read; the line is that of the file as `fmt` wrote it (a file written in
   another form is rewritten canonically: the line the first one's stood on, where it now stands), or as it stands
   when nothing was written.
3. `parse_stored(data, relative)` is `markdown.parse` of a regulation's file in the workspace, whose `ParseError`
   says on each line holding invisible characters alone, or C1 controls `fmt` writes, that `fmt` puts it right, and
   on a line holding one it cannot what to do (`unwritable.by_fmt`), as `check` says: the commands that refuse a
   text with a problem (`amend adopt`, `amend from-edits`) name the fix.
4. Any other control character (`core.text.CONTROL`: U+0007, U+2028, U+0081 ...) is never left out or written here:
   the file's reading names it, and `fmt` rewrites nothing while one is found.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from regdraft.core import misread
from regdraft.core.errors import ParseError, Problem
from regdraft.core.markdown import decode, parse, provisions
from regdraft.core.model import Regulation
from regdraft.core.text import nfc, visible
from regdraft.core.unwritable import by_fmt, placed

if TYPE_CHECKING:
    from regdraft.core.longest_match import Opcode
    from regdraft.workspace.store import Workspace

Found = tuple[int, str, str]  # a character left out: its line, the character, the words around it as read


def parse_stored(data: bytes, relative: str, ws: Workspace | None = None) -> Regulation:
    """`markdown.parse` of the regulation's file at `relative` in the workspace (post-condition 3); given `ws`, read
    through its cache (`parse_cache`: the same reading, parsed once for its bytes: accepting a proposal parsed the
    text in force twice more, 0.35 s each for 1,000 articles)."""
    try:
        if ws is None:
            return parse(data, relative)
        from regdraft.core.markdown import checked
        from regdraft.workspace.parse_cache import read_regulation

        return checked(read_regulation(ws, data, relative))
    except ParseError as exc:
        raise ParseError(str(exc.args[0]), stored_problems(exc.problems, data, relative)) from None


def stored_problems(problems: Sequence[Problem], data: bytes, relative: str) -> list[Problem]:
    """The problems of a regulation's file in the workspace as `check` names them (`unwritable.by_fmt`, given the
    file's lines): a line `fmt` puts right says so."""
    return by_fmt(problems, lambda: decode(data, relative).split("\n"))


def visible_text(data: bytes, source: str) -> tuple[str, list[Found]]:
    """The file's text without its invisible characters and with the C1 controls an earlier import read from a
    Windows-1252 text written as meant, and each of them (post-condition 1); `ParseError` when the file is no text
    (`markdown.decode`)."""
    text = decode(data, source)
    meant, written = misread.meant(text)
    if meant == visible(meant) and not written:
        return text, []
    from regdraft.importer.plaintext import invisible_in  # the importer's package only when there is one (r37 BO F1)

    found = [f for number, line in enumerate(text.split("\n"), start=1) for f in invisible_in(line, number)]
    return nfc(visible(meant)), found + written


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
    invisible = [f for f in found if len(f[1]) == 1]
    controls = [f for f in found if len(f[1]) == 2]  # a C1 control written as meant: `\x93“` (`misread.meant`)
    notes = [(note.where, note.message, note.text) for note in
             invisible_notes(invisible, done="left out" if written is not None else "would be left out")]
    notes += misread.notes(controls, "written" if written is not None else "would be written")
    language = "en" if tree.meta.get("language") == "en" else "vi"
    return sorted(placed([Problem(f"{message}  «{words}»", source, where) for where, message, words in notes],
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

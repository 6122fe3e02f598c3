"""The C1 control characters (U+0080-U+009F) an earlier import left in a regulation's text, and what each stands for.

A text saved in Windows-1252 (the code page of Word's and Notepad's Western files, which writes the curly quotes,
the dashes and the ellipsis in the bytes 0x80-0x9F) and read as Latin-1 holds, for each such byte, the C1 control
of the same number: `“` became U+0093, `–` U+0096, `…` U+0085. A text converted from another system may end a line
inside a paragraph with U+0085 (next line), which an import reads as a space (`importer.plaintext.SOFT_BREAKS`). An
earlier version stored them as read; `check` names each line (`core.unwritable`), and `fmt` writes each one whose
meaning is clear as the character meant, saying so.

Post-conditions:
1. `meant(text)` is `text` with each C1 control `fmt` writes (`fixed`) written as meant: U+0091-U+0097 as ‘ ’ “ ” • – —,
   the Windows-1252 characters a legal text writes; U+0085 as `…` when the text holds one of those as well (it is a
   Windows-1252 text read as Latin-1), else as a line break inside the paragraph, a space, with the spaces on either
   side (nothing at a line's end); each one written, as (its line, the character, what it became). No line is added
   or taken away. Every other C1 control, and one of UTF-8 text read as Latin-1 (`Ä\\x91` is `đ`), is kept.
2. `unread(line)` is None when `fmt` writes every control character of `line` (those `fixed` and the invisible ones,
   and one at least), else the sentence saying what the drafter does instead of the first C1 control it leaves; ""
   when that is a control character no encoding explains (U+0007), or the line holds no C1 control itself (one
   written as a YAML escape): retyped, as `unwritable.held` says.
3. `notes(found, done)` counts what `meant` wrote: (the line of the first, the sentence, the character) for the
   quotes and dashes, and for U+0085 read each way.
4. `refused(text)` is the first C1 control `meant` leaves as it is, with its line and what to do, said of a source an
   import reads (which does as `fmt` does: `importer.plaintext.read_text`), or None when there is none.
"""

from __future__ import annotations

from regdraft.core.counts import count as counted
from regdraft.core.patterns import lazy
from regdraft.core.text import CONTROL, INVISIBLE, shown_text

# The C1 controls of the Windows-1252 characters a legal text writes: read as Latin-1, each byte became the control.
_QUOTES_AND_DASHES = {"\x91": "‘", "\x92": "’", "\x93": "“", "\x94": "”", "\x95": "•", "\x96": "–", "\x97": "—"}
NEXT_LINE = "\x85"
ELLIPSIS = "…"
_C1 = lazy("[\x80-\x9f]")
_WRITTEN = lazy("[\x91-\x97]")
_LATIN_RUN = lazy("[\x80-\xff]+")  # where a UTF-8 letter read as Latin-1 stands (`Ä\x91`, `á»\x87`)
_NOT_INVISIBLE = lazy(f"[^{INVISIBLE}]")


def _utf8_misread(run: str) -> str | None:
    """What a run of Latin-1 characters holding a C1 control reads as when it is UTF-8 text read as Latin-1 (`Ä\x91`
    is `đ`), or None when it is not: then a C1 control in it is one Windows-1252 byte."""
    try:
        read = run.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if _C1.search(read) or read == run else read


def _misread_runs(line: str) -> list[tuple[int, int, str]]:
    """The runs of `line` that are UTF-8 text read as Latin-1: (start, end, what it reads as)."""
    return [(found.start(), found.end(), read) for found in _LATIN_RUN.finditer(line)
            if _C1.search(found.group()) and (read := _utf8_misread(found.group())) is not None]


def fixed(line: str, at: int) -> bool:
    """Whether `fmt` writes the C1 control at `at` of `line` as the character meant (module docstring)."""
    char = line[at]
    if char != NEXT_LINE and char not in _QUOTES_AND_DASHES:
        return False
    return not any(start <= at < end for start, end, _ in _misread_runs(line))


def _windows_1252(text: str) -> bool:
    """Whether `text` holds a C1 control `fmt` writes as a Windows-1252 quote or dash: it was read as Latin-1."""
    return any(fixed(line, found.start()) for line in text.split("\n") if _WRITTEN.search(line)
               for found in _WRITTEN.finditer(line))


def meant(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """`text` with the C1 controls `fmt` writes written as meant, and each one written (post-condition 1): its line,
    the control and what it became (two characters: `\x93“`, `\x85 ` for a line break), and for the first of each
    kind the words around it as written ("" for the rest, which no note shows)."""
    if not _C1.search(text):
        return text, []
    table = str.maketrans({**_QUOTES_AND_DASHES, NEXT_LINE: ELLIPSIS if _windows_1252(text) else " "})
    lines = text.split("\n")
    found: list[tuple[int, str, str]] = []
    shown: set[str] = set()  # the kinds whose first one's words are given
    for number, line in enumerate(lines, start=1):
        at = [c1.start() for c1 in _C1.finditer(line) if fixed(line, c1.start())] if _C1.search(line) else []
        if not at:
            continue
        for i in at:
            became = line[i].translate(table)
            kind = became if line[i] == NEXT_LINE else "“"
            found.append((number, f"{line[i]}{became}", "" if kind in shown else _around(line, i, table)))
            shown.add(kind)
        chars = list(line)
        for i in at:
            chars[i] = "\n" if line[i] == NEXT_LINE and chars[i].translate(table) == " " else line[i].translate(table)
        pieces = "".join(chars).split("\n")  # at each line break read as a space: no spaces doubled, none at an end
        written = pieces[0]
        for piece in pieces[1:]:
            left, right = written.rstrip(" "), piece.lstrip(" ")
            written = f"{left}{' ' if left and right else ''}{right}"
        lines[number - 1] = written
    return "\n".join(lines), found


def _around(line: str, at: int, table: dict[int, str]) -> str:
    """The two words of `line` on either side of the control at `at`, as `meant` writes them."""
    before, after = line[max(0, at - 80):at].translate(table), line[at + 1:at + 81].translate(table)
    left = " ".join(before.split()[-2:]) + (" " if before[-1:].isspace() else "")
    right = (" " if after[:1].isspace() else "") + " ".join(after.split()[:2])
    return " ".join(f"{left}{line[at].translate(table)}{right}".split())


def unread(line: str) -> str | None:
    """The sentence on what to do with the first control character of `line` `fmt` does not write ("" for one no
    encoding explains), or None when it writes them all (post-condition 2)."""
    for found in CONTROL.finditer(line):
        char, at = found.group(), found.start()
        if not _NOT_INVISIBLE.match(char) or (_C1.match(char) and fixed(line, at)):
            continue
        if not _C1.match(char):
            return ""  # a control character no encoding explains: retyped, as `held` says
        return _c1_said(line, at)
    # Each written as meant; a line whose C1 control is a YAML escape (`"\x93"` in the front matter) holds none
    # `fmt` could write: retyped, as `held` says.
    return None if _C1.search(line) else ""


def _c1_said(line: str, at: int, source: bool = False) -> str:
    """What to do with the C1 control at `at` of `line` that `fmt` does not write (`unread`); with `source`, said of
    a document being imported, which is put right in the source (`refused`)."""
    char = line[at]
    misread = next((read for start, end, read in _misread_runs(line) if start <= at < end), None)
    if misread is not None:
        run = next(run for run in _LATIN_RUN.finditer(line) if run.start() <= at < run.end()).group()
        if source:  # said in an error, which no printing escapes as it escapes a problem's (`cli.printing`)
            return (f"the line holds UTF-8 text read as Latin-1 before it was saved («{shown_text(run)}» stands for "
                    f"«{misread}»): "
                    "retype the line in the source document, or save it again from the document it was copied from.")
        return (f"the line is UTF-8 text read as Latin-1 when it was imported («{run}» stands for «{misread}»), "
                "so import the source document again, or retype the line.")
    try:
        shown = bytes([ord(char)]).decode("cp1252")
    except UnicodeDecodeError:
        return (f"no Windows-1252 character has the byte 0x{ord(char):02X}, so what it stood for cannot be known: "
                + ("delete it in the source document, or type in its place the character the document it was copied "
                   "from has there." if source else
                   "delete it, or type in its place the character the source document has there."))
    if source:
        return (f"it is the byte 0x{ord(char):02X} of a Windows-1252 text (“{shown}”) read as Latin-1, which no legal "
                f"text is sure to mean: if the document it was copied from has “{shown}” there, type it in its place "
                "in the source document, else delete it.")
    return (f"it is the byte 0x{ord(char):02X} of a Windows-1252 text (“{shown}”) read as Latin-1, which no legal "
            f"text is sure to mean: if the source document has “{shown}” there, type it in its place, else delete "
            "it.")


def refused(text: str) -> tuple[int, str, str] | None:
    """The first C1 control of `text` that `meant` does not write (post-condition 4): its line, the character and
    the sentence on what to do, said of a document being imported; None when `meant` writes every one."""
    if not _C1.search(text):
        return None
    for number, line in enumerate(text.split("\n"), start=1):
        for found in _C1.finditer(line) if _C1.search(line) else ():
            if not fixed(line, found.start()):
                return number, found.group(), _c1_said(line, found.start(), source=True)
    return None


def notes(found: list[tuple[int, str, str]], done: str,
          read: str = "when it was imported") -> list[tuple[int, str, str]]:
    """The notes on what `meant` wrote (post-condition 3): (the line of the first, the sentence, the words around it).
    `done` says what became of them (`written`, `would be written`), `read` when the text was read as Latin-1
    (`before it was saved`, of a source an import reads)."""
    out = []
    quotes = [f for f in found if f[1][0] != NEXT_LINE]
    if quotes:
        names = ", ".join(f"U+{ord(pair[0]):04X} as {pair[1]}" for pair in dict.fromkeys(f[1] for f in quotes))
        controls = counted(len(quotes), "control character", plural_form="control characters")
        out.append((quotes[0][0], f"{controls} of a Windows-1252 text read as Latin-1 {read} {done} as "
                                  f"the characters meant ({names}), the first in this line{_others(quotes)}.",
                    quotes[0][2]))
    for became, said in ((ELLIPSIS, f"as the ellipsis {ELLIPSIS}, the byte 0x85 of the Windows-1252 text it was read "
                                    "from"),
                         (" ", "as a line break inside the paragraph, a space, as an import reads it")):
        breaks = [f for f in found if f[1] == f"{NEXT_LINE}{became}"]
        if breaks:
            controls = counted(len(breaks), "next-line control", plural_form="next-line controls")
            out.append((breaks[0][0], f"{controls} (U+0085) {done} {said}, the first in this line{_others(breaks)}.",
                        breaks[0][2]))
    return out


def _others(found: list[tuple[int, str, str]], shown: int = 10) -> str:
    """The other lines holding them, after the first's (`, the others in lines 134 and 200`), at most `shown`."""
    lines = [line for line in dict.fromkeys(f[0] for f in found) if line != found[0][0]]
    if not lines:
        return ""
    named = [str(line) for line in lines[:shown]] + ([f"{len(lines) - shown} more"] if len(lines) > shown else [])
    return f", the others in line{'s' if len(lines) > 1 else ''} " + (
        named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}")

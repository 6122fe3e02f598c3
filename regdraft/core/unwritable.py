"""Characters no document holds in a regulation's or amendment's Markdown, named at their line and provision.

The writers leave the characters no XML document can hold out of what they write (`text.as_text`: U+FFFE, U+FFFF,
a lone surrogate), so a text holding one was written without it and without a word; and a non-character that XML
takes (U+FDD0 to U+FDEF, U+1FFFE ...) is no letter or sign any font shows. The control characters are named where
the file is read (`frontmatter.without_control_characters`). Post-conditions:

1. Each line holding such a character gives one warning, at that line, naming the first such character.
2. The warning names the provision the line belongs to: the last of the places given that starts at or before it;
   `placed` names it so on the problems of the control and invisible characters found where the file is read.
3. The text is read as written (a regulation still writes back byte for byte).
4. A line holding a control or invisible character is named by `held`: a control character before an invisible one
   (a line holding both is put right only by retyping it); `by_fmt` turns the sentence on a line of a regulation's
   file holding invisible characters alone into one saying that `fmt` leaves them out.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.errors import Problem
from regdraft.core.misread import unread
from regdraft.core.patterns import lazy
from regdraft.core.text import NOT_TEXT, control_character, not_text, visible

if TYPE_CHECKING:
    from regdraft.core.amend.instructions import Instruction

# Every non-character (Unicode's 66: U+FDD0-U+FDEF and the last two code points of each plane) and a lone surrogate.
_UNWRITABLE = lazy("[\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)) + "]")

# What may be one of them: the BMP's and any character beyond the BMP, one range each, which the regex engine tests
# in a step; the exact class above, with its 32 single characters beyond the BMP, costs ten times as much a character
# (35 ms a megabyte: a drafter's edit-and-compare loop parses the new text each time, and was 28 % slower).
_SUSPECT = lazy("[\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff\U00010000-\U0010ffff]")


_HELD, _RETYPE = "This line holds ", "; retype the text around it."
_INVISIBLE_HELD = f"{_HELD}the invisible character "
_C1_HELD = (f"{_HELD}the control character U+008", f"{_HELD}the control character U+009")


def held(line: str) -> str | None:
    """The sentence on a line holding a control or invisible character (`text.control_character`): `This line holds
    the control character U+0007, …; retype the text around it.`, a control character named before an invisible one
    on the line; None when it holds neither."""
    found = control_character(visible(line)) or control_character(line)
    return None if found is None else f"{_HELD}{found}{_RETYPE}"


def by_fmt(problems: Iterable[Problem], lines: Callable[[], Sequence[str]] = list) -> list[Problem]:
    """`problems` of a regulation's file in the workspace, each on a line holding invisible characters alone
    (`held`) saying that `fmt` leaves them out of the file, as an import leaves them out of a text, rather than asking
    to retype the text: the file's text already reads without them. So too a line whose C1 controls an earlier import
    read from a Windows-1252 text (`misread.unread`, given the file's `lines`, asked only for such a line): `fmt`
    writes them as meant; one it cannot read names what to do instead. An amending document's lines, and an edited
    copy's, are the drafter's to retype."""
    fmt = f"; `{Command.of('fmt')}` leaves it out of the file, as an import does (the text already reads without it)."
    meant = (f"; `{Command.of('fmt')}` writes it as the character it stands for and says which (the text now reads it "
             "as a space).")
    out: list[Problem] = []
    text: Sequence[str] | None = None
    for p in problems:
        if p.message.startswith(_INVISIBLE_HELD) and p.message.endswith(_RETYPE):
            p = replace(p, message=p.message.removesuffix(_RETYPE) + fmt)
        elif p.message.startswith(_C1_HELD) and p.message.endswith(_RETYPE) and p.line:
            text = lines() if text is None else text
            said = unread(text[p.line - 1]) if p.line <= len(text) else ""
            if said is None:
                p = replace(p, message=p.message.removesuffix(_RETYPE) + meant)
            elif said:
                p = replace(p, message=f"{p.message.removesuffix(_RETYPE)}; {said}")
        out.append(p)
    return out


def instruction_places(instructions: Iterable[Instruction]) -> list[tuple[int, str]]:
    """Each instruction's line and name (`instruction 3.a`), nested ones too: the places of an amendment's lines."""
    return [(ins.line, f"instruction {ins.location}") for top in instructions for ins in (top, *top.leaves())]


def _named(line: str) -> str:
    """How the warning names the first character of `line` no document holds or no font shows."""
    char = _UNWRITABLE.search(line)
    assert char is not None
    if NOT_TEXT.match(char.group()):
        return (f"{not_text(char.group())}: the Word documents regdraft writes leave it out without a word, so "
                "what is printed differs from what is stored")
    return f"the non-character U+{ord(char.group()):04X}, which is no letter or sign and no font shows"


def unwritable_lines(text: str, source: str, provisions: Callable[[], Sequence[tuple[int, str]]]) -> list[Problem]:
    """A warning for each line of `text` holding a character no document holds (module docstring); `provisions`
    gives the provisions' first lines with their names (`điểm a khoản 2 Điều 2`, `instruction 3`), in order of line,
    asked only when there is a line to name."""
    if not _SUSPECT.search(text) or not _UNWRITABLE.search(text):
        return []
    at = _placer(provisions())
    return [Problem(f"This line holds {_named(line)}; retype the text around it.", source, number, at(number),
                    warning=True)
            for number, line in enumerate(text.split("\n"), start=1) if _UNWRITABLE.search(line)]


def placed(problems: Sequence[Problem], provisions: Callable[[], Sequence[tuple[int, str]]]) -> list[Problem]:
    """`problems` (those `frontmatter.without_control_characters` found: a line holding an invisible character),
    each naming the provision its line belongs to, as `unwritable_lines` names it; `provisions` is asked only when
    there is a problem."""
    if not problems:
        return []
    at = _placer(provisions())
    return [p if p.unit or not p.line else replace(p, unit=at(p.line)) for p in problems]


def _placer(provisions: Sequence[tuple[int, str]]) -> Callable[[int], str]:
    """The name of the provision a line belongs to: the last of `provisions` (first line, name) starting at or before
    it; "" before the first (the front matter, the preamble)."""
    places = sorted(provisions, key=lambda place: place[0])
    starts = [line for line, _ in places]

    def at(number: int) -> str:
        found = bisect.bisect_right(starts, number) - 1
        return places[found][1] if found >= 0 else ""
    return at

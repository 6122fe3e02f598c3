"""Why a phrase instruction finds nothing where the drafter sees its words: an invisible character between them.

A regulation file holding a soft hyphen (U+00AD, Word's optional hyphen) or another invisible character
(`core.text.INVISIBLE`) is read without it (`frontmatter.without_control_characters`; `check` names the line): in
place of a space, `thủ\u00adtục` reads `thủtục`, so `Bỏ cụm từ “… thủ tục …” tại khoản 3 Điều 29` is found 0 times
there, though the file shows `thủ tục` in most editors. A phrase quoted with one in it reads so too.

Post-conditions of `hidden_words(problems, amendment, regulation, text, quoted)`:
1. `problems` is returned in its order. A problem at the line of a phrase instruction (`ReplaceWords`) of `amendment`
   gains one sentence when the phrase occurs in a provision it names (its whole text, or the whole regulation for
   `throughout`) once an invisible character of the regulation's file `text` there is read as a space: the sentence
   names the provision, the character, its line in the file and the words around it.
2. Else, when the instruction's own lines of the amending document's text `quoted` hold an invisible character
   inside the phrase, it gains the sentence naming that character, its line and the words around it.
3. Nothing is read again: `text` and `quoted` are the files as read (decoded, before the invisible characters are
   left out); nothing is searched unless either holds an invisible character.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from regdraft.core.amend import phrases
from regdraft.core.amend.document import Amendment, Instruction
from regdraft.core.amend.operations import ReplaceWords
from regdraft.core.errors import Problem
from regdraft.core.model import Address, Regulation
from regdraft.core.patterns import lazy
from regdraft.core.text import INVISIBLE, INVISIBLE_CHAR, invisible_name

_HIDDEN = lazy(INVISIBLE_CHAR)
_WORD = lazy(f"[\\w{INVISIBLE}]+")  # a word, with the invisible characters in and around it


def hidden_words(problems: Sequence[Problem], amendment: Amendment, regulation: Regulation, text: str,
                 quoted: str) -> tuple[Problem, ...]:
    """`problems` with a sentence on an invisible character that hides a phrase's words (module docstring)."""
    if not (_HIDDEN.search(text) or _HIDDEN.search(quoted)):
        return tuple(problems)
    instructions = {ins.line: ins for ins in amendment.leaves() if isinstance(ins.op, ReplaceWords)}
    lines, own = text.split("\n"), quoted.split("\n")
    spans = _spans(regulation) if _HIDDEN.search(text) else {}
    out = []
    for problem in problems:
        ins = instructions.get(problem.line) if problem.source == amendment.source else None
        said = ins and (_in_regulation(ins, regulation, spans, lines) or _in_phrase(ins, own))
        out.append(replace(problem, message=f"{problem.message.rstrip()} {said}") if said else problem)
    return tuple(out)


def _in_regulation(ins: Instruction, regulation: Regulation, spans: dict[Address, tuple[int, int]],
                   lines: list[str]) -> str:
    """The sentence on an invisible character of the regulation's file (its provisions' lines in `spans`) that
    stands where the phrase would be found, read as a space; "" when there is none."""
    op = ins.op
    assert isinstance(op, ReplaceWords)
    if not spans:
        return ""
    places = [(a.unit, spans.get(a.unit)) for a in (*op.targets, *op.titles)] if not op.throughout \
        else [(None, (1, len(lines) + 1))]
    for address, span in places:
        if span is None:
            continue
        first, end = span
        piece = "\n".join(lines[first - 1:end - 1])
        if not _HIDDEN.search(piece):
            continue
        spaced = _HIDDEN.sub(" ", piece).replace("\n", " ")
        for start, stop in phrases.find(spaced, op.old):
            found = _HIDDEN.search(piece, start, stop)
            if found is None:
                continue
            line = first + piece.count("\n", 0, found.start())
            where = address.describe(regulation.language) if address is not None else "the regulation"
            return (f"The words are there, but {where} holds the invisible character "
                    f"{invisible_name(found.group())} between them, at line {line} of "
                    f"{regulation.source or 'its file'} ({_around(piece, found.start())}), which reads as nothing, "
                    "not as a space: retype those words there.")
    return ""


def _in_phrase(ins: Instruction, lines: list[str]) -> str:
    """The sentence on an invisible character inside the phrase as the instruction's lines quote it; "" if none.
    Each word holding one is looked at once: the word around each invisible character, walked afresh for every one
    of them, made a run of 20,000 on the line 117 s of `amend check` (r36 sweep BK F1)."""
    op = ins.op
    assert isinstance(op, ReplaceWords)
    looked: set[str] = set()
    for line in _paragraph(lines, ins.line):
        if not _HIDDEN.search(line):
            continue
        for word in _WORD.finditer(line):
            found = _HIDDEN.search(line, word.start(), word.end())
            if found is None or word.group() in looked:
                continue
            looked.add(word.group())
            seen = _HIDDEN.sub("", word.group())
            if seen and seen in op.old:
                return (f"The phrase as quoted holds the invisible character {invisible_name(found.group())} "
                        f"({_around(line, found.start())}), which reads as nothing: retype the phrase.")
    return ""


def _paragraph(lines: list[str], first: int) -> list[str]:
    """The lines of the paragraph starting at line `first` (1-based): up to the next blank line."""
    out = []
    for line in lines[first - 1:]:
        if not line.strip():
            break
        out.append(line)
    return out


def _spans(regulation: Regulation) -> dict[Address, tuple[int, int]]:
    """Each provision's lines in its file: from its heading or label to the next provision not inside it (the next
    one in document order no deeper than it), the last one's to the end."""
    located = [loc for loc in regulation.walk() if loc.unit.line]
    spans: dict[Address, tuple[int, int]] = {}
    ends: list[tuple[int, Address]] = []  # the provisions still open, outermost first, each with its depth
    for loc in located:
        depth = len(loc.ancestors)
        while ends and ends[-1][0] >= depth:
            spans[ends[-1][1]] = (spans[ends[-1][1]][0], loc.unit.line)
            ends.pop()
        spans[loc.address] = (loc.unit.line, 1 << 30)
        ends.append((depth, loc.address))
    return spans


def _around(text: str, at: int) -> str:
    """The words on either side of position `at` of `text`, the invisible character there shown by its code
    (`«soát thủ<U+00AD>tục hành»`), any other left out."""
    head, tail = text[max(0, at - 30):at].replace("\n", " "), text[at + 1:at + 31].replace("\n", " ")
    head = head[head.find(" ") + 1:] if at > 30 and " " in head else head
    tail = tail[:tail.rfind(" ")] if len(text) > at + 31 and " " in tail else tail
    return f"«{_HIDDEN.sub('', head)}<U+{ord(text[at]):04X}>{_HIDDEN.sub('', tail)}»"

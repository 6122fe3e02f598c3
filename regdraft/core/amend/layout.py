"""Slips in how an amending article's instructions are laid out, which a drafter makes typing or pasting them.

`instructions.read_instructions` reads each slip as plainly meant, so that the rest of the article is read
and checked, and reports it naming the line and the instruction (docs/amendments.md, "Layout slips").

Post-conditions:
1. `joined_pieces` splits a paragraph only where one of its lines plainly begins a block of its own — quoted
   text under a line ending in `:`, or a numbered or lettered instruction under a line ending a sentence — so a
   hand-wrapped sentence (`… khoản 1 Điều` then `12. …`) stays one paragraph; the pieces are what the lines
   read as with the blank line between them.
2. `expected_label` judges each plain number (`1`, `2`) and plain letter (`a`, `f`) by its place among the plain
   ones: the n-th is n (the n-th letter of the article's alphabet, `instruction_alphabet`: a b c d đ e g h …, with
   no f, j, w, z, or in an English document of its own a to z), so the advice, followed for every label it names,
   leaves no gap and no duplicate; an inserted label (`2a`, `d1`) is never judged nor counted.
3. `double_marks` turns the single marks ‘ ’ (or « », or straight ' ') around new text into “ ”, touching no other
   character; `phrase_marks` turns them into “ ” around the phrases of a words instruction (`cụm từ ‘12 tháng’`,
   `the words 'Committee's meeting'`), and only there. An apostrophe inside a word (`Committee's`) is no mark.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from regdraft.core.amend.quote import short
from regdraft.core.labels import point_alphabet, point_letters
from regdraft.core.patterns import lazy
from regdraft.core.text import excerpt

# `2\. Bãi bỏ …`, `2. …`, `2- …`, `a) …` at the start of a line.
_STARTS = lazy(r"^(?:\d{1,3}[a-z]?(?:\\?\.|\s?-)|(?:dd|[a-zđ])\d*\))\s")
_ENDS = lazy(r"(?:[.;:!?…][”\"’»)]*|[”\"’»])$")  # a line ending a sentence or a quotation
_OPENING = ("“", '"', "‘", "«")
# An instruction numbered as some Party texts number clauses: `1- Sửa đổi, …` (docs/amendments.md).
HYPHENED = lazy(r"^(\d{1,3}[a-z]?)\s?-\s+(\S.*)$", re.S)
# The single marks read as “ ” around new text or a phrase; a straight `'` closes only where no letter follows it,
# so the apostrophe of `Committee's` stays inside.
SINGLE = {"‘": "’", "«": "»", "'": "'"}


def joined_pieces(content: str, line: int, joined: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """The paragraph `content` (first line `line`, then the `joined` lines as Markdown joined them) as the
    paragraphs its drafter meant: cut before each line that begins a block of its own (post-condition 1)."""
    if not joined:
        return [(content, line)]
    rest = " ".join(text for text, _ in joined)
    if not content.endswith(" " + rest):
        return [(content, line)]
    lines = [(content[: len(content) - len(rest) - 1], line), *joined]
    pieces = [[lines[0]]]
    for (above, _), (text, at) in zip(lines, lines[1:], strict=False):
        above = above.rstrip()
        if (text.startswith(_OPENING) and above.endswith(":")) or (_STARTS.match(text) and _ENDS.search(above)):
            pieces.append([(text, at)])
        else:
            pieces[-1].append((text, at))
    return [(" ".join(text for text, _ in piece), piece[0][1]) for piece in pieces]


_LETTERED_DD = lazy(r"^dd\d*\)\s")


def instruction_alphabet(language: str, paragraphs: Sequence[tuple[str, int]], amended: str | None = None) -> str:
    """The alphabet an amending article letters its instructions in (`a)`, `b)` under a group), as the text it
    amends letters its points (`labels.point_alphabet`): the Vietnamese one (a b c d đ e g …) in Vietnamese; in
    English the alphabet of the text amended (`amended`, its `Regulation.alphabet`), when the workspace knows it:
    a to z for an English text of its own, the Vietnamese one for a translation (so a translated amendment lettering
    `e)` where its original has `đ)` is told to letter it `dd)`). Read without the text amended, the document alone
    decides: a to z, unless the article letters an instruction `dd)`, as the English translation of a Vietnamese
    amending document does, keeping its original's letters (`d)`, `dd)`, `e)`) (docs/amendments.md, "Layout
    slips")."""
    if language == "en" and amended in ("vi", "en"):
        return amended
    return point_alphabet(language, lettered_dd=any(_LETTERED_DD.match(text) for text, _ in paragraphs))


def _stem(label: str) -> str:
    return re.sub(r"(?<=\d)[a-z]+$|(?<=\D)\d+$", "", label)


def expected_label(before: Sequence[str], label: str, letters: bool, alphabet: str = "vi",
                   gaps: bool = False) -> str | None:
    """The label an instruction numbered `label` should have after the labels `before` (in order), or None when
    `label` is in sequence or is an inserted label (`2a`, `d1`) that is not judged (post-condition 2); letters in
    `alphabet` (`instruction_alphabet`). With `gaps` (a translation keeping its original's numbers), any label after
    the last is in sequence."""
    if _stem(label) != label or (not letters and not label.isdigit()):
        return None
    if gaps:
        return _after(before, label, point_letters(alphabet) if letters else None)
    place = sum(1 for b in before if _stem(b) == b)  # the plain labels before it: by place, not by the last one
    if letters:
        alphabet_letters = point_letters(alphabet)
        expected = alphabet_letters[place] if place < len(alphabet_letters) else None
    else:
        expected = str(place + 1)
    return None if expected is None or label == expected else expected


def _after(before: Sequence[str], label: str, letters: Sequence[str] | None) -> str | None:
    """None when `label` comes after the last plain label of `before` (numbers, or `letters` in order), else the
    label that follows that one."""
    last = next((b for b in reversed(before) if _stem(b) == b), None)
    if last is None:
        return None
    if letters is None:
        return None if int(label) > int(last) else str(int(last) + 1)
    if label in letters and last in letters and letters.index(label) > letters.index(last):
        return None
    following = letters.index(last) + 1 if last in letters else len(letters)
    return letters[following] if following < len(letters) else None


def double_marks(content: str, opening: str, *, start: bool = True) -> str:
    """`content` with the single mark `opening` (‘ or «) at its start (unless `start` is False) and its closing
    pair at its end (before a final `.`, `;` or `,`) written “ and ” (post-condition 3); as it is for no mark."""
    if not opening:
        return content
    if start and content.startswith(opening):
        content = "“" + content[1:].lstrip()
    return re.sub(rf"(?<!{re.escape(opening)})\s*{re.escape(SINGLE[opening])}([.;,]?)$", r"”\1", content)


# A phrase of a words instruction in single marks: `cụm từ ‘12 tháng’`, `the words «Standing Office»`, and the new
# phrase after `bằng` or `with` alone (`… bằng ‘06 tháng’`, `Replace the words 'course' with 'process'`).
_PHRASE_MARKS = lazy(r"(\b(?:cụm từ|từ ngữ|từ|words?|phrases?|bằng|with)\s+)(?:‘([^‘’“”«»]+)’|«([^‘’“”«»]+)»"
                     r"|'((?:[^‘’“”«»']|'(?=[^\W\d_]))+)'(?![^\W\d_]))", re.IGNORECASE)


APOSTROPHE = "'"


def phrase_marks(sentence: str) -> tuple[str, list[str]]:
    """`sentence` with each phrase of a words instruction quoted with ‘ ’ or « » quoted with “ ” instead, and the
    opening marks so replaced, in order (post-condition 3)."""
    marks: list[str] = []

    def doubled(match: re.Match[str]) -> str:
        mark, phrase = next((m, match.group(g)) for g, m in ((2, "‘"), (3, "«"), (4, "'"))
                            if match.group(g) is not None)
        marks.append(mark)
        return f"{match.group(1)}“{phrase}”"

    return _PHRASE_MARKS.sub(doubled, sentence), marks


def phrase_marks_message(where: str, sentence: str, signed: bool) -> str:
    """The problem (`signed`: the warning) of the instruction `where` whose phrases `sentence` quotes with ‘ ’ or « »
    (`phrase_marks`); '' when it quotes none so."""
    fixed, marks = phrase_marks(sentence)
    if not marks:
        return ""
    phrases = [excerpt(m.group(0)[len(m.group(1)) + 1:-1], m.group(0)[len(m.group(1))], m.group(0)[-1])
               for m in _PHRASE_MARKS.finditer(sentence)]
    which = f"{'phrases' if len(phrases) > 1 else 'phrase'} {' and '.join(phrases)}"
    kinds = " and ".join(f"{m} {SINGLE[m]}" for m in dict.fromkeys(marks))
    if signed:
        return (f"{where}: the {which} {'are' if len(phrases) > 1 else 'is'} in the quotation marks {kinds}; "
                f"{'they are' if len(phrases) > 1 else 'it is'} read as quoted with “ ”.")
    write = "; ".join(f"“ instead of {m} and ” instead of {SINGLE[m]}" for m in dict.fromkeys(marks))
    return (f"{where}: the {which} {'are' if len(phrases) > 1 else 'is'} in the quotation marks {kinds} "
            f"({_typed(marks)}), not “ ”; write {write}: {excerpt(fixed, APOSTROPHE, APOSTROPHE, 240)}.")


def _typed(marks: Sequence[str]) -> str:
    """How single marks come into a text: Word pastes ‘ ’ and « », a plain-text editor types straight ones."""
    return "as Word may paste them" if set(marks) - {"'"} else "typed straight, as a plain-text editor writes them"


def hyphen_message(number: str, sentence: str) -> str:
    """The problem of an instruction numbered `1-`."""
    text = " ".join(sentence.split())
    return (f"instruction {number} ({short(text)}) is numbered '{number}-'; number it '{number}\\.' as instructions "
            f"are numbered in an amending document: '{number}\\. {short(text, 50)}'.")


# How the numbering warning of a signed document says why it is no problem (`sequence_message`): its instructions are
# numbered as issued. A merge of two drafters' additions that numbers two alike was issued by nobody (`clean_merges`).
KEPT_AS_ISSUED = "the signed text is kept as issued"


def sequence_message(before: Sequence[tuple[str, int]], label: str, sentence: str, group: str, article: str,
                     signed: bool, alphabet: str = "vi", language: str = "vi", gaps: bool = False) -> str:
    """The problem (`signed`: the warning) of an instruction numbered `label` after those `before` (label, line),
    '' when it is in sequence; `group` is the location of the group holding a lettered instruction, lettered in
    `alphabet` (`instruction_alphabet`; an English document writes đ as `dd`); with `gaps`, a translation keeping its
    original's numbers, only in increasing order."""
    expected = expected_label([b for b, _ in before], label, letters=bool(group), alphabet=alphabet, gaps=gaps)
    if expected is None:
        return ""
    if language == "en":
        expected = expected.replace("đ", "dd")
    prefix = f"{group}." if group else ""
    where = f"instruction {prefix}{label} ({short(' '.join(sentence.split()))})"
    same = next((at for b, at in before if b == label), None)
    if same is not None:
        what = f"has the same {'letter' if group else 'number'} as instruction {prefix}{label} on line {same}"
    elif before:
        what = f"follows instruction {prefix}{before[-1][0]}"
    else:
        what = f"is the first {'of its group' if group else 'instruction of ' + article}"
    cited = ("the issued document and the footnotes of the consolidated text cite each instruction by its "
             + ("letter" if group else "number"))
    if signed:
        return f"{where} {what}; {KEPT_AS_ISSUED}, and {cited} as written."
    return f"{where} {what}: {'letter it ' + expected + ')' if group else 'number it ' + expected}, since {cited}."


def marks_message(where: str, line: int, mark: str, signed: bool) -> str:
    """The problem (`signed`: the warning) of new text quoted with the single marks `mark`…, for the instruction
    `where` (`instruction 1 (…)`)."""
    marks = f"{mark} {SINGLE[mark]}"
    if signed:
        return f"{where}: the new text on line {line} is in the quotation marks {marks}; it is read as quoted with “ ”."
    return (f"{where}: the new text on line {line} is in the quotation marks {marks} ({_typed(mark)}), not "
            f"“ ”; write “ instead of {mark} and ” instead of {SINGLE[mark]}.")


def blank_line_message(above: str, above_line: int, below: str, line: int) -> str:
    """The problem of the paragraph `below` (on `line`) that Markdown joined to `above` for want of a blank line."""
    return (f"{below} on line {line} has no blank line before it, so Markdown joins it to {above} on line "
            f"{above_line}; leave a blank line between line {line - 1} and line {line}.")

"""Quotation marks inside quoted words: `Bổ sung cụm từ “ (gọi tắt là “Quy chế”)” vào sau cụm từ “Quy chế này” …`,
`… replaced by the words “chief executive officer (the “CEO”)”.`

A defined term in quotes inside the words an instruction inserts is routine. The instruction grammar reads a quoted
phrase as running from one mark to the next, so the inner “ opened no phrase of its own and the sentence was refused
for a reason it does not have ("has no closing punctuation"). Curly marks open and close distinctly, so balanced ones
nest one way only: a “ inside a quoted phrase opens a pair within it. A phrase that is one inner pair whole
(`““tập trung dân chủ, công khai””`, Word's autocorrect or a paste) is a slip, not a quote: it is read as before
(refused), so the marks never reach the text.

Post-conditions:
1. `hidden(sentence)` is `sentence` with every “ and ” nested inside another pair replaced by a mark of its own that
   no grammar pattern reads as a quotation mark; a sentence whose curly marks are not balanced and nested (`“A“`,
   `“A” ”`), that has none nested, or whose nested pair is a whole phrase quoted twice (`““A””`), comes back
   unchanged, so its errors are those it had.
2. `shown(value)` puts the marks back, in a text or in every quoted phrase of an operation read from a hidden
   sentence: the words inserted are `(gọi tắt là “Quy chế”)`, quotes and all.
"""

from __future__ import annotations

import dataclasses

from regdraft.core.amend.operations import Operation, ReplaceWords, Several

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks for the nested “ and ”
_SHOWN = str.maketrans({_OPEN: "“", _CLOSE: "”"})


def hidden(sentence: str) -> str:
    """`sentence` with its nested curly quotation marks hidden (post-condition 1)."""
    if sentence.count("“") < 2 or _OPEN in sentence or _CLOSE in sentence:  # its own private-use marks: kept as typed
        return sentence
    out, depth, nested = [], 0, False
    inner = -1  # where the nested pair now open began
    for at, ch in enumerate(sentence):
        if ch == "“":
            depth += 1
            nested |= depth > 1
            inner = at if depth == 2 else inner
            out.append(_OPEN if depth > 1 else ch)
        elif ch == "”":
            if depth == 0:
                return sentence
            if depth == 2 and sentence[inner - 1:inner] == "“" and sentence[at + 1:at + 2] == "”":
                return sentence  # ““…””: the whole phrase quoted twice, a slip (Word's autocorrect, a paste)
            out.append(_CLOSE if depth > 1 else ch)
            depth -= 1
        else:
            out.append(ch)
    return "".join(out) if nested and depth == 0 else sentence


def shown(value: str) -> str:
    """`value` with the hidden marks put back."""
    return value.translate(_SHOWN)


def shown_operation(op: Operation) -> Operation:
    """`op`, read from a hidden sentence, with the hidden marks put back in the words it changes (post-condition 2)."""
    if isinstance(op, ReplaceWords):
        return dataclasses.replace(op, old=shown(op.old), new=None if op.new is None else shown(op.new))
    if isinstance(op, Several):
        parts = tuple(shown_operation(p) for p in op.parts)
        return dataclasses.replace(op, parts=parts)  # type: ignore[arg-type]
    return op

"""A pending amendment drafted against an older text, whose quoted provisions would undo an adoption made since.

Draft B quotes clause 1 of Article 8 as it read when B was begun (`… hand the record over to the archivist.`);
meanwhile amendment A, replacing “the archivist” with “the records officer” throughout, is adopted. Applying B
puts “archivist” back: nothing else says so. `reverted` compares, for each provision B quotes whole, the text
before and after each adoption made since B was begun with B's new text.

Post-conditions of `reverted`:
1. The adoptions counted are those made since the amendment was begun (`adopted_since`: none in a store without
   git history, for an amendment not yet committed, or for one adopted, undone with `git revert` and not written
   since, `readoption`).
2. A problem is returned for each provision the amendment amends whole (`ReplaceUnit`) where its new text leaves
   out every word an edit of such an adoption inserted (taking none out), or has again most of the words an edit
   took out where they stood while, counted, it has more of them than the text in force or fewer of the words the
   edit put in (57/2024 rewrote khoản 1 Điều 19 into points a-c reusing its words: r44 sweep CH F2), judged word by
   word (`undone`): the quote's own edits among those words hide nothing. An edit the text in force itself no
   longer holds (a later adoption rewrote the provision without it) is none: the quote keeps the text in force, not
   an older one. The adopted amendment (number, slug and effective date), the provision and the words (on one line,
   a long run cut in its middle) are named, on the instruction's line, with the ways on: quote the text in force
   (`amend from-edits` writes instructions from an edited copy of it) or adopt past the check with a reason.
3. Where the texts compared change a stretch too long to compare word by word (`word_diff`'s post-condition 4:
   sentences changed throughout, their word counts multiplying past `RUN_WORDS`), an edit inside it is not seen:
   `reverted_and_unjudged` says so in a warning on the instruction's line, never in silence (r43 sweep CI F4).
4. Nothing is written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from regdraft.core.amend.operations import ReplaceUnit
from regdraft.core.commands import Command
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.text import excerpt
from regdraft.core.word_diff import DiffSegment, Op, diff_words

if TYPE_CHECKING:
    from regdraft.core.amend.apply import Applied
    from regdraft.core.amend.document import Amendment, Instruction
    from regdraft.core.model import Address, Regulation
    from regdraft.workspace.store import Workspace

_WORD = re.compile(r"\w+")


def reverted(ws: Workspace, amendment: Amendment, applied: Applied, in_force: Regulation) -> list[Problem]:
    """Each provision `amendment` (as it amends `amendment.regulation`, applied to the text in force `in_force` as
    `applied`) quotes so that it undoes words of an amendment adopted after it was begun (see the module)."""
    return reverted_and_unjudged(ws, amendment, applied, in_force)[0]


def reverted_and_unjudged(ws: Workspace, amendment: Amendment, applied: Applied,
                          in_force: Regulation) -> tuple[list[Problem], list[Problem]]:
    """`reverted`, and a warning for each quoted provision an adoption since changed whose text is too long to
    compare word by word (post-condition 4): what the quote does to that adoption's words there was not checked."""
    unjudged: list[tuple[int, str]] = []
    redraft = Command.of("amend from-edits", amendment.slug, edited="FILE")
    problems = [Problem(f"{finding}; quote the text in force, keeping only the changes intended (or edit a copy of "
                        f"the text in force and let `{redraft}` write the instructions), or, to undo it on purpose, "
                        "adopt past this check with the reason", amendment.source, line)
                for line, finding in findings(ws, amendment, applied, in_force, unjudged)]
    return problems, [Problem(said, amendment.source, line, warning=True) for line, said in unjudged]


def reverted_in_part(ws: Workspace, amendment: Amendment, before: Regulation,
                     problems: Sequence[Problem]) -> tuple[Problem, ...]:
    """`reverted` of an amendment some of whose instructions do not apply (`problems`, on their lines): the others
    applied to `before` (the text in force), so that `amend check` says both kinds in one run."""
    from regdraft.core.amend.apply import apply

    lines = {p.line for p in problems}
    applicable = _without(amendment.instructions, lines)
    if applicable == amendment.instructions or not any(isinstance(i.op, ReplaceUnit) for i in amendment.leaves()):
        return ()
    from regdraft.core.amend.kept import with_instructions

    try:
        applied = apply(before, with_instructions(amendment, amendment.regulation, applicable), checked=False)
    except RegdraftError:
        return ()  # what is left does not apply on its own either: said once those problems are fixed
    return tuple(reverted(ws, amendment, applied, before))


def _without(instructions: tuple[Instruction, ...], lines: set[int]) -> tuple[Instruction, ...]:
    """`instructions` without those on `lines` (a group keeps its other instructions)."""
    out: list[Instruction] = []
    for ins in instructions:
        if ins.line in lines and not ins.children:
            continue
        children = _without(ins.children, lines) if ins.children else ()
        if ins.children and not children:
            continue
        out.append(replace(ins, children=children) if children != ins.children else ins)
    return tuple(out)


def findings(ws: Workspace, amendment: Amendment, applied: Applied, in_force: Regulation,
             unjudged: list[tuple[int, str]] | None = None) -> list[tuple[int, str]]:
    """`reverted`'s findings without the advice: (the instruction's line, what its quote undoes). An adoption's edit
    that a later one undid already (its words no longer stand in `in_force`) is no quote's doing. Each quoted
    provision too long to judge is added to `unjudged` (the line, a sentence saying so), when given."""
    quoted = [ins for ins in amendment.leaves() if isinstance(ins.op, ReplaceUnit)]
    if not quoted:
        return []
    from regdraft.workspace.adopted_since import adoptions_since

    found: list[tuple[int, str]] = []
    for since in adoptions_since(ws, amendment):
        number = since.adopted.number
        for ins in quoted:
            assert isinstance(ins.op, ReplaceUnit)
            target = ins.op.target
            old, new, now = _text(since.before, target), _text(since.after, target), _text(applied.regulation, target)
            if old is None or new is None or now is None or old == new:
                continue
            where = target.describe(amendment.language)
            # `now`: its quote, applied to the text in force; `standing`: the text in force, which a later adoption
            # may have rewritten without this one's words already
            whole: list[str] = []
            for edit in undone(old, new, now, _text(in_force, target), whole):
                said = (f"quotes {where} as it read before {since.named} was adopted{since.effective}, after this "
                        "amendment was begun" if edit.back else
                        f"rewrites {where}, which {since.named} changed when it was adopted{since.effective}, after "
                        "this amendment was begun")
                found.append((ins.line, f"instruction {ins.location} {said}: the quote {edit.what(number)}, so "
                              "adopting it would undo that change"))
            if whole and unjudged is not None:
                longest = max(len(_WORD.findall(run)) for run in whole)
                unjudged.append((ins.line, f"instruction {ins.location} quotes {where}, which {since.named} changed "
                                 f"when it was adopted{since.effective}, after this amendment was begun; a stretch "
                                 f"of {longest} words changed there with no sentence left alike is too long to "
                                 "compare word by word, so whether the quote undoes that change was not checked: "
                                 "compare the quote with the text in force by eye"))
    return found


def _text(regulation: Regulation, address: Address) -> str | None:
    try:
        return regulation.find(address).unit.all_text()
    except RegdraftError:
        return None


@dataclass(frozen=True, slots=True)
class Undone:
    """One edit of an adoption that a quote reverses: the words the adoption put in that the quote leaves out
    (`dropped`, all of them, else ""), and the words it took out that the quote has again (`back`, else "")."""

    put: str
    took: str
    dropped: bool
    back: bool

    def what(self, number: str) -> str:
        """What the quote does to the words amendment `number` changed, in words: each on one line, a long one cut in
        its middle (57/2024's points a-c of khoản 1 Điều 19 ran to 700 characters)."""
        put, took = _quoted(self.put), _quoted(self.took)
        if self.back and self.put:
            return f"reads {took} where {number} put {put}"
        if self.back:
            return f"puts back {took}, which {number} took out"
        return f"leaves out {put}, which {number} put in"


def _quoted(words: str) -> str:
    """`words` on one line (a provision's points joined by spaces), quoted, cut in the middle past 200 characters."""
    return excerpt(" ".join(words.split()), limit=200)


def undone(old: str, new: str, quoted: str, standing: str | None = None,
           whole: list[str] | None = None) -> Iterator[Undone]:
    """Each edit of an adoption (`old` to `new`) that `quoted` (the quote, applied to `new`) reverses, judged word by
    word: every word the edit put in is left out, or most of the words it took out stand again where they stood.
    The quote's own edits may sit among those words (a draft quoting the old text with a word of its own added in
    the middle of what the adoption replaced), which no run of its insertions holds whole. With `standing` (the text
    in force), only what the quote itself changes of it counts: a word the edit put in that the quote has fewer of
    than the text in force, a word it took out that the quote has more of; an edit a later adoption undid already
    (`- xã hội` put in, then the clause rewritten without it) is not the quote's doing. A run of changed sentences
    too long to compare word by word (`word_diff`'s post-condition 4) is appended to `whole` when given: its words
    read as all taken out and all put in, so an edit inside it goes unseen."""
    kept_new = _kept(new, quoted, whole)  # for each character of `new`, whether the quote keeps it
    kept_old = _kept(old, quoted, whole)  # for each character of `old`, whether the quote has it where it stood
    ours, now = (_bag(quoted), _bag(standing)) if standing is not None else (None, None)
    for (old_start, old_end), (new_start, new_end) in _spans(diff_words(old, new, whole=whole)):
        put = _words(new, new_start, new_end)
        took = _words(old, old_start, old_end)
        # Words an edit put in where it took none out (a pure insertion), all left out: the quote reads as before the
        # adoption there. Where it replaced words, leaving its words out is no revert unless the old ones are back:
        # a draft rewriting what an adoption wrote (`2 tháng` → `mỗi tháng`) is a further amendment, not an undoing.
        dropped = bool(put) and not took and not any(all(kept_new[start:end]) for start, end in put)
        back = bool(took) and 2 * sum(all(kept_old[start:end]) for start, end in took) > len(took)
        if ours is not None and now is not None:
            # Word counts, not an alignment: a syllable as common as “ủy” aligns with another word by chance.
            dropped = dropped and _moved(_bag(new, put), now, ours) > 0
            # The old words back where they stood, and counted: more of them than the text in force has, or fewer
            # of the words the edit put in (57/2024 rewrote khoản 1 Điều 19 of 22/2023 into points a-c reusing
            # its words: a quote of the old clause has no more of them, but lacks most of the new ones).
            back = back and (2 * _moved(_bag(old, took), ours, now) > len(took)
                             or 2 * _moved(_bag(new, put), now, ours) > len(put))
        if dropped or back:
            yield Undone(new[new_start:new_end].strip(), old[old_start:old_end].strip(), dropped, back)


def _bag(text: str, spans: list[tuple[int, int]] | None = None) -> Counter[str]:
    """How many times each word of `text` (or of its `spans`) occurs, case folded."""
    words = [text[start:end] for start, end in spans] if spans is not None else _WORD.findall(text)
    return Counter(word.casefold() for word in words)


def _moved(words: Counter[str], more: Counter[str], fewer: Counter[str]) -> int:
    """How many of `words` `more` has more of than `fewer` does."""
    return sum(min(n, max(0, more[word] - fewer[word])) for word, n in words.items())


def _kept(text: str, other: str, whole: list[str] | None = None) -> list[bool]:
    """For each character of `text`, whether it stands unchanged in `other` (word-level comparison)."""
    marks: list[bool] = []
    for seg in diff_words(text, other, whole=whole):
        if seg.op is not Op.INSERT:
            marks.extend([seg.op is Op.EQUAL] * len(seg.old_text))
    return marks


def _spans(segments: tuple[DiffSegment, ...]) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """((start, end) in the old text, (start, end) in the new) of each run of edits between equal text that changes
    a word."""
    old_at = new_at = 0
    old_start = new_start = 0
    editing = False
    for seg in (*segments, DiffSegment(Op.EQUAL, "")):
        if seg.op is Op.EQUAL:
            if editing:
                yield (old_start, old_at), (new_start, new_at)
            editing = False
            old_at += len(seg.old_text)
            new_at += len(seg.text)
            continue
        if not editing:
            old_start, new_start, editing = old_at, new_at, True
        if seg.op is Op.DELETE:
            old_at += len(seg.text)
        else:
            new_at += len(seg.text)


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each word of `text[start:end]`."""
    return [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]

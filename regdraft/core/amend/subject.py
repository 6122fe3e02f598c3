"""An instruction that amends a subject inside a unit: `Sửa đổi về <subject> tại Điều 15:`.

Real amending documents write it with a quote that restates the article's title and the new
wording of the paragraphs on that subject, and leaves out the clauses that stay as they are
(Nghị định 48/2013/NĐ-CP, khoản 5 Điều 1, on Điều 15 of Nghị định 63/2010/NĐ-CP: the two new
paragraphs on the time limit replace the old one, and "Nội dung quyết định … sau đây:" with its
khoản 1-3 stays, as the consolidated text reads). Replacing the whole article by such a quote
would drop the clauses it never mentions.

Post-conditions of `rewrite`:
1. The quoted paragraphs take the place of the run of the lead-in's paragraphs that read like
   them (each at least `RESTATES` similar to one quoted paragraph, by `core.align.similarity`);
   every other paragraph, the clauses or points and the closing text stay, in order.
2. The title is the quote's when it gives one.
3. When no paragraph of the lead-in reads like the quote, or those that do are not one run,
   nothing is guessed: `SubjectError` says why.

`made` says what the rewrite changed, for the note of the consolidated text: the lead-in
(`Đoạn mở đầu Điều này được sửa đổi …`, not `Điều này …`, whose clauses stay), and the title when the
quote gives another.
"""

from __future__ import annotations

from dataclasses import replace

from regdraft.core.align import similarity
from regdraft.core.diff import ChangeKind
from regdraft.core.model import INTRO, Address, Unit
from regdraft.core.text import excerpt

RESTATES = 0.5


class SubjectError(ValueError):
    """The quote of a subject instruction cannot be placed in the unit's lead-in."""


def partial(current: Unit, quoted: Unit) -> bool:
    """Whether a quote leaves out the clauses or points of the unit it amends, restating only its opening."""
    return bool(current.children) and not quoted.children and not quoted.closing and bool(quoted.text)


def rewrite(current: Unit, quoted: Unit, about: str, where: str) -> Unit:
    """`current` with the lead-in paragraphs on `about` replaced by the quote's (module docstring)."""
    scores = [max(similarity(paragraph, new) for new in quoted.text) for paragraph in current.text]
    restated = [i for i, score in enumerate(scores) if score >= RESTATES]
    if not restated:
        raise SubjectError(
            f"the instruction amends {where} about {excerpt(about)} with a text that leaves out its clauses and "
            f"points, and no paragraph before them reads like the quoted text, so where it goes cannot be told; "
            f"quote {where} whole, or name the part it rewrites (đoạn mở đầu, khoản, điểm)."
        )
    first, last = restated[0], restated[-1]
    if last - first + 1 != len(restated):
        raise SubjectError(
            f"the instruction amends {where} about {excerpt(about)} with a text that leaves out its clauses and "
            "points, and the paragraphs that read like it are not next to each other, so what it replaces cannot be "
            f"told; quote {where} whole, or name the part it rewrites."
        )
    text = current.text[:first] + quoted.text + current.text[last + 1:]
    return replace(current, title=quoted.title if quoted.title is not None else current.title, text=text)


def made(target: Address, current: Unit, rewritten: Unit) -> list[tuple[Address, ChangeKind, str | None, str | None]]:
    """What `rewrite` changed in the unit at `target`: its title (with the old and new one), its lead-in (module
    docstring); the lead-in when the quote restates it word for word, since that is what the instruction amends."""
    out: list[tuple[Address, ChangeKind, str | None, str | None]] = []
    if rewritten.title != current.title:
        out.append((target, ChangeKind.HEADING_CHANGED, current.title, rewritten.title))
    if rewritten.text != current.text or not out:
        out.append((target.with_part(INTRO), ChangeKind.AMENDED, None, None))
    return out

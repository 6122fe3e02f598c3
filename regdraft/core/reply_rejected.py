"""A Word redline's own tracked changes that a member rejected ("Reject" in Word's Review tab): the draft's change
undone there, the old wording kept. Word leaves no mark of a rejection (an insertion rejected is gone, a deletion
rejected is plain text again), so the paragraph reads as no paragraph of the draft and was passed over unsaid.
Pure core, used by `replies.comments_from_reply`.

Post-conditions of `rejected`:
1. Reject leaves the text before the draft as it was: the words the redline strikes out (a deletion rejected is
   plain text again) with the plain ones, its own insertions aside (`ReplyParagraph.before`). A paragraph of a redline
   reply whose text before reads as one line the draft changed (the text before the draft, `bases`), and whose text
   as circulated (its own changes as Word now holds them) reads as no line of the draft, is given as that paragraph
   with the draft's line as circulated: its change is then a proposal on the provision like any tracked change, the
   text as the member left it (`accepted`) proposed.
2. Any other paragraph is left as it was: one the draft did not change, one changed without Track Changes (its text
   before is no line of the text before the draft), a table's cell.
3. The paragraphs given are listed by their place in the reply, to say in the comment that the draft's change is
   undone (`UNDONE`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace

from regdraft.core.model import Regulation
from regdraft.core.reply_model import Reply, Texts
from regdraft.core.reply_wording import fold, label_of, lines_of, strip_label

UNDONE = {
    "vi": "Từ chối sửa đổi của dự thảo tại {what} trong bản so sánh (muốn giữ từ ngữ như trước khi sửa ở đó). ",
    "en": "Rejects the draft's change of {what} in the redline (wants the wording as it was before the draft there). ",
}


def _key(text: str) -> str:
    """The words of a line as matched here: folded, its label aside, spaces left out (a struck run leaves two)."""
    return re.sub(r"\s+", "", fold(strip_label(text)))


def _changed_lines(base: Regulation, draft: Regulation) -> list[tuple[str, str, str]]:
    """Each line the draft changed: the provision's address, the line before and in the draft (paired where both
    texts have as many lines in a changed run)."""
    before = {str(loc.address): lines_of(loc.unit) for loc in base.walk()}
    out = []
    for loc in draft.walk():
        old, new = before.get(str(loc.address)), lines_of(loc.unit)
        if old is None or old == new:
            continue
        matcher = difflib.SequenceMatcher(None, [_key(x) for x in old], [_key(x) for x in new], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "replace" and i2 - i1 == j2 - j1:
                out += [(str(loc.address), a, b) for a, b in zip(old[i1:i2], new[j1:j2], strict=True)]
    return out


def rejected(reply: Reply, texts: Texts, bases: Texts) -> tuple[Reply, dict[int, str]]:
    """The reply with each paragraph where the member rejected some of the redline's own changes given as the
    draft's line changed to the text they left (`accepted`), and those paragraphs' places with the provision."""
    if not bases:
        return reply, {}
    drafts = dict(texts)
    lines: dict[str, set[tuple[str, str, str]]] = {}  # a changed line as it read before the draft -> where, as drafted
    for reg, base in bases:
        for at, old, new in _changed_lines(base, drafts[reg]) if reg in drafts else ():
            lines.setdefault(_key(old), set()).add((reg, at, new))
    known = {_key(line) for _, draft in texts for loc in draft.walk() for line in lines_of(loc.unit)}
    paragraphs = list(reply.paragraphs)
    undone: dict[int, str] = {}
    for i, p in enumerate(paragraphs):
        found = lines.get(_key(p.before), set()) if p.before.strip() and not p.cell[0] else set()
        if len(found) != 1 or _key(p.original) in known:
            continue
        (_, at, new), = found
        # The paragraph as the redline circulated it: its label (as the redline writes it) and the draft's words.
        paragraphs[i] = replace(p, original=label_of(p.original.strip()) + strip_label(new).strip())
        undone[i] = at
    return (replace(reply, paragraphs=tuple(paragraphs)), undone) if undone else (reply, {})


def undone_note(address: str, language: str) -> str:
    """The sentence opening a comment whose proposal undoes the draft's change of a provision."""
    from regdraft.core.model import Address

    return UNDONE.get(language, UNDONE["vi"]).format(what=Address.parse(address).describe(language))

"""The wording a reply's tracked changes propose for one provision, and what imports of earlier versions proposed for
the same changes (so a reply imported then is known again). Pure core; `replies.comments_from_reply` places them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from regdraft.core.comments import MAX_TEXT, CommentType, anchor_text
from regdraft.core.labels import Kind
from regdraft.core.markdown_writer import unit_label_text
from regdraft.core.model import REPEALED_TEXT, Address, Regulation, repealed_unit
from regdraft.core.reply_model import Place, ReplyParagraph
from regdraft.core.reply_phrases import Syllables
from regdraft.core.reply_places import _item
from regdraft.core.reply_proposed import Clash, own_count, proposed_text
from regdraft.core.reply_wording import (
    WORDS,
    Edit,
    Said,
    describe_change,
    new_kind,
    opening_label,
    paragraphs_key,
    plain_said,
    relabelled,
    renumbers,
    strip_label,
    wording,
    wording_key,
)

KEPT = {"vi": "Đề nghị giữ nguyên {what} (không bãi bỏ).", "en": "Proposed: keep {what} (not repealed)."}
# A proposal undoing the draft's change, said as the provision's wording whole past `FEW` changes named one by one.
WHOLE = {"vi": "Đề nghị sửa {what} như sau:{gap}“{text}”.", "en": "Proposed: {what} to read as follows:{gap}“{text}”."}
FEW = 3
# An old provision brought back word for word in the place of one the draft puts there (Reject in a Word redline).
INSTEAD = {"vi": "Đề nghị giữ nguyên {old} như quy định hiện hành, thay cho {what} của dự thảo:{gap}“{text}”.",
           "en": "Proposed: keep {old} as in force, instead of the draft's {what}:{gap}“{text}”."}
# A provision the draft inserts, every paragraph of it rejected: nothing in force to repeal, so not "bãi bỏ".
LEFT_OUT = {"vi": "Đề nghị không bổ sung {what}.", "en": "Proposed: do not insert {what}."}
_WORD = re.compile(r"\w+")

Earlier = tuple[Place, str, str]  # where, what and saying what an earlier import proposed (`_earlier`)


def _earlier(at: Place, group: Sequence[tuple[ReplyParagraph, Edit]], plain: dict[Edit, Edit],
             drafts: dict[str, Regulation], language: str, syllables: dict[str | None, Syllables],
             proposed: tuple[Place, str, str, str, object], undoing: bool = False
             ) -> tuple[Earlier | None, Earlier | None]:
    """Where, what and saying what imports before r38 proposed for these changes, each when it differs from
    `proposed`: paragraphs a deleted mark joins run together (before the space at a join: `plain`'s edits), and so
    too a second change of a line (before r37) or of a table's cell (before r38) replacing the first or left out."""
    together = [(q, plain.get(e, e)) for q, e in group]
    run = _proposal(at, together, drafts, language, syllables, undoing=undoing) if together != list(group) else None
    joined_then = run[:3] if run is not None and run[:3] != proposed[:3] else None
    old = (_proposal(at, together, drafts, language, syllables, merge=False, undoing=undoing) if len(group) > 1
           else None)
    return joined_then, old[:3] if old is not None and old[:3] != (joined_then or proposed[:3]) else None


def _proposal(at: Place, group: Sequence[tuple[ReplyParagraph, Edit]], drafts: dict[str, Regulation],
              language: str, syllables: dict[str | None, Syllables], merge: bool = True, undoing: bool = False
              ) -> tuple[Place, str, str, str, list[tuple[Clash, str, str]]] | None:
    """Where the changes to one provision's paragraphs are proposed, the wording proposed, what it changes, the
    label the wording is written after (a clause or point without points: `9.`, else empty), and each change that
    cannot stand beside an earlier one on the same words with the wording it proposes instead and what that changes;
    None when they change nothing. Changes inside one part (a dash or plus item, the title, the lead-in or the
    closing text), paragraphs neither added nor removed, are a proposal on that part (`d6.k2.a.dash1`,
    `d42.k3.end`), so a comment on another part of the unit stays its own. `undoing`: the changes undo the draft's
    there (Reject in a Word redline): a provision it repeals brought back is proposed kept, one paragraph or many."""
    reg, address = at
    unit = drafts[reg].find(address).unit
    edits = [edit for _, edit in group]
    if reg not in syllables:
        syllables[reg] = Syllables.of([drafts[reg]])
    words = syllables[reg]
    if unit.repealed and (unit.kind is Kind.ARTICLE or unit.kind in (Kind.CLAUSE, Kind.POINT) and (
            len(group) > 1 or undoing and any(strip_label(e.new).strip() for e in edits))):
        # Its words back (Reject): an article's heading line alone was proposed as its title, its clauses lost; a
        # clause of one paragraph was said as `thay “(được bãi bỏ)” bằng “…”` (r42 sweep F9), not as kept. Its label
        # alone left (the placeholder rejected, its words still struck out) brings nothing back.
        return _kept(at, group, language, words)
    items = {_item(p, at, drafts) if p.original.strip() and p.accepted.strip() and not p.mark else at
             for p, _ in group}
    item = items.pop() if len(items) == 1 else at
    if item != at:
        before = anchor_text(drafts[reg], item[1])
        clashes: list[Clash] = []
        proposal = proposed_text(before, edits, len(before.split("\n")), clashes=clashes, merge=merge)
        if paragraphs_key(proposal) != paragraphs_key(before):
            return (item, proposal, describe_change(before, proposal, language, syllables=words), "",
                    _instead(before, edits, clashes, len(before.split("\n")), False, language, words))
    adds_unit = any(not e.old.strip() and not e.column and new_kind(e.new) is not None for e in edits)
    relabels = [e for e in edits if renumbers(e)]
    before, labelled = wording(unit, anchor_text(drafts[reg], address), language, adds_unit or bool(relabels))
    clashes = []
    proposal = proposed_text(before, edits, own_count(unit, labelled), labelled, clashes=clashes, merge=merge)
    if paragraphs_key(proposal) == paragraphs_key(before):
        return None
    instead = _instead(before, edits, clashes, own_count(unit, labelled), labelled, language, words)
    if relabels and labelled:
        # Said as the words changed, labels as circulated, then each renumbering (`đánh số lại khoản 2 thành khoản 3`).
        kept = proposed_text(before, edits, own_count(unit, labelled), labelled, relabel=False, merge=merge)
        changes = [(opening_label(e.old), relabelled(e.old, e.new) or "") for e in relabels]
        return at, proposal, describe_change(before, kept, language, changes, words), "", instead
    if not proposal.strip() and unit.kind in (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT):
        # Every paragraph struck out: the provision repealed, as the wording editor writes it
        # (`b) (được bãi bỏ)`); an empty wording was refused when accepted.
        # An article's heading line with the placeholder for its title (`Điều 35a. (được bãi bỏ)`): its title kept
        # before the placeholder was read as a new title when accepted.
        proposal = (unit_label_text(repealed_unit(unit), language) if unit.kind is Kind.ARTICLE else
                    f"{unit_label_text(unit, language)} {REPEALED_TEXT.get(language, REPEALED_TEXT['vi'])}")
        return at, proposal, WORDS.get(language, WORDS["vi"])["repeal"].format(
            what=Address.parse(address).describe(language)), "", instead
    # Its label before it, as the wording editor writes a clause or point (`9. Tổ chức …`): the report and the comment
    # list showed the words alone, the only proposal naming no provision (r36 committee sweep).
    label = unit_label_text(unit, language) if not labelled and unit.kind in (Kind.CLAUSE, Kind.POINT) else ""
    return at, proposal, describe_change(before, proposal, language, syllables=words), label, instead


def _kept(at: Place, group: Sequence[tuple[ReplyParagraph, Edit]], language: str, words: Syllables
          ) -> tuple[Place, str, str, str, list[tuple[Clash, str, str]]]:
    """A provision the draft repeals whose paragraphs the member brought back (Reject in a Word redline: its heading or
    first line and its clauses and points): proposed as those paragraphs as they left them, one a line as the wording
    editor writes them, said as kept (and what they changed in it, when they did)."""
    kept = "\n".join(" ".join(e.new.split()) for _, e in group if e.new.strip())
    stood = "\n".join(" ".join(p.before.split()) for p, e in group if e.new.strip())
    said = KEPT.get(language, KEPT["vi"]).format(what=Address.parse(at[1]).describe(language))
    if paragraphs_key(stood) != paragraphs_key(kept):
        said += " " + describe_change(stood, kept, language, syllables=words)
    return at, kept, said, "", []


def _instead(before: str, edits: list[Edit], clashes: list[Clash], own: int, labelled: bool, language: str,
             words: Syllables) -> list[tuple[Clash, str, str]]:
    """For each change that cannot stand beside an earlier one, the wording with it made first (the other one then
    left out) and what that wording changes: both kept, for the office to choose."""
    out = []
    for clash in clashes:
        other = proposed_text(before, [clash.edit, *(e for e in edits if e is not clash.edit)], own, labelled)
        out.append((clash, other, describe_change(before, other, language, syllables=words)))
    return out


def said_whole(summary: str, address: str, written: str, language: str) -> str:
    """What a proposal undoing the draft's change (Reject in a Word redline) says: `summary` (`describe_change`'s),
    but past `FEW` changes named one by one (an article rewritten whole, rejected, named a score of `thay “…” bằng
    “…”` no reader could follow) the provision's wording `written` proposed whole, quoted as an amending document
    quotes it: `Đề nghị sửa khoản 2 Điều 5 như sau: “2. …”.` (several lines: from the next line)."""
    text = written.strip()
    if not isinstance(summary, Said) or summary.phrases <= FEW or not text:
        return summary
    whole = WHOLE.get(language, WHOLE["vi"]).format(what=Address.parse(address).describe(language),
                                                    gap="\n" if "\n" in text else " ", text=text)
    return whole if len(whole) < MAX_TEXT - 1_000 else summary  # room for the sentence before it


def said_instead(summary: str, at: Place, written: str, bases: Sequence[tuple[str, Regulation]], language: str) -> str:
    """What a proposal undoing the draft's change says where it is, word for word, another provision of the text
    before the draft (48/2013's khoản 3 Điều 31, printed as a word diff over the old khoản 2: Reject brings the old
    clause back in its place): that provision named, kept as in force there, `Đề nghị giữ nguyên khoản 2 Điều 31 như
    quy định hiện hành, thay cho khoản 3 Điều 31 của dự thảo: “3. …”.`; else `summary`. The provision before the
    draft at the same place holding the same words is a plain undoing (`summary`); two holding them, nothing named."""
    base = dict(bases).get(at[0])
    text = written.strip()
    if base is None or not text:
        return summary
    key = paragraphs_key("\n".join(strip_label(line) for line in text.split("\n")))
    found = [str(loc.address) for loc in base.walk() if loc.unit.kind in (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT)
             and not loc.unit.repealed and paragraphs_key(
                 "\n".join(strip_label(line) for line in anchor_text(base, str(loc.address)).split("\n"))) == key]
    if len(found) != 1 or found[0] == at[1]:
        return summary
    said = INSTEAD.get(language, INSTEAD["vi"]).format(
        old=Address.parse(found[0]).describe(language), what=Address.parse(at[1]).describe(language),
        gap="\n" if "\n" in text else " ", text=text)
    return said if len(said) < MAX_TEXT - 1_000 else summary


def said_left_out(summary: str, address: str, language: str) -> str:
    """What a proposal leaving out a provision the draft inserts (every paragraph of it rejected in a Word redline)
    says: `Đề nghị không bổ sung Điều 35a.`, where `summary` proposes it repealed (`Đề nghị bãi bỏ Điều 35a.`, as
    imports up to r43 said it: no text in force holds it to repeal); any other `summary` as it is."""
    what = Address.parse(address).describe(language)
    if summary != WORDS.get(language, WORDS["vi"])["repeal"].format(what=what):
        return summary
    return LEFT_OUT.get(language, LEFT_OUT["vi"]).format(what=what)


def rejected_kind(edits: Iterable[Edit]) -> CommentType:
    """The type of a proposal undoing the draft's changes `edits` (each line as drafted, as the member left it): it
    keeps a provision or its words as they were, which is substance, but for a change of punctuation or spacing alone
    (the same words and numbers either way, capitals counted), which is editorial."""
    same = all(_WORD.findall(wording_key(e.old)) == _WORD.findall(wording_key(e.new)) for e in edits)
    return CommentType.EDITORIAL if same else CommentType.SUBSTANTIVE


def _former(at: Place, group: Sequence[tuple[ReplyParagraph, Edit]], drafts: dict[str, Regulation], language: str,
            syllables: dict[str | None, Syllables], proposed: tuple[Place, str, str, str, object], struck: str
            ) -> tuple[str, str] | None:
    """What imports from r39 to r41 proposed, and said, for changes undoing the draft's (`struck`: the sentence they
    open with), when it differs from `proposed`: a clause or point the draft repeals, brought back, said as words
    replacing `(được bãi bỏ)`; a provision rewritten whole, its changes named one by one."""
    unit = drafts[at[0]].find(at[1]).unit
    then = _proposal(at, group, drafts, language, syllables) if unit.repealed else proposed
    if then is None or then[:3] == proposed[:3] and not (isinstance(then[2], Said) and then[2].phrases > FEW):
        return None
    return then[1], struck + plain_said(then[2])

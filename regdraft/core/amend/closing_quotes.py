"""Instructions that quote into a last clause (or point) a paragraph that reads like its holder's closing text.

Luật Công đoàn closes Điều 10 with "Chính phủ quy định chi tiết Điều này sau khi thống nhất với …"; the importer
keeps it in khoản 10 (the file writes `<!-- tiếp -->` before it, and the import report warns). An instruction that
replaces khoản 10 then quotes the sentence as the clause's (`Sửa đổi, bổ sung khoản 10 Điều 10 như sau: “10. …
Chính phủ quy định chi tiết Điều này …”`), which is wrong in law if the sentence is the article's. The sentence may
be the clause's own, so `closings_quoted` warns, never refuses.

Post-conditions of `closings_quoted`:
1. One warning per instruction that replaces or inserts a whole clause or point (or a unit whose last clause or
   point it is: an article re-enacted whole) which, in the amended text, is the last of its holder (an article, a
   clause) that has no closing text of its own, and has a paragraph after its first for which
   `parts.looks_closing` holds (the rule of `check` and `fmt`). The warning stands at the
   instruction's line and names the instruction, the provision, the paragraph and the marker that makes the
   paragraph the holder's closing text, in the text in force and the edited text alike.
2. No warning for anything else: a holder with a closing text already, a provision not last, a phrase replaced.
"""

from __future__ import annotations

from regdraft.core.amend.apply import Applied
from regdraft.core.amend.document import Amendment
from regdraft.core.amend.quote import short
from regdraft.core.commands import Command
from regdraft.core.diff import ChangeKind
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.model import Address, Kind, Regulation, Unit
from regdraft.core.parts import CONTINUED_MARKER, closing_marker, is_dash, looks_closing

_QUOTING = (ChangeKind.AMENDED, ChangeKind.INSERTED)


def closings_quoted(applied: Applied, amendment: Amendment, before: Regulation) -> list[Problem]:
    """Warnings for the instructions of `amendment` (applied to `before` as `applied`) that quote a holder's
    closing-like paragraph into its last clause or point."""
    reg = applied.regulation
    language = reg.language
    out: list[Problem] = []
    warned: set[str] = set()
    for change in applied.changes:
        ins, address = change.instruction, change.address
        if change.kind not in _QUOTING or address.part or ins.unit is None or ins.location in warned:
            continue
        found = _last_with_closing(reg, address)
        if found is None:
            continue
        address, holder, paragraph = found
        warned.add(ins.location)
        where, whole = address.describe(language), address.parent().describe(language)  # type: ignore[union-attr]
        marker = closing_marker(holder.kind, holder.label, language)
        # The text in force reads the paragraph as the clause's too (the importer kept it there): mark it in both.
        files = (f"in place of '{CONTINUED_MARKER[language]}', both in {before.source} and in the edited text"
                 if _last_with_closing(before, address) is not None else "in the edited text")
        again = Command.of("amend from-edits", amendment.slug, edited=None)
        out.append(Problem(
            f"instruction {ins.location} ({short(ins.text)}) quotes «{short(paragraph, 160)}» as a paragraph of "
            f"{where}, but it reads like the closing text of {whole}. If it closes {whole}, put the line '{marker}' "
            f"before it {files}, then write the instructions again (`{again}`); if it belongs to {where}, leave it "
            "as it is.", amendment.source, ins.line))
    return out


def _last_with_closing(reg: Regulation, address: Address) -> tuple[Address, Unit, str] | None:
    """Where the unit at `address` quotes a closing-like paragraph into a last clause or point: that clause or
    point (the unit itself, or the last one inside it: an article re-enacted whole), its holder and the paragraph;
    None when it does not."""
    try:
        unit = reg.find(address).unit
        holder = reg.find(parent).unit if (parent := address.parent()) is not None else None
    except RegdraftError:
        return None
    while True:
        if holder is not None and unit.kind in (Kind.CLAUSE, Kind.POINT) and not unit.children \
                and not holder.closing and holder.children and holder.children[-1].segment() == unit.segment():
            for i in range(1, len(unit.text)):
                paragraph = unit.text[i]
                if not is_dash(paragraph) and looks_closing(holder.text, unit.text[i - 1], paragraph, holder.kind):
                    return address, holder, paragraph
        if not unit.children or unit.closing:
            return None
        holder, unit = unit, unit.children[-1]
        address = address.child(unit.kind, unit.label)

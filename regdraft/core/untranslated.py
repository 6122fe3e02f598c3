"""The note heading a translation's consolidated text when its original has amendments it does not hold.

A translation (`translation_of`, docs/format.md) is a text of its own: an amendment adopted to the original changes
the original's text, not the translation's, which keeps its unamended articles until the amendment is translated
(an amending document of the translation's own, adopted to it). Its consolidated text said, in the opening's
reference wording, that it "has not been amended as of" the date, although the original had been: a reader took
the English text handed out for the text in force.

Post-conditions of `untranslated_opening(opening, base, missing, as_of, words)`:
1. With no `missing` document the opening is returned as it is.
2. Else its `untranslated` note (printed in bold at the head, after a replaced regulation's note) names each missing
   document, in the order given, by its type, number and date and its effective date (the profile's
   `untranslated_note`, in the translation's language), and the date the text is in force on.
3. Each of `partial` (an amending document the translation holds by number, whose instructions it does not all
   translate: `clauses 2, 3, 5–14 of Article 1 of Regulations No. 05-QC/TU (…)`, worded by the caller) is named in
   the note after the missing documents, so the text says so itself, not only the command (r39).
4. An opening that said the text is unamended (no items: `opening_unamended`) says instead that it is the
   translation's text without those amendments (`opening_untranslated`); an opening listing the translation's own
   amending documents keeps them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from regdraft.core.consolidate import Opening, Source, date_text, opening_lead, reference


def untranslated_opening(opening: Opening, base: Source, missing: Sequence[Source], as_of: dt.date,
                         words: Mapping[str, str], partial: Sequence[str] = ()) -> Opening:
    """The opening of a translation's consolidated text, saying which of its original's amendments in force on
    `as_of` (`missing`, as the translation's language cites them) it does not hold, and which instructions of those
    it holds it does not translate (`partial`)."""
    if not missing and not partial:
        return opening
    when = date_text(as_of, words)
    documents = "; ".join([*(reference(m, words) + _effective(m, words) for m in missing), *partial])
    note = words["untranslated_note"].format(documents=documents, date=when)
    if opening.items:
        return dataclasses.replace(opening, untranslated=note)
    lead, verbs = opening_lead(base, words)
    return dataclasses.replace(opening, untranslated=note,
                               lead=words["opening_untranslated"].format(document=lead, date=when, **verbs))


def _effective(source: Source, words: Mapping[str, str]) -> str:
    return words["cited_effective"].format(date=date_text(source.effective, words)) if source.effective else ""

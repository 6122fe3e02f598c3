"""The words a member selected on the review page, as a comment made there before round 37 kept them: quoted at the
start of its text (`Về đoạn “…”: Đề nghị …`, `On “…”: …`), its selection empty.

Round 37 records them as the comment's `selection` (`web.actions.add_comment`), which the comments page, the report
(HTML, PDF, DOCX: `Về đoạn “…”:` above the text; CSV, XLSX: the `Đoạn được chọn` column) show apart. A comment of the
older form showed an empty column and its quotation inside the text. Pure core.

Post-conditions:
1. `apart(c)` is `c` with the quoted words as its selection and the text after them as its text, when `c` was made
   on the review page (it names the person who wrote it: `author`), has no selection, and its text opens with one of
   `QUOTATIONS` followed by words; else `c` itself. The file is not rewritten: a command that writes it anyway (an
   answer recorded) writes the newer form.
   A sheet's row (the report of an earlier version, the quotation in its comment cell) is matched with the comment
   recorded as read so (`importer.comment_sheet.with_recorded`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from regdraft.core.comments import Comment

# The review page's quotation as every version wrote it (web/words.yaml's `selected_words`, in either language): the
# older form is what it was, whatever the page writes next.
QUOTATIONS = ("Về đoạn “{words}”:", "On “{words}”:")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    # The words any but the quotation's own close (`”:`), as the page reads one sent (`web.words.quoted_selection`).
    return tuple(re.compile(re.escape(quote).replace(re.escape("{words}"), "((?:(?!”:).)*)"), re.S)
                 for quote in QUOTATIONS)


def apart(c: Comment) -> Comment:
    """`c` with the words it quotes as its selection, when it is of the older form (post-condition 1)."""
    if c.selection or not c.author or "”:" not in c.text:
        return c
    text = c.text.lstrip()
    for pattern in _patterns():
        found = pattern.match(text)
        if found is not None and (said := text[found.end():].strip()) and (words := " ".join(found.group(1).split())):
            return replace(c, selection=words, text=said)
    return c


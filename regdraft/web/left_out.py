"""What the review server's forms left out of what was typed, said on the page after it is sent (r38, r39).

Every field is read without its invisible characters (`actions.form_values`), as `comment add` reads its texts; the
command says so on stderr (`importer.plaintext.LeftOut`), and the page said nothing. Now the form's texts are read
again as typed, the notes carried to the page it goes on to in its address (`left`), and worded there in the page's
language: the comment form's beside "Đã lưu góp ý …" (r38), and since r39 a member's "Sửa ý kiến" and the drafter's
answer and accept beside the notice that it was saved.

Post-conditions:
1. `typed(form, kind)` is `LeftOut`'s notes on the texts of form `kind` (`FORMS`) as sent; [] when none held one. The
   comment form's (`comment`): its text (the words selected it quotes first, `Về đoạn “…”:`, read as the selection),
   its proposed wording and the person's name; an edit's (`edit`): its text and proposed wording; an answer's or an
   accept's (`answer`): its reply.
2. `as_query(notes)` is the address's value for them ("" for none); `said(value, ui)` the sentences on them in `ui`'s
   language, each with the words around the first as read (`«gồm ngân sách»`), each character named in that language
   (`core.invisible_names`: `dấu cách không độ rộng (U+200B)` on a Vietnamese page). A value that does not read as
   `as_query` writes it (typed into the address by hand) says nothing, and a character that is not invisible, or a
   field no form has, is never named.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from regdraft.core.comments import one_newline
from regdraft.core.invisible_names import named
from regdraft.core.text import INVISIBLE_CHAR
from regdraft.importer.plaintext import LeftOut, Unseen
from regdraft.web.words import Words, quoted_selection

# Each form's fields read, as `core.comments.TEXTS` names them: the comment form's words selected come quoted in its
# text; an edit's text is the comment's own words (its selection stands apart since r37).
FORMS = {"comment": {"text": "text", "proposal": "proposal", "name": "author"},
         "edit": {"text": "text", "proposal": "proposal"},
         "answer": {"reply": "reply"}}
_KINDS = {kind for fields in FORMS.values() for kind in fields.values()} | {"selection"}
_WORDS = 200  # the most characters of words shown: `LeftOut` gives at most 80


def typed(form: Mapping[str, object], kind: str = "comment") -> list[Unseen]:
    """The notes on what the texts of form `kind` lost (post-condition 1)."""
    left_out = LeftOut()
    for name, field in FORMS[kind].items():
        value = form.get(name)
        if not isinstance(value, str):
            continue
        if kind == "comment" and field == "text":
            selection, value = quoted_selection(one_newline(value))
            left_out.read("selection", selection)
        left_out.read(field, value)
    return left_out.kinds()


def as_query(notes: list[Unseen]) -> str:
    """The address's value for `notes` (post-condition 2)."""
    return json.dumps([[n.count, n.field, n.words, list(n.chars)] for n in notes], ensure_ascii=False,
                      separators=(",", ":")) if notes else ""


def said(value: str | None, ui: Words) -> list[str]:
    """The sentences on the notes `value` carries, in `ui`'s language (post-condition 2)."""
    import re

    try:
        read = json.loads(value or "[]")
    except ValueError:
        return []
    out = []
    for note in read if isinstance(read, list) else []:
        if not (isinstance(note, list) and len(note) == 4 and isinstance(note[0], int) and 0 < note[0]
                and note[1] in _KINDS and isinstance(note[2], str)
                and len(note[2]) <= _WORDS and isinstance(note[3], list)):
            return []
        chars = [chr(int(code, 16)) for code in note[3]
                 if isinstance(code, str) and re.fullmatch("[0-9A-F]{4,5}", code)]
        if len(chars) != len(note[3]) or not all(re.fullmatch(INVISIBLE_CHAR, char) for char in chars):
            return []
        where = ui(f"left_in_{note[1]}")
        if chars:
            names = ", ".join(named(char, ui.language) for char in chars)
            out.append(ui("left_out_invisible", count=ui.count(note[0], "invisible_character"), names=names,
                          field=where, words=note[2]))
        else:
            out.append(ui("left_out_hyphens", count=ui.count(note[0], "soft_hyphen"), field=where, words=note[2]))
    return out

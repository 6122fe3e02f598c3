"""What an imported document's own words say about how to write its front matter.

- `cased_like`: a title printed in capitals gets its names' capitals back from the sentence that
  issues it (`Quốc hội ban hành Luật sửa đổi, bổ sung … của Luật Quy hoạch …`);
- `state_profile`: a header with the Quốc hiệu asks for the state document profile.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from regdraft.importer.report import Note

# The Quốc hiệu heads a state document; `state-30` is the shipped profile that prints one (Nghị định 30/2020/NĐ-CP).
_STATE_NATIONAL = re.compile(r"(?<!\w)(cộng (?:hòa|hoà) xã hội chủ nghĩa việt nam|socialist republic of vi[eệ]t ?nam)"
                             r"(?!\w)", re.I)
STATE_PROFILE = "state-30"


def state_national(text: str) -> bool:
    """Whether a header line holds the Quốc hiệu of a state document (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, in
    English `SOCIALIST REPUBLIC OF VIETNAM`): a text under it prints with the state profile (`STATE_PROFILE`)."""
    return bool(_STATE_NATIONAL.search(text))


def state_profile(meta: dict[str, Any], header_lines: Sequence[str]) -> Note | None:
    """Ask for the state document profile (`profile: state-30` in `meta`) when the header is the Quốc hiệu
    of a state document, in its own line or in a cell of the header's table; the note says so."""
    if "profile" in meta:
        return None
    if not any(state_national(text) for text in (str(meta.get("national") or ""), *header_lines)):
        return None
    meta["profile"] = STATE_PROFILE
    return Note(0, "info", f"The header is the Quốc hiệu of a state document: the file asks for the state document "
                           f"profile (`profile: {STATE_PROFILE}`, after Nghị định 30/2020/NĐ-CP) and prints in that "
                           "format; remove the line to print it as the workspace's other documents.")


_EDGES = ",;:.()“”\"'«»"


def cased_like(text: str, reference: str) -> str:
    """`text` with each word's capitals as `reference` writes it, where both of its neighbours agree.

    A word takes its reference form from each pair of neighbouring words (`của luật` -> `của Luật`,
    `luật quy` -> `Luật Quy`) found in `reference` (case, punctuation at word edges aside) always
    written the same way; when the pairs on its two sides disagree, or none is found, the word
    stays as it is, and a pair on one side only gives a capital when both its words have one.
    The first word (the document type) is never changed.
    """
    def core(word: str) -> str:
        return word.strip(_EDGES)

    ref = [core(w) for w in reference.split()]
    pairs: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for a, b in zip(ref, ref[1:], strict=False):
        if a and b:
            pairs.setdefault((a.lower(), b.lower()), set()).add((a, b))
    words = text.split(" ")
    cores = [core(w) for w in words]
    out = list(words)
    for i in range(1, len(words)):
        if not cores[i]:
            continue
        evidence = []
        for j, side in ((i - 1, 1), (i + 1, 0)):
            if 0 <= j < len(words) and cores[j]:
                found = pairs.get((cores[min(i, j)].lower(), cores[max(i, j)].lower()))
                if found is not None and len(found) == 1:
                    pair = next(iter(found))
                    evidence.append((pair[side], pair))
        forms = {form for form, _ in evidence}
        if len(forms) != 1:
            continue
        form = forms.pop()
        # One side alone capitalises a word only inside a name (`Luật Đầu`), not at the start of a
        # phrase that may begin a sentence or a name in the reference (`Nghị định` after `ban hành`).
        alone = len(evidence) == 1 and form != form.lower() and not all(w[:1].isupper() for w in evidence[0][1])
        if not alone and form.lower() == cores[i].lower():
            out[i] = words[i].replace(cores[i], form, 1)
    return " ".join(out)

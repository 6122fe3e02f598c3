"""An instruction naming the amended text by another type's word (`Bổ sung Phụ lục I vào cuối Luật như sau:` in an
amendment of a Quy chế, `trong toàn bộ Nghị định` for a Luật): the words are kept as the text's type is
(docs/amendments.md), which a drafter copying an example of another text misses.

Post-conditions of `wrong_type_words`:
1. One warning per phrase naming the amended text whole (`vào cuối …`, `trong/tại toàn bộ …`; `at the end of …`,
   `throughout …`) with a type word that is not the amended text's (`wording.document_word`), at the instruction's
   line, quoting the phrase and naming the word to use.
2. Nothing for a text whose type is not given, for `văn bản`/`this document`, or for a phrase naming the amending
   document itself (`của Luật này`) or another text by its number (`vào cuối Luật số 12/2024/QH15`).
"""

from __future__ import annotations

import re

from regdraft.core.amend.document import Amendment
from regdraft.core.amend.instructions import Instruction
from regdraft.core.amend.wording import document_word
from regdraft.core.errors import Problem
from regdraft.core.model import Regulation
from regdraft.core.text import excerpt

_TYPES_VI = r"Bộ luật|Luật|Quy chế|Quy định|Pháp lệnh|Nghị định|Thông tư|Nghị quyết|Quyết định"
_TYPES_EN = r"(?:this|these) (?:Regulations?|Law|Code|Decree|Rules|Ordinance|Circular|Resolution|Decision)"
_WHOLE = {
    "vi": re.compile(rf"(?<!\w)(?:vào cuối|(?:trong|tại) toàn bộ)\s+(?P<word>{_TYPES_VI})(?:\s+này)?(?![\w/-])"
                     rf"(?!\s+(?:số|tại)\b)"),
    "en": re.compile(rf"\b(?:at the end of|throughout)\s+(?P<word>{_TYPES_EN})\b"),
}

_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")


def _instructions(instructions: tuple[Instruction, ...]) -> list[Instruction]:
    out: list[Instruction] = []
    for ins in instructions:
        if not ins.implied:
            out.append(ins)
            out.extend(_instructions(ins.children))
    return out


def wrong_type_words(amendment: Amendment, before: Regulation) -> list[Problem]:
    """Warnings for the phrases of `amendment`'s instructions naming `before` by another type's word."""
    kind = str(before.meta.get("type") or "").strip()
    language = amendment.language if amendment.language in _WHOLE else "vi"
    if not kind:
        return []
    right = document_word(kind, language)
    out: list[Problem] = []
    for ins in _instructions(amendment.instructions):
        text = _QUOTED.sub(lambda m: " " * len(m.group(0)), ins.text)  # the words quoted are not the instruction's
        for found in _WHOLE[language].finditer(text):
            word = found.group("word")
            if word.lower() == right.lower():
                continue
            phrase = ins.text[found.start():found.end()]
            fixed = phrase[: found.start("word") - found.start()] + right + phrase[found.end("word") - found.start():]
            named = before.id or before.source
            # `MINI-QC is a Quy chế`; an English type may be plural (`Staff Rules`): `the type of 3/2024/IWA is …`
            typed = f"the type of {named} is {kind}" if language == "en" else f"{named} is a {kind}"
            out.append(Problem(f"The instruction {excerpt(ins.text)} names the amended text {excerpt(phrase)}, but "
                               f"{typed}: write {excerpt(fixed)} (the word "
                               f"as the amended text's type is)", amendment.source, ins.line))
    return out

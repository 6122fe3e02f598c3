"""An instruction naming the amended text by another type's word (`Bổ sung Phụ lục I vào cuối Luật như sau:` in an
amendment of a Quy chế, `trong toàn bộ Nghị định` for a Luật): the words are kept as the text's type is
(docs/amendments.md), which a drafter copying an example of another text misses.

Post-conditions of `wrong_type_words`:
1. One warning per phrase naming the amended text whole (`vào cuối …`, `trong/tại toàn bộ …`, a word change's `tại
   … này`; `at the end of …`, `throughout …`, a word change's `in this …` ending or opening it) with a name that is
   not one the amended text goes by (`self_name.own_names`: `these Staff Rules` or `these Rules` for Staff Rules), at
   the instruction's line, quoting the phrase and naming the one to use.
2. Nothing for a text whose type is not given, for `văn bản`/`this document`, or for a phrase naming the amending
   document itself (`của Luật này`) or a text by its number or name (`vào cuối Luật số 12/2024/QH15`, `trong toàn bộ
   Luật Đất đai`: applying refuses one that is not the amended text).
"""

from __future__ import annotations

import re

from regdraft.core.amend.document import Amendment
from regdraft.core.amend.instructions import Instruction
from regdraft.core.amend.self_name import TYPES_EN, own_names
from regdraft.core.errors import Problem
from regdraft.core.model import Regulation
from regdraft.core.text import excerpt

_TYPES_VI = r"Bộ luật|Luật|Quy chế|Quy định|Pháp lệnh|Nghị định|Thông tư|Nghị quyết|Quyết định"
# `these Staff Rules`: a type of several words ends in one of the type words (`self_name.TYPES_EN`)
_TYPES_EN = rf"(?:this|these) (?:[A-Z][\w-]*\s+){{0,3}}?{TYPES_EN}"
_WHOLE = {
    # `tại Luật này` as a word change's scope too; not a text named by its name (`trong toàn bộ Luật Đất đai`), which
    # applying refuses unless it is the amended text (`self_name.other_text`)
    "vi": re.compile(rf"(?<!\w)(?:(?:vào cuối|(?:trong|tại|ở) toàn bộ)\s+(?P<word>{_TYPES_VI})(?:\s+này)?"
                     rf"|(?:trong|tại|ở)\s+(?P<this>{_TYPES_VI})\s+này)(?![\w/-])"
                     rf"(?!\s+(?:số|tại)\b)"),
    # `in this Decree` as a word change's scope where it ends the sentence (`… wherever they appear in this Decree.`)
    # or opens it (`In this Decree, the words …`)
    "en": re.compile(rf"\b(?:at the end of|[Tt]hroughout)\s+(?P<word>{_TYPES_EN})\b"
                     rf"|\b(?:wherever (?:it|they) (?:appears?|occurs?) )?(?:in|from)\s+(?P<this>{_TYPES_EN})(?=[.;]?$)"
                     rf"|^(?:In|From)\s+(?P<lead>{_TYPES_EN})(?=,)"),
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
    names = own_names(before, language)
    right = names[0]
    out: list[Problem] = []
    for ins in _instructions(amendment.instructions):
        text = _QUOTED.sub(lambda m: " " * len(m.group(0)), ins.text)  # the words quoted are not the instruction's
        for found in _WHOLE[language].finditer(text):
            group = found.lastgroup or "word"
            word = found.group(group)
            if text[found.end():].lstrip()[:1].isupper():
                continue  # a name follows: `Luật Thi đua, khen thưởng`
            if " ".join(word.split()).lower() in (name.lower() for name in names):
                continue
            phrase = ins.text[found.start():found.end()]
            fixed = phrase[: found.start(group) - found.start()] + right + phrase[found.end(group) - found.start():]
            named = before.id or before.source
            # `MINI-QC is a Quy chế`; an English type may be plural (`Staff Rules`): `the type of 3/2024/IWA is …`
            typed = f"the type of {named} is {kind}" if language == "en" else f"{named} is a {kind}"
            said = "the word as the amended text's type is"
            if language == "en" and before.language == "en":
                typed, said = f"{named} calls itself “{right}”", "the name it gives itself"
            out.append(Problem(f"The instruction {excerpt(ins.text)} names the amended text {excerpt(phrase)}, but "
                               f"{typed}: write {excerpt(fixed)} ({said})", amendment.source, ins.line))
    return out

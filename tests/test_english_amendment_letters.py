"""An English amending document letters its own instructions as the text it amends letters its points (r30).

r29 let an English text of its own letter its points a to z, but an English amendment's lettered instructions (`a)`,
`b)` under a group) were still held to the Vietnamese alphabet: `e)` after `d)` was told "letter it đ)". An English
article lettering an instruction `dd)` (a translation of a Vietnamese amending document) keeps that alphabet
(`layout.instruction_alphabet`); `amend from-edits` letters a group in the alphabet of the text it amends.
"""

from __future__ import annotations

from regdraft.core.amend import render_amendment
from regdraft.core.amend.document import read_amendment
from regdraft.core.amend.edits import document, instructions_from_edits
from regdraft.core.markdown import parse

_CHANGES = [
    "In clause 1, the words “Democratic centralism” are replaced by “Centralism”.",
    "In point a of clause 2, the words “whole term” are replaced by “term”.",
    "In point b of clause 2, the words “Personnel” are replaced by “Staff”.",
    "In point c of clause 2, the words “Inspection” are replaced by “Checks”.",
    "In point d of clause 2, the words “Reviews” are replaced by “Audits”.",
    "Clause 3 is repealed.",
]


def _problems(letters: str, language: str = "en") -> list[str]:
    head = "Article 1. Amendments" if language == "en" else "Điều 1. Sửa đổi, bổ sung"
    group = "1\\. Article 2 is amended as follows:" if language == "en" else "1\\. Sửa đổi, bổ sung Điều 2 như sau:"
    items = "".join(f"{label}) {change}\n\n" for label, change in zip(letters.split(), _CHANGES, strict=False))
    text = (f"---\nnumber: 07/RES\ntitle: Test\nregulation: 02-QC/TU-EN\nlanguage: {language}\nstatus: draft\n"
            f"draft: 1\n---\n\n## {head}\n\n{group}\n\n{items}")
    return [p.message for p in read_amendment(text, "amendments/test/amendment.md", "test")[1]
            if "letter it" in p.message]


def test_an_english_amendment_letters_its_instructions_a_to_z() -> None:
    assert _problems("a b c d e f") == []


def test_an_english_amendment_missing_a_letter_is_told_in_english_letters() -> None:
    assert [m.split(": letter it ")[1].split(",")[0] for m in _problems("a b c d f")] == ["e)"]


def test_an_english_amendment_lettering_dd_keeps_the_vietnamese_alphabet_and_writes_dd() -> None:
    assert _problems("a b c d dd e") == []  # a translation of a Vietnamese amending document
    assert [m.split(": letter it ")[1].split(",")[0] for m in _problems("a b c d e dd")] == ["dd)", "e)"]


def test_a_vietnamese_amendment_still_letters_dd_after_d() -> None:
    assert [m.split(": letter it ")[1].split(",")[0] for m in _problems("a b c d e", "vi")] == ["đ)"]


_TEXT = ("---\nid: BL-2024\ntype: Bylaws\ntitle: Bylaws\nlanguage: en\nissuer: International Association\n"
         "signed: 2024-03-15\n---\n\n## Article 1. Definitions\n\n1\\. In these Bylaws:\n\n{points}"
         "## Article 2. Effect\n\nThese Bylaws take effect on adoption.\n")


def test_from_edits_letters_a_group_in_the_english_texts_alphabet() -> None:
    letters = "a b c d e f g h i j".split()
    words = dict(zip("acegi", ["roster", "register", "ledger", "index", "table"], strict=True))
    old = parse(_TEXT.format(points="".join(f"{x}) Item {x} of the list;\n\n" for x in letters)), "old.md")
    new = parse(_TEXT.format(points="".join(f"{x}) Item {x} of the {words.get(x, 'list')};\n\n" for x in letters)),
                "new.md")
    assert old.alphabet == "en"
    text = render_amendment(document(old, instructions_from_edits(old, new).instructions))
    lettered = [line.split(")")[0] for line in text.splitlines() if line.endswith(" is amended to read:")]
    assert lettered == ["a", "b", "c", "d", "e"]  # was a b c d dd
    assert read_amendment(text, "amendments/test/amendment.md", "test")[1] == ()

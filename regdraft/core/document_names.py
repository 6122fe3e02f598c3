"""How a document is named and cited, from its front matter's values: the number it prints (a translation's, its
original's), the document it was issued with, its type (a compound one: `Thông tư liên tịch`) and the rest of its
title; and a document number as a reader compares it (`number_key`: `48/2013/ND-CP` is `48/2013/NĐ-CP`).
Pure: values in, words out. Most of these names are importable from `regdraft.core.frontmatter` too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from regdraft.core.text import nfc

# Cited by their name alone (Nghị định 30/2020/NĐ-CP, Phụ lục I: "đối với Luật và Pháp lệnh chỉ ghi tên loại và tên"):
# `Luật Đấu thầu số 22/2023/QH15`; any other by its type, `Nghị định số 63/2010/NĐ-CP`.
NAMED_ALONE = frozenset({"luật", "bộ luật", "pháp lệnh", "hiến pháp", "law", "code", "ordinance", "constitution"})


def document_number(meta: Mapping[str, Any]) -> str:
    """The number a document prints: its `number`, a translation's original's, else its id.

    A translation's workspace id (`01-QC/TU-EN`) is not a document number.
    """
    return str(meta.get("number") or meta.get("translation_of") or meta.get("id") or "")


def translated_number(number: str, meta: Mapping[str, Any]) -> str:
    """The number of the original a translation's workspace id stands for: `01-QC/TU` for `01-QC/TU-EN` in an
    English document (the id and the language's code); any other number as it is."""
    suffix = "-" + str(meta.get("language") or "vi").upper()
    return number[: -len(suffix)] if suffix != "-VI" and number.upper().endswith(suffix) else number


# `issued_with` as the decision is cited (`Quyết định số 15/2021/QĐ-UBND ngày …`, as `import` reads it from the
# line `(Ban hành kèm theo …)`): its type before `số`/`No.`.
_ISSUED_CITED = re.compile(r"^(.+?)\s+(?:số|No\.)\s*:?\s*\S")


def issued_with(meta: Mapping[str, Any]) -> str:
    """The type of the document a text was issued with (`issued_with: Quyết định`, or the decision as cited:
    `Quyết định số 15/2021/QĐ-UBND ngày … của …`; a UBND's Quy chế làm việc `ban hành kèm theo` it), or ""."""
    value = " ".join(str(meta.get("issued_with") or "").split())
    cited = _ISSUED_CITED.match(value)
    return cited.group(1) if cited else value


def issued_with_cited(meta: Mapping[str, Any]) -> str:
    """The decision as `issued_with` cites it in full (`Quyết định số 15/2021/QĐ-UBND ngày …`), or "" when it gives
    only its type (its number, date and issuer are then the text's own)."""
    value = " ".join(str(meta.get("issued_with") or "").split())
    return value if _ISSUED_CITED.match(value) else ""


def issued_with_name(title: str, decision: str, words: Mapping[str, str]) -> str:
    """A text issued with a decision as it is cited (docs/format.md, `issued_with`): its title, then the decision
    as cited (`decision`: `Quyết định số 15/2021/QĐ-UBND ngày … của …`), never its number after the title's type
    (`Quy chế số 15/2021/QĐ-UBND`): `Quy chế làm việc của … ban hành kèm theo Quyết định số 15/2021/QĐ-UBND …`."""
    return f"{title} {words['issued_with']} {decision}".strip()


# The words that make a type a compound one (`THÔNG TƯ LIÊN TỊCH`, which the importer reads as a `Thông tư` titled
# `Thông tư liên tịch …`): a joint text of any type (Luật Ban hành văn bản quy phạm pháp luật 2015, Điều 4: TTLT,
# NQLT; Party texts: HDLT), and the coordination texts numbered QCPH, CTPH, KHPH.
_COMPOUNDS = (("liên tịch", None), ("phối hợp", frozenset({"quy chế", "chương trình", "kế hoạch"})))


def compound_type(title: str, doc_type: str) -> str:
    """The type a document is named by: `Thông tư liên tịch` for a `Thông tư` whose title opens with it (so a
    `Nghị quyết liên tịch`, a `Quy chế phối hợp`), else `doc_type`. Whole words only, in any case."""
    head = doc_type.strip()
    if not head or not title.lower().startswith(head.lower()):
        return doc_type
    rest = title[len(head):]
    for words, types in _COMPOUNDS:
        if types is not None and head.lower() not in types:
            continue
        if rest[:1].isspace() and rest.lstrip().lower().startswith(words):
            after = rest.lstrip()[len(words):]
            if not after or not after[0].isalnum():
                return title[:len(title) - len(after)].rstrip()
    return doc_type


def type_and_summary(title: str, doc_type: str) -> tuple[str, str]:
    """The document type as the title names it and the rest of the title: `Quy chế` / `sửa đổi, bổ sung …`.

    The type counts only as whole words at the head of the title, in any case: an English plural title keeps
    its plural (`Regulations` / `amending the …`, never `Regulation` / `s amending the …`), and a title that
    does not begin with its type is all summary (`doc_type`, `title`). A compound type is the whole of it
    (`compound_type`): `Thông tư liên tịch` / `hướng dẫn …`, never `Thông tư` / `liên tịch hướng dẫn …`.
    """
    doc_type = compound_type(title, doc_type)
    lowered = title.lower()
    for head in (doc_type, doc_type + "s") if doc_type.strip() else ():
        if lowered.startswith(head.lower()) and (len(title) == len(head) or title[len(head)].isspace()):
            return title[:len(head)] if head != doc_type else doc_type, title[len(head):].strip()
    return doc_type, title


# Đ (and its lookalike Ð) as English texts write it, D: `48/2013/ND-CP` is `48/2013/NĐ-CP`, `QD` is `QĐ`.
_NUMBER_LETTERS = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D", "\u2010": "-", "\u2011": "-", "\u2013": "-"})


def number_key(number: str) -> str:
    """A document number as a reader compares it: Đ read as D, case and spacing ignored, so that `48/2013/ND-CP`
    (as an English translation writes it), `48/2013/NĐ-CP` and ` 48/2013/nđ-cp` are one key."""
    return "".join(nfc(number).translate(_NUMBER_LETTERS).split()).upper()


def numbered_as(number: str, original: str, written: str) -> str:
    """`number` written as a text writes its original's number: with D for Đ when the text writes `original`
    (`63/2010/NĐ-CP`) as `written` (`63/2010/ND-CP`), else as it is."""
    unlettered = number_key(original) == number_key(written) and not any(ch in "Đđ" for ch in written)
    return nfc(number).translate(_NUMBER_LETTERS) if unlettered and any(ch in "Đđ" for ch in nfc(original)) \
        else number

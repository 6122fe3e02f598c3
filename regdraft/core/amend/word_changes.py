"""The grammar of word changes in amending instructions: `Thay thế cụm từ “A” bằng cụm từ “B” tại …`,
`Bỏ cụm từ …`, `Bổ sung cụm từ … vào sau cụm từ …` and their English forms (docs/amendments.md).

`grammar.read_instruction` reads the other forms and hands a verb phrase of words here (`read_words`).
"""

from __future__ import annotations

import re

from regdraft.core.amend.advice import diagnose  # the real cause, and the nearest standard wording
from regdraft.core.amend.operations import Part, ReplaceWords
from regdraft.core.amend.provisions import TITLE, Cited, GrammarError, provisions
from regdraft.core.model import Address, Kind
from regdraft.core.patterns import compiled, lazy

_QUOTE = r"[“\"](?P<{0}>[^“”\"]*)[”\"]"
_WHOLE = {
    "vi": lazy(r"^(?:trong|tại) toàn bộ (?:Quy chế|Quy định|văn bản|Luật|Bộ luật|Pháp lệnh|Nghị định|Thông tư|"
                     r"Nghị quyết|Quyết định)(?: này)?$", re.I),
    "en": lazy(r"^throughout (?:these|this|the) (?:Regulations?|document|Law|Code|Decree|Rules|Ordinance|Circular|"
               r"Resolution|Decision)$", re.I),
}
_PREAMBLE = lazy(
    r"(?:^|\s*(?:,|;|\bvà\b|\band\b)\s*)(?:phần căn cứ(?: ban hành)?|lời nói đầu|phần mở đầu của (?:Quy chế|Quy định|"
    r"Luật|Nghị định|văn bản)(?: này)?|the preamble(?: of (?:these|this) \w+)?)(?=$|\s*(?:,|;|\bvà\b|\band\b))",
    re.I,
)
_MORE = {
    "vi": r"\s*(?:,|;|\bvà\b)\s*(?=(?:(?:các\s+)?(?:cụm từ|từ)\s*)?[“\"])",
    "en": r"\s*(?:,|;|\band\b)\s*(?=(?:(?:the\s+)?(?:words?|phrases?)\s*)?[“\"])",
}

# English word changes in the passive voice, as English amending instruments and `amend from-edits` write them, and
# the active sentence each reads as: `The words “A” are replaced with the words “B” in …`, `The words “A” are
# deleted from …`, `The words “B” are inserted after the words “A” in …`.
_PASSIVE_WORDS = (
    (r"^the\s+(?:words?|phrases?)\s+(?P<a>[“\"][^“”\"]*[”\"])\s+(?:is|are)\s+replaced\s+(?:with|by)\s+"
     r"(?:the\s+(?:words?|phrases?)\s+)?(?P<b>[“\"][^“”\"]*[”\"])\s+(?P<rest>.+)$",
     "Replace the words {a} with the words {b} {rest}"),
    (r"^the\s+(?:words?|phrases?)\s+(?P<a>[“\"][^“”\"]*[”\"])\s+(?:is|are)\s+deleted\s+(?P<rest>(?:from|in)\s.+)$",
     "Delete the words {a} {rest}"),
    (r"^the\s+(?:words?|phrases?)\s+(?P<a>[“\"][^“”\"]*[”\"])\s+(?:is|are)\s+inserted\s+(?P<pos>before|after)\s+"
     r"(?:the\s+(?:words?|phrases?)\s+)?(?P<b>[“\"][^“”\"]*[”\"])\s+(?P<rest>.+)$",
     "Insert the words {a} {pos} the words {b} {rest}"),
)


def read_words(piece: str, context: Address | None, language: str) -> list[Part] | None:
    """`Thay thế cụm từ “A” bằng cụm từ “B”, cụm từ “C” bằng cụm từ “D” tại ...` and the other word forms."""
    q1, q2 = _QUOTE.format("a"), _QUOTE.format("b")
    for passive, active in _PASSIVE_WORDS if language == "en" else ():
        said = compiled(passive, re.I).match(piece)
        if said is not None:
            piece = active.format(**said.groupdict())
            break
    if language == "vi":
        phrase = r"(?:(?:các\s+)?(?:cụm từ|từ ngữ|từ|cụm)\s*)?"
        verb = compiled(r"^(?P<verb>thay thế|thay|sửa đổi|sửa|bỏ|bãi bỏ|xóa|xoá|loại bỏ|bổ sung)\s+"
                        r"(?=(?:các\s+)?(?:cụm từ|từ)\s*[“\"])", re.I).match(piece)
        pair = rf"{phrase}{q1}\s+(?:bằng|thành)\s+{phrase}{q2}"
        single = rf"{phrase}{q1}"
        insert = rf"{phrase}{q1}\s+vào\s+(?P<pos>trước|sau)\s+{phrase}{q2}"
        place = r"(?:tại|ở|trong)\s+"
        delete_verbs: tuple[str, ...] = ("bỏ", "bãi bỏ", "xóa", "xoá", "loại bỏ")
    else:
        phrase = r"(?:the\s+)?(?:(?:words?|phrases?|expressions?|terms?)\s*)?"
        verb = compiled(r"^(?P<verb>replace|substitute|delete|remove|insert|add)\s+"
                        r"(?=the\s+(?:words?|phrases?|expressions?|terms?)\s*[“\"])", re.I).match(piece)
        pair = rf"{phrase}{q1}\s+(?:with|by)\s+{phrase}{q2}"
        single = rf"{phrase}{q1}"
        insert = rf"{phrase}{q1}\s+(?P<pos>before|after)\s+{phrase}{q2}"
        place = r"(?:in|from)\s+"
        delete_verbs = ("delete", "remove")
    if verb is None:
        return None
    name = verb.group("verb").lower()
    form = insert if name in ("bổ sung", "insert", "add") else single if name in delete_verbs else pair
    position = verb.end()
    found: list[tuple[str, str | None, str]] = []
    while True:
        item = compiled(form, re.I).match(piece, position)
        if item is None:
            raise GrammarError(diagnose(piece, language)
                               or f"cannot read the words this instruction changes: '{piece[position:]}'.")
        spot = item.groupdict().get("pos") or ""
        if spot:
            found.append((item.group("b"), item.group("a"), "before" if spot in ("trước", "before") else "after"))
        else:
            found.append((item.group("a"), item.groupdict().get("b"), ""))
        position = item.end()
        more = compiled(_MORE[language], re.I).match(piece, position)
        if more is None:
            break
        position = more.end()
    rest = piece[position:].strip()
    where = compiled(rf"^{place}(?P<where>.+)$", re.I).match(rest)
    if _WHOLE[language].match(rest):
        places: tuple[tuple[Address, ...], tuple[Address, ...], bool] = ((), (), False)
    elif where is not None:
        places = _places(where.group("where"), context, language)
    else:
        example = ("'tại khoản 2 Điều 15', or 'trong toàn bộ Quy chế'" if language == "vi"
                   else "'in clause 2 of Article 15', or 'throughout these Regulations'")
        raise GrammarError(f"say where the words change ({example}).")
    if context is not None and not any(places[:2]) and not places[2]:
        raise GrammarError("a nested instruction cannot change words in the whole regulation.")
    out: list[Part] = []
    for old, new, spot in found:
        old = old.strip()
        if new is not None and new.strip() == old and not spot:
            raise GrammarError(f"replaces “{old}” with the same words.")
        out.append(ReplaceWords(old, new.strip() if new is not None else None, places[0], places[1], places[2], spot))
    return out


def _places(text: str, context: Address | None, language: str) -> tuple[tuple[Address, ...], tuple[Address, ...], bool]:
    """The provisions named after `tại`: whole units, titles only, and whether the preamble is named."""
    preamble = bool(_PREAMBLE.search(text))
    text = _PREAMBLE.sub("", text).strip(" ,;")
    if not text:
        return (), (), preamble
    cited: list[Cited] = provisions(text, context, language)
    units = tuple(c.address for c in cited if c.part != TITLE)
    titles = tuple(c.address for c in cited if c.part == TITLE)
    for address in titles:
        if address.kind not in (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION, Kind.ARTICLE):
            raise GrammarError(f"{address.describe(language)} has no title.")
    return units, titles, preamble

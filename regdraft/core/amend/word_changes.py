"""The grammar of word changes in amending instructions: `Thay thế cụm từ “A” bằng cụm từ “B” tại …` (several paired
in order: `… cụm từ “A”, “C” lần lượt bằng cụm từ “B”, “D” …`, `… bằng cụm từ “B”, “D” tương ứng tại …`),
`Bỏ cụm từ …`, `Bổ sung cụm từ … vào sau cụm từ …` and their English forms (docs/amendments.md).

`grammar.read_instruction` reads the other forms and hands a verb phrase of words here (`read_words`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from regdraft.core.amend.advice import diagnose  # the real cause, and the nearest standard wording
from regdraft.core.amend.operations import Part, ReplaceWords
from regdraft.core.amend.provisions import TITLE, Cited, GrammarError, provisions
from regdraft.core.amend.self_name import TYPES_EN, WHOLE_VI, whole
from regdraft.core.model import HEADING_KINDS, Address
from regdraft.core.patterns import compiled, lazy
from regdraft.core.text import excerpt

# The words a text is named by as a whole: its type's (`self_name.WHOLE_VI`), or `văn bản` with `này`.
_TYPES = "|".join(WHOLE_VI)
_TEXTS = f"{_TYPES}|văn bản"
# Where an English word change names the whole text: `throughout`, `in`, `from`, `wherever they appear in`.
_WHERE_EN = r"(?:throughout|(?:wherever\s+(?:it|they)\s+(?:appears?|occurs?)\s+)?(?:in|from))"
_QUOTE = r"[“\"](?P<{0}>[^“”\"]*)[”\"]"
_Q1, _Q2 = _QUOTE.format("a"), _QUOTE.format("b")
_PREAMBLE = lazy(
    r"(?:^|\s*(?:,|;|\bvà\b|\band\b)\s*)(?:phần căn cứ(?: ban hành)?|lời nói đầu|phần mở đầu của (?:Quy chế|Quy định|"
    r"Luật|Nghị định|văn bản)(?: này)?|the preamble(?: of (?:these|this) \w+)?)(?=$|\s*(?:,|;|\bvà\b|\band\b))",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Forms:
    """How one language writes a word change; `read_words` reads every language through its table.

    `verb` opens the instruction (before the first quoted words); `phrase` is the noun that may stand before
    quoted words (`cụm từ`, `the words`); `by` stands between the old words and the new, `at` between the new
    words and those they go before or after (its group `pos`, `before` naming the first); `place` opens where the
    change is made, `whole` the whole document; `more` joins another pair of words; `passive`, pairs of a passive
    sentence and the active one it reads as.
    """

    verb: str
    phrase: str
    by: str
    at: str
    before: str
    place: str
    more: str
    whole: re.Pattern[str]
    deletes: tuple[str, ...]
    inserts: tuple[str, ...]
    example: str  # where a change is made, as the refusal of an instruction that says nowhere suggests it ({whole})
    passive: tuple[tuple[str, str], ...] = ()

    @property
    def pair(self) -> str:
        """`cụm từ “A” bằng cụm từ “B”`: the words replaced and their replacement."""
        return rf"{self.phrase}{_Q1}\s+{self.by}\s+{self.phrase}{_Q2}"

    @property
    def single(self) -> str:
        """`cụm từ “A”`: the words deleted."""
        return rf"{self.phrase}{_Q1}"

    @property
    def insert(self) -> str:
        """`cụm từ “B” vào sau cụm từ “A”`: the words inserted, and those they go before or after."""
        return rf"{self.phrase}{_Q1}\s+{self.at}\s+{self.phrase}{_Q2}"


_FORMS = {
    "vi": _Forms(
        verb=r"^(?P<verb>thay thế|thay|sửa đổi|sửa|bỏ|bãi bỏ|xóa|xoá|loại bỏ|bổ sung)\s+"
             r"(?=(?:các\s+)?(?:cụm từ|từ)\s*[“\"])",
        phrase=r"(?:(?:các\s+)?(?:cụm từ|từ ngữ|từ|cụm)\s*)?",
        by=r"(?:bằng|thành)",
        at=r"vào\s+(?P<pos>trước|sau)",
        before="trước",
        place=r"(?:tại|ở|trong)\s+",
        more=r"\s*(?:,|;|\bvà\b)\s*(?=(?:(?:các\s+)?(?:cụm từ|từ)\s*)?[“\"])",
        # The whole text as real amending documents name it: `trong toàn bộ Luật (này)`, `tại Luật này`, `ở Nghị định
        # này`, or by its name or number (`trong toàn bộ Luật Thi đua, khen thưởng`, `tại Nghị định số 63/2010/NĐ-CP`:
        # group `named`, checked against the text amended when applied).
        whole=lazy(rf"^(?:trong|tại|ở)\s+(?:toàn bộ\s+(?:{_TEXTS})(?:\s+này)?|(?:{_TEXTS})\s+này"
                   rf"|(?:toàn bộ\s+)?(?P<named>(?:{_TYPES})\s+(?!này\b)\S.*))$", re.I),
        deletes=("bỏ", "bãi bỏ", "xóa", "xoá", "loại bỏ"),
        inserts=("bổ sung",),
        example="'tại khoản 2 Điều 15', or '{whole}'",
    ),
    "en": _Forms(
        verb=r"^(?P<verb>replace|substitute|delete|remove|insert|add)\s+"
             r"(?=the\s+(?:words?|phrases?|expressions?|terms?)\s*[“\"])",
        phrase=r"(?:the\s+)?(?:(?:words?|phrases?|expressions?|terms?)\s*)?",
        by=r"(?:with|by)",
        at=r"(?P<pos>before|after)",
        before="before",
        place=r"(?:in|from)\s+",
        more=r"\s*(?:,|;|\band\b)\s*(?=(?:(?:the\s+)?(?:words?|phrases?)\s*)?[“\"])",
        # `throughout these Staff Rules` (a type of several words, as the text names itself: `self_name`), `in this
        # Law`, `wherever they appear (in this Decree)`, or the text by its name or number (`throughout the Law on
        # Tourism`, `in Decree No. 63/2010/ND-CP`: group `named`, checked against the text amended when applied).
        whole=lazy(rf"^(?:wherever\s+(?:it|they)\s+(?:appears?|occurs?)"
                   rf"|{_WHERE_EN}\s+(?:these|this)\s+(?:[\w-]+\s+){{0,3}}?{TYPES_EN}"
                   rf"|throughout\s+the\s+(?:[\w-]+\s+){{0,3}}?{TYPES_EN}"
                   rf"|{_WHERE_EN}\s+(?:the\s+)?(?P<named>(?-i:(?:[A-Z][\w-]*\s+){{0,3}}?){TYPES_EN}"
                   r"\s+(?:on|of|No\.?|number)\s+\S.*))$", re.I),
        deletes=("delete", "remove"),
        inserts=("insert", "add"),
        example="'in clause 2 of Article 15', or '{whole}'",
        # Word changes in the passive voice, as English amending instruments and `amend from-edits` write them, and
        # the active sentence each reads as: `The words “A” are replaced with the words “B” in …`, `The words “A”
        # are deleted from …`, `The words “B” are inserted after the words “A” in …`.
        passive=(
            (r"^the\s+(?:words?|phrases?)\s+(?P<a>[“\"][^“”\"]*[”\"])\s+(?:is|are)\s+replaced\s+(?:with|by)\s+"
             r"(?:the\s+(?:words?|phrases?)\s+)?(?P<b>[“\"][^“”\"]*[”\"])\s+(?P<rest>.+)$",
             "Replace the words {a} with the words {b} {rest}"),
            (r"^the\s+(?:words?|phrases?)\s+(?P<a>[“\"][^“”\"]*[”\"])\s+(?:is|are)\s+deleted\s+"
             r"(?P<rest>(?:from|in|throughout|wherever)\s.+)$",
             "Delete the words {a} {rest}"),
            (r"^the\s+(?:words?|phrases?)\s+(?P<a>[“\"][^“”\"]*[”\"])\s+(?:is|are)\s+inserted\s+(?P<pos>before|after)"
             r"\s+(?:the\s+(?:words?|phrases?)\s+)?(?P<b>[“\"][^“”\"]*[”\"])\s+(?P<rest>.+)$",
             "Insert the words {a} {pos} the words {b} {rest}"),
        ),
    ),
}


# Several words replaced by as many, paired in order (`lần lượt`, `respectively`): the lists of quoted words, each
# quote after the first joined by `,`, `và`/`and` (`“A”, “C” và “E”`), and the forms naming them, as the pairs they
# mean (`Thay thế cụm từ “A” bằng cụm từ “B”, cụm từ “C” bằng cụm từ “D” …`).
_LIST = (r"[“\"][^“”\"]*[”\"](?:(?:\s*,\s*(?:và\s+|and\s+)?|\s+(?:và|and)\s+)(?:(?:the\s+)?(?:words?|phrases?)\s+"
         r"|(?:cụm\s+)?từ\s+)?[“\"][^“”\"]*[”\"])*")
_NOUN = {"vi": r"(?:(?:các\s+)?(?:cụm từ|từ ngữ|từ)\s*)?", "en": r"(?:the\s+(?:words|phrases|expressions|terms)\s+)?"}
_VERB_VI = r"(?P<verb>thay thế|thay|sửa đổi|sửa)"
# `tương ứng` right after the new words pairs them as `lần lượt` before `bằng` does (`Thay thế cụm từ “A”, “C” bằng
# cụm từ “B”, “D” tương ứng tại …`); after the provisions (`… tại khoản 2 Điều 9 tương ứng`) it may pair the words
# with the provisions: refused (`_LATE`).
_RESPECTIVELY = {
    "vi": (rf"^{_VERB_VI}\s+{_NOUN['vi']}(?P<olds>{_LIST})\s+lần lượt\s+(?:bằng|thành)\s+"
           rf"{_NOUN['vi']}(?P<news>{_LIST})(?:\s+tương ứng)?(?:\s+(?P<rest>.+))?$",
           rf"^{_VERB_VI}\s+{_NOUN['vi']}(?P<olds>{_LIST})\s+(?:bằng|thành)\s+"
           rf"{_NOUN['vi']}(?P<news>{_LIST}),?\s+tương ứng(?:,?\s+(?P<rest>.+))?$"),
    "en": (rf"^(?:the\s+(?:words|phrases|expressions|terms)\s+)?(?P<olds>{_LIST})\s+are\s+replaced\s+(?:with|by)\s+"
           rf"{_NOUN['en']}(?P<news>{_LIST}),?\s+respectively(?:,?\s+(?P<rest>.+))?$",
           rf"^(?:the\s+(?:words|phrases|expressions|terms)\s+)?(?P<olds>{_LIST})\s+(?P<rest>(?:in|from)\s+[^“”\"]+?)\s+"
           rf"are\s+replaced\s+(?:with|by)\s+{_NOUN['en']}(?P<news>{_LIST}),?\s+respectively$",
           rf"^(?:replace|substitute)\s+{_NOUN['en']}(?P<olds>{_LIST})\s+(?:with|by)\s+{_NOUN['en']}(?P<news>{_LIST}),?\s+"
           rf"respectively(?:,?\s+(?P<rest>.+))?$"),
}


_UNPAIRED = (rf"^{_VERB_VI}\s+{_NOUN['vi']}(?P<olds>{_LIST})\s+(?:bằng|thành)\s+{_NOUN['vi']}(?P<news>{_LIST})"
             r"\s+(?P<rest>(?:tại|trong|ở)\s[^“”\"]+?)(?P<late>,?\s+tương ứng)?$")


def _quoted(text: str) -> list[str]:
    return re.findall(r"[“\"][^“”\"]*[”\"]", text)


def _shown(quoted: list[str]) -> str:
    """Quoted words (`_quoted`) as a message lists them, each a bounded excerpt (`core.text.excerpt`)."""
    return ", ".join(excerpt(q[1:-1], q[0], q[-1]) for q in quoted)


def _unpaired(piece: str) -> None:
    """Refuse several words replaced by as many with nothing pairing them in order, or `tương ứng` after the
    provisions (which may pair the words with the provisions), naming the wording regdraft reads."""
    said = compiled(_UNPAIRED, re.I).match(piece)
    if said is None:
        return
    olds, news = _quoted(said.group("olds")), _quoted(said.group("news"))
    if len(olds) < 2 or len(news) < 2:
        return  # several words replaced by one, or one by several: no pairing (left to the forms below)
    verb, rest = said.group("verb"), said.group("rest")
    wording = (f"‘{verb[:1].upper()}{verb[1:]} cụm từ {_shown(olds)} bằng cụm từ {_shown(news)} tương ứng "
               f"{rest}’ (or ‘… lần lượt bằng cụm từ …’)")
    if said.group("late"):
        raise GrammarError(f"cannot read this instruction: “tương ứng” after the provisions ({rest}) may pair the "
                           f"words with the provisions; to pair the words in order write it after the new words: "
                           f"{wording}.")
    raise GrammarError(f"cannot read this instruction: it replaces {len(olds)} words ({_shown(olds)}) with "
                       f"{len(news)} ({_shown(news)}) with nothing saying how they pair; to pair them in order "
                       f"write {wording}.")


def _paired(piece: str, language: str) -> str:
    """`piece` replacing several words by as many in order (`Thay thế cụm từ “A”, “C” lần lượt bằng cụm từ “B”,
    “D” tại …`, `… bằng cụm từ “B”, “D” tương ứng tại …`, `The words “A” and “C” are replaced with “B” and “D”
    respectively in …`) written as the pairs it means (`Thay thế cụm từ “A” bằng cụm từ “B”, cụm từ “C” bằng cụm từ
    “D” tại …`); any other piece as it is."""
    for pattern in _RESPECTIVELY[language]:
        said = compiled(pattern, re.I).match(piece)
        if said is None:
            continue
        olds, news = _quoted(said.group("olds")), _quoted(said.group("news"))
        if len(olds) != len(news):
            word = ("lần lượt" if re.search(r"\blần lượt\s+(?:bằng|thành)\b", said.group(0), re.I) else "tương ứng") \
                if language == "vi" else "respectively"
            raise GrammarError(f"cannot read this instruction: it replaces {len(olds)} words ({_shown(olds)}) "
                               f"with {len(news)} ({_shown(news)}), but “{word}” pairs them in order: name as "
                               f"many of each.")
        if language == "vi":
            pairs = ", ".join(f"cụm từ {a} bằng cụm từ {b}" for a, b in zip(olds, news, strict=True))
            return f"{said.group('verb')} {pairs} {said.group('rest') or ''}".strip()
        pairs = ", ".join(f"{a} with {b}" for a, b in zip(olds, news, strict=True))
        return f"Replace the words {pairs} {said.group('rest') or ''}".strip()
    if language == "vi":
        _unpaired(piece)
    return piece


def read_words(piece: str, context: Address | None, language: str) -> list[Part] | None:
    """`Thay thế cụm từ “A” bằng cụm từ “B”, cụm từ “C” bằng cụm từ “D” tại ...` and the other word forms."""
    forms = _FORMS[language]
    piece = _paired(piece, language)
    for passive, active in forms.passive:
        said = compiled(passive, re.I).match(piece)
        if said is not None:
            piece = active.format(**said.groupdict())
            break
    verb = compiled(forms.verb, re.I).match(piece)
    if verb is None:
        return None
    name = verb.group("verb").lower()
    form = forms.insert if name in forms.inserts else forms.single if name in forms.deletes else forms.pair
    position = verb.end()
    found: list[tuple[str, str | None, str]] = []
    while True:
        item = compiled(form, re.I).match(piece, position)
        if item is None:
            raise GrammarError(diagnose(piece, language)
                               or f"cannot read the words this instruction changes: '{piece[position:]}'.")
        spot = item.groupdict().get("pos") or ""
        if spot:
            found.append((item.group("b"), item.group("a"), "before" if spot == forms.before else "after"))
        else:
            found.append((item.group("a"), item.groupdict().get("b"), ""))
        position = item.end()
        more = compiled(forms.more, re.I).match(piece, position)
        if more is None:
            break
        position = more.end()
    rest = piece[position:].strip()
    where = compiled(rf"^{forms.place}(?P<where>.+)$", re.I).match(rest)
    document = ""
    if entire := forms.whole.match(rest):
        places: tuple[tuple[Address, ...], tuple[Address, ...], bool, bool] = ((), (), False, False)
        document = " ".join((entire.groupdict().get("named") or "").split()).rstrip(" .;")
    elif where is not None:
        places = _places(where.group("where"), context, language)
    else:
        raise GrammarError(f"say where the words change ({forms.example.format(whole=whole(language))}).")
    if context is not None and not any(places[:2]) and not places[2]:
        raise GrammarError("a nested instruction cannot change words in the whole regulation.")
    out: list[Part] = []
    for old, new, spot in found:
        old = old.strip()
        if new is not None and new.strip() == old and not spot:
            raise GrammarError(f"replaces {excerpt(old)} with the same words.")
        out.append(ReplaceWords(old, new.strip() if new is not None else None, places[0], places[1], places[2], spot,
                                titles_first=places[3], document=document))
    return out


def _places(text: str, context: Address | None,
            language: str) -> tuple[tuple[Address, ...], tuple[Address, ...], bool, bool]:
    """The provisions named after `tại`: whole units, titles only, whether the preamble is named, and whether a
    title is named first (`tại tên Điều 3, điểm a khoản 7 Điều 3`)."""
    preamble = bool(_PREAMBLE.search(text))
    text = _PREAMBLE.sub("", text).strip(" ,;")
    if not text:
        return (), (), preamble, False
    cited: list[Cited] = provisions(text, context, language)
    units = tuple(c.address for c in cited if c.part != TITLE)
    titles = tuple(c.address for c in cited if c.part == TITLE)
    for address in titles:
        if address.kind not in HEADING_KINDS:
            raise GrammarError(f"{address.describe(language)} has no title.")
    return units, titles, preamble, bool(cited) and cited[0].part == TITLE

"""Why an instruction sentence cannot be read, and the standard wording closest to it.

`diagnose(sentence, language)` is called only for a sentence no documented form matched. It
names the real cause where one can be seen (a quotation mark left open, new text announced
without ':', a repeal ending in ':') and, when the sentence is close to a standard form,
quotes that form with the sentence's own provisions and phrases filled in.

Post-conditions:
1. The message is one sentence fragment, starting in lower case, that never claims a problem
   the sentence does not have (no "must end with ':'" for a sentence ending with ':').
2. A suggestion is only made when the sentence, with its provisions and quoted phrases set
   aside, is at least `CLOSE` similar (`align.similarity`) to a standard form; it reuses them verbatim,
   every one of them, each in the place the sentence gives it (a suggestion never drops a change nor
   inserts what the sentence amends).
3. Inside `checked(reads)`, a suggestion is only made when `reads` accepts it: the nearest form that regdraft
   reads, never one it refuses in turn (`Add Article 12a to Article 12:`, which cannot add an article to one).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from regdraft.core.align import similarity
from regdraft.core.amend.nested_quotes import hidden, shown
from regdraft.core.amend.self_name import WHOLE_VI, whole
from regdraft.core.patterns import lazy

CLOSE = 0.65

_CITE_VI = lazy(
    r"(?:(?:(?:đoạn|phần)\s+(?:mở\s+đầu|cuối|kết)\s+)?"
    r"(?:(?:ý|dấu\s+cộng)\s+thứ\s+[^\s,;:.]+\s+)?(?:(?:dấu\s+)?gạch\s+đầu\s+dòng\s+thứ\s+[^\s,;:.]+\s+)?"
    r"(?:các\s+)?(?:điểm|khoản|điều|chương|(?:tiểu\s+)?mục|phần)\s+[^\s,;:.]+"
    r"(?:(?:\s*,\s*|\s+và\s+|\s+)(?:(?:điểm|khoản|điều|chương|mục|phần)\s+)?[0-9IVXLC]+[a-zđ]?\d*(?=[\s,;:.]|$))*"
    r"(?:\s+(?:của\s+)?(?:điểm|khoản|điều|chương|(?:tiểu\s+)?mục|phần)\s+[^\s,;:.]+)*)",
    re.IGNORECASE,
)
_CITE_EN = lazy(
    r"(?:(?:(?:the\s+)?(?:lead-in|closing\s+text)\s+of\s+)?"
    r"(?:(?:the\s+)?\w+\s+(?:plus|sub-?)\s*item\s+of\s+)?(?:(?:the\s+)?\w+\s+dash\s+item\s+of\s+)?(?:points?|clauses?|articles?|chapters?|sections?|parts?)\s+[^\s,;:.]+"
    r"(?:(?:,\s*|\s+of\s+|\s+)(?:(?:points?|clauses?|articles?|chapters?|sections?|parts?)\s+)[^\s,;:.]+)*)",
    re.IGNORECASE,
)
_QUOTED = lazy(r"[“\"][^“”\"]*[”\"]")

_FORMS = {
    "vi": (
        "Sửa đổi, bổ sung {cite} như sau:",
        "Sửa đổi tên {cite} như sau:",
        "Bổ sung {new} vào sau {cite} như sau:",
        "Bổ sung {new} vào {cite} như sau:",
        "Bổ sung {new} vào đầu {cite} như sau:",
        "Bãi bỏ {cite}.",
        "Thay thế cụm từ {q1} bằng cụm từ {q2} tại {cite}.",
        "Thay thế cụm từ {q1} bằng cụm từ {q2} {whole}.",  # `self_name.whole`: the text as it names itself
        "Bổ sung cụm từ {q1} vào sau cụm từ {q2} tại {cite}.",
        "Bổ sung cụm từ {q1} vào trước cụm từ {q2} tại {cite}.",
        "Bỏ cụm từ {q1} tại {cite}.",
    ),
    "en": (
        "{Cite} is amended to read:",
        "The title of {cite} is amended to read:",
        "Insert {new} after {cite}:",
        "Add {new} to {cite}:",
        "Insert {new} at the beginning of {cite}:",
        "Repeal {cite}.",
        'Replace the words {q1} with {q2} in {cite}.',
        "The words {q1} are inserted after the words {q2} in {cite}.",
        "Delete the words {q1} in {cite}.",
    ),
}
_TAKES_TEXT = {"vi": ("sửa đổi", "bổ sung"), "en": ("insert", "add ")}
_TAKES_TEXT_EN_END = lazy(r"\b(?:is|are) amended (?:to read|as follows)\b", re.IGNORECASE)
_NO_TEXT = {"vi": ("bãi bỏ", "thay thế", "thay ", "bỏ cụm", "bỏ từ"), "en": ("repeal", "replace", "delete")}
# Words added next to a phrase take no text below them either (`Bổ sung cụm từ “A” vào sau cụm từ “B” …`): they end
# with '.', and "end it with như sau:" is not their cause (r27 sweep V, defect 3).
_ADDS_WORDS = {"vi": lazy(r"^bổ sung (?:thêm )?(?:cụm )?từ\s*“", re.IGNORECASE),
               "en": lazy(r"^(?:insert|add) (?:the )?(?:words?|phrase)\s*[“\"]|^the words? [“\"].*\bare inserted\b",
                          re.IGNORECASE)}


# An appendix replaced by one issued with the amending document (`Thay thế Phụ lục II ban hành kèm theo Nghị định số
# … bằng Phụ lục II ban hành kèm theo Nghị định này.`), which the document does not quote: group `cite`, the appendix.
_SWAPPED = {"vi": lazy(r"^thay(?: thế)?\s+(?P<cite>phụ lục\s+\S+?)\b.*\bbằng\s+(?:các\s+)?phụ lục\b", re.I),
            "en": lazy(r"^(?:replace|substitute)\s+(?P<cite>(?:appendix|annex|schedule)\s+\S+?)\b.*\b(?:with|by)\s+"
                       r"(?:the\s+|a\s+new\s+)?(?:appendix|annex|schedule)\b", re.I)}


def diagnose(sentence: str, language: str) -> str:
    """The reason `sentence` is not an instruction regdraft reads, with the nearest standard wording."""
    lang = "en" if language == "en" else "vi"
    text = " ".join(sentence.split())
    lowered = text.lower()
    if (swapped := _SWAPPED[lang].match(text)) is not None:
        cite = swapped.group("cite")
        cite = cite[:1].upper() + cite[1:]
        wording = (f"Sửa đổi, bổ sung {cite} như sau:" if lang == "vi" else f"{cite} is amended to read:")
        return (f"cannot read this instruction: it replaces {cite} with an appendix it does not quote (one issued "
                f"with the amending document is not part of its instructions); write '{wording}' and quote the new "
                f"appendix below it, from its heading (“{cite}. …”) to the end of its text.")
    opens, closes = text.count("“"), text.count("”")
    if opens != closes or text.count('"') % 2:
        return ("cannot read this instruction: a quotation mark is not closed "
                f"({opens + text.count(chr(34))} opening, {closes} closing); close the quoted phrase with ”.")
    takes_text = lowered.startswith(_TAKES_TEXT[lang]) or (lang == "en" and bool(_TAKES_TEXT_EN_END.search(text)))
    no_text = lowered.startswith(_NO_TEXT[lang]) or bool(_ADDS_WORDS[lang].search(text))
    cause = ""
    if takes_text and not no_text and not text.endswith(":"):
        ending = f"ends with '{text[-1]}'" if text and not text[-1].isalnum() else "has no closing punctuation"
        cause = (f"it announces new text but {ending}; end it with "
                 f"{'“như sau:”' if lang == 'vi' else '“:”'} and put the new text in quotes below it")
    elif no_text and text.endswith(":"):
        cause = "a repeal or a change of words takes no quoted text, so it ends with '.' (or ';'), not ':'"
    elif no_text and not text.endswith((".", ";")):
        cause = "it must end with '.' or ';'"
    suggestion = nearest(text, lang)
    if cause and suggestion:
        return f"cannot read this instruction: {cause}; the standard wording is '{suggestion}'."
    if cause:
        return f"cannot read this instruction: {cause}."
    if suggestion:
        return f"cannot read this instruction as written; the closest standard wording is '{suggestion}'."
    return ""


# What reads a suggestion back (`checked`), and whether one is being read back (its own advice is never shown).
_READS: ContextVar[Callable[[str], bool] | None] = ContextVar("reads", default=None)
_CHECKING: ContextVar[bool] = ContextVar("checking", default=False)


@contextmanager
def checked(reads: Callable[[str], bool]) -> Iterator[None]:
    """Suggest, while inside, only wordings `reads` accepts (post-condition 3)."""
    token = _READS.set(reads)
    try:
        yield
    finally:
        _READS.reset(token)


def _accepted(suggestion: str) -> bool:
    reads = _READS.get()
    if reads is None:
        return True
    token = _CHECKING.set(True)
    try:
        return reads(suggestion)
    finally:
        _CHECKING.reset(token)


def nearest(text: str, language: str) -> str:
    """The standard form closest to `text`, filled with its own provisions and phrases; '' when none is close."""
    if _CHECKING.get():
        return ""  # a suggestion being read back: its own advice is never shown
    cite = _CITE_EN if language == "en" else _CITE_VI
    # Quotes inside quoted words are read as one phrase (`“ (gọi tắt là “Điều lệ”)”`), never as the inner pair alone.
    original, text = text, _mended(hidden(text), language)
    quotes = _QUOTED.findall(text)
    without_quotes = _QUOTED.sub("“Q”", text)
    cites = [m.group(0).strip() for m in cite.finditer(without_quotes)]
    shape = cite.sub("X", without_quotes)
    scored: list[tuple[float, int, str]] = []
    titled = any(word in text.lower() for word in ("tên", "tiêu đề", "title", "heading"))
    for order, form in enumerate(_FORMS[language]):
        form = form.replace("{whole}", whole(language))
        if ("tên" in form or "title" in form) and not titled:
            continue  # only headings are renamed: never suggest it for a sentence that names no title
        template = (form.replace("{cite}", "X").replace("{Cite}", "X").replace("{new}", "X")
                    .replace("{q1}", "“Q”").replace("{q2}", "“Q”"))
        scored.append((similarity(shape, template), -order, form))
    if not cites:
        return ""
    for rank, (score, _, form) in enumerate(sorted(scored, reverse=True)):
        if score < CLOSE:
            break
        filled = _filled(form, shape, cites, quotes)
        filled = None if filled is None else shown(filled)
        if filled is None or filled == original:
            if rank == 0:
                return ""  # the closest form cannot say what the sentence says: no other is offered instead
            continue
        if _accepted(filled):
            return filled
    return ""


_SLOT = lazy(r"\{(?:new|cite|Cite|q1|q2)\}")
_TOKENS = lazy(r"X|“Q”|\w+|[^\w\s]")


def _filled(form: str, shape: str, cites: list[str], quotes: list[str]) -> str | None:
    """`form` with each provision and phrase of the sentence in the place it has there; None when one of them
    would be left out or a place of the form has none (a suggestion must say what the sentence says: never
    `Bổ sung khoản 3 vào sau khoản 4a` for a sentence that inserts khoản 4a after khoản 4)."""
    import difflib  # only for a sentence that cannot be read

    slots = _SLOT.findall(form)
    template = _SLOT.sub(lambda m: "“Q”" if m.group(0) in ("{q1}", "{q2}") else "X", form)
    ours = [t if t in ("X", "“Q”") else t.lower() for t in _TOKENS.findall(template)]
    theirs = [t if t in ("X", "“Q”") else t.lower() for t in _TOKENS.findall(shape)]
    # The places of the form, and the sentence's provisions and phrases, by token position.
    places = [i for i, t in enumerate(ours) if t in ("X", "“Q”")]
    values = {i: k for k, i in enumerate(j for j, t in enumerate(theirs) if t == "X")}
    phrases = {i: k for k, i in enumerate(j for j, t in enumerate(theirs) if t == "“Q”")}
    aligned: dict[int, int] = {}
    for block in difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_matching_blocks():
        for offset in range(block.size):
            aligned[block.a + offset] = block.b + offset
    if any(p not in aligned for p in places):
        return None
    if any(t[:1].isdigit() for t in theirs):
        return None  # a number outside every provision read (`Subsection 1 of X`): its unit would be dropped
    used = [aligned[p] for p in places]
    if sorted(used) != sorted([*values, *phrases]):
        return None  # a provision or phrase of the sentence would be dropped
    out = form
    for slot, at in zip(slots, used, strict=True):
        value = cites[values[at]] if at in values else quotes[phrases[at]]
        out = out.replace(slot, value[:1].upper() + value[1:] if slot == "{Cite}" else value, 1)
    return out


_NOUNS = {"vi": ("Điều", "khoản", "điểm", "Chương", "Mục", "Phần"),
          "en": ("Article", "clause", "point", "Chapter", "Section", "Part")}
_NUMBERED = lazy(r"(?<![\w“])(\w+)(?=\s+(?:\d+\w*|[IVXLCDM]+)\b)")
# The name English instruments give a numbered unit of an article (`Paragraph 1 of Article 3`), as regdraft names it.
_SYNONYMS = {"en": {"paragraph": "clause"}, "vi": {}}


def _mended(text: str, language: str) -> str:
    """`text` with a misspelt or miscapitalised provision noun before a number put right (`khoản 2 Điềeu 5`,
    `khoản 2 điều 5` → `khoản 2 Điều 5`), so a suggestion keeps the provision instead of dropping what it could not
    read, in the standard wording; an English `Paragraph 1` is `clause 1` (`_SYNONYMS`). Quoted words are left as
    they are."""
    import difflib

    lang = "en" if language == "en" else "vi"
    nouns = _NOUNS[lang]
    by_lower = {n.lower(): n for n in nouns}
    nouns_lower = list(by_lower)
    by_lower.update(_SYNONYMS[lang])

    def mend(match: re.Match[str]) -> str:
        word = match.group(1)
        if word.lower() == "mục" and match.string[:match.start()].lower().endswith("tiểu "):
            return word  # `Tiểu mục 2`: a sub-section, not `Tiểu Mục`
        if word.lower() in by_lower:
            return by_lower[word.lower()]  # `điều 9` is written `Điều 9`, `Khoản 2` `khoản 2`
        if not word[:1].isalpha():
            return word
        close = difflib.get_close_matches(word.lower(), nouns_lower, n=1, cutoff=0.75)
        return by_lower[close[0]] if close else word  # as instructions write it: `Điều`, `khoản`

    out, at = [], 0
    for quoted in _QUOTED.finditer(text):
        out += [_NUMBERED.sub(mend, text[at:quoted.start()]), quoted.group(0)]
        at = quoted.end()
    return "".join([*out, _NUMBERED.sub(mend, text[at:])])


# A phrase changed by a words instruction, written without its quotation marks (`cụm từ Bộ Nội vụ bằng ...`): what
# opens it, and what ends it (the earliest: the second phrase, the place, the sentence's end).
_PHRASE = {
    "vi": (lazy(r"(?:^(?:thay thế|thay|sửa đổi|sửa|bỏ|bãi bỏ|xóa|xoá|loại bỏ)\s+|\s(?:bằng|thành)\s+)"
                # not `Bãi bỏ từ khoản 2 đến khoản 5`, where `từ` is "from"
                r"(?:các\s+)?(?:cụm từ|từ ngữ|từ)\s+(?!(?:các\s+)?(?:điểm|khoản|điều|chương|mục|phần)\s+\S+)",
                re.IGNORECASE),
           lazy(r"\s+(?:bằng|thành)\s+(?=(?:các\s+)?(?:cụm từ|từ ngữ|từ)\s|[“\"])"
                r"|\s+(?:tại|ở|trong)\s+(?=(?:các\s+)?(?:điểm|khoản|điều|chương|mục|phần|tên|đoạn|toàn bộ)\b)"
                # the whole text at the sentence's end (`tại Luật này.`), not `… quy định tại Luật này bằng …`
                rf"|\s+(?:tại|ở|trong)\s+(?=(?:{'|'.join(WHOLE_VI)}|văn bản)\s+này[.;:]?$)"
                r"|\s+vào\s+(?:trước|sau)\s|[.;:]?$", re.IGNORECASE)),
    "en": (lazy(r"(?:^(?:replace|substitute|delete|remove)\s+|\s(?:with|by)\s+)(?:the\s+)?(?:words?|phrases?)\s+",
                re.IGNORECASE),
           lazy(r"\s+(?:with|by)\s+(?=(?:the\s+)?(?:words?|phrases?)\s|[“\"])"
                r"|\s+(?:in|from|throughout)\s+(?=(?:the\s+)?(?:points?|clauses?|articles?|chapters?|sections?|parts?"
                r"|title|lead-in|closing|these|this|whole)\b)|[.;:]?$", re.IGNORECASE)),
}
_BETWEEN = lazy(r"\s(?:bằng|with)\s", re.IGNORECASE)  # between two phrases both left bare (`bằng Bộ Dân tộc`)


def unquoted_phrase(sentence: str, language: str) -> str:
    """Why a words instruction cannot be read when a phrase it changes lacks its quotation marks, with the
    sentence as it reads with them; '' when every phrase is quoted (or it changes no words)."""
    lang = "en" if language == "en" else "vi"
    text = " ".join(sentence.split())
    start, end = _PHRASE[lang]
    bare: list[tuple[int, int]] = []
    for lead in start.finditer(text):
        at = lead.end()
        if text[at:at + 1] in ("“", '"'):
            continue
        stop = end.search(text, at)
        if stop is None or stop.start() == at:
            return ""
        between = list(_BETWEEN.finditer(text, at, stop.start()))
        if len(between) > 1:
            return ""  # where each phrase ends cannot be seen: say nothing rather than guess
        if between:
            bare += [(at, between[0].start()), (between[0].end(), stop.start())]
        else:
            bare.append((at, stop.start()))
    if not bare:
        return ""
    quoted, previous = [], 0
    for begin, finish in bare:
        quoted += [text[previous:begin], f"“{text[begin:finish]}”"]
        previous = finish
    fixed = "".join([*quoted, text[previous:]])
    names = " and ".join(f"'{text[b:f]}'" for b, f in bare)
    marks = "“…”" if lang == "vi" else "“…” (or \"…\")"
    return (f"cannot read this instruction: the {'phrases' if len(bare) > 1 else 'phrase'} {names} "
            f"{'need' if len(bare) > 1 else 'needs'} to be in quotation marks {marks}: '{fixed}'.")


def as_written(text: str, language: str, reads: Callable[[str], bool]) -> str:
    """Why `text` cannot be read when it is the standard wording closest to it but for punctuation (a comma left
    out: `Sửa đổi bổ sung khoản 2 Điều 5 như sau:`) and that wording `reads`; '' otherwise."""
    suggestion = nearest(text, language)
    letters = [re.sub(r"[\W_]+", "", s).casefold() for s in (text, suggestion)]
    if not suggestion or letters[0] != letters[1] or not reads(suggestion):
        return ""
    return f"cannot read this instruction as written; the closest standard wording is '{suggestion}'."


def with_suggestion(message: str, text: str, language: str) -> str:
    """`message` about an instruction that matched a form but not fully, with the nearest standard wording."""
    suggestion = nearest(" ".join(text.split()), "en" if language == "en" else "vi")
    if not suggestion or suggestion in message:
        return message
    return f"{message.rstrip('.')}; the standard wording is '{suggestion}'."


# The accepted English wordings for each kind of change, for a sentence no form reads (r26 sweep O defect 2): the kind
# is told by the sentence's verb, whether it quotes words (True: a kind only such a sentence makes) and whether it
# names a title. Each is one search, in time in proportion to the sentence.
_KIND_EN = (
    ("rename a title", False, lazy(r"\b(?:title|heading)\b", re.I),
     ("The title of Article 6 is amended to read:", "The title of Article 6 is replaced by the following:")),
    ("insert words", True, lazy(r"\b(?:insert|add)", re.I),
     ("The words “B” are inserted after the words “A” in clause 1 of Article 5.",
      "In clause 1 of Article 5, after the words “A” insert “B”.")),
    ("delete words", True, lazy(r"\b(?:delet|omit|remov|repeal)", re.I),
     ("The words “A” are deleted from clause 1 of Article 5.", "Delete the words “A” in clause 1 of Article 5.")),
    ("replace words", True, lazy(r""),
     ("In clause 1 of Article 5, the words “A” are replaced by the words “B”.",
      "The words “A” are replaced with the words “B” {whole}.")),
    ("repeal a provision", False, lazy(r"\b(?:repeal|revok|rescind|delet|omit|annul|abolish|remov)", re.I),
     ("Article 6 is repealed.", "Point c of clause 2 of Article 5 is deleted.")),
    ("insert a provision", False, lazy(r"\b(?:insert|add|new)", re.I),
     ("The following clause 3 is added to Article 3:", "Article 5a is inserted after Article 5:")),
    ("replace a provision", False, lazy(r"\b(?:replac|substitut|amend|read|chang)", re.I),
     ("Clause 1 of Article 3 is replaced by the following:", "Clause 1 of Article 3 is amended to read:")),
)
_NEW_UNIT_EN = {"article": ("“Article 5a. Title …”", "The following Article 5a is inserted after Article 5:"),
                "point": ("“b1) …”", "In clause 2 of Article 5, the following point b1 is inserted after point b:"),
                "provision": ("“Article 5a. Title …”", "After Article 5, insert Article 5a:")}
_TITLE_EN = lazy(r"^the\s+(?:title|heading)\s+of\s+(?P<cite>[^“”\"]+?)\s+(?:is|are|shall\s+be)\s+"
                 r"(?:replaced|substituted|amended|changed)"
                 r"\s+(?:by|with|to|to\s+read)\s*:?\s*(?P<title>[“\"][^“”\"]*[”\"])\s*[.;]?$", re.I)


def english_kind(text: str) -> str:
    """The accepted English wordings for the kind of change `text` makes, as advice for a sentence no form reads
    (`to repeal a provision, write it like 'Article 6 is repealed.' or …`); '' when its kind cannot be told."""
    title = _TITLE_EN.match(text)
    if title is not None:  # `The title of Article 6 is replaced by “…”.`: the new title is quoted on its own line
        return (f"the new title goes in quotes on its own line: write 'The title of {title.group('cite')} is amended "
                f"to read:' followed by the line {title.group('title')}")
    quoted = any(mark in text for mark in "“”\"")
    for what, words, verb, (first, second) in _KIND_EN:
        if (quoted or not words) and verb.search(text):
            return f"to {what}, write it like '{first}' or '{second.replace('{whole}', whole('en'))}'"
    return ""


def new_unit_number(noun: str) -> str:
    """Why an English sentence announcing a new `noun` without its number (`The following clause is added to Article
    3:`) cannot be read: the quoted text below it does not open with the number either."""
    opens, form = _NEW_UNIT_EN.get(noun, ("“3. …”", "The following clause 3 is added to Article 3:"))
    return (f"cannot read this instruction: it does not say the number of the new {noun}, and the quoted text below it "
            f"does not open with one; begin the quoted text with it ({opens}) or name it: '{form}'.")

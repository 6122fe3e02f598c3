"""When an amending document says it takes effect: its entry-into-force article, read.

`entry_into_force(amendment)` finds the sentence of the document's own articles (after Điều 1)
that says when it takes effect ("Quy chế này có hiệu lực kể từ ngày ký.") and reads it as a
rule; `EntryIntoForce.date(signed)` gives the date the rule names. Adoption compares the
effective date given with it (`regdraft.workspace.gates`).

Post-conditions:
1. `entry_into_force` returns None only when no article after Điều 1 speaks of taking effect.
2. `EntryIntoForce.date(signed)` is None when the sentence names no date regdraft can read
   (the caller then refuses and quotes the article); otherwise the date the sentence names:
   the signing date for "kể từ ngày ký", N days after it for "sau N ngày kể từ ngày ký" (None past year 9999), the date
   written for "kể từ ngày 01/4/2025" or "từ ngày 01 tháng 4 năm 2025". A sentence going on to give some
   provisions a date of their own ("…kể từ ngày ký, riêng quy định tại khoản 6 Điều 1 có hiệu lực … 2027") is read
   by its first clause (`clauses`); the others are `core.amend.staged`'s.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from regdraft.core.amend.document import Amendment, DocumentArticle
from regdraft.core.dates import ENGLISH_DATE, english_date
from regdraft.core.model import Kind, noun
from regdraft.core.patterns import Ahead, lazy
from regdraft.core.refs.citations import THIS, chains, grammar, read_phrase

_SPEAKS = lazy(r"có hiệu lực|hiệu lực thi hành|take[s]? effect|enters? into force|come[s]? into force", re.I)
STATES = lazy(r"có hiệu lực(?: thi hành)?,? (?:kể )?(?:từ|sau)|take[s]? effect (?:on|from|\d)|"
                     r"(?:enters?|comes?) into force (?:on|from|\d)", re.I)
_TITLE = lazy(r"hiệu lực|thi hành|effect|force", re.I)
_SIGNING = lazy(r"(?:kể từ|từ) ngày ký|(?:on|from) the (?:date|day) (?:of )?(?:its )?sign", re.I)
_AFTER = lazy(r"sau (\d+) ngày(?:,)? kể từ ngày ký|(\d+) days after (?:the date of )?(?:its )?sign", re.I)
_NUMERIC = lazy(r"(?:kể từ|từ) ngày (\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", re.I)
_WORDS = lazy(r"(?:kể từ|từ) ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", re.I)
_ISO = lazy(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# `on 1 July 2014`, `from July 1, 2014`, `as of 01/07/2014` (the day first, as the Vietnamese text writes it).
_ENGLISH = lazy(r"\b(?:on|from|as of|as from) (?:the )?" + ENGLISH_DATE, re.I)


# Where one sentence goes on to give some provisions a date of their own: `…kể từ ngày ký, riêng quy định tại khoản 6
# Điều 1 có hiệu lực …`, `…, trừ …`, `…; quy định tại … có hiệu lực …`, `…, except clause 6 of Article 1, which …`;
# any `;` (`Khoản 1 Điều 1 … có hiệu lực … 2026; khoản 2 Điều 1 có hiệu lực … 2026.`); a `,` or `và` before a
# provision (`…từ ngày 01 tháng 7 năm 2025, khoản 3 Điều 1 có hiệu lực …`).
_PROVISION = r"(?:các\s+)?(?:khoản|điểm|điều|mục|chương|clauses?|points?|articles?)\s"
_BESIDES = lazy(r"[,;]\s+(?=(?:riêng|trừ|ngoại trừ|except|save|but)\b|(?:các\s+)?(?:quy định|provisions?)\s)"
                      rf"|;\s+|(?:,\s+|\s+(?:và|and)\s+)(?={_PROVISION})", re.I)


def sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph: it is cut after a `.` or `;` followed by a capital, a digit or a quotation
    mark; `…; khoản 2 Điều 1 có hiệu lực …` goes on the same sentence (`clauses` reads its parts)."""
    out: list[str] = []
    start = 0
    for found in re.finditer(r"(?<=[.;])\s+(?=\S)", paragraph):
        following = paragraph[found.end()]
        if following.isupper() or following.isdigit() or following in "“\"":
            out.append(paragraph[start:found.start()])
            start = found.end()
    return [s.strip() for s in (*out, paragraph[start:]) if s.strip()]


def clauses(sentence: str) -> list[str]:
    """The parts of a sentence that each state when something takes effect: `Quy chế này có hiệu lực kể từ ngày ký,
    riêng quy định tại khoản 6 Điều 1 có hiệu lực … năm 2027.` is two, the document's date first; `Khoản 1 Điều 1 …
    có hiệu lực … 2026; khoản 2 Điều 1 có hiệu lực … 2026.` is two; a sentence stating one date (`Quy định tại điểm a
    khoản 19 Điều 1; khoản 3 Điều 2 … có hiệu lực …`) is one. A part is cut off only where what comes before it
    (from the last cut) and what follows it each state or name a date."""
    return list(_clauses(sentence))


# What states or names a date: `STATES` and each pattern `_dates` reads (it names one when any of them matches).
_DATED = (STATES, _AFTER, _NUMERIC, _WORDS, _ISO, _ENGLISH, _SIGNING)


# Read once per sentence: `amend check` asks for a closing sentence's clauses about sixteen times (`staged._read`, and
# `entry_into_force`'s order, for each of its callers); the memo is keyed by the sentence's text (only sentences stating
# a date are split: a document has a few, 1,500 in the sweep's).
@functools.lru_cache(maxsize=4096)
def _clauses(sentence: str) -> tuple[str, ...]:
    # In one pass: for each pattern, the leftmost match from the last cut on and from the separator's end on, each
    # searched again only once the separators have passed it (`Ahead`), so the text is scanned about once however
    # many separators (`, quy định x` × 4,000 rescanned the rest of the sentence for each: quadratic).
    out: list[str] = []
    start = 0
    before, after = [Ahead(p, sentence) for p in _DATED], [Ahead(p, sentence) for p in _DATED]
    for found in _BESIDES.finditer(sentence):
        if not any(a.at(found.end()) for a in after):
            break  # nothing after states a date: no separator left can cut
        if any(b.within(start, found.start()) for b in before):
            out.append(sentence[start:found.start()].strip())
            start = found.end()
    return (*out, sentence[start:].strip())


def _dates(text: str, signed: dt.date) -> list[dt.date | None]:
    """Every date a text names, in order (None for one written that is no day: `ngày 31 tháng 02`), each written
    date once: `sau 45 ngày kể từ ngày ký` is one, not also the signing date."""
    found: list[tuple[int, dt.date | None]] = []
    taken: list[tuple[int, int]] = []

    def free(match: re.Match[str]) -> bool:
        if any(a < match.end() and match.start() < b for a, b in taken):
            return False
        taken.append(match.span())
        return True

    for after in _AFTER.finditer(text):
        if free(after):
            found.append((after.start(), _days_after(signed, after)))
    for pattern, order in ((_NUMERIC, (3, 2, 1)), (_WORDS, (3, 2, 1)), (_ISO, (1, 2, 3))):
        for match in pattern.finditer(text):
            if free(match):
                try:
                    found.append((match.start(), dt.date(*(int(match.group(i)) for i in order))))
                except ValueError:
                    found.append((match.start(), None))
    for english in _ENGLISH.finditer(text):
        if free(english):
            found.append((english.start(), english_date(english.groups())))
    for signing in _SIGNING.finditer(text):
        if free(signing):
            found.append((signing.start(), signed))
    return [day for _, day in sorted(found, key=lambda f: f[0])]


def _days_after(signed: dt.date, after: re.Match[str]) -> dt.date | None:
    """The day `sau N ngày kể từ ngày ký` names; None (a date regdraft cannot read) for one past any calendar's end
    (`sau 2026202645 ngày`, a slip: it raised OverflowError)."""
    try:
        return signed + dt.timedelta(days=int(after.group(1) or after.group(2)))
    except (OverflowError, ValueError):  # past year 9999, or more digits than Python reads
        return None


@dataclass(frozen=True, slots=True)
class EntryIntoForce:
    """The sentence of an article saying when the document takes effect; `clause`, where the sentence states several
    dates (`clauses`), the part of it read."""

    article: str  # "Điều 3", "Article 2"
    sentence: str
    line: int = 0  # the line of the paragraph holding the sentence (the article heading's when not known)
    clause: str = ""
    numbered: str = ""  # the label of the numbered paragraph (khoản) holding the sentence: `3`
    language: str = "vi"

    @property
    def place(self) -> str:
        """Where the sentence stands, as a message cites it: `khoản 3 Điều 2`, `clause 3 of Article 2`, `Điều 2`."""
        if not self.numbered:
            return self.article
        word = noun(Kind.CLAUSE, self.language)
        return f"{word} {self.numbered} of {self.article}" if self.language == "en" else \
            f"{word} {self.numbered} {self.article}"

    def dates(self, signed: dt.date) -> list[dt.date | None]:
        """Every date this sentence (its clause) names, in order, each once: more than one, and regdraft cannot tell
        which provisions take which (`core.amend.staged` warns)."""
        return list(dict.fromkeys(_dates(self.clause or self.sentence, signed)))

    def date(self, signed: dt.date) -> dt.date | None:
        """The effective date this sentence (its clause) names, given the signing date; None when it names none."""
        text = self.clause or self.sentence
        after = _AFTER.search(text)
        if after:
            return _days_after(signed, after)
        for pattern, order in ((_NUMERIC, (3, 2, 1)), (_WORDS, (3, 2, 1)), (_ISO, (1, 2, 3))):
            match = pattern.search(text)
            if match:
                try:
                    return dt.date(*(int(match.group(i)) for i in order))
                except ValueError:
                    return None
        english = _ENGLISH.search(text)
        if english:
            return english_date(english.groups())
        if _SIGNING.search(text):
            return signed
        return None


def cited(sentence: str, language: str, own_article: str) -> list[list[tuple[Kind, str]]]:
    """The provisions of the document itself a sentence cites, each as a chain from its article down
    (`[(ARTICLE, '1'), (CLAUSE, '6')]`); those of its own article (`khoản 3 Điều này`) and of other
    documents are left out."""
    g = grammar(language)
    out: list[list[tuple[Kind, str]]] = []
    pos = 0
    while (start := g.start.search(sentence, pos)) is not None:
        phrase = read_phrase(sentence, start.start(), g)
        if phrase is None:
            pos = start.end()
            continue
        pos = max(phrase.scan_end, start.end())
        if phrase.external is not None:
            continue
        for node in phrase.nodes:
            for chain in chains(node):
                # `khoản 3 Điều này`, or `khoản 3` alone: the sentence's own article, not an instruction
                if any(n.label is THIS for n in chain) or chain[0].kind is not Kind.ARTICLE:
                    continue
                if chain[0].label != own_article:
                    out.append([(n.kind, n.label or "") for n in chain])
    return out


def entry_into_force(amendment: Amendment) -> EntryIntoForce | None:
    """The sentence of the document's own articles (after Điều 1) that says when it takes effect.

    The article titled so ("Hiệu lực thi hành", "Entry into force") is read first; a sentence that
    states the document's own effect ("Quy chế này có hiệu lực kể từ ...") wins over one that only
    mentions it ("trước ngày Quy chế này có hiệu lực thì ...", a transition rule).
    """
    word = "Article" if amendment.language == "en" else "Điều"
    articles = sorted(amendment.closing, key=lambda a: not _TITLE.search(a.title or ""))
    found = [(article, sentence.strip(), i) for article in articles for i, paragraph in enumerate(article.paragraphs)
             for sentence in sentences(paragraph) if _SPEAKS.search(sentence)]
    stating = [(a, s, i) for a, s, i in found if STATES.search(s)]
    # The document's own date, not one a sentence gives some of its instructions (`Quy định tại khoản 6 Điều 1 của
    # Luật này có hiệu lực …`: `core.amend.staged`), when it says both.
    # A sentence going on to date some provisions (`…kể từ ngày ký, riêng quy định tại khoản 6 Điều 1 có hiệu lực …`)
    # gives the document's date in its first clause.
    stating.sort(key=lambda found_: bool(cited(clauses(found_[1])[0], amendment.language, found_[0].label)))
    for article, sentence, i in stating or found[:1]:
        parts = clauses(sentence)
        return EntryIntoForce(f"{word} {article.label}", sentence, paragraph_line(article, i),
                              parts[0] if len(parts) > 1 else "", numbered(article.paragraphs[i]), amendment.language)
    return None


_NUMBERED = lazy(r"(\d+[a-zđ]?)\\?\.\s")


def numbered(paragraph: str) -> str:
    """The label of a numbered paragraph (`3. Quy định tại …`: `3`), "" for one not numbered."""
    match = _NUMBERED.match(paragraph)
    return match.group(1) if match else ""


def paragraph_line(article: DocumentArticle, index: int) -> int:
    """The line of an article's paragraph, the heading's when not known."""
    return article.lines[index] if index < len(article.lines) else article.line

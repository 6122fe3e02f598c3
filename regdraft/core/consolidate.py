"""The consolidated text (văn bản hợp nhất): a regulation as of a date, with provenance notes.

`consolidate(base, steps, as_of, words=...)` takes the base regulation and the adopted amendments already
applied in order (each step an amendment and what applying it did), and returns a
`ConsolidatedText`: the text in force on `as_of`, one footnote per changed unit in the formal
wording of the Ordinance on consolidation (Pháp lệnh 01/2012/UBTVQH13), and the opening that
lists the base document and each amending document with its effective date.

Post-conditions of `consolidate`:
1. Only steps whose amendment takes effect on or before `as_of` count; the text is the
   regulation produced by the last of them (the base when there is none).
2. `as_of` before the base document's effective date raises `RegdraftError`.
3. Every changed unit still in the text carries exactly one footnote; several changes to one
   unit are chained, oldest first, in that footnote. The end of a unit an amendment changed without
   an instruction (`.` to `;` before a point appended after it, `core.amend.consequential`) has no note of its
   own: no amending document states it, and a consolidated text notes only what they state (Pháp lệnh
   01/2012/UBTVQH13); the redline and `amend preview` name it (docs/export.md).
4. A change to a unit that a later step replaces or repeals as a whole no longer has its own
   footnote: its text is gone, and the enclosing unit's footnote tells the story.
5. Footnotes are numbered 1, 2, 3 ... in document order (notes on the whole document first).
6. The wording is the profile's `words` (in the regulation's language): every fixed phrase of
   the opening, the notes and the dates in words is data (`regdraft/profiles/*.yaml`).
7. A change that a later instruction of the same document repeals or replaces whole (the unit or one holding it)
   has no note: both take effect on the same day (`core.closing_notes.standing`).
8. A document in several steps (its instructions taking effect on dates of their own, `core.amend.staged`) is
   named once in the opening, with the date of its first step; each change's note gives the date of its own step.
   Each step of a document named that is still to take effect (`later`: its front matter and the instructions it
   holds, as `core.amend.staged.STAGED` names them) follows the document's date there, in the profile's
   `opening_pending` words: `; riêng khoản 3 Điều 1 có hiệu lực kể từ …, chưa có hiệu lực tính đến …`.
9. Each amending document in force with `provisions` of its own (its entry into force, its transitional articles:
   `core.closing_notes.own_provisions`) has one more footnote, quoting them word for word, at the closing article
   (`closing_article`), after that article's own note, one per document in their order.
10. Each amending document in force with a preamble (`bases`) has a footnote quoting it (`note_basis`), after the
   whole-document notes, marked after the base text's last preamble paragraph (`ConsolidatedText.basis`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from regdraft.core.address.designated import designated, designating, designations
from regdraft.core.closing_notes import KeptArticle, basis_note, closing_article, provisions_note, standing
from regdraft.core.counts import agreeing
from regdraft.core.dates import FORMS, read_date, written_date
from regdraft.core.diff import ChangeKind, amends_only
from regdraft.core.document_names import (
    NAMED_ALONE,
    compound_type,
    document_number,
    issued_with,
    issued_with_cited,
    issued_with_name,
    type_and_summary,
)
from regdraft.core.errors import RegdraftError
from regdraft.core.issuers import issuer_name
from regdraft.core.model import Address, Kind, Regulation, noun, part_name


class Instruction(Protocol):
    """Where an instruction stands in its amending document, and its sentence (`Sửa đổi Điều 5:`)."""

    @property
    def text(self) -> str: ...

    def cite(self, language: str) -> str:
        """`khoản 1 Điều 1`, `clause 1 of Article 1`."""
        ...


class Change(Protocol):
    """One effect of an amendment on one unit (`regdraft.core.amend` AppliedChange)."""

    @property
    def address(self) -> Address | None: ...
    @property
    def kind(self) -> Any: ...
    @property
    def instruction(self) -> Instruction: ...
    @property
    def old_words(self) -> str | None: ...
    @property
    def new_words(self) -> str | None: ...
    @property
    def position(self) -> str:
        """Words added: `before` or `after` `old_words`, the phrase they are put next to."""
        ...


class Applied(Protocol):
    """The result of applying one amendment: the new text and the changes."""

    @property
    def regulation(self) -> Regulation: ...
    @property
    def changes(self) -> Sequence[Change]: ...


@dataclass(frozen=True, slots=True)
class Source:
    """A document named in the opening: the base regulation or an amending document."""

    number: str
    type: str
    title: str
    issuer: str
    signed: dt.date | None
    effective: dt.date | None
    issued_with: str = ""  # the type of the decision it was issued with (docs/format.md): its number, date, issuer
    issued_cited: str = ""  # that decision as `issued_with` cites it in full, when it does


@dataclass(frozen=True, slots=True)
class Footnote:
    """One provenance note; `address` None means a note on the whole document."""

    number: int
    address: Address | None
    text: str  # lines separated by `\n`: a note quoting a document's own articles (`closing_notes.provisions_note`)
    basis: bool = False  # a note quoting an amending document's basis, at the end of the preamble (`basis_note`)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The note's lines, each printed as a paragraph of its own where the format allows."""
        return tuple(self.text.split("\n"))


@dataclass(frozen=True, slots=True)
class ConsolidatedText:
    """A regulation as in force on `as_of`, with its provenance notes and opening."""

    regulation: Regulation
    as_of: dt.date
    base: Source
    amendments: tuple[Source, ...]
    footnotes: tuple[Footnote, ...]
    opening: Opening
    _markers: Mapping[Address | None, tuple[int, ...]] = field(default_factory=dict, repr=False)

    @property
    def language(self) -> str:
        """`vi` or `en`."""
        return self.regulation.language

    def marker(self, address: Address | None) -> int | None:
        """The (first) footnote number after a unit's label, or None when the unit is unchanged."""
        return next(iter(self._markers.get(address, ())), None)

    def markers(self, address: Address | None) -> tuple[int, ...]:
        """Every footnote number after a unit's label: its own note, then those quoting documents' provisions."""
        return tuple(self._markers.get(address, ()))

    @property
    def basis(self) -> tuple[int, ...]:
        """The footnote numbers after the preamble's last paragraph: the amending documents' bases quoted."""
        return tuple(f.number for f in self.footnotes if f.basis)


def as_date(value: Any) -> dt.date | None:
    """A date from a front-matter value; None when empty, a `RegdraftError` when it is no date."""
    if value is None or value == "":
        return None
    day = read_date(value)
    if day is None:
        raise RegdraftError(f"'{value}' is not a date; write it as {FORMS} (e.g. 2025-03-15).")
    return day


def _date_or_none(value: Any) -> dt.date | None:
    """A front-matter date, or None when it is no date (a `FIXME` left by import, which
    `regdraft check` reports): reading the text does not depend on it."""
    try:
        return as_date(value)
    except RegdraftError:
        return None


def source_of(meta: Mapping[str, Any]) -> Source:
    """The opening's entry for a document, from its front matter (regulation or amendment)."""
    number = document_number(meta)
    signed, effective = _date_or_none(meta.get("signed")), _date_or_none(meta.get("effective"))
    effective = effective or signed
    title = str(meta.get("title") or "")
    # Named by its whole type: `Thông tư liên tịch số …`, not `Thông tư số … liên tịch hướng dẫn …`.
    return Source(number, compound_type(title, str(meta.get("type") or "")), title, issuer_name(meta), signed,
                  effective, issued_with(meta), issued_with_cited(meta))


def _language(language: str) -> str:
    return "en" if language == "en" else "vi"


def date_text(day: dt.date, words: Mapping[str, str]) -> str:
    """`ngày 09 tháng 01 năm 2021` or `9 January 2021`: the profile's `date_in_words`."""
    return written_date(day, words["date_in_words"], words["month_names"])


def reference(source: Source, words: Mapping[str, str], with_summary: bool = False) -> str:
    """`Quy chế số 05-QC/TU ngày 15 tháng 3 năm 2025 của Tỉnh ủy Điện Biên` (the profile's `cited_*` words).

    With `with_summary`, the title's subject follows the issuer (`… của Chính phủ về kiểm soát …`); a title that
    names its type but does not open with it is the document's name and is cited as such (`the Working Rules of the
    Board of Directors No. 01/WR-BD of 1 March 2024`, the profile's `cited_named`), not glued after the issuer
    (`Rules No. 01/WR-BD … of the Board of Directors Working Rules of the Board of Directors`)."""
    if source.issued_with:  # `Quy chế làm việc … ban hành kèm theo Quyết định số 15/2021/QĐ-UBND ngày … của …`
        decision = source.issued_cited or reference(replace(source, type=source.issued_with, issued_with=""), words)
        if source.issued_cited and source.issuer and source.issuer.lower() not in decision.lower():
            decision += words["cited_issuer"].format(issuer=source.issuer)  # `… ngày 20 tháng 8 năm 2021 của …`
        return issued_with_name(source.title or source.type, decision, words)
    named = with_summary and _named_by_title(source)
    if named:
        text = words["cited_named"].format(title=source.title, number=source.number)
    else:
        text = _spaced(words["cited_document"].format(type=source.type or words["cited_untyped"],
                                                      number=source.number, title=_summary(source)))
    if source.signed:
        text += words["cited_signed"].format(date=date_text(source.signed, words))
    if source.issuer and not (named and source.issuer.lower() in source.title.lower()):
        text += words["cited_issuer"].format(issuer=source.issuer)
    summary = _summary(source) if with_summary and not named and "{title}" not in words["cited_document"] else ""
    return text + (f" {summary}" if summary else "")


def noted_reference(source: Source, words: Mapping[str, str]) -> str:
    """The amending document as a note cites it, by number and title (Pháp lệnh 01/2012/UBTVQH13), the profile's
    `cited_in_notes`: `Luật số 57/2024/QH15 sửa đổi, bổ sung …`; one issued with a decision or named by its title
    (`cited_named`), or a profile without the phrase: as the opening cites it (`reference` with its summary)."""
    if source.issued_with or "cited_in_notes" not in words or _named_by_title(source):
        return reference(source, words, with_summary=True)
    signed = words["cited_signed"].format(date=date_text(source.signed, words)) if source.signed else ""
    issuer = words["cited_issuer"].format(issuer=source.issuer) if source.issuer else ""
    return _spaced(words["cited_in_notes"].format(type=source.type or words["cited_untyped"], number=source.number,
                                                  title=_summary(source), signed=signed, issuer=issuer))


def _spaced(text: str) -> str:
    """A phrase filled with a field left empty (a document without a title), without a doubled or trailing space."""
    return re.sub(r" {2,}", " ", text).strip()


def _named_by_title(source: Source) -> bool:
    """Whether the title is a name holding the type after its head (`Working Rules of the Board of Directors`,
    type `Rules`), rather than a subject (`về kiểm soát thủ tục hành chính`) or a title opening with its type."""
    kind = source.type.strip()
    if not kind or not source.title or _summary(source) != source.title:
        return False
    return re.search(rf"(?<!\w){re.escape(kind)}(?!\w)", source.title, re.IGNORECASE) is not None


def _summary(source: Source) -> str:
    """The title without its leading document type (`sửa đổi, bổ sung một số điều của ...`), taken off as whole
    words (`Regulations amending …` loses `Regulations`, not the `Regulation` of it)."""
    return type_and_summary(source.title, source.type)[1]


def _effective_clause(source: Source, words: Mapping[str, str]) -> str:
    if source.effective is None:
        return ""
    return words["cited_effective"].format(date=date_text(source.effective, words))


def change_kind(change: Change) -> str:
    """The change's kind as a plain string (`amended`, `inserted`, ...), whatever its type."""
    kind = change.kind
    return str(getattr(kind, "value", kind))


# The note of each kind of change (`note_amended`, ...); a kind without its own is noted as amended.
_NOTES: dict[str, str] = {ChangeKind.AMENDED: "note_amended", ChangeKind.INSERTED: "note_inserted",
          ChangeKind.REPEALED: "note_repealed", ChangeKind.WORDS_REPLACED: "note_words_replaced",
          ChangeKind.WORDS_DELETED: "note_words_deleted", ChangeKind.HEADING_CHANGED: "note_heading",
          ChangeKind.WORDS_ADDED: "note_words_added"}



def note_sentence(change: Change, source: Source, language: str, words: Mapping[str, str]) -> str:
    """One sentence of a footnote, in the formal wording for the change's kind (the profile's `note_*` words)."""
    return _sentence(note_head(change, language, words), change.instruction, source, language, words)


def note_head(change: Change, language: str, words: Mapping[str, str], this: str | None = None) -> str:
    """What a footnote says was done (`Khoản này được sửa đổi`, `Cụm từ “…” được bỏ`), without where or when;
    `this` names the unit otherwise than the note's `khoản này` (`khoản 2 Điều 22`: a provision's history)."""
    this = this or _this(change.address, language, words)
    key = _NOTES.get(change_kind(change), "note_amended")
    if key == "note_amended" and "note_amended_only" in words and amends_only(change.instruction.text):
        key = "note_amended_only"  # `Sửa đổi Điều 5:` (Nghị định 48/2013): `Điều này được sửa đổi`, as it says
    if key == "note_words_added":  # `Cụm từ “{new}” được bổ sung vào sau cụm từ “{old}”`: nothing was replaced
        key = f"{key}_{'before' if change.position == 'before' else 'after'}"
        key = key if key in words else "note_amended"  # a profile of an office's own without the words
    template = words[key]
    titled = getattr(change, "in_title", False) and "note_at_title" in words  # `tại tên Điều 3`, not in its text
    at = words["note_at_title"].format(this=this) if titled else ""
    return template.format(old=change.old_words, new=change.new_words, this=this, This=this[0].upper() + this[1:],
                           at=at)


def _this(address: Address | None, language: str, words: Mapping[str, str]) -> str:
    """The noun as cited: `Điều này`, `Chương này`, `khoản này`; `this Article`, `this clause` (a part before it: the
    lead-in of Điều này is `Đoạn mở đầu Điều này`, not `… điều này`)."""
    if address is None:
        return words["note_document"]
    lang = _language(language)
    kind = noun(address.kind, lang)
    if address.kind is Kind.APPENDIX:  # an English text's own word for it (`this Schedule`: `address.designated`)
        kind = designated(address.label, lang).rsplit(" ", 1)[0]
    this = words["note_unit"].format(noun=kind)
    return f"{part_name(address.part, address.kind, lang)} {this}" if address.part else this


def _sentence(head: str, instruction: Instruction, source: Source, language: str, words: Mapping[str, str]) -> str:
    """`{head} theo quy định tại khoản 5 Điều 1 của Nghị định số …, có hiệu lực kể từ …` (`note_sentence`)."""
    cite, ref = instruction.cite(language), noted_reference(source, words)
    where = words["note_cited"].format(instruction=cite, document=ref) if cite else ref
    return words["note_sentence"].format(change=head, where=where, effective=_effective_clause(source, words))


@dataclass(frozen=True, slots=True)
class Opening:
    """The opening of a consolidated text: a lead sentence, one item per amending document, a close."""

    lead: str
    items: tuple[str, ...] = ()
    close: str = ""
    replaced: str = ""  # printed first: a new regulation replaced this one (`workspace.replacements`)
    untranslated: str = ""  # printed next: a translation lacks amendments of its original (`core.untranslated`)

    @property
    def notes(self) -> tuple[str, ...]:
        """The notes printed in bold before the lead, in order (none empty)."""
        return tuple(n for n in (self.replaced, self.untranslated) if n)


def opening_lead(base: Source, words: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """The opening's subject (the base document with its date, issuer and effective date) and the verbs that agree
    with it (`{is}`, `{has}`: English `Working Regulations … are`)."""
    # A state document's opening names a law by its name, any other text by its type with its subject after
    # the issuer (`{name}`, `{about}`): `Nghị định số 63/2010/NĐ-CP ngày … của Chính phủ về kiểm soát …`.
    alone = not base.type or base.type.lower() in NAMED_ALONE or _summary(base) == base.title
    name = base.title or base.type if alone else base.type
    about = "" if alone else f" {_summary(base)}"
    lead = words["opening_document"].format(title=base.title or base.type, number=base.number, name=name)
    if base.issued_with:  # by its title and the decision it was issued with, not by the decision's number
        lead = reference(base, words)
        lead = lead[:1].upper() + lead[1:]
    else:
        if base.signed:
            lead += words["cited_signed"].format(date=date_text(base.signed, words))
        if base.issuer:
            lead += words["opening_issuer"].format(issuer=base.issuer, about=about)
    lead += _effective_clause(base, words)
    # The verb agrees with the document named (English: `Working Regulations … are amended by:`).
    return lead, agreeing(base.title or base.type)


def opening_of(base: Source, amendments: Sequence[Source], as_of: dt.date, words: Mapping[str, str],
               later: Sequence[tuple[Source, str]] = ()) -> Opening:
    """The opening: the base document with its effective date, then each amending document (`opening_*` words), with
    the instructions of it taking effect after `as_of` (`later`: each part's document, its effective date the part's,
    and the instructions named, `khoản 3 Điều 1`), in the profile's `opening_pending` words."""
    lead, verbs = opening_lead(base, words)
    when = date_text(as_of, words)
    if not amendments:
        return Opening(words["opening_unamended"].format(document=lead, date=when, **verbs))

    def pending(a: Source) -> str:
        return "".join(words["opening_pending"].format(provisions=named, effective=date_text(part.effective, words),
                                                       date=when)
                       for part, named in later
                       if part.effective is not None and replace(part, effective=None) == replace(a, effective=None))

    items = tuple(f"{reference(a, words, with_summary=True)}{_effective_clause(a, words)}{pending(a)}."
                  for a in amendments)
    return Opening(words["opening_amended"].format(document=lead, **verbs), items,
                   words["opening_close"].format(date=when))


def consolidate(
    base: Regulation,
    steps: Sequence[tuple[Mapping[str, Any], Applied]],
    as_of: dt.date | None = None,
    *,
    words: Mapping[str, str],
    provisions: Sequence[Sequence[KeptArticle]] = (),
    bases: Sequence[Sequence[str]] = (),
    later: Sequence[tuple[Mapping[str, Any], str]] = (),
) -> ConsolidatedText:
    """The text in force on `as_of` (default: after every step) with its provenance notes.

    `steps` are (front matter of the amending document, what applying it did), in the order
    they were applied, which is the order of their effective dates. `words` are the document
    profile's phrases in the regulation's language (`Profile.words`): the opening and the notes
    are worded with them. `provisions` are each step's own provisions (`core.closing_notes.own_provisions`), quoted
    in a footnote at the closing article; `bases` each step's own preamble (its basis: `Căn cứ …`), quoted in a
    footnote at the end of the base text's preamble (empty for a step that repeats a document already quoted).
    `later` are the dated parts of documents taking effect after `as_of`, each its front matter and the instructions
    it holds (post-condition 8).
    """
    base_source = source_of(base.meta)
    start = base_source.effective
    dates = [as_date(meta.get("effective")) for meta, _ in steps]
    if as_of is None:
        as_of = max([d for d in dates if d is not None] + [start or dt.date.today()])
    if start is not None and as_of < start:
        tense = "took" if start <= dt.date.today() else "takes"  # a text signed, not yet in force (r41 sweep CJ 6)
        raise RegdraftError(
            f"{base.id} {tense} effect on {start.isoformat()}, so no text of it was in force on "
            f"{as_of.isoformat()}; choose a date of {start.isoformat()} or later."
        )
    for (meta, _), effective in zip(steps, dates, strict=True):
        if effective is None:
            name = meta.get("number") or meta.get("id") or "An amending document"
            raise RegdraftError(f"{name} has no effective date, so it cannot take its place in the "
                                "consolidated text; adopt it with its effective date first.")
    known = [d for d in dates if d is not None]
    if known != sorted(known):
        raise RegdraftError("The amending documents were not applied in the order of their effective dates.")
    included = [step for step, effective in zip(steps, known, strict=True) if effective <= as_of]
    regulation = included[-1][1].regulation if included else base
    language = regulation.language
    notes: dict[Address | None, list[tuple[int, str]]] = {}
    sources = []
    for step, (meta, applied) in enumerate(included):
        source = source_of(meta)
        sources.append(source)
        kept = {id(c) for c in standing(applied.changes)}
        for change in (c for c in applied.changes if id(c) in kept):
            address = change.address
            if address is not None and address.part:
                address = address.unit  # a lead-in or closing text is noted on its unit
            elif change_kind(change) in ("amended", "repealed") and address is not None:
                _supersede(notes, address, step)
            with designating(designations(regulation.units)):  # `this Schedule`, as the text names it
                _chain(notes, address, step, note_sentence(change, source, language, words))
    quoted = [(source, articles) for source, articles in zip(sources, provisions, strict=False) if articles]
    at = closing_article(regulation, words) if quoted else None
    extra = [provisions_note(articles, noted_reference(source, words), _effective_clause(source, words), language,
                             words) for source, articles in quoted]
    # Each amending document's own basis (căn cứ ban hành), quoted at the end of the base text's preamble.
    based = [basis_note(paragraphs, noted_reference(source, words), _effective_clause(source, words), language, words)
             for source, paragraphs in zip(sources, bases, strict=False)]
    basis = [note for note in based if note] if regulation.preamble else []
    footnotes, markers = _number(regulation, notes, at, extra, basis)
    # A document whose instructions take effect on several dates is a step per date, named once, by its first.
    named = [s for i, s in enumerate(sources) if all(replace(s, effective=None) != replace(o, effective=None)
                                                     for o in sources[:i])]
    pending = [(source_of(meta), named) for meta, named in later]
    return ConsolidatedText(regulation, as_of, base_source, tuple(named), footnotes,
                            opening_of(base_source, named, as_of, words, pending), markers)


def _chain(notes: dict[Address | None, list[tuple[int, str]]], address: Address | None, step: int,
           sentence: str) -> None:
    chain = notes.setdefault(address, [])
    if not chain or chain[-1][1] != sentence:
        chain.append((step, sentence))


def _supersede(notes: dict[Address | None, list[tuple[int, str]]], address: Address, step: int) -> None:
    """Drop what earlier steps noted inside a unit that is now replaced or repealed as a whole."""
    for inner in [a for a in notes if a is not None and a != address and address.contains(a)]:
        kept = [(s, text) for s, text in notes[inner] if s >= step]
        if kept:
            notes[inner] = kept
        else:
            del notes[inner]


Notes = Mapping[Address | None, list[tuple[int, str]]]


def _number(regulation: Regulation, notes: Notes, at: Address | None, extra: Sequence[str], basis: Sequence[str] = (),
            ) -> tuple[tuple[Footnote, ...], dict[Address | None, tuple[int, ...]]]:
    """Number the notes in document order: whole-document notes, the `basis` notes (at the preamble's end), then each
    unit as it comes; the `extra` notes (documents' own provisions) after the note of the unit `at`, one each."""
    noted = set(notes) | ({at} if extra else set())
    order: list[Address | None] = [None] if None in noted else []
    order += [loc.address for loc in regulation.walk() if loc.address in noted]
    # A note on a unit no longer in the text (should not happen: repealed units stay) still
    # counts, at the end, rather than disappearing silently.
    # Looked up in a set (a list's `in` made 5,450 notes take 10 s), in the notes' own order (a set's is not fixed).
    placed = set(order)
    order += [a for a in dict.fromkeys((*notes, *((at,) if extra else ()))) if a not in placed]
    footnotes: list[Footnote] = []
    markers: dict[Address | None, tuple[int, ...]] = {}
    lead = 1 if order[:1] == [None] else 0  # the whole-document notes first, then the preamble's
    for i, address in enumerate(order):
        if i == lead:  # a list built before it is added (a generator numbered a second basis 3, a unit's number)
            footnotes += [Footnote(len(footnotes) + 1 + n, None, text, True) for n, text in enumerate(basis)]
        texts = [" ".join(text for _, text in notes[address])] if address in notes else []
        for text in [*texts, *(extra if address == at else ())]:
            footnotes.append(Footnote(len(footnotes) + 1, address, text))
            markers[address] = (*markers.get(address, ()), len(footnotes))
    if len(order) <= lead:  # no unit noted
        footnotes += [Footnote(len(footnotes) + 1 + n, None, text, True) for n, text in enumerate(basis)]
    return tuple(footnotes), markers

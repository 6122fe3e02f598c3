"""Comment rounds: comments made, checked and answered, the bodies consulted, and imported sheet rows.

Pure core: no git, no click, no clock (callers pass times in). The values (`Round`, `Comment`, `Disposition` …)
are `regdraft.core.comment_model`, importable from here too. Each round and each comment is
one small YAML file, written and read by `regdraft.core.comment_yaml`; where a comment's provision
stands in a later draft is `regdraft.core.anchoring`.

Post-conditions:
1. `prepare` returns a comment whose `on` is a canonical address present in the draft it was
   made on (or `general`) and whose `anchor` is that provision's exact text in that draft; its
   text and proposal are at most `MAX_TEXT` characters each.
2. `validate_rows` either returns one comment per non-blank row or raises one `ParseError`
   naming every bad row by its spreadsheet row number.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from regdraft.core.address import TITLE
from regdraft.core.comment_model import Comment as Comment  # the values, imported from here by their callers
from regdraft.core.comment_model import CommentType as CommentType
from regdraft.core.comment_model import Disposition as Disposition
from regdraft.core.comment_model import Round as Round
from regdraft.core.comment_model import RoundStatus as RoundStatus
from regdraft.core.comment_wording import GENERAL as GENERAL
from regdraft.core.comment_wording import WrongWording as WrongWording
from regdraft.core.comment_wording import _reads_as_the_part, _reads_as_the_provision, _reads_as_the_title
from regdraft.core.errors import AddressError, ParseError, Problem, RegdraftError, UnknownUnit, UsageError
from regdraft.core.model import REPEALED_TEXT, Address, Regulation
from regdraft.core.parts import find_part, part_paragraphs
from regdraft.core.text import as_text, middle_cut, nfc, plain_spaces, tone_key, visible, words_within

# One row of a comment sheet: its spreadsheet row number and {column: value} (see `importer.comment_sheet`).
Row = tuple[int, dict[str, str]]
# A row's key holding the provision in words its `regulation` was read from (`Khoản 1 Điều 5 (01-QC/TU)`).
REGULATION_IN = "regulation_in"

_GENERAL_WORDS = frozenset({"general", "chung", "góp ý chung", "chung toàn văn", "toàn văn", ""})


# -- ids --------------------------------------------------------------------------------------


def new_comment_id(seed: str, taken: Iterable[str]) -> str:
    """A short hex id (4 characters, up to 6 when crowded) from `seed`, not in `taken`.

    `seed` should hold the comment's content, the time and some randomness: a counter would
    collide when two clones add comments at the same time.
    """
    # A set is used as it is: an import of many rows keeps one set of the ids it made.
    used = taken if isinstance(taken, set | frozenset) else set(taken)
    for length in (4, 5, 6):
        for attempt in range(32):
            candidate = hashlib.sha1(f"{seed}|{attempt}".encode()).hexdigest()[:length]
            # An all-digit id would read as a number (and lose its zeros) in a spreadsheet.
            if candidate not in used and not candidate.isdigit():
                return candidate
    raise RegdraftError("Could not make a unique comment id; try again.")


# -- building and validating comments ---------------------------------------------------------


def canonical_on(on: str, language: str = "vi") -> str:
    """`general`, or the short canonical form of an address (`Điều 2 khoản 1` -> `d2.k1`); an error gives its
    examples in `language`, the draft's.

    A comment is on one provision: several named at once (`khoản 2 Điều 5, khoản 5 Điều 14`, `… và Điều 14`) are
    refused in one sentence saying how to record such a comment (`AddressError`)."""
    value = nfc(on).strip()
    if value.lower() in _GENERAL_WORDS:
        return GENERAL
    try:
        return str(Address.parse(value, language))
    except AddressError:
        named = _several(value)
        if not named:
            raise
    raise AddressError(f"'{value}' names {len(named)} provisions ({'; '.join(named)}), and a comment is on one "
                       "provision: record it once on each of them, or once as a general comment (general) that names "
                       "them in its text.")


def shown_on(on: str, language: str) -> str:
    """A comment's provision `on` as a message in `language` names it: `d4.k2`, English `a4.c2`; `general` as is."""
    if language != "en" or on == GENERAL:
        return on
    try:
        return Address.parse(on).short(language)
    except AddressError:
        return on


# Between provisions named together: `khoản 2 Điều 5, khoản 5 Điều 14`, `… và Điều 14`, `Article 5 and Article 14`.
_BETWEEN = re.compile(r"\s*(?:[,;&+]|\bvà\b|\band\b)\s*", re.IGNORECASE)


def _several(value: str) -> list[str]:
    """The provisions `value` names when it names several (the last one an address as written), else []."""
    named = [part.strip() for part in _BETWEEN.split(value) if part.strip()]
    if len(named) < 2:
        return []
    try:
        Address.parse(named[-1])
    except AddressError:
        return []
    return named


def anchor_text(draft: Regulation, on: str) -> str:
    """The exact text of the provision at `on` in a draft (empty for `general`); of a title, lead-in, closing text,
    dash or plus item (`d6.title`, `d5.k2.intro`, `d5.k1.a.dash2`), its own text, not its unit's whole text."""
    if on == GENERAL:
        return ""
    address = Address.parse(on)
    unit = draft.find(address).unit
    if address.part:
        return "\n".join(part_paragraphs(unit, address.part))
    return REPEALED_TEXT.get(draft.language, REPEALED_TEXT["vi"]) if unit.repealed else unit.all_text()


def own_anchor(on: str, anchor: str, circulated: Regulation) -> str:
    """The anchor of a comment on a lead-in, closing text, dash or plus item, read as its own text.

    Comments recorded before anchors held a part's own text stored its unit's whole text: in the draft the
    comment was made on (`circulated`), where that anchor still reads as the unit, it stands for the part's
    text there. Any other anchor is returned as it is.
    """
    if on == GENERAL:
        return anchor
    address = Address.parse(on)
    if not address.part:
        return anchor
    try:
        unit = find_part(circulated, address).unit
    except UnknownUnit:
        return anchor
    if unit.repealed or _key(anchor) != _key(unit.all_text()):
        return anchor
    return "\n".join(part_paragraphs(unit, address.part))


# The longest comment text, and proposed wording, in characters, whatever brings it (the review form,
# `comment add`, a sheet's cell, a Word reply): an article of a real regulation is a few thousand.
MAX_TEXT = 20_000


def too_long(text: str, what: str) -> str:
    """The sentence refusing `text` (`what` names it) when it is longer than `MAX_TEXT` characters, else empty."""
    if len(text) <= MAX_TEXT:
        return ""
    return (f"{what} is {len(text):,} characters long; a comment and its proposed wording hold at most "
            f"{MAX_TEXT:,} characters each.")


# The longest selection a comment keeps (the words a Word comment's range or a sheet's column quotes), in characters:
# a range across articles quoted 36,062 characters of the law, 25 pages of the PDF report, and an XLSX cell holds
# 32,767. The comment's own text is never shortened.
MAX_SELECTION = 1_000


def shortened_selection(selection: str) -> str:
    """`selection` as a comment keeps it: whole up to `MAX_SELECTION` characters, else its first and last words
    with `…` between (cut between words), at most `MAX_SELECTION` characters."""
    return middle_cut(selection, MAX_SELECTION)


def shortened_note(selection: str, whose: str) -> str:
    """The import's note that `whose` selection (`the Word comment 2 by Lan`) of `selection`'s length was
    shortened (`shortened_selection`), or empty when it was kept whole."""
    if len(selection) <= MAX_SELECTION:
        return ""
    return (f"The words selected for {whose} run to {len(selection):,} characters; the comment keeps their first "
            f"and last words with “…” between ({MAX_SELECTION:,} characters at most). Its text is kept whole.")


def one_newline(text: str) -> str:
    """`text` in NFC with each line break a `\\n`: a browser sends `\\r\\n` (and an old Mac `\\r`), which files
    written before kept, while the CLI and a Word reply give `\\n`. Without the characters no document holds
    (`text.as_text`: a NUL, Word's cell mark U+0007 from a sheet; a vertical tab read as a line break): every way a
    comment or reply comes in passes here (the review server's forms, `comment add`, a sheet's rows, `respond`, a
    comment file read), and one holding them made the DOCX report fail (r33 sweep AZ F1)."""
    return as_text(nfc(text).replace("\r\n", "\n").replace("\r", "\n"))


# How each text of a comment is kept as it comes in (`comment add`, a sheet's row, a Word reply, the review pages,
# `respond`), by what it is. The words a member selected and the wording they propose quote or replace a provision's:
# kept as an import keeps a regulation's text (`importer.plaintext.clean`: NFC, every invisible character out, odd
# spaces plain), so they match its text (a selection quoting `ngân sách nhà\u00adnước` matched nothing the provision
# says). A person's own words lose the invisible characters too but for the joiners a script or an emoji needs
# (`text.visible`); a name loses them all, as the review pages' forms read it. The file of a comment made before is
# read as written (`comment_yaml`): `check` names what it holds (r37).


# Each text of a comment as a note on what its input left out names it (`importer.plaintext.comment_notes`), and
# whether it keeps the joiners a script needs (`own_words`) or none (`provision_words`, `name_words`).
TEXTS = {"text": ("the comment's text", True), "reply": ("the reply", True),
         "proposal": ("the proposed wording", False), "selection": ("the words selected", False),
         "by": ("the body's name", False), "author": ("the person's name", False),
         "document": ("the document's text", False),  # a Word reply's paragraphs: the regulation's words
         # a round's title and the bodies it consults (`name_words`)
         "title": ("the round's title", False), "consulted": ("the bodies consulted", False)}


def own_words(text: str) -> str:
    """A comment's or a reply's words as a comment keeps them: `one_newline`, without the invisible characters but the
    joiners a script needs (`text.visible`)."""
    return visible(one_newline(text), joiners=True)


def provision_words(text: str) -> str:
    """A proposed wording or the words selected as a comment keeps them: `one_newline`, without any invisible
    character and each run of spaces holding an odd one a plain space (`text.plain_spaces`), as a regulation's text."""
    return plain_spaces(one_newline(text))


def name_words(text: str) -> str:
    """A body's or a person's name as a comment keeps it: NFC, without the characters no document holds or any
    invisible one, its spaces tidied."""
    return " ".join(visible(as_text(nfc(text))).split())


def prepare(round_number: int, by: str, on: str, text: str, draft: Regulation,
            proposal: str = "", type_: str | None = None) -> Comment:
    """A new comment checked against the draft it is made on (id and times left empty)."""
    body = name_words(by)
    if not body:
        raise UsageError("the commenting body (by) is empty.")
    words = own_words(text).strip()
    proposal = provision_words(proposal)
    if not words:
        raise UsageError("the comment text is empty.")
    if said := too_long(words, "the comment text") or too_long(nfc(proposal).strip(), "the proposed wording"):
        raise UsageError(said)
    address = canonical_on(on, draft.language)
    if address != GENERAL:
        try:
            find_part(draft, Address.parse(address))
        except UnknownUnit as exc:
            raise UnknownUnit(f"{exc.args[0]} Comments name provisions of the draft circulated in "
                              f"round {round_number}.") from None
    reads_as_its_provision(nfc(proposal).strip(), address, draft)
    kind = type_.strip().lower() if type_ and type_.strip() else None
    if kind is None:
        kind = CommentType.GENERAL.value if address == GENERAL else CommentType.SUBSTANTIVE.value
    try:
        ctype = CommentType(kind)
    except ValueError:
        raise UsageError(f"type '{type_}' is not one of general, substantive, editorial.") from None
    return Comment("", round_number, body, address, ctype, words, nfc(proposal).strip(),
                   anchor_text(draft, address))


def reads_as_its_provision(proposal: str, address: str, draft: Regulation) -> None:
    """Refuse (`WrongWording`) a proposed wording (NFC, stripped) that is not a wording of the provision `address`
    (canonical) of `draft`: another unit's label, a title on several lines, a part going on into another unit. A new
    comment's and an edited one's are checked alike."""
    if address.endswith(f".{TITLE}") and proposal:
        _reads_as_the_title(proposal, address, draft)
    elif address != GENERAL and Address.parse(address).part:
        _reads_as_the_part(proposal, address, draft.language)
    else:
        _reads_as_the_provision(proposal, address, draft.language)


def respond(comment: Comment, disposition: str, reply: str, when: str) -> Comment:
    """The comment with a disposition and the office's reply recorded."""
    try:
        decided = Disposition(disposition.strip().lower())
    except ValueError:
        allowed = ", ".join(d.value for d in Disposition)
        raise UsageError(f"'{disposition}' is not a disposition; use one of {allowed}.") from None
    return replace(comment, disposition=decided, reply=own_words(reply).strip(), responded=when)


# -- sheet rows -------------------------------------------------------------------------------


MAX_LISTED = 100  # bad rows named one by one in the error; the rest are counted


def validate_rows(rows: Iterable[Row], drafts: Callable[[int], Regulation], default_round: int | None,
                  source: str) -> list[Comment]:
    """One comment per row, or a `ParseError` listing every bad row with its row number.

    `drafts(n)` returns the draft circulated in open round n and raises `RegdraftError` with
    a sentence when there is no such open round; rows without a round go to `default_round`.
    """
    return list(row_comments(rows, drafts, default_round, source))


def row_comments(rows: Iterable[Row], drafts: Callable[[int], Regulation], default_round: int | None,
                 source: str, named: Callable[[int, str], tuple[str, Regulation]] | None = None,
                 each: Callable[[int, Regulation], None] | None = None) -> Iterator[Comment]:
    """The comments of the rows one at a time (see `validate_rows`), for sheets too long to hold.

    After the last row, a `ParseError` names the bad rows (the first `MAX_LISTED`, the others
    counted); a caller that must write all or nothing reads the rows once to check them. A row
    naming a `regulation` is checked against `named(n, regulation)`: its key in comments and draft.
    `each(number, draft)` is told the row number and draft of each comment just before it is yielded.
    """
    problems: list[Problem] = []
    bad = 0
    for number, values in rows:
        try:
            round_number = _row_round(values.get("round", ""), default_round)
            key, draft = ("", drafts(round_number))
            if values.get("regulation"):
                if named is None:
                    raise UsageError("the sheet names a regulation, but its comments are on one draft.")
                try:
                    key, draft = named(round_number, values["regulation"])
                except RegdraftError as exc:
                    if not values.get(REGULATION_IN):
                        raise
                    raise UsageError(f"{exc.args[0]} The regulation '{values['regulation']}' was read from the "
                                     f"brackets after the provision '{values[REGULATION_IN]}', where the comment "
                                     "report names a provision's regulation.") from None
            comment = replace(prepare(round_number, values.get("by", ""), values.get("on", ""),
                                      values.get("text", ""), draft, values.get("proposal", ""), values.get("type")),
                              regulation=key, author=name_words(values.get("author", "")),
                              selection=provision_words(values.get("selection", "")).strip())
        except RegdraftError as exc:
            bad += 1
            if len(problems) < MAX_LISTED:
                problems.append(Problem(str(exc.args[0]) if exc.args else str(exc), source, 0, f"row {number}"))
            continue
        if not bad:
            if each is not None:
                each(number, draft)
            yield comment
    if bad:
        noun = "row is" if bad == 1 else "rows are"
        more = f" (the first {MAX_LISTED} are listed)" if bad > MAX_LISTED else ""
        raise ParseError(f"{source}: {bad:,} {noun} wrong{more}, so nothing was imported:", problems)


def _row_round(value: str, default_round: int | None) -> int:
    if not value:
        if default_round is None:
            raise UsageError("the round is empty and no round is open.")
        return default_round
    if not re.fullmatch(r"\d+", value):
        raise UsageError(f"round '{value}' is not a round number.")
    return int(value)


# -- bodies and folded text -------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _key(text: str) -> str:
    # Cached: placing comments folds every provision of a draft, once per comment otherwise.
    return " ".join(tone_key(visible(text)).casefold().split())


def same_body(a: str, b: str) -> bool:
    """True when two names of a body differ only in case, spacing or tone placement."""
    return _key(a) == _key(b)


def body_key(name: str) -> str:
    """A key under which names of one body (`Tỉnh ủy`, `Tỉnh uỷ`) group together."""
    return _key(name)


def unique_bodies(bodies: Iterable[str]) -> tuple[str, ...]:
    """Each body once, in first-named order and spelling, spacing tidied and invisible characters out (`name_words`);
    blank names dropped."""
    seen: dict[str, str] = {}
    for body in bodies:
        name = name_words(body)
        if name and body_key(name) not in seen:
            seen[body_key(name)] = name
    return tuple(seen.values())


def as_consulted(by: str, r: Round) -> str:
    """A body's name as the round names it when it is one of the bodies consulted (`bộ  tư pháp` is
    `Bộ Tư pháp`), else with its spacing tidied: the report prints the name a comment records."""
    name = name_words(by)
    return next((body for body in r.consulted if body_key(body) == body_key(name)), name)


def replied_and_agreeing(r: Round, comments: Sequence[Comment], late: Collection[str] = frozenset()
                         ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The consulted bodies that replied in a round, and those that did not (counted as agreeing).

    Only consulted bodies count: a comment from a body the round did not ask is listed apart
    (`unconsulted`), so a round never counts more replies than bodies consulted. A comment whose id is in `late`
    (recorded after the round closed: `late_comments.late_ids`) is no reply: a body that did not reply by the close
    counts as agreeing, its late comment listed all the same. A body that withdrew every comment it made
    (`Disposition.WITHDRAWN`) has no comment left: it counts as agreeing, its withdrawn comments listed as such.
    """
    keys = {body_key(c.by) for c in comments if c.id not in late and c.disposition is not Disposition.WITHDRAWN}
    replied = tuple(b for b in r.consulted if body_key(b) in keys)
    return replied, tuple(b for b in r.consulted if body_key(b) not in keys)


def unconsulted(r: Round, comments: Sequence[Comment]) -> tuple[str, ...]:
    """The bodies that commented in a round without being consulted in it, by name."""
    asked = {body_key(b) for b in r.consulted}
    return tuple(sorted(unique_bodies(c.by for c in comments if body_key(c.by) not in asked), key=body_key))


def nearest_consulted(by: str, r: Round) -> str:
    """The consulted body of round `r` a body's name not consulted most likely means (a typo: `Ban Tuyên giáo
    Tỉnh ujy` for `Ban Tuyên giáo Tỉnh ủy`; a person's name without the office that follows its comma, `Comrade
    John Nguyen` for the one consulted body `Comrade John Nguyen, Provincial Committee member`; part of the name of
    one consulted body alone, `Văn phòng` for `Văn phòng Tỉnh ủy`), else empty."""
    import difflib

    named = [b for b in r.consulted if "," in b and body_key(b.split(",", 1)[0]) == body_key(by)]
    if len(named) == 1:
        return named[0]
    within = [b for b in r.consulted if words_within(by, b)]
    if len(within) == 1:
        return within[0]
    keys = {body_key(b): b for b in r.consulted}
    found = difflib.get_close_matches(body_key(by), list(keys), n=1, cutoff=0.75)
    return keys[found[0]] if found else ""


def not_consulted(by: str, r: Round) -> str:
    """The sentence warning that a comment's body is not one round `r` consulted, naming the consulted body it most
    likely means; empty when it is consulted. The comment is kept (a body may write unasked), but a typo of a
    consulted body's name would have that body counted as agreeing and the typo listed as unconsulted."""
    name = " ".join(nfc(by).split())
    if any(body_key(b) == body_key(name) for b in r.consulted):
        return ""
    nearest = nearest_consulted(name, r)
    asked = f"The bodies consulted are {', '.join(r.consulted)}." if r.consulted else "The round consulted none."
    if not nearest:
        return (f"'{name}' is not a body consulted in round {r.number}; the round's report lists it apart, as a body "
                f"not consulted. {asked}")
    return (f"'{name}' is not a body consulted in round {r.number}: did you mean {nearest}? Recorded as it is, the "
            f"round's report lists '{name}' apart as not consulted and counts {nearest} as agreeing unless it sent "
            f"comments itself. {asked}")


def describe_on(on: str, language: str = "vi", words: Mapping[str, str] | None = None) -> str:
    """The provision column of the report: `Khoản 1 Điều 2`, or `Góp ý chung` (a profile's `report_general`)."""
    if on == GENERAL:
        if words is not None:
            return words["report_general"]
        return "Góp ý chung" if language == "vi" else "General"
    text = Address.parse(on).describe(language)
    return text[:1].upper() + text[1:]


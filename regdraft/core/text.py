"""Vietnamese text normalisation: NFC storage and a tone-placement folding key.

NFC does not unify tone placement (`ủy`/`uỷ`, `hòa`/`hoà`); readers treat those as the same
word, so comparisons go through `tone_key`, while the text itself keeps what the drafter wrote.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from regdraft.core.patterns import lazy

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_WORD = lazy(r"\w+")
_WORD_SPLIT = lazy(r"(\w+)")
_LONG = 10_000


# The invisible characters no legal text holds (a character class's inside): Unicode's Default_Ignorable_Code_Point
# property, which a renderer shows as nothing, and the interlinear annotation marks (U+FFF9-U+FFFB). Each hides the
# words around it from a search (`thủ\u00adtục` is no `thủ tục`, `Ban Th\U000e0041ường vụ` no `Ban Thường vụ`).
# Python's unicodedata has no such property: the ranges are DerivedCoreProperties.txt's of Unicode 14.0 (the version
# of Python 3.11's unicodedata; tests/test_default_ignorable.py holds its lines: look again when that version moves):
#   00AD the soft hyphen (Word's optional hyphen, a hint where a word may break at a line's end, never part of the
#        wording); 034F the combining grapheme joiner; 061C the Arabic letter mark; 115F..1160, 3164 and FFA0 the
#        Hangul fillers; 17B4..17B5 the Khmer inherent vowels; 180B..180F the Mongolian free variation selectors and
#        vowel separator; 200B..200F the zero-width space, non-joiner and joiner and the direction marks; 202A..202E
#        the embeddings and overrides (they show letters in another order than stored); 2060..206F the word joiner,
#        the invisible operators, the isolates and the deprecated shaping controls; FE00..FE0F the variation selectors
#        1-16; FEFF the zero-width no-break space; 1BCA0..1BCA3 the shorthand format controls; 1D173..1D17A the musical
#        beams and phrase marks; E0000..E0FFF the tag characters (E0001, E0020..E007F: a language or an emoji flag's
#        region spelt invisibly), the variation selectors 17-256 (E0100..E01EF); 2065, FFF0..FFF8 and the rest of
#        E0000..E0FFF are unassigned, reserved for invisible characters.
# `HIDDEN` is all of them but the zero-width non-joiner and joiner (`JOINERS`) and the text and emoji presentation
# selectors (`SELECTORS`, U+FE0E, U+FE0F): a person's words keep those where a script or an emoji needs them
# (`visible`); a regulation's text holds none of them (`INVISIBLE`). Those from U+10000 up stand apart (`one_of`).
HIDDEN_BMP = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b\u200e\u200f\u202a-\u202e"
              "\u2060-\u206f\u3164\ufe00-\ufe0d\ufeff\uffa0\ufff0-\ufffb")
_HIDDEN_ASTRAL = "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
HIDDEN = HIDDEN_BMP + _HIDDEN_ASTRAL
JOINERS = "\u200c\u200d"
SELECTORS = "\ufe0e\ufe0f"
INVISIBLE = f"{HIDDEN}{JOINERS}{SELECTORS}"
_INVISIBLE_BMP = f"{HIDDEN_BMP}{JOINERS}{SELECTORS}"
_ASTRAL_SPAN = "\U0001bca0-\U000e0fff"  # from the first of `_HIDDEN_ASTRAL` to the last


def one_of(bmp: str) -> str:
    """The pattern of one character of `bmp` (a class's inside: characters of the BMP) or of `HIDDEN` beyond the BMP,
    for a search of a whole text: those as one range, each character found in it checked against them. A class
    holding their three ranges tests every character searched against each (a search took 2.6 times as long as
    without them; with one range, 1.5 times)."""
    return f"[{bmp}{_ASTRAL_SPAN}](?<=[{bmp}{_HIDDEN_ASTRAL}])"


INVISIBLE_CHAR = one_of(_INVISIBLE_BMP)  # the pattern of one character of `INVISIBLE`
_INVISIBLE = lazy(INVISIBLE_CHAR)
# What stands beside a zero-width joiner or non-joiner that joins nothing: a Latin letter (Vietnamese and English
# ones, their marks), a digit or punctuation, a space, the general punctuation (quotes, dashes), an invisible
# character, or either end of the text. The scripts that need them (Persian, the Indic ones) and emoji sequences
# (👨‍👩‍👧, 🏳️‍🌈 with U+FE0F before its joiner) have them between two of their own characters; `thủ\u200dtục` hides
# `thủ tục` from a search as a soft hyphen does, and no Vietnamese or English word is spelt with one (r37). So too a
# presentation selector: after an emoji (❤️) or a keycap's digit (1️⃣), else it selects nothing.
_UNJOINED = f"\\s\x00-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f{INVISIBLE}"
_KEYCAP = "0-9#*"  # what U+20E3 (combining enclosing keycap) encloses after U+FE0F


# What a person's words keep of `HIDDEN` (r38): an emoji flag's tag sequence, the black flag U+1F3F4 followed by two
# to seven tag letters or digits (U+E0061-U+E007A, U+E0030-U+E0039) and the cancel tag U+E007F (England's is
# 🏴 g b e n g and the cancel tag: without them, a bare black flag); and one ideographic variation selector
# (U+E0100-U+E01EF) after a Han ideograph, which picks the glyph a name is written with (葛󠄀). A look-behind is of one
# width: each length of a tag sequence has its own, and they are tried only on a character of `HIDDEN`, beyond the
# BMP, already found.
_FLAG, _TAG_SPEC, _CANCEL_TAG = "\U0001f3f4", "[\U000e0061-\U000e007a\U000e0030-\U000e0039]", "\U000e007f"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_IDEOGRAPHIC_SELECTORS = "\U000e0100-\U000e01ef"
_KEPT_HIDDEN = "|".join(
    [f"(?<={_FLAG}{_TAG_SPEC}{{{at}}})(?={_TAG_SPEC}{{{length - at}}}{_CANCEL_TAG})"
     for length in range(2, 8) for at in range(1, length + 1)]
    + [f"(?<={_FLAG}{_TAG_SPEC}{{{length}}}{_CANCEL_TAG})" for length in range(2, 8)]
    + [f"(?<=[{_HAN}][{_IDEOGRAPHIC_SELECTORS}])"])


def _left_out(others: str) -> str:
    """A pattern finding each character of `others` (a class's inside) and each invisible one `visible(text,
    joiners=True)` leaves out: every one of `HIDDEN` but an emoji flag's tag sequence and an ideographic variation
    selector after a Han ideograph (`_KEPT_HIDDEN`); a joiner but between two characters of a script needing it (or
    an emoji and its presentation selector, and the next); a presentation selector but after such a character, or
    between a keycap's digit and U+20E3. It starts with one class, so a search skips the text between in one step."""
    unjoined, joiners, selectors = f"[^{_UNJOINED}]", f"[{JOINERS}]", f"[{SELECTORS}]"
    stray_joiner = (f"(?<={joiners})(?:(?<!{unjoined}{joiners})(?<!{unjoined}{selectors}{joiners})"
                    f"|(?!{unjoined}))")
    stray_selector = (f"(?<={selectors})(?<!{unjoined}{selectors})"
                      f"(?:(?<![{_KEYCAP}]{selectors})|(?!\u20e3))")
    hidden = f"(?<=[{others}{HIDDEN}])(?:(?<=[{others}{HIDDEN_BMP}])|(?!{_KEPT_HIDDEN}))"
    return f"[{others}{_INVISIBLE_BMP}{_ASTRAL_SPAN}](?:{hidden}|{stray_joiner}|{stray_selector})"


_NOT_JOINERS = lazy(_left_out(""))
SOFT_HYPHEN = "\u00ad"
_REORDERING = lazy("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")  # the direction marks and controls


def short(text: str, limit: int = 110) -> str:
    """`text`, cut with an ellipsis when longer than `limit` characters (as a message quotes it)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# The characters of a user's phrase, sentence or text a message quotes whole; a longer one is cut. Real phrases of
# `Thay thế/Bỏ cụm từ` run 100-200 characters, and a mismatch is often near their end: cut at 80 (r34), a
# 148-character phrase printed its start twice and hid the middle where the drafter could find the wrong word (r35
# sweep BG). The cut is for the 50 KB phrase that flooded the terminal.
QUOTED = 300


def excerpt(text: str, opening: str = "“", closing: str = "”", limit: int = QUOTED) -> str:
    """`text` quoted in a message: whole when at most `limit` characters, else its start and end with ` … ` between
    (`middle_cut`) and its length after the quote (`“Ban cán sự … Ủy ban” (50,038
    characters)`), so a 50 KB phrase prints no more than about `limit` characters of it."""
    if len(text) <= limit:
        return f"{opening}{text}{closing}"
    return f"{opening}{middle_cut(text, limit, near=True)}{closing} ({len(text):,} characters)"


def middle_cut(text: str, limit: int, near: bool = False) -> str:
    """`text` whole up to `limit` characters, else its start and end with ` … ` between, at most `limit` characters,
    cut between words (with `near`, only where a word ends within a quarter of the cut: a 5,000-letter word keeps
    its first letters): a message's excerpt, and the words selected that a comment keeps."""
    if len(text) <= limit:
        return text
    half = (limit - 3) // 2
    head, tail = text[:half], text[-half:]
    if not text[half].isspace() and (space := re.search(r"\s\S*\Z", head)) \
            and space.start() > (half // 2 if near else 0):
        head = head[:space.start()]
    if not text[-half - 1].isspace() and (space := re.search(r"\s", tail)) \
            and space.end() < len(tail) and (not near or space.end() <= half // 2):
        tail = tail[space.end():]
    return f"{head.rstrip()} … {tail.lstrip()}"


_C_ESCAPES = {"\\": "\\\\", '"': '\\"', "\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v",
              "\f": "\\f", "\r": "\\r"}


def _unprintable(char: str) -> bool:
    """A control character, a line or paragraph separator, or an invisible one (`INVISIBLE`: direction overrides)."""
    return unicodedata.category(char) in ("Cc", "Zl", "Zp") or bool(_INVISIBLE.match(char))


def _escaped(char: str) -> str:
    """A character as C and git write it escaped: `\\n`, `\\x1b`, `\\u202e`, `\\U000e0041` (beyond the BMP: its
    eight digits, where `\\ue0041` would read as U+E004 and a 1)."""
    code = ord(char)
    return _C_ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000
                                    else f"\\U{code:08x}")


def shown_name(name: str) -> str:
    """A file name as a message prints it: as it is, or, when it holds a control or invisible character (a line
    break would print a line of its own), in double quotes with those characters escaped as C and git write them
    (`"d/a\\nError: x.regdraft-tmp"`). Letters, Vietnamese ones too, are never escaped. So too any name or value a
    message takes from git or another clone (a commit's author, a remote's front matter): an escape sequence in it
    cleared the screen and set the window title (r35 sweep BH F3)."""
    if not any(_unprintable(char) for char in name):
        return name
    return '"' + "".join(_escaped(char) if char in _C_ESCAPES or _unprintable(char) else char for char in name) + '"'


# `_unprintable` but the tab and the line break, and U+0002 and U+0003, which mark a command inside a library's
# message (`core.commands`; a name or value inside one is `shown_name`d): what `shown_text` escapes.
_UNSHOWN_CONTROLS = "\x00\x01\x04-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029"
_UNSHOWN = lazy(one_of(f"{_UNSHOWN_CONTROLS}{_INVISIBLE_BMP}"))
_UNSHOWN_WORDS = lazy(_left_out(_UNSHOWN_CONTROLS))


def shown_text(text: str, joiners: bool = False) -> str:
    """`text` (lines of a report quoting what another clone sent: a conflict's two sides, a sync's report) with each
    control or invisible character but the tab and the line break (and a command's markers) escaped as `shown_name`
    escapes it (`\\x1b`), so that none reaches the terminal; quotes and backslashes, and every other character, as
    they are. With `joiners` (a person's words), the joiners and presentation selectors `visible(text, joiners=True)`
    keeps are shown as they are: an emoji sequence (👨‍👩‍👧, ❤️) prints as the emoji."""
    unshown = _UNSHOWN_WORDS if joiners else _UNSHOWN
    return unshown.sub(lambda found: _escaped(found.group()), text) if unshown.search(text) else text


def setting_text(value: object) -> str | None:
    """A setting's line of text as read from YAML (the comment report's recipients and signer): a text, or a whole
    number as written (`- 12345`); None for anything else (`{a: 1}`, a list, `null`, `yes`, `1.10`), which the
    report leaves out and `check` names."""
    if isinstance(value, str):
        return value
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else None


# What no document format holds (XML refuses these controls) or a legal text holds (the C1 controls U+0080-U+009F,
# which a terminal acts on as it does on an escape, U+009B starting a command as ESC [ does; direction overrides):
# read out of a front matter line (`frontmatter.without_control_characters`) and of the settings printed on a
# document. A regulation holding U+009B passed `check` and `show` printed it raw (r36 sweep BK F4).
C1 = "\x80-\x9f"
_CONTROLS_BMP = f"\x00-\x08\x0b\x0c\x0e-\x1f\x7f{C1}\u2028\u2029{_INVISIBLE_BMP}"
CONTROL = lazy(one_of(_CONTROLS_BMP))
# Every character `CONTROL` holds, and every one from U+D800 up (the non-characters and lone surrogates
# `core.unwritable` warns of among them, and the invisible characters beyond the BMP): a text holding none, nearly
# every text, is clear of both with one search (`plain`) where it took two, each over the whole text
# (docs/performance.md, round 36).
_NOT_PLAIN = lazy(f"[{_CONTROLS_BMP}\ud800-\U0010ffff]")


def plain(text: str) -> bool:
    """Whether `text` holds no character `CONTROL` finds and none `core.unwritable` warns of: when true, a reader
    need search it for neither."""
    return _NOT_PLAIN.search(text) is None


# The characters `_NOT_PLAIN` holds that Python calls printable (`str.isprintable`), found by `plain_lines` in a text
# or its UTF-8: the combining grapheme joiner (its lead byte CD), the Hangul filler U+3164 (E3), every character from
# U+D800 up (ED to F4), each a byte that begins no Vietnamese letter (C3-C6, E1), quotation mark or dash (E2); and the
# Hangul fillers U+115F, U+1160, the Khmer inherent vowels and the Mongolian selectors, whose lead byte E1 begins most
# Vietnamese letters, looked for as characters. tests/test_plain_lines.py checks every code point.
_PRINTABLE_NOT_PLAIN = (b"\xcd", b"\xe3", b"\xed", b"\xee", b"\xef", b"\xf0", b"\xf1", b"\xf2", b"\xf3", b"\xf4")
_PRINTABLE_NOT_PLAIN_CHARS = "\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f"


def plain_lines(text: str, lines: list[str], utf8: bytes | None) -> bool:
    """`plain(text)`, where `lines` is `text.split("\n")` and `utf8` is `text`'s UTF-8 or None: the same answer, in
    about two thirds of the search's time when `utf8` is given. Every line printable (`str.isprintable`: no control,
    format, separator, surrogate or private-use character), none of `_PRINTABLE_NOT_PLAIN`'s bytes in the UTF-8 and
    none of `_PRINTABLE_NOT_PLAIN_CHARS` in the text is a text `_NOT_PLAIN` finds nothing in; anything else is searched
    as `plain` searches it. Each of those is a tight C loop (a table per character, `memchr`), where the search tests
    a class of some thirty ranges at every character."""
    if (utf8 is not None and all(map(str.isprintable, lines)) and not any(b in utf8 for b in _PRINTABLE_NOT_PLAIN)
            and not any(c in text for c in _PRINTABLE_NOT_PLAIN_CHARS)):
        return True
    return plain(text)


# What no XML document (DOCX, XLSX, a Word reply) can hold, and so no comment, reply or name keeps: the control
# characters but tab and line breaks (Word's cell mark U+0007 and field marks U+0013-U+0015 in a sheet saved as
# "Unicode Text", a NUL, an escape typed into a form), DEL, lone surrogates and the non-characters U+FFFE, U+FFFF.
# python-docx refused a comment holding one ("All strings must be XML compatible") and the DOCX report crashed
# (r33 sweep AZ F1). A vertical tab and a form feed are Word's line and page breaks.
NOT_TEXT = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]+")
_BREAKS = frozenset("\x0b\x0c")


def _as_text(found: re.Match[str]) -> str:
    """A run of `NOT_TEXT` characters as `as_text` reads it."""
    if not _BREAKS.isdisjoint(found.group()):
        return "\n"
    text, start, end = found.string, found.start(), found.end()
    return " " if 0 < start and end < len(text) and text[start - 1].isalnum() and text[end].isalnum() else ""


def as_text(text: str) -> str:
    """`text` without the characters no document can hold (`NOT_TEXT`), every visible character kept: a run holding
    a vertical tab or a form feed (Word's line and page breaks) read as a line break, one between two letters or
    digits as a space (`sửa\x00thời` reads `sửa thời`, never `sửathời`), any other left out (`hạn\x07 báo` reads
    `hạn báo`, `'\x00=1` reads `'=1`).
    Comments are read so wherever they come in (`comments.one_newline`), and every DOCX and XLSX writer writes its
    text so, as the last guard."""
    return NOT_TEXT.sub(_as_text, text) if NOT_TEXT.search(text) else text


def not_text(text: str) -> str | None:
    """How a message names the first character of `text` no document holds (`NOT_TEXT`): `the control character
    U+0007, which no document format can hold`; None when there is none."""
    found = NOT_TEXT.search(text)
    if found is None:
        return None
    char = found.group()[0]
    kind = ("non-character" if char in "\ufffe\uffff" else "lone surrogate" if "\ud800" <= char <= "\udfff"
            else "control character")
    return f"the {kind} U+{ord(char):04X}, which no document format can hold"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP "CSV injection")."""
_C0 = "".join(map(chr, range(0x20))) + "\x7f"


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet could read `text` as a formula: it starts with one of `FORMULA_STARTS`, or does after
    control characters (`\\0=1+2`, an imported cell's: the neutraliser looked only at the first character, and a
    spreadsheet may drop the NUL; r32 sweep AW F9)."""
    return text.startswith(FORMULA_STARTS) or text.lstrip(_C0).startswith(FORMULA_STARTS)


def control_character(text: str) -> str | None:
    """How a message names the first character of `text` no document holds, and why (`the control character U+0007,
    which no document format can hold`, `the invisible character U+202E (right-to-left override), which no legal
    text holds: …`); None when there is none."""
    found = CONTROL.search(text)
    if found is None:
        return None
    char = found.group()
    if char in "\u2028\u2029" or ord(char) < 0x20 or char == "\x7f":
        return f"the control character U+{ord(char):04X}, which no document format can hold"
    if "\x80" <= char <= "\x9f":
        return f"the control character U+{ord(char):04X}, which no legal text holds"
    does = ("it shows letters in another order than they are stored" if _REORDERING.match(char) else
            "it cannot be seen, yet a search for the words around it does not find them")
    return f"the invisible character {invisible_name(char)}, which no legal text holds: {does}"


_HIDING = lazy(_left_out(C1))
_HIDING_ALL = lazy(one_of(f"{C1}{_INVISIBLE_BMP}"))


def hiding_character(text: str, joiners: bool = False) -> str | None:
    """How a message names the first C1 control or invisible character of `text` (as `control_character` does); with
    `joiners`, a zero-width non-joiner or joiner that joins two characters of a script needing it is none, nor a
    presentation selector after an emoji (a person's words keep them, as `visible` keeps them).
    A comment file holding U+202E or U+009B was read and listed as it was (r36 sweep BK F5). None when there is none.
    """
    found = (_HIDING if joiners else _HIDING_ALL).search(text)
    return control_character(found.group()) if found is not None else None


def invisible_name(char: str) -> str:
    """How a message names an invisible character: `U+200B (zero width space)`, `U+00AD (soft hyphen: Word's
    optional hyphen)`."""
    name = unicodedata.name(char, "").lower() or "unassigned: reserved for an invisible character"
    if char == SOFT_HYPHEN:
        name += ": Word's optional hyphen"
    return f"U+{ord(char):04X} ({name})"


def visible(text: str, joiners: bool = False) -> str:
    """`text` without its invisible characters (`INVISIBLE`); with `joiners`, a zero-width non-joiner or joiner
    (U+200C, U+200D) kept where it joins two characters of a script that needs it: a person's words hold them where
    they belong (👨‍👩‍👧 is three emoji joined, and Persian and some Indic words are spelt with them), and they change
    no order a reader sees. One beside a Latin letter, a digit, punctuation or a space, or at an end, joins nothing
    (`_UNJOINED`: no Vietnamese or English word holds one) and is left out as a soft hyphen is. So too the emoji
    presentation selector U+FE0F (and U+FE0E, text presentation): kept after an emoji (❤️, and in 🏳️‍🌈 before its
    joiner) and in a keycap (1️⃣), left out anywhere else. So too an emoji flag's tag sequence (🏴 and five invisible
    letters and the cancel tag for Scotland's) and an ideographic variation selector after a Han ideograph
    (`_KEPT_HIDDEN`, r38). Every other variation selector and tag character is left out: no Vietnamese text needs
    them, and a run of them hid words as well as any. Without `joiners` (a regulation's text), none is kept."""
    return (_NOT_JOINERS if joiners else _INVISIBLE).sub("", text)


def invisible_found(text: str, joiners: bool = False) -> Iterator[re.Match[str]]:
    """Each invisible character `visible(text, joiners)` leaves out of `text`, in order."""
    return (_NOT_JOINERS if joiners else _INVISIBLE).finditer(text)


# The spaces other than U+0020 a text copied from Word or a web page carries, which an import writes as one plain
# space (a character class's inside): the tab, the no-break space (U+00A0), the en, em, figure, thin and hair spaces
# (U+2000-U+200A), the narrow no-break space (U+202F), the medium mathematical space (U+205F) and the ideographic
# space (U+3000) and the Ogham space mark (U+1680): with U+0020, every space separator Unicode has (Zs). The
# zero-width ones are `INVISIBLE`: left out (`nhân\u200b, tập thể` reads `nhân, tập thể`).
ODD_SPACES = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_ODD_RUN = lazy(f"(?<![ ])[ ]*+[{ODD_SPACES}][ {ODD_SPACES}]*")  # from a run's start only: linear (r27 costs27)


def plain_spaces(text: str) -> str:
    """`text` with each run of spaces holding one of `ODD_SPACES` written as one plain space, and without its
    invisible characters: `Danh\u00a0hiệu` reads `Danh hiệu`; a run of plain spaces alone is kept as it is."""
    return _ODD_RUN.sub(" ", visible(text))


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def same_name(one: str, other: str) -> bool:
    """True when two names are the same but for Unicode form, case and spacing (`Bộ Nội vụ`, `bộ  nội vụ`)."""
    return " ".join(nfc(one).casefold().split()) == " ".join(nfc(other).casefold().split())


def person(by: str, author: str) -> str:
    """The person who wrote a comment for the body `by`, shown beside it; "" when none is recorded or it is the
    body's own name (a Word reply whose author is the body: `Bộ Nội vụ (Bộ Nội vụ)` said it twice)."""
    return "" if same_name(by, author) else author


def _fold_word(match: re.Match[str]) -> str:
    return _fold(match.group(0))


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """One word's key; syllables repeat throughout a text, so each is folded once."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(ch for ch in decomposed if ch in _TONES)
    if not tones:
        return word
    base = "".join(ch for ch in decomposed if ch not in _TONES)
    return unicodedata.normalize("NFC", base) + tones


def tone_key(text: str) -> str:
    """A key equal for two texts that differ only in where a syllable's tone mark sits.

    Post-conditions:
    1. `tone_key("Tỉnh ủy") == tone_key("Tỉnh uỷ")` and `tone_key("hòa") == tone_key("hoà")`.
    2. Texts that differ in letters, tones or case keep different keys.
    """
    text = nfc(text)
    if len(text) < _LONG:
        return _WORD.sub(_fold_word, text)
    # A long text (a report on one line): each distinct word folded once, joined back in C.
    parts = _WORD_SPLIT.split(text)
    words = parts[1::2]
    folded = {word: _fold(word) for word in set(words)}
    parts[1::2] = map(folded.__getitem__, words)
    return "".join(parts)


def unaccented(text: str) -> str:
    """Lower case without diacritics, one character for one (`Điều` -> `dieu`): typed words match."""
    out = []
    for ch in text.lower():
        base = unicodedata.normalize("NFD", ch)[0]
        out.append("d" if base == "đ" else base)
    return "".join(out)


def words_within(part: str, whole: str) -> bool:
    """Whether the words of `part` run, as whole words, within the longer name `whole` (`Văn phòng`, `van phong` in
    `Văn phòng Tỉnh ủy`): case, spacing, tone placement and accents aside."""
    words, name = (unaccented(unicodedata.normalize("NFC", text)).split() for text in (part, whole))
    return 0 < len(words) < len(name) and any(name[i:i + len(words)] == words
                                              for i in range(len(name) - len(words) + 1))


# Letters that look like Vietnamese ones but are other characters: Icelandic eth typed for Đ,
# and Cyrillic or Greek capitals and small letters that draw like Latin ones.
LOOKALIKES = {
    "\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ", "\u0256": "đ",
    **dict(zip("АВЕКМНОРСТХІЈЅаеорсухіјѕ", "ABEKMHOPCTXIJSaeopcyxijs", strict=True)),
    **dict(zip("ΑΒΕΗΙΚΜΝΟΡΤΥΧΖον", "ABEHIKMNOPTYXZov", strict=True)),
}
_LOOKALIKE_TABLE = str.maketrans(LOOKALIKES)
_LOOKALIKE_CHARS = frozenset(LOOKALIKES)
# Anything fold_letters may change: a lookalike, or a combining mark (NFC Vietnamese has none).
_FOLDABLE = lazy("[" + "".join(LOOKALIKES) + "\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]")


def fold_letters(text: str) -> str:
    """`text` with lookalike letters replaced by the Vietnamese letters they imitate, and stray
    combining marks (left over after NFC: doubled, or on no letter) removed.

    Post-conditions:
    1. `fold_letters("\u00d0iều 5") == "Điều 5"` (U+00D0 for U+0110), Cyrillic `а` reads as `a`.
    2. NFC text made of Vietnamese and ASCII letters comes back unchanged.
    """
    if text.isascii() or not _FOLDABLE.search(text):
        return text
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_LOOKALIKE_TABLE))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def folded_letters(text: str) -> list[str]:
    """What `fold_letters` changes in `text`, in words: `Ð (U+00D0) as Đ`, `a stray mark U+0301`."""
    found: list[str] = []
    for ch in dict.fromkeys(ch for ch in text if ch in _LOOKALIKE_CHARS):
        found.append(f"{ch} (U+{ord(ch):04X} {unicodedata.name(ch, '?')}) as {LOOKALIKES[ch]}")
    stray = [ch for ch in nfc(text) if unicodedata.combining(ch)]
    found.extend(f"a stray combining mark U+{ord(ch):04X} ({unicodedata.name(ch, '?').lower()}) dropped"
                 for ch in dict.fromkeys(stray))
    return found


def escape_html(text: str, quote: bool = True) -> str:
    """`html.escape(text, quote)`, the same replacements in the same order, without importing `html`: it loads its
    table of 2,231 named entities (for `unescape`) on every start."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#x27;") if quote else text

"""Legacy Vietnamese 8-bit encodings (TCVN3/ABC and VNI Windows) to Unicode NFC.

Both encodings predate Unicode: the bytes were shown through special fonts (`.VnTime` for
TCVN3, `VNI-Times` for VNI), so a file or a Word run holds characters such as `B¶o Th¾ng`
("Bảo Thắng", TCVN3) or `Vieät Nam` ("Việt Nam", VNI). Python's cp1258 is neither.

Post-conditions:
1. `decode_tcvn3(encode_tcvn3(s)) == s` and `decode_vni(encode_vni(s)) == s` for every NFC
   string `s` written with the letters those encodings can express. TCVN3 has no upper-case
   toned letters: in a word otherwise in capitals (`TỉNH`), or in a line in capitals (`Xã` in
   `CỘNG HÒA Xã HỘI`, `Bí THƯ`), they are restored as capitals; elsewhere (a capital toned
   initial, `Ủy`) they come out lower-case, as `.VnTime` shows them, until `restore_capitals` puts back the capital
   of a paragraph's first word and of a word that begins a sentence (`2. Ủy ban …`); inside a sentence it stays.
2. `detect(text)` names the reading under which the most words are well-formed Vietnamese
   syllables, preferring the text as it is when no legacy reading does clearly better.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from regdraft.core.text import nfc

ENCODINGS = ("utf-8", "tcvn3", "vni")
# Windows-1258 is a byte encoding Python reads: it is chosen from the bytes, before the
# legacy readings of the text are compared (`--encoding cp1258` forces it).
TEXT_ENCODINGS = (*ENCODINGS, "cp1258")

# TCVN3 (TCVN 5712:1993, "ABC"): one byte per letter, read here through Latin-1, where the
# byte values and the code points coincide. Upper-case toned letters have no code: documents
# showed them through the `.VnTimeH` family of fonts, which draw the lower-case codes as capitals.
_TCVN3_ROWS = {
    "ĂÂÊÔƠƯĐăâêôơưđ": range(0xA1, 0xAF),
    "àảãáạ": range(0xB5, 0xBA),
    "ằẳẵắ": range(0xBB, 0xBF),
    "ặầẩẫấậ": (0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "èẻẽéẹ": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ềểễếệ": range(0xD2, 0xD7),
    "ìỉĩíị": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "òỏõóọ": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ồổỗốộ": range(0xE5, 0xEA),
    "ờởỡớợ": range(0xEA, 0xEF),
    "ùủũúụ": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ừửữứự": range(0xF5, 0xFA),
    "ỳỷỹýỵ": range(0xFA, 0xFF),
}
TCVN3_TO_UNICODE: Mapping[str, str] = {
    chr(code): letter
    for letters, codes in _TCVN3_ROWS.items()
    for letter, code in zip(letters, codes, strict=True)
}
_TCVN3_TABLE = str.maketrans(dict(TCVN3_TO_UNICODE))
_UNICODE_TO_TCVN3 = {letter: code for code, letter in TCVN3_TO_UNICODE.items()}

# VNI Windows: a base letter followed by a mark character (`a` + `ù` = á, `e` + `ä` = ệ),
# plus a few single characters (`ô` = ơ, `ö` = ư, `ñ` = đ, and the toned i's and ỵ).
_TONES = {"acute": "\u0301", "grave": "\u0300", "hook": "\u0309", "tilde": "\u0303", "dot": "\u0323", "": ""}
_VNI_TONE_MARKS = {"ù": "acute", "ø": "grave", "û": "hook", "õ": "tilde", "ï": "dot"}
_VNI_CIRCUMFLEX_MARKS = {"â": "", "á": "acute", "à": "grave", "å": "hook", "ã": "tilde", "ä": "dot"}
_VNI_BREVE_MARKS = {"ê": "", "é": "acute", "è": "grave", "ú": "hook", "ü": "tilde", "ë": "dot"}
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for upper in (False, True):
        def case(s: str, up: bool = upper) -> str:
            return s.upper() if up else s

        for base in ("a", "e", "o", "u", "y", "ô", "ö"):
            letter = _VNI_SINGLE.get(base, base)
            for mark, tone in _VNI_TONE_MARKS.items():
                pairs[case(base) + case(mark)] = nfc(case(letter) + _TONES[tone])
        for base in ("a", "e", "o"):
            for mark, tone in _VNI_CIRCUMFLEX_MARKS.items():
                pairs[case(base) + case(mark)] = nfc(case(base) + "\u0302" + _TONES[tone])
        for mark, tone in _VNI_BREVE_MARKS.items():
            pairs[case("a") + case(mark)] = nfc(case("a") + "\u0306" + _TONES[tone])
    return pairs


VNI_PAIRS: Mapping[str, str] = _vni_pairs()
VNI_SINGLES: Mapping[str, str] = {
    **_VNI_SINGLE, **{k.upper(): v.upper() for k, v in _VNI_SINGLE.items()},
}
_VNI_PATTERN = re.compile(
    "|".join(re.escape(k) for k in sorted([*VNI_PAIRS, *VNI_SINGLES], key=len, reverse=True))
)
_UNICODE_TO_VNI = {
    **{v: k for k, v in VNI_SINGLES.items() if k != v},
    **{v: k for k, v in VNI_PAIRS.items()},
}


# A word (a run of word characters; `_capitals` leaves one without A-Z as it is). `\w*[A-Z]\w*` read the same words,
# but tried every start in a run holding no A-Z: quadratic in a long one ('a' × 100,000 in a text copy's detection
# sample took 80 s; docs/security.md).
_WORD_RUN = re.compile(r"\w+")
_LETTER_WORD = re.compile(r"[^\W\d_]+")
# Lower-case letters whose capital TCVN3 cannot write (the toned vowels): `.VnTime` shows
# `XÃ` as `Xã` and `Ở` as `ở`.
_NO_CAPITAL = frozenset(ch for ch in TCVN3_TO_UNICODE.values() if ch.islower() and ch.upper() not in _UNICODE_TO_TCVN3)


def _capitals(match: re.Match[str]) -> str:
    """`TỉNH` -> `TỈNH`: TCVN3 has no capital toned letters, so a capitals word shows lower-case ones. A word without
    A-Z is returned as it is."""
    word = match.group(0)
    ascii_letters = [ch for ch in word if ch.isascii() and ch.isalpha()]
    if word.islower() or word.isupper() or not all(ch.isupper() for ch in ascii_letters):
        return word
    if not any(ch.isupper() for ch in word[1:] if ch.isascii()):
        return word
    return word.upper()


def _lost_capitals(word: str) -> bool:
    """True for `Xã`, `Bí`, `ở`: every letter after the first is a toned vowel, so the word may be capitals."""
    return (
        not word.isupper()
        and (word[0].isupper() or word[0] in _NO_CAPITAL)
        and all(ch in _NO_CAPITAL for ch in word[1:])
    )


_LABEL_NUMBER = re.compile(r"(?:\d+|[IVXLCDM]+)[.:]?")


def _capitals_line(line: str) -> str:
    """A line in capitals (`CỘNG HÒA Xã HỘI`, `Bí THƯ`) restores its words that lost them (`XÃ`, `BÍ`).

    A heading's label (`Mục 1.`, `Chương II`) and codes (`01-QC/TU`) do not count: `Số 01-QC/TU` keeps `Số`.
    """
    line = _WORD_RUN.sub(_capitals, line)
    tokens = line.split()
    if len(tokens) > 2 and _LABEL_NUMBER.fullmatch(tokens[1]):
        tokens = tokens[2:]
    words = [
        word
        for token in tokens
        if not any(ch.isdigit() or ch == "/" for ch in token)
        for word in _LETTER_WORD.findall(token)
    ]
    lost = [word for word in words if _lost_capitals(word)]
    others = [word for word in words if not _lost_capitals(word)]
    if not lost or len(others) < len(lost) or not all(word.isupper() for word in others):
        return _between_capitals(line) if lost else line
    if not any(len(word) > 1 for word in others):
        return line
    return _LETTER_WORD.sub(lambda m: m.group(0).upper() if _lost_capitals(m.group(0)) else m.group(0), line)


def _between_capitals(line: str) -> str:
    """A word that lost its capitals between two words in capitals, in a line that is not all capitals: `CỘNG HÒA Xã
    HỘI` beside `Độc lập – Tự do` in one cell of the header, `MẪU Tờ KHAI` in a title with a date after it."""
    words = list(_LETTER_WORD.finditer(line))
    shouted = [len(w.group(0)) > 1 and w.group(0).isupper() for w in words]
    out, last = [], 0
    for i, word in enumerate(words):
        if 0 < i < len(words) - 1 and shouted[i - 1] and shouted[i + 1] and _lost_capitals(word.group(0)):
            out += [line[last:word.start()], word.group(0).upper()]
            last = word.end()
    return "".join(out) + line[last:] if out else line


def decode_tcvn3(text: str) -> str:
    """Read text written in TCVN3 (as Latin-1 characters) as Unicode NFC."""
    translated = text.translate(_TCVN3_TABLE)
    return nfc("".join(_capitals_line(line) for line in translated.splitlines(keepends=True)))


# Where a sentence begins in a paragraph read from TCVN3: the paragraph's first word, past opening quotes and a label
# (`2.`, `2-`, `đ)`, `d1)`, `a.1)`, `Điều 5.` before its title, `- `, `+ `); an item of a list run on after `:` or `;`
# (`Nơi nhận: - Ban …; - Ủy ban …`); and a word after a full stop, a question or an exclamation mark (not an ellipsis)
# and a space. A `;` or `:` ends no sentence: the word after it keeps its case.
_OPENING = "“\"'‘(["
_LABEL = r"(?:Điều\s+\d+[a-z]?\s*[.:]?|\d+(?:\.\d+)*[a-z]?\s*[.)-]|[a-zđ]\d*(?:\.\d+)?\s*[).-]|[-+•–])"
_SENTENCE_STARTS = re.compile(rf"^[{_OPENING}]*(?:{_LABEL}\s*[{_OPENING}]*)?(?=\w)"
                              rf"|[:;]\s+[-+•–]\s+[{_OPENING}]*(?=\w)"
                              rf"|(?<![.…])[.?!][”\"’)]*\s+[{_OPENING}]*(?=\w)")


def restore_capitals(text: str) -> tuple[str, int]:
    """`text`, a paragraph read from TCVN3, with the capital put back on a toned first letter where a sentence begins
    (`2. ủy ban …` -> `2. Ủy ban …`, `đ) ứng dụng` -> `đ) Ứng dụng`), and how many were put back. TCVN3 writes no
    capital toned letter (`.VnTimeH` drew them), and a clause, a point, an article's title and a sentence begin with a
    capital; a word inside a sentence (`của ủy ban`) is left as converted, as nothing says it was a capital."""
    letters = list(text)
    restored = 0
    for match in _SENTENCE_STARTS.finditer(text):
        at = match.end()
        if at < len(letters) and letters[at] in _NO_CAPITAL:
            letters[at] = letters[at].upper()
            restored += 1
    return ("".join(letters), restored) if restored else (text, 0)


CAPITALS_SAID = "TCVN3 writes no capital toned letter"  # how `capitals_note` begins


def capitals_note(restored: int, unit: str) -> str:
    """What the import report says of the capitals `restore_capitals` put back (`unit`: line or paragraph)."""
    return (f"{CAPITALS_SAID} (Ủ, Ấ, Ở …): {restored} "
            f"{'was' if restored == 1 else 'were'} put back where a sentence, a clause, a point or an article's "
            f"title begins (`2. Ủy ban …`), the first in this {unit}. Inside a sentence one stays lower case as "
            "converted (`của ủy ban`): compare those with the source.")


def decode_vni(text: str) -> str:
    """Read text written in VNI Windows (as cp1252 characters) as Unicode NFC."""
    return nfc(_VNI_PATTERN.sub(lambda m: VNI_PAIRS.get(m.group(0)) or VNI_SINGLES[m.group(0)], text))


def encode_tcvn3(text: str) -> str:
    """Write Unicode text in TCVN3; upper-case toned letters become lower-case (as `.VnTime`)."""
    out = []
    for ch in nfc(text):
        code = _UNICODE_TO_TCVN3.get(ch) or _UNICODE_TO_TCVN3.get(ch.lower())
        out.append(code if code is not None else ch)
    return "".join(out)


def encode_vni(text: str) -> str:
    """Write Unicode text in VNI Windows characters."""
    return "".join(_UNICODE_TO_VNI.get(ch, ch) for ch in nfc(text))


def decode(text: str, encoding: str) -> str:
    """Convert text in a named encoding (`utf-8` means: already Unicode) to NFC."""
    if encoding == "tcvn3":
        return decode_tcvn3(text)
    if encoding == "vni":
        return decode_vni(text)
    return nfc(text)


def font_encoding(font: str | None) -> str | None:
    """The legacy encoding a font name shows (`.VnTime` -> tcvn3, `VNI-Times` -> vni), or None."""
    if not font:
        return None
    if font.startswith(".Vn") or font.startswith("Vn"):
        return "tcvn3"
    if font.upper().startswith("VNI-") or font.upper().startswith("VNI "):
        return "vni"
    return None


def capitals_font(font: str | None) -> bool:
    """True for the TCVN3 capitals fonts (`.VnTimeH`, `.VnArialH`) that draw lower case as caps."""
    return bool(font) and font_encoding(font) == "tcvn3" and str(font).rstrip().endswith("H")


# A well-formed Vietnamese syllable: initial consonants, one to three vowels, a final.
_VOWELS = "aăâeêioôơuưy"
_INITIAL = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
_SYLLABLE = re.compile(rf"^{_INITIAL}[{_VOWELS}]{{1,3}}(?:ng|nh|ch|[cmnpt])?$")
_WORD = re.compile(r"[^\s\d.,;:!?()\[\]\"'“”‘’/\\-]+")
_TONE_MARKS = frozenset(_TONES.values()) - {""}
SAMPLE_SIZE = 100_000
_UNICODE_VIETNAMESE = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")
_UNICODE_EVIDENCE = 20


@functools.lru_cache(maxsize=65536)
def _syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable (cached: texts repeat few distinct syllables)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in _TONE_MARKS)
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    return tones <= 1 and bool(_SYLLABLE.match(bare))


def vietnamese_score(text: str) -> int:
    """How many non-ASCII words of `text` are well-formed Vietnamese syllables, minus the rest."""
    score = 0
    for word in _WORD.findall(text):
        if not word.isascii():
            score += 1 if _syllable(word) else -1
    return score


def detect(text: str) -> str:
    """The encoding `text` is most likely written in: `utf-8` (as is), `tcvn3` or `vni`."""
    sample = text[:SAMPLE_SIZE]
    if sample.isascii():
        return "utf-8"
    # Legacy bytes are read through Latin-1/cp1252, which hold no Vietnamese Unicode letter
    # (ơ, ư, đ, ạ ... ỹ): text that has them is Unicode already, whatever symbols (£, ▪)
    # a legacy reading would turn into letters.
    if len(_UNICODE_VIETNAMESE.findall(nfc(sample))) >= _UNICODE_EVIDENCE:
        return "utf-8"
    scores = {name: vietnamese_score(decode(sample, name)) for name in ENCODINGS}
    best = max(scores, key=lambda name: scores[name])
    # Prefer the text as written unless a legacy reading is clearly better.
    return best if best != "utf-8" and scores[best] > max(scores["utf-8"], 0) else "utf-8"


@dataclass(frozen=True, slots=True)
class Misreading:
    """Unicode text read in a legacy encoding: how many of its words that changes, and the first one changed."""

    changed: int
    written: str  # the first word changed, as the file has it
    read: str  # ... and as the legacy reading makes it


def misread(text: str, encoding: str) -> Misreading | None:
    """What reading `text` in the legacy `encoding` does to it, when it is Unicode already: it holds Vietnamese
    letters no legacy byte stands for (ơ, ư, đ, ạ … ỹ, as `detect` tells). None when it does not, or nothing
    changes."""
    if encoding == "utf-8" or len(_UNICODE_VIETNAMESE.findall(nfc(text[:SAMPLE_SIZE]))) < _UNICODE_EVIDENCE:
        return None
    written = _WORD.findall(nfc(text))
    changed = [(a, b) for a, b in zip(written, _WORD.findall(decode(text, encoding)), strict=False) if a != b]
    return Misreading(len(changed), *changed[0]) if changed else None


# cp1252 gives the bytes 0x80-0x9F their Windows meaning; its five gaps keep Latin-1's.
_C1_TABLE = {
    code: bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


BAD_BYTES_SHOWN = 20


@dataclass(frozen=True, slots=True)
class BadByte:
    """A byte that is not valid UTF-8, with its 1-based line and column (in characters)."""

    line: int
    column: int
    value: int


def bad_utf8(data: bytes, limit: int = BAD_BYTES_SHOWN) -> list[BadByte]:
    """The first `limit` bytes of `data` that are not valid UTF-8, with their line and column."""
    found: list[BadByte] = []
    pos = 0
    while len(found) < limit:
        try:
            data[pos:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            start = pos + exc.start
            line_start = data.rfind(b"\n", 0, start) + 1
            column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
            found.append(BadByte(data.count(b"\n", 0, start) + 1, column, data[start]))
            pos = start + max(1, exc.end - exc.start)
    return found


def mostly_utf8(data: bytes) -> bool:
    """True when `data` is UTF-8 text with a few bad bytes, not text in an 8-bit encoding.

    Text in an 8-bit encoding almost never forms valid multi-byte UTF-8 sequences, so a text
    whose valid non-ASCII letters far outnumber its invalid bytes was meant as UTF-8.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    letters = sum(1 for ch in text if not ch.isascii() and ch != "\ufffd")
    return letters >= 5 * max(bad, 1)


def cp1258_score(data: bytes, sample: int = SAMPLE_SIZE) -> int:
    """How well `data` reads as Windows-1258 (base letters and combining tone marks)."""
    return vietnamese_score(nfc(data[:sample].decode("cp1258", errors="replace")))


# How the 8-bit encodings `eight_bit` names are said, and where such a file comes from.
_EIGHT_BIT = {"cp1258": "Windows-1258, as Excel saves a plain 'CSV' on Vietnamese Windows",
              "cp1252": "Windows-1252, as Excel saves a plain 'CSV' on Windows set to a Western language, which "
                        "cannot hold most Vietnamese letters",
              "tcvn3": "TCVN3, typed in the .VnTime fonts", "vni": "VNI, typed in the VNI fonts"}


def eight_bit(data: bytes) -> str:
    """The 8-bit encoding bytes that are not UTF-8 look like, in words, as `import` reads a text file: Windows-1258
    when they read best so, else TCVN3 or VNI when `detect` names one, else Windows-1252."""
    text = bytes_to_text(data)[0][:SAMPLE_SIZE]
    if cp1258_score(data) > max(vietnamese_score(decode(text, name)) for name in ENCODINGS):
        return _EIGHT_BIT["cp1258"]
    return _EIGHT_BIT.get(detect(text), _EIGHT_BIT["cp1252"])


def bytes_to_text(data: bytes) -> tuple[str, bool]:
    """Bytes as text: UTF-8 when valid (True), else cp1252 with Latin-1 for its gaps (False)."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), True
    except UnicodeDecodeError:
        return data.decode("latin-1").translate(_C1_TABLE), False

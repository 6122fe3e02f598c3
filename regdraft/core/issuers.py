"""The issuer of a document as running text writes it: `Tỉnh ủy Điện Biên` for `TỈNH ỦY ĐIỆN BIÊN`, `Bộ Kế hoạch và
Đầu tư`, `Bộ Nội vụ - Bộ Tài chính` for a joint header, `the Dien Bien Provincial Party Committee` in English
(Nghị định 30/2020/NĐ-CP Phụ lục II, Hướng dẫn 36-HD/VPTW). Used by the consolidated text's opening and notes
(`core.consolidate`) and every citation of a document by its issuer; and the lines a header prints its name on
(`name_lines`: a local authority's council, then its locality).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from regdraft.core.patterns import lazy
from regdraft.core.text import tone_key

# The types of body that issue texts jointly (`BỘ NỘI VỤ - BỘ TÀI CHÍNH`, `TÒA ÁN NHÂN DÂN TỐI CAO - VIỆN KIỂM SÁT …`,
# `BAN TỔ CHỨC TRUNG ƯƠNG - BỘ NỘI VỤ`): a ` - ` followed by one of them starts the next issuer; any other is part of a
# name (`Bộ Lao động - Thương binh và Xã hội`).
_BODY_TYPES = ("bộ", "ban", "ủy ban", "uỷ ban", "tòa án", "toà án", "viện", "kiểm toán", "ngân hàng", "thanh tra",
               "chính phủ", "văn phòng", "mặt trận", "tổng", "trung ương", "hội", "đoàn", "sở", "tỉnh ủy", "tỉnh uỷ",
               "thành ủy", "thành uỷ", "huyện ủy", "huyện uỷ", "đảng ủy", "đảng uỷ", "công an")
# The fields a ministry's name is made of (`Kế hoạch` and `Đầu tư`; `Lao động`, `Thương binh` and `Xã hội`).
_FIELD_BREAK = re.compile(r"(\s+và\s+|,\s*|\s+[-–]\s+)")


def _joint_issuers(raw: str) -> list[str]:
    """The issuers of a header line, lower case: `['bộ nội vụ', 'bộ tài chính']` for `BỘ NỘI VỤ - BỘ TÀI CHÍNH`."""
    names: list[str] = []
    for part in re.split(r"\s+[-–]\s+", raw.lower()):
        if names and not any(part == body or part.startswith(body + " ") for body in _BODY_TYPES):
            names[-1] += " - " + part
        else:
            names.append(part)
    return names


# The proper names of Party and State bodies, with the words their documents capitalise (Hướng dẫn 36-HD/VPTW,
# Nghị định 30/2020/NĐ-CP Phụ lục II): restored in an issuer printed in capitals (`BAN TỔ CHỨC TRUNG ƯƠNG`).
_PROPER_NAMES = tuple(name.split() for name in (
    "Ban Bí thư", "Ban Chấp hành", "Ban Thường vụ", "Ban Tổ chức", "Ban Tuyên giáo", "Ban Dân vận", "Ban Nội chính",
    "Ban Kinh tế", "Ban Đối ngoại", "Ủy ban Kiểm tra", "Đảng ủy Khối", "Đảng ủy Công an", "Đảng ủy Quân sự",
    "Trung ương Đảng", "Trung ương", "Đảng bộ",
    "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy", "Quốc hội", "Chính phủ", "Mặt trận Tổ quốc", "Việt Nam"))


def _body_name(name: str) -> str:
    """One issuer as running text writes it (Nghị định 30/2020/NĐ-CP, Phụ lục II): a ministry with each field it
    works in capitalised (`Bộ Nội vụ`, `Bộ Kế hoạch và Đầu tư`, `Bộ Chính trị`), any other body by its first letter
    and the proper names it holds (`Ban Tổ chức Trung ương`, `Văn phòng Tỉnh ủy`, `Tòa án nhân dân tối cao`)."""
    if name.startswith("bộ "):
        fields = _FIELD_BREAK.split(name[3:])
        return "Bộ " + "".join(f if i % 2 else f[:1].upper() + f[1:] for i, f in enumerate(fields))
    pieces = re.split(r"(\s+)", name)
    keys = [tone_key(word) for word in pieces[::2]]  # `tỉnh uỷ` is `Tỉnh uỷ`, as the header spells it
    for proper in _PROPER_NAMES:
        wanted = [tone_key(word.lower()) for word in proper]
        for start in range(len(keys) - len(wanted) + 1):
            if keys[start:start + len(wanted)] == wanted:
                for offset, word in enumerate(proper):
                    at = 2 * (start + offset)
                    if word[:1].isupper():
                        pieces[at] = pieces[at][:1].upper() + pieces[at][1:]
    _place_names(pieces)
    text = "".join(pieces)
    return text[:1].upper() + text[1:]


# The administrative units a place's name follows (Nghị định 30/2020/NĐ-CP Phụ lục II: each syllable of a place's name
# is capitalised): `huyện Đăk Glong`, `Ủy ban nhân dân xã Ia Blứ`; and the Party and Youth Union committees named by
# their unit (`Huyện ủy Kbang`, `Tỉnh đoàn Gia Lai`). A bare `Đảng ủy` is not one: `Đảng ủy Khối …`, `Đảng ủy Công
# an …` name no place, and `Đảng ủy xã …` has its unit. Keys as `tone_key` writes them, so `uỷ` is `ủy`.
_UNITS = tuple(tuple(tone_key(word) for word in unit.split()) for unit in (
    "tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy", "tỉnh đoàn", "thành đoàn", "huyện đoàn", "quận đoàn",
    "thị đoàn", "thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường"))
_XA, _HOI, _HOP_TAC = (tone_key("xã"),), [tone_key("hội")], [tone_key("hợp"), tone_key("tác")]
# The words a place's name stops before (`Ban Chỉ đạo tỉnh về …`, `Hội đồng nhân dân tỉnh Gia Lai khóa XII`).
_AFTER_PLACE = frozenset(tone_key(word) for word in ("về", "và", "của", "khóa", "nhiệm", "trực", "thuộc", "tại", "lần"))


def _unit_at(keys: list[str], k: int) -> int:
    """How many words of `keys` from `k` name an administrative unit (`_UNITS`); 0 when none does. `xã` in `xã hội`
    (`Bảo hiểm xã hội`) or `hợp tác xã` is none."""
    for unit in _UNITS:
        if tuple(keys[k:k + len(unit)]) == unit:
            if unit == _XA and (keys[k + 1:k + 2] == _HOI or keys[max(k - 2, 0):k] == _HOP_TAC):
                return 0
            return len(unit)
    return 0


def _place_words(words: list[str]) -> list[int]:
    """Which of `words` (an issuer's, in order) are a place's name after its unit: `Đăk`, `Glong` of `Huyện ủy Đăk
    Glong`; the name stops at a comma, another unit or a word that follows a name (`_AFTER_PLACE`)."""
    keys = [tone_key(word.lower()) for word in words]
    found: list[int] = []
    k = 0
    while k < len(keys):
        unit = _unit_at(keys, k)
        k += unit
        while unit and k < len(keys) and keys[k] not in _AFTER_PLACE and not _unit_at(keys, k):
            found.append(k)
            k += 1
            if words[k - 1].endswith(","):
                break
        k += not unit
    return found


def _place_names(pieces: list[str]) -> None:
    """Capitalise each word of a place's name after its unit in `pieces` (words at even places, the spaces between
    them at odd ones): `Huyện ủy Đăk Glong`, `Ea H'Leo`, `M'Đrắk`, whatever the `place:` of the front matter says."""
    for k in _place_words(pieces[::2]):
        pieces[2 * k] = _capitalised(pieces[2 * k])


def _capitalised(word: str) -> str:
    """A word of a place's name as written: its first letter and any after an apostrophe in capitals (`H'Leo`)."""
    return re.sub(r"(^|['’])(\w)", lambda m: m.group(1) + m.group(2).upper(), word)


# A Vietnamese syllable without marks: an initial consonant, a vowel group, a final. A word of a header in capitals
# of at most five plain Latin letters that is none (`ABC`, `TNHH`, `VNPT`, `FPT`) is an acronym, kept as the header
# prints it; a word with marks (`ĐẮK LẮK`) or a longer one is a word, and the place's words are the place's.
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}"
                       r"(?:ch|ng|nh|[cmnptiyou])?")
_PLAIN_WORD = re.compile(r"[A-Za-z]{2,5}")


def _acronyms_kept(text: str, raw: str, place: str) -> str:
    """`text` (an issuer in running text) with each acronym of the header `raw` in capitals again."""
    # A place's name after its unit (`HUYỆN ỦY ĐĂK GLONG`) is a name, capitalised as one (`_place_names`).
    named = {words[k] for name in _joint_issuers(raw) for words in [name.upper().split()] for k in _place_words(words)}
    kept = {word for word in raw.split() if _PLAIN_WORD.fullmatch(word) and _SYLLABLE.fullmatch(word.lower()) is None
            and word.lower() not in place.lower().split() and word not in named}
    if not kept:
        return text
    return " ".join(word.upper() if word.upper() in kept else word for word in text.split(" "))


# A term or a congress numbered in Roman numerals after its word (`khóa XII`, `lần thứ XV`, `nhiệm kỳ XIV`): the
# numeral stays in capitals (Hướng dẫn 36-HD/VPTW), never `khóa xii`.
_NUMBERED = re.compile(r"(?i)(?<!\w)(khóa|khoá|thứ|kỳ|kì)(\s+)"
                       r"(m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))(?!\w)")


# Written with a capital whatever the unit's rule (Nghị định 30/2020/NĐ-CP Phụ lục II: `Thủ đô Hà Nội`,
# `Thành phố Hồ Chí Minh`), and a unit named by a number (`Quận 1`, `Phường 3`).
_SPECIAL = re.compile(r"(?i)(?<!\w)(thành phố(?= Hồ Chí Minh)|thủ đô(?= Hà Nội)|quận(?= \d)|phường(?= \d))(\s)")


def _numerals_kept(text: str) -> str:
    """`text` with the Roman numeral of a term or a congress in capitals: `Tỉnh ủy Gia Lai khóa XII`."""
    return _NUMBERED.sub(lambda m: m.group(1) + m.group(2) + m.group(3).upper() if m.group(3) else m.group(0), text)


def _capitals(text: str) -> bool:
    """Whether a name is printed in capitals, as a header prints it (`TỈNH ỦY ĐIỆN BIÊN`), not as written."""
    return text == text.upper()


# The common nouns an English name of a public body starts or ends with, which take "the" in running text (`the
# Ministry of Home Affairs`, `the Dien Bien Provincial Party Committee`, `the Government`, `the State Bank of Vietnam`);
# any other name is a proper name and takes none (`Song Hong Manufacturing Company Limited`, `Vietcombank`).
_BODY_NOUNS = frozenset((
    "government", "ministry", "committee", "commission", "council", "assembly", "office", "department", "board",
    "bureau", "agency", "authority", "court", "procuracy", "front", "union", "association", "federation",
    "secretariat", "politburo", "inspectorate", "directorate", "administration", "party", "cabinet", "presidium",
    "organisation", "organization", "society", "foundation", "institution", "league", "chamber", "alliance"))
_BODY_STARTS = _BODY_NOUNS | {"people's", "state", "national", "central", "provincial", "standing", "executive",
                              "general", "supreme", "university", "institute", "academy", "centre", "center"}


def _the(words: list[str]) -> str:
    """`the ` before a body named by a common noun (`_BODY_NOUNS`), last or before its `of` (`the International
    Association of Hydrographic Surveyors`), '' before a proper name."""
    plain = [w.strip(".,;()").lower().replace("’", "'") for w in words]
    head = plain[plain.index("of") - 1] if "of" in plain[1:] else plain[-1]
    return "the " if plain[0] in _BODY_STARTS or plain[-1] in _BODY_NOUNS or head in _BODY_NOUNS else ""


def issuer_name(meta: Mapping[str, Any]) -> str:
    """The issuer as written in running text: `Tỉnh ủy Điện Biên`, `the Dien Bien Provincial Party Committee`,
    `Song Hong Manufacturing Company Limited` (no "the" before an English proper name: `_the`).

    An issuer written in small letters in the front matter (`Ban Tổ chức Trung ương`, `Ủy ban nhân dân tỉnh
    Điện Biên`) is printed as written. The header prints the issuer in capitals; running text needs sentence
    case with the place name kept, which a capitalised string cannot tell us, so `issuer_name` in the front
    matter wins, and otherwise the place name and the proper names of Party and State bodies are restored.
    """
    if meta.get("issuer_name"):
        return str(meta["issuer_name"])
    raw = str(meta.get("issuer") or "").strip()
    if not raw:
        return ""
    if str(meta.get("language", "vi")) == "en":
        small = {"of", "and", "the", "for", "on"}
        words = raw.split()
        if len(words) > 1 and words[0].lower() == "the":  # `THE GOVERNMENT`: "the Government", not "the the Government"
            words = words[1:]
        if not _capitals(raw):
            return _the(words) + " ".join(words)
        return _the(words) + " ".join(w.lower() if w.lower() in small else w.capitalize() for w in words)
    if not _capitals(raw):
        return raw
    text = " - ".join(_body_name(name) for name in _joint_issuers(raw))
    place = str(meta.get("place") or "").strip()
    if place and place != place.lower():  # `place: Thành phố Hồ Chí Minh` as written; `đăk glei` names it no less
        text = re.sub(re.escape(place), lambda m: place, text, flags=re.IGNORECASE)
    text = _SPECIAL.sub(lambda m: m.group(1)[:1].upper() + m.group(1)[1:] + m.group(2), text)
    return _numerals_kept(_acronyms_kept(text, raw, place))  # `CÔNG TY CỔ PHẦN ABC`: "Công ty cổ phần ABC" (r27 R2)


# A local authority's name, printed over two lines in a header (Nghị định 30/2020, Phụ lục I: `ỦY BAN NHÂN DÂN` /
# `TỈNH LÀO CAI`): the council, then its locality.
COUNCIL = r"(?:ỦY|UỶ) BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN"
LOCALITY = r"(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)"
_COUNCIL_NAME = lazy(rf"^({COUNCIL})\s+({LOCALITY}\s.+)$", re.I)


def name_lines(name: str) -> tuple[str, ...]:
    """The lines an issuing body's name prints on in a header: a local authority's before its locality
    (`Ủy ban nhân dân tỉnh Lào Cai`: `Ủy ban nhân dân` / `tỉnh Lào Cai`), any other name on one."""
    found = _COUNCIL_NAME.match(" ".join(name.split()))
    return (found.group(1), found.group(2)) if found else (name,)

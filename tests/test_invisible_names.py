"""A Vietnamese page names every invisible character it left out in Vietnamese, with its code point (r39): it said
"U+200B (zero width space)", Unicode's English, on a Vietnamese page; an English page names them as the commands do."""

from __future__ import annotations

import re
import unicodedata

from regdraft.core.invisible_names import named
from regdraft.core.text import INVISIBLE_CHAR, invisible_name


def test_every_invisible_character_has_a_vietnamese_name_and_its_code_point() -> None:
    # The planes holding them (`text.HIDDEN`): the BMP, the shorthand and musical controls, the tags and selectors.
    codes = (*range(0xD800), *range(0xE000, 0x10000), *range(0x1BC00, 0x1D200), *range(0xE0000, 0xE1000))
    every = re.findall(INVISIBLE_CHAR, "".join(map(chr, codes)))
    assert len(every) > 4000
    for char in every:
        said = named(char, "vi")
        name, code = re.fullmatch(r"(.+) \(U\+([0-9A-F]{4,5})\)", said).groups()  # type: ignore[union-attr]
        assert int(code, 16) == ord(char), said
        # No word of Unicode's English name (but a script's own: Khmer).
        english = {word for word in re.split(r"[ -]", unicodedata.name(char, "").lower()) if len(word) > 3}
        assert not english & set(name.lower().split()) - {"khmer"}, said
    assert named("\u200b", "vi") == "dấu cách không độ rộng (U+200B)"
    assert named("\u00ad", "vi") == "dấu gạch nối mềm: dấu gạch nối tùy chọn của Word (U+00AD)"
    assert named("\U000e0041", "vi") == "ký tự thẻ (U+E0041)"
    assert named("\u2065", "vi") == "ký tự ẩn dành sẵn, chưa dùng (U+2065)"
    assert named("\u200b", "en") == invisible_name("\u200b") == "U+200B (zero width space)"

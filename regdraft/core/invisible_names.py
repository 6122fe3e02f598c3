"""How a page in Vietnamese or English names an invisible character it left out of what was typed (r39).

The review pages said "U+200B (zero width space)" on a Vietnamese page too: Unicode's English name. A Vietnamese page
now names it in Vietnamese, with its code point after it: `dấu cách không độ rộng (U+200B)`; an English page as
`text.invisible_name` does, as the commands do.

Post-conditions:
1. `named(char, "vi")` is a Vietnamese name of every character of `text.INVISIBLE` and its code point in brackets:
   the characters a Vietnamese office meets (the soft hyphen, the zero-width space, joiners and no-break space, the
   direction marks, embeddings, overrides and isolates, the word joiner) by their own names, the rest by the family
   they belong to (`bộ chọn biến thể (U+FE00)`, `ký tự thẻ (U+E0041)`), one reserved and unassigned as such. Never
   Unicode's English words.
2. `named(char, language)` for any other language is `text.invisible_name(char)`.
"""

from __future__ import annotations

from regdraft.core.text import invisible_name

# Each character (or the first and last of a run) and its Vietnamese name; looked up in order, the first holding it.
_VI: tuple[tuple[int, int, str], ...] = (
    (0x00AD, 0x00AD, "dấu gạch nối mềm: dấu gạch nối tùy chọn của Word"),
    (0x034F, 0x034F, "ký tự nối tổ hợp"),
    (0x061C, 0x061C, "dấu chiều chữ Ả Rập"),
    (0x115F, 0x1160, "ký tự lấp chỗ chữ Hàn"),
    (0x17B4, 0x17B5, "nguyên âm ẩn chữ Khmer"),
    (0x180E, 0x180E, "dấu tách nguyên âm chữ Mông Cổ"),
    (0x180B, 0x180F, "bộ chọn biến thể chữ Mông Cổ"),
    (0x200B, 0x200B, "dấu cách không độ rộng"),
    (0x200C, 0x200C, "ký tự không nối không độ rộng"),
    (0x200D, 0x200D, "ký tự nối không độ rộng"),
    (0x200E, 0x200E, "dấu chiều trái sang phải"),
    (0x200F, 0x200F, "dấu chiều phải sang trái"),
    (0x202A, 0x202A, "ký tự nhúng chiều trái sang phải"),
    (0x202B, 0x202B, "ký tự nhúng chiều phải sang trái"),
    (0x202C, 0x202C, "ký tự kết thúc định hướng"),
    (0x202D, 0x202D, "ký tự ép chiều trái sang phải"),
    (0x202E, 0x202E, "ký tự ép chiều phải sang trái (đảo ngược thứ tự chữ)"),
    (0x2060, 0x2060, "ký tự nối từ"),
    (0x2061, 0x2064, "toán tử ẩn"),
    (0x2066, 0x2066, "ký tự cô lập chiều trái sang phải"),
    (0x2067, 0x2067, "ký tự cô lập chiều phải sang trái"),
    (0x2068, 0x2068, "ký tự cô lập theo chiều chữ đầu tiên"),
    (0x2069, 0x2069, "ký tự kết thúc cô lập chiều"),
    (0x206A, 0x206F, "ký tự định dạng đã bỏ dùng"),
    (0x3164, 0x3164, "ký tự lấp chỗ chữ Hàn"),
    (0xFE00, 0xFE0F, "bộ chọn biến thể"),
    (0xFEFF, 0xFEFF, "dấu cách không ngắt không độ rộng"),
    (0xFFA0, 0xFFA0, "ký tự lấp chỗ chữ Hàn"),
    (0xFFF9, 0xFFFB, "dấu chú thích liên dòng"),
    (0x1BCA0, 0x1BCA3, "ký tự định dạng tốc ký"),
    (0x1D173, 0x1D17A, "ký hiệu nhạc ẩn"),
    (0xE0001, 0xE0001, "thẻ ngôn ngữ"),
    (0xE0020, 0xE007F, "ký tự thẻ"),
    (0xE0100, 0xE01EF, "bộ chọn biến thể"),
)
_RESERVED_VI = "ký tự ẩn dành sẵn, chưa dùng"  # 2065, FFF0-FFF8 and the rest of E0000-E0FFF


def named(char: str, language: str) -> str:
    """How a page in `language` names the invisible character `char` (post-conditions 1, 2)."""
    if language != "vi":
        return invisible_name(char)
    code = ord(char)
    name = next((words for first, last, words in _VI if first <= code <= last), _RESERVED_VI)
    return f"{name} (U+{code:04X})"

"""A comment's own words keep an emoji flag's tag sequence and an ideographic variation selector after a Han
ideograph (r38); a regulation's text, and the words a comment quotes or proposes for it, keep neither.

Round 37 left every tag character and variation selector out of a person's words: England's flag (🏴 and the tags
g b e n g, then the cancel tag) came out a bare black flag, and 葛 with its variation selector lost the glyph it
named. Stray tags still hide words (`Ban Th\\U000e0041ường vụ`) and are left out.
"""

from __future__ import annotations

from regdraft.core.comment_yaml import read_comment
from regdraft.core.comments import own_words, provision_words
from regdraft.core.text import hiding_character, shown_text, visible
from regdraft.importer.plaintext import LeftOut, clean


def flag(region: str) -> str:
    return "\U0001f3f4" + "".join(chr(0xE0000 + ord(letter)) for letter in region) + "\U000e007f"


ENGLAND, SCOTLAND, WALES = flag("gbeng"), flag("gbsct"), flag("gbwls")
IVS = "葛\U000e0100"  # 葛 with the first ideographic variation selector (its Japanese glyph in Adobe-Japan1)


def test_a_persons_words_keep_flags_and_ideographic_variants() -> None:
    said = f"Đồng ý {ENGLAND} {SCOTLAND} {WALES}; tên {IVS}城 giữ nguyên."
    assert own_words(said) == said
    assert shown_text(said, joiners=True) == said and hiding_character(said, joiners=True) is None
    left = LeftOut()
    left.read("text", said)
    assert left.said() == []
    # Not well formed: no cancel tag, a tag on no flag, a flag of one tag or eight, a selector after a Latin letter or
    # after another selector: each left out, as before.
    for typed, kept in ((f"x{ENGLAND[:-1]}y", "x\U0001f3f4y"), ("Ban Th\U000e0041ường", "Ban Thường"),
                        (f"a{flag('g')}b", "a\U0001f3f4b"), (f"a{flag('gbengxyz')}b", "a\U0001f3f4b"),
                        ("a\U000e0100b", "ab"), (f"{IVS}\U000e0101", IVS), ("\U000e007f x", " x")):
        assert own_words(typed) == kept, typed


def test_a_provisions_words_keep_the_stricter_rule() -> None:
    text = f"Tỉnh ủy {ENGLAND} {IVS}"
    assert provision_words(text) == clean(text) == visible(text) == "Tỉnh ủy \U0001f3f4 葛"


def test_a_comment_file_holding_them_is_no_problem() -> None:
    yaml = (f"id: c7f3\nround: 1\nby: Bộ Nội vụ\non: general\ntype: general\ntext: \"Đồng ý {ENGLAND} {IVS}\"\n"
            "created: '2025-07-01T09:00:00+07:00'\n")
    comment, problems = read_comment(yaml, "c7f3.yaml")
    assert comment is not None and comment.text == f"Đồng ý {ENGLAND} {IVS}"
    assert [p.message for p in problems] == []

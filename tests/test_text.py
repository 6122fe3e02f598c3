"""Vietnamese text normalisation and the tone-placement key."""

from __future__ import annotations

import unicodedata

import pytest

from regdraft.core.text import nfc, tone_key


@pytest.mark.parametrize(("a", "b"), [
    ("Tỉnh ủy", "Tỉnh uỷ"),
    ("hòa", "hoà"),
    ("Khóa XIV", "Khoá XIV"),
    ("thủy", "thuỷ"),
    ("Ban Thường vụ Tỉnh ủy họp", "Ban Thường vụ Tỉnh uỷ họp"),
    ("ủy", unicodedata.normalize("NFD", "uỷ")),
])
def test_tone_placement_variants_share_a_key(a: str, b: str) -> None:
    assert a != b or unicodedata.normalize("NFC", a) == a
    assert tone_key(a) == tone_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("hòa", "hóa"),      # a different tone
    ("ủy", "uy"),        # a tone against none
    ("Ủy", "ủy"),        # case
    ("mua", "múa"),
    ("đa", "da"),        # a different letter
    ("Điều 1", "Điều 2"),
])
def test_real_differences_keep_different_keys(a: str, b: str) -> None:
    assert tone_key(a) != tone_key(b)


def test_ascii_and_punctuation_are_unchanged() -> None:
    assert tone_key("Article 12, clause 2.") == "Article 12, clause 2."


def test_nfc() -> None:
    assert nfc(unicodedata.normalize("NFD", "Điều")) == "Điều"

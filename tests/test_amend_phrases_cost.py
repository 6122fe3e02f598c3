"""`find` and `replace` of `Thay thế cụm từ` phrases take time in proportion to the text (sweep r33 AZ F2).

`find` compared the phrase's tokens again from every token of the text: `"\\* " * 16_000 + "x"` against a phrase of
8,000 `* ` and `x` took 8.7 s, and a 100 KB regulation with a 33 KB amendment made `check` take 35 s; `replace` built
the whole text again for each occurrence (128,000 occurrences: 3.6 s). The old functions are kept here as the reference
the new ones must agree with on every text.
"""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from regdraft.core.amend import phrases
from regdraft.core.amend.phrases import count, find, replace
from tests.conftest import REPO_ROOT


def old_find(text: str, phrase: str) -> list[tuple[int, int]]:
    """`find` as it was before r33: the phrase compared again from each token of the text."""
    wanted = " ".join(phrase.split())
    if not wanted or phrases._loose(wanted) not in phrases._loose(text):
        return []
    pattern = [k for _, _, k in phrases._keys(wanted)]
    tokens = phrases._keys(text)
    spans: list[tuple[int, int]] = []
    i = 0
    size = len(pattern)
    while i + size <= len(tokens):
        if all(tokens[i + j][2] == pattern[j] for j in range(size)):
            spans.append((tokens[i][0], tokens[i + size - 1][1]))
            i += size
        else:
            i += 1
    return spans


def old_replace(text: str, phrase: str, new: str | None, position: str = "") -> tuple[str, int]:
    """`replace` as it was before r33: the whole text built again for each occurrence, the last first."""
    spans = old_find(text, phrase)
    for start, end in reversed(spans):
        left, right = text[:start], text[end:]
        if new is not None and position:
            found = text[start:end]
            if position == "before":
                if new[:1] in phrases._CLOSING and left.endswith(" "):
                    left = left.rstrip()
                text = left + new + ("" if new[-1:] in phrases._OPENING else " ") + found + right
            else:
                text = left + found + ("" if new[:1] in phrases._CLOSING else " ") + new + right
            continue
        if new is not None:
            text = left + new + right
            continue
        if left.endswith(" ") and (not right or right[:1].isspace() or right[:1] in ',.;:)”"'):
            left = left.rstrip()
        if not left:
            right = right.lstrip()
        text = left + right
    return text, len(spans)


# Few pieces, so that phrases occur often: tone mark places (`ủy`/`uỷ`), the format's backslash escapes and a lone
# backslash, HTML entities, marks a deletion looks at, runs of spaces, and `count`'s separator NUL.
PIECES = ("Tỉnh", "ủy", "uỷ", "hòa", "hoà", "Ban", "b", "b_c", "2*3", "\\*", "\\_", "\\.", "\\", "*", "_", "&#46;",
          "&amp;", ".", ",", ";", ":", "(", ")", "“", "”", '"', "%", " ", " ", " ", "  ", "\n", "\t", "\u00a0", "\x00")
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@st.composite
def phrase_in(draw: st.DrawFn, text: str) -> str:
    """A phrase cut from `text` (mostly), or made of the same pieces."""
    if text and draw(st.booleans()):
        start = draw(st.integers(0, len(text) - 1))
        return text[start:draw(st.integers(start + 1, min(len(text), start + 12)))]
    return draw(texts)


@settings(max_examples=600, deadline=None)
@given(st.data(), texts, st.sampled_from((None, "x", "", ", minh bạch", "(a", "a)", "\\*", " y ", ";")),
       st.sampled_from(("", "before", "after")))
def test_find_count_and_replace_agree_with_the_old_ones(data: st.DataObject, text: str, new: str | None,
                                                      position: str) -> None:
    phrase = data.draw(phrase_in(text))
    spans = old_find(text, phrase)
    assert find(text, phrase) == spans
    assert count(text, phrase) == len(spans)
    assert replace(text, phrase, new, position) == old_replace(text, phrase, new, position)


def test_a_deletion_at_the_start_and_before_marks_reads_as_before() -> None:
    for text, phrase in (("b b, b", "b"), ("  b \\* b  b.", "b"), ("Tỉnh ủy , Tỉnh uỷ)", "Tỉnh ủy"), ("b", "b")):
        for new in (None, ", minh bạch", "x"):
            for position in ("", "before", "after"):
                assert replace(text, phrase, new, position) == old_replace(text, phrase, new, position)


def _runs_to_its_end(code: str) -> None:
    """Run `code` in a Python of its own: a guard against hanging, not a timing (what it asks takes well under a
    second now; before, hours)."""
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_a_long_phrase_is_found_in_a_long_text_at_a_cost_in_proportion_to_their_size() -> None:
    # 200,000 escaped stars against a phrase of 100,000: about 20 minutes before.
    _runs_to_its_end("from regdraft.core.amend.phrases import find\n"
                     "text = '\\\\* ' * 200_000 + 'x'\n"
                     "assert find(text, '* ' * 100_000 + 'x') == [(300_000, len(text))]\n")


def test_many_occurrences_are_replaced_at_a_cost_in_proportion_to_the_text() -> None:
    # Each of the 20,000 deletions copied the 20 MB text before.
    _runs_to_its_end("from regdraft.core.amend.phrases import replace\n"
                     "new, n = replace(('a ' + 'b' * 1000 + ' ') * 20_000, 'a', None)\n"
                     "assert n == 20_000 and new == ('b' * 1000 + ' ') * 20_000, new[:9]\n")

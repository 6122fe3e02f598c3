"""The page's post-processing (`numbers_kept_whole`, `dashes_kept`) reads a page in time in proportion to its size,
whatever a template or a text prints (r28 sweep AD defects 3 and 4): each unclosed `<script` scanned to the page's
end (a 2.3 KB template override: 74 s), each ` - ` of a paragraph and each number searched to the next `<` and `>`
(80,000 dashes: 8.8 s), and a long word after a slash was read from each of its capitals (20,000 letters: 19 s)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from regdraft.render.dashes import dashes_kept
from regdraft.render.html import kept_whole, numbers_kept_whole
from tests.conftest import REPO_ROOT


class CountingText(str):
    """A page that tallies the characters its `find` and `rfind` read (from where they start to what they find, or
    to the end of their range)."""

    read = 0

    def find(self, sub: str, start: int | None = 0, end: int | None = None) -> int:  # type: ignore[override]
        found = str.find(self, sub, start, end)
        stop = len(self) if end is None else end
        CountingText.read += (stop if found < 0 else found) - (start or 0)
        return found

    def rfind(self, sub: str, start: int | None = 0, end: int | None = None) -> int:  # type: ignore[override]
        found = str.rfind(self, sub, start, end)
        stop = len(self) if end is None else end
        CountingText.read += stop - (start or 0 if found < 0 else found)
        return found


def test_an_unclosed_script_runs_to_the_page_s_end() -> None:
    # Read once, as a browser reads it: nothing after an unclosed `<script` is page text.
    page = '<body><p>22-QĐ/TW và hội - nghề <b>x</b></p><script>var n = "30/2020/NĐ-CP hội - nghề<b>";'
    kept = kept_whole(page)
    assert kept.startswith('<body><p><span class="nobr">22-QĐ/TW</span> và hội<span class="nobr"> -</span> nghề')
    assert kept.endswith('<script>var n = "30/2020/NĐ-CP hội - nghề<b>";')


@pytest.mark.parametrize(("name", "paragraph"), [
    ("dashes", "hội - nghề "), ("dashes before a tag that never ends", "hội - <"),
    ("numbers", "số 1/A và "), ("numbers before a tag that never ends", "1/A <b"),
])
def test_tags_are_looked_for_once_per_character(name: str, paragraph: str) -> None:
    for n in (2_000, 8_000):
        page = CountingText(f"<html><body><p>{paragraph * n}</p></body></html>")
        CountingText.read = 0
        (dashes_kept if name.startswith("dashes") else numbers_kept_whole)(page)
        assert CountingText.read <= 4 * len(page), (name, n, CountingText.read, len(page))


def test_a_long_word_after_a_slash_and_many_unclosed_scripts_cost_no_more_than_their_size() -> None:
    # A guard against hanging, not a timing: both take milliseconds now, and took hours before.
    code = ("from regdraft.render.html import kept_whole\n"
            "kept_whole('<body><p>1/A ' + 'A' * 300_000 + ' <b>x</b></p>' + '<script' * 300_000)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr

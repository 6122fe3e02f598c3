"""What a printed page shows under and through its words, read from a grayscale image at 150 dpi.

`PrintedPage.load(pdf, page)` renders one page with poppler (`pdftoppm -gray -r 150`) and reads
its word boxes (`pdftotext -bbox`); `marks(word)` says which lines are drawn across the word: a
line is a pixel row inked across the word's whole width, lines two pixels apart or more are
separate, and a line in the lower fifth of the word's box (or just below it) underlines it, one
higher up strikes it through.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

DPI = 150
INK = 185      # a pixel this dark or darker is ink (marks are dark colours: a half-covered row still counts)
ACROSS = 0.98  # a row inked over this share of the word's width is a drawn line, not the feet of letters

POPPLER = shutil.which("pdftoppm") is not None and shutil.which("pdftotext") is not None


@dataclass(frozen=True, slots=True)
class Word:
    """A word on the page and its box in points (top-left origin)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True, slots=True)
class Marks:
    """The lines drawn across a word: how many under it and how many through it."""

    under: int
    through: int

    @property
    def kind(self) -> str:
        """`inserted` (one line under), `deleted` (one through), `moved here` (two under),
        `moved away` (two through), `plain` (none), or `mixed`."""
        return {(0, 0): "plain", (1, 0): "inserted", (0, 1): "deleted", (2, 0): "moved here",
                (0, 2): "moved away"}.get((self.under, self.through), "mixed")


class PrintedPage:
    """One page of a PDF as printed in grayscale at 150 dpi, with its words."""

    def __init__(self, pixels: list[list[int]], words: list[Word]) -> None:
        self.pixels = pixels
        self.words = words

    @classmethod
    def load(cls, pdf: Path, page: int) -> PrintedPage:
        """Render page `page` (from 1) of `pdf` and read its words."""
        from PIL import Image

        with tempfile.TemporaryDirectory() as tmp:
            stem = Path(tmp) / "page"
            subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-f", str(page), "-l", str(page), "-png",
                            "-singlefile", str(pdf), str(stem)], check=True)
            image = Image.open(f"{stem}.png").convert("L")
            width, height = image.size
            data = image.tobytes()
        pixels = [list(data[row * width:(row + 1) * width]) for row in range(height)]
        return cls(pixels, page_words(pdf, page))

    def marks(self, word: Word) -> Marks:
        """The lines drawn across `word`."""
        scale = DPI / 72
        left, right = round(word.x0 * scale) + 1, round(word.x1 * scale) - 1
        top, bottom = round(word.y0 * scale), round((word.y1 + 3) * scale)
        lines: list[tuple[int, int]] = []
        for row in range(top, min(bottom, len(self.pixels))):
            pixels = self.pixels[row][left:right]
            if pixels and sum(p <= INK for p in pixels) >= ACROSS * len(pixels):
                if lines and lines[-1][1] == row - 1:
                    lines[-1] = (lines[-1][0], row)
                else:
                    lines.append((row, row))
        box_top, box_height = word.y0 * scale, (word.y1 - word.y0) * scale
        under = through = 0
        for first, last in lines:
            centre = ((first + last) / 2 - box_top) / box_height
            if centre >= 0.8:
                under += 1
            else:
                through += 1
        return Marks(under, through)

    def find(self, phrase: str) -> list[list[Word]]:
        """Every run of consecutive words reading `phrase` (split on spaces; trailing punctuation aside)."""
        wanted = [_bare(w) for w in phrase.split()]
        texts = [_bare(w.text) for w in self.words]
        return [self.words[k:k + len(wanted)] for k in range(len(texts) - len(wanted) + 1)
                if texts[k:k + len(wanted)] == wanted]


def _bare(word: str) -> str:
    """A word without the punctuation that may follow it where a phrase ends (`ương.`)."""
    return word.rstrip(".,;:")


def page_words(pdf: Path, page: int) -> list[Word]:
    """The words of one page with their boxes, in reading order."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         check=True, capture_output=True).stdout.decode("utf-8")
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    return [Word(html.unescape(text), float(x0), float(y0), float(x1), float(y1))
            for x0, y0, x1, y1, text in re.findall(pattern, out)]


def pages_text(pdf: Path) -> list[str]:
    """The text of each page (`pdftotext`, pages split at form feeds)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True).stdout
    return out.decode("utf-8").split("\f")

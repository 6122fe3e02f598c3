"""What a redline's marks mean, written into its screen pages as text: `[bỏ: trên] [bổ sung: ít nhất]`.

The HTML redline and the review page said it with CSS generated content (`::before`, `::after`), which a screen reader
announces but a copy leaves out: a member copying a passage into an email sent `trên ít nhất`, old and new words run
together. `said` writes the same words as text, each in a `<span class="said">` that `redline-screen.css` hides
from sight as the generated text was (never printed), so a screen reader hears what it heard and a copy holds it.
The PDF is not given them: its marks are said by its tags (`render.spoken`), its text layer is the printed page's.

Post-conditions of `said(html, words)`:
1. Removing every `<span class="said">…</span>` it added gives `html` back, byte for byte.
2. Each `<del class="del">`, `<ins class="ins">`, `<del class="mv">`, `<ins class="mv">` and `<span class="mv">`
   (the marks `redline-screen.css` named) holds first `[{word}: ` and last `]`, its word the profile's `spoken_*`
   (`render.spoken._SAID`); a mark inside another is said inside it (`[chuyển đến: … [bỏ: x] …]`). Inside, as the
   generated text was: a screen reader names an insertion or a deletion by all it holds.
3. Any other element, text or script is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from markupsafe import escape

# The mark's opening tag -> the profile word naming it (`render.spoken._SAID`, for the classes the page styles).
_WORDS = {'<del class="del">': "spoken_deleted", '<ins class="ins">': "spoken_inserted",
          '<del class="mv">': "spoken_moved_away", '<ins class="mv">': "spoken_moved_here",
          '<span class="mv">': "spoken_moved_here"}
_TAGS = re.compile(r"<(/?)(del|ins|span|script)\b[^>]*>")
_CLOSE = '<span class="said">]</span>'


class _Reader:
    """The pass over a page's text, read in one piece or in several in turn (an element may open in one and close
    in a later one): which elements are open, and whether a script is."""

    def __init__(self, words: Mapping[str, str]) -> None:
        self.opens = {tag: f'<span class="said">[{escape(words.get(word, ""))}: </span>'
                      for tag, word in _WORDS.items()}
        self.stack: list[bool] = []  # for each del, ins or span open, whether it is a mark
        self.script = False

    def text(self, html: str) -> str:
        if not self.stack and not self.script and "<del" not in html and "<ins" not in html \
                and 'class="mv"' not in html:
            return html
        out: list[str] = []
        at = 0
        for match in _TAGS.finditer(html):
            closing, name = match.group(1), match.group(2)
            if name == "script":
                self.script = not closing
            elif self.script:
                continue
            elif not closing:
                mark = self.opens.get(match.group(0))
                self.stack.append(mark is not None)
                if mark is not None:
                    out += html[at:match.end()], mark
                    at = match.end()
            elif self.stack and self.stack.pop():
                out += html[at:match.start()], _CLOSE
                at = match.start()
        out.append(html[at:])
        return "".join(out)

    def piece(self, html: str | bytes) -> str | bytes:
        if isinstance(html, str):
            return self.text(html)
        if not self.stack and not self.script:
            # A kept article, printed with no mark (`render.fragments`, post-condition 5): its bytes are passed on as
            # they are, not searched (2 MB of a 1,000-article page, 3.5 ms: docs/performance.md, forty-third round).
            return html
        return self.text(html.decode()).encode()


def said(html: str, words: Mapping[str, str]) -> str:
    """`html`, a page, with its marks said in words (the module's post-conditions)."""
    return _Reader(words).text(html)


def said_pieces(pieces: Sequence[str | bytes], words: Mapping[str, str]) -> list[str | bytes]:
    """`said` of the page the pieces make joined (each text, or its UTF-8 bytes), in the same pieces. A piece given
    as bytes is a kept article's (`render.fragments.Kept`), which opens no mark: outside any mark it is given back
    as it is, unread."""
    reader = _Reader(words)
    return [reader.piece(piece) for piece in pieces]

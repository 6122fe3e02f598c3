"""A line of the draft that a Word redline's word diff printed from several lines before it, read back where Reject
was pressed on some of the tracked changes there.

The draft joins lines: Nghị định 48/2013 makes khoản 2 Điều 10 of 63/2010 (two lines) one. The redline prints the new
line over the old lines' paragraphs, the break between them struck out: `2. Việc đánh giá … [bỏ: thực hiện theo …]`,
then `[bỏ: Cơ quan kiểm soát …][bổ sung: quy định tại Khoản 1 …].` Neither paragraph's words as circulated are a line
of the draft, and each one's words before the draft (`ReplyParagraph.part`) are an old line: Reject on a change in the
first read as the old line back (the draft's line given for it alone, the second paragraph's words lost), in the
second as no line (passed over unsaid). The paragraphs are the draft's line: their words as the member left them,
joined, are proposed for it. Pure core, used by `reply_rejected`.

Post-conditions of `joined_lines`:
1. A run of paragraphs (outside tables) whose words before the draft are, one each and in order, the old lines the
   draft made one line (`reply_drafted.joined_runs`), and whose words as circulated, joined, are not that line (the
   member rejected some of its changes there), is given: its first paragraph as that line, its words as the member
   left them the run's joined; each other paragraph of the run as empty both ways (its words are in the first).
2. A run the draft's line reads as (nothing rejected there), one reading as two provisions' lines, and a paragraph
   of no such run are left as they were.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from regdraft.core.reply_model import ReplyParagraph

Drafted = tuple[str, str, str]  # the text (its key in `Texts`), the provision's address, the line as drafted
LONGEST = 6  # old lines the draft joins into one at most (a clause's lines with its points' would be more)


def joined_lines(paragraphs: list[ReplyParagraph], runs: Mapping[tuple[str, ...], set[Drafted]],
                 key: Callable[[str], str]) -> dict[int, tuple[int, Drafted]]:
    """Each run of paragraphs printing a line of the draft joined from several before it, rejected in part, by its
    first paragraph: the paragraph after its last, and the draft's line (`runs`: keyed by the old lines' keys)."""
    out: dict[int, tuple[int, Drafted]] = {}
    end = 0
    for i, p in enumerate(paragraphs):
        if i < end or not p.part.strip() or p.cell[0]:
            continue
        for last in range(i + 1, min(i + LONGEST, len(paragraphs))):
            run = paragraphs[i:last + 1]
            if not run[-1].part.strip() or run[-1].cell[0]:
                break
            found = runs.get(tuple(key(q.part) for q in run), set())
            if len(found) == 1:
                (drafted,) = found
                if key("".join(q.original for q in run)) != key(drafted[2]):
                    out[i] = (last + 1, drafted)
                    end = last + 1
                break
    return out


def joined_words(run: list[ReplyParagraph]) -> str:
    """The words of a run's paragraphs as the member left them, as one line: as Word joins them where the break is
    struck out, two spaces meeting there made one, none before punctuation, and one where words met run together
    (an old line's end, `… này.` or `Cơ quan`, before the next one's words, `Thời hạn …`)."""
    text = ""
    for q in run:
        piece = q.accepted
        if text and piece[:1] in (".", ";", ":", ","):
            text = text.rstrip()
        elif text and piece and not text[-1].isspace() and not piece[0].isspace() and (
                text[-1] in ".;:," and piece[0].isalnum() or text[-1].isalnum() and piece[0].isupper()):
            text += " "
        text += piece
    return re.sub(r"[ \t]{2,}", " ", text).strip()

"""A line before the draft that a Word redline's word diff split over paragraphs, read back where Reject was pressed
on some of the tracked changes of its parts.

The redline prints a provision rewritten into more lines as a word diff across the new lines' paragraphs: 48/2013's
khoản 2 Điều 9 reads `2. [bỏ: Hồ sơ gửi][bổ sung: Nội dung …]`, then `[bổ sung: Trong trường hợp …] lấy ý kiến
[bỏ: bao gồm:][bổ sung: cơ quan …]`, the old line `2. Hồ sơ gửi lấy ý kiến bao gồm:` over both. Neither paragraph's
words before the draft are a line (`ReplyParagraph.part`), so Reject on one change there (the old words back in that
part) read as no line and was passed over, or said moved or retyped. The parts joined are the old line: each
paragraph of them stands for the draft's line printed there, in order from the one the old line is paired with.
Pure core, used by `reply_rejected`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from regdraft.core.reply_model import ReplyParagraph

Drafted = tuple[str, str, str]  # the text (its key in `Texts`), the provision's address, the line as drafted
LONGEST = 4  # paragraphs one old line is split over at most (the word diff splits it where the draft's lines end)


def split_lines(paragraphs: list[ReplyParagraph], tables: tuple[Mapping[str, set[Drafted]], ...],
                key: Callable[[str], str], printed: Callable[[str, str], list[str]]) -> dict[int, Drafted]:
    """Each paragraph of a run of them whose words before the draft (`part`) are, joined, one changed line before the
    draft (keyed by `key` in one of `tables`: the line's text, provision and the draft's line paired with it), with
    the draft's line it stands for: in order, the provision's lines as printed (`printed(text, address)`) from the
    one a paragraph of the run still holding a line of it word for word places, else from the one paired with the old
    line. A run reading as two lines, or past the provision's lines, is left out: nothing is guessed; so is a part
    after the first reading as its words before the draft alone (the old line's end, Reject pressed on the rest)."""
    out: dict[int, Drafted] = {}
    for i, p in enumerate(paragraphs):
        if i in out or not p.part.strip() or p.cell[0]:
            continue
        for last in range(i + 1, min(i + LONGEST, len(paragraphs))):
            run = paragraphs[i:last + 1]
            if not run[-1].part.strip() or run[-1].cell[0]:
                break
            joined = key(" ".join(q.part for q in run))
            found = {drafted for table in tables for drafted in table.get(joined, set())}
            if len(found) != 1:
                continue
            (reg, at, new), = found
            lines = printed(reg, at)
            keys = [key(line) for line in lines]
            # A paragraph of the run still reading as a line of the draft word for word is that line (the one paired
            # with the old line may be printed in another: `1. [bỏ: …]`, then `[bỏ: Thủ trưởng …][bổ sung: …]`).
            held = [keys.index(key(q.original)) - k for k, q in enumerate(run) if key(q.original) in keys]
            first = held[0] if held else keys.index(key(new)) if key(new) in keys else None
            if first is not None and 0 <= first and first + len(run) <= len(lines):
                # A later part reading as its old words alone is the old line's end the redline printed after the
                # draft's words, left there by Reject on them: no line (`reply_missing.missing` reads it so).
                out |= {i + k: (reg, at, lines[first + k]) for k in range(len(run))
                        if not k or key(run[k].original) != key(run[k].part)}
            break
    return out

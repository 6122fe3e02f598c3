"""Two paragraphs of a Word reply joined by deleting the paragraph mark between them read as a sentence in the
proposal: Word's "Accept all" runs them together (`chính.Cơ quan`), and the proposal repeated it (r38 wordtab38)."""

from __future__ import annotations

from regdraft.core.reply_blocks import block_edits, versions
from regdraft.core.reply_model import ReplyParagraph

FIRST = "Văn phòng Tỉnh ủy là cơ quan tham mưu chính."
SECOND = "Cơ quan này giúp việc Ban Thường vụ."


def _joined(first: str, second: str, mark: str = "del") -> str:
    run = [ReplyParagraph(None, first, first, ("An",), mark=mark), ReplyParagraph(None, second, second)]
    joined, gone = block_edits(run, "")
    assert (joined.old, gone.old, gone.new) == (first, second, "")  # the second paragraph joined to the first
    assert versions(run)[1] == [first + second]  # as Word's "Accept all" leaves them
    return joined.new


def test_a_sentence_joined_to_the_next_by_a_deleted_mark_is_spaced() -> None:
    assert _joined(FIRST, SECOND) == f"{FIRST} {SECOND}"
    assert _joined(FIRST.rstrip("."), SECOND) == f"{FIRST.rstrip('.')} {SECOND}"  # two words never fuse
    assert _joined(FIRST, "“Điều 5” được sửa đổi.") == f"{FIRST} “Điều 5” được sửa đổi."


def test_a_join_that_has_its_space_or_opens_no_word_is_left_as_it_is() -> None:
    assert _joined(FIRST + " ", SECOND) == f"{FIRST} {SECOND}"
    assert _joined(FIRST, " " + SECOND) == f"{FIRST} {SECOND}"
    assert _joined("Gồm các nội dung (", "a) và b)") == "Gồm các nội dung (a) và b)"
    assert _joined("Tỷ lệ 50", "% tổng số.") == "Tỷ lệ 50% tổng số."

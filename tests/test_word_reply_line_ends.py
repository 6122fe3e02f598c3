"""Words a reviewer added in Word at the end of a line are said with where they go (r32 sweep AX 1): " và thời hạn
ban hành" typed at the end of the heading of Điều 15 of Nghị định 63/2010 as Nghị định 48/2013 rewrites it was a
proposal on the whole article worded `bổ sung “và thời hạn ban hành”`, nowhere said, because the title's words
stand again in its lead-in; now `vào cuối tên Điều 15`, and after a line's last words, as many as stand once in the
provision, for any other line (`vào sau “…”`, as words added inside a line are said)."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.reply_wording import describe_change
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke, needs_corpus
from tests.test_word_reply_proposals import nghi_dinh_48_copy

ARTICLE = ("Điều 15. Quyết định công bố thủ tục hành chính\n"
           "Quyết định công bố thủ tục hành chính phải được ban hành chậm nhất trước 20 ngày làm việc tính đến ngày "
           "văn bản quy phạm pháp luật có hiệu lực thi hành.\n"
           "Quyết định công bố thủ tục hành chính được ban hành chậm nhất trước 05 ngày làm việc tính đến ngày văn "
           "bản quy phạm pháp luật có hiệu lực thi hành.\n"
           "1. Nội dung quyết định bao gồm thủ tục hành chính.")


def _added(text: str, line: int, words: str) -> str:
    lines = text.split("\n")
    lines[line] += words
    return "\n".join(lines)


def test_words_added_at_the_end_of_an_articles_heading_go_at_the_end_of_its_title() -> None:
    assert describe_change(ARTICLE, _added(ARTICLE, 0, " và thời hạn ban hành")) == (
        "Đề nghị sửa như sau: bổ sung “và thời hạn ban hành” vào cuối tên Điều 15.")
    english = "Article 3. Duties\nThe Duties of the office are as follows.\n1. Duties of the board."
    assert describe_change(english, _added(english, 0, " and powers"), "en") == (
        "Proposed wording: add “and powers” at the end of the title of Article 3.")


def test_words_added_at_the_end_of_another_line_go_after_its_last_words_that_stand_once() -> None:
    # The two lead-in paragraphs end in the same ten words: the anchor takes in words until it stands once.
    assert describe_change(ARTICLE, _added(ARTICLE, 2, " kể từ ngày ký")) == (
        "Đề nghị sửa như sau: bổ sung “kể từ ngày ký” vào sau “05 ngày làm việc tính đến ngày văn bản quy phạm pháp "
        "luật có hiệu lực thi hành”.")
    # Inside a line, the anchor stays short: nothing is said where no few words stand once.
    assert describe_change(ARTICLE, ARTICLE.replace("trước 05", "trước ít nhất 05")) == (
        "Đề nghị sửa như sau: bổ sung “ít nhất” vào trước “05 ngày”.")


@pytest.mark.slow
@needs_corpus
def test_a_word_reply_adding_to_the_heading_of_dieu_15_of_nghi_dinh_48_2013_says_where(
        empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    ws = empty_workspace
    document = kit.open_docx(nghi_dinh_48_copy(ws, invoke, tmp_path / "copy.docx"))
    # As the sweep's member did, in the amending document's quoted new Điều 15: its heading, then its lead-in.
    heading = kit.paragraph_with(document, "“Điều 15. Quyết định công bố thủ tục hành chính", last=False)
    kit.track_insert_after(kit.isolate(heading, "Quyết định công bố thủ tục hành chính"), " và thời hạn ban hành",
                           "Nguyễn Văn An")
    lead_in = kit.paragraph_with(document, "phải được ban hành chậm nhất trước 20 (hai mươi)", last=False)
    kit.track_replace(kit.isolate(lead_in, "20 (hai mươi)"), "30 (ba mươi)", "Nguyễn Văn An")
    comments = kit.imported_by_provision(invoke, ws, "nd48", kit.save(document, tmp_path / "reply.docx"),
                                         "Bộ Tư pháp")
    assert comments["d15"]["text"].startswith(
        "Đề nghị sửa như sau: bổ sung “và thời hạn ban hành” vào cuối tên Điều 15; thay “20 (hai mươi)” bằng "
        "“30 (ba mươi)”")
    assert comments["d15"]["proposal"].split("\n")[0] == (
        "Điều 15. Quyết định công bố thủ tục hành chính và thời hạn ban hành")

"""A comment whose provision is renumbered goes where the comparison of the drafts puts it; when only its text is
found, in several places equally, to the one in its own article, else the nearest, saying when that is a guess
(sweep r26: a comment on khoản 2 Điều 29, now khoản 3, was shown moved to khoản 6 Điều 6, which holds the same
sentence "Chính phủ quy định chi tiết Điều này.")."""

from __future__ import annotations

from regdraft.core import anchoring
from regdraft.core.anchoring import State
from regdraft.core.markdown import parse
from regdraft.core.model import Regulation

HEAD = "---\nid: T-1\ntype: Luật\ntitle: Luật thử\nlanguage: vi\nissuer: QUỐC HỘI\nsigned: 2023-06-23\n---\n\n"
DETAIL = "Chính phủ quy định chi tiết Điều này."


def _law(*chapters: str) -> Regulation:
    return parse((HEAD + "\n\n".join(chapters)).encode(), "law.md", numbering=False)


def _article(number: str, *clauses: str) -> str:
    return f"## Điều {number}. Điều {number}\n\n" + "\n\n".join(f"{k}\\. {text}" for k, text in enumerate(clauses, 1))


CH1 = "# Chương I. CHUNG\n\n" + _article("6", "Một việc riêng của Điều 6.", DETAIL)
CH2 = "# Chương II. LỰA CHỌN\n\n" + _article("28", "Một việc riêng của Điều 28.", DETAIL)
CH3_OLD = "# Chương III. NHÀ THẦU\n\n" + _article("29", "Một việc riêng của Điều 29.", DETAIL)
CH3_NEW = "# Chương III. NHÀ THẦU\n\n" + _article(
    "29", "Một việc riêng của Điều 29.", "Người có thẩm quyền báo cáo Thủ tướng Chính phủ về việc áp dụng.", DETAIL)


def test_a_renumbered_clause_stays_in_its_article_among_equal_matches() -> None:
    # Without the draft before (text alone): khoản 3 Điều 29, not the first in document order (khoản 2 Điều 6).
    draft = _law(CH1, CH2, CH3_NEW)
    placed = anchoring.locate("d29.k2", DETAIL, draft)
    assert (placed.state, placed.address, placed.several) == (State.MOVED, "d29.k3", 0)
    assert placed.describe() == "moved to d29.k3"


def test_the_alignment_of_the_drafts_decides_before_the_text() -> None:
    # Khoản 1 and khoản 3 of Điều 10 read alike; a khoản inserted before khoản 1 renumbers them 2 and 4. The comment
    # on the old khoản 3 is the new khoản 4, though khoản 2 (the old khoản 1) holds its text as near.
    same = "Ủy ban nhân dân cấp tỉnh tổ chức thực hiện."
    before = _law("# Chương I. CHUNG\n\n" + _article("10", same, "Việc khác.", same))
    draft = _law("# Chương I. CHUNG\n\n" + _article("10", "Việc mới.", same, "Việc khác.", same))
    assert anchoring.locate("d10.k3", same, draft).address == "d10.k2"  # the text alone, a tie: the first
    assert anchoring.locate("d10.k3", same, draft, before).address == "d10.k4"
    assert anchoring.follow("d10.k3", same, [draft], before).describe() == "moved to d10.k4"
    assert anchoring.follow("d10.k1", same, [draft], before).describe() == "moved to d10.k2"


def test_a_tie_between_other_articles_is_said_not_picked_silently() -> None:
    # Khoản 2 Điều 29 dropped: its sentence is in Điều 6 and Điều 28, equally. The nearest (Điều 28) is given, with
    # the number of places, as a guess to check; with Điều 29 gone whole, the first.
    before = _law(CH1, CH2, CH3_OLD)
    dropped = "# Chương III. NHÀ THẦU\n\n" + _article("29", "Một việc riêng của Điều 29.")
    placed = anchoring.follow("d29.k2", DETAIL, [_law(CH1, CH2, dropped)], before)
    assert (placed.state, placed.address, placed.several) == (State.MOVED, "d28.k2", 2)
    assert placed.describe() == "moved to d28.k2 (1 of 2 places with this text)"
    assert anchoring.follow("d29.k2", DETAIL, [_law(CH1, CH2)], before).describe() == \
        "moved to d6.k2 (1 of 2 places with this text)"
    # In its own chapter, another article holding the text is preferred to a nearer one in another chapter.
    ch3 = CH3_OLD + "\n\n" + _article("30", "Một việc riêng của Điều 30.", DETAIL)
    ch4 = "# Chương IV. KHÁC\n\n" + _article("31", "Một việc riêng của Điều 31.", DETAIL)
    placed = anchoring.follow("d29.k2", DETAIL, [_law(CH1, CH2, ch3.replace(f"2\\. {DETAIL}", "", 1), ch4)],
                              _law(CH1, CH2, ch3, ch4))
    assert (placed.address, placed.several) == ("d30.k2", 4)


def test_a_guessed_move_is_said_on_the_comments_page_and_in_the_report() -> None:
    from regdraft.core.comment_report import _now
    from regdraft.core.comments import Comment, CommentType
    from regdraft.render.redline_helpers import words_for
    from regdraft.web.answers import _answer_item
    from regdraft.web.words import Words
    from regdraft.workspace.rounds import Listed

    guess = anchoring.Placement(State.MOVED, "d28.k2", DETAIL, several=2)
    assert _now(guess, 1, 2, "vi", words_for("vi")) == (
        "(nay là khoản 2 Điều 28 (một trong 2 chỗ có cùng nội dung, cần xem lại))",
        "Khoản 2 Điều 28 (một trong 2 chỗ có cùng nội dung, cần xem lại)")
    assert _now(guess, 1, 2, "en", words_for("en"))[1] == \
        "Clause 2, Article 28 (one of 2 places with the same text; to check)"
    comment = Comment(id="91f3", round=1, by="Bộ Tư pháp", on="d29.k2", type=CommentType.SUBSTANTIVE,
                      text="Đề nghị giữ khoản này.", anchor=DETAIL)
    said = _answer_item(comment, Listed(comment, guess), Words.of("vi")).said
    assert said == "đã chuyển đến khoản 2 Điều 28 (một trong 2 chỗ có cùng nội dung, cần xem lại)"

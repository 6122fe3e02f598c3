"""Comments on a title (tên Điều): `d7.title`, `tên Điều 7`, `the title of Article 7`, on the shipped regulation.

A title is a part of its article (chapter, section): a comment on it is anchored to the title's own words, listed
and reported right after its unit and before the unit's clauses, followed through later drafts as a title, and a
proposed title accepted by the office renames the unit alone. A Word reply's comment or tracked change in a heading
line lands on the title, not on the whole article (`comment import FILE.docx`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from regdraft.core import anchoring
from regdraft.core import comments as c
from regdraft.core.errors import AddressError, UnknownUnit, Worded
from regdraft.core.markdown import parse
from regdraft.core.model import Address, Regulation
from regdraft.core.parts import reading_order
from regdraft.workspace.rounds import build_report, draft_text, respond_comment
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import SHIPPED_AMENDMENT, SHIPPED_REGULATION, Invoke

BODY = "Ban Tổ chức Tỉnh ủy"
SOURCE = SHIPPED_REGULATION.read_text(encoding="utf-8")
# Điều 7 of the shipped regulation as it stands, and as the shipped amendment renames it (the draft circulated).
TITLE_7 = "Trách nhiệm, quyền hạn của Tỉnh ủy viên"
RENAMED_7 = "Nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên"
CHAPTER_3 = ("TRÁCH NHIỆM, QUYỀN HẠN CỦA TỈNH ỦY VIÊN, ỦY VIÊN BAN THƯỜNG VỤ, BÍ THƯ, PHÓ BÍ THƯ TỈNH ỦY")


def _draft(text: str) -> Regulation:
    return parse(text.encode("utf-8"), "regulations/01-QC-TU.md")


@pytest.fixture(scope="module")
def shipped() -> Regulation:
    return _draft(SOURCE)


# -- the address and its text -------------------------------------------------------------------


def test_a_title_is_addressed_as_people_write_it_and_named_before_its_unit() -> None:
    for written in ("d7.title", "tên Điều 7", "the title of Article 7", "ten dieu 7", "d7 title"):
        assert str(Address.parse(written)) == "d7.title", written
    assert Address.parse("tên Chương III") == Address.parse("ch3.title")
    assert c.describe_on("d7.title") == "Tên Điều 7"
    assert c.describe_on("d7.title", "en") == "The title of Article 7"
    assert Address.parse("ch4.m1.title").describe("vi") == "tên Mục 1 Chương IV"
    with pytest.raises(AddressError, match="khoản 2 Điều 6 has no title"):
        Address.parse("d6.k2.title")


def test_a_comment_on_a_title_is_anchored_to_the_titles_own_words(shipped: Regulation) -> None:
    assert c.prepare(1, BODY, "d7.title", "Đề nghị sửa tên Điều.", shipped).anchor == TITLE_7
    assert c.prepare(1, BODY, "tên Chương III", "Tên chương dài.", shipped).anchor == CHAPTER_3
    assert c.prepare(1, BODY, "d7.title", "x", shipped, proposal="Điều 7. Nhiệm vụ của Tỉnh ủy viên").proposal


def test_a_title_is_read_right_after_its_unit_and_before_its_clauses(shipped: Regulation) -> None:
    order = reading_order(shipped)
    ons = sorted(order, key=order.__getitem__)
    at = ons.index("ch3")
    assert ons[at:at + 5] == ["ch3", "ch3.title", "d7", "d7.title", "d7.k1"]
    assert "d31.title" not in order


def test_a_comment_on_the_title_of_an_article_without_one_is_refused(shipped: Regulation) -> None:
    with pytest.raises(UnknownUnit) as caught:
        c.prepare(1, BODY, "d31.title", "x", shipped)
    assert str(caught.value).startswith(
        "regulations/01-QC-TU.md: Điều 31 has no title (tên Điều 31 does not exist): its heading is its number "
        "alone; did you mean Điều 31 (d31)?")


def test_a_proposed_title_that_names_another_article_or_runs_over_lines_is_refused(shipped: Regulation) -> None:
    with pytest.raises(c.WrongWording, match="begins “Điều 8.”, the heading of another unit than Điều 7"):
        c.prepare(1, BODY, "d7.title", "x", shipped, proposal="Điều 8. Nhiệm vụ của Tỉnh ủy viên")
    with pytest.raises(c.WrongWording, match="A title is one line"):
        c.prepare(1, BODY, "d7.title", "x", shipped, proposal="Nhiệm vụ của Tỉnh ủy viên\nvà Ủy viên Ban Thường vụ")


# -- following a title through drafts ---------------------------------------------------------


def test_a_title_is_unchanged_while_its_words_are_and_moves_only_to_the_same_words(shipped: Regulation) -> None:
    def placed(text: str) -> str:
        return anchoring.follow("d7.title", TITLE_7, [_draft(text)]).describe()

    assert placed(SOURCE) == "unchanged"
    # The article's clauses change, its title does not.
    assert placed(SOURCE.replace("theo quy định của Điều lệ Đảng và Quy chế này; chịu trách nhiệm",
                                 "theo Điều lệ Đảng; chịu trách nhiệm")) == "unchanged"
    assert placed(SOURCE.replace(f"Điều 7. {TITLE_7}", f"Điều 7. {RENAMED_7}")) == "changed"
    # Renamed otherwise: the sibling titles (`Trách nhiệm, quyền hạn của Bí thư Tỉnh ủy`, 0.82 alike) are other
    # articles' titles, not this one moved.
    assert placed(SOURCE.replace(f"Điều 7. {TITLE_7}", "Điều 7. Chức trách của Tỉnh ủy viên")) == "changed"
    # The titles of Điều 7 and Điều 8 swapped: the words commented on are now Điều 8's title.
    title_8 = "Trách nhiệm, quyền hạn của Ủy viên Ban Thường vụ Tỉnh ủy"
    swapped = SOURCE.replace(f"Điều 7. {TITLE_7}", "Điều 7. @").replace(f"Điều 8. {title_8}", f"Điều 8. {TITLE_7}")
    assert placed(swapped.replace("Điều 7. @", f"Điều 7. {title_8}")) == "moved to d8.title"


# -- through the command line and the office ------------------------------------------------------


def _listed(ws: Workspace, invoke: Invoke) -> list[dict[str, Any]]:
    result = invoke(ws, "comment", "list", SHIPPED_AMENDMENT, "--json")
    assert result.exit_code == 0, result.output
    listed: list[dict[str, Any]] = json.loads(result.output)
    return listed


def test_comments_on_a_title_are_listed_and_reported_after_the_article_and_before_its_clauses(
        circulating: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    ws = circulating
    for on in ("d7.k1", "tên Điều 7", "d7", "d8.title"):
        result = invoke(ws, "comment", "add", SHIPPED_AMENDMENT, "--by", BODY, "--on", on, "--text", f"Về {on}.")
        assert result.exit_code == 0, result.output
    listed = _listed(ws, invoke)
    assert [(d["on"], d["state"]) for d in listed] == [("d7", "unchanged"), ("d7.title", "unchanged"),
                                                      ("d7.k1", "unchanged"), ("d8.title", "unchanged")]
    # The draft circulated holds the title as the amendment renames it.
    assert next(d["anchor"] for d in listed if d["on"] == "d7.title") == RENAMED_7
    report = build_report(ws, SHIPPED_AMENDMENT)
    assert [group.on for group in report.groups] == ["d7", "d7.title", "d7.k1", "d8.title"]
    out = tmp_path / "bao-cao.csv"
    assert invoke(ws, "round", "report", SHIPPED_AMENDMENT, "-o", str(out)).exit_code == 0
    rows = [row.split(",")[:3] for row in out.read_text(encoding="utf-8-sig").splitlines()[1:]]
    assert rows[1] == ["2", "Tên Điều 7", "d7.title"]
    shown = invoke(ws, "show", "01-QC/TU", "tên Điều 7")
    assert shown.exit_code == 0, shown.output
    assert shown.output == f"tên Điều 7  (Chương III › Điều 7)\n\n{TITLE_7}\n"


def test_add_refuses_the_title_of_an_article_without_one(circulating: Workspace, invoke: Invoke) -> None:
    ws = circulating
    head = ws.head()
    result = invoke(ws, "comment", "add", SHIPPED_AMENDMENT, "--by", BODY, "--on", "d31.title", "--text", "x")
    assert result.exit_code == 2
    assert "Điều 31 has no title (tên Điều 31 does not exist)" in result.output
    assert "did you mean Điều 31 (d31)?" in result.output
    assert ws.head() == head


def test_the_office_accepts_a_proposed_title_which_renames_the_article_alone(circulating: Workspace,
                                                                          invoke: Invoke) -> None:
    from regdraft.workspace.proposals import accept_proposal

    ws = circulating
    before = draft_text(ws, SHIPPED_AMENDMENT).find("d7").unit
    result = invoke(ws, "comment", "add", SHIPPED_AMENDMENT, "--by", BODY, "--on", "d7.title", "--text",
                    "Đề nghị bổ sung “chức trách”.", "--proposal",
                    "Điều 7. Chức trách, nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên")
    assert result.exit_code == 0, result.output
    (made,) = _listed(ws, invoke)
    accepted = accept_proposal(ws, SHIPPED_AMENDMENT, made["id"])  # the review server's Accept button
    assert accepted.commit
    after = draft_text(ws, SHIPPED_AMENDMENT).find("d7").unit
    assert after.title == "Chức trách, nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên"
    assert (after.text, after.children) == (before.text, before.children)
    amendment = (ws.root / "amendments" / SHIPPED_AMENDMENT / "amendment.md").read_text(encoding="utf-8")
    assert "Sửa đổi tên Điều 7 như sau:\n\n“Điều 7. Chức trách, nhiệm vụ, quyền hạn" in amendment
    assert "Sửa đổi, bổ sung Điều 7 như sau" not in amendment
    # The wording is in the draft: answering the comment 'rejected' would say it was not taken in.
    with pytest.raises(Worded, match="still holds it"):
        respond_comment(ws, made["id"], "rejected", "Không tiếp thu.", SHIPPED_AMENDMENT)


# -- Word replies ---------------------------------------------------------------------------------


def _import(invoke: Invoke, ws: Workspace, reply: Path) -> dict[str, dict[str, Any]]:
    """Import a reply; the comments written, by provision (one each)."""
    return kit.imported_by_provision(invoke, ws, SHIPPED_AMENDMENT, reply, BODY)


@pytest.fixture
def review_copy(circulating: Workspace, invoke: Invoke, tmp_path: Path) -> Path:
    out = tmp_path / "copy.docx"
    result = invoke(circulating, "round", "copy", SHIPPED_AMENDMENT, "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def test_a_tracked_change_in_a_heading_line_is_a_proposed_title(circulating: Workspace, review_copy: Path,
                                                                invoke: Invoke, tmp_path: Path) -> None:
    # It was a proposal of the whole Điều 7, every clause written out, on `d7`.
    document = kit.open_docx(review_copy)
    heading = kit.paragraph_with(document, f"Điều 7. {RENAMED_7}")
    kit.track_replace(kit.isolate(heading, "Nhiệm vụ"), "Chức trách, nhiệm vụ", "Lê Văn Cường")
    (change,) = _import(invoke, circulating, kit.save(document, tmp_path / "reply.docx")).values()
    assert change["provision"] == "d7.title"
    assert change["anchor"] == RENAMED_7
    assert change["proposal"] == "Chức trách, nhiệm vụ, quyền hạn và trách nhiệm nêu gương của Tỉnh ủy viên"
    assert change["author"] == "Lê Văn Cường" and change["type"] == "editorial"


def test_word_comments_on_heading_lines_are_on_their_titles(circulating: Workspace, review_copy: Path,
                                                            invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(review_copy)
    # Điều 9's heading in the amending document's quoted new text (`“Điều 9. …`), and Chương III's title line.
    quoted = kit.paragraph_with(document, "“Điều 9. Trách nhiệm, quyền hạn của Bí thư Tỉnh ủy", last=False)
    kit.comment(document, quoted.runs[0], "Đề nghị xem lại tên Điều 9.", "Trần Thị Bình", quoted.runs[-1])
    chapter = kit.paragraph_with(document, CHAPTER_3)
    kit.comment(document, chapter.runs[0], "Tên chương dài.", "Trần Thị Bình", chapter.runs[-1])
    # Words from Điều 8's heading line to its first clause are on the article.
    heading_8 = kit.paragraph_with(document, "Điều 8. Trách nhiệm, quyền hạn của Ủy viên Ban Thường vụ Tỉnh ủy")
    clause = kit.paragraph_with(document, "1. Ngoài trách nhiệm, quyền hạn của Tỉnh ủy viên")
    kit.comment(document, heading_8.runs[0], "Đề nghị gộp.", "Trần Thị Bình", clause.runs[-1])
    comments = _import(invoke, circulating, kit.save(document, tmp_path / "reply.docx"))
    assert set(comments) == {"d9.title", "ch3.title", "d8"}
    assert comments["d9.title"]["anchor"] == "Trách nhiệm, quyền hạn của Bí thư Tỉnh ủy"
    assert comments["d9.title"]["text"] == "Đề nghị xem lại tên Điều 9."
    assert comments["ch3.title"]["anchor"] == CHAPTER_3


def test_the_office_accepts_a_proposed_chapter_title(circulating: Workspace) -> None:
    from regdraft.workspace.proposals import accept_proposal
    from regdraft.workspace.rounds import add_comment

    made = add_comment(circulating, SHIPPED_AMENDMENT, BODY, "tên Chương III", "Đề nghị gọn hơn.",
                       proposal="Chương III. TRÁCH NHIỆM, QUYỀN HẠN CỦA TỈNH ỦY VIÊN VÀ LÃNH ĐẠO TỈNH ỦY")
    # It was refused: "a wording replaces an article, a clause, a point or an appendix".
    assert accept_proposal(circulating, SHIPPED_AMENDMENT, made.id).commit
    chapter = draft_text(circulating, SHIPPED_AMENDMENT).find("ch3").unit
    assert chapter.title == "TRÁCH NHIỆM, QUYỀN HẠN CỦA TỈNH ỦY VIÊN VÀ LÃNH ĐẠO TỈNH ỦY"
    amendment = (circulating.root / "amendments" / SHIPPED_AMENDMENT / "amendment.md").read_text(encoding="utf-8")
    assert "Sửa đổi tên Chương III như sau:\n\n“TRÁCH NHIỆM, QUYỀN HẠN CỦA TỈNH ỦY VIÊN VÀ LÃNH ĐẠO TỈNH ỦY”." \
        in amendment

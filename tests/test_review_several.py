"""Reviewing a document that amends two regulations: the Word review copy holds both texts as
amended, each provision's bookmark names its text, and comments (Word replies, `comment add`, the
report) name the regulation of their provision."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from regdraft.core.comment_yaml import comment_from_yaml, comment_to_yaml
from regdraft.core.comments import GENERAL, Comment, CommentType
from regdraft.core.replies import Reply, ReplyComment, ReplyParagraph
from regdraft.core.replies import comments_from_reply as place
from regdraft.core.reply_marks import CopyMark, bookmark_name, bookmark_target
from regdraft.workspace import circulated, rounds
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit

from .conftest import FIXTURES, SHIPPED_REGULATION, Invoke

SLUG = "both"
BODY = "Ban Tổ chức Tỉnh ủy"
MAIN, SECOND = "02-QC/TU", "01-QC/TU"
# Điều 2 rewrites điểm a khoản 1 Điều 5 of 01-QC/TU; Điều 1 rewrites khoản 2 Điều 1 of 02-QC/TU.
NEW_POINT = "Xây dựng và ban hành chương trình công tác toàn khóa, hằng năm của Ban Thường vụ Tỉnh ủy;"
NEW_CLAUSE = "Thường trực Tỉnh ủy bảo đảm thực hiện."


def document(main: str = MAIN) -> str:
    """Điều 1 amends 02-QC/TU, Điều 2 amends 01-QC/TU; `main` is the front matter's `regulation`."""
    return (
        f"---\nnumber: 07-QC/TU\ntype: Quy chế\ntitle: Quy chế sửa đổi hai quy chế\nregulation: {main}\n"
        "amends:\n  1: 02-QC/TU\n  2: 01-QC/TU\nlanguage: vi\nstatus: draft\ndraft: 1\nsigned: null\n"
        "effective: null\n---\n\nCăn cứ Điều lệ Đảng;\n\n"
        "## Điều 1. Sửa đổi, bổ sung Quy chế thử nghiệm sửa đổi\n\n"
        f"1\\. Sửa đổi, bổ sung khoản 2 Điều 1 như sau:\n\n“2\\. {NEW_CLAUSE}”\n\n"
        "2\\. Bãi bỏ Điều 4.\n\n"
        "## Điều 2. Sửa đổi, bổ sung Quy chế làm việc\n\n"
        f"1\\. Sửa đổi, bổ sung điểm a khoản 1 Điều 5 như sau:\n\n“a) {NEW_POINT}”\n\n"
        "## Điều 3. Hiệu lực thi hành\n\nQuy chế này có hiệu lực kể từ ngày ký.\n"
    )


def several_workspace(ws: Workspace, main: str = MAIN) -> Workspace:
    """Two regulations, a document amending both, and round 1 open on its draft 1."""
    ws.commit({"regulations/02-QC-TU.md": (FIXTURES / "amend" / "vi.md").read_bytes(),
               "regulations/01-QC-TU.md": SHIPPED_REGULATION.read_bytes(),
               f"amendments/{SLUG}/amendment.md": document(main).encode()},
              "Add two regulations and a document amending both")
    rounds.open_round(ws, SLUG, "Lấy ý kiến các ban", "2099-03-15", [BODY, "Văn phòng Tỉnh ủy"])
    return ws


@pytest.fixture
def ws(empty_workspace: Workspace) -> Workspace:
    return several_workspace(empty_workspace)


def _copy(ws: Workspace, invoke: Invoke, out: Path) -> Path:
    result = invoke(ws, "round", "copy", SLUG, "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def _bookmarks(copy: Path) -> list[str]:
    """The provisions' address bookmarks (the mark naming the copy itself left out)."""
    with zipfile.ZipFile(copy) as z:
        body = z.read("word/document.xml").decode("utf-8")
    return [n for n in re.findall(r'<w:bookmarkStart [^>]*w:name="([^"]+)"', body) if not CopyMark.read(n)]


def _comments(ws: Workspace) -> list[dict[str, Any]]:
    folder = ws.root / "amendments" / SLUG / "comments"
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))]


def test_review_copy_holds_each_text_as_amended_with_its_own_bookmarks(ws: Workspace, invoke: Invoke,
                                                                      tmp_path: Path) -> None:
    copy = _copy(ws, invoke, tmp_path / "copy.docx")
    texts = circulated.draft_texts(ws, SLUG, rounds.find_round(ws, SLUG).revision)
    assert [(key, draft.id) for key, draft in texts] == [("", MAIN), (SECOND, SECOND)]
    names = _bookmarks(copy)
    assert len(names) == len(set(names)) and all(n.startswith("_") and len(n) <= 40 for n in names)
    found: dict[int, set[str]] = {}
    for name in names:
        target = bookmark_target(name)
        assert target is not None and target[0] in (1, 2), name  # every bookmark names its text
        found.setdefault(target[0], set()).add(target[1])
    for number, (_, draft) in enumerate(texts, start=1):
        assert {str(loc.address) for loc in draft.walk()} <= found[number]
    paragraphs = [p.text for p in kit.open_docx(copy).paragraphs]
    # The amending document, then each text under a heading naming its regulation, in document order.
    headings = [i for i, t in enumerate(paragraphs) if t.startswith("TOÀN VĂN SAU KHI SỬA ĐỔI")]
    assert len(headings) == 2
    assert MAIN in paragraphs[headings[0] + 1] and SECOND in paragraphs[headings[1] + 1]
    assert any(NEW_CLAUSE in t for t in paragraphs[headings[0]:headings[1]])
    assert any(NEW_POINT in t for t in paragraphs[headings[1]:])
    assert not any(NEW_POINT in t for t in paragraphs[headings[0]:headings[1]])


def test_word_comment_on_the_second_text_lands_on_that_regulation(ws: Workspace, invoke: Invoke,
                                                                   tmp_path: Path) -> None:
    document = kit.open_docx(_copy(ws, invoke, tmp_path / "copy.docx"))
    kit.comment(document, kit.isolate(kit.paragraph_with(document, NEW_POINT), "toàn khóa"),
                "Đề nghị bỏ cụm từ “toàn khóa”.", "Nguyễn Văn An")
    kit.comment(document, kit.isolate(kit.paragraph_with(document, NEW_CLAUSE), "bảo đảm"),
                "Đề nghị giữ nguyên.", "Nguyễn Văn An")
    # A tracked change in the second text is a proposal on that regulation's provision.
    kit.track_replace(kit.isolate(kit.paragraph_with(document, NEW_POINT), "hằng năm"), "hằng quý", "Lê Văn Cường")
    reply = kit.save(document, tmp_path / "reply.docx")

    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    assert f"d5.k1.a ({SECOND})" in result.output
    circulated = rounds.find_round(ws, SLUG).revision
    second = rounds.draft_text(ws, SLUG, circulated, SECOND)
    main = rounds.draft_text(ws, SLUG, circulated)
    by_text = {c["text"]: c for c in _comments(ws)}
    point = by_text["Đề nghị bỏ cụm từ “toàn khóa”."]
    assert (point["provision"], point["regulation"]) == ("d5.k1.a", SECOND)
    assert point["anchor"] == second.find("d5.k1.a").unit.all_text()
    assert point["proposal"] == "a) " + point["anchor"].replace("hằng năm", "hằng quý")  # one comment carries both
    clause = by_text["Đề nghị giữ nguyên."]
    assert clause["provision"] == "d1.k2" and "regulation" not in clause  # the main regulation: no key
    assert clause["anchor"] == main.find("d1.k2").unit.all_text()
    # Importing again adds nothing; the listing names the regulation.
    again = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert again.exit_code == 0 and len(_comments(ws)) == 2
    listed = invoke(ws, "comment", "list", SLUG)
    assert f"d5.k1.a ({SECOND})" in listed.output and "unchanged" in listed.output


def test_comment_add_names_the_regulation_and_the_report_groups_by_it(ws: Workspace, invoke: Invoke,
                                                                      tmp_path: Path) -> None:
    added = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k1.a", "--regulation", SECOND,
                   "--text", "Làm rõ chương trình công tác.")
    assert added.exit_code == 0, added.output
    assert f"on d5.k1.a of {SECOND}" in added.output
    # The main regulation has no Điều 5: without --regulation the address is checked against it.
    wrong = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k1.a", "--text", "x")
    assert wrong.exit_code != 0 and "Traceback" not in wrong.output
    other = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d1.k2", "--regulation", "03-QC/TU",
                   "--text", "x")
    assert other.exit_code != 0 and "amends 02-QC/TU, 01-QC/TU, not 03-QC/TU" in other.output
    assert invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d1.k2", "--text", "Giữ nguyên.").exit_code == 0
    report = rounds.build_report(ws, SLUG)
    assert [(g.regulation, g.on, g.provision) for g in report.groups] == [
        ("", "d1.k2", f"Khoản 2 Điều 1 ({MAIN})"), (SECOND, "d5.k1.a", f"Điểm a khoản 1 Điều 5 ({SECOND})")]
    html = tmp_path / "report.html"
    assert invoke(ws, "round", "report", SLUG, "-o", str(html)).exit_code == 0
    assert f"Điểm a khoản 1 Điều 5 ({SECOND})" in html.read_text(encoding="utf-8")


def test_main_regulation_second_in_the_document(empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # `regulation:` names 01-QC/TU, amended by Điều 2: the copy still follows the document, and a
    # comment on 02-QC/TU (Điều 1, the first text) names it.
    ws = several_workspace(empty_workspace, main=SECOND)
    document = kit.open_docx(_copy(ws, invoke, tmp_path / "copy.docx"))
    kit.comment(document, kit.isolate(kit.paragraph_with(document, NEW_CLAUSE), "bảo đảm"), "Giữ nguyên.", "A")
    kit.comment(document, kit.isolate(kit.paragraph_with(document, NEW_POINT), "toàn khóa"), "Bỏ.", "A")
    result = invoke(ws, "comment", "import", SLUG, str(kit.save(document, tmp_path / "r.docx")), "--by", BODY)
    assert result.exit_code == 0, result.output
    by_text = {c["text"]: c for c in _comments(ws)}
    assert (by_text["Giữ nguyên."]["provision"], by_text["Giữ nguyên."].get("regulation")) == ("d1.k2", MAIN)
    assert (by_text["Bỏ."]["provision"], by_text["Bỏ."].get("regulation")) == ("d5.k1.a", None)


# -- the core, without files ------------------------------------------------------------------


def test_bookmarks_name_their_text_and_old_ones_mean_the_first() -> None:
    assert bookmark_name(12, "d5.k2.b") == "_rd12_d5_k2_b"  # a copy of one text: as before
    assert bookmark_target("_rd12_d5_k2_b") == (0, "d5.k2.b")
    assert bookmark_target(bookmark_name(3, "d5.k1.a", 2)) == (2, "d5.k1.a")
    assert bookmark_target("_GoBack") is None


def test_a_reply_without_text_numbers_lands_on_the_main_regulation(ws: Workspace) -> None:
    revision = rounds.find_round(ws, SLUG).revision
    texts = circulated.draft_texts(ws, SLUG, revision)
    main = dict(texts)[""]
    line = main.find("d1.k2").unit.text[0]
    old = Reply("old.docx", (ReplyParagraph("d1.k2", line, line),),
                (ReplyComment("0", "A", "", "Giữ nguyên.", 0, 0, "bảo đảm"),))
    (c,) = place(old, main, 1, BODY, texts=texts).placed
    assert (c.on, c.regulation) == ("d1.k2", "")
    # The same address in the second text: its own regulation and anchor.
    new = Reply("new.docx", (ReplyParagraph("d1.k2", line, line, text=2),), old.comments)
    (c,) = place(new, main, 1, BODY, texts=texts).placed
    second = dict(texts)[SECOND]
    assert (c.on, c.regulation, c.anchor) == ("d1.k2", SECOND, second.find("d1.k2").unit.all_text())
    # A range over both texts is a comment on the draft as a whole.
    spans = (ReplyParagraph("d1.k2", line, line, text=1), ReplyParagraph("d1.k2", line, line, text=2))
    both = Reply("both.docx", spans, (ReplyComment("0", "A", "", "Chung.", 0, 1, ""),))
    (c,) = place(both, main, 1, BODY, texts=texts).placed
    assert (c.on, c.regulation) == (GENERAL, "")


def test_a_comment_file_keeps_its_regulation_only_when_it_has_one() -> None:
    plain = Comment("ab12", 1, BODY, "d1.k2", CommentType.SUBSTANTIVE, "Giữ nguyên.")
    assert "regulation" not in comment_to_yaml(plain)
    named = Comment("ab13", 1, BODY, "d5.k1.a", CommentType.SUBSTANTIVE, "Bỏ.", regulation=SECOND)
    text = comment_to_yaml(named)
    assert list(yaml.safe_load(text))[:5] == ["id", "round", "by", "provision", "regulation"]
    assert comment_from_yaml(text) == named and comment_from_yaml(comment_to_yaml(plain)) == plain


def test_a_sheet_names_the_regulation_of_each_row(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    sheet = tmp_path / "gop-y.csv"
    sheet.write_text(f"by,on,text,văn bản\n{BODY},d5.k1.a,Bỏ “toàn khóa”.,{SECOND}\n{BODY},d1.k2,Giữ nguyên.,{MAIN}\n"
                     f"{BODY},d1.k2,Chung.,\n", encoding="utf-8")
    result = invoke(ws, "comment", "import", SLUG, str(sheet))
    assert result.exit_code == 0, result.output
    assert sorted((c["provision"], c.get("regulation"), c["text"]) for c in _comments(ws)) == [
        ("d1.k2", None, "Chung."), ("d1.k2", None, "Giữ nguyên."), ("d5.k1.a", SECOND, "Bỏ “toàn khóa”.")]
    bad = tmp_path / "sai.csv"
    bad.write_text(f"by,on,text,regulation\n{BODY},d5.k1.a,Bỏ.,{MAIN}\n{BODY},d1.k2,x,03-QC/TU\n", encoding="utf-8")
    refused = invoke(ws, "comment", "import", SLUG, str(bad))
    assert refused.exit_code != 0 and "row 2" in refused.output and "row 3" in refused.output
    assert len(_comments(ws)) == 3


def _body(data: bytes) -> str:
    """An amending document below its front matter."""
    return data.decode("utf-8").split("\n---\n", 1)[1]


def test_accepting_a_wording_rewrites_the_article_for_its_regulation(ws: Workspace) -> None:
    from regdraft.workspace.amendments import load
    from regdraft.workspace.proposals import accept_proposal

    relative = f"amendments/{SLUG}/amendment.md"
    wording = NEW_POINT.replace("hằng năm", "hằng năm, hằng quý")
    c = rounds.add_comment(ws, SLUG, BODY, "d5.k1.a", "Sửa.", proposal=f"a) {wording}", regulation=SECOND)
    before = _body(ws.read(relative))
    done = accept_proposal(ws, SLUG, c.id)
    after = _body(ws.read(relative))
    # Below the front matter (which records the comment as the reason), only Điều 2 changed: the
    # article amending the second regulation.
    cut = before.index("## Điều 2."), before.index("## Điều 3.")
    assert after.startswith(before[:cut[0]]) and after.endswith(before[cut[1]:])
    assert rounds.draft_text(ws, SLUG, regulation=SECOND).find("d5.k1.a").unit.text == (wording,)
    assert done.comment.accepted_in == done.commit
    assert str(ws.repo.commit(done.commit).message).startswith(
        f"Accept the proposal of comment {c.id} by {BODY} on d5.k1.a of {SECOND} into amendment {SLUG}")
    # A comment on the main regulation of the same document rewrites Điều 1 only.
    main = rounds.add_comment(ws, SLUG, BODY, "d1.k2", "Sửa.", proposal="2. Thường trực Tỉnh ủy chỉ đạo thực hiện.")
    before = after
    accept_proposal(ws, SLUG, main.id)
    after = _body(ws.read(relative))
    cut = before.index("## Điều 1."), before.index("## Điều 2.")
    assert after.startswith(before[:cut[0]]) and after.endswith(before[cut[1]:])
    assert rounds.draft_text(ws, SLUG).find("d1.k2").unit.text == ("Thường trực Tỉnh ủy chỉ đạo thực hiện.",)
    # Each comment stays the reason of the instruction written from it, in its own article.
    amendment = load(ws, SLUG)
    reasons = [(ins.cite(), part.reason(ins)) for part in (amendment, amendment.for_regulation(SECOND))
               for ins in part.leaves()]
    assert reasons == [("khoản 1 Điều 1", f"Tiếp thu ý kiến của {BODY} (ý kiến {main.id})."),
                       ("khoản 2 Điều 1", ""),
                       ("khoản 1 Điều 2", f"Tiếp thu ý kiến của {BODY} (ý kiến {c.id}).")]

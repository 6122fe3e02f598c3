"""The review copy's hidden address marks reach every paragraph a reviewer may comment on: the headings of
group instructions (`16. Sửa đổi, bổ sung điểm b và điểm đ khoản 1 Điều 45 như sau:`) and the cells of a
table kept in a provision (Nghị định 63/2010's appendix forms), so that `comment import` places a Word
comment on them instead of refusing it as matching no provision."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from regdraft.core.reply_marks import bookmark_address
from regdraft.workspace.store import Workspace, init_workspace
from tests import word_reply_kit as kit
from tests.conftest import SHARED, Invoke, copied_folder, needs_corpus, run_cli

SLUG = "qc-sua-doi-2025"
BODY = "Ban Tổ chức Tỉnh ủy"
AMENDMENTS = SHARED / "corpus" / "amendments"

# Two more groups for the shipped amendment: one naming two clauses of an article (about the article), one
# naming no provision, whose instructions name provisions of two articles (about the first named).
GROUPS = (
    "15\\. Sửa đổi, bổ sung khoản 1 và khoản 2 Điều 2 như sau:\n\n"
    "a) Sửa đổi, bổ sung khoản 1 như sau:\n\n"
    "“1\\. Quy chế này áp dụng đối với Ban Chấp hành Đảng bộ tỉnh và các đồng chí Tỉnh ủy viên.”.\n\n"
    "b) Sửa đổi, bổ sung khoản 2 như sau:\n\n"
    "“2\\. Các cơ quan, tổ chức có quan hệ công tác với Ban Chấp hành Đảng bộ tỉnh thực hiện Quy chế này.”.\n\n"
    "16\\. Các sửa đổi khác:\n\n"
    "a) Thay thế cụm từ “hằng năm” bằng cụm từ “hàng năm” tại khoản 5 Điều 3.\n\n"
    "b) Thay thế cụm từ “hằng ngày” bằng cụm từ “hàng ngày” tại khoản 1 Điều 6.\n\n"
)
# A table kept in khoản 2 Điều 2 of the shipped regulation.
CLAUSE = "có trách nhiệm thực hiện những nội dung có liên quan của Quy chế này."
TABLE = "| Cơ quan | Nội dung |\n| --- | --- |\n| Ủy ban Kiểm tra Tỉnh ủy | Kiểm tra, giám sát |"


def _addresses(para: Any) -> list[str]:
    """The provision addresses of the review-copy bookmarks a paragraph sits in (python-docx paragraph)."""
    names = (b.get(qn("w:name")) or "" for b in para._p.iter(qn("w:bookmarkStart")))
    return [a for a in map(bookmark_address, names) if a is not None]


def _article(document: Any, first: str, after: str) -> list[Paragraph]:
    """The amending document's paragraphs from the heading starting `first` up to the one starting `after`."""
    out: list[Paragraph] = []
    for para in document.paragraphs:
        if para.text.startswith(after) and out:
            break
        if out or para.text.startswith(first):
            out.append(para)
    assert out, f"no paragraph starts with {first!r}"
    return out


def _cells(document: Any, text: str) -> list[Paragraph]:
    """The paragraphs of the cells of the (last) table holding `text`."""
    tables = [t for t in document.tables if any(text in c.text for row in t.rows for c in row.cells)]
    assert tables, f"no table holds {text!r}"
    return [p for row in tables[-1].rows for cell in row.cells for p in cell.paragraphs]


def _copy(invoke: Invoke, ws: Workspace | Path, slug: str, out: Path) -> Path:
    return kit.round_copy(invoke, ws, slug, out, BODY)


def _comment(document: Any, para: Paragraph, needle: str, said: str) -> None:
    kit.comment(document, kit.isolate(para, needle), said, "Nguyễn Văn An")


def _placed(invoke: Invoke, ws: Workspace | Path, slug: str, reply: Path) -> dict[str, tuple[str, str]]:
    """Import a reply; each comment's text -> (provision, selection)."""
    result = invoke(ws, "comment", "import", slug, str(reply), "--by", BODY)
    assert result.exit_code == 0, result.output
    root = ws.root if isinstance(ws, Workspace) else ws
    folder = root / "amendments" / slug / "comments"
    files = (yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.glob("*.yaml"))
    return {c["text"]: (c["provision"], c["selection"]) for c in files}


# -- group instructions -----------------------------------------------------------------------


def test_every_instruction_paragraph_carries_what_it_names_group_headings_included(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # A group's heading had no mark: a Word comment on it "matches no provision" and the reply was refused.
    ws = tmp_workspace
    path = ws.root / "amendments" / SLUG / "amendment.md"
    text = path.read_text(encoding="utf-8").replace("## Điều 2. Điều khoản chuyển tiếp",
                                                    GROUPS + "## Điều 2. Điều khoản chuyển tiếp", 1)
    ws.commit({f"amendments/{SLUG}/amendment.md": text.encode()}, "Draft with two more groups")
    document = kit.open_docx(_copy(invoke, ws, SLUG, tmp_path / "copy.docx"))

    article = _article(document, "Điều 1.", "Điều 2.")
    marks = {p.text: _addresses(p) for p in article[1:]}  # the article's own heading names no provision
    # Words changed throughout are about the whole text: a comment on them is a general comment (it matched no
    # provision, and the reply was refused as if it stood outside the text under review).
    [throughout] = [t for t in marks if "trong toàn bộ Quy chế" in t]
    assert marks[throughout] == ["general"]
    assert [t for t, found in marks.items() if not found] == []
    assert marks["1. Sửa đổi, bổ sung một số điểm của khoản 1 Điều 4 như sau:"] == ["d4.k1"]
    assert marks["15. Sửa đổi, bổ sung khoản 1 và khoản 2 Điều 2 như sau:"] == ["d2"]
    assert marks["16. Các sửa đổi khác:"] == ["d3.k5"]
    assert marks["a) Sửa đổi, bổ sung điểm c như sau:"] == ["d4.k1.c"]  # the group's own instructions as before

    for needle, said in (("một số điểm của khoản 1 Điều 4", "Góp ý khoản 1 Điều 4."),
                         ("khoản 1 và khoản 2 Điều 2", "Góp ý Điều 2."), ("Các sửa đổi khác", "Nhất trí."),
                         ("trong toàn bộ Quy chế", "Đề nghị rà soát cả các văn bản kèm theo.")):
        _comment(document, kit.paragraph_with(document, needle, last=False), needle, said)
    placed = _placed(invoke, ws, SLUG, kit.save(document, tmp_path / "reply.docx"))
    assert placed == {"Góp ý khoản 1 Điều 4.": ("d4.k1", "một số điểm của khoản 1 Điều 4"),
                      "Góp ý Điều 2.": ("d2", "khoản 1 và khoản 2 Điều 2"),
                      "Nhất trí.": ("d3.k5", "Các sửa đổi khác"),
                      "Đề nghị rà soát cả các văn bản kèm theo.": ("general", "trong toàn bộ Quy chế")}


def test_a_comment_selecting_one_provision_of_an_instruction_naming_several_lands_on_it(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    """r24 d-word defect 4: instruction 11 of the shipped amendment is marked with the first provision it names
    (d10.k3); a member selecting exactly its second one wrote a comment filed under khoản 3 Điều 10."""
    ws = tmp_workspace
    document = kit.open_docx(_copy(invoke, ws, SLUG, tmp_path / "copy.docx"))
    repeal = kit.paragraph_with(document, "11. Bãi bỏ khoản 3 Điều 10 và điểm c khoản 2 Điều 16.", last=False)
    assert _addresses(repeal) == ["d10.k3"]
    _comment(document, repeal, "điểm c khoản 2 Điều 16", "Đề nghị giữ lại điểm c khoản 2 Điều 16.")
    _comment(document, kit.paragraph_with(document, "11. Bãi bỏ khoản 3 Điều 10", last=False), "Bãi bỏ",
             "Nhất trí.")
    words = kit.paragraph_with(document, "tại khoản 2 Điều 23 và khoản 1 Điều 24.", last=False)
    _comment(document, words, "khoản 1 Điều 24", "Đề nghị rà soát khoản 1 Điều 24.")
    placed = _placed(invoke, ws, SLUG, kit.save(document, tmp_path / "reply.docx"))
    assert placed == {"Đề nghị giữ lại điểm c khoản 2 Điều 16.": ("d16.k2.c", "điểm c khoản 2 Điều 16"),
                      "Nhất trí.": ("d10.k3", "Bãi bỏ"),  # words naming no provision: the first named, as before
                      "Đề nghị rà soát khoản 1 Điều 24.": ("d24.k1", "khoản 1 Điều 24")}


def test_a_comment_selecting_one_label_of_a_group_heading_lands_on_its_provision(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    """Carried: a member selecting one provision's label alone in a heading naming several (`khoản 2` in `16. Sửa
    đổi, bổ sung khoản 4 Điều 3 và khoản 2 Điều 11 như sau:`) wrote a comment filed under the provision the heading
    is marked with (d3.k4); the label is read with the words after it that complete its citation (Điều 11)."""
    ws = tmp_workspace
    two = ("16\\. Sửa đổi, bổ sung khoản 4 Điều 3 và khoản 2 Điều 11 như sau:\n\n"
           "a) Sửa đổi, bổ sung khoản 4 Điều 3 như sau:\n\n"
           "“4\\. Giữ gìn đoàn kết, thống nhất trong Ban Chấp hành và trong toàn Đảng bộ.”.\n\n"
           "b) Sửa đổi, bổ sung khoản 2 Điều 11 như sau:\n\n"
           "“2\\. Phó Bí thư Tỉnh ủy giúp Bí thư theo dõi công tác của Ủy ban nhân dân tỉnh.”.\n\n")
    path = ws.root / "amendments" / SLUG / "amendment.md"
    first = GROUPS.split("16\\.")[0]  # group 15: `khoản 1 và khoản 2 Điều 2`
    text = path.read_text(encoding="utf-8").replace("## Điều 2. Điều khoản chuyển tiếp",
                                                    first + two + "## Điều 2. Điều khoản chuyển tiếp", 1)
    ws.commit({f"amendments/{SLUG}/amendment.md": text.encode()}, "Draft with two more groups")
    document = kit.open_docx(_copy(invoke, ws, SLUG, tmp_path / "copy.docx"))
    across = kit.paragraph_with(document, "16. Sửa đổi, bổ sung khoản 4 Điều 3 và khoản 2 Điều 11", last=False)
    assert _addresses(across) == ["d3.k4"]
    _comment(document, across, "khoản 2", "Đề nghị giữ nguyên khoản 2 Điều 11.")
    _comment(document, across, "bổ sung", "Nhất trí.")
    _comment(document, kit.paragraph_with(document, "15. Sửa đổi, bổ sung khoản 1 và khoản 2 Điều 2", last=False),
             "khoản 2", "Đề nghị viết lại khoản 2 Điều 2.")
    _comment(document, kit.paragraph_with(document, "11. Bãi bỏ khoản 3 Điều 10", last=False), "điểm c",
             "Đề nghị giữ lại điểm c.")
    _comment(document, kit.paragraph_with(document, "tại khoản 2 Điều 23 và khoản 1 Điều 24.", last=False),
             "khoản 1", "Đề nghị rà soát khoản 1 Điều 24.")
    placed = _placed(invoke, ws, SLUG, kit.save(document, tmp_path / "reply.docx"))
    assert placed == {"Đề nghị giữ nguyên khoản 2 Điều 11.": ("d11.k2", "khoản 2"),  # it was d3.k4
                      "Nhất trí.": ("d3.k4", "bổ sung"),  # words citing no provision: the heading's mark, as before
                      "Đề nghị viết lại khoản 2 Điều 2.": ("d2.k2", "khoản 2"),
                      "Đề nghị giữ lại điểm c.": ("d16.k2.c", "điểm c"),  # it was d10.k3
                      "Đề nghị rà soát khoản 1 Điều 24.": ("d24.k1", "khoản 1")}  # it was d23.k2


# -- tables -----------------------------------------------------------------------------------


def test_a_comment_on_a_table_cell_lands_on_the_provision_holding_the_table(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # Only the paragraph above the table carried the provision's mark: a comment on a cell matched no provision.
    ws = tmp_workspace
    path = ws.root / "regulations" / "01-QC-TU.md"
    text = path.read_text(encoding="utf-8")
    assert text.count(CLAUSE) == 1
    ws.commit({"regulations/01-QC-TU.md": text.replace(CLAUSE, f"{CLAUSE}\n\n{TABLE}").encode()},
              "A table in khoản 2 Điều 2")
    document = kit.open_docx(_copy(invoke, ws, SLUG, tmp_path / "copy.docx"))

    cells = _cells(document, "Kiểm tra, giám sát")
    assert [p.text for p in cells] == ["Cơ quan", "Nội dung", "Ủy ban Kiểm tra Tỉnh ủy", "Kiểm tra, giám sát"]
    assert [_addresses(p) for p in cells] == [["d2.k2"]] * 4

    _comment(document, cells[3], "giám sát", "Đề nghị bổ sung “kỷ luật”.")
    placed = _placed(invoke, ws, SLUG, kit.save(document, tmp_path / "reply.docx"))
    assert placed == {"Đề nghị bổ sung “kỷ luật”.": ("d2.k2", "giám sát")}


def test_a_tracked_change_in_a_table_cell_is_a_proposal_changing_that_cell(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # The cell matched no line of the provision (its row is one line `| … | … |`): the change was said to be
    # in "the amending document's sentence", with no proposal.
    ws = tmp_workspace
    path = ws.root / "regulations" / "01-QC-TU.md"
    ws.commit({"regulations/01-QC-TU.md": path.read_text(encoding="utf-8").replace(CLAUSE, f"{CLAUSE}\n\n{TABLE}")
               .encode()}, "A table in khoản 2 Điều 2")
    document = kit.open_docx(_copy(invoke, ws, SLUG, tmp_path / "copy.docx"))
    cell = _cells(document, "Kiểm tra, giám sát")[3]
    kit.track_replace(kit.isolate(cell, "giám sát"), "giám sát, kỷ luật", "Nguyễn Văn An")
    result = invoke(ws, "comment", "import", SLUG, str(kit.save(document, tmp_path / "reply.docx")), "--by", BODY)
    assert result.exit_code == 0, result.output
    (c,) = (yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in (ws.root / "amendments" / SLUG / "comments").glob("*.yaml"))
    assert c["provision"] == "d2.k2" and "văn bản sửa đổi" not in c["text"]
    assert "| Ủy ban Kiểm tra Tỉnh ủy | Kiểm tra, giám sát, kỷ luật |" in c["proposal"]
    assert c["proposal"].count("|") == c["anchor"].count("|")  # the row keeps its cells


# -- the real documents -----------------------------------------------------------------------


Real = Callable[[Path, str, str, str, str], tuple[Path, Path]]


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Real:
    """`real(tmp_path, folder, base, amending, slug)`: a workspace of the test's own holding a real regulation and its
    real amending document (draft 1, round 1 open), and the copy of round 1. Each is built once a module, the first
    time a test asks for it (the import of the law and its amending document, the round and the copy of a whole law:
    1-2 s of CPU), and copied for each test; the copy is only read (each test saves its reply beside it)."""
    built: dict[tuple[str, str, str, str], tuple[Path, Path]] = {}

    def make(tmp_path: Path, folder: str, base: str, amending: str, slug: str) -> tuple[Path, Path]:
        key = (folder, base, amending, slug)
        if key not in built:
            root = init_workspace(tmp_path_factory.mktemp(slug) / "ws").root
            for args in (("import", str(AMENDMENTS / folder / base)),
                         ("amend", "import", str(AMENDMENTS / folder / amending), "--slug", slug),
                         ("amend", "status", slug, "--draft", "1")):
                result = run_cli(root, *args)
                assert result.exit_code == 0, result.output
            built[key] = root, _copy(run_cli, root, slug, root.parent / f"{slug}.docx")
        root, copy = built[key]
        return copied_folder(root, tmp_path / slug), copy

    return make


@needs_corpus
def test_luat_57_2024_group_headings_are_marked_and_comments_on_them_placed(invoke: Invoke, tmp_path: Path,
                                                                            real: Real) -> None:
    root, copy = real(tmp_path, "luat-dau-thau-2023", "base-22-2023-QH15.txt", "amending-57-2024-QH15.txt",
                      "luat-57-2024")
    document = kit.open_docx(copy)
    article = _article(document, "Điều 4. Sửa đổi, bổ sung một số điều của Luật Đấu thầu", "Điều 5.")
    assert [p.text for p in article[1:] if not _addresses(p)] == []
    groups = {"16. Sửa đổi, bổ sung điểm b và điểm đ khoản 1 Điều 45 như sau:": ("điểm b và điểm đ", "d45.k1"),
              "19. Sửa đổi, bổ sung khoản 4 và khoản 10 Điều 78 như sau:": ("khoản 4 và khoản 10 Điều 78", "d78"),
              "1. Sửa đổi, bổ sung một số điểm, khoản của Điều 3 như sau:": ("một số điểm, khoản của Điều 3", "d3")}
    heading = {p.text: p for p in article}
    for text, (needle, address) in groups.items():
        assert _addresses(heading[text]) == [address]
        _comment(document, heading[text], needle, f"Góp ý {address}.")
    placed = _placed(invoke, root, "luat-57-2024", kit.save(document, tmp_path / "reply.docx"))
    assert placed == {f"Góp ý {address}.": (address, needle) for needle, address in groups.values()}


@needs_corpus
def test_nghi_dinh_63_2010_a_comment_on_an_appendix_form_cell_lands_on_its_appendix(
        invoke: Invoke, tmp_path: Path, real: Real) -> None:
    root, copy = real(tmp_path, "nd-63-2010", "base-63-2010-ND-CP.txt", "amending-48-2013-ND-CP.txt", "nd-48-2013")
    document = kit.open_docx(copy)
    cells = _cells(document, "Thủ tục hành chính được đặt ra nhằm đạt được mục tiêu gì?")
    # The forms are Phụ lục I, no longer text of khoản 3 Điều 37.
    assert {a for p in cells for a in _addresses(p)} == {"pli"} and all(_addresses(p) for p in cells)
    [cell] = [p for p in cells if p.text == "1. Thủ tục hành chính được đặt ra nhằm đạt được mục tiêu gì?"]
    _comment(document, cell, "mục tiêu gì", "Đề nghị nêu rõ mục tiêu.")
    placed = _placed(invoke, root, "nd-48-2013", kit.save(document, tmp_path / "reply.docx"))
    assert placed == {"Đề nghị nêu rõ mục tiêu.": ("pli", "mục tiêu gì")}


@needs_corpus
def test_nghi_dinh_63_2010_a_tracked_change_in_an_appendix_form_can_be_accepted(
        invoke: Invoke, tmp_path: Path, real: Real) -> None:
    # The proposal written from the reply was the appendix's text without its heading line ("BIỂU MẪU ĐÁNH GIÁ …"),
    # which accepting refused: "The proposed wording for Phụ lục I must begin with its heading line".
    from regdraft.workspace.proposals import accept_proposal
    from regdraft.workspace.rounds import draft_text

    root, copy = real(tmp_path, "nd-63-2010", "base-63-2010-ND-CP.txt", "amending-48-2013-ND-CP.txt", "nd-48-2013")
    document = kit.open_docx(copy)
    question = "7. Thủ tục hành chính có xác định rõ trình tự, cách thức thực hiện hay không?"
    [cell] = [p for p in _cells(document, question) if p.text == question]
    kit.track_replace(kit.isolate(cell, "hay "), "", "Trần Văn Bình")
    result = invoke(root, "comment", "import", "nd-48-2013", str(kit.save(document, tmp_path / "reply.docx")),
                    "--by", BODY)
    assert result.exit_code == 0, result.output
    (c,) = (yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in (root / "amendments" / "nd-48-2013" / "comments").glob("*.yaml"))
    assert c["provision"] == "pli"
    assert c["proposal"].startswith("Phụ lục I. BIỂU MẪU ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH\n")  # as the browser's editor
    ws = Workspace(root)
    before = draft_text(ws, "nd-48-2013").find("pli").unit
    accept_proposal(ws, "nd-48-2013", c["id"])
    after = draft_text(ws, "nd-48-2013").find("pli").unit
    changed = [(old, new) for old, new in zip(before.all_text().split("\n"), after.all_text().split("\n"),
                                               strict=True) if old != new]
    assert after.title == before.title and len(changed) == 1
    assert changed[0][1] == changed[0][0].replace(f"{question} |", f"{question.replace('hay ', '')} |")


@needs_corpus
def test_luat_57_2024_comments_outside_the_law_under_review_are_said_to_be_so(invoke: Invoke, tmp_path: Path,
                                                                              real: Real) -> None:
    # Comments on Điều 1 (amending the Luật Quy hoạch) and on the entry into force were refused with "ask the body
    # to reply on the review copy (regdraft round copy …)": the reply was that copy.
    root, copy = real(tmp_path, "luat-dau-thau-2023", "base-22-2023-QH15.txt", "amending-57-2024-QH15.txt",
                      "luat-57-2024")
    document = kit.open_docx(copy)
    planning = kit.paragraph_with(document, "Quy hoạch không gian biển quốc gia, quy hoạch sử dụng đất quốc gia phải",
                                  last=False)
    _comment(document, planning, "quy hoạch tổng thể quốc gia", "Đề nghị rà soát.")
    in_force = kit.paragraph_with(document, "Luật này có hiệu lực thi hành từ ngày 15 tháng 01 năm 2025")
    _comment(document, in_force, "15 tháng 01 năm 2025", "Đề nghị lùi thời điểm có hiệu lực.")
    result = invoke(root, "comment", "import", "luat-57-2024", str(kit.save(document, tmp_path / "reply.docx")),
                    "--by", BODY)
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert "round copy" not in first and "reply on the review copy" not in first
    assert "not provisions of 22/2023/QH15" in first and "amend other texts" in first
    assert "--place-unplaced general" in first
    assert "Đề nghị rà soát." in result.output and "Đề nghị lùi thời điểm có hiệu lực." in result.output

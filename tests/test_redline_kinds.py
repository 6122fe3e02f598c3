"""The label of each listed change (the redline's summary, the comparison table's note, the Word summary) says what
the amending instruction did: the lead-in or closing text amended, added or repealed, words replaced, a unit
amended, inserted or repealed; in a comparison without an amendment, what the texts show."""

from __future__ import annotations

import html
import re
from pathlib import Path

import docx
import pytest

from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import SHARED, Invoke, needs_corpus, unsaid

AMENDMENTS = SHARED / "corpus" / "amendments"
LAW = AMENDMENTS / "luat-dau-thau-2023" / "base-22-2023-QH15.txt"


def _summary(page: Path) -> list[tuple[str, str]]:
    """The summary's rows of a redline page: (the provision, the label)."""
    rows = re.findall(r'<td><a href="#chg-\d+">(.*?)</a></td><td class="summary-kind">(.*?)</td>',
                      page.read_text(encoding="utf-8"))
    return [(html.unescape(where), html.unescape(kind)) for where, kind in rows]


def _redline(invoke: Invoke, root: Path | Workspace, slug: str, out: Path) -> list[tuple[str, str]]:
    result = invoke(root, "redline", slug, "-o", str(out))
    assert result.exit_code == 0, result.output
    return _summary(out)


def _with_instructions(invoke: Invoke, root: Path, regulation: str, slug: str, instructions: str) -> None:
    """A new amendment `slug` of `regulation` whose first article holds `instructions`."""
    result = invoke(root, "amend", "new", slug, "-r", regulation)
    assert result.exit_code == 0, result.output
    path = root / "amendments" / slug / "amendment.md"
    text = path.read_text(encoding="utf-8")
    first = re.search(r"^## (Điều|Article) 1\..*\n", text, flags=re.M)
    assert first is not None
    path.write_text(text[:first.end()] + "\n" + instructions.strip() + "\n" + text[first.end():], encoding="utf-8")


# Instructions worded as Luật 57/2024/QH15 words them (its Điều 1 and Điều 2 amend a lead-in so: "c) Sửa đổi,
# bổ sung đoạn mở đầu khoản 6 như sau:", "a) Sửa đổi đoạn mở đầu khoản 1 như sau:"), on the Luật Đấu thầu.
PARTS = """
1\\. Sửa đổi, bổ sung đoạn mở đầu khoản 1 Điều 23 như sau:

“1. Chỉ định thầu được áp dụng đối với các trường hợp sau đây:”.

2\\. Sửa đổi, bổ sung một số điểm, khoản của Điều 43 như sau:

a) Sửa đổi đoạn mở đầu khoản 1 như sau:

“1. Quy trình, thủ tục lựa chọn nhà thầu khi đấu thầu rộng rãi, đấu thầu hạn chế gồm các bước sau đây:”;

b) Sửa đổi, bổ sung điểm d khoản 1 như sau:

“d) Trình, thẩm định, phê duyệt và công khai kết quả lựa chọn nhà thầu;”.

3\\. Sửa đổi, bổ sung đoạn cuối khoản 2 Điều 43 như sau:

“Đối với trường hợp quy định tại điểm m khoản 1 Điều 23 của Luật này, người có thẩm quyền quyết định áp dụng \
quy trình rút gọn bao gồm các bước sau: chuẩn bị và gửi dự thảo hợp đồng cho nhà thầu; hoàn thiện hợp đồng; \
trình, phê duyệt và công khai kết quả lựa chọn nhà thầu; ký kết và quản lý thực hiện hợp đồng.”.

4\\. Bãi bỏ đoạn cuối khoản 1 Điều 93.

5\\. Bổ sung đoạn cuối vào khoản 1 Điều 45 như sau:

“Chính phủ quy định chi tiết khoản này.”.

6\\. Thay thế cụm từ “được quy định như sau” bằng cụm từ “như sau” tại đoạn mở đầu khoản 1 Điều 45.
"""


@needs_corpus
def test_a_lead_in_or_closing_text_amended_is_labelled_so_not_as_words_replaced(invoke: Invoke,
                                                                               tmp_path: Path) -> None:
    root = init_workspace(tmp_path / "ws").root
    result = invoke(root, "import", str(LAW))
    assert result.exit_code == 0, result.output
    _with_instructions(invoke, root, "22/2023/QH15", "parts", PARTS)
    assert _redline(invoke, root, "parts", tmp_path / "r.html") == [
        # one word replaced in the lead-in, as the text shows it; the instruction amends the lead-in
        ("khoản 1 Điều 23", "sửa đổi, bổ sung đoạn mở đầu"),
        ("khoản 1 Điều 43", "sửa đổi đoạn mở đầu"),  # `a) Sửa đổi đoạn mở đầu khoản 1`: its own verb
        ("điểm d khoản 1 Điều 43", "sửa đổi, bổ sung"),  # the point keeps a row of its own
        ("khoản 2 Điều 43", "sửa đổi, bổ sung đoạn cuối"),
        # words taken out, as the text shows it, by an instruction replacing them; then a closing text added
        ("khoản 1 Điều 45", "thay thế cụm từ; bổ sung đoạn cuối"),
        ("khoản 1 Điều 93", "bãi bỏ đoạn cuối"),
    ]
    table = tmp_path / "t.html"
    assert invoke(root, "redline", "parts", "--layout", "table", "-o", str(table)).exit_code == 0
    notes = re.findall(r'<td class="col-note"><p>(.*?)</p>', table.read_text(encoding="utf-8"))
    assert notes[0] == "sửa đổi, bổ sung đoạn mở đầu" and "bãi bỏ đoạn cuối" in notes
    word = tmp_path / "r.docx"
    assert invoke(root, "redline", "parts", "-o", str(word)).exit_code == 0
    summary = [p.text for p in docx.Document(str(word)).paragraphs if re.match(r"\d+\. ", p.text)]
    assert summary[0] == "1. khoản 1 Điều 23: sửa đổi, bổ sung đoạn mở đầu"


def test_english_labels_name_the_part(invoke: Invoke, tmp_workspace: Workspace) -> None:
    root = tmp_workspace.root
    _with_instructions(invoke, root, "01-QC/TU-EN", "en-parts", """
1\\. The lead-in of clause 2 of Article 21 is amended to read:

"2. Standing Committee members and Provincial Party Committee members carry out inspection and supervision as \
assigned, focusing on the following:"

2\\. Repeal the closing text of clause 2 of Article 21.
""")
    assert _redline(invoke, root, "en-parts", root / "r.html") == [
        ("Clause 2, Article 21", "lead-in amended; closing text repealed")]  # a line of an English list


# What the real instructions do, one row per provision they name (Luật 57/2024/QH15 Điều 4, Nghị định 48/2013/NĐ-CP
# Điều 1); `sửa dấu câu cuối`: the full stop before a point added after it.
LUAT_57 = [
    ("tên Điều 3", "thay thế cụm từ"), ("khoản 5 Điều 3", "sửa đổi, bổ sung"),
    ("điểm a khoản 7 Điều 3", "thay thế cụm từ"), ("điểm d khoản 7 Điều 3", "sửa đổi, bổ sung"),
    ("điểm a khoản 1 Điều 5", "sửa đổi, bổ sung"), ("điểm d khoản 1 Điều 6", "sửa đổi, bổ sung"),
    ("điểm d khoản 4 Điều 6", "sửa đổi, bổ sung"), ("khoản 4a Điều 6", "bổ sung mới"),
    ("khoản 9 Điều 16", "sửa đổi, bổ sung"), ("điểm đ khoản 1 Điều 17", "sửa dấu câu cuối"),
    ("điểm e khoản 1 Điều 17", "bổ sung mới"), ("khoản 1 Điều 19", "sửa đổi, bổ sung"),
    ("điểm c khoản 1 Điều 23", "sửa đổi, bổ sung"), ("điểm g khoản 1 Điều 23", "sửa đổi, bổ sung"),
    ("điểm m khoản 1 Điều 23", "sửa đổi, bổ sung"), ("điểm a khoản 3 Điều 23", "sửa đổi, bổ sung"),
    ("Điều 29", "sửa đổi, bổ sung"), ("điểm a khoản 1 Điều 30", "sửa đổi, bổ sung"),
    ("điểm b khoản 1 Điều 31", "sửa đổi, bổ sung"), ("khoản 3 Điều 34", "bổ sung mới"), ("Điều 34a", "bổ sung mới"),
    ("điểm a khoản 1 Điều 38", "sửa đổi, bổ sung"), ("điểm đ khoản 1 Điều 38", "thay thế cụm từ"),
    ("khoản 3 Điều 39", "thay thế cụm từ"), ("Điều 42", "sửa đổi, bổ sung"),
    ("điểm d khoản 1 Điều 43", "sửa đổi, bổ sung"), ("điểm b khoản 1 Điều 45", "sửa đổi, bổ sung"),
    ("điểm đ khoản 1 Điều 45", "sửa đổi, bổ sung"), ("khoản 2 Điều 55", "sửa đổi, bổ sung"),
    ("điểm a khoản 3 Điều 58", "sửa đổi, bổ sung"), ("khoản 4 Điều 78", "sửa đổi, bổ sung"),
    ("khoản 10 Điều 78", "sửa đổi, bổ sung"), ("điểm b khoản 1 Điều 79", "bãi bỏ"),
]
# Nghị định 48/2013 says `Sửa đổi Điều 5`, not `Sửa đổi, bổ sung`: its own verb, as the consolidated notes say it; its
# khoản 5 (`Sửa đổi về thời hạn … tại Điều 15`) rewrites the lead-in of Điều 15 alone. An article's lead-in and a
# clause's are both `đoạn mở đầu` (r36 BL 8: `phần mở đầu` for Điều 15 beside `đoạn mở đầu khoản 3 Điều 27`).
NGHI_DINH_48 = [
    ("Điều 5", "sửa đổi"), ("Điều 9", "sửa đổi"), ("khoản 2 Điều 10", "sửa đổi"),
    ("Điều 11", "sửa đổi"), ("Điều 15", "sửa đổi đoạn mở đầu"), ("khoản 2 Điều 22", "sửa đổi"),
    ("Điều 24", "thay thế cụm từ"), ("khoản 1 Điều 26", "thay thế cụm từ"), ("khoản 2 Điều 26", "thay thế cụm từ"),
    ("đoạn mở đầu khoản 3 Điều 27", "thay thế cụm từ"), ("khoản 3 Điều 29", "bỏ cụm từ"), ("khoản 5 Điều 29", "bãi bỏ"),
    ("khoản 3 Điều 30", "thay thế cụm từ"), ("khoản 4 Điều 30", "sửa đổi"), ("Điều 31", "sửa đổi, bổ sung"),
    ("Điều 35", "sửa đổi"), ("Điều 35a", "bổ sung mới"), ("khoản 2 Điều 36", "thay thế cụm từ"),
]


@needs_corpus
@pytest.mark.parametrize(("folder", "base", "amending", "expected"), [
    ("luat-dau-thau-2023", "base-22-2023-QH15.txt", "amending-57-2024-QH15.txt", LUAT_57),
    ("nd-63-2010", "base-63-2010-ND-CP.txt", "amending-48-2013-ND-CP.txt", NGHI_DINH_48),
], ids=["luat-57-2024", "nghi-dinh-48-2013"])
def test_the_real_amendments_are_labelled_as_their_instructions_read(
        invoke: Invoke, tmp_path: Path, folder: str, base: str, amending: str,
        expected: list[tuple[str, str]]) -> None:
    root = init_workspace(tmp_path / "ws").root
    for args in (("import", str(AMENDMENTS / folder / base)),
                 ("amend", "import", str(AMENDMENTS / folder / amending), "--slug", "real")):
        result = invoke(root, *args)
        assert result.exit_code == 0, result.output
    assert _redline(invoke, root, "real", tmp_path / "r.html") == expected
    # The comparison table names and labels each row as the summary does: `Tên Điều 3` (words replaced in the title
    # alone), `sửa đổi` in the "Ghi chú, lý do" column for `Sửa đổi Điều 5`.
    table = tmp_path / "t.html"
    result = invoke(root, "redline", "real", "--layout", "table", "--changed-only", "-o", str(table))
    assert result.exit_code == 0, result.output
    rows = re.findall(r'<td class="col-where repeats">(.*?)</td>.*?<td class="col-note"><p>(.*?)</p>',
                      table.read_text(encoding="utf-8"), flags=re.S)
    assert [(html.unescape(where), html.unescape(kind)) for where, kind in rows] == [
        (where[:1].upper() + where[1:], kind) for where, kind in expected]


@needs_corpus
def test_a_comparison_names_a_lead_in_or_closing_text_changed_beyond_a_few_words(invoke: Invoke,
                                                                                  tmp_path: Path) -> None:
    old = tmp_path / "old.md"
    assert invoke(None, "import", str(LAW), "-o", str(old)).exit_code == 0
    text = old.read_text(encoding="utf-8")
    edits = {
        # a word replaced in the lead-in, and a closing text rewritten: not "words replaced"
        "Quy trình, thủ tục lựa chọn nhà thầu đối với chỉ định thầu bao gồm":
            "Quy trình, thủ tục lựa chọn nhà thầu khi chỉ định thầu bao gồm",
        "người có thẩm quyền có thể quyết định áp dụng quy trình rút gọn bao gồm các bước sau: chuẩn bị và gửi dự "
        "thảo hợp đồng cho nhà thầu; hoàn thiện hợp đồng; trình, phê duyệt và công khai kết quả lựa chọn nhà thầu; "
        "ký kết và quản lý thực hiện hợp đồng.":
            "việc lựa chọn nhà thầu được rút ngắn theo quy định của Chính phủ.",
        # a lead-in rewritten
        "1\\. Chỉ định thầu được áp dụng trong các trường hợp sau đây:":
            "1\\. Trừ trường hợp Chính phủ có quy định khác, người có thẩm quyền quyết định áp dụng chỉ định thầu "
            "trong các trường hợp sau đây:",
        # a word replaced in a lead-in: words replaced it stays, in the lead-in named
        "1\\. Thời gian tổ chức lựa chọn nhà thầu được quy định như sau:":
            "1\\. Thời hạn tổ chức lựa chọn nhà thầu được quy định như sau:",
    }
    for before, after in edits.items():
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    new = tmp_path / "new.md"
    new.write_text(text, encoding="utf-8")
    page = tmp_path / "c.html"
    assert invoke(None, "compare", str(old), str(new), "-o", str(page)).exit_code == 0
    assert _summary(page) == [
        ("khoản 1 Điều 23", "sửa đổi, bổ sung đoạn mở đầu"),
        ("khoản 2 Điều 43", "thay thế cụm từ; sửa đổi, bổ sung đoạn cuối"),
        ("đoạn mở đầu khoản 1 Điều 45", "thay thế cụm từ"),
    ]


@needs_corpus
def test_words_replaced_in_an_articles_lead_in_alone_name_the_lead_in(invoke: Invoke, tmp_path: Path) -> None:
    """`quản lý nhà nước về thanh niên` replaced in Điều 37 to 39 of Luật Thanh niên: in the lead-ins of Điều 37, 38
    and 39 and in clauses of their own. The summary (and the table, the Word summary) name the lead-in, not the
    article, which read beside `khoản 1 Điều 37` as if the whole of Điều 37 had changed."""
    old = tmp_path / "old.md"
    assert invoke(None, "import", str(SHARED / "corpus" / "vi" / "luat-thanh-nien.txt"), "-o", str(old)).exit_code == 0
    text = old.read_text(encoding="utf-8")
    start, end = text.index("Điều 37. Trách nhiệm của Chính phủ"), text.index("Điều 40. Trách nhiệm của Hội đồng")
    edited = text[start:end].replace("quản lý nhà nước về thanh niên", "quản lý nhà nước đối với thanh niên")
    new = tmp_path / "new.md"
    new.write_text(text[:start] + edited + text[end:], encoding="utf-8")
    page = tmp_path / "c.html"
    assert invoke(None, "compare", str(old), str(new), "-o", str(page)).exit_code == 0
    assert _summary(page) == [
        ("đoạn mở đầu Điều 37", "thay thế cụm từ"), ("khoản 1 Điều 37", "thay thế cụm từ"),
        ("đoạn mở đầu Điều 38", "thay thế cụm từ"), ("khoản 3 Điều 38", "thay thế cụm từ"),
        ("khoản 7 Điều 38", "thay thế cụm từ"), ("đoạn mở đầu Điều 39", "thay thế cụm từ"),
    ]
    table = tmp_path / "t.html"
    assert invoke(None, "compare", str(old), str(new), "--layout", "table", "-o", str(table)).exit_code == 0
    assert '<td class="col-where repeats">Đoạn mở đầu Điều 37</td>' in table.read_text(encoding="utf-8")
    word = tmp_path / "c.docx"
    assert invoke(None, "compare", str(old), str(new), "-o", str(word)).exit_code == 0
    summary = [p.text for p in docx.Document(str(word)).paragraphs if re.match(r"\d+\. ", p.text)]
    assert summary[0] == "1. đoạn mở đầu Điều 37: thay thế cụm từ"


@needs_corpus
def test_a_renamed_section_is_marked_in_the_comparison_table(invoke: Invoke, tmp_path: Path) -> None:
    """Luật Giáo dục's Mục 2 Chương VIII renamed (`HỢP TÁC QUỐC TẾ` made `HỢP TÁC, HỘI NHẬP QUỐC TẾ`): the table's
    row printed both sides unmarked and without a change bar, a renamed Mục shown as unchanged, while the inline
    redline and an article's renamed title were marked."""
    old = tmp_path / "old.md"
    assert invoke(None, "import", str(SHARED / "corpus" / "vi" / "luat-giao-duc.txt"), "-o", str(old)).exit_code == 0
    text = old.read_text(encoding="utf-8")
    assert text.count("Mục 2. HỢP TÁC QUỐC TẾ VỀ GIÁO DỤC") == 1
    new = tmp_path / "new.md"
    new.write_text(text.replace("Mục 2. HỢP TÁC QUỐC TẾ VỀ GIÁO DỤC", "Mục 2. HỢP TÁC, HỘI NHẬP QUỐC TẾ VỀ GIÁO DỤC"),
                   encoding="utf-8")
    table = tmp_path / "t.html"
    assert invoke(None, "compare", str(old), str(new), "--layout", "table", "-o", str(table)).exit_code == 0
    page = unsaid(table.read_text(encoding="utf-8"))
    assert '<p class="para chg">Mục 2. HỢP TÁC<ins class="ins">, HỘI NHẬP</ins> QUỐC TẾ VỀ GIÁO DỤC' in page, page
    assert '<p class="para">Mục 2. HỢP TÁC QUỐC TẾ VỀ GIÁO DỤC' in page   # the old side as it read


@needs_corpus
def test_a_unit_the_same_amendment_repeals_or_replaces_cites_only_that_instruction(invoke: Invoke,
                                                                                   tmp_path: Path) -> None:
    """Words replaced throughout the law, then a clause repealed and one replaced whole by the same amendment: the
    table's note cites only the repeal and the replacement (the s3editor sweep's defect 2)."""
    root = init_workspace(tmp_path / "ws").root
    assert invoke(root, "import", str(LAW)).exit_code == 0
    _with_instructions(invoke, root, "22/2023/QH15", "t", """
1\\. Thay thế cụm từ “tố tụng dân sự” bằng cụm từ “tố tụng” trong toàn bộ Luật.

2\\. Bãi bỏ khoản 1 Điều 94.

3\\. Sửa đổi, bổ sung khoản 2 Điều 94 như sau:

“2. Khi nộp đơn khởi kiện, các bên có quyền yêu cầu Tòa án áp dụng biện pháp khẩn cấp tạm thời.”.
""")
    table = tmp_path / "t.html"
    result = invoke(root, "redline", "t", "--layout", "table", "--changed-only", "-o", str(table))
    assert result.exit_code == 0, result.output
    notes = [re.findall(r"<p>(.*?)</p>", cell) for cell in
             re.findall(r'<td class="col-note">(.*?)</td>', table.read_text(encoding="utf-8"), flags=re.S)]
    cited = [[n for n in note if "Điều 1" in n] for note in notes]
    assert [c for c in cited if c] == [["khoản 2 Điều 1 Dự thảo lần 1"], ["khoản 3 Điều 1 Dự thảo lần 1"]], notes

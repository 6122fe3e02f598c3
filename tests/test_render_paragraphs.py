"""A redline's paragraphs (regdraft.render.paragraphs): each side reads its own paragraphs whole, also where a
paragraph break of one side falls inside a changed run; the renumbering note only where a provision kept its
words; the change bar only on a paragraph that shows a change. On the real amending documents of
../shared/corpus/amendments (Luật 57/2024/QH15, Nghị định 48/2013/NĐ-CP) and on small texts."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from regdraft.cli import cli
from regdraft.core.diff import Comparison, unit_lines
from regdraft.core.model import Regulation, Unit
from regdraft.core.word_diff import diff_words
from regdraft.render.html import inline_markdown
from regdraft.render.marked import marked
from regdraft.render.redline import render_html
from regdraft.workspace import redline as rl
from tests.conftest import FIXTURES, SHARED, Invoke, in_corpus, module_workspace, needs_corpus, unsaid

AMENDMENTS = SHARED / "corpus" / "amendments"
TODAY = dt.date(2026, 7, 1)
REAL = {  # the regulation, its folder and files, and the amending document's slug
    "22/2023/QH15": ("luat-dau-thau-2023", "base-22-2023-QH15.txt", "amending-57-2024-QH15.txt", "luat-57-2024"),
    "63/2010/NĐ-CP": ("nd-63-2010", "base-63-2010-ND-CP.txt", "amending-48-2013-ND-CP.txt", "nd-48-2013"),
}


def _reading(paragraph: str, side: str) -> str:
    """What a printed paragraph reads on one side (the other side's marks and the renumbering note dropped), its
    spaces left out: the space the page puts between a struck word and the word inserted for it is no text's."""
    drop = r"<ins [^>]*>.*?</ins>" if side == "old" else r"<del [^>]*>.*?</del>"
    shown = re.sub(drop, "", re.sub(r'<span class="mv-note">.*?</span>', "", paragraph), flags=re.S)
    return "".join(html.unescape(re.sub(r"<[^>]+>", "", shown)).split())


def _readings(paragraphs: list[str], side: str) -> list[str]:
    """The paragraphs one side reads: those that show something of it."""
    return [text for text in (_reading(p, side) for p in paragraphs) if text]


def _bare(texts: list[str]) -> list[str]:
    return ["".join(text.split()) for text in texts]


def _printed(old: list[str], new: list[str], side: str = "both", labelled: bool = False) -> list[str]:
    return [str(p.html) for p in marked(diff_words("\n".join(old), "\n".join(new)), side, labelled=labelled)]


# -- each side's paragraphs ---------------------------------------------------------------------------------------

SPLIT_OLD = ["Quyết định phải được ban hành chậm nhất trước 10 (mười) ngày làm việc.", "Nội dung quyết định:"]
SPLIT_NEW = ["Quyết định của Bộ phải được ban hành chậm nhất trước 20 (hai mươi) ngày làm việc.",
             "Quyết định của Sở phải được ban hành chậm nhất trước 05 (năm) ngày làm việc.", "Nội dung quyết định:"]


def test_a_paragraph_made_two_is_compared_with_the_one_like_it_and_the_other_inserted_whole() -> None:
    # As Nghị định 48/2013 makes the first paragraph of Điều 15 two: the old one was cut after "10 (mười", its
    # ") ngày làm việc …" printed as unchanged words of the new second paragraph.
    printed = _printed(SPLIT_OLD, SPLIT_NEW)
    assert printed == [
        'Quyết định <ins class="ins">của Bộ </ins>phải được ban hành chậm nhất trước <del class="del">10 (mười</del> '
        '<ins class="ins">20 (hai mươi</ins>) ngày làm việc.',
        f'<ins class="ins">{SPLIT_NEW[1]}</ins>',
        "Nội dung quyết định:",
    ]


def test_a_labelled_text_begins_both_sides_in_its_first_paragraph() -> None:
    # Điểm m khoản 1 Điều 23 of Luật Đấu thầu, as Luật 57/2024 rewrites it: two paragraphs made one. The new
    # point's end stood inside the old second paragraph, and a clause's label stood alone on the new side.
    old = ["Gói thầu có giá trong hạn mức từ trên 50 triệu đồng đến 100 triệu đồng;",
           "Trường hợp cần điều chỉnh hạn mức, Chính phủ trình Ủy ban Thường vụ Quốc hội quyết định."]
    new = ["Gói thầu có giá không quá 300 triệu đồng; gói thầu lập nhiệm vụ quy hoạch không quá 500 triệu đồng."]
    printed = _printed(old, new, labelled=True)
    assert len(printed) == 2 and printed[1] == f'<del class="del">{old[1]}</del>'
    assert _reading(printed[0], "old") == _bare(old)[0] and _reading(printed[0], "new") == _bare(new)[0]
    rewritten = ["Cơ quan kiểm soát thủ tục hành chính trực thuộc Văn phòng Chính phủ.",
                 "Thủ trưởng do Bộ trưởng bổ nhiệm."]
    printed = _printed(rewritten, ["Bộ Tư pháp giúp Chính phủ.", "Cục thuộc Bộ Tư pháp tham mưu."], labelled=True)
    assert _reading(printed[0], "new") == "BộTưphápgiúpChínhphủ."  # never `1.` alone, its words below


_word = st.sampled_from(["Bộ", "Tư", "pháp", "cơ", "quan", "10", "(mười)", "ngày", "làm", "việc", "Điều", "5", ";",
                         ",", "thủ", "tục", "hành", "chính."])
_paragraph = st.lists(_word, min_size=1, max_size=7).map(" ".join)
_paragraphs = st.lists(_paragraph, min_size=1, max_size=5)


@settings(max_examples=200)
@given(_paragraphs, _paragraphs, st.booleans())
@example(SPLIT_OLD, SPLIT_NEW, False)
@example(["Bộ pháp", "cơ quan"], ["Bộ", "Tư pháp cơ quan"], True)
@example(["Bộ Tư", "ngày"], ["việc", "làm"], False)
def test_each_side_reads_its_own_paragraphs(old: list[str], new: list[str], labelled: bool) -> None:
    """With the insertions dropped, the paragraphs printed are the old ones; with the deletions dropped, the new
    ones; each column of a comparison table the same; a label begins both sides' first paragraphs."""
    printed = _printed(old, new, labelled=labelled)
    assert _readings(printed, "old") == _bare(old)
    assert _readings(printed, "new") == _bare(new)
    assert _readings(_printed(old, new, "old", labelled), "old") == _bare(old)
    assert _readings(_printed(old, new, "new", labelled), "new") == _bare(new)
    if labelled:
        assert (_reading(printed[0], "old"), _reading(printed[0], "new")) == (_bare(old)[0], _bare(new)[0])


# -- a table in each column of a comparison table ----------------------------------------------------------------

# Phụ lục I of Nghị định 63/2010/NĐ-CP: row 3 removed and a row 3a written in its place (sweep CB, round 39). The
# two rows share words ("hay không?", "a) Có £ b) Không £ Nếu chọn câu trả lời") but no cell.
FORM_HEAD = ["| I. Về sự cần thiết của thủ tục hành chính | |", "| --- | --- |",
             "| 2. Thủ tục hành chính có khả thi hay không? | a) Có £ b) Không £ |"]
ROW_3 = ("| 3. Có biện pháp khác để thay thế thủ tục hành chính này mà vẫn đảm bảo mục tiêu đặt ra hay không? "
         "| a) Có £ b) Không £ Nếu chọn câu trả lời a, đề nghị cho biết lý do và nêu rõ biện pháp thay thế?.... "
         + " ".join(["." * 115] * 2) + " |")
ROW_3A = ("| 3a. Thủ tục hành chính có thể thực hiện trực tuyến hay không? "
          "| a) Có £ b) Không £ Nếu chọn câu trả lời b, đề nghị nêu rõ lý do" + "." * 34 + " |")
FORM_TAIL = ["| 4. Thủ tục này có cần thiết hay không? | a) Có £ b) Không £ |"]


def _column(old: list[str], new: list[str], side: str) -> list[str]:
    """The rows of a comparison table's column: each row's cells, read with every mark kept."""
    [table] = [str(p.html) for p in marked(diff_words("\n".join(old), "\n".join(new)), side) if p.tag == "table"]
    return [" | ".join(html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
                       for cell in re.findall(r"<td>(.*?)</td>", row, flags=re.S))
            for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)]


def test_a_row_removed_and_another_written_in_its_place_are_each_whole_in_their_column() -> None:
    """The old column strikes row 3 out whole, the new column underlines row 3a whole, as the inline redline does;
    neither prints a row of the words the two share (it printed "hay không? | a) Có £ b) Không £ Nếu chọn câu trả
    lời , đề nghị ……" underlined in the column of the text in force)."""
    old, new = FORM_HEAD + [ROW_3] + FORM_TAIL, FORM_HEAD + [ROW_3A] + FORM_TAIL
    printed = {side: [str(p.html) for p in marked(diff_words("\n".join(old), "\n".join(new)), side)]
               for side in ("old", "new")}
    assert "<ins" not in "".join(printed["old"]) and "<del" not in "".join(printed["new"])
    assert _column(old, new, "old")[2] == " | ".join(c.strip() for c in ROW_3.strip("|").split("|"))
    assert _column(old, new, "new")[2] == " | ".join(c.strip() for c in ROW_3A.strip("|").split("|"))
    assert len(_column(old, new, "old")) == len(_column(old, new, "new")) == 4
    old_rows = re.findall(r"<tr>.*?</tr>", printed["old"][0], flags=re.S)
    assert re.fullmatch(r'<tr>(<td><del class="del">[^<]*</del></td>)+</tr>', old_rows[2])
    new_rows = re.findall(r"<tr>.*?</tr>", printed["new"][0], flags=re.S)
    assert re.fullmatch(r'<tr>(<td><ins class="ins">[^<]*</ins></td>)+</tr>', new_rows[2])


_table_rows = st.lists(st.lists(st.text(alphabet="ab đ", min_size=1, max_size=6).map(str.strip).filter(bool),
                                min_size=2, max_size=2), min_size=1, max_size=4)


@settings(max_examples=60)
@given(_table_rows, _table_rows)
@example([["a", "a"]], [["aa", "a"]])  # cells aligned by their words printed three columns
def test_each_column_prints_its_own_tables_rows(old: list[list[str]], new: list[list[str]]) -> None:
    """A column of a comparison table holds its side's rows and nothing else, none marked as the other side's."""
    def text(rows: list[list[str]]) -> list[str]:
        return ["| " + " | ".join(r) + " |" for r in rows]

    for side, rows in (("old", old), ("new", new)):
        assert _bare(_column(text(old), text(new), side)) == _bare([" | ".join(r) for r in rows])
        printed = "".join(str(p.html) for p in marked(diff_words("\n".join(text(old)), "\n".join(text(new))), side))
        assert ("<ins" if side == "old" else "<del") not in printed


# -- labels and change bars on small texts ------------------------------------------------------------------------

MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")


def _compared(tmp_path: Path, invoke: Invoke, old: str, new: str) -> str:
    paths = tmp_path / "old.md", tmp_path / "new.md"
    for path, text in zip(paths, (old, new), strict=True):
        path.write_text(text, encoding="utf-8")
    out = tmp_path / "r.html"
    result = invoke(None, "compare", *map(str, paths), "-o", str(out), catch=False)
    assert result.exit_code == 0, result.output
    return unsaid(out.read_text(encoding="utf-8"))


def test_a_renumbering_note_only_where_the_words_stayed(tmp_path: Path, invoke: Invoke) -> None:
    new = MINI.replace("a) Tập thể thảo luận dân chủ;", "a) Điểm mới đầu tiên;\n\nb) Tập thể thảo luận dân chủ;") \
        .replace("b) Cá nhân phụ trách chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy;",
                 "c) Cá nhân phụ trách chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy và Ban Chấp hành;") \
        .replace("c) Thiểu số phục tùng đa số.", "d) Thiểu số phục tùng đa số;\n\nđ) Điểm mới cuối cùng.")
    page = _compared(tmp_path, invoke, MINI, new)
    # Kept as it was but for its number: the note; kept but for its end (`.` made `;` as a point follows): the note.
    points = re.findall(r'<p class="para chg" id="chg-\d">(.*?)</p>', page)
    assert points[1] == 'b) <span class="mv-note">(đánh số lại từ điểm a)</span> Tập thể thảo luận dân chủ;'
    assert points[3] == ('d) <span class="mv-note">(đánh số lại từ điểm c)</span> Thiểu số phục tùng đa số'
                         '<del class="del">.</del><ins class="ins">;</ins>')
    # Words changed too: the old number struck, the new one inserted, as the Word redline tracks it.
    assert points[2].startswith('<del class="del">b)</del> <ins class="ins">c)</ins> Cá nhân phụ trách')
    assert "(đánh số lại từ điểm b)" not in page


def test_the_change_bar_marks_only_paragraphs_that_show_a_change(tmp_path: Path, invoke: Invoke) -> None:
    first = "Quy chế này quy định nguyên tắc, chế độ làm việc của Ban Chấp hành Đảng bộ tỉnh."
    old = MINI.replace(first, f"{first}\n\nĐoạn thứ hai giữ nguyên.")
    page = _compared(tmp_path, invoke, old, old.replace("chế độ làm việc", "chế độ công tác"))
    assert '<h3 class="article-heading" id="chg-1">Điều 1. Phạm vi điều chỉnh</h3>' in page
    assert re.search(r'<p class="para chg">Quy chế này quy định nguyên tắc, chế độ <del class="del">làm việc</del>',
                     page)
    assert '<p class="para">Đoạn thứ hai giữ nguyên.</p>' in page


# -- the real amending documents ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Comparison | str]]:
    """Each regulation's redline against its real amending document: the page and the comparison."""
    in_corpus(AMENDMENTS)
    out: dict[str, Comparison | str] = {}
    with module_workspace(tmp_path_factory, "amended") as ws:
        runner = CliRunner()
        for regulation, (folder, base, amending, slug) in REAL.items():
            for args in (("import", str(AMENDMENTS / folder / base), "--id", regulation),
                         ("amend", "import", str(AMENDMENTS / folder / amending), "--slug", slug)):
                result = runner.invoke(cli, [*args, "-C", str(ws.root)], catch_exceptions=False)
                assert result.exit_code == 0, result.output
            redline = rl.build(ws, regulation, amendment=slug)
            out[regulation] = redline.comparison
            out[f"{regulation} page"] = render_html(redline, today=TODAY)
            out[f"{regulation} table"] = render_html(redline, layout="table", today=TODAY)
        yield out


def _lines(regulation: Regulation) -> set[str]:
    """Every paragraph of a regulation as printed, label first (`1. …`, `a) …`), spaces left out."""
    def walk(units: tuple[Unit, ...]) -> Iterator[str]:
        for unit in units:
            yield from unit_lines(unit, regulation.language)
    return {_reading(str(inline_markdown(line)), "old") for line in walk(regulation.units)}


def _body_paragraphs(page: str) -> list[tuple[str, str]]:
    """(class, content) of each paragraph of text in a redline's body (not headings, tables or the preamble)."""
    body = page[page.index('<div class="body-text">'):]
    return re.findall(r'<p class="((?:para|dash|sub-dash)(?: chg)?)"[^>]*>(.*?)</p>', body, flags=re.S)


@needs_corpus
@pytest.mark.parametrize("regulation", list(REAL))
def test_each_side_of_a_real_redline_reads_the_paragraphs_of_its_text(
        real: dict[str, Comparison | str], regulation: str) -> None:
    comparison, page = real[regulation], real[f"{regulation} page"]
    assert isinstance(comparison, Comparison) and isinstance(page, str)
    paragraphs = [content for _, content in _body_paragraphs(page)]
    for side, text in (("old", comparison.old), ("new", comparison.new)):
        lines = _lines(text)
        stray = [p for p in _readings(paragraphs, side) if p not in lines]
        assert not stray, (side, stray[:5])
    if regulation == "63/2010/NĐ-CP":  # Điều 15: one paragraph made two, the old one printed whole
        assert ("Quyết định công bố thủ tục hành chính <ins class=\"ins\">của các cơ quan quy định tại Khoản 1 Điều 13 "
                "của Nghị định này </ins>phải được ban hành chậm nhất trước <del class=\"del\">10 (mười</del> "
                "<ins class=\"ins\">20 (hai mươi</ins>) ngày làm việc") in page


@needs_corpus
def test_articles_replaced_whole_mark_no_renumbering_where_words_changed(real: dict[str, Comparison | str]) -> None:
    # Nghị định 48/2013 replaces Điều 31 and Điều 35: old khoản 2 Điều 31 is new khoản 3, rewritten; old point g
    # khoản 3 Điều 35 is new point h, its words changed. Neither is "a new number only, the text unchanged".
    page, table = real["63/2010/NĐ-CP page"], real["63/2010/NĐ-CP table"]
    assert isinstance(page, str) and isinstance(table, str)
    for printed in (page, table):
        assert "(đánh số lại từ khoản 2)" not in printed and "(đánh số lại từ điểm g)" not in printed
    assert '<p class="para chg"><del class="del">2.</del> <ins class="ins">3.</ins> ' in page
    assert ('<p class="para chg"><del class="del">g)</del> <ins class="ins">h)</ins> Nội dung khác theo yêu cầu của '
            '<del class="del">Cơ quan kiểm soát thủ tục hành chính</del> <ins class="ins">Bộ Tư pháp</ins>') in page


@needs_corpus
@pytest.mark.parametrize("regulation", list(REAL))
def test_a_real_redline_bars_only_paragraphs_with_a_change(real: dict[str, Comparison | str], regulation: str) -> None:
    page = real[f"{regulation} page"]
    assert isinstance(page, str)
    body = page[page.index('<div class="body-text">'):]
    for css, content in re.findall(r'<(?:p|table) class="([^"]*)"[^>]*>(.*?)</(?:p|table)>', body, flags=re.S):
        shows = bool(re.search(r'<ins |<del |<span class="mv', content))
        assert ("chg" in css.split()) == shows, (css, content[:200])
    if regulation == "63/2010/NĐ-CP":  # the lead-in of Điều 15, kept as it was
        assert '<p class="para">Nội dung quyết định công bố thủ tục hành chính theo quy định sau đây:</p>' in page

"""A regulation imported from a .txt or .docx prints the source's characters in every output (wording31).

The words of a text file or a Word document are text, not Markdown: `2*3*4`, `__x__`, a `*` note mark, `_____`
blanks of a form, `[1]`, `<http://…>`, `&amp;` and a backslash stood in the file as they were, so the HTML and PDF
printed `234`, `x` in bold, a link's words without its address and `&`. The import now escapes what Markdown would
read (`core.inline.as_text`), and `show`, the HTML, the DOCX export and the Markdown export print the source; the real
laws of the corpus, which hold none of it, are written as before.
"""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

import pytest

from regdraft.core.inline import as_text, spans
from regdraft.importer import import_file
from regdraft.render.html import inline_markdown
from regdraft.render.text import plain
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke, word_text

HEADER = """QUỐC HỘI

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Luật số: 99/2020/QH14

Hà Nội, ngày 19 tháng 6 năm 2020

LUẬT

THỬ NGHIỆM

Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam*;

Quốc hội ban hành Luật Thử nghiệm.

Chương I

NHỮNG QUY ĐỊNH CHUNG

"""
# The source's lines that Markdown would read as something else, each a paragraph of an article.
LINES = (
    "Phạm vi *điều chỉnh*",
    "Luật này quy định 2*3*4 và __x__ và năm_sau và _đặc biệt_ và **đậm**.",
    "1. Họ và tên: ______________ ngày ____ tháng ____; ký hiệu [1] và [xem](http://x.vn) và <http://a.vn>.",
    "2. Ký tự &amp; và &#46; và O&M, dấu \\* gạch \\\\ chéo \\_ và `mã` và <b>thẻ</b>.",
    "3. Tỷ lệ a|b, C:\\ và # không phải tiêu đề.",
    "*Ghi chú: dấu sao của chú thích ở đầu dòng.",
)
TITLE = "MẪU SỐ 2*3*4 VÀ __X__ &AMP; [1]"  # a chapter's title
CELL = "Ô 2*3*4 và __x__ và a\\b"  # a table's cell
TEXT = HEADER + f"""Điều 1. {LINES[0]}

{LINES[1]}

Điều 2. Giải thích từ ngữ

{LINES[2]}

{LINES[3]}

{LINES[4]}

Chương II

{TITLE}

Điều 3. Hiệu lực thi hành

| STT | Nội dung |
| --- | --- |
| 1 | {CELL} |

Luật này có hiệu lực từ ngày 01 tháng 01 năm 2021.

{LINES[5]}

Luật này đã được Quốc hội khóa XIV thông qua ngày 19 tháng 6 năm 2020.

CHỦ TỊCH QUỐC HỘI
Nguyễn Thị Kim Ngân
"""
REG = "99/2020/QH14"


def _words(line: str) -> str:
    """A source line as an output prints it: its clause number's dot kept, spaces collapsed."""
    return " ".join(line.split())


def _html_text(page: str) -> str:
    text = re.sub(r'<span class="nobr">([^<]*)</span>', r"\1", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


@pytest.fixture
def imported(empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> Workspace:
    source = tmp_path / "luat.txt"
    source.write_text(TEXT, encoding="utf-8")
    done = invoke(empty_workspace, "import", str(source))
    assert done.exit_code == 0, done.output
    return empty_workspace


def test_plain_text_is_escaped_only_where_markdown_would_read_it() -> None:
    for text in ("năm_sau", "(*)", "Việt Nam*;", "O&M", "R&D", "______ ngày ____", "[1]", "a|b", "C:\\", "*Ghi chú"):
        assert as_text(text) == text
    assert as_text("2*3*4 và __x__") == "2\\*3\\*4 và \\_\\_x\\_\\_"
    assert as_text("&amp; và \\*") == "\\&amp; và \\\\\\*"
    for line in LINES:
        written = as_text(line)
        assert html.unescape(str(inline_markdown(written))) == line
        assert "".join(s.text for s in spans(written, code=False)) == line


def test_an_imported_text_prints_its_characters_in_every_output(imported: Workspace, invoke: Invoke,
                                                                tmp_path: Path) -> None:
    import docx

    ws = imported
    shown = " ".join(invoke(ws, "show", REG, at).output for at in ("d1", "d2", "ch2"))
    page = tmp_path / "hop-nhat.html"
    assert invoke(ws, "export", REG, "-o", str(page)).exit_code == 0
    printed = _html_text(page.read_text(encoding="utf-8"))
    word = tmp_path / "hop-nhat.docx"
    assert invoke(ws, "export", REG, "-o", str(word)).exit_code == 0
    paragraphs = [word_text(p.text) for p in docx.Document(str(word)).paragraphs]
    for line in LINES:
        assert _words(line) in " ".join(shown.split()), (line, shown)
        assert _words(line) in printed, line
        assert any(_words(line) in " ".join(p.split()) for p in paragraphs), line
    assert "Việt Nam*;" in printed  # the preamble's note mark
    assert TITLE in printed and CELL in printed
    assert TITLE in " ".join(shown.split())
    document = docx.Document(str(word))
    assert any(TITLE in p.text for p in document.paragraphs)
    assert [c.text for t in document.tables for r in t.rows for c in r.cells if c.text.startswith("Ô")] == [CELL]
    assert "<em>" not in page.read_text(encoding="utf-8")
    # The Markdown export reads back as the same regulation: its escapes are the format's.
    copy = tmp_path / "hop-nhat.md"
    assert invoke(ws, "export", REG, "-o", str(copy)).exit_code == 0
    again = import_file(copy, reg_id="X-1")
    original = (ws.root / "regulations" / "99-2020-QH14.md").read_text(encoding="utf-8")
    assert again.text.split("\n---\n", 1)[1] == original.split("\n---\n", 1)[1]


def test_the_word_export_imports_back_to_the_same_text(imported: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    word = tmp_path / "hop-nhat.docx"
    assert invoke(imported, "export", REG, "-o", str(word)).exit_code == 0
    again = import_file(word, reg_id="X-2")
    original = (imported.root / "regulations" / "99-2020-QH14.md").read_text(encoding="utf-8")
    assert again.text.split("\n---\n", 1)[1] == original.split("\n---\n", 1)[1]


def test_a_markdown_file_keeps_its_emphasis(tmp_path: Path) -> None:
    source = tmp_path / "luat.md"
    source.write_text(TEXT.replace("Điều 1. ", "## Điều 1. "), encoding="utf-8")
    written = import_file(source).text
    assert "## Điều 1. Phạm vi *điều chỉnh*" in written
    assert "2*3*4 và __x__" in written


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
LAWS = sorted([*(CORPUS / "vi").glob("*.txt"), *(CORPUS / "amendments").glob("*/base-*.txt")]) \
    if CORPUS.is_dir() else []


@pytest.mark.skipif(not LAWS, reason="the shared corpus is not available")
@pytest.mark.parametrize("law", LAWS, ids=[p.name for p in LAWS])
def test_a_real_law_prints_every_word_of_its_articles(law: Path) -> None:
    """Every line of a corpus law from its first article on is printed by `show` (the units' plain text) as it
    stands, its label aside; none of them needed an escape, so the written file is as before."""
    result = import_file(law)
    reg = result.regulation
    shown = " ".join(" ".join(plain(u, reg.language).split()) for u in reg.units)
    front = " ".join(str(v) for v in reg.meta.values())
    source = unicodedata.normalize("NFC", law.read_text(encoding="utf-8"))
    body = source[source.index("\nĐiều 1"):]
    report = " ".join(result.report.text().split())
    label = re.compile(r"^(?:[0-9]{1,3}[a-z]?[.)\-]|[a-zđ][.)\-]|[-+•])\s+")
    heading = re.compile(r"^(?:Chương|Mục|Phần)\s+\S+?[.:]?(?:\s|$)")
    for line in body.splitlines():
        words = _words(line)
        if words.startswith(("|", "Nơi nhận")):
            break  # the signature and recipients, read into the front matter
        if not words or set(words) <= set("-*_=. ") or heading.match(words):
            continue
        rest = label.sub("", words, count=1)
        assert rest in shown or words in front or words in report, f"{law.name}: {line!r}"
    # None of them needed an escape of this import's: the file is written as before.
    assert not re.search(r"\\[*_`\[<&\\]", result.text), law.name


def test_an_escaped_bar_is_a_cells_character() -> None:
    """A `|` in a Word table's cell is written `\\|` (`importer.classify.table_markdown`), as GFM reads it; the
    outputs split the row at every `|`, so `a | b` was two cells."""
    from regdraft.core.parts import table_rows

    table = "| Tỷ lệ | Ghi chú |\n| --- | --- |\n| a \\| b | C:\\\\\\| x |"
    assert table_rows(table) == [["Tỷ lệ", "Ghi chú"], ["a \\| b", "C:\\\\\\| x"]]
    assert [html.unescape(str(inline_markdown(c))) for c in table_rows(table)[1]] == ["a | b", "C:\\| x"]


def test_a_title_reads_as_markdown_in_the_redline_as_in_the_consolidated_text() -> None:
    """An article's title is Markdown inline in the consolidated text (`b.title|inline`); the redline printed an
    unchanged one as its source (`Phạm vi \\*điều chỉnh\\*`, backslashes shown)."""
    from regdraft.core.model import Kind, Unit
    from regdraft.render.fragments import Fragments

    article = Unit(Kind.ARTICLE, "1", as_text("Phạm vi *điều chỉnh* & [1]"), (as_text("Luật này quy định 2*3*4."),))
    printed = html.unescape(re.sub(r"<[^>]+>", "", str(Fragments("vi").unchanged(article))))
    assert "Điều 1. Phạm vi *điều chỉnh* & [1]" in printed and "2*3*4" in printed
    assert "\\" not in printed
    plain_title = Unit(Kind.ARTICLE, "2", "Quy định “chung” và 'riêng'", ())
    assert "Quy định “chung” và &#39;riêng&#39;" in str(Fragments("vi").unchanged(plain_title))  # as before

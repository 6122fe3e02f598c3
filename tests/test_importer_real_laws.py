"""Real laws import whole (issue 19 §4-5): header tables written as text rows, the Constitution's
header, encodings and bad bytes, and a verdict that is the real check's."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest

from regdraft.core.markdown import read
from regdraft.core.model import Kind
from regdraft.core.refs import missing_problems
from regdraft.importer import import_file
from tests.conftest import FIXTURES, needs_corpus

AMENDMENTS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "amendments"

# (file, id, issuer, signed, type, place); every one gives national name, motto and number.
HEADERS = [
    ("luat-dau-thau-2023/base-22-2023-QH15.txt", "22/2023/QH15", "QUỐC HỘI", dt.date(2023, 6, 23), "Luật"),
    ("luat-dau-thau-2023/amending-57-2024-QH15.txt", "57/2024/QH15", "QUỐC HỘI", dt.date(2024, 11, 29), "Luật"),
    ("nd-63-2010/base-63-2010-ND-CP.txt", "63/2010/NĐ-CP", "CHÍNH PHỦ", dt.date(2010, 6, 8), "Nghị định"),
    ("nd-63-2010/amending-48-2013-ND-CP.txt", "48/2013/NĐ-CP", "CHÍNH PHỦ", dt.date(2013, 5, 14), "Nghị định"),
]


@needs_corpus
@pytest.mark.parametrize(("name", "number", "issuer", "signed", "kind"), HEADERS, ids=[h[0] for h in HEADERS])
def test_header_tables_written_as_text_rows(name: str, number: str, issuer: str, signed: dt.date, kind: str) -> None:
    result = import_file(AMENDMENTS / name)
    meta = result.regulation.meta
    assert meta["id"] == number
    assert meta["issuer"] == issuer
    assert meta["national"] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert meta["motto"].replace("–", "-") == "Độc lập - Tự do - Hạnh phúc"
    assert meta["place"] == "Hà Nội"
    assert meta["signed"] == signed
    assert meta["type"] == kind
    assert not result.report.by_category("missing")
    assert "|" not in meta["issuer"]
    # Nothing of the header row is left in the text.
    assert number not in "\n".join(result.regulation.preamble)


# The date each text says it takes effect, as its final provisions say it (the first sentence naming the
# document itself: Luật 57/2024's "2. Luật này có hiệu lực thi hành từ ngày 15 tháng 01 năm 2025, trừ …").
EFFECTIVE = [
    ("amendments/luat-dau-thau-2023/base-22-2023-QH15.txt", dt.date(2024, 1, 1)),
    ("amendments/luat-dau-thau-2023/amending-57-2024-QH15.txt", dt.date(2025, 1, 15)),
    ("amendments/nd-63-2010/base-63-2010-ND-CP.txt", dt.date(2010, 10, 14)),
    ("amendments/nd-63-2010/amending-48-2013-ND-CP.txt", dt.date(2013, 7, 1)),
    ("vi/luat-cong-doan.txt", dt.date(2013, 1, 1)),
    ("vi/luat-du-lich.txt", dt.date(2018, 1, 1)),
    ("vi/luat-giao-duc.txt", dt.date(2020, 7, 1)),
    ("vi/luat-thanh-nien.txt", dt.date(2021, 1, 1)),
    ("vi/luat-thi-dua-khen-thuong.txt", dt.date(2004, 7, 1)),
]


@needs_corpus
@pytest.mark.parametrize(("name", "effective"), EFFECTIVE, ids=[e[0].split("/")[-1] for e in EFFECTIVE])
def test_the_date_a_text_takes_effect_is_read_from_its_final_provisions(name: str, effective: dt.date) -> None:
    # It was left out, and the text was taken to be in force from the day it was signed: Nghị định 63/2010 four
    # months early in `show --as-of` and in the consolidated text's opening.
    result = import_file(AMENDMENTS.parent / name)
    assert result.regulation.meta["effective"] == effective > result.regulation.meta["signed"]
    [note] = [n for n in result.report.by_category("article") if "takes effect" in n.message]
    assert note.message.startswith("Read from Điều ")
    assert f"{effective.day:02d} tháng" in note.text and str(effective.year) in note.text
    assert result.report.passes_check


@needs_corpus
@pytest.mark.parametrize(("name", "effective"), EFFECTIVE, ids=[e[0].split("/")[-1] for e in EFFECTIVE])
def test_the_date_in_force_is_read_after_clauses_numbered_with_a_bracket(
        tmp_path: Path, name: str, effective: dt.date) -> None:
    # `1)` is a clause label the importer reads, but the date in force was only read after `1.`: Luật Thanh niên
    # got no `effective`, the report said it passed check, and `check` then warned (sweep r22 s10import defect 4).
    text = (AMENDMENTS.parent / name).read_text(encoding="utf-8")
    source = tmp_path / Path(name).name
    source.write_text(re.sub(r"(?m)^(\d+)\. ", r"\1) ", text), encoding="utf-8")
    result = import_file(source)
    assert result.regulation.meta["effective"] == effective
    assert [n for n in result.report.by_category("article") if "takes effect" in n.message]
    assert result.report.text().endswith("The file passes `regdraft check`.")


def test_the_import_report_gives_the_warnings_check_gives(tmp_path: Path) -> None:
    # A consolidated copy keeps its own front matter: one without `effective` whose text gives the date passed
    # "the file passes `regdraft check`" while `check` then warned that it counts as in force from its signing.
    source = tmp_path / "hop-nhat.md"
    source.write_text("---\nid: 01-QC/TU\ntype: Quy chế\ntitle: Quy chế làm việc\nlanguage: vi\n"
                      "issuer: TỈNH ỦY ĐIỆN BIÊN\nsigned: 2021-01-09\nconsolidated:\n  base:\n    number: 01-QC/TU\n"
                      "---\n\n# Điều 1. Phạm vi\n\nQuy chế này quy định chế độ làm việc.\n\n# Điều 2. Hiệu lực\n\n"
                      "Quy chế này có hiệu lực thi hành từ ngày 01 tháng 3 năm 2021.\n", encoding="utf-8")
    result = import_file(source)
    [note] = result.report.by_category("check")
    assert note.message.startswith("regulations/01-QC-TU.md:14: warning: Điều 2 says the text takes effect on "
                                   "2021-03-01, but the front matter gives no 'effective'")
    assert result.report.passes_check  # warnings alone: `check` exits 0
    assert "passes `regdraft check`" not in result.report.text()
    assert result.report.text().endswith("`regdraft check` accepts the file but warns about it; the [check] notes "
                                         "say what to look at.")


def test_a_text_in_force_from_its_signing_gives_no_effective_date(tmp_path: Path) -> None:
    source = tmp_path / "qc.txt"
    source.write_text("QUY CHẾ\nlàm việc\n\nĐiều 1. Phạm vi\n\nQuy chế này có hiệu lực kể từ ngày ký.\n",
                      encoding="utf-8")
    result = import_file(source, "01-QC/TU")
    assert "effective" not in result.regulation.meta
    assert not [n for n in result.report.notes if "takes effect" in n.message]


def test_an_english_text_gets_its_date_of_effect_too(tmp_path: Path) -> None:
    # English texts were not read for it: a translated decree counted as in force from its signing.
    source = tmp_path / "decree.txt"
    source.write_text("THE GOVERNMENT\nSOCIALIST REPUBLIC OF VIETNAM\nIndependence - Freedom - Happiness\n"
                      "No. 63/2010/ND-CP\nHanoi, June 08, 2010\n\nDECREE\nOn the control of administrative "
                      "procedures\n\nArticle 1. Scope of regulation\n\nThis Decree provides for the control of "
                      "administrative procedures.\n\nArticle 2. Effect\n\n1. This Decree takes effect on October 14, "
                      "2010.\n\n2. Ministers shall implement this Decree.\n", encoding="utf-8")
    result = import_file(source, "63/2010/ND-CP")
    assert result.regulation.language == "en"
    assert result.regulation.meta["effective"] == dt.date(2010, 10, 14) > result.regulation.meta["signed"]
    [note] = [n for n in result.report.by_category("article") if "takes effect" in n.message]
    assert note.text == "1. This Decree takes effect on October 14, 2010."
    # Read from the article that says it, and tagged so: it was `[header]`, though the header gives no such date.
    assert note.message == "Read from Article 2 as the front-matter key 'effective' (the date the text takes effect)."
    assert "  line 16: [article] Read from Article 2 as" in result.report.text()
    assert not [n for n in result.report.by_category("header") if "effective" in n.message]


@needs_corpus
def test_signature_and_recipients_in_one_table_row() -> None:
    meta = import_file(AMENDMENTS / "nd-63-2010/amending-48-2013-ND-CP.txt").regulation.meta
    assert meta["signer"] == {"on_behalf": "TM. CHÍNH PHỦ", "title": "THỦ TƯỚNG", "name": "Nguyễn Tấn Dũng"}
    assert meta["recipients"][0] == "Ban Bí thư Trung ương Đảng;"
    assert meta["recipients"][-1] == "Lưu: Văn thư, TCCV (3b)."
    assert len(meta["recipients"]) == 19


def test_the_constitution_header() -> None:
    result = import_file(FIXTURES / "import" / "hien-phap-2013-trich.txt", reg_id="HP-2013")
    meta = result.regulation.meta
    assert meta["issuer"] == "QUỐC HỘI"
    assert meta["type"] == "Hiến pháp"
    assert meta["title"] == "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert meta["motto"] == "Độc lập - Tự do - Hạnh phúc"
    assert meta["signed"] == dt.date(2013, 11, 28)  # from the adoption sentence: the header has no date
    assert meta["signer"] == {"title": "CHỦ TỊCH QUỐC HỘI", "name": "Nguyễn Sinh Hùng"}
    preamble = result.regulation.preamble
    assert preamble[0] == "LỜI NÓI ĐẦU" and preamble[1].startswith("Trải qua mấy nghìn năm")
    assert [loc.unit.label for loc in result.regulation.articles()] == ["1", "2", "3"]
    assert result.report.passes_check
    assert any(n.category == "header" and "adopted" in n.message for n in result.report.notes)
    # The adoption sentence closes the document, not its last article: kept in the front matter.
    sentence = ("Hiến pháp này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIII, kỳ họp thứ 6 "
                "thông qua ngày 28 tháng 11 năm 2013.")
    assert meta["adoption"] == sentence
    last = list(result.regulation.articles())[-1].unit
    assert sentence not in last.all_text() and sentence not in result.text.split("\n---\n", 1)[1]
    assert [n.category for n in result.report.notes if n.text == sentence] == ["closing", "header"]  # and the date


def test_an_adoption_sentence_inside_the_text_stays_there(tmp_path: Path) -> None:
    # Only the last paragraph before the signature block is the document's: one quoted in an article is text.
    source = (FIXTURES / "import" / "hien-phap-2013-trich.txt").read_text(encoding="utf-8")
    middle = "Luật này được Quốc hội thông qua ngày 01 tháng 7 năm 2014."
    path = tmp_path / "hp.txt"
    path.write_text(source.replace("Nhà nước bảo đảm và phát huy", f"{middle}\n\nNhà nước bảo đảm và phát huy"),
                    encoding="utf-8")
    result = import_file(path, reg_id="HP-2013")
    assert middle in list(result.regulation.articles())[-1].unit.all_text()
    assert result.regulation.meta["adoption"].startswith("Hiến pháp này đã được Quốc hội")


def test_the_verdict_is_the_real_check(tmp_path: Path) -> None:
    source = (FIXTURES / "import" / "hien-phap-2013-trich.txt").read_text(encoding="utf-8")
    path = tmp_path / "hp.txt"
    path.write_text(source.replace("theo khoản 2 Điều 2", "theo khoản 2 Điều 9"), encoding="utf-8")
    result = import_file(path, reg_id="HP-2013")
    reading = read(result.text, "regulations/HP-2013.md")
    expected = [*reading.problems, *missing_problems(reading.regulation)]
    assert len(expected) == 1  # the structure is sound; the reference is not
    assert not result.report.passes_check
    assert [n.message for n in result.report.by_category("check")] == [
        f"regulations/HP-2013.md:{p.line}: {p.message}" for p in expected]
    assert "Điều 9" in result.report.text() and "does not pass" in result.report.text()


def test_a_bad_byte_is_reported_with_its_line_and_column(tmp_path: Path) -> None:
    data = (FIXTURES / "import" / "hien-phap-2013-trich.txt").read_bytes()
    lines = data.split(b"\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("Nước Cộng hòa".encode()))
    lines[index] = lines[index].replace(" độc lập".encode(), b" \xff\xc3 \xe9oc lap", 1)
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\n".join(lines))
    result = import_file(path, reg_id="HP-2013")
    notes = [n for n in result.report.by_category("encoding") if n.where == index + 1]
    prefix = "Nước Cộng hòa xã hội chủ nghĩa Việt Nam là một nước"
    assert [n.message.split(":")[0] for n in notes] == [
        f"Column {len(prefix) + 2}", f"Column {len(prefix) + 3}", f"Column {len(prefix) + 5}"]
    assert "0xFF" in notes[0].message
    assert [loc.unit.label for loc in result.regulation.articles()] == ["1", "2", "3"]


def _cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes it: base letters, then the tone as a combining mark."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in parts if m in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in tones))
        out += (base + tones).encode("cp1258")
    return out


def test_windows_1258_is_detected_and_can_be_forced(tmp_path: Path) -> None:
    source = (FIXTURES / "import" / "hien-phap-2013-trich.txt").read_text(encoding="utf-8")
    path = tmp_path / "cp1258.txt"
    path.write_bytes(_cp1258(source))
    detected = import_file(path, reg_id="HP-2013")
    assert detected.report.encoding == "cp1258"
    assert any("Windows-1258" in n.message for n in detected.report.by_category("encoding"))
    utf8 = import_file(FIXTURES / "import" / "hien-phap-2013-trich.txt", reg_id="HP-2013")
    assert detected.text == utf8.text
    forced = import_file(path, reg_id="HP-2013", encoding="cp1258")
    assert forced.text == utf8.text


def test_a_file_cut_off_inside_an_article_gets_a_warning(tmp_path: Path) -> None:
    source = (FIXTURES / "import" / "hien-phap-2013-trich.txt").read_text(encoding="utf-8")
    whole = import_file(FIXTURES / "import" / "hien-phap-2013-trich.txt", reg_id="HP-2013")
    assert not whole.report.by_category("warning")
    path = tmp_path / "cut.txt"
    path.write_text(source[: source.index("3. Quyền lực")], encoding="utf-8")
    cut = import_file(path, reg_id="HP-2013", language="vi")
    warnings = cut.report.by_category("warning")
    assert len(warnings) == 1 and "cut off" in warnings[0].message
    assert warnings[0].text.startswith("2. Nước Cộng hòa")


DECREE_END = """3. Việc quy định mới về thủ tục hành chính được áp dụng theo Nghị định này./.

| Nơi nhận: - Ban Bí thư Trung ương Đảng; - Lưu: Văn thư, KSTT (5b). | TM. CHÍNH PHỦ THỦ TƯỚNG Nguyễn Tấn Dũng |
|---|---|
PHỤ LỤC I

BIỂU MẪU ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH (Ban hành kèm theo Nghị định số 63/2010/NĐ-CP)

| I. Về sự cần thiết | |
|---|---|
| 1. Mục tiêu gì? | a) Mục tiêu:........ |
| 2. Đáp ứng mục tiêu? | a) Có £ b) Không £ |
| 3. Biện pháp khác? | a) Có £ b) Không £ |
| 4. Có cần thiết? | a) Có £ b) Không £ |
| II. Về tính hợp lý | |
"""


def test_a_signature_block_before_the_appendices_is_read_and_their_tables_stay_whole(tmp_path: Path) -> None:
    # Nghị định 63/2010: the signature table, then three appendices of forms. The signature was read as text of
    # khoản 3 Điều 37, and every table longer than three lines was cut into tables of three rows.
    source = (FIXTURES / "import" / "hien-phap-2013-trich.txt").read_text(encoding="utf-8")
    body = source[:source.index("Hiến pháp này đã được Quốc hội")]
    path = tmp_path / "nd.txt"
    path.write_text(body + DECREE_END, encoding="utf-8")
    result = import_file(path, reg_id="HP-2013")
    meta = result.regulation.meta
    assert meta["signer"] == {"on_behalf": "TM. CHÍNH PHỦ", "title": "THỦ TƯỚNG", "name": "Nguyễn Tấn Dũng"}
    assert meta["recipients"][-1] == "Lưu: Văn thư, KSTT (5b)."
    written = result.text.split("\n---\n", 1)[1]
    assert "Nơi nhận" not in written and "Nguyễn Tấn Dũng" not in written
    # The appendix is kept (nothing is lost) as an appendix after the last article, its table whole, and the
    # report says where it went.
    assert written.count("| --- | --- |") == 1 and "| 4. Có cần thiết? | a) Có £ b) Không £ |" in written
    assert "PHỤ LỤC" not in list(result.regulation.articles())[-1].unit.all_text()
    appendix = result.regulation.units[-1]
    assert (appendix.kind, appendix.label) == (Kind.APPENDIX, "I")
    assert appendix.title == "BIỂU MẪU ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH"
    assert appendix.text[0] == "(Ban hành kèm theo Nghị định số 63/2010/NĐ-CP)"
    info = [n for n in result.report.by_category("info") if n.text == "PHỤ LỤC I"]
    assert len(info) == 1 and "was read as an appendix after the last article" in info[0].message
    assert not [n for n in result.report.by_category("warning") if "ends inside the text" in n.message]

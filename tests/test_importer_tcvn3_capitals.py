"""TCVN3 writes no capital toned letter (`.VnTimeH` drew them): the importer puts the capital back where a sentence, a
clause, a point or an article's title begins (`2. Ủy ban …`), says how many, and leaves a word inside a sentence as
converted (`của ủy ban`, the documented loss); `compare` says it read a file as TCVN3 (r35 sweep BI)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regdraft.importer import import_file
from regdraft.importer.legacy import bytes_to_text, decode_tcvn3, encode_tcvn3, restore_capitals
from tests.conftest import SHARED, Invoke, in_corpus

docx = pytest.importorskip("docx")

LAWS = ["vi/luat-du-lich.txt", "vi/luat-cong-doan.txt", "vi/luat-thanh-nien.txt",
        "amendments/nd-63-2010/base-63-2010-ND-CP.txt", "amendments/nd-63-2010/amending-48-2013-ND-CP.txt"]


def tcvn3_file(text: str) -> bytes:
    """`text` as a Windows machine of the 1990s saved it in TCVN3: regdraft's own table (`encode_tcvn3`, whose
    characters are the bytes read through Latin-1), Windows-1252 bytes for the rest, CRLF line ends."""
    return "\r\n".join(encode_tcvn3(text).split("\n")).encode("cp1252", errors="replace")


def unwritable(word: str) -> bool:
    """A word TCVN3 cannot write (Nghị định 63's form boxes `£`, `▪`): a character that reads back as another."""
    return any(decode_tcvn3(bytes_to_text(tcvn3_file(ch))[0]).lower() != ch.lower() for ch in word)


_ENDS_SENTENCE = re.compile(r"[.?!][”\"’)*\\]*$")
_LABEL = re.compile(r"^(?:#+|[-+]|[a-zđ]\d*(?:\.\d+)?\\?\)|\d+[a-z]?\\?\.)$")


def mid_sentence(tokens: list[str], i: int) -> bool:
    """Whether the word at `i` of a line's tokens is inside a sentence: a word before it on the line that ends no
    sentence and is no label at the line's start (`2\\.`, `a)`, `-`, `## Điều`, `5.`)."""
    if i == 0:
        return False
    before = tokens[i - 1]
    if _ENDS_SENTENCE.search(before) or (i == 1 and _LABEL.match(before)):
        return False
    return not (i == 2 and tokens[0].lstrip("#") == "" and tokens[1] == "Điều")


@pytest.mark.parametrize(("text", "restored", "count"), [
    ("2. ủy ban nhân dân các cấp", "2. Ủy ban nhân dân các cấp", 1),
    ("đ) ứng dụng khoa học", "đ) Ứng dụng khoa học", 1),
    ("d1) ủy quyền", "d1) Ủy quyền", 1),
    ("Điều 5. ủy quyền ký", "Điều 5. Ủy quyền ký", 1),
    ("“a) ủy ban", "“a) Ủy ban", 1),
    ("- ở cấp tỉnh;", "- Ở cấp tỉnh;", 1),
    ("Nơi nhận: - Ban Bí thư; - ủy ban Giám sát;", "Nơi nhận: - Ban Bí thư; - Ủy ban Giám sát;", 1),
    ("Xong. ủy ban trình. “ở đâu?” ứng", "Xong. Ủy ban trình. “Ở đâu?” Ứng", 3),
    # inside a sentence: after a comma, `;`, `:` or an ellipsis the word keeps its case; so does a word not toned
    ("phối hợp với ủy ban; ủy ban: ủy ban", "phối hợp với ủy ban; ủy ban: ủy ban", 0),
    ("v.v... ở các cấp", "v.v... ở các cấp", 0),
    ("2. Bộ, cơ quan ngang Bộ, ủy ban", "2. Bộ, cơ quan ngang Bộ, ủy ban", 0),
])
def test_the_capital_comes_back_where_a_sentence_begins(text: str, restored: str, count: int) -> None:
    assert restore_capitals(text) == (restored, count)


@pytest.mark.parametrize("law", LAWS)
def test_a_law_saved_in_tcvn3_imports_as_its_unicode_text_but_capitals_inside_sentences(law: str,
                                                                                         tmp_path: Path) -> None:
    """Luật Du lịch came out with `2\\. ủy ban nhân dân các cấp` and `đ) ứng dụng` (22 in it, 40 in Nghị định 63)."""
    source = in_corpus(SHARED / "corpus" / law)
    legacy = tmp_path / f"{source.stem}.tcvn3.txt"
    legacy.write_bytes(tcvn3_file(source.read_text(encoding="utf-8")))
    converted = import_file(legacy)
    assert converted.report.encoding == "tcvn3"
    original = import_file(source).text.split("\n")
    lines = converted.text.split("\n")
    assert len(lines) == len(original)
    for want, got in zip(original, lines, strict=True):
        tokens, read = want.split(), got.split()
        assert len(read) == len(tokens), (want, got)
        for i, (word, seen) in enumerate(zip(tokens, read, strict=True)):
            if seen == word or unwritable(word):
                continue
            # The only difference left: a toned capital inside a sentence (`Ủy`, `CÓ`), as `.VnTime` wrote it.
            assert seen.lower() == word.lower() and mid_sentence(tokens, i), (word, seen, want)
    said = [n for n in converted.report.by_category("encoding") if "put back" in n.message]
    if law.endswith(("luat-du-lich.txt", "base-63-2010-ND-CP.txt")):
        assert len(said) == 1 and re.search(r": \d+ were put back where a sentence", said[0].message), said


def test_a_docx_set_in_vntime_gets_its_capitals_back(tmp_path: Path) -> None:
    document = docx.Document()
    for line in ("QUY CHẾ", "làm việc của Ban Chấp hành", "Điều 1. ứng dụng công nghệ",
                 "1. ủy ban nhân dân các cấp phối hợp với ủy ban Mặt trận.", "a) ở cấp tỉnh;", "Điều 2. Hiệu lực",
                 "Quy chế này có hiệu lực từ ngày ký."):
        run = document.add_paragraph().add_run(encode_tcvn3(line))
        run.font.name = ".VnTime"
    path = tmp_path / "quy-che.docx"
    document.save(str(path))
    result = import_file(path, reg_id="01-QC/TU")
    reg = result.regulation
    assert reg.find("d1").unit.title == "Ứng dụng công nghệ"
    assert reg.find("d1.k1").unit.text == ("Ủy ban nhân dân các cấp phối hợp với ủy ban Mặt trận.",)
    assert reg.find("d1.k1.a").unit.text == ("Ở cấp tỉnh;",)
    said = [n.message for n in result.report.by_category("encoding")]
    assert any(m.startswith("TCVN3 writes no capital toned letter (Ủ, Ấ, Ở …): 3 were put back") for m in said), said


def test_compare_says_it_read_a_tcvn3_file_as_tcvn3(tmp_path: Path, invoke: Invoke) -> None:
    source = in_corpus(SHARED / "corpus" / "vi" / "luat-cong-doan.txt")
    legacy = tmp_path / "cong-doan.txt"
    legacy.write_bytes(tcvn3_file(source.read_text(encoding="utf-8")))
    result = invoke(None, "compare", str(source), str(legacy), "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 0, result.output
    assert "note: cong-doan.txt was read as TCVN3 and converted to Unicode." in result.output
    assert re.search(r"note: cong-doan.txt, line \d+: TCVN3 writes no capital toned letter \(Ủ, Ấ, Ở …\): 2 were "
                     r"put back", result.output), result.output
    plain = invoke(None, "compare", str(source), str(source), "-o", str(tmp_path / "same.html"))
    assert plain.exit_code == 0 and "note:" not in plain.output, plain.output


@pytest.mark.parametrize("line", [
    "| CHÍNH PHỦ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc ---------- |",
    "BIỂU MẪU ĐÁNH GIÁ MẪU ĐƠN, MẪU TỜ KHAI HÀNH CHÍNH (Ban hành kèm theo Nghị định số 63/2010/NĐ-CP)",
])
def test_a_word_between_words_in_capitals_is_in_capitals(line: str) -> None:
    """Nghị định 63's header cell and form title hold capitals beside ordinary words: `CỘNG HÒA Xã HỘI` was kept in
    its front matter's `national`, `MẪU Tờ KHAI` in its appendix's title. A toned word between ordinary ones stays."""
    assert decode_tcvn3(encode_tcvn3(line)) == line
    assert decode_tcvn3(encode_tcvn3("Nếu câu trả lời a là CÓ, thời hạn")) == "Nếu câu trả lời a là Có, thời hạn"

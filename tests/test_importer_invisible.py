"""Word's soft hyphen (U+00AD, its optional hyphen) and the other invisible characters in an imported text: left out,
never silently (r35 sweep BI, finding 1 and the wording of the U+2028 note).

Word's optional hyphen, and text copied from web pages and PDFs, bring U+00AD into a text; no one sees it. An import
kept it in the stored regulation without a word (a copy of Nghị định 63 held 56), where the phrase instructions and
every search then missed the words around it. It is left out now, as Word shows the text, and counted in one note;
so are the zero-width characters, which were left out silently. The note on Word's pasted line break said U+000B
where the file held U+2028.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regdraft.importer import import_file
from tests.conftest import CORPUS, needs_corpus

LAW = CORPUS / "luat-cong-doan.txt"
SHY = "\u00ad"


def word_hyphenated(text: str) -> str:
    """`text` with soft hyphens where Word's optional hyphens stand: inside each word of six letters or more
    (`nghiệp`, `trường`: a Vietnamese syllable is short) of every third paragraph, after its third letter."""
    return "\n".join(re.sub(r"\b(\w{3})(\w{3,})", rf"\1{SHY}\2", line) if n % 3 == 0 else line
                     for n, line in _paragraphs(text))


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """Each line of `text` with its place among the lines that are not blank (-1 for a blank one)."""
    out, n = [], 0
    for line in text.split("\n"):
        out.append((n if line.strip() else -1, line))
        n += bool(line.strip())
    return out


@pytest.fixture(scope="module")
def law_imported() -> str:
    return import_file(LAW).text


@needs_corpus
def test_an_import_leaves_soft_hyphens_out_and_counts_them(tmp_path: Path, law_imported: str) -> None:
    text = word_hyphenated(LAW.read_text(encoding="utf-8"))
    first = next(n for n, line in enumerate(text.split("\n"), start=1) if SHY in line)
    source = tmp_path / "cong-doan.txt"
    source.write_text(text, encoding="utf-8")
    result = import_file(source)
    assert result.text == law_imported  # byte for byte the text without them
    [note] = [n for n in result.report.notes if "U+00AD" in n.message]
    assert note.message.startswith(f"{text.count(SHY)} soft hyphens (Word's optional hyphens, U+00AD) left out, "
                                   "the first in this line")
    assert note.where == first and SHY not in note.text and note.category == "info"


@needs_corpus
def test_a_soft_hyphen_between_two_words_is_shown_as_the_import_reads_it(tmp_path: Path) -> None:
    # As the sweep's copy had them: no space between the syllables, so the words read joined (as Word shows them).
    source = tmp_path / "cong-doan.txt"
    source.write_text(LAW.read_text(encoding="utf-8").replace("doanh nghiệp", f"doanh{SHY}nghiệp"), encoding="utf-8")
    result = import_file(source)
    [note] = [n for n in result.report.notes if "U+00AD" in n.message]
    assert "doanhnghiệp" in note.text and SHY not in result.text


@needs_corpus
def test_a_word_file_s_optional_hyphens_are_left_out_and_counted(tmp_path: Path, law_imported: str) -> None:
    docx = pytest.importorskip("docx")
    from docx.oxml import OxmlElement

    document = docx.Document()
    hyphens = 0
    for line in word_hyphenated(LAW.read_text(encoding="utf-8")).split("\n"):
        if not line.strip():
            continue
        paragraph = document.add_paragraph()
        for n, piece in enumerate(line.split(SHY)):
            if n:  # Word's own `w:softHyphen` element, and U+00AD pasted into a run's text, in turn
                hyphens += 1
                if n % 2:
                    paragraph.add_run()._r.append(OxmlElement("w:softHyphen"))
                else:
                    piece = SHY + piece
            paragraph.add_run(piece)
    document.save(str(tmp_path / "cong-doan.docx"))
    result = import_file(tmp_path / "cong-doan.docx")
    assert SHY not in result.text
    [note] = [n for n in result.report.notes if "U+00AD" in n.message]
    assert note.message.startswith(f"{hyphens} soft hyphens (Word's optional hyphens, U+00AD) left out, the first "
                                   "in this paragraph")


@needs_corpus
def test_the_other_invisible_characters_are_left_out_and_named(tmp_path: Path, law_imported: str) -> None:
    lines = [line.replace("Công đoàn", "Công\u200b đoàn\u2060", 1) if n % 5 == 0 else line
             for n, line in _paragraphs(LAW.read_text(encoding="utf-8"))]
    source = tmp_path / "cong-doan.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    result = import_file(source)
    assert result.text == law_imported
    hidden = [n.message for n in result.report.notes if "invisible character" in n.message]
    wanted = sum(line.count("\u200b") + line.count("\u2060") for line in lines)
    assert hidden == [f"{wanted} invisible characters (U+200B (zero width space), U+2060 (word joiner)) left out, "
                      "the first in this line: no legal text holds them."]


@needs_corpus
def test_a_line_break_pasted_from_word_is_named_as_found(tmp_path: Path, law_imported: str) -> None:
    # Word's Shift+Enter pasted as U+2028 (line separator), as the sweep's copy had it: the note said U+000B.
    lines = [line.replace(", ", ",\u2028", 1) if n % 4 == 0 else line
             for n, line in _paragraphs(LAW.read_text(encoding="utf-8"))]
    source = tmp_path / "cong-doan.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    result = import_file(source)
    assert result.text == law_imported
    [note] = [n.message for n in result.report.notes if "Shift+Enter" in n.message]
    assert "lines hold line breaks typed with Shift+Enter (U+2028), the first" in note and "U+000B" not in note

"""What a drafter new to regdraft is told of their mistakes, in sentences that say what to do (r31 sweep AU,
finding 5): a text file named .docx or .xlsx, an edit of the preamble that `amend from-edits` leaves out, a point
lettered f, a clause named without its article; and docs/review.md naming every disposition the page offers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from regdraft.core.address import Address
from regdraft.core.amend.tree import missing
from regdraft.core.comments import Disposition
from regdraft.core.errors import AddressError, ParseError
from regdraft.core.markdown import parse
from regdraft.core.nearest import missing_message
from regdraft.importer import import_file
from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, REPO_ROOT, Invoke

MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")


# -- a file that is not what its name says ----------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "said"), [
    ("Điều 1. Phạm vi\n\nQuy chế này quy định …\n".encode(), "x.docx is not a Word file but plain text (perhaps a text "
     "file renamed to .docx): give it its real extension (.txt, .md or .csv) and use it as that."),
    ("Điều 1. Phạm vi\n".encode("utf-16"), "x.docx is not a Word file but plain text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "x.docx is an old Word 97-2003 file, not a .docx file: open "
     "it in Word and save it as a .docx file."),
    (b"{\\rtf1\\ansi Dieu 1}", "x.docx is an RTF file, not a .docx file: open it in Word and save it as .docx."),
    (bytes(range(256)) * 4, "x.docx is not a Word file: a .docx file is a zip package, and this one is not."),
    (b"", "x.docx is empty, not a Word file."),
])
def test_a_file_named_docx_that_is_no_word_file(tmp_path: Path, data: bytes, said: str) -> None:
    """It said "x.docx is not a Word .docx file that can be read (BadZipFile: File is not a zip file)"."""
    path = tmp_path / "x.docx"
    path.write_bytes(data)
    with pytest.raises(ParseError) as refused:
        import_file(path, reg_id="X/1")
    assert str(refused.value).startswith(said) and "BadZipFile" not in str(refused.value)


def test_a_text_file_named_xlsx_or_docx_as_comments(consulting_workspace: Workspace, invoke: Invoke,
                                                     tmp_path: Path) -> None:
    sheet = tmp_path / "gopy.xlsx"
    sheet.write_text("by;on;text\nBan A;d1;Đúng\n", encoding="utf-8")
    result = invoke(consulting_workspace, "comment", "import", "mini-sua", str(sheet))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "gopy.xlsx is not an Excel file but plain text (perhaps a text file renamed to .xlsx)" in result.output
    reply = tmp_path / "reply.docx"
    reply.write_text("Nhất trí với dự thảo.\n", encoding="utf-8")
    result = invoke(consulting_workspace, "comment", "import", "mini-sua", str(reply), "--by", "Ban A")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "reply.docx is not a Word file but plain text" in result.output


# -- the preamble an edit changes ----------------------------------------------------------------------------------

def test_the_preamble_note_names_the_paragraph_left_out(mini_workspace: Workspace, invoke: Invoke,
                                                         tmp_path: Path) -> None:
    """It said only "The edited text changes the preamble; …": the drafter could not tell which edit was dropped."""
    long_basis = ("Căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng "
                  "nhiệm kỳ 2020 - 2025;")
    mini_workspace.commit({"regulations/MINI-QC.md": MINI.replace(
        "Căn cứ Điều lệ Đảng;\n", f"Căn cứ Điều lệ Đảng;\n\n{long_basis}\n").encode()}, "Two bases")
    edited = tmp_path / "edited.md"
    edited.write_text(MINI.replace("Căn cứ Điều lệ Đảng;\n", "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;\n\n"
                                   f"{long_basis.replace('2020 - 2025', '2025 - 2030')}\n\nCăn cứ Quy định số 1;\n")
                      .replace("Thiểu số phục tùng đa số.", "Thiểu số phục tùng đa số tuyệt đối."), encoding="utf-8")
    result = invoke(mini_workspace, "amend", "from-edits", "x", "-r", "MINI-QC", "--new", "--edited", str(edited))
    assert result.exit_code == 0, result.output
    told = " ".join(result.output.split())
    assert ("The edited text changes the preamble (paragraph 1 “Căn cứ Điều lệ Đảng;” became “Căn cứ Điều lệ Đảng "
            "Cộng sản Việt Nam;”; paragraph 2 “…lệ Đảng nhiệm kỳ 2020 - 2025;” became “…lệ Đảng nhiệm kỳ "
            "2025 - 2030;”; paragraph 3 “Căn cứ Quy định số 1;” was added); an amending document does not amend it, "
            "so those changes are not in the instructions.") in told


# -- points and clauses named as they are not ------------------------------------------------------------------------

def test_point_f_is_said_to_be_outside_the_vietnamese_series(mini_workspace: Workspace, invoke: Invoke) -> None:
    """`show` said "'f' is not a point label (a, b, đ or dd, d1 ...)"; an instruction "khoản 2 Điều 2 has no điểm
    f": neither said that the series has no f."""
    result = invoke(mini_workspace, "show", "MINI-QC", "điểm f khoản 2 Điều 2")
    assert result.exit_code == 2
    assert ("'điểm f khoản 2 Điều 2': the Vietnamese series of points has no f (a, b, c, d, đ, e, g, h, i, k ..., "
            "with no f, j, w or z).") in " ".join(result.output.split())
    reg = parse(MINI, "mini.md")
    assert "khoản 2 Điều 2 has no điểm f (điểm f khoản 2 Điều 2 does not exist): the Vietnamese series of points " \
           "has no f" in missing_message(reg, Address.parse("d2.k2.f"))
    assert missing(reg.units, Address.parse("d2.k2.f"), "vi") == (
        "khoản 2 Điều 2 has no điểm f (điểm f khoản 2 Điều 2 does not exist: the Vietnamese series of points has no "
        "f (a, b, c, d, đ, e, g, h, i, k ..., with no f, j, w or z)).")
    assert missing(reg.units, Address.parse("d2.k2.h"), "vi") == (
        "khoản 2 Điều 2 has no điểm h (điểm h khoản 2 Điều 2 does not exist).")


@pytest.mark.parametrize(("typed", "said"), [
    ("khoản 2", "'khoản 2' is not an address: a clause needs its article, as clauses and points are numbered again in "
     "each article: write khoản 2 Điều N (dN.k2)."),
    ("k2", "write khoản 2 Điều N (dN.k2)."),
    ("khoản 2 điểm a", "a point needs its article, as clauses and points are numbered again in each article: write "
     "điểm a khoản 2 Điều N (dN.k2.a)."),
    ("điểm b", "a point needs its clause and article"),
    ("clause 2", "write clause 2 of Article N (aN.c2)."),
])
def test_a_clause_without_its_article(typed: str, said: str) -> None:
    """It said "'khoản 2' is not an address: write an article with its clause and point (d12.k2.b), a chapter …"."""
    with pytest.raises(AddressError) as refused:
        Address.parse(typed)
    assert said in str(refused.value)


# -- docs ------------------------------------------------------------------------------------------------------------

def test_docs_review_names_every_disposition_the_page_offers() -> None:
    """docs/review.md listed four dispositions; the page offers the fifth, "Đã rút ý kiến" (withdrawn), too."""
    words = yaml.safe_load((REPO_ROOT / "regdraft" / "profiles" / "party-36.yaml").read_text(encoding="utf-8"))
    vi = next(v for k, v in _mappings(words) if "disposition_withdrawn" in v and not v["disposition_withdrawn"]
              .isascii())
    docs = " ".join((REPO_ROOT / "docs" / "review.md").read_text(encoding="utf-8").split())
    listed = re.search(r"sets each one's disposition \(([^)]*)", docs)
    assert listed is not None
    for disposition in Disposition:
        assert vi[f"disposition_{disposition.value}"].lower() in listed.group(1), disposition


def _mappings(data: object) -> list[tuple[str, dict[str, str]]]:
    """Every mapping in a YAML document, with its key."""
    found: list[tuple[str, dict[str, str]]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, dict):
                found.append((str(key), value))
                found.extend(_mappings(value))
    return found

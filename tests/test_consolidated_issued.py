"""A consolidated copy a consolidating body issues (`consolidation:` in regdraft.yaml, a number and a day of
authentication), sweep r26/K defects 1 and 2.

1. Imported back (Word, Markdown; as regdraft exports it and as an office's VBHN file reads, without the front matter
   regdraft stores), it is the regulation: the body's header, the copy's number and date, its opening and its `XÁC
   THỰC VĂN BẢN HỢP NHẤT` block are the copy's and are left out, the base's front matter recovered (an import note
   names what could not be). They were read as the decree's issuer, date and signer, the opening kept as preamble.
2. The body numbers and authenticates only a consolidated text: a translation lacking its original's amendments, a
   text with no amendment in force, a day of authentication before an included amending document was signed or
   before the text's own date, and an unreadable signer are refused before anything is written.

Nghị định 63/2010/NĐ-CP with 48/2013/NĐ-CP from ../shared/corpus (skipped where absent); the shipped Party workspace
(01-QC/TU, 05-QC/TU adopted)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from regdraft.importer import import_file
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke, needs_corpus
from tests.test_consolidated_frame import _framed, _run, decree  # noqa: F401  (decree: the module's fixture)

PARTY = {"consolidation": {"body": "VĂN PHÒNG TỈNH ỦY", "superior": "TỈNH ỦY ĐIỆN BIÊN", "code": "VBHN-VPTU",
                           "signer": {"title": "CHÁNH VĂN PHÒNG", "name": "Nguyễn Văn A"},
                           "recipients": ["Thường trực Tỉnh ủy;", "Lưu Văn phòng Tỉnh ủy."]}}
ISSUED = ("--number", "07/VBHN-VPTU", "--signed", "2026-01-05")


def _front_and_preamble(text: str) -> tuple[dict[str, object], str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body.split("\n#", 1)[0]


@pytest.fixture
def party(tmp_workspace: Workspace, invoke: Invoke) -> Workspace:
    result = invoke(tmp_workspace, "amend", "adopt", "qc-sua-doi-2025", "--signed", "2025-10-20", "--force",
                    "--reason", "test")
    assert result.exit_code == 0, result.output
    config = tmp_workspace.path("regdraft.yaml")
    config.write_text(config.read_text(encoding="utf-8") + yaml.safe_dump(PARTY, allow_unicode=True), encoding="utf-8")
    return tmp_workspace


@needs_corpus
def test_an_issued_decree_copy_imports_back_as_the_decree(decree: Path, tmp_path: Path) -> None:  # noqa: F811
    root = _framed(decree, tmp_path)
    imported = {}
    for name, options in (("vbhn.docx", ("--number", "07/VBHN-BTP", "--signed", "2013-12-10")),
                          ("blank.docx", ()), ("vbhn.md", ("--number", "07/VBHN-BTP", "--signed", "2013-12-10"))):
        out = tmp_path / name
        _run(root, "export", "63/2010/NĐ-CP", "--as-of", "2013-07-01", *options, "-o", str(out))
        imported[name] = import_file(out)
    _run(decree, "export", "63/2010/NĐ-CP", "--as-of", "2013-07-01", "-o", str(tmp_path / "ref.docx"))
    reference = _front_and_preamble(import_file(tmp_path / "ref.docx").text)
    assert reference[0]["issuer"] == "CHÍNH PHỦ" and str(reference[0]["signed"]) == "2010-06-08"
    for name, result in imported.items():
        assert _front_and_preamble(result.text) == reference, name
        assert result.report.passes_check, name
    word = imported["vbhn.docx"]
    for gone in ("BỘ TƯ PHÁP", "07/VBHN-BTP", "2013-12-10", "XÁC THỰC", "Hà Hùng Cường", "được sửa đổi, bổ sung bởi",
                 "Văn bản hợp nhất này"):
        assert gone not in word.text, gone
    said = "\n".join(n.line("paragraph") for n in word.report.notes)
    assert "The consolidated copy's opening was left out" in said
    assert "The consolidated copy's authentication (XÁC THỰC VĂN BẢN HỢP NHẤT" in said
    assert "The printed header differs" not in said and "it may be cut off" not in said


def test_an_issued_party_copy_imports_back_as_the_regulation(party: Workspace, invoke: Invoke,
                                                              tmp_path: Path) -> None:
    original = _front_and_preamble(party.path("regulations/01-QC-TU.md").read_text(encoding="utf-8"))
    for name, options in (("vbhn.docx", ISSUED), ("blank.docx", ()), ("vbhn.md", ISSUED)):
        out = tmp_path / name
        result = invoke(party, "export", "01-QC/TU", "--as-of", "2026-01-01", *options, "-o", str(out))
        assert result.exit_code == 0, result.output
        back = import_file(out)
        assert _front_and_preamble(back.text) == original, name
        assert "VĂN PHÒNG TỈNH ỦY" not in back.text and "XÁC THỰC" not in back.text, name


REAL = """BỘ TƯ PHÁP
Số: 07/VBHN-BTP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 10 tháng 12 năm 2013

NGHỊ ĐỊNH
VỀ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH

Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính, có hiệu lực kể \
từ ngày 14 tháng 10 năm 2010, được sửa đổi, bổ sung bởi:
Nghị định số 48/2013/NĐ-CP ngày 14 tháng 5 năm 2013 của Chính phủ sửa đổi, bổ sung một số điều của các nghị định \
liên quan đến kiểm soát thủ tục hành chính, có hiệu lực kể từ ngày 01 tháng 7 năm 2013.
Văn bản hợp nhất này thể hiện các quy định có hiệu lực tính đến ngày 01 tháng 7 năm 2013.

CHÍNH PHỦ

Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về kiểm soát thủ tục hành chính.

Điều 2. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành kể từ ngày 14 tháng 10 năm 2010.

XÁC THỰC VĂN BẢN HỢP NHẤT
BỘ TRƯỞNG
Hà Hùng Cường
"""


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_an_office_s_vbhn_file_gives_the_base_s_front_matter_from_its_opening(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"07-VBHN-BTP{suffix}"
    source.write_text(REAL, encoding="utf-8")
    meta, preamble = _front_and_preamble(import_file(source).text)
    assert (meta["id"], str(meta["signed"]), str(meta["effective"]), meta["issuer"]) == (
        "63/2010/NĐ-CP", "2010-06-08", "2010-10-14", "CHÍNH PHỦ")
    assert "signer" not in meta and "place" not in meta and "number" not in meta
    assert preamble.split() == "CHÍNH PHỦ Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;".split()
    # Without the issuer's name over the bases, the note says what the copy could not give back.
    source.write_text(REAL.replace("CHÍNH PHỦ\n\n", ""), encoding="utf-8")
    result = import_file(source)
    said = " ".join(n.message for n in result.report.notes)
    assert "It could not give back issuer, place, signer, recipients: fill them in from the base document" in said
    assert "BỘ TƯ PHÁP" not in result.text and "Hà Hùng Cường" not in result.text


def _refused(ws: Workspace, invoke: Invoke, out: Path, *args: str) -> str:
    result = invoke(ws, "export", *args, "-o", str(out))
    assert result.exit_code != 0, result.output
    assert not out.exists()
    return " ".join(result.output.split())


def test_only_a_consolidated_text_is_numbered_and_authenticated(party: Workspace, invoke: Invoke,
                                                                tmp_path: Path) -> None:
    said = _refused(party, invoke, tmp_path / "en.pdf", "01-QC/TU-EN", "--as-of", "2026-01-01", *ISSUED)
    assert ("01-QC/TU-EN is a translation of 01-QC/TU that does not contain its amendments in force on 2026-01-01 "
            "(05-QC/TU, in force from 2025-10-20), so VĂN PHÒNG TỈNH ỦY cannot number or authenticate it") in said
    said = _refused(party, invoke, tmp_path / "vi.pdf", "01-QC/TU", "--as-of", "2025-01-01", *ISSUED)
    assert "01-QC/TU has no amendment in force on 2025-01-01: there is nothing to consolidate" in said
    said = _refused(party, invoke, tmp_path / "early.pdf", "01-QC/TU", "--as-of", "2026-01-01", "--number",
                    "09/VBHN-VPTU", "--signed", "2024-01-05")
    assert ("The consolidated copy of 01-QC/TU cannot be authenticated on 2024-01-05: it includes 05-QC/TU, signed "
            "on 2025-10-20, after that day") in said
    # A copy for reference without a number, and the copy authenticated on the day, are written.
    assert invoke(party, "export", "01-QC/TU", "--as-of", "2025-01-01", "-o", str(tmp_path / "a.html")).exit_code == 0
    assert invoke(party, "export", "01-QC/TU", "--as-of", "2025-10-20", "--number", "09/VBHN-VPTU", "--signed",
                  "2025-10-20", "-o", str(tmp_path / "b.html")).exit_code == 0


def test_an_unreadable_signer_is_not_printed_as_an_empty_authentication(party: Workspace, invoke: Invoke,
                                                                        tmp_path: Path) -> None:
    config = party.path("regdraft.yaml")
    written = config.read_text(encoding="utf-8")
    config.write_text(written.replace("  signer:\n    name: Nguyễn Văn A\n    title: CHÁNH VĂN PHÒNG\n",
                                      "  signer: Nguyễn Văn A\n"), encoding="utf-8")
    assert "signer: Nguyễn Văn A" in config.read_text(encoding="utf-8")
    said = _refused(party, invoke, tmp_path / "x.html", "01-QC/TU", "--as-of", "2026-01-01")
    assert "The consolidated copy of 01-QC/TU cannot be authenticated: regdraft.yaml's consolidation: names its " \
           "signer in a way the copy cannot read" in said


@needs_corpus
def test_a_decree_copy_is_not_authenticated_before_its_amending_decree_was_signed(decree: Path,  # noqa: F811
                                                                                  tmp_path: Path) -> None:
    root = _framed(decree, tmp_path)
    out = tmp_path / "early.docx"
    said = " ".join(_run(root, "export", "63/2010/NĐ-CP", "--as-of", "2013-07-01", "--number", "07/VBHN-BTP",
                         "--signed", "2012-01-01", "-o", str(out), code=2).split())
    assert ("The consolidated copy of 63/2010/NĐ-CP cannot be authenticated on 2012-01-01: it includes "
            "48/2013/NĐ-CP, signed on 2013-05-14, after that day; nothing was written.") in said
    assert not out.exists()


@needs_corpus
def test_an_authenticated_decree_copy_shows_the_text_in_force_on_its_day(decree: Path,  # noqa: F811
                                                                          tmp_path: Path) -> None:
    """r36 BL 1: without `--as-of`, the copy authenticated on 10/12/2013 is the text in force that day, as its opening
    says; it said the text in force today, years after it was authenticated. A date after the day of authentication
    is refused: a consolidated text cannot show provisions in force after it was authenticated."""
    root = _framed(decree, tmp_path)
    out = tmp_path / "vbhn.md"
    said = " ".join(_run(root, "export", "63/2010/NĐ-CP", "--number", "07/VBHN-BTP", "--signed", "2013-12-10",
                         "-o", str(out)).split())
    assert "the text in force on 2013-12-10, the day it is authenticated (--signed) (48/2013/NĐ-CP;" in said
    text = " ".join(out.read_text(encoding="utf-8").split())
    assert "Văn bản hợp nhất này thể hiện các quy định có hiệu lực tính đến ngày 10 tháng 12 năm 2013." in text
    late = tmp_path / "late.md"
    said = " ".join(_run(root, "export", "63/2010/NĐ-CP", "--as-of", "2014-01-01", "--number", "07/VBHN-BTP",
                         "--signed", "2013-12-10", "-o", str(late), code=2).split())
    assert ("The consolidated copy of 63/2010/NĐ-CP authenticated on 2013-12-10 cannot show the text in force on "
            "2014-01-01: a consolidated text shows the provisions in force up to the day it is authenticated") in said
    assert "(Options: --as-of DATE, --signed DATE.)" in said and not late.exists()


def test_a_regulation_naming_the_authentication_in_an_article_is_read_as_itself(tmp_path: Path) -> None:
    """Pháp lệnh 01/2012's own articles speak of `xác thực văn bản hợp nhất`: only the block's heading on a line of its
    own, or a `…/VBHN-…` number, makes a file a consolidated copy."""
    source = tmp_path / "pl.txt"
    header = REAL.split("\nNGHỊ ĐỊNH\n")[0].replace("BỘ TƯ PHÁP\nSố: 07/VBHN-BTP",
                                                   "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nSố: 01/2012/UBTVQH13")
    source.write_text(header + "\nPHÁP LỆNH\nHợp nhất văn bản quy phạm pháp luật\n\nĐiều 1. Xác thực\n"
                      "Thủ trưởng cơ quan ký xác thực văn bản hợp nhất.\n", encoding="utf-8")
    meta, _ = _front_and_preamble(import_file(source).text)
    assert (meta["id"], meta["issuer"], str(meta["signed"])) == ("01/2012/UBTVQH13", "ỦY BAN THƯỜNG VỤ QUỐC HỘI",
                                                                 "2013-12-10")


_DECREE = """CHÍNH PHỦ
--------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 12/2025/NĐ-CP

Hà Nội, ngày 10 tháng 1 năm 2025

NGHỊ ĐỊNH

QUY ĐỊNH VỀ HỢP NHẤT VĂN BẢN

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015 đã được sửa đổi, bổ sung bởi Luật số 47/2019/QH14;

Chính phủ ban hành Nghị định quy định về hợp nhất văn bản.

Điều 1. Phạm vi điều chỉnh

Nghị định này quy định về hợp nhất văn bản quy phạm pháp luật.

Điều 2. Hiệu lực thi hành

Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2025.

TM. CHÍNH PHỦ
THỦ TƯỚNG

Phạm Minh Chính
"""


@pytest.mark.parametrize("case", ["draft", "form"])
def test_a_draft_s_blank_date_or_a_form_s_heading_alone_is_no_consolidated_copy(tmp_path: Path, case: str) -> None:
    """Sweep r26/T: a draft dated `ngày  tháng  năm 2025`, or a decree whose appendix is the authentication page's form,
    was taken for an issued copy: its issuer, number, place and signature dropped, the form's text left out."""
    text = (_DECREE.replace("ngày 10 tháng 1 năm 2025", "ngày  tháng  năm 2025") if case == "draft" else
            _DECREE + "\nPHỤ LỤC\n\nMẪU TRANG XÁC THỰC\n\nXÁC THỰC VĂN BẢN HỢP NHẤT\n\nBỘ TRƯỞNG\n")
    source = tmp_path / f"{case}.txt"
    source.write_text(text, encoding="utf-8")
    result = import_file(source)
    meta, _ = _front_and_preamble(result.text)
    assert (meta["id"], meta["issuer"]) == ("12/2025/NĐ-CP", "CHÍNH PHỦ"), result.text[:600]
    assert "consolidated copy" not in " ".join(n.message for n in result.report.notes)
    if case == "form":
        assert "MẪU TRANG XÁC THỰC" in result.text and "XÁC THỰC VĂN BẢN HỢP NHẤT" in result.text
        assert str(meta["signed"]) == "2025-01-10"


@pytest.mark.parametrize("number", [(), ("--number", ""), ("--number", "  ")], ids=["none", "empty", "spaces"])
def test_a_copy_with_nothing_to_consolidate_is_written_without_the_bodys_frame(party: Workspace, invoke: Invoke,
                                                                               tmp_path: Path,
                                                                               number: tuple[str, ...]) -> None:
    """Without a number and a day, a text never amended (and a translation lacking 05-QC/TU) was written as the
    body's consolidated copy all the same: its header `Số       -VBHN/VPTU`, VĂN BẢN HỢP NHẤT and XÁC THỰC VĂN BẢN HỢP
    NHẤT, blanks to fill in, which the numbered copy refuses. It is written as a copy for reference, without the
    frame, and the export says why (the numbered copy is still refused)."""
    cases = (("01-QC/TU", "2025-01-01", "01-QC/TU has no amendment in force on 2025-01-01: there is nothing to "
              "consolidate"),
             ("01-QC/TU-EN", "2026-01-01", "01-QC/TU-EN does not contain every amendment of its original in force on "
              "2026-01-01"))
    for name, day, why in cases:
        out = tmp_path / f"{name.replace('/', '-')}.html"
        result = invoke(party, "export", name, "--as-of", day, *number, "-o", str(out))
        assert result.exit_code == 0, result.output
        assert (f"{why}, so this is a copy for reference, without VĂN PHÒNG TỈNH ỦY's header and authentication of a "
                "consolidated text.") in " ".join(result.output.split())
        html = out.read_text(encoding="utf-8")
        assert "XÁC THỰC VĂN BẢN HỢP NHẤT" not in html and "VBHN" not in html and "VĂN PHÒNG TỈNH ỦY" not in html
    # Amended: the body's copy with its blanks, as before.
    out = tmp_path / "c.html"
    assert invoke(party, "export", "01-QC/TU", "--as-of", "2026-01-01", *number, "-o", str(out)).exit_code == 0
    assert "XÁC THỰC VĂN BẢN HỢP NHẤT" in out.read_text(encoding="utf-8")


def test_a_day_of_authentication_far_ahead_is_written_with_a_warning(party: Workspace, invoke: Invoke,
                                                                     tmp_path: Path) -> None:
    # r37 sweep BP F6: `--signed 9999-12-31` was accepted without a word. A copy prepared for a signing within a week
    # is no mistake; further ahead it is written all the same, and the warning names the day.
    import datetime as dt

    today = dt.date.today()
    for ahead, warned in ((7, False), (8, True), (None, True)):  # docs/export.md: up to 7 days ahead, no warning
        day = dt.date(9999, 12, 31) if ahead is None else today + dt.timedelta(days=ahead)
        out = tmp_path / f"{day}.md"
        result = invoke(party, "export", "01-QC/TU", "--number", "09/VBHN-VPTU", "--signed", day.isoformat(), "-o",
                        str(out))
        assert result.exit_code == 0 and out.exists(), result.output
        said = " ".join(result.output.split())
        assert f"the text in force on {day}, the day it is authenticated (--signed)" in said
        if warned:
            assert (f"Warning: the copy is authenticated on {day}, {(day - today).days:,} days after today "
                    f"({today}): a consolidated copy is authenticated on the day it is signed, and a day so far ahead "
                    "is usually a mistyped date.") in said, said
        else:
            assert "Warning" not in said, said

"""The frame of a consolidated copy (sweep r25/C, defects 3 and 8): the base's signature is never printed as if the
copy were signed (`(Đã ký)` in its place); a consolidating body set in regdraft.yaml (`consolidation:`) heads the copy
with its name, its number (`Số: 07/VBHN-BTP`, else a blank in its series) and date, and closes it with `XÁC THỰC VĂN
BẢN HỢP NHẤT`, its signer and recipients, in place of the base's; `CHÍNH PHỦ` over a decree's bases is kept.

Nghị định 63/2010/NĐ-CP with Nghị định 48/2013/NĐ-CP from ../shared/corpus/amendments (skipped where it is absent),
exported through the CLI; the shipped Party workspace for the Party profile's words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from regdraft.cli import cli
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import SHARED, Invoke, in_corpus, needs_corpus
from tests.test_render_pdf import pdf_text

DECREES = SHARED / "corpus" / "amendments" / "nd-63-2010"
GAP = "\u00a0" * 6
FRAME = {"consolidation": {"body": "BỘ TƯ PHÁP", "code": "VBHN-BTP",
                           "signer": {"title": "BỘ TRƯỞNG", "name": "Hà Hùng Cường"},
                           "recipients": ["Văn phòng Chính phủ (để đăng Công báo);", "Lưu: VT, KSTT."]}}


def _run(root: Path, *args: str, code: int = 0) -> str:
    command, rest = (list(args[:2]), list(args[2:])) if args[0] == "amend" else ([args[0]], list(args[1:]))
    result = CliRunner().invoke(cli, [*command, "-C", str(root), *rest])
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture(scope="module")
def decree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    in_corpus(DECREES)
    root = tmp_path_factory.mktemp("nd63") / "ws"
    init_workspace(root)
    _run(root, "import", str(DECREES / "base-63-2010-ND-CP.txt"))
    _run(root, "amend", "import", str(DECREES / "amending-48-2013-ND-CP.txt"), "--slug", "nd-48-2013")
    _run(root, "amend", "adopt", "nd-48-2013")
    return root


@cache
def _export(root: Path, suffix: str, *options: str) -> Path:
    """The consolidated copy of `root` exported to `suffix` (once a process for each: the module's `decree` is read
    by several tests, which read its exports and change nothing)."""
    out = root.parent / f"hop-nhat-{len(options)}{suffix}"
    _run(root, "export", "63/2010/NĐ-CP", "--as-of", "2013-07-01", *options, "-o", str(out))
    return out


@cache
def _pdf_words(path: Path) -> str:
    """The words of the PDF at `path`, one space between them (read once a process for each file)."""
    return " ".join(pdf_text(path).split())


def _framed(root: Path, tmp_path: Path) -> Path:
    """A copy of the workspace `root` whose regdraft.yaml names the consolidating body."""
    import shutil

    copy = tmp_path / "framed"
    shutil.copytree(root, copy)
    config = copy / "regdraft.yaml"
    config.write_text(config.read_text(encoding="utf-8") + yaml.safe_dump(FRAME, allow_unicode=True), encoding="utf-8")
    return copy


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


@needs_corpus
def test_a_copy_for_reference_marks_the_base_s_signature_as_a_copy_s(decree: Path) -> None:
    html = _export(decree, ".html").read_text(encoding="utf-8")
    assert ('<p class="signer-title">THỦ TƯỚNG</p><p class="signer-note">(Đã ký)</p><p class="signer-name">Nguyễn Tấn '
            'Dũng</p>') in html
    assert "VĂN BẢN HỢP NHẤT (bản để tham khảo)" in html
    pdf = _pdf_words(_export(decree, ".pdf"))
    assert "(Đã ký)" in pdf and "Nguyễn Tấn Dũng" in pdf and "VĂN BẢN HỢP NHẤT (bản để tham khảo)" in pdf
    assert "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\n(Đã ký)\nNguyễn Tấn Dũng" in _docx_text(_export(decree, ".docx"))
    # The Markdown copy prints no signature: its front matter keeps the base's signer as data, as imported.
    front = yaml.safe_load(_export(decree, ".md").read_text(encoding="utf-8").split("---\n")[1])
    assert front["signer"] == {"on_behalf": "TM. CHÍNH PHỦ", "title": "THỦ TƯỚNG", "name": "Nguyễn Tấn Dũng"}


@needs_corpus
def test_the_government_s_name_over_the_decree_s_bases_is_kept_in_every_format(decree: Path) -> None:
    # Nghị định 63/2010: `CHÍNH PHỦ` / `Căn cứ Luật Tổ chức Chính phủ …` under the title; it was dropped on import.
    md = _export(decree, ".md").read_text(encoding="utf-8")
    assert "\n\nCHÍNH PHỦ\n\nCăn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;" in md
    html = _export(decree, ".html").read_text(encoding="utf-8")
    assert '<p class="preamble standing">CHÍNH PHỦ</p>\n<p class="preamble">Căn cứ Luật Tổ chức Chính phủ' in html
    import docx

    paragraphs = docx.Document(str(_export(decree, ".docx"))).paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Căn cứ Luật Tổ chức Chính phủ"))
    style = paragraphs[at - 1].style
    assert paragraphs[at - 1].text == "CHÍNH PHỦ" and style is not None and style.name == "Dòng phần mở đầu"
    pdf = _pdf_words(_export(decree, ".pdf"))
    assert "chỉ dùng để tham khảo. CHÍNH PHỦ Căn cứ Luật Tổ chức Chính phủ" in pdf
    # The amending decree's basis note quotes its bases, never a body's name over them.
    assert "có căn cứ ban hành như sau: “Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;" in md


@needs_corpus
def test_a_consolidating_body_heads_and_authenticates_the_copy(decree: Path, tmp_path: Path) -> None:
    root = _framed(decree, tmp_path)
    html = _export(root, ".html").read_text(encoding="utf-8")
    assert '<div class="issuer">BỘ TƯ PHÁP</div>' in html
    assert f'<div class="number">Số: {GAP}/VBHN-BTP</div>' in html  # no number given: a blank in its series
    assert re.search(f"Hà Nội, ngày{GAP}tháng{GAP}năm \\d{{4}}</div>", html)
    assert ('<p class="on-behalf">XÁC THỰC VĂN BẢN HỢP NHẤT</p><p class="signer-title">BỘ TRƯỞNG</p>'
            '<p class="signer-space">&nbsp;</p><p class="signer-name">Hà Hùng Cường</p>') in html
    assert "- Văn phòng Chính phủ (để đăng Công báo);" in html
    for gone in ("63/2010/NĐ-CP</div>", "ngày 08 tháng 6 năm 2010</div>", "Nguyễn Tấn Dũng", "TM. CHÍNH PHỦ",
                 "Ban Bí thư Trung ương Đảng", "tham khảo", "(Đã ký)", '<p class="consolidated-banner">'):
        assert gone not in html, gone
    assert "Văn bản hợp nhất này thể hiện các quy định có hiệu lực tính đến ngày 01 tháng 7 năm 2013.</p>" in html
    assert "<title>VĂN BẢN HỢP NHẤT - Nghị định số 63/2010/NĐ-CP về kiểm soát thủ tục hành chính</title>" in html

    given = ("--number", "07/VBHN-BTP", "--signed", "2013-12-10")
    pdf = _pdf_words(_export(root, ".pdf", *given))
    assert pdf.startswith("BỘ TƯ PHÁP Số: 07/VBHN-BTP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc "
                          "Hà Nội, ngày 10 tháng 12 năm 2013 NGHỊ ĐỊNH Về kiểm soát thủ tục hành chính"), pdf[:200]
    assert "XÁC THỰC VĂN BẢN HỢP NHẤT" in pdf and "Hà Hùng Cường" in pdf and "Nguyễn Tấn Dũng" not in pdf
    word = _docx_text(_export(root, ".docx", *given))
    assert "BỘ TƯ PHÁP\nSố: 07/VBHN-BTP" in word and "Hà Nội, ngày 10 tháng 12 năm 2013" in word
    assert "XÁC THỰC VĂN BẢN HỢP NHẤT\nBỘ TRƯỞNG" in word and "Nguyễn Tấn Dũng" not in word
    assert "(bản để tham khảo)" not in word
    md = _export(root, ".md", *given).read_text(encoding="utf-8")
    front = yaml.safe_load(md.split("---\n")[1])["consolidated"]
    assert (front["issued_by"], front["number"], str(front["signed"])) == ("BỘ TƯ PHÁP", "07/VBHN-BTP", "2013-12-10")
    assert front["authenticated_by"] == {"title": "BỘ TRƯỞNG", "name": "Hà Hùng Cường"}
    assert "**VĂN BẢN HỢP NHẤT**" in md and "(bản để tham khảo)" not in md


@needs_corpus
def test_a_number_without_a_consolidating_body_is_refused(decree: Path) -> None:
    said = " ".join(_run(decree, "export", "63/2010/NĐ-CP", "--number", "07/VBHN-BTP", "-o",
                         str(decree.parent / "x.md"), code=2).split())
    assert "--number is the consolidated copy's, printed in the header of the body that issues it" in said
    assert not (decree.parent / "x.md").exists()


def test_a_party_copy_takes_the_party_words(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # 05-QC/TU adopted: a text never amended has nothing to consolidate, and is written without the body's frame.
    adopted = invoke(tmp_workspace, "amend", "adopt", "qc-sua-doi-2025", "--signed", "2025-03-28", "--force",
                     "--reason", "test")
    assert adopted.exit_code == 0, adopted.output
    config = tmp_workspace.path("regdraft.yaml")
    frame = {"consolidation": {"body": "VĂN PHÒNG TỈNH ỦY", "superior": "ĐẢNG BỘ TỈNH ĐIỆN BIÊN",
                               "code": "VBHN/VPTU", "signer": {"title": "CHÁNH VĂN PHÒNG", "name": "Lò Văn Mừng"}}}
    config.write_text(config.read_text(encoding="utf-8") + yaml.safe_dump(frame, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "hn.html"
    result = invoke(tmp_workspace, "export", "01-QC/TU", "--as-of", "2025-06-01", "-o", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert '<div class="superior">ĐẢNG BỘ TỈNH ĐIỆN BIÊN</div><div class="issuer">VĂN PHÒNG TỈNH ỦY</div>' in html
    assert f'<div class="number">Số {GAP}-<span class="nobr">VBHN/VPTU</span></div>' in html
    assert '<p class="on-behalf">XÁC THỰC VĂN BẢN HỢP NHẤT</p><p class="signer-title">CHÁNH VĂN PHÒNG</p>' in html
    assert "BÍ THƯ" not in html.split('<table class="signature-block">')[1]


def test_the_words_are_in_both_profiles_and_languages() -> None:
    from regdraft.render.profile import load_profile

    for name in ("party-36", "state-30"):
        profile = load_profile({"profile": name})
        assert profile.words("vi")["authentication"] == "XÁC THỰC VĂN BẢN HỢP NHẤT"
        assert profile.words("en")["authentication"] == "AUTHENTICATION OF THE CONSOLIDATED TEXT"
        assert profile.words("vi")["consolidated_signed"] == "(Đã ký)" and profile.words("en")[
            "consolidated_signed"] == "(Signed)"
    assert load_profile({"profile": "state-30"}).words("vi")["consolidation_blank"] == "{gap}/{code}"
    assert load_profile({"profile": "party-36"}).words("en")["consolidation_blank"] == "{gap}-{code}"


def test_check_names_a_consolidation_setting_it_cannot_read(tmp_workspace: Workspace, invoke: Invoke) -> None:
    config = tmp_workspace.path("regdraft.yaml")
    config.write_text(config.read_text(encoding="utf-8") + "consolidation:\n  body: BỘ TƯ PHÁP\n  signer: Hà Hùng "
                      "Cường\n  numbr: 07/VBHN-BTP\n", encoding="utf-8")
    said = " ".join(invoke(tmp_workspace, "check").output.split())
    assert "consolidation's signer is not read" in said
    assert "the setting 'numbr' under consolidation is unknown and has no effect" in said
    assert "the setting 'consolidation' is unknown" not in said


def test_an_article_is_quoted_in_its_clause_only_when_each_clause_names_one_law() -> None:
    from regdraft.core.closing_notes import concerning, named_documents, provisions_note
    from regdraft.render.profile import load_profile

    @dataclass(frozen=True)
    class Article:
        label: str
        title: str | None
        paragraphs: tuple[str, ...]

    title = "Luật sửa đổi, bổ sung một số điều của Luật A, Luật B theo phương thức C và Luật B"
    assert named_documents(title) == ("Luật A", "Luật B theo phương thức C", "Luật B")
    assert named_documents("Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống tham nhũng và Luật B") == ()
    assert named_documents("Nghị định sửa đổi, bổ sung một số điều của các nghị định liên quan đến …") == ()
    six = Article("6", "Quy định chuyển tiếp", ("1\\. Chuyển tiếp Luật A như sau:", "a) x;",
                                               "2\\. Chuyển tiếp Luật B theo phương thức C như sau:", "a) y;",
                                               "3\\. Chuyển tiếp Luật B như sau:", "a) z;", "Đoạn tiếp."))
    (kept,) = concerning([six], "Luật B", title)
    assert kept.paragraphs == ("…", "3\\. Chuyển tiếp Luật B như sau:", "a) z;", "Đoạn tiếp.")
    words = load_profile({"profile": "state-30"}).words("vi")
    assert provisions_note([kept], "Luật số 1/2026/QH15", "", "vi", words).startswith("Khoản 3 Điều 6 của Luật số")
    # Quoted whole: a clause naming none or two of the laws, words before the first clause, or a law not named.
    for paragraphs in (("1\\. Chung cho mọi luật.", "2\\. Chuyển tiếp Luật B như sau:"),
                       ("1\\. Luật A và Luật B như sau:", "2\\. Chuyển tiếp Luật B như sau:"),
                       ("Mở đầu.", "1\\. Chuyển tiếp Luật A:", "2\\. Chuyển tiếp Luật B như sau:")):
        article = Article("6", None, paragraphs)
        assert concerning([article], "Luật B", title) == (article,)
    assert concerning([six], "Luật D", title) == (six,)


def test_an_entry_article_is_quoted_in_the_clauses_about_the_text_and_those_they_cite() -> None:
    """A clause about the whole amending document (`Luật này có hiệu lực …`) stays, with the clauses it cites; one
    about another document (`Bãi bỏ Điều 39 … của Luật Thủ đô …`) or about the document's articles amending others
    (`… Điều 3 của Luật này …`, when the text is amended by Điều 4) is `…` (r31 sweep AT 2)."""
    from regdraft.core.closing_notes import concerning, provisions_note
    from regdraft.render.profile import load_profile

    @dataclass(frozen=True)
    class Article:
        label: str
        title: str | None
        paragraphs: tuple[str, ...]

    title = "Luật sửa đổi, bổ sung một số điều của Luật A và Luật B"
    five = Article("5", "Điều khoản thi hành", (
        "1\\. Bãi bỏ Điều 39 và Điều 40 của Luật Thủ đô số 39/2024/QH15.",
        "2\\. Luật này có hiệu lực từ ngày 15 tháng 01 năm 2025, trừ trường hợp quy định tại khoản 4 Điều này.",
        "3\\. Quy định tại khoản 2 Điều 1 của Luật này có hiệu lực từ ngày 01 tháng 7 năm 2025.",
        "4\\. Quy định tại khoản 5 Điều 2 của Luật này có hiệu lực từ ngày 01 tháng 7 năm 2025.",
        "5\\. Bãi bỏ Nghị định số 12/2020/NĐ-CP."))
    (kept,) = concerning([five], "Luật B", title, number="22/2023/QH15", amending="2")
    assert kept.paragraphs == ("…", five.paragraphs[1], "…", five.paragraphs[3], "…")
    words = load_profile({"profile": "state-30"}).words("vi")
    assert provisions_note([kept], "Luật số 1/2026/QH15", "", "vi", words).startswith(
        "Khoản 2 và khoản 4 Điều 5 của Luật số")
    # Amended by Điều 1, the text keeps khoản 3 and khoản 2 (which cites khoản 4: kept with it).
    (by_one,) = concerning([five], "Luật B", title, number="22/2023/QH15", amending="1")
    assert by_one.paragraphs == ("…", *five.paragraphs[1:4], "…")
    assert provisions_note([by_one], "X", "", "vi", words).startswith("Các khoản 2, 3 và 4 Điều 5 của X")
    # The article cited by its own number (`khoản 4 Điều 5 của Luật này`, in Điều 5) is `Điều này`.
    own = Article("5", five.title, (five.paragraphs[0], five.paragraphs[1].replace("Điều này", "Điều 5 của Luật này"),
                                    *five.paragraphs[2:]))
    assert concerning([own], "Luật B", title, amending="2")[0].paragraphs == ("…", own.paragraphs[1], "…",
                                                                            own.paragraphs[3], "…")
    # A clause naming the text (by its name or number) stays whatever else it names.
    named = Article("5", None, ("1\\. Bãi bỏ Điều 3 của Luật Thủ đô.", "2\\. Sửa Nghị định số 9/2024/NĐ-CP và Luật "
                                "số 22/2023/QH15 cho phù hợp."))
    assert concerning([named], "Luật B", title, number="22/2023/QH15", amending="2")[0].paragraphs[1:] == (
        named.paragraphs[1],)
    # Clauses all about the whole document (Nghị định 48/2013's Điều 5), or none about the text: quoted whole.
    whole = Article("5", None, ("1\\. Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2013.",
                                "2\\. Các Bộ trưởng chịu trách nhiệm thi hành Nghị định này."))
    assert concerning([whole], "Nghị định về X", "Nghị định sửa đổi các nghị định liên quan", number="63/2010/NĐ-CP",
                      amending="1") == (whole,)
    others = Article("5", None, five.paragraphs[:1] + five.paragraphs[4:])
    assert concerning([others], "Luật B", title, amending="2") == (others,)


def test_the_names_of_the_amending_title_are_made_one_pattern_for_every_clause() -> None:
    """The pattern finding the title's names was escaped and joined again for each clause: 2,000 names and 1,000
    clauses took 7 s (r32 sweep AW F8). Counted: the names `closing_notes` escapes, the same for 200 clauses as for
    20."""
    from regdraft.core.closing_notes import concerning
    from tests.counting import events

    @dataclass(frozen=True)
    class Article:
        label: str
        title: str | None
        paragraphs: tuple[str, ...]

    title = "Luật sửa đổi, bổ sung một số điều của " + ", ".join(f"Luật Số{i} Mới" for i in range(50)) + " và Luật B"
    escaped = []
    for clauses in (20, 200):
        article = Article("5", "Điều khoản thi hành", tuple(f"{i}\\. Quy định chuyển tiếp các việc khác nhau."
                                                            for i in range(1, clauses + 1)))
        count, _ = events(lambda: concerning([article], "Luật B", title),  # noqa: B023 - called at once
                          lambda frame, event: event == "call" and frame.f_code.co_name == "escape"
                          and frame.f_back is not None and frame.f_back.f_code.co_filename.endswith("closing_notes.py"))
        escaped.append(count)
    assert escaped[0] == escaped[1] <= 52

"""Document profiles as data: the shipped Party and state profiles, workspace overrides, the choice by
regdraft.yaml or front matter, and the state header and signature of Nghị định 30/2020/NĐ-CP (golden)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from regdraft.core.errors import RegdraftError
from regdraft.core.markdown import parse
from regdraft.render.html import document_header
from regdraft.render.profile import load_profile, shipped_texts, shipped_words
from regdraft.workspace.export import export_regulation
from regdraft.workspace.memory import memory_workspace
from regdraft.workspace.profiles import profile_for
from regdraft.workspace.store import Workspace
from tests.conftest import unwrapped, word_text

GOLDEN = Path(__file__).resolve().parent / "golden"
DECISION = Path(__file__).resolve().parent / "fixtures" / "profiles" / "decision.md"


def test_every_shipped_profile_has_every_phrase_in_both_languages() -> None:
    assert set(shipped_texts()) >= {"party-36", "state-30"}
    for name in shipped_texts():
        profile = load_profile({"profile": name})
        for language in ("vi", "en"):
            words = profile.words(language)
            assert set(shipped_words()) <= set(words), (name, language)
            assert all(words[key].strip() for key in shipped_words())
        assert profile.words("en")["recipients"] == "Recipients:"  # not the Vietnamese fallback


def test_the_state_profile_prints_the_decree_30_header() -> None:
    state = load_profile({"profile": "state-30"})
    header = document_header(parse(DECISION.read_bytes()).meta, state)
    assert (header.national, header.motto) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert header.number == "Số: 15/2024/QĐ-UBND"
    assert header.place_date == "Điện Biên, ngày 05 tháng 3 năm 2024"
    assert header.issuer_mark == ""
    assert (state.page_numbers, state.number_first_page, state.rule_under) == ("top", False, "motto")
    party = load_profile({})
    assert document_header(parse(DECISION.read_bytes()).meta, party).number == "Số 15/2024/QĐ-UBND"


def test_front_matter_chooses_over_the_workspace_settings() -> None:
    assert load_profile({"profile": "party-36"}, {"profile": "state-30"}).name == "state-30"
    assert load_profile({"profile": "state-30"}, {}).name == "state-30"
    assert load_profile({}, {"id": "x"}).name == "party-36"
    with pytest.raises(RegdraftError, match=r"profile 'so-tay' is unknown; use one of org, party-36, state-30"):
        load_profile({}, {"profile": "so-tay"})


def test_a_workspace_overrides_and_adds_profiles() -> None:
    ws = memory_workspace({
        "regdraft.yaml": b"profile: party-36\n",
        "profiles/party-36.yaml": b"fonts:\n  body_pt: 13\n",
        "profiles/so-noi-vu.yaml": "base: state-30\nwords:\n  vi:\n    recipients: 'Nơi gửi:'\n".encode(),
    })
    party = profile_for(ws)
    assert (party.body_pt, party.national_default, party.words("vi")["number"]) == (13, "ĐẢNG CỘNG SẢN VIỆT NAM", "Số")
    own = profile_for(ws, {"profile": "so-noi-vu"})
    assert own.words("vi")["recipients"] == "Nơi gửi:" and own.number_colon and own.motto
    assert own.words("vi")["page"] == "Trang"


def test_a_header_line_overridden_without_its_english_prints_in_both_languages() -> None:
    # A board's profile gave `header.national` alone; its English documents printed the base's SOCIALIST REPUBLIC
    # OF VIETNAM, as `national_en` was inherited while `national` was not.
    ws = memory_workspace({"profiles/board.yaml": b"base: state-30\nheader:\n  national: NORTHWIND HOLDINGS\n"
                                                  b"  motto: Board papers\n",
                           "profiles/both.yaml": b"base: state-30\nheader:\n  national: X\n  national_en: Y\n"})
    english = {"language": "en", "profile": "board"}
    header = document_header(english, profile_for(ws, english))
    assert (header.national, header.motto) == ("NORTHWIND HOLDINGS", "Board papers")
    assert document_header({"language": "vi"}, profile_for(ws, english)).national == "NORTHWIND HOLDINGS"
    both = {"language": "en", "profile": "both"}
    assert document_header(both, profile_for(ws, both)).national == "Y"
    assert document_header({"language": "en"}, load_profile({"profile": "state-30"})).national == (
        "SOCIALIST REPUBLIC OF VIETNAM")


@pytest.mark.parametrize(("text", "message"), [
    ("fonts:\n  colour: red\n", r"profiles/x\.yaml|the profile x: the key fonts\.colour is unknown"),
    ("base: x\n", r"leads back to itself"),
    ("words: [a, b]\n", r"`words` holds one list of phrases per language"),
    ("fonts: [\n", r"is not valid YAML"),
    ("words:\n  vi:\n    reference_broken: '{source} cites {where}'\n",
     r"words\.vi\.reference_broken: the field \{where\} is unknown; use \{quoted\}, \{source\}, \{target\}"),
    ("words:\n  en:\n    reference_changed: '{source'\n", r"words\.en\.reference_changed: the braces do not pair"),
])
def test_a_bad_workspace_profile_is_named(text: str, message: str) -> None:
    ws = memory_workspace({"profiles/x.yaml": text.encode()})
    with pytest.raises(RegdraftError, match=message):
        profile_for(ws, {"profile": "x"})


def _block(html: str, opening: str) -> str:
    found = re.search(rf"{re.escape(opening)}.*?</table>", html, re.S)
    assert found, opening
    return found.group(0) + "\n"


@pytest.mark.parametrize("part", ["header", "signature"])
def test_golden_state_header_and_signature(tmp_workspace: Workspace, request: pytest.FixtureRequest,
                                            part: str) -> None:
    tmp_workspace.commit({"regulations/15-2024-QĐ-UBND.md": DECISION.read_bytes()}, "Add a decision")
    out = tmp_workspace.root / "out" / "decision.html"
    export_regulation(tmp_workspace, "15/2024/QĐ-UBND", out, "html", "2024-06-01")
    html = out.read_text(encoding="utf-8")
    block = _block(html, '<table class="header-block">' if part == "header" else '<table class="signature-block">')
    golden = GOLDEN / f"state-30-{part}.html"
    if request.config.getoption("--update-golden") or not golden.exists():
        golden.write_text(block, encoding="utf-8")
    assert block == golden.read_text(encoding="utf-8")
    if part == "header":
        for line in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "ỦY BAN NHÂN DÂN<br>TỈNH ĐIỆN BIÊN", "Số: 15/2024/QĐ-UBND", "Điện Biên, ngày 05 tháng 3 năm 2024"):
            assert line in unwrapped(block)
        assert '<span class="nobr">15/2024/QĐ-UBND</span>' in block  # never broken at a slash
        # the rule goes under the motto, not the national line
        assert re.search(r"\.motto \{[^}]*border-bottom", html)
        assert not re.search(r"\.national \{[^}]*border-bottom", html)
    else:
        printed = re.findall(r'<p class="(recipients-title|recipient|on-behalf|signer-title|signer-name)">([^<]*)</p>',
                             block)
        assert printed == [("recipients-title", "Nơi nhận:"), ("recipient", "- Văn phòng Chính phủ;"),
                           ("recipient", "- Thường trực Tỉnh ủy;"), ("recipient", "- Như Điều 3;"),
                           ("recipient", "- Lưu: VT, NC."), ("on-behalf", "TM. ỦY BAN NHÂN DÂN"),
                           ("signer-title", "CHỦ TỊCH"), ("signer-name", "Lê Thành Đô")]
        assert re.search(r"\.recipients-title \{[^}]*font-size: 12pt", html)
        assert not re.search(r"\.recipients-title \{[^}]*underline", html)


def test_the_state_header_in_word_draws_the_rules_html_and_pdf_draw(tmp_workspace: Workspace) -> None:
    """Nghị định 30: a rule under the issuing agency and one under the motto, none under the national line."""
    import docx

    tmp_workspace.commit({"regulations/15-2024-QĐ-UBND.md": DECISION.read_bytes()}, "Add a decision")
    out = tmp_workspace.root / "out" / "decision.docx"
    export_regulation(tmp_workspace, "15/2024/QĐ-UBND", out, "docx", "2024-06-01")
    left, right = docx.Document(str(out)).tables[0].rows[0].cells
    ruled = {word_text(p.text) for cell in (left, right) for p in cell.paragraphs if _has_bottom_rule(p)}
    # The issuer prints over two lines (`ỦY BAN NHÂN DÂN` / `TỈNH ĐIỆN BIÊN`), the rule under the last.
    assert ruled == {"TỈNH ĐIỆN BIÊN", "Độc lập - Tự do - Hạnh phúc"}
    # The Party profile keeps its one rule, under the national line.
    party = tmp_workspace.root / "out" / "party.docx"
    export_regulation(tmp_workspace, "01-QC/TU", party, "docx")
    left, right = docx.Document(str(party)).tables[0].rows[0].cells
    assert {p.text for cell in (left, right) for p in cell.paragraphs if _has_bottom_rule(p)} == {
        "ĐẢNG CỘNG SẢN VIỆT NAM"}


def _has_bottom_rule(paragraph: Any) -> bool:
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    ppr = paragraph._p.pPr
    border = ppr.find(f"{w}pBdr/{w}bottom") if ppr is not None else None
    return border is not None and border.get(f"{w}val") == "single"


def test_the_national_line_is_one_line_in_word_and_html(tmp_workspace: Workspace) -> None:
    """`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` at 13 pt is 96 mm wide: the Word header's right column is made wide
    enough for it (58 % of a state page, less Word's cell margins, is not), and the HTML never wraps it."""
    import docx
    from docx.shared import Mm

    from regdraft.render.pdf import text_width_pt

    tmp_workspace.commit({"regulations/15-2024-QĐ-UBND.md": DECISION.read_bytes()}, "Add a decision")
    out = tmp_workspace.root / "out" / "decision.docx"
    export_regulation(tmp_workspace, "15/2024/QĐ-UBND", out, "docx", "2024-06-01")
    table = docx.Document(str(out)).tables[0]
    right = table.columns[1].width
    needed = Mm(text_width_pt("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True) * 25.4 / 72 + 2 * 1.9)
    assert right is not None and right > needed
    left = table.columns[0].width
    assert left is not None and left > Mm(45)  # the issuing agency keeps a column of its own
    html = tmp_workspace.root / "out" / "decision.html"
    export_regulation(tmp_workspace, "15/2024/QĐ-UBND", html, "html", "2024-06-01")
    assert re.search(r"\.national \{[^}]*white-space: nowrap", html.read_text(encoding="utf-8"))


ENGLISH_DECREE = b"""---
id: 63/2010/ND-CP
type: Decree
title: Decree on the control of administrative procedures
language: en
profile: state-30
issuer: THE GOVERNMENT
place: Hanoi
signed: 2010-06-08
---

## Article 1. Scope

This Decree governs the control of administrative procedures.
"""


def test_an_english_document_prints_the_national_line_and_motto_in_english(tmp_workspace: Workspace) -> None:
    """An English state text heads every document with SOCIALIST REPUBLIC OF VIETNAM / Independence - Freedom -
    Happiness (it printed the Vietnamese Quốc hiệu and Tiêu ngữ); an English Party text without `national` prints
    COMMUNIST PARTY OF VIETNAM; the front matter's own lines and Vietnamese documents are unchanged."""
    state, party = load_profile({"profile": "state-30"}), load_profile({})
    english = parse(ENGLISH_DECREE).meta
    header = document_header(english, state)
    assert (header.national, header.motto) == ("SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness")
    assert (document_header(english, party).national, document_header(english, party).motto) == (
        "COMMUNIST PARTY OF VIETNAM", "")
    own = document_header({**english, "national": "NORTHWIND HOLDINGS LIMITED", "motto": "Board papers"}, state)
    assert (own.national, own.motto) == ("NORTHWIND HOLDINGS LIMITED", "Board papers")
    vietnamese = document_header(parse(DECISION.read_bytes()).meta, state)
    assert (vietnamese.national, vietnamese.motto) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                       "Độc lập - Tự do - Hạnh phúc")
    assert document_header({"language": "vi"}, party).national == "ĐẢNG CỘNG SẢN VIỆT NAM"
    # The shipped English translation keeps the line its front matter gives.
    translation = parse((Path(__file__).resolve().parent.parent / "regulations" / "01-QC-TU-EN.md").read_bytes())
    assert document_header(translation.meta, party).national == "COMMUNIST PARTY OF VIETNAM"
    # The consolidated text's header as exported.
    tmp_workspace.commit({"regulations/63-2010-ND-CP.md": ENGLISH_DECREE}, "Add an English decree")
    out = tmp_workspace.root / "out" / "decree.html"
    export_regulation(tmp_workspace, "63/2010/ND-CP", out, "html")
    html = out.read_text(encoding="utf-8")
    assert "SOCIALIST REPUBLIC OF VIETNAM" in html and "Independence - Freedom - Happiness" in unwrapped(html)
    assert "CỘNG HÒA" not in html and "Độc lập" not in html

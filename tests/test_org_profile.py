"""An organisation's own rules (a company's Staff Rules, an association's Quy chế) print with no Party or state
header: the shipped `org` profile, `regdraft init --profile`, and the front matter's `national: ""`,
`motto: ""` and `issuer_mark: ""` (r27 sweep X defect 1: every printed document of an English company carried
COMMUNIST PARTY OF VIETNAM and the Party star, and `national: ""` could not remove it)."""

from __future__ import annotations

from pathlib import Path

from regdraft.render.html import document_header
from regdraft.render.profile import load_profile
from regdraft.workspace.export import export_regulation
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import Invoke

RULES = """---
id: 01/2024/SR-SH
type: Staff Rules
title: Staff Rules of Song Hong Manufacturing Company Limited
language: en
issuer: SONG HONG MANUFACTURING COMPANY LIMITED
place: Hanoi
signed: 2024-03-15
---

## Article 1. Scope

These Rules apply to every employee of the Company.

## Article 2. Working hours

The working week is forty hours.
"""

_PARTY = ("COMMUNIST PARTY", "ĐẢNG CỘNG SẢN", "Đảng", "Party", "Tỉnh ủy", "TỈNH ỦY", "STANDING BOARD", "BAN THƯỜNG VỤ")


def test_an_empty_header_line_in_the_front_matter_prints_none() -> None:
    party = load_profile({})
    for meta in ({"language": "en", "national": ""}, {"language": "vi", "national": None}):
        header = document_header({**meta, "issuer_mark": ""}, party)
        assert (header.national, header.issuer_mark) == ("", "")
    assert document_header({"motto": ""}, load_profile({"profile": "state-30"})).motto == ""
    # Not given: the profile's, as before
    header = document_header({"language": "en"}, party)
    assert (header.national, header.issuer_mark) == ("COMMUNIST PARTY OF VIETNAM", "*")


def test_the_org_profile_prints_no_national_line_motto_or_star_and_neutral_words() -> None:
    org = load_profile({"profile": "org"})
    for language in ("vi", "en"):
        header = document_header({"language": language, "issuer": "CÔNG TY TNHH A"}, org)
        assert (header.national, header.motto, header.issuer_mark) == ("", "", "")
        words = org.words(language)
        for key in ("amending_authority", "amending_preamble", "amending_entry", "decision_preamble",
                    "decision_implementation", "report_recipients", "report_on_behalf", "report_signer_title"):
            assert not any(party in words[key] for party in _PARTY), (language, key, words[key])
    assert org.words("en")["report_code"] != "BC"  # the Vietnamese `Báo cáo` code in an English series
    assert org.page_numbers and org.page_number_format  # page numbers still print


def test_an_english_company_exports_without_the_party_header(tmp_path: Path) -> None:
    ws = Workspace(init_workspace(tmp_path / "hr", profile="org").root)
    assert "profile: org\n" in (ws.root / "regdraft.yaml").read_text(encoding="utf-8")
    ws.commit({"regulations/01-2024-SR-SH.md": RULES.encode()}, "Staff Rules")
    out = ws.root / "out" / "rules.html"
    export_regulation(ws, "01/2024/SR-SH", out, "html", "2024-06-01")
    html = out.read_text(encoding="utf-8")
    assert "COMMUNIST PARTY" not in html and 'class="issuer-mark"' not in html
    assert "No. 01/2024/SR-SH" in html


def test_an_empty_national_line_removes_it_under_the_party_profile(tmp_workspace: Workspace) -> None:
    rules = RULES.replace("language: en\n", 'language: en\nnational: ""\nissuer_mark: ""\n')
    tmp_workspace.commit({"regulations/01-2024-SR-SH.md": rules.encode()}, "Staff Rules")
    out = tmp_workspace.root / "out" / "rules.html"
    export_regulation(tmp_workspace, "01/2024/SR-SH", out, "html", "2024-06-01")
    html = out.read_text(encoding="utf-8")
    assert "COMMUNIST PARTY" not in html and 'class="issuer-mark"' not in html


def test_init_chooses_the_profile_and_says_which(tmp_path: Path, invoke: Invoke) -> None:
    done = invoke(None, "init", "--profile", "org", str(tmp_path / "hr"))
    assert done.exit_code == 0, done.output
    assert "profile: org\n" in (tmp_path / "hr" / "regdraft.yaml").read_text(encoding="utf-8")
    said = " ".join(done.output.split())
    assert "Its documents print with the org profile" in said and "`profile:` in regdraft.yaml" in said
    plain = invoke(None, "init", str(tmp_path / "office"))
    assert "profile: party-36\n" in (tmp_path / "office" / "regdraft.yaml").read_text(encoding="utf-8")
    assert "with the party-36 profile (Party documents" in " ".join(plain.output.split())
    wrong = invoke(None, "init", "--profile", "company", str(tmp_path / "x"))
    assert wrong.exit_code == 2 and "The profile 'company' is unknown; use one of org, party-36, state-30" in \
        " ".join(wrong.output.split())
    assert not (tmp_path / "x").exists()
    own = tmp_path / "own" / "profiles"
    own.mkdir(parents=True)
    (own / "company.yaml").write_text("base: org\n", encoding="utf-8")
    done = invoke(None, "init", "--profile", "company", str(tmp_path / "own"))
    assert done.exit_code == 0, done.output
    assert "with the company profile (the workspace's own)" in " ".join(done.output.split())


def test_an_amending_document_keeps_the_texts_empty_header_lines(tmp_workspace: Workspace, invoke: Invoke) -> None:
    rules = RULES.replace("language: en\n", "language: en\nnational:\nissuer_mark: ''\n")
    tmp_workspace.commit({"regulations/01-2024-SR-SH.md": rules.encode()}, "Staff Rules")
    done = invoke(tmp_workspace, "amend", "new", "sr-a", "--regulation", "01/2024/SR-SH")
    assert done.exit_code == 0, done.output
    text = (tmp_workspace.root / "amendments/sr-a/amendment.md").read_text(encoding="utf-8")
    assert "\nnational: ''\n" in text and "\nissuer_mark: ''\n" in text


def _drafted(ws: Workspace, invoke: Invoke, text: str, slug: str) -> str:
    ws.commit({"regulations/01-2024-SR-SH.md": text.encode()}, "Rules")
    done = invoke(ws, "amend", "new", slug, "--regulation", "01/2024/SR-SH")
    assert done.exit_code == 0, done.output
    return (ws.root / f"amendments/{slug}/amendment.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]


def test_a_companys_rules_with_no_basis_get_a_blank_basis_not_the_party_charter(tmp_workspace: Workspace,
                                                                                 invoke: Invoke) -> None:
    # r27 sweep X defect 2: `Pursuant to the Charter of the Communist Party of Vietnam;` opened a company's draft
    # under the default profile (party-36) and under its own profile based on it.
    body = _drafted(tmp_workspace, invoke, RULES, "sr-a")
    assert body.startswith("\nPursuant to …;\n\nPursuant to the Staff Rules of Song Hong"), body
    vi = RULES.replace("language: en", "language: vi").replace("SONG HONG MANUFACTURING COMPANY LIMITED",
                                                              "CÔNG TY TNHH SẢN XUẤT SÔNG HỒNG")
    vi = vi.replace("type: Staff Rules", "type: Quy chế").replace("## Article", "## Điều")
    assert _drafted(tmp_workspace, invoke, vi, "qc-a").startswith("\nCăn cứ …;\n\n")
    # A Party committee's text with no basis keeps the Party's Charter, as party-36 users expect
    party = vi.replace("CÔNG TY TNHH SẢN XUẤT SÔNG HỒNG", "ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH")
    assert _drafted(tmp_workspace, invoke, party, "qc-b").startswith("\nCăn cứ Điều lệ Đảng Cộng sản Việt Nam;\n")


def test_the_comment_report_of_an_organisation_has_neutral_placeholders() -> None:
    # r27 sweep X defect 3: an English company's report was signed ON BEHALF OF THE STANDING BOARD / CHIEF OF THE
    # OFFICE, sent to the Standing Office of the Provincial Party Committee and numbered `No.   /BC-SH`.
    import datetime as dt

    from regdraft.core.comment_report import report_of
    from regdraft.core.comments import Comment, CommentType, Disposition, Round, RoundStatus
    from regdraft.core.markdown import parse
    from regdraft.render.report import html_text

    org = load_profile({"profile": "org"})
    draft = parse(RULES.encode())
    r = Round(1, "", "2026-07-15", ("Trade Union",), "f" * 40, 1, RoundStatus.CLOSED)
    comments = [Comment("c1", 1, "Trade Union", "general", CommentType.GENERAL, "Agree.",
                        disposition=Disposition.NOTED)]
    meta = {"title": "Staff Rules amending the Staff Rules", "issuer": "SONG HONG MANUFACTURING COMPANY LIMITED",
            "place": "Hanoi", "language": "en", "regulation": "01/2024/SR-SH"}
    page = " ".join(html_text(report_of("sr-a", meta, r, comments, draft, org.words("en")), None, org,
                              dt.date(2026, 7, 20)).split())
    for party in ("COMMUNIST PARTY", "STANDING BOARD", "Provincial Party Committee", "CHIEF OF THE OFFICE", "/BC-"):
        assert party not in page, party
    for neutral in ("ON BEHALF OF THE ORGANISATION", "AUTHORITY AND POSITION OF THE SIGNER", "As above;", "/RPT-SH"):
        assert neutral in page, neutral

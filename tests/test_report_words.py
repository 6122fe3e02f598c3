"""The comment report and the review copy print their fixed words from the profile, in the draft's language."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace
from pathlib import Path

import pytest

from regdraft.core.comment_report import Report, report_of
from regdraft.core.comments import Comment, CommentType, Disposition, Round, RoundStatus
from regdraft.core.errors import RegdraftError
from regdraft.core.markdown import parse
from regdraft.render.profile import Profile, load_profile, shipped_texts
from regdraft.render.report import csv_text, html_text, write_docx
from regdraft.render.review_copy import round_line
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_ENGLISH, SHIPPED_REGULATION, Invoke

TODAY = dt.date(2025, 7, 20)
BODIES = ("Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy")
TITLES = {"vi": "Quy chế sửa đổi Quy chế làm việc", "en": "Regulations amending the Working Regulations"}
# The fixed words of each language, and those of the other that must not appear.
VI_WORDS = ("BÁO CÁO", "Góp ý chung", "Tổng hợp, tiếp thu, giải trình ý kiến góp ý đối với Dự thảo lần 2",
            "Nội dung tiếp thu, giải trình", "Chủ thể góp ý", "Tiếp thu", "Ghi nhận", "Chưa xử lý", "Đề xuất:",
            "đã gửi xin ý kiến 3 cơ quan, đơn vị", "Tổng số ý kiến góp ý: 3.")
EN_WORDS = ("REPORT", "General", "Comments on Draft 2 of the Regulations amending the Working Regulations",
            "How it was taken into account", "Commented by", "Accepted", "Noted", "Not answered yet", "Proposed:",
            "Bodies consulted on Draft 2", ": 3.", "Comments received: 3.")


def _report(language: str, profile: Profile) -> Report:
    draft = parse((SHIPPED_ENGLISH if language == "en" else SHIPPED_REGULATION).read_bytes())
    r = Round(1, "", "2025-07-15", BODIES, "f" * 40, 2, RoundStatus.CLOSED)
    comments = [
        Comment("c1", 1, BODIES[1], "general", CommentType.GENERAL, "Agree.", disposition=Disposition.NOTED),
        Comment("c2", 1, BODIES[0], "d1.k1", CommentType.EDITORIAL, "Shorter.", proposal="A new wording.",
                disposition=Disposition.ACCEPTED, reply="Done."),
        Comment("c3", 1, BODIES[0], "d2", CommentType.SUBSTANTIVE, "Why?"),
    ]
    meta = {"title": TITLES[language], "issuer": "TỈNH ỦY ĐIỆN BIÊN", "place": "Điện Biên", "language": language}
    return report_of("x", meta, r, comments, draft, profile.words(draft.language))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_report_prints_the_words_of_its_language(language: str, tmp_path: Path) -> None:
    profile = load_profile({})
    report = _report(language, profile)
    expected, foreign = (VI_WORDS, EN_WORDS) if language == "vi" else (EN_WORDS, VI_WORDS)
    page = " ".join(html_text(report, None, profile, TODAY).split())
    write_docx(report, tmp_path / "r.docx", profile, TODAY)
    import docx

    document = docx.Document(str(tmp_path / "r.docx"))
    words_docx = " ".join([p.text for p in document.paragraphs]
                          + [cell.text for table in document.tables for row in table.rows for cell in row.cells])
    for text in (page, words_docx):
        for phrase in expected:
            assert phrase in text, (language, phrase)
        for phrase in foreign:
            if phrase not in expected and phrase not in (": 3.",):
                assert phrase not in text, (language, phrase)
    header = next(csv.reader(io.StringIO(csv_text(report, profile))))
    assert header == (["STT", "Điều, khoản", "Địa chỉ", "Chủ thể góp ý", "Nội dung góp ý", "Đề xuất", "Tiếp thu",
                       "Giải trình", "Điều, khoản hiện nay"] if language == "vi" else
                      ["No.", "Provision", "Address", "Commented by", "Comment", "Proposal", "Disposition", "Reply",
                       "Provision now"])


def test_the_state_profile_prints_the_same_words() -> None:
    party, state = load_profile({}), load_profile({"profile": "state-30"})
    # Except who the report is signed by and sent to: a state body's report has Nghị định 30/2020's placeholders.
    own = ("report_recipients", "report_on_behalf", "report_signer_title")

    def shared(words: dict[str, str]) -> dict[str, str]:
        return {k: v for k, v in words.items() if k.startswith(("report_", "disposition_")) and k not in own}

    for language in ("vi", "en"):
        assert shared(state.words(language)) == shared(party.words(language))
    assert state.words("vi")["report_recipients"] == "Như trên;\nLưu: VT, …."
    # English ends on the ellipsis, not "…." (r29 sweep AL); the Vietnamese form is Nghị định 30's own
    assert state.words("en")["report_recipients"] == "As above;\nFiled: Archives, …"
    assert state.words("vi")["disposition_none"] == "Chưa xử lý"
    assert state.words("en")["disposition_none"] == "Not answered yet"


def test_a_workspace_profile_words_the_report_its_own_way() -> None:
    override = ("words:\n  vi:\n    disposition_none: Chưa trả lời\n    report_type: BÁO CÁO TỔNG HỢP\n"
                "    report_general: Ý kiến chung\n")
    profile = load_profile({}, workspace={"party-36": override})
    page = html_text(_report("vi", profile), None, profile, TODAY)
    assert "Chưa trả lời" in page and "BÁO CÁO TỔNG HỢP" in page and "Ý kiến chung" in page
    assert "Chưa xử lý" not in page and "Góp ý chung" not in page


def test_the_loader_requires_the_report_words_and_checks_their_fields() -> None:
    whole = shipped_texts()["party-36"]
    without = "\n".join(line for line in whole.splitlines() if not line.strip().startswith("disposition_none:"))
    with pytest.raises(RegdraftError, match="disposition_none"):
        load_profile({"profile": "mine"}, workspace={"mine": without})
    with pytest.raises(RegdraftError, match=r"words\.vi\.report_total: the field \{sum\} is unknown; use \{total\}"):
        load_profile({}, workspace={"party-36": "words:\n  vi:\n    report_total: 'Tổng: {sum}.'\n"})


def test_the_review_copy_round_line_is_worded_by_the_profile() -> None:
    r = Round(1, "", "2099-03-15", BODIES, "f" * 40, 2, RoundStatus.OPEN)
    profile = load_profile({})
    assert round_line(r, profile.words("en"), profile.cited_style("en")) == (
        "Consultation round 1 – Draft 2 (due 15 March 2099)")
    assert round_line(replace(r, title="Các ban"), profile.words("vi"), profile.cited_style("vi")) == (
        "Lấy ý kiến vòng 1: Các ban – Dự thảo lần 2 (hạn 15/3/2099)")


def test_a_workspace_profile_words_the_review_copy(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    import docx

    override = "words:\n  vi:\n    review_banner: BẢN GỬI LẤY Ý KIẾN\n    review_due: ' (hạn chót {date})'\n"
    tmp_workspace.commit({"profiles/party-36.yaml": override.encode()}, "The office's own words")
    opened = invoke(tmp_workspace, "round", "open", "qc-sua-doi-2025", "--due", "2099-03-15",
                    "--consult", BODIES[0])
    assert opened.exit_code == 0, opened.output
    out = tmp_path / "copy.docx"
    written = invoke(tmp_workspace, "round", "copy", "qc-sua-doi-2025", "-o", str(out))
    assert written.exit_code == 0, written.output
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "BẢN GỬI LẤY Ý KIẾN" in text and "BẢN LẤY Ý KIẾN" not in text
    line = next(p.text for p in document.paragraphs if p.text.startswith("Lấy ý kiến vòng 1"))
    assert line.endswith("(hạn chót 15/3/2099)"), line

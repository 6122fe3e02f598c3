"""Small wording points of English output (r38 sweep BV F8): the redline summary called a renamed unit "heading
changed" where footnotes and instructions say "title"; a label check said "Point f of clause 1 Article 4" without
"of"; and the comment report of Staff Rules kept under a name (`SR-2024`, numbered `01/2024/SR-SH`) printed `No.`
alone, not `No.       /RPT-SH` as docs/format.md promises."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from regdraft.core.diff import ChangeKind
from regdraft.core.markdown import read
from regdraft.render.kinds import kind_words
from regdraft.render.profile import load_profile
from regdraft.render.report import blank_number
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


def test_a_renamed_unit_is_a_title_changed_in_the_english_summary() -> None:
    words = load_profile({}).words("en")
    assert kind_words(words, ChangeKind.HEADING_CHANGED) == "title changed"
    assert kind_words(load_profile({}).words("vi"), ChangeKind.HEADING_CHANGED) == "sửa đổi tên"


def test_a_point_with_no_valid_label_is_named_with_of_in_english() -> None:
    text = ("---\nid: T-EN\ntype: Regulations\ntitle: T\nlanguage: en\ntranslation_of: T\nissuer: I\n"
            "signed: 2021-01-09\n---\n\n## Article 4. A\n\n1\\. B:\n\na) C;\n\nf) D.\n")
    messages = [p.message for p in read(text, "t.md").problems]
    assert any(m.startswith("Point f of clause 1 of Article 4 does not have a valid label") for m in messages), \
        messages


RULES = ("---\nid: SR-2024\nnumber: 01/2024/SR-SH\ntype: Staff Rules\ntitle: Staff Rules\nlanguage: en\n"
         "issuer: SONG HONG COMPANY\nplace: Hanoi\nsigned: 2024-03-15\n---\n\n## Article 1. Scope\n\n"
         "These Rules apply.\n\n## Article 2. Hours\n\nThe week is forty hours.\n")


def test_the_blank_report_number_takes_the_series_of_the_amended_texts_own_number() -> None:
    blank = "\u00a0" * 6
    meta = {"regulation": "SR-2024", "language": "en"}
    assert blank_number(meta, {"report_code": "RPT"}, "01/2024/SR-SH") == blank + "/RPT-SH"
    assert blank_number({**meta, "number": "02/2024/SR-SH"}, {"report_code": "RPT"}, "x") == blank + "/RPT-SH"


def test_the_report_of_rules_kept_under_a_name_is_numbered_in_their_series(tmp_workspace: Workspace,
                                                                          invoke: Invoke, tmp_path: Path) -> None:
    tmp_workspace.commit({"regulations/SR-2024.md": RULES.encode()}, "Rules")
    assert invoke(tmp_workspace, "amend", "new", "sr-a", "--regulation", "SR-2024").exit_code == 0
    path = tmp_workspace.root / "amendments/sr-a/amendment.md"
    text = path.read_text(encoding="utf-8").replace("## Article 2. Entry",
                                                    "1\\. Article 2 is repealed.\n\n## Article 2. Entry")
    tmp_workspace.commit({"amendments/sr-a/amendment.md": text.encode()}, "Instruction")
    rounds.open_round(tmp_workspace, "sr-a", "", "2026-07-15", ["Trade Union"])
    report = rounds.build_report(tmp_workspace, "sr-a")
    assert report.amended_number == "01/2024/SR-SH"
    done = invoke(tmp_workspace, "round", "report", "sr-a", "-o", str(tmp_path / "r.html"))
    assert done.exit_code == 0, done.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "No.\u00a0" + "\u00a0" * 6 + "/BC-SH" in page or "No. " + "\u00a0" * 6 + "/BC-SH" in page, page[:3000]


def test_a_drafts_blank_number_takes_the_series_of_the_amended_texts_own_number() -> None:
    """The draft's number line took the series of the text's workspace id, which for rules kept as `SR-2024` is no
    number, so an English draft printed `No.` alone (r39 en39 3); a Vietnamese id that is a number is as before."""
    from regdraft.render.draft_numbers import BLANK, draft_number

    meta = {"regulation": "SR-2024", "language": "en", "type": "Staff Rules"}
    day = dt.date(2026, 7, 1)
    assert draft_number(meta, day) == ""
    assert draft_number(meta, day, "01/2024/SR-SH") == BLANK + "/2026/SR-SH"
    assert draft_number({"regulation": "01-QC/TU", "type": "Quy chế"}, day, "99/2020/XX-YY") == BLANK + "-QC/TU"
    translation = {"regulation": "01-QC/TU-EN", "language": "en", "type": "Regulations"}
    assert draft_number(translation, day, "") == BLANK + "-QC/TU"


def test_the_draft_of_rules_kept_under_a_name_prints_its_blank_number_in_their_series(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    tmp_workspace.commit({"regulations/SR-2024.md": RULES.encode()}, "Rules")
    assert invoke(tmp_workspace, "amend", "new", "sr-a", "--regulation", "SR-2024").exit_code == 0
    done = invoke(tmp_workspace, "amend", "export", "sr-a", "-o", str(tmp_path / "a.html"))
    assert done.exit_code == 0, done.output
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    shown = re.sub(r"<[^>]+>", "", page)  # the series is kept on one line by a span
    assert re.search(r"No\. \u00a0{6}/\d{4}/SR-SH", shown), re.findall(r"No\.[^\n]{0,40}", shown)

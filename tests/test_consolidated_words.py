"""The consolidated text's fixed phrases (opening, notes, dates in words) are profile words: a workspace
profile words them its own way, and `regdraft check` names a bad word at its file and line."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from regdraft.core.errors import ProfileError
from regdraft.render.profile import cited_date, load_profile, place_date, profile_line, shipped_words
from regdraft.workspace.adoption import adopt
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke, unwrapped

# An office's own profile: two phrases of its own, every other word from party-36.
OFFICE = """\
base: party-36
description: Văn phòng Tỉnh ủy
words:
  vi:
    note_amended: "{This} đã được sửa đổi"
    opening_amended: "{document}, đã được sửa đổi, bổ sung bởi các văn bản sau:"
  en:
    opening_unamended: "{document}, is unamended on {date}."
    date_in_words: "{month_name} {day}, {year}"
"""


def _use(ws: Workspace, profile: str, text: str) -> None:
    config = (ws.root / "regdraft.yaml").read_text(encoding="utf-8").replace("profile: party-36", f"profile: {profile}")
    ws.commit({f"profiles/{profile}.yaml": text.encode(), "regdraft.yaml": config.encode()}, "The office's profile")


def _export(ws: Workspace, invoke: Invoke, regulation: str, fmt: str, out: Path) -> str:
    done = invoke(ws, "export", regulation, "--as-of", "2025-06-01", "--format", fmt, "-o", str(out))
    assert done.exit_code == 0, done.output
    text = out.read_text(encoding="utf-8")
    return " ".join(unwrapped(text).split()) if fmt == "html" else text


def test_a_workspace_profile_words_the_notes_and_the_opening(tmp_workspace: Workspace, invoke: Invoke,
                                                             tmp_path: Path) -> None:
    adopt(tmp_workspace, SHIPPED_AMENDMENT, "2025-03-15", dt.date(2025, 4, 1), force="test: effective after signing")
    before = {fmt: _export(tmp_workspace, invoke, "01-QC/TU", fmt, tmp_path / f"before.{fmt}")
              for fmt in ("md", "html")}
    _use(tmp_workspace, "office", OFFICE)
    for fmt in ("md", "html"):
        text = _export(tmp_workspace, invoke, "01-QC/TU", fmt, tmp_path / f"after.{fmt}")
        # The shipped wording was there, the office's is there now, in every note of an amended unit.
        assert "Khoản này được sửa đổi, bổ sung theo quy định tại" in before[fmt]
        assert "Khoản này đã được sửa đổi theo quy định tại" in text, fmt
        assert "được sửa đổi, bổ sung theo quy định tại" not in text, fmt
        assert before[fmt].count("được sửa đổi, bổ sung theo quy định tại") == text.count("đã được sửa đổi theo")
        assert ", được sửa đổi, bổ sung bởi:" in before[fmt] and ", được sửa đổi, bổ sung bởi:" not in text
        assert ", đã được sửa đổi, bổ sung bởi các văn bản sau:" in text, fmt
        # Phrases the office does not give are party-36's.
        assert "Văn bản hợp nhất này thể hiện các quy định có hiệu lực tính đến ngày 01 tháng 6 năm 2025" in text
        assert "Điểm này được bổ sung theo quy định tại" in text


def test_an_english_text_takes_the_profile_s_english_words_and_dates(tmp_workspace: Workspace, invoke: Invoke,
                                                                     tmp_path: Path) -> None:
    _use(tmp_workspace, "office", OFFICE)
    for fmt in ("md", "html"):
        text = _export(tmp_workspace, invoke, "01-QC/TU-EN", fmt, tmp_path / f"en.{fmt}")
        assert "No. 01-QC/TU of January 9, 2021, issued by the Dien Bien Provincial Party Committee, effective " \
               "from January 9, 2021, is unamended on June 1, 2025." in text, fmt
        assert "has not been amended" not in text
    # The header's place and date are worded by the same `date_in_words`.
    assert "Dien Bien, January 9, 2021" in text and "9 January 2021" not in text


def test_cited_dates_in_words_are_the_profile_s() -> None:
    office = load_profile({"profile": "office"}, workspace={"office": OFFICE + "    date_cited_in_words: "
                                                                              "'{month_name} {dd}, {year}'\n"})
    assert cited_date(dt.date(2021, 1, 9), "words", office.words("en")) == "January 09, 2021"
    assert cited_date(dt.date(2021, 1, 9), "words", office.words("vi")) == "09 tháng 01 năm 2021"
    assert cited_date(dt.date(2021, 1, 9), "numeric", office.words("en")) == "09/01/2021"
    assert place_date("", dt.date(2025, 3, 5), office.words("vi")) == "Ngày 05 tháng 3 năm 2025"


@pytest.mark.parametrize(("day", "cited"), [((2021, 1, 9), "09/01/2021"), ((2021, 2, 15), "15/02/2021"),
                                            ((2016, 7, 26), "26/7/2016"), ((2025, 3, 5), "05/3/2025"),
                                            ((2026, 12, 1), "01/12/2026")])
def test_a_numeric_cited_date_zero_pads_days_below_10_and_months_1_and_2_only(day: tuple[int, int, int],
                                                                              cited: str) -> None:
    """As the date line does (DOMAIN.md; the shipped texts cite `26/7/2016`): sweep r26/M wrote 15/03/2025."""
    assert cited_date(dt.date(*day), "numeric") == cited


@pytest.mark.parametrize(("words", "key", "says"), [
    ('    note_sentence: "{head} theo {where}{effective}."\n', "note_sentence",
     "words.vi.note_sentence: the field {head} is unknown; use {change}, {effective}, {where}."),
    ("    opening_close: [tham khảo]\n", "opening_close", "words.vi.opening_close is a list; a phrase is text"),
    ("    cited_untyped: No\n", "cited_untyped", "words.vi.cited_untyped is false; a phrase is text"),
    ('    month_names: "Một, Hai"\n', "month_names", "words.vi.month_names holds 2 names; give the twelve"),
])
def test_check_names_a_bad_word_at_its_file_and_line(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path,
                                                     words: str, key: str, says: str) -> None:
    text = f"base: party-36\nwords:\n  en:\n    notes: Notes\n  vi:\n    notes: Ghi chú\n{words}"
    _use(tmp_workspace, "office", text)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip().startswith(f"{key}:"))
    checked = invoke(tmp_workspace, "check")
    assert checked.exit_code == 1, checked.output
    assert f"profiles/office.yaml:{line}: {says}" in checked.output
    # Every command that prints refuses the profile the same way, naming its file; nothing is written.
    refused = invoke(tmp_workspace, "export", "01-QC/TU", "--format", "md", "-o", str(tmp_path / "x.md"))
    assert refused.exit_code == 1 and "profiles/office.yaml: " + says in refused.output
    assert not (tmp_path / "x.md").exists()


def test_check_names_missing_words_of_a_profile_without_a_base(tmp_workspace: Workspace, invoke: Invoke) -> None:
    # A profile of its own (no base) must give every word; one that a document does not use is still checked.
    tmp_workspace.commit({"profiles/own.yaml": b"description: own\nwords:\n  vi:\n    number: S\xe1\xbb\x91\n"},
                         "A profile of its own")
    checked = invoke(tmp_workspace, "check")
    assert checked.exit_code == 1, checked.output
    found = re.search(r"profiles/own\.yaml:3: the Vietnamese words (.*) are missing; give them, or inherit every "
                      r"word with `base: party-36`\.", checked.output)
    assert found, checked.output
    assert len(shipped_words()) - 1 > 12 and found.group(1).endswith(f"and {len(shipped_words()) - 1 - 12} more")


def test_a_profile_chosen_in_the_settings_is_checked_with_the_workspace_profiles(tmp_workspace: Workspace,
                                                                                  invoke: Invoke) -> None:
    _use(tmp_workspace, "office", OFFICE)
    checked = invoke(tmp_workspace, "check")
    assert "profile 'office' is unknown" not in checked.output and "profiles/" not in checked.output


def test_the_line_of_a_key_is_the_deepest_the_yaml_holds() -> None:
    text = "base: party-36\nwords:\n  vi:\n    number: Số\n"
    assert profile_line(text, ("words", "vi", "number")) == 4
    assert profile_line(text, ("words", "vi", "draft")) == 3  # missing: where it would go
    assert profile_line(text, ("base",)) == 1 and profile_line(text, ()) == 1
    assert profile_line("words: [\n", ("words",)) == 2  # not YAML: where the reader stopped


def test_the_loader_reports_every_bad_word_of_a_file_at_once() -> None:
    text = 'words:\n  vi:\n    note_unit: "{kind} này"\n    opening_close: 3\n'
    with pytest.raises(ProfileError) as caught:
        load_profile({"profile": "x"}, workspace={"x": "base: party-36\n" + text})
    assert [keys for _, keys in caught.value.found] == [("words", "vi", "note_unit"), ("words", "vi", "opening_close")]
    assert caught.value.source == "profiles/x.yaml"


def test_check_names_a_profile_that_is_not_text(tmp_workspace: Workspace, invoke: Invoke) -> None:
    tmp_workspace.commit({"profiles/old.yaml": b"words:\n  vi:\n    number: S\xe8\n"}, "A profile in a legacy encoding")
    checked = invoke(tmp_workspace, "check")
    said = " ".join(checked.output.split())
    assert checked.exit_code == 1 and "profiles/old.yaml:3: The line is not UTF-8 text; save the file as UTF-8." in said

"""The lines regdraft.yaml's `report:` and `consolidation:` print on issued documents (sweep r26 L, defects 5, 6).

A control character in one (`"T/L\\u0007 BTV"`) passed `check`, then `round report -o x.docx` and `export -o x.docx`
ended in a `ValueError` traceback (XML cannot hold it); so did one typed into `--number`. `consolidation:`
recipients that are not text printed as Python values (`- None`, `- {'a': 1}`) on the authenticated copy, and
`body: [a, b]` or `signer: {title: [x]}` were dropped without a word, as r25 had fixed for `report:` alone. Both
settings are now read by one helper (`workspace.settings_checks`).
"""

from __future__ import annotations

from pathlib import Path

from regdraft.core.consolidation_frame import frame_of
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke

CONSOLIDATION = ("consolidation:\n  body: BỘ TƯ PHÁP\n  code: VBHN-BTP\n  signer: {title: [x], name: 12345}\n"
                 "  recipients:\n    - Như trên;\n    - null\n    - {a: 1}\n    - [x, y]\n    - Lưu VT.\n")
CONTROL = ('report:\n  signer: {on_behalf: "T/L\\u0007 BTV", title: CHÁNH VĂN PHÒNG, name: A}\n  recipients:\n'
           '    - "x\\u000bY"\nconsolidation:\n  body: BỘ TƯ PHÁP\n  code: VBHN-BTP\n  signer: {title: BỘ TRƯỞNG, '
           'name: A}\n  recipients:\n    - "url(http://evil/y) \\u0007 bell"\n')


def _add(ws: Workspace, settings: str) -> int:
    """`settings` added to regdraft.yaml; the line of its first key."""
    config = ws.root / "regdraft.yaml"
    before = config.read_text(encoding="utf-8")
    config.write_text(before + settings, encoding="utf-8")
    return len(before.splitlines()) + 1


def test_the_copy_prints_only_recipients_and_lines_that_are_text() -> None:
    frame = frame_of({"body": "BỘ TƯ PHÁP", "place": ["Hà Nội"], "signer": {"title": ["x"], "name": 12345},
                      "recipients": ["Như trên;", None, {"a": 1}, ["x", "y"], 12345, True, "Lưu VT."]})
    assert frame.recipients == ("Như trên;", "12345", "Lưu VT.")
    assert (frame.place, frame.title, frame.name) == ("", "", "12345")


def test_check_names_each_consolidation_line_that_is_not_text_at_its_line(tmp_workspace: Workspace,
                                                                        invoke: Invoke) -> None:
    first = _add(tmp_workspace, CONSOLIDATION)
    said = invoke(tmp_workspace, "check").output
    wrong = [line for line in said.splitlines() if "consolidation's recipient" in line]
    assert [line.split(": warning: ")[0] for line in wrong] == [f"regdraft.yaml:{first + n}" for n in (6, 7, 8)]
    assert wrong[1].endswith("consolidation's recipient 3 is a mapping, not a text; the consolidated copy leaves it "
                             "out: write each recipient as a line of text (in quotes if it starts with a digit or "
                             "holds a colon).")
    assert (f"regdraft.yaml:{first + 3}: warning: consolidation's signer title is a list, not a text; the "
            "consolidated copy leaves it empty: write it as a line of text.") in said


def test_check_names_a_control_character_in_a_printed_setting_at_its_line(tmp_workspace: Workspace,
                                                                          invoke: Invoke) -> None:
    first = _add(tmp_workspace, CONTROL)
    result = invoke(tmp_workspace, "check")
    assert result.exit_code == 1, result.output
    for line, what, char in ((1, "report's signer on_behalf", "0007"), (3, "report's recipient 1", "000B"),
                             (9, "consolidation's recipient 1", "0007")):
        assert (f"regdraft.yaml:{first + line}: {what} holds the control character U+{char}, which no document "
                "format can hold; retype it.") in result.output, result.output


def test_the_docx_outputs_refuse_a_control_character_in_a_setting_before_writing(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    opened = invoke(tmp_workspace, "round", "open", SHIPPED_AMENDMENT, "--due", "2099-03-15", "--consult", "Ban A")
    assert opened.exit_code == 0, opened.output
    first = _add(tmp_workspace, CONTROL)
    report = invoke(tmp_workspace, "round", "report", SHIPPED_AMENDMENT, "-o", str(tmp_path / "r.docx"))
    assert report.exit_code == 1 and "Traceback" not in report.output, report.output
    assert (f"regdraft.yaml:{first + 1}: report's signer on_behalf holds the control character U+0007, which no "
            "document format can hold; retype it. Nothing was written.") in report.output
    exported = invoke(tmp_workspace, "export", "01-QC/TU", "-o", str(tmp_path / "e.docx"))
    assert exported.exit_code == 1 and "Traceback" not in exported.output, exported.output
    assert (f"regdraft.yaml:{first + 9}: consolidation's recipient 1 holds the control character U+0007, which no "
            "document format can hold; retype it. Nothing was written.") in exported.output
    assert not list(tmp_path.glob("*.docx"))


def test_a_control_character_typed_into_a_number_is_refused(tmp_workspace: Workspace, invoke: Invoke,
                                                            tmp_path: Path) -> None:
    invoke(tmp_workspace, "round", "open", SHIPPED_AMENDMENT, "--due", "2099-03-15", "--consult", "Ban A")
    report = invoke(tmp_workspace, "round", "report", SHIPPED_AMENDMENT, "--number", "15\x01-BC/TU", "-o",
                    str(tmp_path / "r.docx"))
    assert report.exit_code == 2 and "Traceback" not in report.output, report.output
    assert ('"15\\x01-BC/TU" holds the control character U+0001, which no document format can hold; type it again '
            "without it.") in report.output
    _add(tmp_workspace, "consolidation:\n  body: BỘ TƯ PHÁP\n  code: VBHN-BTP\n")
    exported = invoke(tmp_workspace, "export", "01-QC/TU", "--number", "5\x07/VBHN", "-o", str(tmp_path / "e.docx"))
    assert exported.exit_code == 2 and '"5\\a/VBHN" holds the control character U+0007' in exported.output, \
        exported.output
    assert not list(tmp_path.glob("*.docx"))

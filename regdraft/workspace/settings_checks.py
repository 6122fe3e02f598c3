"""regdraft.yaml's `report:` and `consolidation:` settings, whose lines of text are printed on issued documents (the
comment report's signature and recipients; the consolidated copy's body, number series, place, authentication and
recipients), checked for `check` and before a command prints them.

One reading serves both settings (`_printed_lines`): each value printed as a line that is not a line of text
(`{a: 1}`, a list, `null`) is a warning at its line, and the document leaves it out or empty, never printing
`- {'a': 1}` or `- None`; one holding a control or invisible character (`core.text.control_character`, as a front
matter line is checked) is a problem at its line, and the commands printing it refuse it (`refuse_unprintable`)
before writing anything: a DOCX cannot hold it (python-docx ended in a `ValueError` traceback).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from regdraft.core.consolidation_frame import KEYS, SIGNER_KEYS, signer_read
from regdraft.core.errors import ParseError, Problem, RegdraftError
from regdraft.core.text import control_character, setting_text

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace

_REPORT = ("signer", "recipients")  # the keys under report: the comment report's signature block and recipients
_SIGNER = ("on_behalf", "title", "name")
# Each setting's lines besides its recipients: (its own keys, its signer's keys), and the document leaving out a
# recipient and a line that is not text.
_LINES = {"report": ((), _SIGNER), "consolidation": (("body", "superior", "code", "place"), SIGNER_KEYS)}
_PRINTED_BY = {"report": ("the comment report", "the report"),
               "consolidation": ("the consolidated copy", "the consolidated copy")}


def report_settings(ws: Workspace) -> list[Problem]:
    """`report:` as the comment report reads it: a signer of on_behalf, title and name, and recipients a list, each
    a line of text (`core.text.setting_text`)."""
    report = ws.config.get("report")
    if report is None:
        return []
    shape = ("report holds the comment report's signer ({on_behalf: T/L BAN THƯỜNG VỤ, title: CHÁNH VĂN PHÒNG, "
             "name: …}) and recipients (a list, one a line)")
    if not isinstance(report, dict):
        return [Problem(f"{shape}; it is '{report}', which the report cannot read.", "regdraft.yaml",
                        setting_line(ws, "report"))]
    problems = [Problem(f"the setting '{key}' under report is unknown and has no effect; {shape}.", "regdraft.yaml",
                        setting_line(ws, str(key), "report")) for key in report if key not in _REPORT]
    signer, recipients = report.get("signer", {}), report.get("recipients", [])
    if not isinstance(signer, dict) or any(key not in _SIGNER for key in signer):
        problems.append(Problem(f"report's signer is not read: {shape}.", "regdraft.yaml",
                                setting_line(ws, "signer", "report")))
    if not isinstance(recipients, list):
        problems.append(Problem(f"report's recipients are not read: {shape}.", "regdraft.yaml",
                                setting_line(ws, "recipients", "report")))
    return problems + _printed_lines(ws, "report")


def consolidation_settings(ws: Workspace) -> list[Problem]:
    """`consolidation:` as the consolidated copy reads it (`core.consolidation_frame`): the body, its code, place,
    signer ({title, name}) and recipients, each a line of text."""
    given = ws.config.get("consolidation")
    if given is None:
        return []
    shape = ("consolidation holds the body issuing the consolidated copy (body: VĂN PHÒNG QUỐC HỘI), its number's "
             "series (code: VBHN-VPQH), place, the authenticating signer ({title: CHỦ NHIỆM, name: …}) and "
             "recipients (a list)")
    if not isinstance(given, dict):
        return [Problem(f"{shape}; it is '{given}', which the export cannot read.", "regdraft.yaml",
                        setting_line(ws, "consolidation"))]
    problems = [Problem(f"the setting '{key}' under consolidation is unknown and has no effect; {shape}.",
                        "regdraft.yaml", setting_line(ws, str(key), "consolidation"))
                for key in given if key not in KEYS]
    if not signer_read(given):  # the rule export refuses by (`consolidation_frame.refusal`)
        problems.append(Problem(f"consolidation's signer is not read: {shape}.", "regdraft.yaml",
                                setting_line(ws, "signer", "consolidation")))
    if not isinstance(given.get("recipients", []), list):
        problems.append(Problem(f"consolidation's recipients are not read: {shape}.", "regdraft.yaml",
                                setting_line(ws, "recipients", "consolidation")))
    return problems + _printed_lines(ws, "consolidation")


def refuse_unprintable(ws: Workspace, section: str) -> None:
    """Refuse, naming the setting at its line, a `report:` or `consolidation:` line holding a character no document
    can hold; called before a command writes anything."""
    wrong = [p for p in _printed_lines(ws, section) if not p.warning]
    if wrong:
        raise ParseError(f"{wrong[0]} Nothing was written.")


def _printed_lines(ws: Workspace, section: str) -> list[Problem]:
    """A problem for each line `section` prints that is not text (a warning: left out or empty) or holds a control
    character (the commands refuse it): its own lines, its signer's and each recipient, each at its line."""
    given = ws.config.get(section)
    if not isinstance(given, Mapping):
        return []
    lines, signer_keys = _LINES[section]
    leaves_item, leaves_line = _PRINTED_BY[section]
    problems = []
    for key in lines:
        if given.get(key) is not None:
            problems += _line_problem(f"{section}'s {key}", given[key], setting_line(ws, key, section),
                                      f"{leaves_line} leaves it empty: write it as a line of text.")
    signer = given.get("signer")
    signer = signer if isinstance(signer, Mapping) else {}
    for key in signer_keys:
        if signer.get(key) is not None:
            problems += _line_problem(f"{section}'s signer {key}", signer[key], setting_line(ws, "signer", section),
                                      f"{leaves_line} leaves it empty: write it as a line of text.")
    recipients = given.get("recipients")
    if isinstance(recipients, list) and recipients:
        from regdraft.core.comment_yaml import item_lines

        at = setting_line(ws, "recipients", section)
        places = item_lines(ws.read("regdraft.yaml"), "recipients", section)
        for i, item in enumerate(recipients):
            problems += _line_problem(
                f"{section}'s recipient {i + 1}", item, places[i] if i < len(places) else at,
                f"{leaves_item} leaves it out: write each recipient as a line of text (in quotes if it starts with "
                "a digit or holds a colon).")
    return problems


def _line_problem(what: str, value: Any, line: int, left: str) -> list[Problem]:
    text = setting_text(value)
    if text is None:
        return [Problem(f"{what} is {_yaml_kind(value)}, not a text; {left}", "regdraft.yaml", line, warning=True)]
    if (found := control_character(text)) is not None:
        return [Problem(f"{what} holds {found}; retype it.", "regdraft.yaml", line)]
    return []


def _yaml_kind(value: Any) -> str:
    """What a YAML value is, as a message names it: `empty`, `a mapping`, `a list`, `true`, `a number 1.1`."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"a number {value}" if isinstance(value, float) else "not a text"


def setting_line(ws: Workspace, key: str, under: str = "") -> int:
    """The line of regdraft.yaml where a top-level key (or a key under the top-level `under`) is set (1 when it cannot
    be found)."""
    from regdraft.core.comment_yaml import key_line

    try:
        text = ws.read("regdraft.yaml")
    except (OSError, RegdraftError):
        return 1
    return key_line(text, key, under)  # the last line that sets it: YAML reads a key given twice as its last value

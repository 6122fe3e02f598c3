"""`report:` settings that are not text (sweep r25 I, defect 7): `recipients: [12345, {a: 1}, [1, 2], null]` printed
`- {'a': 1}`, `- [1, 2]`, `- None` under `Nơi nhận:` and `check` said nothing. The report leaves them out and
`check` names each at its line of regdraft.yaml."""

from __future__ import annotations

from regdraft.workspace.rounds import report_settings
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

SETTINGS = ("report:\n  signer:\n    on_behalf: T/L BAN THƯỜNG VỤ\n    name: {x: 1}\n  recipients:\n"
            "    - Như trên;\n    - 12345\n    - {a: 1}\n    - [1, 2]\n    - null\n    - 1.10\n    - Lưu VP.\n")


def test_the_report_prints_only_recipients_and_signer_lines_that_are_text() -> None:
    config = {"report": {"signer": {"on_behalf": "T/L BAN THƯỜNG VỤ", "name": {"x": 1}},
                         "recipients": ["Như trên;", 12345, {"a": 1}, [1, 2], None, 1.1, True, "Lưu VP."]}}
    assert report_settings(config) == {"recipients": ("Như trên;", "12345", "Lưu VP."),
                                       "signer": (("on_behalf", "T/L BAN THƯỜNG VỤ"), ("name", ""))}


def test_check_names_each_recipient_that_is_not_text_at_its_line(tmp_workspace: Workspace, invoke: Invoke) -> None:
    config = tmp_workspace.root / "regdraft.yaml"
    before = config.read_text(encoding="utf-8")
    config.write_text(before + SETTINGS, encoding="utf-8")
    first = len(before.splitlines()) + 1  # the line of `report:`
    said = invoke(tmp_workspace, "check").output
    wrong = [line for line in said.splitlines() if "report's recipient" in line]
    assert [line.split(": warning: ")[0] for line in wrong] == [f"regdraft.yaml:{first + n}" for n in (7, 8, 9, 10)]
    assert wrong[0].endswith("report's recipient 3 is a mapping, not a text; the comment report leaves it out: "
                             "write each recipient as a line of text (in quotes if it starts with a digit or holds a "
                             "colon).")
    assert [line.split(" is ")[1].split(",")[0] for line in wrong] == ["a mapping", "a list", "empty", "a number 1.1"]
    assert (f"regdraft.yaml:{first + 1}: warning: report's signer name is a mapping, not a text; the report leaves "
            "it empty: write it as a line of text.") in said

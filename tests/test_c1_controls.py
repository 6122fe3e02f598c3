"""The C1 control characters (U+0080-U+009F) are control characters (r36 sweep BK F4).

They were not in `core.text.CONTROL`: a regulation a colleague pushed holding U+009B (CSI, which a terminal takes as
it takes ESC [) passed `check` and `fmt --check`, and `show` printed `\\x9b2J` raw (a cleared screen). Now a line
holding one is named as a line holding U+0007 is, the text is read without it (as a space, as the C0 ones are), and
an import reads U+0085 (next line) as the line break it is: a space inside a paragraph.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.errors import ParseError
from regdraft.core.markdown import parse
from regdraft.importer import import_file
from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, Invoke

MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")
REGULATION = "regulations/MINI-QC.md"
WORDS = "Quy chế này quy định nguyên tắc, chế độ làm việc"
LINE = MINI[:MINI.index(WORDS)].count("\n") + 1


@pytest.mark.parametrize("char", ["\x80", "\x85", "\x9b", "\x9f"])
def test_a_c1_control_in_a_regulation_is_a_problem_naming_its_line(char: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse(MINI.replace("nguyên tắc", f"nguyên{char}tắc", 1), REGULATION)
    [problem] = caught.value.problems
    assert (problem.line, problem.message) == (LINE, f"This line holds the control character U+{ord(char):04X}, "
                                                     "which no legal text holds; retype the text around it.")


def test_check_and_fmt_name_a_csi_and_show_never_prints_it(mini_workspace: Workspace, invoke: Invoke) -> None:
    ws = mini_workspace
    ws.commit({REGULATION: MINI.replace("chế độ làm việc", "\x9b2J\x9b31mchế độ làm việc", 1).encode("utf-8")}, "CSI")
    said = f"{REGULATION}:{LINE}: Điều 1: This line holds the control character U+009B, which no legal text holds"
    checked = invoke(ws, "check")
    assert checked.exit_code == 1 and said in " ".join(checked.output.split()), checked.output
    formatted = invoke(ws, "fmt", "--check")
    assert formatted.exit_code == 1 and said in " ".join(formatted.output.split()), formatted.output
    shown = invoke(ws, "show", "MINI-QC", "d1")
    assert "2J 31mchế độ làm việc" in shown.output and "\x9b" not in shown.output, repr(shown.output)
    # in the front matter too: `list` prints the title without it
    ws.commit({REGULATION: MINI.replace("title: Quy chế thử nghiệm", "title: Quy chế\x9b2J thử nghiệm").encode()},
              "CSI in the title")
    assert "the control character U+009B" in invoke(ws, "check").output
    listed = invoke(ws, "list")
    assert "\x9b" not in listed.output and "2J thử nghiệm" in listed.output, repr(listed.output)


def test_an_import_reads_next_line_as_a_space_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "quy-che.txt"
    path.write_text("QUY CHẾ\n\nĐiều 1. Phạm vi\n\nQuy chế này quy định nguyên tắc,\x85chế độ làm việc.\n",
                    encoding="utf-8")
    result = import_file(path, reg_id="X/1")
    assert result.regulation.units[0].text == ("Quy chế này quy định nguyên tắc, chế độ làm việc.",)
    [note] = [n.message for n in result.report.notes if "U+0085" in n.message]
    assert note == ("1 line holds line breaks (U+0085), the first this one; each was read as a space: a paragraph "
                    "holds no line breaks.")

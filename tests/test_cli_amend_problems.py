"""Every problem at once from preview, adopt and redline, named after its instruction (issue 12 §4)."""

from __future__ import annotations

import pytest

from regdraft.workspace.store import Workspace

from .conftest import Invoke
from .test_cli_amend import amendment_text, snapshot
from .test_cli_amend import ws as ws  # noqa: F401  (the fixture)

# A line that does not read (instruction 1), one that reads but cannot apply (instruction 2, no khoản 9),
# and one that applies: every command that applies it must name both problems, with their lines.
UNREADABLE = "1\\. Sửa đổi khoản 2 Điều 1 theo hướng khác."
MISSING = "2\\. Bãi bỏ khoản 9 Điều 1."
MIXED = amendment_text(f"{UNREADABLE}\n\n{MISSING}\n\n3\\. Bãi bỏ Điều 4.")


@pytest.fixture
def mixed(ws: Workspace) -> Workspace:  # noqa: F811
    ws.commit({"amendments/mixed/amendment.md": MIXED.encode(), "amendments/bad/amendment.md": None,
               "amendments/good/amendment.md": None}, "Add an amendment with two problems")
    return ws


def line_of(text: str) -> int:
    return MIXED.split("\n").index(text) + 1


@pytest.mark.parametrize(
    "command",
    [
        ("amend", "check", "mixed"),
        ("amend", "preview", "mixed"),
        # past the adoption gates (a draft, "kể từ ngày ký"), to reach the reading and applying problems
        ("amend", "adopt", "mixed", "--signed", "2025-10-20", "--effective", "2025-11-01", "--force", "--reason", "t"),
        ("redline", "02-QC/TU", "--amendment", "mixed", "-o", "out/r.html"),
    ],
)
def test_reading_and_applying_problems_are_reported_together(mixed: Workspace, invoke: Invoke,
                                                              command: tuple[str, ...]) -> None:
    before = snapshot(mixed)
    result = invoke(mixed, *command)
    assert result.exit_code == 1, result.output
    output = result.output
    unreadable, missing = line_of(UNREADABLE), line_of(MISSING)
    assert f"amendments/mixed/amendment.md:{unreadable}" in output
    assert f"amendments/mixed/amendment.md:{missing}" in output
    assert "khoản 9" in output
    assert "Traceback" not in output
    assert snapshot(mixed) == before


def test_an_amendment_without_instructions_is_a_problem(ws: Workspace, invoke: Invoke) -> None:  # noqa: F811
    ws.commit({"amendments/empty/amendment.md": amendment_text("").encode()}, "Add an empty amendment")
    for command in (("amend", "check", "empty"), ("amend", "preview", "empty")):
        result = invoke(ws, *command)
        assert result.exit_code == 1
        assert "has no instruction" in result.output


def test_a_problem_in_the_result_names_the_instruction_and_its_line(ws: Workspace, invoke: Invoke) -> None:  # noqa: F811
    body = "1\\. Bổ sung khoản 5 vào sau khoản 2 Điều 1 như sau:\n\n“5\\. Khoản mới.”"
    text = amendment_text(body)
    ws.commit({"amendments/late/amendment.md": text.encode()}, "Add an amendment")
    result = invoke(ws, "amend", "check", "late")
    assert result.exit_code == 1
    line = text.split("\n").index("1\\. Bổ sung khoản 5 vào sau khoản 2 Điều 1 như sau:") + 1
    assert f"amendments/late/amendment.md:{line}: instruction 1 (" in result.output


def test_preview_lists_the_consequential_punctuation(ws: Workspace, invoke: Invoke) -> None:  # noqa: F811
    body = "1\\. Bổ sung điểm đ vào khoản 2 Điều 2 như sau:\n\n“đ) Việc thi đua, khen thưởng.”"
    ws.commit({"amendments/more/amendment.md": amendment_text(body).encode()}, "Add an amendment")
    result = invoke(ws, "amend", "preview", "more")
    assert result.exit_code == 0, result.output
    assert "d) Tổng kết, sơ kết;\n\nđ) Việc thi đua, khen thưởng.\n" in result.stdout
    note = next(line for line in result.stderr.splitlines() if "consequential" in line)
    assert note.startswith("note: amendments/more/amendment.md:") and "instruction 1 (" in note
    assert "điểm d khoản 2 Điều 2" in note and "'.' to ';'" in note

"""The new regulation's id is a document number, checked as `import --id` checks one (r42 sweep CI F2): `amend new
--replacing … --id ..` was accepted and `amend adopt` issued `regulations/...md`; a 5,000-character id failed only at
adoption's last step; an id holding ESC was committed raw. A colleague's draft whose `id:` is no document number is a
problem of `amend check` and `check` at its line (and so a gate of adoption)."""

from __future__ import annotations

import pytest

from regdraft.workspace.store import Workspace

from .conftest import Invoke
from .test_cli_amend_replacing import DRAFT, ok


@pytest.mark.parametrize("bad", ["..", "../../x", ".git/hooks/post-commit", "A\x1b[2Jx", "01\nQC", "A" * 300])
def test_amend_new_refuses_an_id_that_is_no_document_number(tmp_workspace: Workspace, invoke: Invoke,
                                                           bad: str) -> None:
    head = tmp_workspace.repo.head.commit.hexsha
    result = invoke(tmp_workspace, "amend", "new", "quy-che-xv", "--replacing", "01-QC/TU", "--id", bad)
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert "The new regulation's id" in said and "Traceback" not in said
    assert "\x1b" not in result.output  # quoted escaped, not sent to the terminal
    assert "is 300 bytes long" in said if len(bad) == 300 else "is not a document number" in said
    assert tmp_workspace.repo.head.commit.hexsha == head and not (tmp_workspace.root / "amendments/quy-che-xv").exists()


def test_a_draft_whose_id_is_no_document_number_is_a_problem_at_its_line(tmp_workspace: Workspace,
                                                                         invoke: Invoke) -> None:
    ok(invoke(tmp_workspace, "amend", "new", "quy-che-xv", "--replacing", "01-QC/TU", "--id", "01-QC/TU-XV"))
    text = (tmp_workspace.root / DRAFT).read_text(encoding="utf-8")
    line = text.split("\n").index("id: 01-QC/TU-XV") + 1
    tmp_workspace.commit({DRAFT: text.replace("id: 01-QC/TU-XV", "id: ../../x").encode()}, "A colleague's id")
    for command in (("amend", "check", "quy-che-xv"), ("check",)):
        result = invoke(tmp_workspace, *command)
        assert result.exit_code == 1, result.output
        assert f"{DRAFT}:{line}: The new regulation's id '../../x' is not a document number" in result.output

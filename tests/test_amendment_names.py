"""Amendment names (slugs): which letters, and one told apart from another only by capitals."""

from __future__ import annotations

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke


def test_an_accented_name_is_refused_saying_which_letters(tmp_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(tmp_workspace, "amend", "new", "sửa-đổi-2026", "--regulation", "01-QC/TU")
    assert result.exit_code != 0
    # To a Vietnamese drafter ử and đ are letters: the message says letters without accents.
    assert "use letters without accents (a-z), digits and hyphens, e.g. sua-doi-2026." in result.output


def test_a_name_differing_from_another_only_in_capitals_is_refused(tmp_workspace: Workspace, invoke: Invoke) -> None:
    twin = SHIPPED_AMENDMENT.upper()
    for args in (("amend", "new", twin, "--regulation", "01-QC/TU"),
                 ("amend", "from-edits", twin, "--new", "-r", "01-QC/TU", "--edited",
                  str(tmp_workspace.root / "regulations/01-QC-TU.md"))):
        result = invoke(tmp_workspace, *args)
        assert result.exit_code != 0, result.output
        assert f"'{twin}' differs from the amendment '{SHIPPED_AMENDMENT}' only in capitals; nothing was created." \
            in result.output
        assert not tmp_workspace.dirty(["amendments"])
    assert [p.name for p in (tmp_workspace.root / "amendments").iterdir() if p.is_dir()] == [SHIPPED_AMENDMENT]
    assert invoke(tmp_workspace, "amend", "new", "qc-sua-doi-2026", "--regulation", "01-QC/TU").exit_code == 0

"""Replaced regulations (sweep r23/s7regress defects 1, 5, 6): an amendment to a regulation replaced by the day it
takes effect, the English note of a replaced regulation, and a `replaces` that `check` rejects.

The shipped workspace with the term XV regulation imported under its own id `01-QC/TU-XV` (number 01-QC/TU), in force
from 2025-10-28, replacing 01-QC/TU (`test_replaced_regulation._term_xv`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace

from .conftest import SHIPPED_AMENDMENT, Invoke
from .test_replaced_regulation import _term_xv

AMENDMENT = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
OLD, NEW = "regulations/01-QC-TU.md", "regulations/01-QC-TU-XV.md"
REPLACED = ("it amends 01-QC/TU, which is no longer in force on 2025-11-01, the day it would take effect: Quy chế "
            "01-QC/TU (01-QC/TU-XV) replaced it on 2025-10-28, so the amendment could never be in force; amend "
            "01-QC/TU-XV, the regulation in force, instead (`regdraft amend new SLUG --regulation 01-QC/TU-XV`); "
            "adopt this one only to record the history of 01-QC/TU, with the date it took effect (before 2025-10-28), "
            "or past the gate with `regdraft amend adopt qc-sua-doi-2025 --force --reason TEXT`")


@pytest.fixture
def term_xv(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> Workspace:
    """The term XV regulation imported, 05-QC/TU still pending (submitted, signed on `signed:` when a test sets it)."""
    source = tmp_path / "quy-che-khoa-xv.md"
    source.write_text(_term_xv(tmp_workspace), encoding="utf-8")
    assert invoke(tmp_workspace, "import", str(source)).exit_code == 0
    assert invoke(tmp_workspace, "amend", "status", SHIPPED_AMENDMENT, "submitted").exit_code == 0
    return tmp_workspace


def _signed(ws: Workspace, day: str) -> None:
    text = (ws.root / AMENDMENT).read_text(encoding="utf-8").replace("signed: null", f"signed: {day}", 1)
    ws.commit({AMENDMENT: text.encode()}, "signed")


def test_amend_check_names_an_amendment_to_a_replaced_regulation(term_xv: Workspace, invoke: Invoke) -> None:
    _signed(term_xv, "2025-11-01")  # in force from its signing (Điều 3), after 01-QC/TU-XV replaced 01-QC/TU
    checked = invoke(term_xv, "amend", "check", SHIPPED_AMENDMENT)
    assert checked.exit_code == 1  # it said "no problems found"
    assert f"{AMENDMENT}:5: qc-sua-doi-2025 cannot be adopted: {REPLACED}." in checked.output
    text = (term_xv.root / AMENDMENT).read_text(encoding="utf-8")
    earlier = text.replace("signed: 2025-11-01", "signed: 2025-10-01")
    term_xv.commit({AMENDMENT: earlier.encode()}, "before the replacement")
    again = invoke(term_xv, "amend", "check", SHIPPED_AMENDMENT)
    assert again.exit_code == 0 and "no longer in force" not in again.output


def test_amend_adopt_refuses_it_unless_forced_and_export_suggests_no_loop(term_xv: Workspace, invoke: Invoke,
                                                                          tmp_path: Path) -> None:
    head = term_xv.head()
    refused = invoke(term_xv, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-11-01")
    assert refused.exit_code == 1  # it was adopted, and `check` then rejected the workspace
    assert f"  - {REPLACED}\nNothing was changed." in refused.output
    assert "`regdraft amend check" not in refused.output  # its own gate, not the check's: forcible with a reason
    assert term_xv.head() == head
    forced = invoke(term_xv, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-11-01", "--force", "--reason",
                    "recorded as signed")
    assert forced.exit_code == 0, forced.output
    exported = invoke(term_xv, "export", "01-QC/TU", "--as-of", "2025-11-01", "-o", str(tmp_path / "old.md"))
    assert exported.exit_code == 0, exported.output
    # `export 01-QC/TU --as-of 2025-11-01` was suggested, which gave this same text and suggestion again.
    assert "its text then" not in exported.output
    assert ("Not in it: 05-QC/TU, adopted to take effect on 2025-11-01, when 01-QC/TU-XV had replaced "
            "01-QC/TU (on 2025-10-28): it was never in force.") in exported.output


def test_an_amendment_in_force_before_the_replacement_is_adopted(term_xv: Workspace, invoke: Invoke) -> None:
    adopted = invoke(term_xv, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-10-01")
    assert adopted.exit_code == 0, adopted.output
    assert invoke(term_xv, "check").exit_code == 0


LATE = ("01-QC/TU-XV replaces 01-QC/TU from 2025-10-28, but 01-QC/TU's adopted amendment 05-QC/TU takes effect on "
        "2025-11-01, when 01-QC/TU is no longer in force")


def test_check_warns_of_a_forced_adoption_to_a_replaced_regulation_naming_its_reason(term_xv: Workspace,
                                                                                    invoke: Invoke) -> None:
    # Adopted past its gate on purpose, to record 01-QC/TU's history: `check` failed on it ever after.
    forced = invoke(term_xv, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-11-01", "--force", "--reason",
                    "recorded as signed")
    assert forced.exit_code == 0, forced.output
    commit = term_xv.resolve("HEAD").short
    checked = invoke(term_xv, "check")
    said = " ".join(checked.output.split())
    assert checked.exit_code == 0, checked.output
    # r24: the commit is named, as for a reference broken past `amend check` (test_forced_references.py).
    assert (f"{LATE}, so it was never in force; it was adopted past that gate on purpose (commit {commit}), for the "
            "reason recorded: recorded as signed.") in said, said


def test_check_fails_on_an_unforced_adoption_dated_after_the_replacement(term_xv: Workspace, invoke: Invoke) -> None:
    adopted = invoke(term_xv, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-10-01")
    assert adopted.exit_code == 0, adopted.output
    text = (term_xv.root / AMENDMENT).read_text(encoding="utf-8")
    assert "effective: 2025-10-01" in text
    term_xv.commit({AMENDMENT: text.replace("effective: 2025-10-01", "effective: 2025-11-01").encode()}, "later")
    checked = invoke(term_xv, "check")
    assert checked.exit_code == 1
    assert f"{LATE}; check the dates." in " ".join(checked.output.split())


@pytest.fixture
def replaced(term_xv: Workspace, invoke: Invoke) -> Workspace:
    assert invoke(term_xv, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-28").exit_code == 0
    return term_xv


def _note(invoke: Invoke, ws: Workspace, out: Path) -> str:
    result = invoke(ws, "export", "01-QC/TU-EN", "--as-of", "2026-01-01", "-o", str(out))
    assert result.exit_code == 0, result.output
    return next(line for line in out.read_text(encoding="utf-8").splitlines() if "no longer in force" in line)


def test_the_english_note_cites_the_new_regulation_in_english(replaced: Workspace, invoke: Invoke,
                                                             tmp_path: Path) -> None:
    # It read "replaced by Quy chế No. 01-QC/TU of 28 October 2025 of Tỉnh ủy Điện Biên": the English translation's
    # type (its original's is the new one's), no Vietnamese issuer.
    assert _note(invoke, replaced, tmp_path / "a.md") == (
        "**This document is no longer in force: it was replaced by Regulations No. 01-QC/TU of 28 October 2025, "
        "effective from 28 October 2025. What follows is its text as in force until 27 October 2025; for reference "
        "only.**")
    english = (replaced.root / "regulations/01-QC-TU-EN.md").read_text(encoding="utf-8")
    for old, new in (("id: 01-QC/TU-EN", "id: 01-QC/TU-XV-EN"), ("translation_of: 01-QC/TU", "translation_of: "
                     "01-QC/TU-XV"), ("term XIV, 2020 - 2025", "term XV, 2025 - 2030"), ("2021-01-09", "2025-10-28")):
        english = english.replace(old, new)
    replaced.commit({"regulations/01-QC-TU-XV-EN.md": english.encode()}, "The term XV regulation in English")
    # With the new one's English translation: by its title, as the Vietnamese note does.
    assert _note(invoke, replaced, tmp_path / "b.md") == (
        "**This document is no longer in force: it was replaced by the Working Regulations of the Provincial Party "
        "Executive Committee, term XV, 2025 - 2030 (Regulations No. 01-QC/TU of 28 October 2025 of the Dien Bien "
        "Provincial Party Committee), effective from 28 October 2025. What follows is its text as in force until 27 "
        "October 2025; for reference only.**")


def test_a_replaces_check_rejects_changes_nothing_else(replaced: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    text = (replaced.root / OLD).read_text(encoding="utf-8")
    cycle = text.replace("effective: 2021-01-09\n", "effective: 2021-01-09\nreplaces: 01-QC/TU-XV\n", 1)
    replaced.commit({OLD: cycle.encode()}, "a cycle")
    line = cycle.split("\n").index("replaces: 01-QC/TU-XV") + 1
    checked = invoke(replaced, "check")
    assert checked.exit_code == 1
    assert f"{OLD}:{line}: 01-QC/TU replaces 01-QC/TU-XV from 2021-01-09, but 01-QC/TU-XV itself took" in (
        checked.output)
    # `list` showed both replaced, and 01-QC/TU-XV's text "in force until 2021-01-08", before it existed.
    rows = {row["id"]: row for row in json.loads(invoke(replaced, "list", "--json").stdout)}
    assert (rows["01-QC/TU-XV"]["status"], rows["01-QC/TU-XV"]["replaced_by"]) == ("in force", "")
    assert (rows["01-QC/TU"]["status"], rows["01-QC/TU"]["replaced_by"]) == ("replaced", "01-QC/TU-XV")
    out = tmp_path / "xv.md"
    exported = invoke(replaced, "export", "01-QC/TU-XV", "--as-of", "2026-01-01", "-o", str(out))
    assert exported.exit_code == 0, exported.output
    assert "the text in force on 2026-01-01" in exported.output and "replaced" not in exported.output
    assert "hết hiệu lực" not in out.read_text(encoding="utf-8")
    assert "replaced" not in invoke(replaced, "show", "01-QC/TU-XV", "d1").output

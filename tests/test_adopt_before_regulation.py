"""An amendment signed, or taking effect, before the regulation it amends was itself signed or took effect is a
mistyped date: `amend adopt --signed 1925-03-28` on 01-QC/TU (signed 2021-01-09) was adopted, and `show --as-of
2021-02-01` then showed Điều 20a, which it inserts, in force (r39 sweep BY F3)."""

from __future__ import annotations

import pytest

from regdraft.workspace.store import Workspace

from .conftest import SHIPPED_AMENDMENT, Invoke
from .test_cli_amend import snapshot

SLUG = SHIPPED_AMENDMENT


@pytest.fixture
def submitted(tmp_workspace: Workspace, invoke: Invoke) -> Workspace:
    """The shipped workspace with its amendment submitted (01-QC/TU signed and in force from 2021-01-09)."""
    assert invoke(tmp_workspace, "amend", "status", SLUG, "submitted").exit_code == 0
    return tmp_workspace


def test_a_signing_date_before_the_regulations_own_is_refused(submitted: Workspace, invoke: Invoke) -> None:
    before = snapshot(submitted)
    refused = invoke(submitted, "amend", "adopt", SLUG, "--signed", "1925-03-28")
    assert refused.exit_code == 1
    assert ("  - its signing date 1925-03-28 is before 01-QC/TU itself was signed (2021-01-09); adopt it with the date "
            f"it was signed: `regdraft amend adopt {SLUG} --signed DATE`\n") in refused.output
    assert snapshot(submitted) == before


def test_an_effective_date_before_the_regulation_was_signed_is_refused(submitted: Workspace, invoke: Invoke) -> None:
    refused = invoke(submitted, "amend", "adopt", SLUG, "--signed", "2021-01-09", "--effective", "2021-01-08")
    assert refused.exit_code == 1
    assert ("  - its effective date 2021-01-08 is before 01-QC/TU itself was signed (2021-01-09); adopt it with the "
            f"date it takes effect: `regdraft amend adopt {SLUG} --signed 2021-01-09 --effective DATE`\n"
            in refused.output)


def test_taking_effect_before_the_regulation_does_is_no_refusal(submitted: Workspace, invoke: Invoke) -> None:
    # Luật 43/2024/QH15 (signed 2024-06-29, in force 2024-08-01) amended Luật Đất đai 31/2024/QH15 (signed
    # 2024-01-18, in force 2025-01-01), bringing its date forward: a regulation signed, not yet in force, amended.
    path = "regulations/01-QC-TU.md"
    text = submitted.path(path).read_text(encoding="utf-8")
    assert "effective: 2021-01-09" in text
    submitted.commit({path: text.replace("effective: 2021-01-09", "effective: 2021-06-01", 1).encode()}, "later")
    said = invoke(submitted, "amend", "adopt", SLUG, "--signed", "2021-02-01").output
    assert "01-QC/TU itself" not in said, said


def test_the_regulations_own_date_is_no_refusal(submitted: Workspace, invoke: Invoke) -> None:
    said = invoke(submitted, "amend", "adopt", SLUG, "--signed", "2021-01-09").output
    assert "01-QC/TU itself" not in said

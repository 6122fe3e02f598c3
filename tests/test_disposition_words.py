"""`comment respond --disposition` takes the words the comment reports print (`not-accepted`, `partly-accepted`,
`Tiếp thu một phần`) as well as its own values, and names every accepted word when refusing one (r34 sweep BE
point 6)."""

from __future__ import annotations

import pytest
import yaml

from regdraft.core.comments import Disposition
from regdraft.core.disposition_words import read_disposition
from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT, Invoke


@pytest.mark.parametrize(("typed", "meant"), [
    ("not-accepted", Disposition.REJECTED), ("Not accepted", Disposition.REJECTED),
    ("partly-accepted", Disposition.PARTLY), ("partly_accepted", Disposition.PARTLY), ("partly", Disposition.PARTLY),
    ("Tiếp thu một phần", Disposition.PARTLY), ("không  tiếp thu", Disposition.REJECTED),
    ("Ghi nhận", Disposition.NOTED), ("withdrawn", Disposition.WITHDRAWN), ("ACCEPTED", Disposition.ACCEPTED),
])
def test_the_words_a_report_prints_read_as_their_disposition(typed: str, meant: Disposition) -> None:
    assert read_disposition(typed) is meant


def test_every_label_the_shipped_profile_prints_reads_back() -> None:
    profile = yaml.safe_load((REPO_ROOT / "regdraft" / "profiles" / "party-36.yaml").read_text(encoding="utf-8"))
    labels: list[tuple[str, str]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, str) and key.startswith("disposition_") and key != "disposition_none":
                    labels.append((key.removeprefix("disposition_"), str(value)))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(profile)
    assert len(labels) >= 10  # Vietnamese and English
    for value, label in labels:
        assert read_disposition(label) is Disposition(value), label
    assert read_disposition("maybe") is None


def test_comment_respond_takes_a_report_s_words_and_names_the_accepted_ones(circulating: Workspace,
                                                                            invoke: Invoke) -> None:
    run = invoke
    added = run(circulating, "comment", "add", "qc-sua-doi-2025", "--by", "Ban Tổ chức Tỉnh ủy", "--on", "d5.k2",
                "--text", "Đề nghị làm rõ.")
    assert added.exit_code == 0, added.output
    comment_id = added.output.split()[2]
    answered = run(circulating, "comment", "respond", comment_id, "--disposition", "not-accepted", "--reply", "Giữ.")
    assert answered.exit_code == 0, answered.output
    assert "rejected (Không tiếp thu)" in answered.output, answered.output
    refused = run(circulating, "comment", "respond", comment_id, "--disposition", "maybe", "--reply", "Giữ.")
    assert refused.exit_code == 2, refused.output
    said = " ".join(refused.output.split())
    assert "'maybe' is not a disposition; write one of accepted, partly (or partly-accepted), rejected (or " \
           "not-accepted), noted, withdrawn" in said, said

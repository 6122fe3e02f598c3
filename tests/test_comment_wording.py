"""Sentences the office reads when a comment or a sync goes wrong: each said once, in the words of what happened."""

from __future__ import annotations

import pytest

from regdraft.core.comments import WrongWording, _reads_as_the_provision
from regdraft.workspace.resolve import Conflict, ConflictedFile


def test_a_point_proposed_on_its_clause_is_explained_in_one_sentence() -> None:
    # It read "… the provision commented on: The proposed wording does not read as khoản 2 Điều 5: …".
    with pytest.raises(WrongWording) as refused:
        _reads_as_the_provision("a) Tổ chức thực hiện các nghị quyết.", "d5.k2", "vi")
    message = str(refused.value)
    assert message.startswith("The proposed wording begins “a) Tổ chức thực hiện các nghị quyết.”, which is not "
                              "khoản 2 Điều 5, the provision commented on: ")
    assert message.count("The proposed wording") == 1


def test_a_conflict_over_the_conference_vote_is_not_called_a_provision() -> None:
    vote = ConflictedFile("amendments/qc-sua-doi-2025/vote.yaml", "Changed by you and by the remote")
    said = Conflict("rebase", (vote,)).report()
    assert "you and a colleague recorded the conference vote differently" in said and "provisions" not in said
    text = ConflictedFile("regulations/01-QC-TU.md", "Changed by you and by the remote")
    assert "changed the same provisions" in Conflict("rebase", (vote, text)).report()

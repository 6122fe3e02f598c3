"""A comment's body named by part of a consulted body's name (`Văn phòng` for `Văn phòng Tỉnh ủy`): warned with
"did you mean", as a typo or an unaccented spelling is, so that the real body is not counted as agreeing unseen
(r31 sweep AU, finding 4). Like those, the comment is recorded as typed: nothing the drafter typed is lost."""

from __future__ import annotations

import pytest

from regdraft.core.comments import Round, nearest_consulted, not_consulted
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke

ROUND = Round(1, "Lấy ý kiến", "2099-01-01", ("Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy",
                                              "Ban Tuyên giáo và Dân vận Tỉnh ủy"), "HEAD", 1)


@pytest.mark.parametrize(("by", "meant"), [
    ("Văn phòng", "Văn phòng Tỉnh ủy"),
    ("van phong", "Văn phòng Tỉnh ủy"),
    ("Tổ chức Tỉnh uỷ", "Ban Tổ chức Tỉnh ủy"),
    ("Ban Tổ chức", "Ban Tổ chức Tỉnh ủy"),
    # Part of two consulted bodies' names: the nearest spelling, as for a typo.
    ("Ban Tuyên giáo", "Ban Tuyên giáo Tỉnh ủy"),
    ("Tỉnh ủy", ""),
    ("phòng Tỉnh", "Văn phòng Tỉnh ủy"),
])
def test_part_of_one_consulted_name_is_that_body(by: str, meant: str) -> None:
    assert nearest_consulted(by, ROUND) == meant


def test_the_warning_says_did_you_mean() -> None:
    said = not_consulted("Văn phòng", ROUND)
    assert said.startswith("'Văn phòng' is not a body consulted in round 1: did you mean Văn phòng Tỉnh ủy? Recorded "
                           "as it is, the round's report lists 'Văn phòng' apart as not consulted and counts Văn "
                           "phòng Tỉnh ủy as agreeing unless it sent comments itself.")


def test_comment_add_with_part_of_a_name(circulating: Workspace, invoke: Invoke) -> None:
    result = invoke(circulating, "comment", "add", SHIPPED_AMENDMENT, "--by", "Ban Tổ chức", "--on", "d5",
                    "--text", "Đề nghị làm rõ.")
    assert result.exit_code == 0, result.output
    told = " ".join(result.output.split())
    assert "'Ban Tổ chức' is not a body consulted in round 1: did you mean Ban Tổ chức Tỉnh ủy?" in told
    assert [(c.by, c.text) for c in rounds.load_comments(circulating, SHIPPED_AMENDMENT)] == [
        ("Ban Tổ chức", "Đề nghị làm rõ.")]
    # `check` warns of a name near a consulted body's, not of every body that commented unasked.
    checked = " ".join(invoke(circulating, "check").output.split())
    assert "did you mean Ban Tổ chức Tỉnh ủy?" in checked

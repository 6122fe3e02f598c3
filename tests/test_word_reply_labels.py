"""A tracked change in a Word reply on a clause or point without points is a proposal written after the provision's
label (`a) Thường lệ hai tháng …`), as the browser's wording editor writes one: the report showed the words alone
(`Đề xuất: Thường lệ hai tháng …`), the only proposal naming no provision (r36 committee sweep on Luật Đấu thầu:
`Đề xuất: Tổ chức việc lựa chọn nhà thầu …` for khoản 9 Điều 16)."""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from pathlib import Path

import pytest

from regdraft.core.comment_yaml import comment_to_yaml
from regdraft.core.layout import comments_folder
from regdraft.workspace import rounds
from regdraft.workspace.proposals import accept_proposal
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke

SLUG = "qc-sua-doi-2025"
BODY = "Ban Tổ chức Tỉnh ủy"
MEETINGS = "Thường lệ ba tháng một lần"  # điểm a khoản 1 Điều 12 of the draft
CLAUSE = "Thực hiện tiếp công dân định kỳ"  # khoản 6 Điều 9, quoted by the amending document's instruction


@pytest.fixture
def reply(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> Path:
    """A reply with two tracked changes: in điểm a khoản 1 Điều 12 of the text as amended, and in khoản 6 Điều 9 as
    the amending document quotes it."""
    copy = kit.round_copy(invoke, tmp_workspace, SLUG, tmp_path / "copy.docx", BODY)
    document = kit.open_docx(copy)
    kit.track_replace(kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng"), "hai tháng", "Lê Văn Cường")
    quoted = kit.paragraph_with(document, CLAUSE, last=False)
    kit.track_replace(kit.isolate(quoted, "định kỳ"), "hằng tháng", "Lê Văn Cường")
    return kit.save(document, tmp_path / "reply.docx")


def test_a_tracked_change_on_a_point_or_clause_is_proposed_after_its_label(tmp_workspace: Workspace, reply: Path,
                                                                           invoke: Invoke, tmp_path: Path) -> None:
    ws = tmp_workspace
    comments = kit.imported_by_provision(invoke, ws, SLUG, reply, BODY)
    point, clause = comments["d12.k1.a"], comments["d9.k6"]
    assert point["proposal"] == "a) " + point["anchor"].replace("ba tháng", "hai tháng", 1)
    assert clause["proposal"] == "6. " + clause["anchor"].replace("định kỳ", "hằng tháng", 1)
    # What changed is said as before, the label aside.
    assert point["text"] == "Đề nghị sửa như sau: thay “ba” bằng “hai”."
    out = tmp_path / "bao-cao.csv"
    assert invoke(ws, "round", "report", SLUG, "-o", str(out)).exit_code == 0
    rows = {row["Địa chỉ"]: row for row in csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines())}
    assert rows["d12.k1.a"]["Đề xuất"].startswith("a) Thường lệ hai tháng một lần;")
    assert rows["d9.k6"]["Đề xuất"].startswith("6. Thực hiện tiếp công dân hằng tháng")
    html = tmp_path / "bao-cao.html"
    assert invoke(ws, "round", "report", SLUG, "-o", str(html)).exit_code == 0
    page = " ".join(re.sub(r"<[^>]+>", " ", html.read_text(encoding="utf-8")).split())
    assert "Đề xuất: a) Thường lệ ba hai tháng một lần;" in page  # the change marked, the label as written
    # Accepted, it is the point with its own label.
    accept_proposal(ws, SLUG, point["id"])
    unit = rounds.draft_text(ws, SLUG).find("d12.k1.a").unit
    assert (unit.label, unit.text[0]) == ("a", point["proposal"][3:])


def test_a_reply_imported_before_the_label_is_known_again(tmp_workspace: Workspace, reply: Path,
                                                          invoke: Invoke) -> None:
    # A comment is known again by the fingerprint of what it came from (`replies.fingerprint`), which holds the
    # wording proposed: made of the wording with its label, a reply imported before (r36, no label) and imported again
    # would have recorded every tracked change twice. These are the fingerprints r36 wrote for the two changes.
    ws = tmp_workspace
    first = kit.imported_by_provision(invoke, ws, SLUG, reply, BODY)
    assert {k: c["source"] for k, c in first.items()} == {"d12.k1.a": "docx:a0ac7faf6b0f738d",
                                                         "d9.k6": "docx:09c3d2f629f243ab"}
    for made in rounds.load_comments(ws, SLUG):
        unlabelled = replace(made, proposal=made.proposal.split(" ", 1)[1])
        ws.commit({f"{comments_folder(SLUG)}/{made.id}.yaml": comment_to_yaml(unlabelled).encode("utf-8")},
                  "As an import before r37 wrote it")
    again = invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY)
    assert again.exit_code == 0 and "Nothing imported" in again.output, again.output
    assert sorted(c.id for c in rounds.load_comments(ws, SLUG)) == sorted(c["id"] for c in first.values())

"""Reject read by the reply's order when a member also moves paragraphs (r41 word41): Nghị định 63/2010 with the real
48/2013, whose Word redline inserts Điều 35a (khoản 2: points a to e). A point moved with Track Changes off (cut and
paste) put the reply out of order with the redline: a point rejected beside it was missed (a paragraph standing
elsewhere, or Chương VII's label printed on its own line, was taken to stand for it), and a point moved and retyped
was taken as rejected at the place it left. A rejection is now read where the reply lacks the paragraph and no
paragraph of the reply may be it; where one may be (moved or retyped without Track Changes), a warning names the
provision and nothing is guessed."""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke

BODY = "Bộ Tư pháp"
# The points of khoản 2 Điều 35a, which 48/2013 inserts, by their letters.
POINTS = {"a": "Công tác chỉ đạo, điều hành và tổ chức thực hiện", "b": "Công tác kiểm soát quy định về thủ tục hành",
          "c": "Công tác kiểm soát việc thực hiện thủ tục hành", "d": "Công tác rà soát, đánh giá thủ tục hành chính;",
          "đ": "Công tác tiếp nhận, xử lý phản ánh", "e": "Nội dung khác theo yêu cầu của Bộ Tư pháp."}


@pytest.fixture(scope="module")
def decree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Nghị định 63/2010 with its real amendment 48/2013 as draft 1 of `real`, round 1 consulting Bộ Tư pháp, and the
    Word redline of the draft beside the workspace."""
    return kit.decree_48_redline(tmp_path_factory.mktemp("nd48") / "ws", BODY)


@pytest.fixture
def ws(decree: Path, tmp_path: Path) -> Iterator[Workspace]:
    yield Workspace(Path(shutil.copytree(decree, tmp_path / "ws", symlinks=True)))


def _reply(decree: Path, out: Path, moved: str = "", after: str = "", rejected: str = "", retyped: str = "") -> Path:
    """The redline with point `moved` cut and pasted after point `after` (Track Changes off), point `rejected`'s
    insertion rejected, and point `retyped`'s `thủ tục hành chính` made `các thủ tục hành chính` untracked."""
    document = kit.open_docx(decree.parent / "redline.docx")
    points: dict[str, Any] = {letter: kit.paragraph_holding(document, words) for letter, words in POINTS.items()}
    if moved:
        points[after].addnext(points[moved])
    if rejected:
        kit.rejected_paragraphs(points[rejected], points[rejected])
    for t in points[retyped].iter(qn("w:t")) if retyped else ():
        t.text = (t.text or "").replace("thủ tục hành chính", "các thủ tục hành chính")
    return kit.save(document, out)


@pytest.mark.parametrize(("moved", "after", "rejected"), [("b", "c", "e"), ("c", "a", "d"), ("", "", "e")],
                         ids=["b-after-c-e-rejected", "c-before-b-d-rejected", "e-rejected-before-a-chapter"])
def test_a_point_rejected_beside_a_point_moved_is_still_read_as_rejected(
        decree: Path, ws: Workspace, invoke: Invoke, tmp_path: Path, moved: str, after: str, rejected: str) -> None:
    reply = _reply(decree, tmp_path / "tra-loi.docx", moved, after, rejected)
    (c,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    assert (c["provision"], c["proposal"]) == (f"d35a.k2.{rejected}", f"{rejected}) (được bãi bỏ)"), c


def test_a_point_moved_and_nothing_rejected_holds_nothing(decree: Path, ws: Workspace, invoke: Invoke,
                                                          tmp_path: Path) -> None:
    result = invoke(ws, "comment", "import", "real", str(_reply(decree, tmp_path / "tra-loi.docx", "b", "đ")),
                    "--by", BODY)
    assert result.exit_code == 1 and "tracked changes in it are the redline's own" in result.output, result.output


def test_a_point_moved_and_retyped_is_never_said_rejected_but_named(decree: Path, ws: Workspace, invoke: Invoke,
                                                                    tmp_path: Path) -> None:
    # Point b moved after point đ and retyped without Track Changes: not where the redline printed it, nor word for
    # word anywhere; it was imported as rejected (`b) (được bãi bỏ)`). Point d, rejected, still is.
    reply = _reply(decree, tmp_path / "tra-loi.docx", "b", "đ", "d", retyped="b")
    result = invoke(ws, "comment", "import", "real", str(reply), "--by", BODY)
    said = " ".join(result.output.split())
    assert result.exit_code == 0 and "Điểm b khoản 2 Điều 35a, which the draft inserts, is not in tra-loi.docx" in said
    assert "cannot be told" in said, said
    found = [p.read_text(encoding="utf-8") for p in (ws.root / "amendments" / "real" / "comments").glob("*.yaml")]
    assert len(found) == 1 and "provision: d35a.k2.d" in found[0], found


def test_a_long_plain_paragraph_is_not_weighed_against_each_line_missing(
        decree: Path, ws: Workspace, invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """r44 sweep CI F3: a paragraph of words no text holds (one of 100,000 runs, typed without Track Changes) was
    weighed character by character against every line missing (60.9 s of CPU). Its length alone keeps it from being
    any of them: point e, rejected, is still read as rejected, and it is weighed against none."""
    document = kit.open_docx(decree.parent / "redline.docx")
    kit.rejected_paragraphs(kit.paragraph_holding(document, POINTS["e"]), kit.paragraph_holding(document, POINTS["e"]))
    long = document.add_paragraph()
    for i in range(3_000):
        long.add_run(f"lấy ý kiến {i} ")
    reply = kit.save(document, tmp_path / "tra-loi.docx")
    weighed: list[int] = []
    ratio = difflib.SequenceMatcher.ratio

    def counted(self: difflib.SequenceMatcher[str]) -> float:
        weighed.append(len(vars(self)["a"]) * len(vars(self)["b"]))  # typeshed names neither
        return ratio(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", counted)
    (c,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    assert (c["provision"], c["proposal"]) == ("d35a.k2.e", "e) (được bãi bỏ)"), c
    assert max(weighed, default=0) < 1_000_000, max(weighed)

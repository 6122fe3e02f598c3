"""Comments on a unit's parts: lead-ins (`intro`), closing texts (`end`), dash (`dashN`) and plus items.

They are checked against the draft like any provision, anchored to the part's own text, followed through
later drafts as parts, and listed and reported in document order, each with its unit.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from regdraft.core import anchoring
from regdraft.core import comments as c
from regdraft.core.comment_yaml import comment_to_yaml
from regdraft.core.errors import UnknownUnit
from regdraft.core.markdown import parse
from regdraft.core.model import Regulation
from regdraft.core.parts import reading_order
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

FIX = Path(__file__).resolve().parent / "fixtures" / "comments"
SLUG = "mini-sua"
SOURCE = (FIX / "draft1.md").read_text(encoding="utf-8")
# Khoản 1 Điều 3 of draft 1: a lead-in and two dash items, no plus items, no closing text.
LEAD_IN = "Ban Chấp hành họp thường lệ 3 tháng một lần:"
SECOND = "- Hội nghị bất thường."
CLOSED = SOURCE.replace("c) Thiểu số phục tùng đa số.\n",
                        "c) Thiểu số phục tùng đa số.\n\n<!-- đoạn cuối khoản 2 -->\n\n"
                        "Kết quả thực hiện được báo cáo Ban Thường vụ Tỉnh ủy.\n")


def _draft(text: str, name: str = "draft.md") -> Regulation:
    return parse(text.encode("utf-8"), name)


@pytest.fixture(scope="module")
def draft1() -> Regulation:
    return _draft(SOURCE, "draft1.md")


# -- parts that do not exist ------------------------------------------------------------------


@pytest.mark.parametrize(("on", "says"), [
    ("d3.k1.dash5", "khoản 1 Điều 3 has no gạch đầu dòng thứ năm (gạch đầu dòng thứ năm khoản 1 Điều 3 does not "
                    "exist): it has a lead-in and 2 dash items; did you mean gạch đầu dòng thứ hai khoản 1 Điều 3 "
                    "(d3.k1.dash2)?"),
    ("d2.k1.dash1", "khoản 1 Điều 2 has no gạch đầu dòng thứ nhất (gạch đầu dòng thứ nhất khoản 1 Điều 2 does not "
                    "exist): it has no lead-in, dash items or closing text; did you mean khoản 1 Điều 2 (d2.k1)?"),
    ("d3.k1.end", "khoản 1 Điều 3 has no đoạn cuối (đoạn cuối khoản 1 Điều 3 does not exist): it has a lead-in and "
                  "2 dash items; did you mean khoản 1 Điều 3 (d3.k1)?"),
    ("d2.k1.intro", "khoản 1 Điều 2 has no đoạn mở đầu"),
    ("d2.k2.end", "khoản 2 Điều 2 has no đoạn cuối (đoạn cuối khoản 2 Điều 2 does not exist): it has a lead-in; "
                  "did you mean khoản 2 Điều 2 (d2.k2)?"),
    ("d3.k1.dash1.plus1", "its gạch đầu dòng thứ nhất has no plus items; did you mean gạch đầu dòng thứ nhất khoản 1 "
                          "Điều 3 (d3.k1.dash1)?"),
    ("d3.k1.dash4.plus1", "khoản 1 Điều 3 has no gạch đầu dòng thứ tư"),
])
def test_a_comment_on_a_part_the_unit_lacks_is_refused_naming_what_it_has(draft1: Regulation, on: str,
                                                                          says: str) -> None:
    with pytest.raises(UnknownUnit) as caught:
        c.prepare(1, "Ban A", on, "x", draft1)
    assert says in str(caught.value)
    assert str(caught.value).startswith("draft1.md: ")


def test_a_comment_on_a_part_is_anchored_to_the_parts_own_text(draft1: Regulation) -> None:
    assert c.prepare(1, "Ban A", "d3.k1.dash2", "x", draft1).anchor == SECOND
    assert c.prepare(1, "Ban A", "gạch đầu dòng thứ nhất khoản 1 Điều 3", "x", draft1).anchor == "- Hội nghị thường lệ;"
    assert c.prepare(1, "Ban A", "d3.k1.intro", "x", draft1).anchor == LEAD_IN
    assert c.prepare(1, "Ban A", "d2.k2.intro", "x", draft1).anchor == (
        "Thực hiện nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách:")
    closed = _draft(CLOSED)
    assert c.prepare(1, "Ban A", "d2.k2.end", "x", closed).anchor == (
        "Kết quả thực hiện được báo cáo Ban Thường vụ Tỉnh ủy.")
    plussed = _draft(SOURCE.replace(SECOND, "- Hội nghị bất thường:\n  + Do Ban Thường vụ triệu tập;"))
    assert c.prepare(1, "Ban A", "d3.k1.dash2.plus1", "x", plussed).anchor == "+ Do Ban Thường vụ triệu tập;"


# -- following a part through drafts ----------------------------------------------------------


def test_a_part_is_unchanged_while_its_text_is_and_followed_when_the_text_around_it_changes(
        draft1: Regulation) -> None:
    def placed(on: str, text: str, draft: Regulation = draft1) -> str:
        return anchoring.follow(on, c.anchor_text(draft, on), [_draft(text)]).describe()

    for on in ("d3.k1.intro", "d3.k1.dash1", "d3.k1.dash2", "d2.k2.intro"):
        assert placed(on, SOURCE) == "unchanged", on
    lead_in_changed = SOURCE.replace("3 tháng một lần", "mỗi quý một lần")
    assert placed("d3.k1.dash2", lead_in_changed) == "unchanged"
    assert placed("d3.k1.intro", lead_in_changed) == "changed"
    point_changed = SOURCE.replace("c) Thiểu số phục tùng đa số.", "c) Thiểu số phục tùng.")
    assert placed("d2.k2.intro", point_changed) == "unchanged"
    # A dash item added before the one commented on renumbers it: the comment follows it.
    added = SOURCE.replace("- Hội nghị thường lệ;", "- Hội nghị thường lệ;\n- Hội nghị chuyên đề;")
    assert placed("d3.k1.dash2", added) == "moved to d3.k1.dash3"
    assert placed("d3.k1.dash1", added) == "unchanged"
    assert placed("d3.k1.dash2", SOURCE.replace(SECOND, "- Hội nghị bất thường khi cần.")) == "changed"
    # ... and stays with its unit when reworded a little, though another unit holds its old words.
    elsewhere = SOURCE.replace(SECOND, "- Hội nghị bất thường khi cần.").replace(
        "Ban Chấp hành Đảng bộ tỉnh.\n", "Ban Chấp hành Đảng bộ tỉnh:\n\n" + SECOND + "\n", 1)
    assert c.anchor_text(_draft(elsewhere), "d1.dash1") == SECOND
    assert placed("d3.k1.dash2", elsewhere) == "changed"
    assert placed("d3.k1.dash2", SOURCE.replace("\n- Hội nghị thường lệ;\n" + SECOND, "")) == "removed"
    closed = _draft(CLOSED)
    assert placed("d2.k2.end", CLOSED.replace("a) Tập thể thảo luận dân chủ;", "a) Tập thể thảo luận;"),
                  closed) == "unchanged"


def test_a_comment_anchored_to_its_units_whole_text_reads_as_anchored_to_the_part(draft1: Regulation) -> None:
    # regdraft once stored a part's unit's whole text as its anchor; in the draft the comment was made on that
    # anchor stands for the part's own text there, so the comment is not "moved to" its unit.
    legacy = c.anchor_text(draft1, "d3.k1")
    assert c.own_anchor("d3.k1.dash2", legacy, draft1) == SECOND
    assert c.own_anchor("d3.k1.intro", legacy, draft1) == LEAD_IN
    assert c.own_anchor("d3.k1.dash2", SECOND, draft1) == SECOND  # an anchor of today's kind is kept
    assert c.own_anchor("d3.k1", legacy, draft1) == legacy
    assert c.own_anchor("d3.k1.dash9", legacy, draft1) == legacy  # a part the draft lacks: nothing to read
    lead_in_changed = _draft(SOURCE.replace("3 tháng một lần", "mỗi quý một lần"))
    assert anchoring.follow("d3.k1.dash2", c.own_anchor("d3.k1.dash2", legacy, draft1), [lead_in_changed]).describe() \
        == "unchanged"


# -- through the command line -----------------------------------------------------------------


def test_add_and_show_refuse_a_part_the_unit_lacks(consulting_workspace: Workspace, invoke: Invoke) -> None:
    ws = consulting_workspace
    head = ws.head()
    for on in ("d3.k1.dash5", "d2.k1.dash1", "d3.k1.end", "gạch đầu dòng thứ ba khoản 1 Điều 3"):
        result = invoke(ws, "comment", "add", SLUG, "--by", "Ban A", "--on", on, "--text", "x")
        assert result.exit_code == 2, (on, result.output)
        assert "does not exist" in result.output and "did you mean" in result.output, on
    assert ws.head() == head and rounds.load_comments(ws, SLUG) == []
    shown = invoke(ws, "show", "MINI-QC", "d3.k1.dash5")
    assert shown.exit_code == 2
    assert "khoản 1 Điều 3 has no gạch đầu dòng thứ năm" in shown.output and "(d3.k1.dash2)" in shown.output
    assert "none" not in shown.output
    assert invoke(ws, "show", "MINI-QC", "d2.k2.end").exit_code == 2
    intro = invoke(ws, "show", "MINI-QC", "d2.k2.intro")
    assert intro.exit_code == 0
    assert intro.output.splitlines()[0] == "đoạn mở đầu khoản 2 Điều 2  (Chương I › Điều 2 › khoản 2)"
    dash = invoke(ws, "show", "MINI-QC", "d3.k1.dash2")
    assert dash.exit_code == 0 and dash.output.split("\n\n", 1)[1].strip() == SECOND
    assert "(Chương II › Điều 3 › khoản 1)" in dash.output


def _listed(ws: Workspace, invoke: Invoke) -> list[tuple[str, str]]:
    result = invoke(ws, "comment", "list", SLUG, "--json")
    assert result.exit_code == 0, result.output
    return [(d["on"], d["state"] if d["now_at"] == d["on"] else f'{d["state"]} to {d["now_at"]}')
            for d in json.loads(result.output)]


def test_comments_on_parts_are_unchanged_when_made_and_follow_the_draft(consulting_workspace: Workspace,
                                                                        invoke: Invoke) -> None:
    ws = consulting_workspace
    for on in ("d3.k1.dash2", "d3.k1.intro", "d2.k2.intro"):
        result = invoke(ws, "comment", "add", SLUG, "--by", "Ban A", "--on", on, "--text", f"Về {on}.")
        assert result.exit_code == 0, result.output
    assert sorted(_listed(ws, invoke)) == [("d2.k2.intro", "unchanged"), ("d3.k1.dash2", "unchanged"),
                                           ("d3.k1.intro", "unchanged")]
    assert [comment.anchor for comment in rounds.load_comments(ws, SLUG) if comment.on == "d3.k1.dash2"] == [SECOND]
    # The working tree's draft: a dash item added before the one commented on, and the lead-in reworded.
    path = ws.root / "regulations" / "MINI-QC.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- Hội nghị thường lệ;", "- Hội nghị thường lệ;\n- Hội nghị chuyên đề;")
                    .replace("3 tháng một lần", "mỗi quý một lần"), encoding="utf-8")
    assert sorted(_listed(ws, invoke)) == [("d2.k2.intro", "unchanged"), ("d3.k1.dash2", "moved to d3.k1.dash3"),
                                           ("d3.k1.intro", "changed")]


def test_a_comment_file_anchored_to_its_units_whole_text_is_not_moved(consulting_workspace: Workspace,
                                                                      invoke: Invoke) -> None:
    ws = consulting_workspace
    made = rounds.add_comment(ws, SLUG, "Ban A", "d3.k1.dash2", "Đề nghị bỏ.")
    kept = rounds.add_comment(ws, SLUG, "Ban B", "d3.k1.intro", "Đề nghị giữ.")
    whole = rounds.draft_text(ws, SLUG)
    anchor = c.anchor_text(whole, "d3.k1")
    files = {f"amendments/{SLUG}/comments/{x.id}.yaml": comment_to_yaml(replace(x, anchor=anchor)).encode("utf-8")
             for x in (made, kept)}
    ws.commit(files, "Comments as regdraft wrote them before")
    assert sorted(_listed(ws, invoke)) == [("d3.k1.dash2", "unchanged"), ("d3.k1.intro", "unchanged")]
    # Another dash item of the unit changes: the item commented on has not.
    path = ws.root / "regulations" / "MINI-QC.md"
    path.write_text(path.read_text(encoding="utf-8").replace("- Hội nghị thường lệ;", "- Hội nghị định kỳ;"),
                    encoding="utf-8")
    assert sorted(_listed(ws, invoke)) == [("d3.k1.dash2", "unchanged"), ("d3.k1.intro", "unchanged")]


# -- document order -----------------------------------------------------------------------------


def test_reading_order_puts_each_part_with_its_unit() -> None:
    plussed = CLOSED.replace("- Hội nghị bất thường.", "- Hội nghị bất thường:\n  + Do Ban Thường vụ triệu tập;")
    order = reading_order(_draft(plussed))
    ons = sorted(order, key=order.__getitem__)
    start = ons.index("d2")
    assert ons[start:ons.index("d4") + 1] == [
        "d2", "d2.title", "d2.k1", "d2.k2", "d2.k2.intro", "d2.k2.a", "d2.k2.b", "d2.k2.c", "d2.k2.end", "d2.k3",
        "ch2", "ch2.title", "d3", "d3.title", "d3.k1", "d3.k1.intro", "d3.k1.dash1", "d3.k1.dash2",
        "d3.k1.dash2.plus1", "d3.k2", "d4"]


def test_comment_list_and_report_are_in_document_order_with_parts(consulting_workspace: Workspace,
                                                                   invoke: Invoke, tmp_path: Path) -> None:
    ws = consulting_workspace
    for on in ("d3.k2", "d3.k1.dash2", "d2.k2.c", "d3.k1.intro", "d2.k2.intro", "d3.k1", "general", "d2a"):
        assert invoke(ws, "comment", "add", SLUG, "--by", "Ban A", "--on", on, "--text", f"Về {on}.").exit_code == 0
    expected = ["general", "d2.k2.intro", "d2.k2.c", "d2a", "d3.k1", "d3.k1.intro", "d3.k1.dash2", "d3.k2"]
    assert [on for on, _ in _listed(ws, invoke)] == expected
    report = rounds.build_report(ws, SLUG)
    assert [group.on for group in report.groups] == expected
    out = tmp_path / "bao-cao.csv"
    assert invoke(ws, "round", "report", SLUG, "-o", str(out)).exit_code == 0
    rows = out.read_text(encoding="utf-8-sig").splitlines()[1:]
    assert [row.split(",")[2] for row in rows] == expected

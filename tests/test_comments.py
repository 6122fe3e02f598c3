"""The pure core of comment rounds: values, YAML, ids, validation and anchoring."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from regdraft.core import anchoring
from regdraft.core import comments as c
from regdraft.core.comment_yaml import comment_from_yaml, comment_to_yaml
from regdraft.core.errors import ParseError, RegdraftError, UnknownUnit
from regdraft.core.markdown import parse
from regdraft.core.model import Regulation
from regdraft.core.round_yaml import round_from_yaml, round_to_yaml
from regdraft.core.text import as_text
from regdraft.importer.comment_sheet import read_sheet

FIX = Path(__file__).resolve().parent / "fixtures" / "comments"


@pytest.fixture(scope="module")
def draft1() -> Regulation:
    return parse((FIX / "draft1.md").read_bytes(), "draft1.md")


@pytest.fixture(scope="module")
def draft2() -> Regulation:
    return parse((FIX / "draft2.md").read_bytes(), "draft2.md")


def test_prepare_canonicalises_address_and_keeps_anchor(draft1: Regulation) -> None:
    comment = c.prepare(1, " Ban Tổ chức Tỉnh ủy ", "khoản 2 Điều 2", "Đề nghị làm rõ.", draft1)
    assert comment.on == "d2.k2"
    assert comment.by == "Ban Tổ chức Tỉnh ủy"
    assert comment.type is c.CommentType.SUBSTANTIVE
    assert comment.anchor.startswith("Thực hiện nguyên tắc tập trung dân chủ")
    assert "Thiểu số phục tùng đa số." in comment.anchor


def test_prepare_general_comment_has_no_anchor(draft1: Regulation) -> None:
    comment = c.prepare(1, "Ban Tuyên giáo", "chung", "Nhất trí.", draft1)
    assert (comment.on, comment.type, comment.anchor) == ("general", c.CommentType.GENERAL, "")


def test_prepare_rejects_missing_provision_and_bad_type(draft1: Regulation) -> None:
    with pytest.raises(UnknownUnit, match="khoản 9"):
        c.prepare(1, "A", "d2.k9", "x", draft1)
    with pytest.raises(RegdraftError, match="not one of general"):
        c.prepare(1, "A", "d2", "x", draft1, type_="urgent")
    with pytest.raises(RegdraftError, match="empty"):
        c.prepare(1, "A", "d2", "  ", draft1)


comment_texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(str.strip)


@settings(max_examples=60, deadline=None)
@example(text="0", reply="a\r\nb", proposal="0\r0", disposition=None)   # a '\r' read back as '\n' (newcomer draw)
@given(text=comment_texts, reply=st.text(max_size=30).map(as_text), proposal=st.text(max_size=30).map(as_text),
       disposition=st.sampled_from([None, *c.Disposition]))
def test_comment_yaml_round_trips(text: str, reply: str, proposal: str, disposition: c.Disposition | None) -> None:
    """Of a comment as regdraft records one: no character no document holds (`as_text`: every comment coming in is
    read without them, and so is a file holding them)."""
    from regdraft.core.text import nfc

    comment = c.Comment("ab12", 2, "Ban Tổ chức", "d5.k2.dd", c.CommentType.EDITORIAL, nfc(text).strip(),
                        nfc(proposal).strip(), "Dòng một\nDòng hai", disposition, nfc(reply).strip(),
                        "2025-06-01T09:00:00+07:00", "")
    assert comment_from_yaml(comment_to_yaml(comment), "x.yaml") == comment


def test_a_comments_place_in_its_import_is_kept_and_checked() -> None:
    comment = c.Comment("ab12", 1, "Ban A", "d5", c.CommentType.SUBSTANTIVE, "Sửa.", created="2025-03-10T09:00:00Z",
                        source="docx:1", order=3)
    written = comment_to_yaml(comment)
    assert "\norder: 3\n" in written and comment_from_yaml(written, "x.yaml") == comment
    assert "order" not in comment_to_yaml(replace(comment, order=0))   # a comment not imported has none
    with pytest.raises(ParseError, match="'order: 0' is not a place in an import"):
        comment_from_yaml("id: x\nround: 1\nby: A\nprovision: d1\ntext: t\norder: 0\n", "x.yaml")


def test_round_yaml_round_trips() -> None:
    r = c.Round(2, "Lấy ý kiến", "2025-07-15", ("Ban A", "Ban B"), "a" * 40, 3, c.RoundStatus.CLOSED,
                "2025-06-01T09:00:00+07:00", "2025-07-16T10:00:00+07:00")
    assert round_from_yaml(round_to_yaml(r), "r.yaml") == r


def test_comment_file_written_by_hand_with_bare_on_key() -> None:
    comment = comment_from_yaml("id: k2x9\nround: 1\nby: Ban A\non: d3\ntext: Sửa\n", "k2x9.yaml")
    assert comment.on == "d3"


def test_broken_comment_file_names_the_file() -> None:
    with pytest.raises(ParseError, match="comments/x.yaml: the key 'by' is missing"):
        comment_from_yaml("id: x\nround: 1\nprovision: d1\ntext: t\n", "comments/x.yaml")
    with pytest.raises(ParseError, match="'disposition: maybe' is not one of"):
        comment_from_yaml("id: x\nround: 1\nby: A\nprovision: d1\ntext: t\ndisposition: maybe\n", "x.yaml")


def test_every_wrong_key_of_a_comment_file_is_named_at_its_line() -> None:
    # The first wrong key hid the others: `round: hai` was named, `type: hmm` and `disposition: maybe` only once
    # it was mended, one run of `check` after another.
    with pytest.raises(ParseError) as err:
        comment_from_yaml("id: x\nround: hai\nby: A\nprovision: d1\ntype: hmm\ntext: t\ndisposition: maybe\n"
                          "reploy: Tiếp thu.\n", "comments/x.yaml")
    assert [str(p) for p in err.value.problems] == [
        "comments/x.yaml:2: 'round: hai' is not a whole number.",
        "comments/x.yaml:5: 'type: hmm' is not one of general, substantive, editorial.",
        "comments/x.yaml:7: 'disposition: maybe' is not one of accepted, partly, rejected, noted, withdrawn.",
        "comments/x.yaml:8: the key 'reploy' is unknown and has no effect; did you mean reply?"]


def test_the_line_of_a_key_under_another() -> None:
    from regdraft.core.comment_yaml import key_line

    assert key_line("identity:\n  nme: A\n  email: a@b\nprofile: x\n", "nme", "identity") == 2
    assert key_line("profile: x\nidentity: {nme: A, email: a@b}\n", "nme", "identity") == 2
    assert key_line("identity:\n  name: A\nnme: A\n", "nme", "identity") == 1  # not under identity: not found


def test_ids_are_short_hex_and_avoid_taken() -> None:
    first = c.new_comment_id("seed", [])
    assert len(first) == 4 and all(ch in "0123456789abcdef" for ch in first)
    second = c.new_comment_id("seed", [first])
    assert second != first and len(second) == 4
    assert not any(c.new_comment_id(f"s{i}", []).isdigit() for i in range(200))


def test_respond_records_disposition_with_vietnamese_label(draft1: Regulation) -> None:
    comment = c.prepare(1, "A", "d1", "x", draft1)
    answered = c.respond(comment, "Partly", " Tiếp thu một phần. ", "2025-07-01")
    assert answered.disposition is c.Disposition.PARTLY
    from regdraft.render.profile import default_profile, load_profile

    words = default_profile().words("vi")
    assert answered.disposition.label(words) == "Tiếp thu một phần"
    assert answered.reply == "Tiếp thu một phần." and not answered.is_open
    with pytest.raises(RegdraftError, match="accepted, partly, rejected, noted"):
        c.respond(comment, "maybe", "", "")
    assert [d.label(words) for d in c.Disposition] == ["Tiếp thu", "Tiếp thu một phần", "Không tiếp thu", "Ghi nhận",
                                                       "Đã rút ý kiến"]
    # The wording is the profile's: an office may word its answers otherwise.
    office = load_profile({"profile": "office"}, workspace={
        "office": "base: party-36\nwords:\n  vi:\n    disposition_noted: Đã ghi nhận\n"})
    assert c.Disposition.NOTED.label(office.words("vi")) == "Đã ghi nhận"


# -- anchoring across two drafts --------------------------------------------------------------


def test_locate_unchanged_changed_moved_removed(draft1: Regulation, draft2: Regulation) -> None:
    def placed(on: str) -> anchoring.Placement:
        return anchoring.locate(on, c.anchor_text(draft1, on), draft2)

    assert placed("d1").state is anchoring.State.UNCHANGED
    changed = placed("d2.k1")
    assert changed.state is anchoring.State.CHANGED and changed.address == "d2.k1"
    moved = placed("d2.k3")
    assert moved.state is anchoring.State.MOVED and moved.address == "d3.k3" and moved.changed
    assert moved.describe() == "moved to d3.k3 (changed)"
    assert placed("d2.k2.c").describe() == "removed"
    assert anchoring.locate("general", "", draft2).state is anchoring.State.GENERAL


def test_follow_through_drafts_keeps_the_moved_address(draft1: Regulation, draft2: Regulation) -> None:
    anchor = c.anchor_text(draft1, "d2.k3")
    # Draft 3 is draft 2 again: the provision stays where it moved to.
    placement = anchoring.follow("d2.k3", anchor, [draft2, draft2])
    assert (placement.state, placement.address) == (anchoring.State.MOVED, "d3.k3")
    assert anchoring.follow("d1", c.anchor_text(draft1, "d1"), [draft2]).state is anchoring.State.UNCHANGED
    assert anchoring.follow("d2.k2.c", c.anchor_text(draft1, "d2.k2.c"), [draft2, draft2]).state \
        is anchoring.State.REMOVED


def test_placement_measures_likeness_as_the_diff_does(draft1: Regulation, draft2: Regulation) -> None:
    """A moved provision is found by `align.similarity`, the one measure of likeness."""
    from regdraft.core.align import similarity

    moved = c.anchor_text(draft2, "d3.k3")
    words = moved.split()
    # The provision once read with its last words in another order: the same words, moved.
    reordered = " ".join(words[:-2] + words[-2:][::-1])
    assert similarity(reordered, moved) == 1.0
    placement = anchoring.locate("d2.k3", reordered, draft2)
    assert (placement.state, placement.address, placement.changed) == (anchoring.State.MOVED, "d3.k3", True)
    # Half its words gone and others in their place: no longer that provision.
    half = " ".join(words[: len(words) // 2] + ["khác"] * (len(words) - len(words) // 2))
    assert similarity(half, moved) < anchoring.MOVE_THRESHOLD
    assert anchoring.locate("d2.k3", half, draft2).state is not anchoring.State.MOVED


def test_tone_placement_alone_is_unchanged(draft1: Regulation) -> None:
    anchor = c.anchor_text(draft1, "d2.k2.b").replace("Tỉnh ủy", "Tỉnh uỷ")
    assert anchoring.locate("d2.k2.b", anchor, draft1).state is anchoring.State.UNCHANGED



def test_a_placement_kept_for_one_draft_is_not_taken_for_another(draft1: Regulation, draft2: Regulation) -> None:
    # Placements are kept per draft object: the same comment on another draft (another object, even one read
    # from the same text) is placed afresh, and the kept ones stay bounded.
    anchor = c.anchor_text(draft1, "d2.k2.b")
    assert anchoring.locate("d2.k2.b", anchor, draft1).state is anchoring.State.UNCHANGED
    again = parse((FIX / "draft1.md").read_bytes(), "draft1.md")
    assert again is not draft1
    assert anchoring.locate("d2.k2.b", anchor, again) == anchoring.locate("d2.k2.b", anchor, draft1)
    source = (FIX / "draft1.md").read_text(encoding="utf-8")
    assert source.count("Ban Chấp hành Đảng bộ tỉnh.") >= 1
    edited = parse(source.replace("Ban Chấp hành Đảng bộ tỉnh.", "Ban Chấp hành Đảng bộ tỉnh khóa mới."), "draft1.md")
    assert anchoring.locate("d1", c.anchor_text(draft1, "d1"), draft1).state is anchoring.State.UNCHANGED
    assert anchoring.locate("d1", c.anchor_text(draft1, "d1"), edited).state is anchoring.State.CHANGED
    for n in range(40):
        anchoring.locate("d2.k2.b", anchor, parse((FIX / "draft1.md").read_bytes(), f"copy{n}.md"))
    assert len(anchoring._PLACED) <= 4


# -- sheets -----------------------------------------------------------------------------------


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_csv_with_vietnamese_headers_and_blank_rows(tmp_path: Path) -> None:
    path = _write(tmp_path, "g.csv",
                  "Chủ thể góp ý,Điều khoản,Nội dung góp ý\nBan A,d1,Sửa\n,,\nBan B,chung,Nhất trí\n")
    rows = read_sheet(path)
    assert [n for n, _ in rows] == [2, 4]
    assert rows[1][1] == {"by": "Ban B", "on": "chung", "text": "Nhất trí"}


def test_read_csv_with_english_headers(tmp_path: Path) -> None:
    # "Body" and "Provision" were unknown columns: an English sheet could not be imported.
    path = _write(tmp_path, "g.csv", "Body,Provision,Comment,Proposed wording\n"
                                     "Ministry of Justice,Article 1,Define it.,This Decree provides for …\n")
    assert read_sheet(path)[0][1] == {"by": "Ministry of Justice", "on": "Article 1", "text": "Define it.",
                                      "proposal": "This Decree provides for …"}


def test_read_sheet_rejects_unknown_and_missing_columns(tmp_path: Path) -> None:
    path = _write(tmp_path, "g.csv", "by,colour\nBan A,red\n")
    with pytest.raises(ParseError) as err:
        read_sheet(path)
    report = err.value.report()
    assert "unknown column 'colour'" in report and "on, text are missing" in report


def test_validate_rows_reports_every_bad_row(draft1: Regulation) -> None:
    rows = [
        (2, {"by": "Ban A", "on": "d1", "text": "Đúng"}),
        (3, {"by": "Ban B", "on": "d9", "text": "Sai điều"}),
        (4, {"by": "", "on": "d1", "text": "Thiếu chủ thể"}),
        (5, {"by": "Ban C", "on": "d2.k1", "text": "x", "type": "urgent"}),
        (6, {"by": "Ban C", "on": "d2.k1", "text": "x", "round": "two"}),
        (7, {"by": "Ban C", "on": "d2.k1", "text": "x", "type": "editorial"}),
    ]
    with pytest.raises(ParseError) as err:
        c.validate_rows(rows, lambda n: draft1, 1, "g.csv")
    problems = err.value.problems
    assert [p.unit for p in problems] == ["row 3", "row 4", "row 5", "row 6"]
    assert "nothing was imported" in err.value.report()
    assert "Điều 9 does not exist" in str(problems[0])


def test_validate_rows_uses_default_round_and_the_rounds_draft(draft1: Regulation) -> None:
    def drafts(n: int) -> Regulation:
        if n != 2:
            raise RegdraftError(f"The amendment has no open round {n}.")
        return draft1

    made = c.validate_rows([(2, {"by": "A", "on": "Điều 2 khoản 1", "text": "t"})], drafts, 2, "g.csv")
    assert [(m.round, m.on) for m in made] == [(2, "d2.k1")]
    with pytest.raises(ParseError) as err:
        c.validate_rows([(2, {"by": "A", "on": "d1", "text": "t", "round": "1"})], drafts, 2, "g.csv")
    assert "row 2: The amendment has no open round 1." in err.value.report()


def test_read_xlsx(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["round", "by", "on", "type", "text", "proposal"])
    sheet.append([1, "Ban Tổ chức", "d2.k1", "editorial", "Sửa chữ", "thống nhất"])
    path = tmp_path / "g.xlsx"
    book.save(path)
    assert read_sheet(path) == [(2, {"round": "1", "by": "Ban Tổ chức", "on": "d2.k1", "type": "editorial",
                                       "text": "Sửa chữ", "proposal": "thống nhất"})]


def test_describe_on_and_body_matching() -> None:
    assert c.describe_on("d2.k1") == "Khoản 1 Điều 2"
    assert c.describe_on("general") == "Góp ý chung"
    assert c.same_body("Ban Tổ chức Tỉnh ủy", "ban tổ chức  Tỉnh uỷ")
    assert not c.same_body("Ban Tổ chức", "Ban Tuyên giáo")


def test_replace_keeps_comment_frozen(draft1: Regulation) -> None:
    comment = c.prepare(1, "A", "d1", "x", draft1)
    with pytest.raises(AttributeError):
        comment.text = "y"  # type: ignore[misc]
    assert replace(comment, id="abcd").id == "abcd"


def test_a_rewritten_provision_is_followed_to_the_most_alike_provision_as_by_comparing_every_one(
        draft1: Regulation, draft2: Regulation) -> None:
    # Placing a comment whose provision was rewritten compares its text only with provisions whose size lets
    # them reach the threshold or beat the best so far. The result must be what comparing every provision
    # gives: one of the most alike (which one, among equals, `_nearest` decides: tests/test_comment_ties.py), when
    # it is alike enough.
    from regdraft.core.align import similarity

    def every_one(key: str, draft: Regulation, exclude: str) -> tuple[float, set[str]]:
        best: tuple[float, set[str]] = (0.0, set())
        for loc in draft.walk():
            if loc.unit.kind not in anchoring._ANCHORED_KINDS or loc.unit.repealed or str(loc.address) == exclude:
                continue
            other = c._key(loc.unit.all_text())
            score = 1.0 if other == key else similarity(key, other)
            if score > best[0]:
                best = (score, {str(loc.address)})
            elif score == best[0]:
                best[1].add(str(loc.address))
        return best if best[0] >= anchoring.MOVE_THRESHOLD else (0.0, {""})

    anchors = [c.anchor_text(draft1, str(loc.address)) for loc in draft1.walk()
               if loc.unit.kind in anchoring._ANCHORED_KINDS and not loc.unit.repealed]
    anchors += [a.replace("Tỉnh", "Thành phố", 1) for a in anchors] + [" ".join(a.split()[:6]) for a in anchors]
    assert len(anchors) > 30
    for anchor in anchors:
        for exclude in ("d2.k2", "d99"):
            score, address, _text, _several = anchoring._best_elsewhere(c._key(anchor), draft2, exclude)
            best, tied = every_one(c._key(anchor), draft2, exclude)
            assert score == best and address in tied, anchor

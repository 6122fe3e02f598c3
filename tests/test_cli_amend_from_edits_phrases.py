"""`amend from-edits` on Luật Du lịch: the phrase a drafter replaced everywhere is quoted whole, and two phrases
replaced in one sentence are two phrase instructions, on the first run and on a rerun.

The drafter renamed `cơ quan chuyên môn về du lịch cấp tỉnh` (lower-case, at each of its places) to `cơ quan chuyên
môn về du lịch thuộc Ủy ban nhân dân cấp tỉnh`, after replacing `Tổng cục Du lịch` by `Cục Du lịch Quốc gia Việt Nam`;
both stand in one sentence of khoản 2 Điều 34 (`Tổng cục Du lịch thông báo cho cơ quan chuyên môn về du lịch cấp
tỉnh …`) and in điểm b khoản 2 Điều 33 and khoản 1 Điều 51.
"""

from __future__ import annotations

from pathlib import Path

from regdraft.core.amend import load_amendment

from .conftest import SHARED, Invoke, needs_corpus

LAW = SHARED / "corpus" / "vi" / "luat-du-lich.txt"
OFFICE = ("cơ quan chuyên môn về du lịch cấp tỉnh", "cơ quan chuyên môn về du lịch thuộc Ủy ban nhân dân cấp tỉnh")
# Its places named, not `trong toàn bộ Luật`: the capitalised `Cơ quan chuyên môn về du lịch cấp tỉnh` (7 times, at
# the start of a sentence) stay as they were, and a reader of `trong toàn bộ Luật` would take them as covered.
OFFICE_WRITTEN = ("Thay thế cụm từ “cơ quan chuyên môn về du lịch cấp tỉnh” bằng cụm từ “cơ quan chuyên môn về du lịch "
                  "thuộc Ủy ban nhân dân cấp tỉnh” tại điểm a và điểm b khoản 2 Điều 24, điểm a và điểm b khoản 2 "
                  "và khoản 3 Điều 27, điểm a và điểm b khoản 2 Điều 32, điểm b khoản 2 Điều 33, "
                  "khoản 2 Điều 34, khoản 3 Điều 35, khoản 1 Điều 43, khoản 1 Điều 51, điểm d khoản 2 Điều 53, "
                  "điểm a và điểm b khoản 3 Điều 56, điểm b khoản 3 Điều 59, điểm a và điểm b khoản 2 Điều 60 và "
                  "điểm b khoản 2 Điều 61.")
AGENCY = ("Tổng cục Du lịch", "Cục Du lịch Quốc gia Việt Nam")
# Round 1: the agency renamed, and words changed in khoản 3 Điều 50 (one of its places) and điểm c khoản 4 Điều 5.
FIRST = [("Tổng cục Du lịch thẩm định, công nhận cơ sở lưu trú du lịch hạng 04 sao và hạng 05 sao",
          "Cục Du lịch Quốc gia Việt Nam thẩm định, công nhận cơ sở lưu trú du lịch hạng 05 sao trở lên"),
         ("hạng 02 sao và hạng 03 sao.", "hạng 02 sao, hạng 03 sao và hạng 04 sao."),
         ("c) Đào tạo và phát triển nguồn nhân lực du lịch;",
          "c) Đào tạo, bồi dưỡng và phát triển nguồn nhân lực du lịch chất lượng cao;"),
         AGENCY]
AGENCY_WRITTEN = ("Thay thế cụm từ “Tổng cục Du lịch” bằng cụm từ “Cục Du lịch Quốc gia Việt Nam” tại điểm a và "
                  "điểm b khoản 2 Điều 28, điểm a và điểm b khoản 2 Điều 33, khoản 2 Điều 34, khoản 3 Điều 35, "
                  "khoản 1 Điều 51 và khoản 2 Điều 64.")


def _workspace(invoke: Invoke, root: Path) -> Path:
    """A workspace holding Luật Du lịch and a new amendment `ldl` of it; the text in force, as a file to edit."""
    for args in (("init", str(root)), ("import", str(LAW)), ("amend", "new", "ldl", "-r", "09/2017/QH14")):
        result = invoke(root if args[0] != "init" else None, *args)
        assert result.exit_code == 0, result.output
    return root / "regulations" / "09-2017-QH14.md"


def _edited(source: Path, out: Path, *changes: tuple[str, str]) -> Path:
    """`source` with every occurrence of each change's words replaced, written to `out`."""
    text = source.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    out.write_text(text, encoding="utf-8")
    return out


def _from_edits(invoke: Invoke, root: Path, edited: Path, preview: Path) -> list[str]:
    """The instructions `from-edits` writes from `edited`, checked to give back `edited` exactly when applied."""
    result = invoke(root, "amend", "from-edits", "ldl", "--edited", str(edited))
    assert result.exit_code == 0, result.output
    result = invoke(root, "amend", "preview", "ldl", "-o", str(preview))
    assert result.exit_code == 0, result.output
    assert preview.read_text(encoding="utf-8") == edited.read_text(encoding="utf-8")
    text = (root / "amendments" / "ldl" / "amendment.md").read_text(encoding="utf-8")
    return [f"{ins.location}. {ins.text}" for ins in load_amendment(text, "amendment.md", "ldl").instructions]


@needs_corpus
def test_a_name_replaced_at_each_place_is_quoted_with_the_words_that_follow_it_everywhere(invoke: Invoke,
                                                                                          tmp_path: Path) -> None:
    # It wrote `“cơ quan chuyên môn về du lịch”` → `“… thuộc Ủy ban nhân dân”`, cutting `cấp tỉnh` off the name, which
    # follows it at every place (the capitalised `Cơ quan chuyên môn về du lịch cấp tỉnh` ones, left as they were, too:
    # so its places are named).
    law = _workspace(invoke, tmp_path / "ws")
    edited = _edited(law, tmp_path / "e.md", OFFICE)
    assert _from_edits(invoke, tmp_path / "ws", edited, tmp_path / "p.md") == [f"1. {OFFICE_WRITTEN}"]


@needs_corpus
def test_two_names_replaced_in_one_sentence_are_two_phrase_instructions(invoke: Invoke, tmp_path: Path) -> None:
    # It re-enacted khoản 2 Điều 33 and khoản 1 Điều 51 whole and wrote `Thay thế cụm từ “Tổng cục Du lịch thông
    # báo cho cơ quan chuyên môn về du lịch” bằng cụm từ “Cục Du lịch Quốc gia Việt Nam thông báo cho …” trong toàn bộ
    # Luật.`
    law = _workspace(invoke, tmp_path / "ws")
    edited = _edited(law, tmp_path / "e.md", AGENCY, OFFICE)
    written = _from_edits(invoke, tmp_path / "ws", edited, tmp_path / "p.md")
    assert written == [f"1. {OFFICE_WRITTEN}",
                       "2. Thay thế cụm từ “Tổng cục Du lịch” bằng cụm từ “Cục Du lịch Quốc gia Việt Nam” trong "
                       "toàn bộ Luật."]


@needs_corpus
def test_a_kept_phrase_instruction_stays_whole_when_a_second_name_is_replaced_in_its_sentences(
        invoke: Invoke, tmp_path: Path) -> None:
    # The rerun re-enacted khoản 2 Điều 33 and khoản 1 Điều 51, cut `8. Thay thế cụm từ “Tổng cục Du lịch” …` down to
    # Điều 28 and Điều 64 and fused the two names into one phrase `trong toàn bộ Luật`.
    root = tmp_path / "ws"
    law = _workspace(invoke, root)
    first = _from_edits(invoke, root, _edited(law, tmp_path / "e1.md", *FIRST), tmp_path / "p1.md")
    assert first == ["1. Sửa đổi, bổ sung điểm c khoản 4 Điều 5 như sau:",
                     "2. Sửa đổi, bổ sung khoản 3 Điều 50 như sau:", f"3. {AGENCY_WRITTEN}"]
    lead_in = ("khuyến khích, hỗ trợ cho các hoạt động", "khuyến khích, hỗ trợ, ưu đãi cho các hoạt động")
    second = _from_edits(invoke, root, _edited(tmp_path / "p1.md", tmp_path / "e2.md", OFFICE, lead_in),
                         tmp_path / "p2.md")
    assert second == ["1. Sửa đổi, bổ sung một số điểm, khoản của Điều 5 như sau:",
                      "2. Sửa đổi, bổ sung khoản 3 Điều 50 như sau:", f"3. {OFFICE_WRITTEN}", f"4. {AGENCY_WRITTEN}"]

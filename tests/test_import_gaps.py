"""`regdraft import` of an edited text with a unit deleted, the way docs/from-edits.md gives to repeal one (r28 AH 5):
it said only that the text is out of sequence and does not pass `regdraft check`; it now also names the unit missing
and says that `amend from-edits` reads it as repealed."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SHARED, Invoke, in_corpus, needs_corpus

BASE = SHARED / "corpus" / "amendments" / "luat-dau-thau-2023" / "base-22-2023-QH15.txt"


@needs_corpus
def test_a_point_deleted_is_named_as_missing_and_read_as_repealed_by_from_edits(invoke: Invoke,
                                                                                tmp_path: Path) -> None:
    lines = in_corpus(BASE).read_text(encoding="utf-8").split("\n")
    at = lines.index("Điều 79. Trách nhiệm của bên mời thầu")
    point_b = next(i for i in range(at, at + 6) if lines[i].startswith("b) Quyết định thành lập tổ chuyên gia"))
    edited = tmp_path / "luat-dau-thau-sua.txt"
    edited.write_text("\n".join(lines[:point_b] + lines[point_b + 1:]), encoding="utf-8")
    result = invoke(None, "import", str(edited), "-o", str(tmp_path / "sua.md"))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert ("[info] Điểm b khoản 1 Điều 79 is missing from the numbering, as deleting a unit leaves it. An edited "
            "text given to `regdraft amend from-edits` may say so: it reads a unit deleted as repealed (`Bãi bỏ điểm b "
            "khoản 1 Điều 79.`)." in said)
    assert said.endswith("The file does not pass `regdraft check` as a regulation of its own only because units are "
                         "missing from its numbering (the [info] note names them): as an edited text for `regdraft "
                         "amend from-edits` that is how a unit is repealed.")

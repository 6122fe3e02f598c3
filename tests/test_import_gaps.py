"""`regdraft import` of an edited text with a unit deleted, the way docs/from-edits.md gives to repeal one (r28 AH 5):
it said only that the text is out of sequence and does not pass `regdraft check`; it now also names the unit missing
and says that `amend from-edits` reads it as repealed."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import CORPUS, SHARED, Invoke, in_corpus, needs_corpus

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


@needs_corpus
def test_each_gap_in_a_real_law_is_named_at_the_line_of_the_source_where_it_is(invoke: Invoke, tmp_path: Path) -> None:
    # Luật Du lịch with khoản 3 Điều 4, điểm b khoản 3 Điều 5 and Điều 6 deleted: the note stood at the first gap's
    # line and named the other two with no line, as if all three were there.
    lines = in_corpus(CORPUS / "luat-du-lich.txt").read_text(encoding="utf-8").split("\n")
    article = {n: lines.index(next(t for t in lines if t.startswith(f"Điều {n}."))) for n in (4, 5, 6, 7)}
    clause = next(i for i in range(article[4], article[5]) if lines[i].startswith("3. "))
    point = next(i for i in range(article[5], article[6]) if lines[i].startswith("b) Lập quy hoạch"))
    deleted = {clause, point, *range(article[6], article[7])}
    edited = [text for i, text in enumerate(lines) if i not in deleted]
    source = tmp_path / "luat-du-lich-sua.txt"
    source.write_text("\n".join(edited), encoding="utf-8")
    result = invoke(None, "import", str(source), "-o", str(tmp_path / "sua.md"))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    found = re.search(r"line (\d+): \[info\] Khoản 3 Điều 4 \(line (\d+)\), điểm b khoản 3 Điều 5 \(line (\d+)\), "
                      r"Điều 6 \(line (\d+)\) are missing from the numbering", said)
    assert found is not None, said
    at, *named = (int(n) for n in found.groups())
    # Each is the line of the source holding the unit after the gap: khoản 4, điểm c, Điều 7.
    assert [edited[n - 1].split(" ")[0] for n in named] == ["4.", "c)", "Điều"]
    assert edited[named[2] - 1].startswith("Điều 7.") and at == named[0]

"""Tables inside compared text (regdraft.core.table_diff): each side's rows and cells, aligned and marked."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from regdraft.core.table_diff import Row, is_row, lines, pairs, runs, same_row, table_grid
from regdraft.core.word_diff import DiffSegment, Op, diff_words

TABLE = "| Việc | Người |\n| --- | --- |\n| Họp | Bí thư |\n| Báo cáo | Văn phòng |"


def _grid(old: str, new: str) -> list[Row]:
    split = lines(diff_words(old, new))
    [(start, end)] = runs(split)
    return table_grid(split[start:end])


def _side(cells: tuple[tuple[DiffSegment, ...], ...], drop: Op) -> tuple[str, ...]:
    return tuple("".join(s.text for s in cell if s.op is not drop) for cell in cells)


def _shown(rows: list[Row]) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(r.op.value, [(s.op.value, s.text) for cell in r.cells for s in cell if s.op is not Op.EQUAL])
            for r in rows]


def test_a_word_diff_across_cell_borders_is_compared_cell_by_cell() -> None:
    # The word diff of the whole text runs "Báo cáo | Văn phòng" into "Tổng kết | Thường trực".
    new = TABLE.replace("| Họp |", "| Họp thường kỳ |").replace("| Báo cáo | Văn phòng |", "| Tổng kết | Thường trực |")
    rows = _grid(TABLE, new)
    assert [r.op for r in rows] == [Op.EQUAL, Op.EQUAL, Op.DELETE, Op.INSERT]
    assert _side(rows[1].cells, Op.INSERT) == ("Họp", "Bí thư")
    assert _side(rows[1].cells, Op.DELETE) == ("Họp thường kỳ", "Bí thư")
    assert _shown(rows)[1:] == [("equal", [("insert", " thường kỳ")]),
                                ("delete", [("delete", "Báo cáo"), ("delete", "Văn phòng")]),
                                ("insert", [("insert", "Tổng kết"), ("insert", "Thường trực")])]


def test_a_cell_changed_in_place_stays_in_its_column() -> None:
    rows = _grid(TABLE, TABLE.replace("| Văn phòng |", "| Thường trực |"))
    assert [r.op for r in rows] == [Op.EQUAL] * 3
    assert _shown(rows)[2] == ("equal", [("delete", "Văn phòng"), ("insert", "Thường trực")])
    assert _side(rows[2].cells, Op.DELETE) == ("Báo cáo", "Thường trực")


def test_rows_added_and_removed_and_a_column_one_row_gains() -> None:
    new = TABLE.replace("| Họp | Bí thư |\n", "").replace(
        "| Báo cáo | Văn phòng |", "| Báo cáo | Văn phòng | Quý I |\n| Kiểm tra | Ủy ban Kiểm tra |")
    rows = _grid(TABLE, new)
    assert [r.op for r in rows] == [Op.EQUAL, Op.DELETE, Op.EQUAL, Op.INSERT]
    assert {len(r.cells) for r in rows} == {3}  # every row as wide as the widest: no cell is cut off in print
    assert _shown(rows)[2] == ("equal", [("insert", "Quý I")])
    assert _side(rows[3].cells, Op.DELETE) == ("Kiểm tra", "Ủy ban Kiểm tra", "")


def test_a_table_added_after_a_paragraph_is_inserted_whole() -> None:
    split = lines(diff_words("Đoạn văn.", "Đoạn văn.\n" + TABLE))
    assert runs(split) == [(1, 5)]  # the separator line is a line of the run, not a row
    assert [r.op for r in table_grid(split[1:5])] == [Op.INSERT] * 3
    assert not is_row(split[0][0])


def test_cells_pair_in_place_and_rows_by_a_cell_kept_or_most_words() -> None:
    assert pairs("abc", "abd") == [("a", "a"), ("b", "b"), ("c", "d")]
    rows = [("Họp", "Bí thư"), ("Báo cáo", "Văn phòng")]
    assert pairs(rows, [("Báo cáo", "Văn phòng", "Quý I")], same_row) == \
        [(("Họp", "Bí thư"), None), (("Báo cáo", "Văn phòng"), ("Báo cáo", "Văn phòng", "Quý I"))]
    # A cell kept pairs a row however much else changed; without one, most of the words must stay.
    assert same_row(("26.", "Quy hoạch khoáng sản"), ("26.", "Quy hoạch tổng thể hệ thống đô thị"))
    assert same_row(("Họp Bí thư", ""), ("Họp thường kỳ Bí thư", ""))
    assert not same_row(("Báo cáo", "Văn phòng"), ("Tổng kết", "Thường trực"))


_cell = st.text(alphabet="abc đê ơ", min_size=1, max_size=8).map(str.strip).filter(bool)
_rows = st.lists(st.lists(_cell, min_size=2, max_size=3), min_size=1, max_size=5)


def _markdown(rows: list[list[str]]) -> str:
    return "\n".join("| " + " | ".join(r) + " |" for r in rows)


@settings(max_examples=60)
@given(_rows, _rows)
# Found by a random run: the new side's first row break stood on a line of its own, between the deleted rows
# and the inserted one, and the table was read as two runs.
@example(old=[["a", "a", "a"], ["aa", "a"], ["a", "a"]], new=[["a", "a"], ["a", "a", "a"]])
# And: the rows removed and added shared a `| `, which left the new side's first row (`a | a |`) on a line whose
# own text does not start with a border.
@example(old=[["aa", "aa", "b b"], ["b", "aa"], ["a a", "b b"]], new=[["a", "a"], ["a", "a a"]])
def test_both_sides_of_every_table_are_printed_whole(old: list[list[str]], new: list[list[str]]) -> None:
    """Post-condition 1: the old side of the rows is the old table, the new side the new one (cells in
    order, the padding of rows to the widest one aside)."""
    rows = _grid(_markdown(old), _markdown(new))

    def side(drop: Op, op: Op) -> list[tuple[str, ...]]:
        return [tuple(c for c in _side(r.cells, drop)) for r in rows if r.op in (Op.EQUAL, op)]

    def trimmed(table: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
        return [tuple(c for c in row if c) for row in table]

    assert trimmed(side(Op.INSERT, Op.DELETE)) == [tuple(r) for r in old]
    assert trimmed(side(Op.DELETE, Op.INSERT)) == [tuple(r) for r in new]

"""An issued consolidated copy's marks are looked for at a cost in proportion to the text (sweep r27/W, defect 2).

`_BLANK_NUMBER` had three runs of spaces with nothing to part them (`\\s*:?[\\s]*[/\\-]?[\\s]*`): a line `Số` and 2,000
Ogham spaces (U+1680, which the import did not write as a plain space) took 35 s to refuse, a 37 KB .docx 46 s to
import. `_CITED` had two runs around a digit (`[\\w./\\-]*\\d[\\w./\\-]*`): quadratic on a long number. The blank lines
were taken out of the preamble by comparing every paragraph with every blank one (10,000 blank dates: 50 million
comparisons). Python's `re` counts no steps, so the patterns' shape is checked instead: no two runs that can take the
same character meet with only what can be empty, or a character both can take, between them."""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from functools import partial
from pathlib import Path
from typing import Any

from regdraft.core.text import ODD_SPACES
from regdraft.importer import copies, import_file
from regdraft.importer.plaintext import clean
from tests import counting

# The characters a run is probed with: the spaces `\s` takes, the marks and letters of a copy's number.
PROBES = " \t\n\v\f\r\x1c\x85\u00a0\u1680\u2000\u2028\u3000\u205f:/-._0189aAnNsSốỐVBHNvbhnđĐxX"
_CATEGORIES = {sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_DIGIT: r"\d",
               sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}


def _takes(item: tuple[Any, Any], ignore_case: bool) -> set[str] | None:
    """The probes one item of a parsed pattern takes as one character; None when it is no single character."""
    op, av = item
    if op is sre.LITERAL:
        return {c for c in PROBES if c == chr(av) or ignore_case and c.casefold() == chr(av).casefold()}
    if op is sre.NOT_LITERAL:
        return {c for c in PROBES if c != chr(av)}
    if op is sre.ANY:
        return set(PROBES) - {"\n"}
    if op is sre.IN:
        negate = any(o is sre.NEGATE for o, _ in av)
        inside: set[str] = set()
        for o, a in av:
            if o is sre.LITERAL:
                inside |= {c for c in PROBES if c == chr(a) or ignore_case and c.casefold() == chr(a).casefold()}
            elif o is sre.RANGE:
                inside |= {c for c in PROBES if a[0] <= ord(c) <= a[1]}
            elif o is sre.CATEGORY:
                inside |= {c for c in PROBES if re.fullmatch(_CATEGORIES[a], c)}
        return set(PROBES) - inside if negate else inside
    return None


def _empty(item: tuple[Any, Any]) -> bool:
    op, av = item
    return op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] == 0 or op is sre.AT


def _runs_meeting(items: Any, ignore_case: bool) -> list[str]:
    """Where two backtracking runs over shared characters meet in `items` (a parsed pattern's sequence), recursing."""
    found: list[str] = []
    open_runs: list[set[str]] = []  # the runs that can still give characters back to the next one
    for item in items:
        op, av = item
        if op is sre.SUBPATTERN:
            found += _runs_meeting(av[-1], ignore_case)
        elif op is sre.BRANCH:
            for branch in av[1]:
                found += _runs_meeting(branch, ignore_case)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[1] > 1 and (takes := _takes(av[2][0], ignore_case)) \
                and len(av[2]) == 1:
            found += [f"{sorted(shared)!r}" for run in open_runs if (shared := run & takes)]
            open_runs = [run for run in open_runs if run & takes] + [takes]
        elif _empty(item):
            continue
        elif (one := _takes(item, ignore_case)) is not None:
            open_runs = [run for run in open_runs if run & one]  # a character either run could take
        else:
            open_runs = []
    return found


def runs_meeting(pattern: re.Pattern[str]) -> list[str]:
    return _runs_meeting(sre_parse.parse(pattern.pattern, pattern.flags), bool(pattern.flags & re.I))


def test_the_checker_finds_the_runs_it_is_meant_to() -> None:
    assert runs_meeting(re.compile(r"^no\s*:?[\s]*x"))
    assert runs_meeting(re.compile(r"[\w.]*\d[\w.]*\s"))
    assert not runs_meeting(re.compile(r"^no\s*+:?\s*+x"))
    assert not runs_meeting(re.compile(r"[a-z]*:[a-z]*"))


def test_no_pattern_of_the_issued_copy_detection_has_runs_that_share_out_a_text() -> None:
    meeting = {name: runs for name, value in vars(copies).items()
               if isinstance(value, re.Pattern) and (runs := runs_meeting(value))}
    assert meeting == {}


def test_the_patterns_read_what_they_read_before() -> None:
    for line in ("Số: /VBHN-BTP", "Số:   /VBHN-BTP", "Số  07/VBHN-BTP", "No. /VBHN-MOJ", "số:-VBHN", "Số:\u00a0/VBHN",
                 "Số: VBHN"):
        assert copies._BLANK_NUMBER.match(line), line
    for line in ("Số: 07/NĐ-CP", "Số:", "Số: / V BHN", "Sổ /VBHN"):
        assert not copies._BLANK_NUMBER.match(line), line
    cited = copies._CITED.search("Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ")
    assert cited is not None and (cited["number"], cited["d"], cited["m"], cited["y"]) == ("63/2010/NĐ-CP", "08", "6",
                                                                                           "2010")
    later = copies._CITED.search("số hiệu ngày 1 tháng 1 năm 2000, số 12/QĐ ngày 2 tháng 3 năm 2001")
    assert later is not None and later["number"] == "12/QĐ"  # a number holds a digit: the first is none


def test_a_blank_number_line_of_ogham_spaces_is_read_as_plain_spaces() -> None:
    assert set(ODD_SPACES) >= {"\u1680"} and clean("Số\u1680\u1680/VBHN") == "Số /VBHN"
    # The long lines are tried only on patterns of the right shape: the old ones would run for hours (35 s at 2,000).
    assert runs_meeting(copies._BLANK_NUMBER) == runs_meeting(copies._CITED) == []
    assert not copies._BLANK_NUMBER.match("Số" + "\u1680" * 20_000 + "x")
    assert not copies._CITED.search("số " + "1" * 20_000 + " ngày x")


def _dated(tmp_path: Path, lines: int) -> Path:
    head = ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Số: /VBHN-UBND", "Lào Cai, ngày 1 tháng 2 năm 2024"]
    body = ["QUY ĐỊNH", "Về việc thử nghiệm", "Điều 1. Phạm vi", "Quy định này quy định về thử nghiệm.",
            "Điều 2. Đối tượng", "Quy định này áp dụng với mọi người."]
    source = tmp_path / f"dated-{lines}.txt"
    source.write_text("\n".join([*head, *(f"ngày  tháng  năm {2000 + n}" for n in range(lines)), *body]) + "\n",
                      encoding="utf-8")
    return source


def test_blank_dates_are_left_out_at_a_cost_in_proportion_to_their_number(tmp_path: Path) -> None:
    calls = {}
    import_file(_dated(tmp_path, 10), "01/QĐ-UBND")  # a first import: what is read and compiled once not counted
    for lines in (400, 800):
        source = _dated(tmp_path, lines)
        calls[lines], result = counting.events(partial(import_file, source, "01/QĐ-UBND"), counting.calls)
        assert "ngày  tháng" not in result.text and "ngày tháng" not in result.text
        assert sum(n.category == "skipped" and "blank number or date" in n.message for n in result.report.notes) \
            == lines + 1
    # Twice the blank dates, about twice the calls (four times before: each paragraph compared with each blank one).
    assert calls[800] < 2.2 * calls[400], calls

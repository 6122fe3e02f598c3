"""The compare page's `<title>` (and running header) tells apart two texts of one number: term XV's 01-QC/TU and
term XIV's are each named by their title (its term), as the page's heading names them, not `Quy chế số 01-QC/TU với
Quy chế số 01-QC/TU …` (r42 newreg42, item 6)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import CORPUS, SHIPPED_REGULATION, Invoke, in_corpus, needs_corpus
from tests.test_cli_amend_replacing import _new_term


def _title(invoke: Invoke, old: Path, new: Path, out: Path, *args: str) -> str:
    invoke(None, "compare", str(old), str(new), *args, "-o", str(out), catch=False)
    found = re.search(r"<title>([^<]*)</title>", out.read_text(encoding="utf-8"))
    assert found is not None
    return found.group(1)


@pytest.mark.parametrize("layout", ["inline", "table"])
def test_two_terms_regulations_of_one_number_are_told_apart(tmp_path: Path, invoke: Invoke, layout: str) -> None:
    new = tmp_path / "xv.md"
    new.write_text(_new_term(SHIPPED_REGULATION.read_text(encoding="utf-8")), encoding="utf-8")
    title = _title(invoke, SHIPPED_REGULATION, new, tmp_path / "c.html", "--layout", layout)
    new_side, old_side = title.split(" với ")
    assert "khóa XV" in new_side and "khóa XIV" in old_side, title


@needs_corpus
def test_a_real_laws_names_stay_as_they_were(tmp_path: Path, invoke: Invoke) -> None:
    from regdraft.core.markdown_writer import render
    from regdraft.importer import import_file

    law = render(import_file(in_corpus(CORPUS / "luat-du-lich.txt")).regulation)
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(law, encoding="utf-8")
    new.write_text(law.replace("id: 09/2017/QH14\n", "id: 99/2026/QH15\nreplaces: 09/2017/QH14\n", 1),
                   encoding="utf-8")
    assert _title(invoke, old, new, tmp_path / "c.html") == \
        "Bản so sánh Luật Du lịch số 99/2026/QH15 với Luật Du lịch số 09/2017/QH14"
    # One number, two titles: each by its own.
    new.write_text(law.replace("id: 09/2017/QH14\n", "id: 09/2017/QH14-2\nnumber: 09/2017/QH14\n", 1)
                   .replace("title: Luật Du lịch\n", "title: Luật Du lịch (sửa đổi)\n", 1), encoding="utf-8")
    assert _title(invoke, old, new, tmp_path / "c.html") == \
        "Bản so sánh Luật Du lịch (sửa đổi) số 09/2017/QH14 với Luật Du lịch số 09/2017/QH14"

"""A DOCX adds its named styles without reading every style's name for each one (python-docx's `add_style` did, to
refuse a duplicate: some 160 names read for each of the 18 styles, a third of a small DOCX redline's time)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.styles import CT_Style

from regdraft.core.diff import compare
from regdraft.core.markdown import parse
from regdraft.render.profile import load_profile
from regdraft.render.redline import Redline, Version
from regdraft.render.redline_docx import write_redline_docx
from tests.conftest import SHIPPED_REGULATION


def test_a_word_redline_reads_each_style_name_a_few_times_not_once_per_style_added(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    regulation = parse(SHIPPED_REGULATION.read_text(encoding="utf-8"))
    redline = Redline(compare(regulation, regulation), Version("A", regulation.id), Version("B", regulation.id))
    reads = 0
    name: Any = vars(CT_Style)["name_val"]  # the property itself

    def counted(style: CT_Style) -> str | None:
        nonlocal reads
        reads += 1
        read: str | None = name.fget(style)
        return read

    monkeypatch.setattr(CT_Style, "name_val", property(counted, name.fset, name.fdel))
    out = tmp_path / "r.docx"
    write_redline_docx(redline, out, load_profile({}), dt.date(2025, 3, 1))
    monkeypatch.undo()
    styles = docx.Document(str(out)).styles
    article = styles["Điều"]
    assert article.base_style is not None and article.base_style.name == "Normal" and article.font.bold
    names = [s.name_val for s in styles.element.style_lst]
    assert len(set(names)) == len(names)  # none added twice
    assert reads < len(names), reads  # was 18 times the number of styles

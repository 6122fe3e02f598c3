"""A DOCX adds its named styles without reading every style's name for each one (python-docx's `add_style` did, to
refuse a duplicate: some 160 names read for each of the 18 styles, a third of a small DOCX redline's time), and a
process adds them once for each profile and language (`consolidated_docx.styled_document`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.styles import CT_Style

from regdraft.core.diff import compare
from regdraft.core.markdown import parse
from regdraft.render import consolidated_docx
from regdraft.render.profile import load_profile
from regdraft.render.redline import Redline, Version
from regdraft.render.redline_docx import write_redline_docx
from tests.conftest import SHIPPED_ENGLISH, SHIPPED_REGULATION


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


def test_a_process_adds_the_styles_once_for_each_profile_and_language_and_writes_the_same_files(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(consolidated_docx, "_STYLED", {})
    built: list[str] = []
    styles = consolidated_docx._styles

    def counted(document: Any, profile: Any, language: str) -> dict[str, str]:
        built.append(language)
        return styles(document, profile, language)

    monkeypatch.setattr(consolidated_docx, "_styles", counted)
    profile = load_profile({})
    written: dict[str, list[bytes]] = {}
    for n in range(4):
        for source in (SHIPPED_REGULATION, SHIPPED_ENGLISH):
            text = source.read_text(encoding="utf-8")
            words = (" and ", " or ") if source == SHIPPED_ENGLISH else (" và ", " hoặc ")
            old, new = parse(text), parse(words[1].join(text.rsplit(words[0], 1)))
            out = tmp_path / f"{old.language}-{n}.docx"
            write_redline_docx(Redline(compare(old, new), Version("A", old.id), Version("B", new.id)), out, profile,
                               dt.date(2025, 3, 1))
            written.setdefault(old.language, []).append(out.read_bytes())
    # The first of each language made, the second made and kept, the others opened from it: was eight times.
    assert sorted(built) == ["en", "en", "vi", "vi"]
    for files in written.values():  # each file the same as the first, made anew
        assert all(f == files[0] for f in files[1:])
    assert written["vi"][0] != written["en"][0]
    article = docx.Document(str(tmp_path / "vi-3.docx")).styles["Điều"]
    assert article.base_style is not None and article.font.bold

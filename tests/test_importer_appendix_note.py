"""The note on appendices read at import is true in number and names no signature block (r34 sweep BE, point 2)."""

from __future__ import annotations

from regdraft.importer.appendices import read_appendices
from regdraft.importer.report import Note, Paragraph


def _note(*headings: str) -> str:
    notes: list[Note] = []
    paragraphs = [Paragraph(text, i + 1) for i, text in enumerate(p for h in headings for p in (h, "FEES", "Text"))]
    assert read_appendices(paragraphs, "en", notes) is not None
    return notes[0].message


def test_one_appendix_is_one_and_no_signature_block_is_claimed() -> None:
    assert _note("Appendix I").startswith("1 appendix (Appendix I) was read as an appendix after the last article")
    assert "signature" not in _note("Appendix I")
    assert _note("Appendix I", "Appendix II").startswith("2 appendices (Appendix I, Appendix II) were read as "
                                                         "appendices after the last article")

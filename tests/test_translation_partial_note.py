"""The note heading a translation's consolidated text names the instructions of an amending document it holds by
number but does not all translate (r39 en39 1, after r38 sweep BV 1): `check`, `list`, `show` and `export`'s own line
said so, while the exported document itself listed 05-QC/TU among its amendments as if translated whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from regdraft.core.amend.document import load_amendment
from regdraft.core.amend.translated_changes import cited, worded
from regdraft.core.consolidate import Opening, Source
from regdraft.core.untranslated import untranslated_opening
from regdraft.render.profile import load_profile
from regdraft.workspace.store import Workspace

from .conftest import Invoke, unwrapped
from .test_render_pdf import pdf_text
from .test_replaced_regulation import adopted, adopted_built  # noqa: F401  (fixtures)
from .test_translation_partial import GROUP, TITLE, _translated

NOTE = ("This translation does not contain the amendments to its original in force on 1 June 2025: clauses 2, 3, "
        "5–14 of Article 1 of Regulations No. 05-QC/TU of 28 March 2025 (clause 2, Article 5 amended; clause 4a, "
        "Article 6 inserted;")


def test_the_exported_translation_names_its_untranslated_instructions_in_every_format(
        adopted: Workspace, invoke: Invoke, tmp_path: Path) -> None:  # noqa: F811
    import docx

    _translated(adopted, invoke, GROUP + "\n\n" + TITLE.format(n=4))
    texts = {}
    for fmt in ("md", "pdf", "docx"):
        out = tmp_path / f"en.{fmt}"
        done = invoke(adopted, "export", "01-QC/TU-EN", "--as-of", "2025-06-01", "-o", str(out))
        assert done.exit_code == 0, done.output
        assert "a note at the head of the text says so" in unwrapped(done.output + done.stderr)
        texts[fmt] = (out.read_text(encoding="utf-8") if fmt == "md" else pdf_text(out) if fmt == "pdf"
                      else "\n".join(p.text for p in docx.Document(str(out)).paragraphs))
    for fmt, text in texts.items():
        flat = " ".join(unwrapped(text).split())
        assert NOTE in flat.replace("**", ""), (fmt, flat[:3000])
        assert "Article 20a inserted" in flat and "words changed throughout" in flat, fmt
        # The instructions it does translate (1 and 4) are not named.
        assert "clauses 1," not in flat and "4, 5" not in flat.split("Regulations No. 05-QC/TU of 28")[0], fmt


def test_a_vietnamese_translation_names_them_in_vietnamese() -> None:
    """A Vietnamese text translating an English original: the note's words are the Vietnamese profile's and the
    instructions are cited and described as a Vietnamese amending document does."""
    text = ("---\nslug: x\nregulation: T\ntype: Quy chế\ntitle: Quy chế sửa đổi\nnumber: 02/2026/SR-VNO\n"
            "signed: 2026-03-01\n---\n\n## Điều 1. Sửa đổi\n\n1\\. Bãi bỏ khoản 2 Điều 5.\n\n"
            "2\\. Bổ sung Điều 20a vào sau Điều 20 như sau:\n\n“Điều 20a. Làm việc\n\nNội dung.”\n\n"
            "3\\. Sửa đổi tên Điều 7 như sau:\n\n“Điều 7. Nghỉ ốm”\n\n## Điều 2. Hiệu lực\n\nCó hiệu lực.\n")
    amendment = load_amendment(text, "x.md", "x")
    missing = list(amendment.instructions[1:])
    assert cited(missing, "vi") == "khoản 2, 3 Điều 1"
    assert worded(missing, "vi") == "bổ sung Điều 20a; sửa đổi tên Điều 7"
    assert cited(missing[:1], "en") == "clause 2 of Article 1"
    words = load_profile({}).words("vi")
    base = Source("01/2026/SR-VNO", "Nội quy", "Nội quy lao động", "", dt.date(2026, 1, 15), dt.date(2026, 2, 1))
    opening = Opening(lead="x", items=("1. y",))
    note = untranslated_opening(opening, base, [], dt.date(2026, 6, 1), words,
                                ["khoản 2, 3 Điều 1 của Nội quy số 02/2026/SR-VNO (bổ sung Điều 20a)"]).untranslated
    assert note.startswith("Bản dịch này chưa thể hiện các sửa đổi, bổ sung đối với văn bản gốc có hiệu lực tính đến "
                           "ngày 01 tháng 6 năm 2026: khoản 2, 3 Điều 1 của Nội quy số 02/2026/SR-VNO"), note

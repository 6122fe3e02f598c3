"""`continuations_dropped` (a last clause replaced without the closing-like paragraph it holds, `amend check` and the
replay of `check`) looks only at the clauses the instructions name and their holders: it asked `Regulation.find`
twice of the text in force, which indexes every unit of it (sweep r25 H: `check` of a 1,000-article text +40-60 ms)."""

from __future__ import annotations

import pytest

from regdraft.core.amend import load_amendment
from regdraft.core.amend.apply import apply
from regdraft.core.amend.closing_quotes import continuations_dropped
from regdraft.core.markdown import parse
from regdraft.core.model import Unit

ARTICLES = 60
SENTENCE = "Ban Thường vụ Tỉnh ủy quy định chi tiết Điều này."
HEAD = """---
type: Quy chế
title: Quy chế sửa đổi, bổ sung một số điều của Quy chế thử nghiệm
regulation: GEN-QC
language: vi
status: draft
---

## Điều 1. Sửa đổi, bổ sung một số điều của Quy chế thử nghiệm

"""
TAIL = """

## Điều 2. Hiệu lực thi hành

Quy chế này có hiệu lực kể từ ngày ký.
"""


def _regulation() -> str:
    """GEN-QC: chapters of 5 articles, each of 3 clauses with 3 points; khoản 3 Điều 7 holds a closing-like
    sentence after `<!-- tiếp -->`, as an earlier import wrote it."""
    blocks = ["---\nid: GEN-QC\ntype: Quy chế\ntitle: Quy chế thử nghiệm\nlanguage: vi\nissuer: TỈNH ỦY ĐIỆN BIÊN\n"
              "signed: 2021-01-09\n---", "Căn cứ Điều lệ Đảng;"]
    for n in range(1, ARTICLES + 1):
        if n % 5 == 1:
            blocks.append(f"# Chương {n // 5 + 1}. QUY ĐỊNH")
        blocks.append(f"## Điều {n}. Nội dung {n}")
        for k in (1, 2, 3):
            blocks.append(f"{k}\\. Khoản {k} Điều {n} gồm:")
            blocks.extend(f"{p}) Điểm {p} khoản {k} Điều {n};" for p in "abc")
        if n == 7:
            blocks[-4:] = [f"{k}\\. Khoản 3 Điều 7 được thực hiện thống nhất.", "<!-- tiếp -->", SENTENCE]
    return "\n\n".join(blocks) + "\n"


def test_a_dropped_closing_like_paragraph_is_found_without_indexing_the_whole_text(
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = parse(_regulation(), "regulations/GEN-QC.md")
    instructions = ("1\\. Sửa đổi, bổ sung khoản 3 Điều 7 như sau:\n\n“3\\. Khoản 3 Điều 7 được thực hiện ngay.”.\n\n"
                    "2\\. Sửa đổi, bổ sung khoản 1 Điều 50 như sau:\n\n“1\\. Khoản 1 Điều 50 mới.”.")
    amendment = load_amendment(HEAD + instructions + TAIL, "amendments/x/amendment.md", "x")
    applied = apply(before, amendment)
    units = sum(1 for _ in before.walk())
    seen: list[str] = []
    segment = Unit.segment

    def counted(unit: Unit) -> object:
        seen.append(unit.label)
        return segment(unit)

    monkeypatch.setattr(Unit, "segment", counted)
    warned = continuations_dropped(applied, amendment, before)
    monkeypatch.undo()
    # Each walk of a text passes its 12 chapters and 60 articles and goes into Điều 7 and Điều 50 alone; indexing
    # the whole text (789 units) read every unit.
    assert units == 12 + ARTICLES * (1 + 3 + 3 * 3) - 3 and len(seen) < 3 * (12 + ARTICLES), len(seen)
    assert [(p.line, p.message.split("»", 1)[0] + "»") for p in warned] == [
        (HEAD.count("\n") + 1, "instruction 1 (Sửa đổi, bổ sung khoản 3 Điều 7 như sau:) replaces khoản 3 Điều 7 with "
                               f"a text that leaves out its paragraph «{SENTENCE}»")]

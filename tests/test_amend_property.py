"""Property: random valid instructions on random regulations apply, and the result round-trips."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regdraft.core.amend import apply, load_amendment
from regdraft.core.amend.apply import next_insert_label
from regdraft.core.amend.phrases import replace
from regdraft.core.errors import AmendmentConflict
from regdraft.core.markdown import parse, validate
from regdraft.core.markdown_writer import render
from regdraft.core.model import POINT_LETTERS, Kind, Unit

WORDS = ["Ban", "Chấp", "hành", "Tỉnh", "ủy", "uỷ", "họp", "báo", "cáo", "công", "tác", "Thường", "vụ", "kiểm", "tra"]

sentences = st.lists(st.sampled_from(WORDS), min_size=2, max_size=6).map(lambda w: " ".join(w) + ".")


@st.composite
def regulations(draw: st.DrawFn) -> str:
    blocks = ["---\nid: 09-QC/TU\ntype: Quy chế\ntitle: Thử\nlanguage: vi\nissuer: TỈNH ỦY\nsigned: 2021-01-09\n---"]
    number = 0
    for chapter in range(1, draw(st.integers(1, 3)) + 1):
        blocks.append(f"# Chương {['I', 'II', 'III'][chapter - 1]}. CHƯƠNG {chapter}")
        for _ in range(draw(st.integers(1, 3))):
            number += 1
            blocks.append(f"## Điều {number}. {draw(sentences)[:-1]}")
            clauses = draw(st.integers(0, 3))
            if not clauses:
                blocks.append(draw(sentences))
            for k in range(1, clauses + 1):
                blocks.append(f"{k}\\. {draw(sentences)}")
                for p in range(draw(st.integers(0, 3))):
                    blocks.append(f"{POINT_LETTERS[p]}) {draw(sentences)}")
    return "\n\n".join(blocks) + "\n"


def _instruction(data: st.DataObject, article: Unit, counter: int) -> str | None:
    d = article.label
    clauses = [c for c in article.children if c.kind is Kind.CLAUSE]
    # Hypothesis favours early choices, so the richer operations come first.
    choices = []
    if clauses:
        if any(c.children for c in clauses):
            choices += ["nested", "insert_point", "replace_point"]
        choices += ["insert_clause", "words", "append_clause", "replace_clause", "repeal_clause"]
    choices += ["replace_article", "repeal_article", "rename"]
    kind = data.draw(st.sampled_from(choices))
    text = data.draw(sentences)
    if kind == "rename":
        return f"{counter}\\. Sửa đổi tên Điều {d} như sau:\n\n“Điều {d}. {text[:-1]}”"
    if kind == "replace_article":
        return f"{counter}\\. Sửa đổi, bổ sung Điều {d} như sau:\n\n“Điều {d}. Mới\n\n1\\. {text}\n\na) {text}”."
    if kind == "repeal_article":
        return f"{counter}\\. Bãi bỏ Điều {d}."
    clause = data.draw(st.sampled_from(clauses))
    k = clause.label
    if kind == "replace_clause":
        return f"{counter}\\. Sửa đổi, bổ sung khoản {k} Điều {d} như sau:\n\n“{k}\\. {text}”"
    if kind == "insert_clause":
        new = next_insert_label(Kind.CLAUSE, k)
        return f"{counter}\\. Bổ sung khoản {new} vào sau khoản {k} Điều {d} như sau:\n\n“{new}\\. {text}”."
    if kind == "append_clause":
        return f"{counter}\\. Bổ sung khoản {len(clauses) + 1} vào Điều {d} như sau:\n\n“{len(clauses) + 1}\\. {text}”."
    if kind == "repeal_clause":
        return f"{counter}\\. Bãi bỏ khoản {k} Điều {d}."
    if kind == "words":
        word = clause.text[0].split()[0] if clause.text else None
        return f"{counter}\\. Thay thế cụm từ “{word}” bằng cụm từ “Mới” tại khoản {k} Điều {d}." if word else None
    with_points = [c for c in clauses if c.children]
    clause = data.draw(st.sampled_from(with_points))
    k = clause.label
    point = data.draw(st.sampled_from(clause.children))
    if kind == "replace_point":
        return (
            f"{counter}\\. Sửa đổi, bổ sung điểm {point.label} khoản {k} Điều {d} như sau:\n\n“{point.label}) {text}”"
        )
    if kind == "insert_point":
        new = next_insert_label(Kind.POINT, point.label)
        return f"{counter}\\. Bổ sung điểm {new} vào sau điểm {point.label} khoản {k} Điều {d}:\n\n“{new}) {text}”"
    others = [p for p in clause.children if p.label != point.label]
    nested = (
        f"{counter}\\. Sửa đổi, bổ sung một số điểm của khoản {k} Điều {d} như sau:\n\n"
        f"a) Sửa đổi, bổ sung điểm {point.label} như sau:\n\n“{point.label}) {text}”"
    )
    # `Bỏ cụm từ` deletes every occurrence in the point: a point that is only that word (`Ban Ban.`, `ủy uỷ.`) would
    # be left with no text, which `apply` rightly refuses; a deletion that leaves words is drawn instead.
    kept = [(p, w) for p in others for w in dict.fromkeys(p.text[0].rstrip(".").split()) if _keeps_words(p.text[0], w)]
    if kept:
        other, word = kept[0]
        nested += f"\n\nb) Bỏ cụm từ “{word}” tại điểm {other.label}."
    return nested


def _keeps_words(text: str, word: str) -> bool:
    """True when `text` keeps a word once `Bỏ cụm từ` deletes `word` from it: every occurrence, `uỷ` as `ủy`."""
    return any(c.isalnum() for c in replace(text, word, None)[0])


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_valid_instructions_apply_and_round_trip(data: st.DataObject) -> None:
    reg = parse(data.draw(regulations()))
    articles = [loc.unit for loc in reg.articles()]
    chosen = data.draw(
        st.lists(st.sampled_from(articles), min_size=1, max_size=len(articles), unique_by=lambda a: a.label)
    )
    instructions: list[str] = []
    for article in chosen:
        body = _instruction(data, article, len(instructions) + 1)
        if body:
            instructions.append(body)
    if not instructions:
        return
    text = "---\nregulation: 09-QC/TU\nstatus: draft\n---\n\n## Điều 1. Sửa đổi\n\n" + "\n\n".join(instructions) + "\n"
    amendment = load_amendment(text, "a.md", "a")
    # a group with a words deletion counts twice (nested leaves)
    assert len(list(amendment.leaves())) >= len(instructions)
    result = apply(reg, amendment)
    assert validate(result.regulation) == []
    assert parse(render(result.regulation)) == result.regulation
    assert len(result.changes) >= len(instructions)


POINT_OF_ONE_WORD = """---
id: 09-QC/TU
type: Quy chế
title: Thử
language: vi
issuer: TỈNH ỦY
signed: 2021-01-09
---

# Chương I. CHƯƠNG 1

## Điều 1. Ban họp

1\\. Ban họp.

a) Ban ủy.

b) Ban Ban{rest}.
"""


def _delete_ban(rest: str) -> str:
    reg = parse(POINT_OF_ONE_WORD.format(rest=rest))
    text = ("---\nregulation: 09-QC/TU\nstatus: draft\n---\n\n## Điều 1. Sửa đổi\n\n"
            "1\\. Sửa đổi, bổ sung một số điểm của khoản 1 Điều 1 như sau:\n\na) Sửa đổi, bổ sung điểm a như sau:\n\n"
            "“a) Tra.”\n\nb) Bỏ cụm từ “Ban” tại điểm b.\n")
    result = apply(reg, load_amendment(text, "a.md", "a"))
    assert parse(render(result.regulation)) == result.regulation
    return result.regulation.find("d1.k1.b").unit.text[0]


def test_deleting_words_deletes_every_occurrence_in_the_point() -> None:
    assert _delete_ban(" họp Ban kiểm tra") == "họp kiểm tra."
    assert not _keeps_words("Ban Ban.", "Ban") and not _keeps_words("ủy uỷ.", "ủy") and _keeps_words("Ban họp.", "Ban")


def test_deleting_the_only_words_of_a_point_is_refused() -> None:
    # Hypothesis drew `Bỏ cụm từ “Ban”` on a point reading `Ban Ban.`: every occurrence goes, and nothing is left.
    with pytest.raises(AmendmentConflict) as refused:
        _delete_ban("")
    assert [p.message for p in refused.value.problems] == [
        "instruction 1.b (Bỏ cụm từ “Ban” tại điểm b.) leaves the amended 09-QC/TU malformed: Điểm b khoản 1 Điều 1 "
        "has no text; finish it or delete its label."]

"""Property: random valid instructions on random regulations apply, and the result round-trips."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regdraft.core.amend import apply, load_amendment
from regdraft.core.amend.apply import next_insert_label
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
    if others:
        nested += f"\n\nb) Bỏ cụm từ “{others[0].text[0].split()[0]}” tại điểm {others[0].label}."
    return nested


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

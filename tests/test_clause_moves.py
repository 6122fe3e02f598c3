"""Clauses moved from one article into another when a text is rewritten: two articles merged, one split in two.

A new term's regulation merged Điều 11 into Điều 10 (its clauses became khoản 4-6 of Điều 10) and split Điều 15
in two (its khoản 1 and 4 the new Điều 21): the comparison said `Điều 11 (bãi bỏ)` and `khoản 4 Điều 10 (bổ sung
mới)` with the same words, and a member read that the secret-ballot rules were repealed (r41 sweep CJ 2). Whole
articles' moves were found; a clause inside an article removed or inserted whole was never looked at.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from regdraft.core.diff import ChangeKind, Comparison, Provision, compare
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.render import redline as rr
from regdraft.render.redline import Redline, Version
from tests.conftest import CORPUS, SHIPPED_REGULATION, Invoke, in_corpus, needs_corpus

SHIPPED_TEXT = SHIPPED_REGULATION.read_text(encoding="utf-8")

_CLAUSE = re.compile(r"^(\d+)\\\. ", re.M)


def _article(md: str, n: str) -> tuple[int, int]:
    """Where article `n` stands in a Markdown text: from its heading to the next heading."""
    start = re.search(rf"^#+ Điều {n}\.", md, re.M)
    assert start is not None, n
    end = re.compile(r"^#", re.M).search(md, start.end())
    return start.start(), end.start() if end else len(md)


def _clauses(body: str) -> tuple[str, list[str]]:
    """An article's heading and lead-in, and its clauses (each with its points), as Markdown."""
    parts = re.split(r"\n\n(?=\d+\\\. )", body.rstrip("\n"))
    return parts[0], parts[1:]


def _numbered(clauses: list[str], first: int = 1) -> list[str]:
    return [_CLAUSE.sub(f"{k}\\\\. ", c, count=1) for k, c in enumerate(clauses, first)]


def merged(md: str, into: str, gone: str) -> str:
    """Article `gone`'s clauses appended to article `into`, numbered on; article `gone` no longer there."""
    s, e = _article(md, gone)
    _, moving = _clauses(md[s:e])
    md = md[:s] + md[e:]
    s, e = _article(md, into)
    head, kept = _clauses(md[s:e])
    body = "\n\n".join([head, *kept, *_numbered(moving, len(kept) + 1)]) + "\n\n"
    return md[:s] + body + md[e:]


def split(md: str, n: str, taken: tuple[int, ...], heading: str) -> str:
    """Clauses `taken` (1-based) of article `n` made a new article `heading` before it; both numbered again."""
    s, e = _article(md, n)
    head, clauses = _clauses(md[s:e])
    out = [c for k, c in enumerate(clauses, 1) if k in taken]
    stay = [c for k, c in enumerate(clauses, 1) if k not in taken]
    level = head.split(" ", 1)[0]
    new = "\n\n".join([f"{level} {heading}", *_numbered(out)]) + "\n\n"
    return md[:s] + new + "\n\n".join([head, *_numbered(stay)]) + "\n\n" + md[e:]


def _moves(provisions: tuple[Provision, ...]) -> list[tuple[str, str]]:
    """(where it stood, where it stands) of each clause or point moved across articles, once."""
    out = []
    for p in provisions:
        if p.moved_from is not None:
            out.append((str(p.moved_from), str(p.new_address)))
        out.extend(_moves(p.children))
    return out


def _listed(result: Comparison) -> list[tuple[str, str, str]]:
    return [(c.kind.value, str(c.old_address), str(c.new_address)) for c in result.changes]


def _page(result: Comparison, layout: str) -> str:
    redline = Redline(result, Version("old.md", result.old.id), Version("new.md", result.new.id))
    page = rr.render_html(redline, layout=layout)
    return " ".join(re.sub(r"<[^>]+>", " ", page.split('class="legend"', 1)[1]).split())


def _shipped_rewritten() -> tuple[str, str]:
    new = merged(SHIPPED_TEXT, "10", "11").replace("Điều 10. Trách nhiệm, quyền hạn của Phó Bí thư Thường trực Tỉnh ủy",
                                                   "Điều 10. Trách nhiệm, quyền hạn của các Phó Bí thư Tỉnh ủy")
    new = split(new, "15", (1, 4), "Điều 15a. Hình thức biểu quyết")
    # Moved and edited: the split article's clause now points at its new number.
    return SHIPPED_TEXT, new.replace("quy định tại khoản 4 Điều này phải biểu quyết",
                                     "quy định tại khoản 2 Điều này phải biểu quyết")


def test_clauses_of_a_merged_and_a_split_article_are_moved_not_repealed_and_inserted() -> None:
    old, new = _shipped_rewritten()
    result = compare(parse(old), parse(new, numbering=False))
    assert _moves(result.provisions) == [
        ("d11.k1", "d10.k6"), ("d11.k2", "d10.k7"), ("d11.k3", "d10.k8"), ("d11.k4", "d10.k9"),
        ("d15.k1", "d15a.k1"), ("d15.k4", "d15a.k2")]
    listed = _listed(result)
    assert ("moved", "d11.k1", "d10.k6") in listed and ("moved", "d15.k4", "d15a.k2") in listed
    # The old article and the new one are what they are; none of the moved clauses is listed as repealed or new.
    assert [row for row in listed if row[0] in ("repealed", "inserted")] == [
        ("repealed", "d11", "None"), ("inserted", "None", "d15a")]
    # Moved and edited: its words compared where it stands now.
    k1 = next(c for c in result.changes if str(c.new_address) == "d15a.k1")
    assert [(s.op.value, s.text) for s in k1.segments if s.op.value != "equal"] == [("delete", "4"), ("insert", "2")]


@pytest.mark.parametrize("layout", ["inline", "table"])
def test_the_redline_and_the_table_say_where_a_moved_clause_went_and_came_from(layout: str) -> None:
    old, new = _shipped_rewritten()
    text = _page(compare(parse(old), parse(new, numbering=False)), layout)
    # Where each clause stands: the redline's note, the table's row (`Khoản 1 Điều 11 → khoản 6 Điều 10`, its note).
    assert ("(chuyển từ khoản 1 Điều 11)" if layout == "inline" else "Chuyển từ khoản 1 Điều 11") in text
    assert ("(chuyển từ khoản 4 Điều 15)" if layout == "inline" else "Chuyển từ khoản 4 Điều 15") in text
    # Where it stood: inside the merged article, printed whole in both (the table's old column of its row).
    assert "(chuyển đến khoản 6 Điều 10)" in text and "(chuyển đến khoản 9 Điều 10)" in text
    if layout == "inline":
        assert "(chuyển đến khoản 2 Điều 15a)" in text


def test_the_tables_old_column_of_the_article_a_clause_moved_into_leaves_it_out() -> None:
    """The row of Điều 10 (its title changed) printed in its old column the clauses that came from Điều 11, with
    their old labels (`1.`, `2.`, `4.` after its own `5.`): they never stood there; their own rows show them."""
    old, new = _shipped_rewritten()
    result = compare(parse(old), parse(new, numbering=False))
    page = rr.render_html(Redline(result, Version("old.md", "x"), Version("new.md", "y")), layout="table")
    rows = [[" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", page, re.S)]
    row = next(cells for cells in rows if len(cells) > 3 and cells[1] == "Điều 10")
    came = "Phó Bí thư Tỉnh ủy được Ban Chấp hành giới thiệu bầu giữ chức vụ Chủ tịch Hội đồng nhân dân tỉnh"
    assert came not in row[2] and came in row[3]
    assert "5. Thực hiện các nhiệm vụ khác" in row[2]


@needs_corpus
def test_clauses_moved_between_articles_of_a_real_law_are_found() -> None:
    from regdraft.importer import import_file

    law = render(import_file(in_corpus(CORPUS / "luat-thanh-nien.txt")).regulation)
    new = split(merged(law, "13", "14"), "15", (2, 3), "Điều 15a. Học tập và lao động")
    result = compare(parse(law), parse(new, numbering=False))
    assert _moves(result.provisions) == [("d14.k1", "d13.k7"), ("d14.k2", "d13.k8"), ("d14.k3", "d13.k9"),
                                         ("d15.k2", "d15a.k1"), ("d15.k3", "d15a.k2")]
    assert not [c for c in result.changes if c.kind is ChangeKind.INSERTED and c.unit_kind.value == "clause"]


def _random_text(kept: int, removed: int, inserted: int, seed: int) -> tuple[str, str]:
    """Two texts: `kept` articles alike, then `removed` articles the new text has not and `inserted` it alone has,
    two clauses each, of words drawn at random (alike in a few words: scored, never paired)."""
    import random

    rng = random.Random(seed)
    syllables = [f"{a}{b}" for a in "bcdghklmnpqrstvx" for b in ("a", "o", "u", "an", "ong", "inh")]

    def clause(k: int) -> str:
        return f"{k}\\. " + " ".join(rng.choice(syllables) for _ in range(14)) + "."

    def article(n: int) -> str:
        return f"## Điều {n}. Tên {n}\n\n{clause(1)}\n\n{clause(2)}\n"

    head = MINI_HEAD + "\n# Chương I. CHUNG\n\n"
    same = [article(n) for n in range(1, kept + 1)]
    old = head + "\n".join([*same, *(article(n) for n in range(kept + 1, kept + removed + 1))])
    new = head + "\n".join([*same, *(article(n) for n in range(kept + removed + 1, kept + removed + inserted + 1))])
    return old, new


MINI_HEAD = (Path(__file__).resolve().parent / "fixtures" / "mini.md").read_text(encoding="utf-8").split("\n# ")[0]


@pytest.mark.parametrize("limit", [100, 300, 320])
def test_the_rounds_looking_into_articles_share_one_budget_of_scored_pairs(limit: int,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """8 articles removed and 8 others inserted, two clauses each: 64 pairs of articles, then 256 of clauses.
    Whatever the limit, the pairs scored in all rounds together stay within it (`cross_moves`): at 300, a limit
    each round would have scored 320."""
    from regdraft.core import moves
    from regdraft.core.align import dice as real

    scored = 0

    def counted(a: Any, b: Any) -> float:
        nonlocal scored
        scored += 1
        return real(a, b)

    monkeypatch.setattr(moves, "_FUZZY_LIMIT", limit)
    monkeypatch.setattr(moves, "dice", counted)
    old, new = _random_text(2, 8, 8, seed=limit)
    compare(parse(old), parse(new, numbering=False))
    assert scored == (64 if limit < 320 else 320)  # the clauses' round only when the articles' left room for it


def test_changes_say_where_a_moved_provision_came_from(tmp_path: Path, invoke: Invoke) -> None:
    """`--changes` said `khoản 6 Điều 10 (moved)` and `Điều 19 (moved)`, where only the page said from where."""
    old, new = _shipped_rewritten()
    (s19, e19), (s20, e20) = _article(new, "19"), _article(new, "20")
    first, second = new[s19:e19], new[s20:e20]
    swapped = second.replace("Điều 20.", "Điều 19.", 1) + first.replace("Điều 19.", "Điều 20.", 1)
    new = new[:s19] + swapped + new[e20:]  # Điều 20's text first, numbered 19: one of the two moved
    (tmp_path / "old.md").write_text(old, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    out = invoke(None, "compare", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "--changes", catch=False).output
    assert "khoản 6 Điều 10 (moved from khoản 1 Điều 11): " in out, out
    assert "Điều 19 (moved from Điều 20): " in out or "Điều 20 (moved from Điều 19): " in out, out

"""Two texts of a regulation where whole clauses moved between articles: `compare` marks them moved (`chuyển`), with
where they went, not repealed and inserted (r43 cmp43 3).

Luật Du lịch's Điều 26 (conditions for a tourist area) giving its two clauses, points and all, to Điều 23 (conditions
for a tourist spot), its last clause renumbered 1: Điều 23 grew too unlike its old self to be confirmed under its
number, and old Điều 26 was the likest article to the new Điều 23. The comparison said `Điều 26 moved to Điều 23`,
its title changed (`khu` to `điểm`), Điều 23's clauses moved away and Điều 26 inserted. An article that keeps its
number and its title is now its old self.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from regdraft.core.diff import ChangeKind, compare
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from tests.conftest import CORPUS, Invoke, in_corpus, needs_corpus

pytestmark = needs_corpus


@pytest.fixture(scope="module")
def law() -> str:
    from regdraft.importer import import_file

    return render(import_file(in_corpus(CORPUS / "luat-du-lich.txt")).regulation)


def _article(md: str, n: int) -> tuple[int, int]:
    start = md.index(f"## Điều {n}.")
    return start, re.compile(r"^#", re.M).search(md, start + 1).start()  # type: ignore[union-attr]


def _clauses_moved(md: str, source: int, labels: tuple[int, ...], target: int) -> str:
    """`md` with the clauses `labels` of Điều `source` (points and all) appended to Điều `target`, numbered on there,
    and the clauses left in `source` renumbered from 1."""
    start, end = _article(md, source)
    article = md[start:end]
    heads = list(re.finditer(r"^(\d+)\\\.", article, re.M))
    bounds = [(int(h[1]), h.start(), heads[k + 1].start() if k + 1 < len(heads) else len(article))
              for k, h in enumerate(heads)]
    moving = [article[a:b] for label, a, b in bounds if label in labels]
    kept = [article[a:b] for label, a, b in bounds if label not in labels]
    renumbered = [re.sub(r"^\d+", str(k + 1), text) for k, text in enumerate(kept)]
    md = md[:start] + article[:bounds[0][1]] + "".join(renumbered) + md[end:]
    start, end = _article(md, target)
    count = len(re.findall(r"^\d+\\\.", md[start:end], re.M))
    moved = [re.sub(r"^\d+", str(count + k + 1), text) for k, text in enumerate(moving)]
    return md[:end] + "".join(moved) + md[end:]


def _kinds(old: str, new: str) -> list[tuple[str, str | None, str | None]]:
    result = compare(parse(old), parse(new))
    return [(c.kind.value, str(c.old_address) if c.old_address else None, str(c.new_address) if c.new_address else None)
            for c in result.changes]


def test_two_clauses_with_points_moved_to_an_article_of_like_title_are_moved(law: str) -> None:
    new = _clauses_moved(law, 26, (1, 2), 23)
    assert "3\\. Điều kiện công nhận khu du lịch cấp tỉnh bao gồm:" in new[slice(*_article(new, 23))]
    assert _kinds(law, new) == [
        (ChangeKind.MOVED.value, "d26.k1", "d23.k3"), (ChangeKind.MOVED.value, "d26.k2", "d23.k4"),
        (ChangeKind.RENUMBERED.value, "d26.k3", "d26.k1")]


def test_two_clauses_moved_to_a_later_article_are_moved(law: str) -> None:
    # Điều 11's clauses 6 and 7 (complaints, recommendations) moved to Điều 14 (handling recommendations), 8 now 6.
    assert _kinds(law, _clauses_moved(law, 11, (6, 7), 14)) == [
        (ChangeKind.RENUMBERED.value, "d11.k8", "d11.k6"), (ChangeKind.MOVED.value, "d11.k6", "d14.k4"),
        (ChangeKind.MOVED.value, "d11.k7", "d14.k5")]


def test_the_inline_and_table_redlines_mark_them_moved_and_say_where(law: str, tmp_path: Path,
                                                                      invoke: Invoke) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(law, encoding="utf-8")
    new.write_text(_clauses_moved(law, 26, (1, 2), 23), encoding="utf-8")
    marks = {"inline": ["(chuyển đến khoản 3 Điều 23)", "(chuyển đến khoản 4 Điều 23)",
                        "(chuyển từ khoản 1 Điều 26)", "(chuyển từ khoản 2 Điều 26)", "(đánh số lại từ khoản 3)"],
             "table": ["Khoản 1 Điều 26 → khoản 3 Điều 23", "Chuyển từ khoản 1 Điều 26",
                       "Khoản 2 Điều 26 → khoản 4 Điều 23", "Chuyển từ khoản 2 Điều 26"]}
    for layout, said in marks.items():
        page, pdf = tmp_path / f"{layout}.html", tmp_path / f"{layout}.pdf"
        for out in (page, pdf):
            result = invoke(None, "compare", str(old), str(new), "--layout", layout, "-o", str(out), catch=False)
            assert "(3 changes)" in result.output, result.output
        html = page.read_text(encoding="utf-8")
        body = html[html.index("<body"):]
        legend = body.index("</p>", body.index("legend"))  # the legend shows each mark once
        marked = re.findall(r'<(?:ins|del)[^>]*class="(ins|del)"', body[legend:])
        assert marked == [], marked  # nothing said inserted or deleted
        text = " ".join(re.sub(r"<[^>]+>", " ", body).split())
        printed = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages)
        for words in said:
            assert words in text, (layout, words)
            assert words in printed, (layout, words)
        assert "Điều 23" in text and "bổ sung Điều 26" not in text and "bãi bỏ" not in text
    inline = (tmp_path / "inline.html").read_text(encoding="utf-8")
    # The clauses stand double struck through where they were and double underlined where they went.
    assert re.search(r'<del class="mv">.{0,80}1\.', inline) and inline.count('class="mv-note"') >= 5

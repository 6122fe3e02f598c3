"""Two texts of a regulation where whole clauses moved between articles: `compare` marks them moved (`chuyển`), with
where they went, not repealed and inserted (r43 cmp43 3).

Luật Du lịch's Điều 26 (conditions for a tourist area) giving its two clauses, points and all, to Điều 23 (conditions
for a tourist spot), its last clause renumbered 1: Điều 23 grew too unlike its old self to be confirmed under its
number, and old Điều 26 was the likest article to the new Điều 23. The comparison said `Điều 26 moved to Điều 23`,
its title changed (`khu` to `điểm`), Điều 23's clauses moved away and Điều 26 inserted. An article that keeps its
number and its title is now its old self.

The bodies of two articles swapped under their headings (r44 cmp44 1): each clause is moved, there and back, the
headings kept; it read as both articles rewritten clause by clause.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from regdraft.core.align import MOVE, NEAR
from regdraft.core.diff import ChangeKind, compare
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from tests.conftest import CORPUS, Invoke, in_corpus, needs_corpus
from tests.test_not_carried_over import words

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


def _bodies_swapped(md: str, a: int, b: int) -> str:
    """`md` with the bodies of Điều `a` and Điều `b` (a before b) swapped, each heading kept where it stands."""
    (start_a, end_a), (start_b, end_b) = _article(md, a), _article(md, b)
    head_a, head_b = md.index("\n", start_a), md.index("\n", start_b)
    return md[:head_a] + md[head_b:end_b] + md[end_a:start_b] + md[start_b:head_b] + md[head_a:end_a] + md[end_b:]


def _kinds(old: str, new: str, move: float = MOVE) -> list[tuple[str, str | None, str | None]]:
    result = compare(parse(old), parse(new), move=move)
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
        for shown in said:
            assert shown in text, (layout, shown)
            assert shown in printed, (layout, shown)
        assert "Điều 23" in text and "bổ sung Điều 26" not in text and "bãi bỏ" not in text
    inline = (tmp_path / "inline.html").read_text(encoding="utf-8")
    # The clauses stand double struck through where they were and double underlined where they went.
    assert re.search(r'<del class="mv">.{0,80}1\.', inline) and inline.count('class="mv-note"') >= 5


def test_the_bodies_of_two_articles_swapped_under_their_headings_are_moved(law: str) -> None:
    # Điều 10 (các loại khách du lịch, 4 clauses) and Điều 11 (quyền của khách du lịch, 8): each clause moved there
    # and back, the headings unchanged. Clauses 1-4 of each read as rewritten end to end (`[-Khách du lịch bao
    # gồm …-]{+Sử dụng dịch vụ …+}`), the text each moved nowhere said.
    new = _bodies_swapped(law, 10, 11)
    assert new[slice(*_article(new, 10))].startswith("## Điều 10. Các loại khách du lịch\n\n1\\. Sử dụng dịch vụ")
    moved = ChangeKind.MOVED.value
    assert _kinds(law, new) == [*((moved, f"d11.k{k}", f"d10.k{k}") for k in range(1, 9)),
                                *((moved, f"d10.k{k}", f"d11.k{k}") for k in range(1, 5))]
    # One amendment's own redline states each clause's change: rewritten there, as its instructions say.
    assert _kinds(law, new, NEAR)[0] == (ChangeKind.AMENDED.value, "d10.k1", "d10.k1")


def test_a_clause_whose_text_moved_away_under_a_new_text_is_moved_and_the_new_text_inserted(law: str) -> None:
    # Khoản 1 Điều 10's text now khoản 9 Điều 11, a new sentence in its place: it read as khoản 1 rewritten and khoản 9
    # inserted, the text moved not said.
    k1 = ("1\\. Khách du lịch bao gồm khách du lịch nội địa, khách du lịch quốc tế đến Việt Nam và khách du lịch "
          "ra nước ngoài.\n")
    new = law.replace(k1, "1\\. Chính phủ quy định chi tiết việc phân loại khách du lịch.\n")
    at = _article(new, 11)[1]
    new = new[:at] + "9\\. " + k1[4:] + "\n" + new[at:]
    assert _kinds(law, new) == [(ChangeKind.INSERTED.value, None, "d10.k1"),
                                (ChangeKind.MOVED.value, "d10.k1", "d11.k9")]


def test_the_pages_show_the_swapped_bodies_moved_under_their_headings(law: str, tmp_path: Path, invoke: Invoke) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(law, encoding="utf-8")
    new.write_text(_bodies_swapped(law, 10, 11), encoding="utf-8")
    pages = {}
    for layout in ("inline", "table"):
        page = tmp_path / f"{layout}.html"
        result = invoke(None, "compare", str(old), str(new), "--layout", layout, "-o", str(page), catch=False)
        assert "(12 changes)" in result.output, result.output
        pages[layout] = words(page)
    inline, table = pages["inline"], pages["table"]
    # The headings stand once each, unmarked; the old clauses struck where they were, the new ones said moved in.
    assert inline.count("Điều 10. Các loại khách du lịch") == inline.count("Điều 11. Quyền của khách du lịch") == 1
    assert "ra nước ngoài. (chuyển đến khoản 1 Điều 11) 2." in inline
    assert "1. (chuyển từ khoản 1 Điều 11) Sử dụng dịch vụ du lịch" in inline
    assert "1. (chuyển từ khoản 1 Điều 10) Khách du lịch bao gồm" in inline
    for row in ("Khoản 1 Điều 11 → khoản 1 Điều 10", "Chuyển từ khoản 8 Điều 11", "Khoản 4 Điều 10 → khoản 4 Điều 11"):
        assert row in table, row
    # No clause said amended (`sửa đổi, bổ sung` 9 times in each): only the law's own words inline (`yêu cầu sửa đổi,
    # bổ sung` of Điều 50) and the table's column heading (`Dự thảo sửa đổi, bổ sung`).
    assert inline.count("sửa đổi, bổ sung") == table.count("sửa đổi, bổ sung") == 1


def test_the_changes_line_of_an_article_renumbered_and_retitled_says_both(law: str, tmp_path: Path,
                                                                          invoke: Invoke) -> None:
    # Luật Du lịch without Điều 5, the articles after it numbered on; Điều 10 retitled as Điều 9: its line
    # said `Điều 9 (title changed)` alone, while the page marked [bỏ: Điều 10][bổ sung: Điều 9] (r44 sweep CH F4).
    start, end = _article(law, 5)
    new = law[:start] + law[end:]
    new = re.sub(r"^## Điều (\d+)\.", lambda m: f"## Điều {int(m[1]) - 1}." if int(m[1]) > 5 else m[0], new,
                 flags=re.M)
    start, end = _article(new, 9)
    assert new[start:end].startswith("## Điều 9. Các loại khách du lịch\n")
    new = new[:start] + new[start:end].replace("du lịch", "du lịch bền vững", 1) + new[end:]
    old_path, new_path = tmp_path / "old.md", tmp_path / "new.md"
    old_path.write_text(law, encoding="utf-8")
    new_path.write_text(new, encoding="utf-8")
    said = invoke(None, "compare", str(old_path), str(new_path), "--changes", catch=False).output
    assert "Điều 9 (title changed, renumbered from Điều 10): Các loại khách du lịch{+ bền vững+}" in said, said
    assert "Điều 8 (renumbered from Điều 9):" in said and "Điều 5 (repealed)" in said, said

"""`compare` lists the references a rewritten text kept whose target now stands under another number.

The term XV regulation renumbered its articles and kept `theo quy định tại Điều 20 Quy chế này`, meaning the old
Điều 20 (now Điều 27): the comparison knew `Điều 20 → Điều 27 (đánh số lại)` and said nothing of the reference,
which still resolved, so `check` passed it (r41 sweep CJ 5). An amendment's redline lists the references to
check; a comparison of two texts now does too, in `--changes`, the HTML and the table.
"""

from __future__ import annotations

import re
from pathlib import Path

from regdraft.core.diff import compare
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.core.refs.renumbered import renumbered_references
from tests.conftest import CORPUS, SHIPPED_REGULATION, Invoke, in_corpus, needs_corpus

SHIPPED = SHIPPED_REGULATION.read_text(encoding="utf-8")


def without_article(md: str, n: int) -> str:
    """Article `n` taken out and the later articles' headings numbered on (`Điều 6` now `## Điều 5.`); the text
    itself, references included, as it was."""
    start = re.search(rf"^#+ Điều {n}\.", md, re.M)
    assert start is not None
    end = re.compile(r"^#", re.M).search(md, start.end())
    assert end is not None
    md = md[:start.start()] + md[end.start():]
    return re.sub(r"^(#+ Điều )(\d+)(\.|$)", lambda m: f"{m[1]}{int(m[2]) - 1 if int(m[2]) > n else m[2]}{m[3]}",
                  md, flags=re.M)


def _found(old: str, new: str) -> list[tuple[str, str, str, str]]:
    result = compare(parse(old), parse(new))
    return [(str(f.reference.source), str(f.target), str(f.was), str(f.now))
            for f in renumbered_references(result.old, result.new, result.provisions)]


def test_a_reference_kept_to_a_renumbered_article_is_found_and_one_updated_is_not() -> None:
    new = without_article(SHIPPED, 3)
    found = _found(SHIPPED, new)
    # khoản 3 Điều 6 (`quy định tại khoản 2 Điều 5 Quy chế này`) is now khoản 3 Điều 5, and Điều 5 is Điều 4.
    assert ("d5.k3", "d5.k2", "d5.k2", "d4.k2") in found
    assert all(was != now and target == was for _, target, was, now in found)
    # The drafter who wrote the new number has nothing to check there.
    updated = new.replace("theo quy định tại khoản 2 Điều 5 Quy chế này",
                          "theo quy định tại khoản 2 Điều 4 Quy chế này")
    assert ("d5.k3", "d4.k2", "d5.k2", "d4.k2") not in _found(SHIPPED, updated)
    assert not [row for row in _found(SHIPPED, updated) if row[0] == "d5.k3"]


def test_nothing_renumbered_nothing_listed() -> None:
    new = SHIPPED.replace("Ban Thường vụ Tỉnh ủy chịu trách nhiệm",
                          "Ban Thường vụ Tỉnh ủy hoàn toàn chịu trách nhiệm", 1)
    assert _found(SHIPPED, new) == []


def test_compare_says_the_references_to_check_in_changes_the_page_and_the_table(tmp_path: Path,
                                                                                invoke: Invoke) -> None:
    (tmp_path / "old.md").write_text(SHIPPED, encoding="utf-8")
    (tmp_path / "new.md").write_text(without_article(SHIPPED, 3), encoding="utf-8")
    said = ("Khoản 3 Điều 5 dẫn chiếu khoản 2 Điều 5 như văn bản cũ, nhưng khoản 2 Điều 5 của văn bản cũ nay là "
            "khoản 2 Điều 4: cần rà soát.")
    args = (str(tmp_path / "old.md"), str(tmp_path / "new.md"))
    listed = invoke(None, "compare", *args, "--changes", catch=False).output
    assert f"reference to check: {said}" in listed, listed
    for layout in ("inline", "table"):
        out = tmp_path / f"{layout}.html"
        invoke(None, "compare", *args, "--layout", layout, "-o", str(out), catch=False)
        page = " ".join(re.sub(r"<[^>]+>", " ", out.read_text(encoding="utf-8")).split())
        assert "Các quy định có tham chiếu cần rà soát" in page and said in page, layout


@needs_corpus
def test_a_real_laws_references_kept_after_renumbering_are_found() -> None:
    from regdraft.importer import import_file

    law = render(import_file(in_corpus(CORPUS / "luat-du-lich.txt")).regulation)
    found = _found(law, without_article(law, 2))
    assert found and all(was != now for *_, was, now in found)
    # Every article after Điều 2 is one lower: each reference kept to one of them names the old number.
    assert all(int(str(was).split(".")[0][1:]) - 1 == int(str(now).split(".")[0][1:]) for *_, was, now in found)

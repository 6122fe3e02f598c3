"""Kept article fragments stored as the page's pass makes them (numbers and dashes kept on their line), so a warm
printed page passes only what was printed anew (twenty-ninth round, docs/performance.md).

The claim each test checks: the whole page passed (`render.html.kept_whole`) is byte for byte the page whose kept
runs were passed alone, the rest passed around a mark (`render.redline_page.passed_page`), wherever a fragment that
`render.dashes.stands_apart` stands.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from regdraft.core.markdown_writer import render
from regdraft.core.model import Regulation
from regdraft.render import html as rhtml
from regdraft.render import redline as rr
from regdraft.render import redline_page, signed
from regdraft.render.fragments import kept_whole_all, kept_whole_alone, text_of, unpassed
from regdraft.render.redline_page import PASSED
from regdraft.workspace import compared_files, parse_cache
from tests.conftest import CORPUS, SHIPPED_ENGLISH, SHIPPED_REGULATION


@pytest.fixture(autouse=True)
def _fresh_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(parse_cache, "_memory", type(parse_cache._memory)())
    monkeypatch.setattr(parse_cache, "_origins", type(parse_cache._origins)())
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))


def _texts() -> list[tuple[str, str]]:
    found = [(SHIPPED_REGULATION.name, SHIPPED_REGULATION.read_text(encoding="utf-8")),
             (SHIPPED_ENGLISH.name, SHIPPED_ENGLISH.read_text(encoding="utf-8"))]
    if CORPUS.is_dir():
        from regdraft.importer import import_file

        for path in sorted(CORPUS.glob("*.txt")):
            reg: Regulation = import_file(path).regulation
            found.append((path.name, render(reg)))
    return found


TEXTS = _texts()


def _edited(text: str) -> str:
    """Every 9th paragraph that holds a space given one more word: changed articles among runs of unchanged ones."""
    lines = text.split("\n")
    for k in range(0, len(lines), 9):
        if " " in lines[k] and not lines[k].startswith(("#", "---", "|")) and ":" not in lines[k]:
            lines[k] = lines[k].replace(" ", " mới ", 1)
    return "\n".join(lines)


def _pages(tmp_path: Path, text: str, layout: str) -> tuple[str, str, list[int], list[int]]:
    """The page printed with nothing kept, then warm (its fragments kept, passed); the lengths of the pages given to
    the pass, and of the parts put in passed already (warm)."""
    folder = tmp_path / "files"
    folder.mkdir(parents=True)
    old, new = folder / "old.md", folder / "new.md"
    old.write_text(text, encoding="utf-8")
    new.write_text(_edited(text), encoding="utf-8")
    real, real_parts = rhtml.kept_whole, redline_page.passed_page
    sizes: list[int] = []
    parts: list[int] = []

    def counted(page: str) -> str:
        sizes.append(len(page))
        return real(page)

    def counted_parts(page: str, passed: list[str | list[str | bytes]]) -> str | None:
        parts.extend(len(p) if isinstance(p, str) else sum(len(text_of(piece)) for piece in p) for p in passed)
        return real_parts(page, passed)

    pages = []
    for _ in range(2):
        parse_cache._memory.clear()
        parse_cache._origins.clear()
        sizes.clear()
        parts.clear()
        with pytest.MonkeyPatch.context() as m:
            m.setattr(rhtml, "kept_whole", counted)
            m.setattr(rr, "passed_page", counted_parts)
            pages.append(rr.render_html(compared_files.build_files(old, new), layout=layout))
    return pages[0], pages[1], sizes, parts


def _whole_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, layout: str) -> str:
    """The page as it was printed before: every fragment printed, the whole page passed at once."""
    with pytest.MonkeyPatch.context() as m:
        m.setattr(rr._Runs, "passed", lambda self, provisions: self._runs(provisions, False))
        m.setattr(signed, "open_entry", lambda *a: None)
        parse_cache._memory.clear()
        parse_cache._origins.clear()
        folder = tmp_path / "files"
        return rr.render_html(compared_files.build_files(folder / "old.md", folder / "new.md"), layout=layout)


@pytest.mark.parametrize("name, text", TEXTS, ids=[n for n, _ in TEXTS])
def test_kept_fragments_passed_alone_print_the_page_the_whole_pass_printed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> None:
    """The shipped regulation (both languages) and the corpus laws, each against a copy with every 9th paragraph
    edited: cold and warm, inline and as a table, the same bytes as the whole page passed; a warm inline page passes
    no kept fragment again (the page's pass reads the page but for its kept runs, a tenth of it or more here)."""
    for layout in ("inline", "table"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / layout / "xdg"))
        cold, warm, sizes, parts = _pages(tmp_path / layout, text, layout)
        reference = _whole_pass(tmp_path / layout, monkeypatch, text, layout)
        assert cold == reference and warm == reference, (name, layout)
        if layout == "inline":
            assert sum(parts) > len(warm) / 10, (name, sum(parts), len(warm))
            assert len(sizes) == 1 and sizes[0] <= len(warm) - sum(parts) + len(parts) * len(PASSED), (name, sizes)


TOKENS = ("A", "Đ", "7", "/", "-", "–", " ", " - ", " – ", "b", "ư", ".", ")", "(", "“", "\n", "<b>", "</b>",
          "<ins>", "</ins>", '<span class="x">', "</span>", "&gt;", "<br>", "<p>", "</p>")


def _text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(TOKENS) for _ in range(rng.randrange(n)))


def _fragment(rng: random.Random) -> str:
    head = rng.choice(('<p class="para">', "<h3 class=\"article-heading\">", "<b>", "<p>", "", '<table class="t">'))
    tail = rng.choice(("</p>\n", "</h3>\n", "</b>\n", "</p>", "</table>\n"))
    return head + _text(rng, 14) + tail


def test_a_fragment_passed_alone_is_what_the_whole_pass_makes_of_it_anywhere() -> None:
    """Random pages of runs of fragments (numbers, dashes, inline tags at and across their edges) between random
    text: the page passed whole, and the page passed around marks with its fragments passed alone where they stand
    apart, are the same; a fragment passed alone is undone exactly."""
    rng = random.Random(29)
    checked = 0
    for _ in range(3000):
        page, marked = ["<html><head></head><body>"], ["<html><head></head><body>"]
        parts: list[str] = []
        for _ in range(rng.randrange(1, 5)):
            outer = _text(rng, 8)
            page.append(outer)
            marked.append(outer)
            fragments = [_fragment(rng) for _ in range(rng.randrange(1, 4))]
            passed = [kept_whole_alone(f) for f in fragments]
            for f, p in zip(fragments, passed, strict=True):
                assert p is None or unpassed(p) == f
            page.append("\n".join(fragments))
            marked.append("\n".join(PASSED if p is not None else f for f, p in zip(fragments, passed, strict=True)))
            parts.extend(p for p in passed if p is not None)
            checked += sum(p is not None for p in passed)
        page.append("</body></html>")
        marked.append("</body></html>")
        assert redline_page.passed_page("".join(marked), parts) == rhtml.kept_whole("".join(page)), "".join(page)
    assert checked > 1000


def test_a_page_holding_a_script_or_the_mark_is_passed_whole() -> None:
    part = kept_whole_alone('<p class="para">Số 12/QĐ-TW - mới</p>\n')
    assert part == '<p class="para">Số <span class="nobr">12/QĐ-TW</span><span class="nobr"> -</span> mới</p>\n'
    page = f"<body>{PASSED}</body>"
    assert redline_page.passed_page(page, [part]) == f"<body>{part}</body>"
    assert redline_page.passed_page(f"<body><script>{PASSED}</script></body>", [part]) is None
    assert redline_page.passed_page(page + PASSED, [part]) is None


def test_fragments_passed_together_are_each_what_it_is_passed_alone() -> None:
    """`kept_whole_all`, one pass over the fragments a cold page prints (joined by a mark), gives each what
    `kept_whole_alone` gives it: random fragments that may be passed alone, numbers and dashes at their edges."""
    rng = random.Random(30)
    checked = 0
    for _ in range(1000):
        fragments = [f for f in (_fragment(rng) for _ in range(rng.randrange(1, 8))) if kept_whole_alone(f) is not None]
        assert kept_whole_all(fragments) == [kept_whole_alone(f) for f in fragments], fragments
        checked += len(fragments)
    assert checked > 1000
    assert kept_whole_all([]) == []


def test_a_cold_page_passes_its_new_fragments_in_one_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped regulation against a copy with every ninth paragraph edited: the cold page's unchanged articles
    are printed and kept passed with one call of the pass over them all (it was one call each), the page the same
    as passing the whole page."""
    text = SHIPPED_REGULATION.read_text(encoding="utf-8")
    real = rhtml.kept_whole_in
    calls: list[int] = []

    def counted(html: str) -> str:
        calls.append(len(html))
        return real(html)

    monkeypatch.setattr(rhtml, "kept_whole_in", counted)
    cold, warm, _, _ = _pages(tmp_path, text, "inline")
    assert len(calls) == 1, calls  # the cold page's; the warm one passes none
    assert cold == warm == _whole_pass(tmp_path, monkeypatch, text, "inline")

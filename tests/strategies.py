"""Hypothesis strategies for valid regulation trees (what `regdraft.core.markdown.parse` can produce).

Other test modules import these names: `regulations`, `articles`, `paragraphs`, `titles`,
`words`, `VI_WORDS`. The generated text is "safe": words from a fixed list, so no paragraph
starts with something that reads as a label, a heading, a list item, a table or a quote.

Post-conditions of `regulations()`:
1. Labels run without gaps; inserted labels (`5a`, `d1`) sit right after their base.
2. Article numbers run through the whole document; every article is inside a chapter when
   the document has chapters.
3. A clause's or article's children are all clauses or all points (the format cannot put a
   point directly under an article after one of its clauses).
4. `render(tree)` is canonical and `parse(render(tree)) == tree`.
5. No unit is empty (a label alone): a point has text, an article with no text or clauses a title.
6. A clause or article with children sometimes has a closing text (đoạn cuối) after them, and
   a last point or clause sometimes has a further paragraph that reads like one.
"""

from __future__ import annotations

import functools
from typing import Any

from hypothesis import strategies as st

from regdraft.core.markdown import dump_front_matter
from regdraft.core.model import POINT_LETTERS, Kind, Regulation, Unit, to_roman

VI_WORDS = (
    "Ban", "Chấp", "hành", "Đảng", "bộ", "tỉnh", "Thường", "vụ", "Tỉnh", "ủy", "trực",
    "quy", "chế", "làm", "việc", "nhiệm", "quyền", "hạn", "trách", "cán", "lãnh", "đạo",
    "chỉ", "thực", "hiện", "nghị", "quyết", "kiểm", "tra", "giám", "sát", "báo", "cáo",
    "hội", "công", "tác", "văn", "bản", "điều", "khoản", "điểm", "theo", "của", "và", "các",
    "những", "được", "phải", "trong", "năm", "2021", "09/01/2021", "đồng", "chí", "Bí", "thư",
    "Phó", "Ủy", "viên", "tập", "thể", "cá", "nhân", "phụ", "dân", "chủ", "tập", "trung",
    "uỷ", "hoà", "khóa", "XIV", "nhiệm", "kỳ", "2020", "-", "2025", "(nếu", "có)", "01-QC/TU",
    "Điều", "12;", "khoản", "2,", "điểm", "b", "đ", "đối", "với", "người", "đứng", "đầu",
)
_STARTS = (
    "Ban", "Thường", "Tỉnh", "Quy", "Chủ", "Thực", "Lãnh", "Kiểm", "Báo", "Hội", "Công",
    "Văn", "Những", "Các", "Đồng", "Bí", "Phó", "Ủy", "Tập", "Người", "Đối", "Căn", "Giữ",
    "Trong", "Việc", "Mọi", "Đề", "Quyết", "Xây", "Ý",
)
_ENDINGS = ("", ".", ";", ":", ",")
_UPPER_WORDS = (
    "NHỮNG", "QUY", "ĐỊNH", "CHUNG", "TRÁCH", "NHIỆM", "QUYỀN", "HẠN", "CHẾ", "ĐỘ", "LÀM",
    "VIỆC", "QUAN", "HỆ", "CÔNG", "TÁC", "ĐIỀU", "KHOẢN", "THI", "HÀNH", "HỘI", "NGHỊ", "VÀ",
)

words = st.sampled_from(VI_WORDS)

# Each strategy below is made once and drawn from again: Hypothesis validates a new strategy object when it is first
# drawn, which, made anew for every paragraph, took most of a generated regulation's time (tests/test_markdown_reuse.py
# spent nine tenths of its run making its examples). The draws, and so the examples, are the same.
_START = st.sampled_from(_STARTS)
_ENDING = st.sampled_from(_ENDINGS)
_UPPER = st.sampled_from(_UPPER_WORDS)
_BOOLEANS = st.booleans()
_SHAPES = st.sampled_from(("clauses", "clauses", "points", "text", "empty"))
_LAYOUTS = st.sampled_from(("flat", "chapters", "chapters", "parts"))
_LANGUAGES = st.sampled_from(("vi", "en"))


@functools.cache
def _integers(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


@functools.cache
def _words(min_size: int, max_size: int, upper: bool = False) -> st.SearchStrategy[list[str]]:
    return st.lists(_UPPER if upper else words, min_size=min_size, max_size=max_size)


@st.composite
def paragraphs(draw: st.DrawFn, min_words: int = 1, max_words: int = 14) -> str:
    """A one-line paragraph of safe Vietnamese text."""
    first = draw(_START)
    rest = draw(_words(min_words - 1, max_words - 1))
    return " ".join([first, *rest]) + draw(_ENDING)


@functools.cache
def _once(strategy: Any, *args: Any) -> Any:
    """`strategy(*args)`, made once."""
    return strategy(*args)


@functools.cache
def _paragraphs(max_words: int = 14) -> st.SearchStrategy[str]:
    return paragraphs(max_words=max_words)


@st.composite
def titles(draw: st.DrawFn, upper: bool = False) -> str:
    """An article title (sentence case) or a chapter/section title (capitals)."""
    if upper:
        return " ".join(draw(_words(1, 6, upper=True)))
    first = draw(_START)
    rest = draw(_words(0, 8))
    return " ".join([first, *rest]).rstrip("-").rstrip()


@functools.cache
def _titles(upper: bool = False) -> st.SearchStrategy[str]:
    return titles(upper=upper)


@st.composite
def dash_items(draw: st.DrawFn) -> list[str]:
    """A run of dash sub-points: `- text`, optionally followed by `+ text` items below it."""
    items: list[str] = []
    for _ in range(draw(_integers(1, 3))):
        items.append("- " + draw(_paragraphs(8)))
        for _ in range(draw(_integers(0, 2))):
            items.append("+ " + draw(_paragraphs(6)))
    return items


@st.composite
def unit_text(draw: st.DrawFn, lead: bool = True) -> tuple[str, ...]:
    """A unit's own paragraphs: an optional first paragraph, dash runs and continuations."""
    out: list[str] = []
    if lead and draw(_BOOLEANS) or not lead and draw(_integers(0, 3)) == 0:
        out.append(draw(_paragraphs()))
    for _ in range(draw(_integers(0, 2))):
        if draw(_BOOLEANS):
            out.extend(draw(_once(dash_items)))
        else:
            out.append(draw(_paragraphs()))
    if lead and not out:
        out.append(draw(_paragraphs()))
    return tuple(out)


def _labels(kind: Kind, count: int, inserted: list[int]) -> list[str]:
    """Plain labels 1..count, each followed by as many inserted labels as `inserted` says."""
    out: list[str] = []
    for position in range(1, count + 1):
        base = POINT_LETTERS[position - 1] if kind is Kind.POINT else str(position)
        out.append(base)
        extra = inserted[position - 1] if position - 1 < len(inserted) else 0
        for n in range(1, extra + 1):
            out.append(f"{base}{n}" if kind is Kind.POINT else f"{base}{'abc'[n - 1]}")
    return out


@st.composite
def label_sequences(draw: st.DrawFn, kind: Kind, min_size: int, max_size: int) -> list[str]:
    """A valid label sequence with occasional inserted labels (`5a`, `d1`, `20a`)."""
    limit = min(max_size, len(POINT_LETTERS)) if kind is Kind.POINT else max_size
    count = draw(_integers(min_size, limit))
    inserted = draw(_once(_inserted, count))
    return _labels(kind, count, inserted)


def _inserted(count: int) -> st.SearchStrategy[list[int]]:
    """How many labels are inserted after each of `count`."""
    return st.lists(st.sampled_from((0, 0, 0, 0, 1, 2)), min_size=count, max_size=count)


def _repealed(kind: Kind, label: str) -> Unit:
    return Unit(kind, label, None, (), (), True)


@st.composite
def points(draw: st.DrawFn) -> tuple[Unit, ...]:
    """A sequence of points, some repealed, including `đ` and inserted ones."""
    out = []
    for label in draw(_once(label_sequences, Kind.POINT, 1, 7)):
        if draw(_integers(0, 9)) == 0:
            out.append(_repealed(Kind.POINT, label))
        else:
            # Its text may be only dash items, but never nothing: an empty point is half-written (validate).
            out.append(Unit(Kind.POINT, label, None, draw(_once(unit_text, False)) or (draw(_paragraphs()),)))
    return tuple(out)


@st.composite
def clauses(draw: st.DrawFn) -> tuple[Unit, ...]:
    """A sequence of clauses, some with points, some repealed."""
    out = []
    for label in draw(_once(label_sequences, Kind.CLAUSE, 1, 5)):
        if draw(_integers(0, 9)) == 0:
            out.append(_repealed(Kind.CLAUSE, label))
            continue
        children = draw(_once(points)) if draw(_integers(0, 2)) == 0 else ()
        out.append(Unit(Kind.CLAUSE, label, None, draw(_once(unit_text, not children)), children,
                        closing=draw(_once(closings)) if children else ()))
    return tuple(out)


@st.composite
def closings(draw: st.DrawFn) -> tuple[str, ...]:
    """Usually no closing text; sometimes one or two paragraphs (with dash items)."""
    return draw(_once(unit_text)) if draw(_integers(0, 2)) == 0 else ()


@st.composite
def articles(draw: st.DrawFn, label: str = "1") -> Unit:
    """One article: titled or not, with lead-in text, clauses or points, or repealed."""
    if draw(_integers(0, 11)) == 0:
        return _repealed(Kind.ARTICLE, label)
    title = draw(_titles()) if draw(_integers(0, 4)) else None
    shape = draw(_SHAPES)
    if shape == "clauses":
        lead = (draw(_paragraphs()),) if draw(_BOOLEANS) else ()
        return Unit(Kind.ARTICLE, label, title, lead, draw(_once(clauses)), closing=draw(_once(closings)))
    if shape == "points":
        lead = (draw(_paragraphs()),) if draw(_BOOLEANS) else ()
        return Unit(Kind.ARTICLE, label, title, lead, draw(_once(points)), closing=draw(_once(closings)))
    if shape == "text":
        return Unit(Kind.ARTICLE, label, title, draw(_once(unit_text)))
    return Unit(Kind.ARTICLE, label, title or draw(_titles()))  # a title alone; with nothing at all it is half-written


def front_matter(language: str, reg_id: str = "99-QC/TU") -> dict[str, Any]:
    """A minimal valid front-matter mapping."""
    return {
        "id": reg_id,
        "type": "Quy chế" if language == "vi" else "Regulation",
        "title": "Quy chế làm việc thử nghiệm" if language == "vi" else "Test working regulation",
        "language": language,
        "issuer": "TỈNH ỦY ĐIỆN BIÊN",
        "signed": "2021-01-09",
    }


@st.composite
def regulations(draw: st.DrawFn, language: str | None = None, max_articles: int = 12) -> Regulation:
    """A whole valid regulation tree in Vietnamese or English, with or without chapters."""
    lang = language or draw(_LANGUAGES)
    labels = draw(_once(label_sequences, Kind.ARTICLE, 1, max_articles))
    arts = [draw(_once(articles, label)) for label in labels]
    layout = draw(_LAYOUTS)
    units: tuple[Unit, ...]
    if layout == "flat":
        units = tuple(arts)
    else:
        chapters = _chapters(draw, arts)
        if layout == "parts" and len(chapters) > 1:
            cut = draw(_integers(1, len(chapters) - 1))
            units = (
                Unit(Kind.PART, "1", draw(_titles(upper=True)), (), tuple(chapters[:cut])),
                Unit(Kind.PART, "2", draw(_titles(upper=True)), (), tuple(chapters[cut:])),
            )
        else:
            units = tuple(chapters)
    preamble = tuple(draw(st.lists(_paragraphs(), max_size=3)))
    meta = front_matter(lang)
    return Regulation(dump_front_matter(meta), preamble, units, meta)


def _chapters(draw: st.DrawFn, arts: list[Unit]) -> list[Unit]:
    """Split articles into consecutive chapters, some of them divided into sections."""
    chapters: list[Unit] = []
    rest = list(arts)
    number = 1
    while rest:
        size = draw(st.integers(1, max(1, min(len(rest), 5))))
        chunk, rest = rest[:size], rest[size:]
        title = draw(_titles(upper=True)) if draw(_integers(0, 5)) else None
        if len(chunk) > 1 and draw(_integers(0, 2)) == 0:
            cut = draw(_integers(1, len(chunk) - 1))
            sections = (
                Unit(Kind.SECTION, "1", draw(_titles(upper=True)), (), tuple(chunk[:cut])),
                Unit(Kind.SECTION, "2", draw(_titles(upper=True)), (), tuple(chunk[cut:])),
            )
            chapters.append(Unit(Kind.CHAPTER, to_roman(number), title, (), sections))
        else:
            chapters.append(Unit(Kind.CHAPTER, to_roman(number), title, (), tuple(chunk)))
        number += 1
    return chapters

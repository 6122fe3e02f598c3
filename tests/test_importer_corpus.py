"""The real Vietnamese laws in ../shared/corpus/vi import completely and faithfully."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from regdraft.core.markdown import parse
from regdraft.core.model import Kind
from regdraft.importer import import_file

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "vi"
FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason="the shared corpus is not available")

_LABEL = re.compile(r"^(?:(?:Chương|Mục|Phần|Điều)\s+\S+?[.:]?(?:\s|$)|[0-9]{1,3}[.)\-]\s|[a-zđ][.)\-]\s|[-+•]\s*)")


@pytest.fixture(scope="module", params=FILES, ids=[f.name for f in FILES])
def imported(request: pytest.FixtureRequest) -> tuple[Path, object]:
    path: Path = request.param
    return path, import_file(path)


def _normal(text: str) -> str:
    """Whitespace collapsed, NFC (the importer stores NFC), Markdown escapes undone."""
    return " ".join(unicodedata.normalize("NFC", text).replace("\\", "").replace("&#46;", ".").split())


def test_article_count_and_numbers_match_the_source(imported: tuple[Path, object]) -> None:
    path, result = imported
    source_numbers = re.findall(r"^Điều (\d+)", path.read_text(encoding="utf-8"), re.M)
    numbers = [loc.unit.label for loc in result.regulation.articles()]  # type: ignore[attr-defined]
    assert len(numbers) == len(source_numbers)
    assert numbers == source_numbers


def test_chapters_and_sections_match_the_source(imported: tuple[Path, object]) -> None:
    path, result = imported
    source = path.read_text(encoding="utf-8")
    kinds = [loc.unit.kind for loc in result.regulation.walk()]  # type: ignore[attr-defined]
    assert kinds.count(Kind.CHAPTER) == len(re.findall(r"^Chương [IVX\d]+", source, re.M))
    assert kinds.count(Kind.SECTION) == len(re.findall(r"^Mục \d+", source, re.M))


def test_every_paragraph_is_in_the_output_or_the_report(imported: tuple[Path, object]) -> None:
    path, result = imported
    output = _normal(result.text)  # type: ignore[attr-defined]
    report = _normal(result.report.text())  # type: ignore[attr-defined]
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = _normal(line)
        if not text or text in output or text in report:
            continue
        rest = _LABEL.sub("", text, count=1).strip()
        assert not rest or rest in output, f"{path.name}:{number} is lost: {line!r}"


def test_output_parses_back_to_the_same_tree(imported: tuple[Path, object]) -> None:
    _, result = imported
    reg = result.regulation  # type: ignore[attr-defined]
    # All five laws have clean numbering, so each imported file passes `regdraft check`.
    assert result.report.passes_check  # type: ignore[attr-defined]
    assert parse(result.text, reg.source) == reg  # type: ignore[attr-defined]


def test_report_says_why_when_check_fails(imported: tuple[Path, object]) -> None:
    _, result = imported
    report = result.report  # type: ignore[attr-defined]
    try:
        parse(result.text, "x.md")  # type: ignore[attr-defined]
        parsed = True
    except Exception:
        parsed = False
    assert parsed == report.passes_check
    assert bool(report.by_category("check")) == (not parsed)


def test_header_of_every_law(imported: tuple[Path, object]) -> None:
    path, result = imported
    meta = result.regulation.meta  # type: ignore[attr-defined]
    assert meta["issuer"] == "QUỐC HỘI"
    assert meta["type"] == "Luật"
    assert re.fullmatch(r"\d+/\d{4}/QH\d+", meta["id"])
    assert meta["place"] == "Hà Nội"
    signed = meta["signed"]
    assert re.search(rf"ngày 0?{signed.day} tháng 0?{signed.month} năm {signed.year}", path.read_text(encoding="utf-8"))
    assert not result.report.by_category("missing")  # type: ignore[attr-defined]


def test_known_headers() -> None:
    reg = import_file(CORPUS / "luat-cong-doan.txt").regulation
    assert reg.meta["title"] == "Luật Công đoàn"
    assert str(reg.meta["signed"]) == "2012-06-20"
    assert reg.meta["signer"] == {"title": "CHỦ TỊCH QUỐC HỘI", "name": "Nguyễn Sinh Hùng"}
    old = import_file(CORPUS / "luat-thi-dua-khen-thuong.txt").regulation
    assert old.meta["title"] == "Luật Thi đua, khen thưởng"
    assert [u.label for u in old.units][:3] == ["I", "II", "III"]
    assert old.find("d1").unit.title is None
    assert old.find("ch3.m1").unit.title == "HUÂN CHƯƠNG"


def test_quoted_amending_text_stays_text() -> None:
    reg = import_file(CORPUS / "luat-giao-duc.txt").regulation
    article = reg.find("d113").unit
    quoted = [t for c in article.children for t in c.text if t.startswith(("“", "b\\)"))]
    assert quoted and all(not t.startswith("b)") for t in quoted)


def test_every_address_of_a_real_law_finds_its_unit(imported: tuple[Path, object]) -> None:
    # `find` walks only into the units that may hold the address: on laws with parts, sections and
    # articles outside chapters it must still find every unit, with the same ancestors as `walk`.
    reg = imported[1].regulation  # type: ignore[attr-defined]
    located = list(reg.walk())
    assert len(located) > 50
    for loc in located:
        found = reg.find(loc.address)  # from the tree's index once it is asked twice
        assert found.unit is loc.unit and found.ancestors == loc.ancestors, loc.address
        first = reg.with_units(list(reg.units)).find(loc.address)  # a tree asked once: walked towards it
        assert first.unit is loc.unit and first.ancestors == loc.ancestors, loc.address

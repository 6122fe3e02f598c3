"""Shared rendering: the Jinja2 environment, safe inline Markdown, the header block, profiles."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest

from regdraft.core.errors import RegdraftError
from regdraft.render.html import document_header, environment, inline_markdown
from regdraft.render.profile import load_profile, place_date


def test_inline_markdown_keeps_emphasis_and_escapes_html() -> None:
    out = inline_markdown("**Ban Thường vụ** và *Tỉnh ủy* <script>alert(1)</script> & `x<y`")
    assert "<strong>Ban Thường vụ</strong>" in out
    assert "<em>Tỉnh ủy</em>" in out
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<code>x&lt;y</code>" in out


@pytest.mark.parametrize("text", [
    "Xem [Điều lệ](http://127.0.0.1:9/x) và ![ảnh](http://127.0.0.1:9/a.png)",
    "Xem [mật khẩu](../../../etc/passwd) ![](/etc/passwd)",
    '<img src="file:///etc/passwd"> <a href="http://example.org">x</a>',
])
def test_inline_markdown_never_emits_a_url_attribute(text: str) -> None:
    from html.parser import HTMLParser

    tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.append((tag, attrs))

    Collect().feed(str(inline_markdown(text)))
    assert all(not attrs for _, attrs in tags)
    assert not {tag for tag, _ in tags} & {"a", "img", "link", "script"}


def test_links_keep_their_text() -> None:
    assert str(inline_markdown("theo [Điều lệ Đảng](http://x.invalid/dieu-le)")) == "theo Điều lệ Đảng"


def test_workspace_templates_override_package_ones_by_name(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "base.css.j2").write_text("/* office override */", encoding="utf-8")
    source, _, _ = environment(tmp_path).loader.get_source(environment(tmp_path), "base.css.j2")  # type: ignore[union-attr]
    assert source == "/* office override */"
    package_source, _, _ = environment(None).loader.get_source(environment(None), "base.css.j2")  # type: ignore[union-attr]
    assert "@page" in package_source


def test_environment_autoescapes() -> None:
    template = environment(None).from_string("{{ x }}")
    assert template.render(x="<b>") == "&lt;b&gt;"


@pytest.mark.parametrize(("date", "expected"), [
    ("2021-01-09", "Điện Biên, ngày 09 tháng 01 năm 2021"),
    ("2021-02-15", "Điện Biên, ngày 15 tháng 02 năm 2021"),
    ("2021-03-05", "Điện Biên, ngày 05 tháng 3 năm 2021"),
    (dt.date(2025, 12, 20), "Điện Biên, ngày 20 tháng 12 năm 2025"),
])
def test_place_and_date_take_leading_zeros(date: object, expected: str) -> None:
    assert place_date("Điện Biên", date) == expected  # type: ignore[arg-type]


def test_header_block_from_front_matter() -> None:
    meta = {"id": "01-QC/TU", "type": "Quy chế", "language": "vi", "issuer": "TỈNH ỦY ĐIỆN BIÊN",
            "place": "Điện Biên", "signed": dt.date(2021, 1, 9),
            "title": "Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh"}
    header = document_header(meta, load_profile({}), draft=2)
    assert header.number == "Số 01-QC/TU"
    assert header.national == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert header.summary == "làm việc của Ban Chấp hành Đảng bộ tỉnh"
    assert header.draft == "DỰ THẢO lần 2"
    assert header.place_date == "Điện Biên, ngày 09 tháng 01 năm 2021"
    state = document_header(meta, load_profile({"profile": "state-30"}))
    assert state.number == "Số: 01-QC/TU"


def test_profile_from_config() -> None:
    assert load_profile({}).name == "party-36"
    assert load_profile({"profile": "state-30"}).number_colon
    custom = load_profile({"profile": {"name": "party-36", "body_pt": 13}})
    assert custom.body_pt == 13 and custom.margin_left == 30
    with pytest.raises(RegdraftError, match="unknown"):
        load_profile({"profile": "nope"})
    with pytest.raises(RegdraftError, match="colour"):
        load_profile({"profile": {"name": "party-36", "colour": "red"}})


def test_numbers_are_found_as_the_regular_expression_alone_finds_them() -> None:
    """`numbers_kept_whole` tries only lines with a slash before a digit or capital: the same spans as
    `_WHOLE_NUMBER.sub` over the whole text, on random text, tags and numbers (a number in an
    attribute, at a line's end, before a tag, in a word) and on a whole page."""
    import random

    from regdraft.render import html as rhtml

    def alone(text: str) -> str:
        return rhtml._WHOLE_NUMBER.sub(r'<span class="nobr">\g<0></span>', text)

    rng = random.Random(22)
    pieces = [*"aA1Đđ/-._<> \n\"=QTW2", "22-QĐ/TW", "</p>", '<p class="x">', "30/2020/NĐ-CP", "26/7", '="a/B"']
    spanned = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert rhtml._kept_whole(text) == alone(text), text
        spanned += alone(text) != text
    assert spanned > 5_000
    page = ('<html><body>\n<p class="para">Quy định số 22-QĐ/TW ngày 28/7/2021 và Nghị định 30/2020/NĐ-CP;</p>\n'
            '<a href="x/Y">Điều 5/2</a><script>{"n": "05-QC/TU"}</script>\n<p>A/B</p></body></html>')
    kept = rhtml.numbers_kept_whole(page)
    assert kept.count('class="nobr"') == 5 and '"05-QC/TU"' in kept and 'href="x/Y"' in kept


@pytest.mark.parametrize(("text", "shown"), [
    ("xem ![chữ thay thế](http://example.com/a.png) nhé", "xem ![chữ thay thế](http://example.com/a.png) nhé"),
    ('![**sơ đồ**](a.png "tiêu đề") và ![b][c]', '![**sơ đồ**](a.png "tiêu đề") và ![b][c]'),
    ("[](http://example.com/x) trống", "[](http://example.com/x) trống"),
    ("<http://example.com/x> và <a@b.vn>", "http://example.com/x và a@b.vn"),
    ("<b>đậm</b> [x][y] [^1] [z]", "&lt;b&gt;đậm&lt;/b&gt; [x][y] [^1] [z]"),
])
def test_inline_markdown_loses_no_word(text: str, shown: str) -> None:
    from regdraft.core.inline import plain

    assert str(inline_markdown(text)) == shown
    assert plain(text) == html.unescape(shown)


def test_numbers_are_kept_whole_in_the_body_between_its_scripts() -> None:
    """`numbers_kept_whole` reads the page in place (twentieth round, docs/performance.md): the same page as
    cutting it at its body and its scripts and applying the regular expression to each part between them, on
    random pages of numbers, tags, bodies and scripts."""
    import random
    import re

    from regdraft.render import html as rhtml

    def cut(page: str) -> str:
        head, found, body = page.partition("<body")
        if not found:
            return page
        # A script runs to its `</script>`, or to the page's end when it has none (as a browser reads it; r28 sweep
        # AD: `<script\b.*?</script>` scanned to the end from each unclosed one).
        parts = re.split(r"(<script\b(?:.*?</script>|.*\Z))", body, flags=re.S | re.I)
        parts[::2] = [rhtml._WHOLE_NUMBER.sub(r'<span class="nobr">\g<0></span>', part) for part in parts[::2]]
        return head + found + "".join(parts)

    rng = random.Random(22)
    pieces = [*"aA1Đ/-. <>\n", "22-QĐ/TW", "</p>", "<p>", "30/2020/NĐ-CP", "<body>", "<body class='x'>", "<script>",
              "</script>", "<SCRIPT type=x>", "</SCRIPT>", '{"n": "05-QC/TU"}', "<head><title>5/TW</title>"]
    spanned = 0
    for _ in range(20_000):
        page = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert rhtml.numbers_kept_whole(page) == cut(page), page
        spanned += cut(page) != page
    assert spanned > 3_000

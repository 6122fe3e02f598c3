"""Provisions rendered in Python give the same bytes as the template macros they replace.

Unchanged provisions (`render.fragments`) and changed ones (`render.changed`, the global `provision_html`). The
reference is the `plain_unit` and `provision` macros as they stood before (tests/fixtures/render/), run on
every provision of the shipped regulation (both languages) and of the corpus laws, plain and
annotated as the review server annotates; and whole redlines rendered through the templates as
they were, against the templates as they are.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from markupsafe import Markup

from regdraft.core.diff import Provision
from regdraft.core.markdown import read
from regdraft.core.markdown_writer import heading_text, unit_label_text
from regdraft.core.model import REPEALED_TEXT, Regulation, Unit, repealed_unit, unit_address
from regdraft.render import html as rhtml
from regdraft.render.fragments import Fragments, para_class
from regdraft.render.html import PACKAGE_TEMPLATES, PageTemplate, environment, inline_markdown
from regdraft.render.redline import render_html
from regdraft.workspace import compared_files
from regdraft.workspace import redline as rl
from regdraft.workspace.store import Workspace
from tests.conftest import CORPUS, FIXTURES, SHIPPED_ENGLISH, SHIPPED_REGULATION, needs_corpus

MACRO = FIXTURES / "render" / "plain-unit-macro.html.j2"
PROVISION_MACRO = FIXTURES / "render" / "provision-macro.html.j2"


def _regulations() -> Iterator[Regulation]:
    yield read(SHIPPED_REGULATION.read_bytes(), "01-QC-TU.md").regulation
    yield read(SHIPPED_ENGLISH.read_bytes(), "01-QC-TU-EN.md").regulation
    if CORPUS.is_dir():
        from regdraft.importer import import_file

        for path in sorted(CORPUS.glob("*.txt")):
            yield import_file(path).regulation


REGULATIONS = list(_regulations())


def _mark(address: object) -> Markup:
    return Markup(' data-on="{}"').format(str(address))


def _badge(address: object) -> Markup:
    return Markup('<a class="badge" href="#on-{}">1</a> ').format(str(address))


def _macro(reg: Regulation, annotate: bool) -> Iterator[tuple[Unit, bool, object, str]]:
    """(unit, moved, address, the macro's HTML) for every top-level unit and article of `reg`."""
    env = environment(None, PageTemplate(MACRO.name, MACRO.parent))
    language = reg.language
    env.globals.update(heading=lambda u: heading_text(u, language), label=lambda u: unit_label_text(u, language),
                       para_class=para_class, repealed_text=REPEALED_TEXT[language],
                       mark=_mark if annotate else rhtml._no_mark, badge=_badge if annotate else rhtml._no_mark)
    template = env.from_string(f'{{% from "{MACRO.name}" import plain_unit %}}'
                               "{{ plain_unit(u, moved, addr) }}")
    for located in reg.walk():
        unit = located.unit
        if unit.kind.value not in ("article", "clause", "point") and located.ancestors:
            continue
        for moved in (False, True):
            address = located.address if annotate else None
            yield unit, moved, address, template.render(u=unit, moved=moved, addr=address)


@pytest.mark.parametrize("annotate", [False, True], ids=["print", "review"])
@pytest.mark.parametrize("reg", REGULATIONS, ids=[r.source or r.id for r in REGULATIONS])
def test_unchanged_provisions_are_byte_identical_to_the_macro(reg: Regulation, annotate: bool) -> None:
    fragments = Fragments(reg.language, _mark, _badge) if annotate else Fragments(reg.language)
    compared = 0
    for unit, moved, address, expected in _macro(reg, annotate):
        assert str(fragments.unchanged(unit, moved, address)) == expected, unit.label
        compared += 1
    assert compared > 20


def test_a_repealed_unit_and_an_empty_clause_print_as_the_macro_printed() -> None:
    reg = REGULATIONS[0]
    article = next(u for u in reg.walk() if u.unit.kind.value == "article" and u.unit.children).unit
    clause = article.children[0]
    odd = Unit(article.kind, article.label, article.title, article.text,
               (repealed_unit(clause), Unit(clause.kind, "9", None, ()), *article.children[1:]),
               closing=("Đoạn cuối **đậm** & <b>thẻ</b>.",))
    env_reg = Regulation(reg.front_matter, reg.preamble, (odd,), reg.meta, reg.source)
    outputs = {str(Fragments(reg.language).unchanged(odd))}
    outputs |= {html for unit, moved, _, html in _macro(env_reg, False) if unit == odd and not moved}
    assert len(outputs) == 1
    printed = outputs.pop()
    assert REPEALED_TEXT["vi"] in printed and "<strong>đậm</strong>" in printed and "&lt;b&gt;" in printed


def _old_templates(folder: Path, unchanged_too: bool = True) -> None:
    """The redline templates as they were before: every changed provision through the `provision` macro and,
    `unchanged_too`, every unchanged one through `plain_unit` (which predates appendices)."""
    macros = (PACKAGE_TEMPLATES / "redline-macros.html.j2").read_text(encoding="utf-8")
    # Changed provisions as the macro printed them before `provision_html` (render.changed) did.
    old_provision = PROVISION_MACRO.read_text(encoding="utf-8").split("#}\n", 1)[1].strip()
    macros, replaced = re.subn(r"\{% macro provision\(.*?\{%- endmacro %\}", lambda _: old_provision, macros,
                               count=1, flags=re.S)
    assert replaced == 1 and "provision_html(" not in macros
    folder.mkdir(parents=True)
    (folder / "redline-macros.html.j2").write_text(macros, encoding="utf-8")
    if not unchanged_too:
        return
    old_macro = MACRO.read_text(encoding="utf-8").split("#}\n", 1)[1].strip()
    macros = re.sub(r"\{% macro plain_unit.*?\{%- endmacro %\}", lambda _: old_macro, macros, count=1, flags=re.S)
    macros = macros.replace("{{ unchanged(p.new, mv, addr) }}", "{{ plain_unit(p.new, mv, addr) }}")
    inline = (PACKAGE_TEMPLATES / "redline-inline.html.j2").read_text(encoding="utf-8")
    inline = re.sub(r"\{% elif p\.identical %\}\n\{\{ within\(unchanged\(.*?\) \}\}\n", "", inline)
    # The body's loop as it was: one provision at a time (`in_order`), no runs printed at once (`in_runs`).
    looped = inline.replace("in_runs(items)", "in_order(items)").replace(
        '{% if at == "kept" %}\n{{ within(p, ns.level) }}\n{% elif at == "moved away" %}',
        '{% if at == "moved away" %}')
    assert looped.count("in_order(items)") == 1 and '"kept"' not in looped, "the body's loop has changed"
    inline = looped
    assert "unchanged(" not in macros + inline
    (folder / "redline-macros.html.j2").write_text(macros, encoding="utf-8")
    (folder / "redline-inline.html.j2").write_text(inline, encoding="utf-8")


@pytest.mark.parametrize("changed_only", [False, True])
@pytest.mark.parametrize("layout", ["inline", "table"])
def test_the_redline_is_byte_identical_to_the_templates_before(tmp_workspace: Workspace, tmp_path: Path,
                                                               layout: str, changed_only: bool) -> None:
    redline = rl.build(tmp_workspace, "01-QC/TU")
    old_root = tmp_path / "old"
    _old_templates(old_root / "templates")
    today = dt.date(2026, 3, 1)
    new = render_html(redline, layout=layout, changed_only=changed_only, today=today)
    old = render_html(redline, layout=layout, changed_only=changed_only, today=today, workspace_root=old_root)
    assert new == old
    assert new.count('class="article-heading') >= (30 if layout == "inline" and not changed_only else 1)


@needs_corpus
def test_a_corpus_law_against_an_edited_copy_is_byte_identical_to_the_templates_before(tmp_path: Path) -> None:
    from regdraft.core.markdown_writer import render

    source = REGULATIONS[-1]
    old_file, new_file = tmp_path / "old.md", tmp_path / "new.md"
    text = render(source)
    old_file.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    edited = [i for i, line in enumerate(lines) if line.startswith("1\\. ")][::5]
    for i in edited:
        lines[i] = lines[i].replace(" ", " thay đổi ", 1)
    new_file.write_text("\n".join(lines), encoding="utf-8")
    redline = compared_files.build_files(old_file, new_file)
    assert redline.comparison.changes
    old_root = tmp_path / "old-templates"
    _old_templates(old_root / "templates")
    today = dt.date(2026, 3, 1)
    assert render_html(redline, today=today) == render_html(redline, today=today, workspace_root=old_root)


def _markdown_it(text: str) -> str:
    out: list[str] = []
    for token in rhtml._markdown(True).parseInline(text):
        rhtml._inline_tokens(token.children or [], out)
    return "".join(out)


def test_inline_text_without_markdown_syntax_is_what_markdown_it_gives() -> None:
    paragraphs = {t for reg in REGULATIONS for loc in reg.walk() for t in (*loc.unit.text, *loc.unit.closing)}
    assert len(paragraphs) > 300
    rng = random.Random(22)
    alphabet = [*"aơư ạĐđ.,;:()\"'>=#-+%$@^{}|~/\t\u00a0", "  ", "1.", "a)", "http://x.vn", "ủy", "&amp;", "*", "_",
                "`", "[", "]", "!", "<", "\\", "\n"]
    paragraphs |= {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(8000)}
    fast = 0
    for text in paragraphs:
        assert str(inline_markdown(text)) == _markdown_it(text), text
        fast += rhtml._INLINE_SYNTAX.search(text) is None
    assert fast > 1000  # most paragraphs take the fast path, and are checked against markdown-it


def test_addresses_of_children_follow_the_units(tmp_path: Path) -> None:
    reg = REGULATIONS[0]
    located = next(loc for loc in reg.walk() if loc.unit.kind.value == "article" and loc.unit.children)
    printed = str(Fragments(reg.language, _mark, _badge).unchanged(located.unit, False, located.address))
    child = unit_address(located.unit.children[0], located.address)
    assert f'data-on="{child}"' in printed and f'href="#on-{located.address}"' in printed


def _annotated_page(folder: Path) -> PageTemplate:
    """A page that annotates every paragraph as the review server's does (its addresses and badges)."""
    folder.mkdir(parents=True)
    (folder / "annotated.html.j2").write_text('{% extends "redline-inline.html.j2" %}\n', encoding="utf-8")
    return PageTemplate("annotated.html.j2", folder, {"annotate": True, "mark": _mark, "badge": _badge})


def test_the_review_page_annotates_changed_provisions_as_the_macro_did(tmp_workspace: Workspace,
                                                                       tmp_path: Path) -> None:
    redline = rl.build(tmp_workspace, "01-QC/TU")
    old_root = tmp_path / "old"
    _old_templates(old_root / "templates")
    today = dt.date(2026, 3, 1)
    page = _annotated_page(tmp_path / "page")
    new = render_html(redline, today=today, page=page)
    old = render_html(redline, today=today, page=page, workspace_root=old_root)
    assert new == old
    changed = [p for p in redline.comparison.provisions if p.change is not None or not p.identical]
    assert changed and 'class="article-heading chg" id="' in new
    assert new.count(' data-on="') > 100 and 'class="badge"' in new


@needs_corpus
@pytest.mark.parametrize(("layout", "changed_only"), [("inline", False), ("table", False), ("table", True)])
def test_a_decree_with_a_moved_clause_and_a_changed_form_prints_as_the_macro_did(
        tmp_path: Path, layout: str, changed_only: bool) -> None:
    """Nghị định 63/2010: a clause moved to another article, a clause repealed, a point added, a word of a form
    changed (an appendix: the comparison table of the changes alone prunes its rows)."""
    from regdraft.core.markdown_writer import render

    decree = read(render(_decree()).encode(), "63.md").regulation
    text = render(decree)
    old_file, new_file = tmp_path / "old.md", tmp_path / "new.md"
    old_file.write_text(text, encoding="utf-8")
    edited = text.replace("| 7. Phạm vi áp dụng của mẫu đơn, mẫu tờ khai?",
                          "| 7. Phạm vi áp dụng của mẫu đơn, tờ khai?")
    blocks = edited.split("\n\n")
    clauses = [k for k, b in enumerate(blocks) if b.startswith("1\\. ") or b.startswith("2\\. ")]
    assert len(clauses) > 20
    moved = blocks.pop(clauses[3])  # a clause moved to a later article
    blocks.insert(clauses[20], moved)
    blocks[clauses[10]] = blocks[clauses[10]].replace(" ", " sửa ", 2)
    new_file.write_text("\n\n".join(blocks), encoding="utf-8")
    assert edited != text
    redline = compared_files.build_files(old_file, new_file)
    kinds = {p.change for p in _all(redline.comparison.provisions)}
    assert len(redline.comparison.changes) >= 3 and len(kinds) >= 3, kinds
    old_root = tmp_path / "old-templates"
    _old_templates(old_root / "templates", unchanged_too=False)
    today = dt.date(2026, 3, 1)
    new = render_html(redline, layout=layout, changed_only=changed_only, today=today)
    assert new == render_html(redline, layout=layout, changed_only=changed_only, today=today,
                              workspace_root=old_root)
    assert "tờ khai?" in new and ("[…]" in new) == changed_only
    assert layout == "table" or new.count('class="mv') >= 2  # the moved clause, where it stood and stands


def _decree() -> Regulation:
    from regdraft.importer import import_file

    return import_file(CORPUS.parent / "amendments" / "nd-63-2010" / "base-63-2010-ND-CP.txt").regulation


def _all(provisions: Sequence[Provision]) -> Iterator[Provision]:
    for p in provisions:
        yield p
        yield from _all(p.children)

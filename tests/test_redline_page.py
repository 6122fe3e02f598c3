"""The printed redline page without Jinja2 (`render.redline_page`): the same bytes, and never a stale kept part."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from regdraft.render import html, redline_page
from regdraft.render import redline as rr
from regdraft.render.profile import default_profile, load_profile
from regdraft.workspace import parse_cache
from regdraft.workspace.compared_files import build_files
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_REGULATION, Invoke

Page = Callable[..., str]


@pytest.fixture(autouse=True)
def _fresh_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(parse_cache, "_memory", type(parse_cache._memory)())
    monkeypatch.setattr(parse_cache, "_origins", type(parse_cache._origins)())
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))


def _redline(tmp_path: Path, edit: Callable[[str], str] = lambda text: text) -> rr.Redline:
    text = SHIPPED_REGULATION.read_text(encoding="utf-8")
    folder = tmp_path / "files"
    folder.mkdir(exist_ok=True)
    (folder / "old.md").write_text(text, encoding="utf-8")
    (folder / "new.md").write_text(edit(text.replace("Ban Thường vụ", "Ban Chấp hành", 2)), encoding="utf-8")
    return build_files(folder / "old.md", folder / "new.md")


def _through_jinja(monkeypatch: pytest.MonkeyPatch, redline: rr.Redline, **options: object) -> str:
    """The page as the templates print it, the page printed here switched off."""
    with monkeypatch.context() as patch:
        patch.setattr(redline_page, "applies", lambda *args: None)
        return rr.render_html(redline, **options)  # type: ignore[arg-type]


def _no_jinja(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object) -> None:
        raise AssertionError("the templates ran")

    monkeypatch.setattr(rr, "_environment", refused)


def _kept(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "xdg" / "regdraft").glob("page-outer-*"))


def test_a_second_page_is_printed_without_the_templates_byte_for_byte(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    redline = _redline(tmp_path)
    reference = _through_jinja(monkeypatch, redline)
    first = rr.render_html(redline)  # through Jinja2; its outer part kept
    assert first == reference and len(_kept(tmp_path)) == 1
    _no_jinja(monkeypatch)
    assert rr.render_html(redline) == reference


def test_a_first_page_asks_jinja2_for_its_outer_part_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no kept outer part, Jinja2 prints the page around a mark (the provisions are printed once, here), not
    the whole page; the same bytes, and the part kept."""
    from regdraft.render import templates

    redline = _redline(tmp_path)
    reference = _through_jinja(monkeypatch, redline)
    rendered: list[str | None] = []
    render = templates._Template.render

    def spy(self: templates._Template, *args: Any, **kwargs: Any) -> str:
        rendered.append(self.name)
        return render(self, *args, **kwargs)

    monkeypatch.setattr(templates._Template, "render", spy)
    assert rr.render_html(redline) == reference and len(_kept(tmp_path)) == 1
    assert rendered == [None]  # the page's outer part (a template made from a string), not `redline-inline.html.j2`
    _no_jinja(monkeypatch)
    assert rr.render_html(redline) == reference


def test_a_first_page_of_the_checked_templates_does_not_parse_them_to_tell_what_they_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    redline = _redline(tmp_path)
    reference = _through_jinja(monkeypatch, redline)
    asked: list[object] = []
    outer_reads = redline_page.outer_reads

    def counted(*args: Any) -> set[str] | None:
        asked.append(args)
        return outer_reads(*args)

    monkeypatch.setattr(redline_page, "outer_reads", counted)
    assert rr.render_html(redline) == reference and len(_kept(tmp_path)) == 1
    assert not asked


@pytest.mark.parametrize("changed_only", [False, True])
def test_the_content_is_what_the_templates_print(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  changed_only: bool) -> None:
    """A closing part changed, a preamble basis edited, an article deleted, a chapter renamed, --changed-only."""
    def edit(text: str) -> str:
        first_article = text.index("\n### Điều 1")
        edited = text[:first_article] + text[first_article:].replace("Căn cứ", "Theo", 1)
        return edited.replace("Chương II", "Chương II mới", 1)

    redline = _redline(tmp_path, edit)
    reference = _through_jinja(monkeypatch, redline, changed_only=changed_only)
    rr.render_html(redline, changed_only=changed_only)
    assert len(_kept(tmp_path)) == 1  # the port's content was found whole in Jinja2's page
    _no_jinja(monkeypatch)
    assert rr.render_html(redline, changed_only=changed_only) == reference


def _shipped_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "shipped"
    shutil.copytree(html.PACKAGE_TEMPLATES, folder)
    monkeypatch.setattr(html, "PACKAGE_TEMPLATES", folder)
    monkeypatch.setattr(redline_page, "_TEMPLATES", folder)
    return folder


@pytest.mark.parametrize("template", ["base.css.j2", "redline-screen.css.j2", "signature.css.j2", "base.html.j2"])
def test_an_edited_template_or_one_it_includes_is_never_printed_from_a_kept_part(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, template: str) -> None:
    folder = _shipped_copy(tmp_path, monkeypatch)
    redline = _redline(tmp_path)
    before = rr.render_html(redline)
    rr.render_html(redline)  # kept
    path = folder / template
    marker = "/* edited */" if template.endswith(".css.j2") else "<!-- edited -->"
    source = path.read_text(encoding="utf-8")
    path.write_text(f"{marker}\n{source}", encoding="utf-8")
    after = rr.render_html(redline)
    assert after != before and marker in after
    assert after == _through_jinja(monkeypatch, redline)


def test_an_edited_content_template_is_printed_by_jinja(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _shipped_copy(tmp_path, monkeypatch)
    redline = _redline(tmp_path)
    rr.render_html(redline)
    path = folder / "redline-inline.html.j2"
    path.write_text(path.read_text(encoding="utf-8").replace('<div class="summary">', '<div class="summary x">'),
                    encoding="utf-8")
    assert redline_page.applies(None, {word: "" for word in redline_page._WORDS}) is None
    assert '<div class="summary x">' in rr.render_html(redline)


def test_a_workspace_template_of_the_page_is_printed_by_jinja(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    (root / "templates").mkdir(parents=True)
    words = {word: "" for word in redline_page._WORDS}
    assert redline_page.applies(root, words) is not None
    (root / "templates" / "base.css.j2").write_text("body { color: red; }\n", encoding="utf-8")
    assert redline_page.applies(root, words) is None


def _vary(redline: rr.Redline, what: str) -> tuple[rr.Redline, object]:
    profile = default_profile()
    if what == "profile":
        return redline, dataclasses.replace(profile, margin_left=27)
    if what == "words":
        vocabulary = {**profile.vocabulary, "vi": {**profile.vocabulary["vi"], "continued": "(tiếp theo nữa)"}}
        return redline, dataclasses.replace(profile, vocabulary=vocabulary)
    if what == "header":
        return dataclasses.replace(redline, draft=7), profile
    if what == "lang":
        new = redline.comparison.new
        comparison = dataclasses.replace(redline.comparison, new=dataclasses.replace(new, meta={**new.meta,
                                                                                              "language": "en"}))
        return dataclasses.replace(redline, comparison=comparison, kept=None, kept_old=None), profile
    raise AssertionError(what)


@pytest.mark.parametrize("what", ["profile", "words", "header", "lang"])
def test_each_value_the_outer_part_reads_changes_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          what: str) -> None:
    redline = _redline(tmp_path)
    before = rr.render_html(redline, profile=default_profile())
    assert rr.render_html(redline, profile=default_profile()) == before  # kept, and used
    changed, profile = _vary(redline, what)
    after = rr.render_html(changed, profile=profile)
    assert after != before
    assert after == _through_jinja(monkeypatch, changed, profile=profile)
    assert rr.render_html(changed, profile=profile) == after  # its own part kept, and used


def test_the_port_is_of_the_shipped_templates() -> None:
    """Edited a content template? Print the same in `redline_page.Page` and set `PORTED` to this digest."""
    assert redline_page.digest(redline_page.shipped_sources(redline_page.CONTENT_TEMPLATES)) == redline_page.PORTED


def test_the_page_templates_are_every_template_the_page_uses_and_its_outer_part_reads_only_the_key() -> None:
    import jinja2.meta

    env = html.environment(None)
    assert env.loader is not None
    found, pending = set(), ["redline-inline.html.j2"]
    while pending:
        name = pending.pop()
        if name not in found:
            found.add(name)
            source = env.loader.get_source(env, name)[0]
            pending.extend(str(ref) for ref in jinja2.meta.find_referenced_templates(env.parse(source)))
    assert found == set(redline_page.PAGE_TEMPLATES)
    reads = redline_page.outer_reads(env, "redline-inline.html.j2")
    assert reads is not None and reads <= set(redline_page.OUTER_VALUES) | set(html.print_globals())
    assert {"header", "profile", "words"} <= reads
    # Edited a page template? Check what its outer part reads (above) and set `READS_CHECKED` to this digest.
    assert redline_page.digest(redline_page.shipped_sources()) == redline_page.READS_CHECKED


def test_outer_reads_refuses_what_it_cannot_tell(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    (root / "templates").mkdir(parents=True)
    env = html.environment(root)
    for name, source, expected in (
            ("a.j2", '{% extends "base.html.j2" %}{% block content %}{{ changes }}{% endblock %}', "fine"),
            ("b.j2", '{% extends "base.html.j2" %}{% block title %}{{ changes }}{% endblock %}', "changes"),
            ("c.j2", '{% include name %}', None),
            ("d.j2", '{% from "redline-macros.html.j2" import legend_block %}{{ legend_block(words) }}', None),
            ("e.j2", '{% from "redline-macros.html.j2" import legend_block %}{% block content %}'
                     '{{ legend_block(words) }}{% endblock %}', "fine")):
        (root / "templates" / name).write_text(source, encoding="utf-8")
        reads = redline_page.outer_reads(env, name)
        if expected is None:
            assert reads is None, name
        elif expected == "fine":
            assert reads is not None and "changes" not in reads and "legend" not in reads, name
        else:
            assert reads is not None and expected in reads, name



def compare_modules(tmp_path: Path, runs: int, before: Callable[[int], None] | None = None) -> list[set[str]]:
    """The modules loaded by each of `runs` runs of `compare --format html` of `tmp_path`/files' old.md and new.md
    (written to c.html, the user's cache in `tmp_path`), each in a process of its own; `before(n)` runs first."""
    folder = tmp_path / "files"
    args = ["compare", str(folder / "old.md"), str(folder / "new.md"), "--format", "html",
            "-o", str(tmp_path / "c.html")]
    script = ("import sys, json\nfrom regdraft.cli import cli\n"
              f"try:\n    cli({args!r}, prog_name='regdraft')\n"
              "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
              "print(json.dumps(sorted(sys.modules)))")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    loaded = []
    for n in range(runs):
        if before is not None:
            before(n)
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
        loaded.append(set(json.loads(done.stdout.strip().splitlines()[-1])))
    return loaded


def test_a_warm_compare_does_not_import_jinja2(tmp_path: Path, invoke: Invoke) -> None:
    redline_files = _redline(tmp_path)
    assert redline_files.comparison.changes
    loaded = compare_modules(tmp_path, 2)
    assert "jinja2" in loaded[0]  # the first run prints through the templates
    assert not {m for m in loaded[1] if m.startswith("jinja2")}
    # nor what only templates, shell completion or an entity reference need (`html` loads 2,231 entities)
    assert not {"html", "html.entities", "click.shell_completion", "regdraft.render.limits"} & loaded[1]
    assert (tmp_path / "c.html").read_text(encoding="utf-8").count("Ban Chấp hành") >= 2


def test_a_compare_with_an_edited_preamble_does_not_import_html(tmp_path: Path) -> None:
    """The drafter edits a basis of the preamble: its lines are marked, and their class found from their new text
    without the standard library's `html` (its table of entities) unless the text holds a reference."""
    redline_files = _redline(tmp_path, lambda text: text.replace("Căn cứ", "Theo", 1))
    assert redline_files.comparison.old.preamble != redline_files.comparison.new.preamble
    assert "html" not in compare_modules(tmp_path, 2)[-1]
    assert "<del" in (tmp_path / "c.html").read_text(encoding="utf-8").split('class="preamble', 1)[1]


def test_load_profile_words_are_those_the_page_needs() -> None:
    words = load_profile({}, {}).words("vi")
    assert all(word in words for word in redline_page._WORDS)


@pytest.mark.parametrize("options", [(), ("--changed-only",)])
def test_the_shipped_amendments_redline_is_printed_the_same_without_the_templates(
        tmp_workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, invoke: Invoke,
        options: tuple[str, ...]) -> None:
    """References, reasons, the draft banner and the amendment's place-and-date line."""
    def printed(name: str) -> str:
        out = tmp_path / name
        result = invoke(tmp_workspace, "redline", "01-QC/TU", "--format", "html", "-o", str(out), *options)
        assert result.exit_code == 0, result.output
        return out.read_text(encoding="utf-8")

    with monkeypatch.context() as patch:
        patch.setattr(redline_page, "applies", lambda *args: None)
        reference = printed("reference.html")
    assert printed("first.html") == reference
    assert list((tmp_workspace.root / ".git" / "regdraft-cache").glob("page-outer-*"))
    _no_jinja(monkeypatch)
    again = printed("again.html")
    assert again == reference and 'class="references"' in again


def test_escape_html_is_the_standard_librarys() -> None:
    import html
    import random

    from regdraft.core.text import escape_html

    pieces = ["&", "<", ">", '"', "'", "a", "Đ", "&amp;", " ", "\n", "&#x27;"]
    rng = random.Random(26)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(12)))
        assert escape_html(text) == html.escape(text)
        assert escape_html(text, quote=False) == html.escape(text, quote=False)


def test_the_policy_pass_reads_an_entity_in_the_language_as_before() -> None:
    from regdraft.render.policy import sealed

    page = sealed('<!DOCTYPE html>\n<html lang="v&#105;" dir="l&lt;tr">\n<head>\n<meta charset="utf-8">\n</head>'
                  "<body></body></html>")
    assert '<html lang="vi" dir="l&lt;tr">' in page


def test_a_redline_asks_git_for_a_commits_renames_once(tmp_workspace: Workspace, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch, invoke: Invoke) -> None:
    """The two version lines (the regulation's and the amendment's) follow renames from the same commit: one
    `git diff-tree` for it, not one per line; the page as before. Both files are last changed in a commit with a
    parent (taken out, then put back): a first commit holds no rename, and git is not asked for one (r36 git36)."""
    import subprocess as sp

    root, both = str(tmp_workspace.root), ["regulations/01-QC-TU.md", "amendments/qc-sua-doi-2025/amendment.md"]
    for step in (["rm", "-q", *both], ["commit", "-qm", "Take out"], ["checkout", "HEAD~1", "--", *both],
                 ["commit", "-qm", "Put back"]):
        sp.run(["git", "-C", root, "-c", "user.name=Lan", "-c", "user.email=lan@example.org", *step], check=True,
               capture_output=True)
    asked: list[str] = []
    real = sp.run

    def run(args: list[str], *rest: object, **options: object) -> object:
        if "diff-tree" in args:
            asked.append(args[-1])
        return real(args, *rest, **options)  # type: ignore[call-overload]

    monkeypatch.setattr(sp, "run", run)
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "--format", "html", "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 0, result.output
    repeated = sorted({sha for sha in asked if asked.count(sha) > 1})
    assert asked and repeated == [], f"git diff-tree asked again for {', '.join(repeated)}"

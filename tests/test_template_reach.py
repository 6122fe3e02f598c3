"""What a workspace's template can reach: values of allowed types and its helpers, never a path, file or module.

A tester's `templates/redline-inline.html.j2` walked `in_runs.helpers.redline.kept_old.folder` to a
`pathlib.Path`, read /etc/passwd and wrote a file, in `redline --format html` and on the review server's
redline page alike. The sandbox now reads attributes and calls methods only of values of the types
`regdraft.render.reach` allows, and calls only the helpers a render is handed by name.
"""

from __future__ import annotations

import io
import types
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any

import jinja2
import pytest

from regdraft.render import reach, templates
from regdraft.render.templates import TemplateEnvironment
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke

SECRET = "the contents of a file outside the workspace"

# The tester's template, reading a file outside the workspace and writing another (`READ`, `MARKER`).
REPRODUCTION = """<html><head></head><body>{% set f = in_runs.helpers.redline.kept_old.folder %}
READ={{ f.joinpath('READ').read_text()[:200] }}
WROTE={{ f.joinpath('MARKER').write_text('written by template') }}</body></html>
"""

# Other ways to the same objects: a filter, a subscript, a format field, a helper's holdings, a bound method's.
DETOURS = [
    "{{ (in_runs|attr('helpers')).redline }}",
    "{{ in_runs['helpers'] }}",
    "{{ [in_runs]|map(attribute='helpers')|first }}",
    "{{ '{0.helpers}'.format(in_runs) }}",
    "{{ provision_html.globals }}",
    "{{ in_runs.fragments.keep }}",
    "{{ heading.redline }}",
    "{{ unchanged.__self__ }}",
    "{{ [in_runs]|sort(attribute='helpers.redline')|first }}",
]


def _attack(source: str, secret: Path, marker: Path) -> str:
    return source.replace("'READ'", repr(str(secret))).replace("'MARKER'", repr(str(marker)))


def _template(ws: Workspace, name: str, text: str) -> None:
    ws.commit({f"templates/{name}": text.encode("utf-8")}, f"Add {name}")


def test_the_testers_template_reads_and_writes_nothing(tmp_workspace: Workspace, invoke: Invoke,
                                                       tmp_path: Path) -> None:
    secret, marker = tmp_path / "secret.txt", tmp_path / "TEMPLATE_PWNED"
    secret.write_text(SECRET, encoding="utf-8")
    _template(tmp_workspace, "redline-inline.html.j2", _attack(REPRODUCTION, secret, marker))
    out = tmp_path / "r.html"
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "--format", "html", "-o", str(out))
    assert result.exit_code == 1, result.output
    assert "templates/redline-inline.html.j2:1: the template cannot be rendered: it does something templates are " \
           "not allowed to do (access to attribute 'helpers' of '_Runs' object is unsafe" in result.output
    assert "Traceback" not in result.output and SECRET not in result.output
    assert not marker.exists() and not out.exists()


@pytest.mark.parametrize("detour", DETOURS)
def test_no_other_way_leads_to_what_a_helper_holds(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path,
                                                   detour: str) -> None:
    _template(tmp_workspace, "redline-inline.html.j2", "<html><body>\n" + detour + "\n</body></html>\n")
    out = tmp_path / "r.html"
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "--format", "html", "-o", str(out))
    assert result.exit_code == 1, result.output
    assert "templates/redline-inline.html.j2:2: the template cannot be rendered: it does something templates " \
           "are not allowed to do" in result.output, result.output
    assert not out.exists()


def test_the_review_server_refuses_the_testers_template(tmp_workspace: Workspace, tmp_path: Path) -> None:
    from regdraft.workspace.rounds import open_round
    from tests.web.conftest import client

    secret, marker = tmp_path / "secret.txt", tmp_path / "TEMPLATE_PWNED"
    secret.write_text(SECRET, encoding="utf-8")
    open_round(tmp_workspace, SHIPPED_AMENDMENT, "Lấy ý kiến", "2099-03-15", ["Ban Tổ chức Tỉnh ủy"])
    _template(tmp_workspace, "redline-inline.html.j2", _attack(REPRODUCTION, secret, marker))
    page = client(tmp_workspace).get(f"/a/{SHIPPED_AMENDMENT}/redline")
    assert page.status_code == 422  # the error page, saying why
    assert "templates/redline-inline.html.j2:1: the template cannot be rendered" in page.text
    assert "is unsafe" in page.text and SECRET not in page.text and not marker.exists()
    # The page's own data holds no redline (whose fragments are kept in a folder) for a template to open.
    _template(tmp_workspace, "web-redline.html.j2", "<html><body>\n{{ page.redline }}\n</body></html>\n")
    page = client(tmp_workspace).get(f"/a/{SHIPPED_AMENDMENT}/redline")
    assert page.status_code == 422 and "web-redline.html.j2:2" in page.text and "redline" in page.text
    assert "regdraft-cache" not in page.text


# --- the graph of what every shipped template can reach -------------------------------------------------------

# The callables regdraft hands templates by name (`render.html`, `render.redline`, `render.consolidated`,
# `web.app`), and Jinja2's own globals. Each computes from its arguments; none reads or writes a file.
HELPERS = {
    "range", "dict", "cycler", "joiner", "namespace",
    "mark", "badge", "mark_parts", "child_address", "unchanged", "in_runs", "provision_html", "title_marks",
    "heading", "label", "heading_marked", "label_marked", "describe", "kind_label", "where", "moved_note", "body",
    "closing", "in_order", "moved_away", "legend", "reasons", "line", "touched", "whole", "marked", "para_class",
    "change_bar", "table_rows", "table_head", "quote", "ui", "heading_tag", "heading_level", "within",
    "withdrawal",  # the comments page: whether a comment is the visitor's to withdraw (web30, withdraw31)
    "edited_note",  # the comment report: when a comment its member reworded was edited, in the profile's words (edit32)
    "proposal_html",  # the comment report: a proposal on a form, its changed rows as a table (table39)
    "bookmark",  # the redline PDF: a heading's bookmark name as an escaped attribute (a11y40)
    "removed_text",  # the comparison table: what the new column says of a provision it lacks (newreg42)
}
DEPTH = 7
ITEMS = 40  # of each list, tuple, set or dict: enough for every type it holds, few enough to stay quick


def _rendered_contexts(ws: Workspace, invoke: Invoke, tmp_path: Path,
                       monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, TemplateEnvironment, dict[str, Any]]]:
    """The context (globals and variables) of each render of the shipped templates, as the commands and the
    review server's pages render them."""
    from regdraft.workspace.rounds import open_round
    from tests.web.conftest import client

    found: list[tuple[str, TemplateEnvironment, dict[str, Any]]] = []
    real = templates._Template.render

    def recording(self: templates._Template, *args: Any, **kwargs: Any) -> str:
        variables = {k: v for k, v in kwargs.items() if k != "size"}
        assert isinstance(self.environment, TemplateEnvironment)
        # A template made from a string is the inline redline's outer part (`render.redline_page`): the page's
        # template with its content block replaced by a mark, given the page's whole context.
        name = self.name if self.name is not None else "redline-inline.html.j2 (outer part)"
        found.append((name, self.environment, {**self.globals, **dict(*args, **variables)}))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(templates._Template, "render", recording)
    open_round(ws, SHIPPED_AMENDMENT, "Lấy ý kiến", "2099-03-15", ["Ban Tổ chức Tỉnh ủy"])
    added = invoke(ws, "comment", "add", SHIPPED_AMENDMENT, "--by", "Ban Tổ chức Tỉnh ủy", "--on", "d5.k2",
                   "--text", "Đề nghị sửa.", "--proposal", "Báo cáo định kỳ hằng quý.")
    assert added.exit_code == 0, added.output
    for args in (("redline", "01-QC/TU", "--format", "html", "-o", str(tmp_path / "r.html")),
                 ("redline", "01-QC/TU", "--layout", "table", "--format", "html", "-o", str(tmp_path / "t.html")),
                 ("export", "01-QC/TU", "--format", "html", "-o", str(tmp_path / "c.html")),
                 ("amend", "export", SHIPPED_AMENDMENT, "--format", "html", "-o", str(tmp_path / "a.html")),
                 ("round", "report", SHIPPED_AMENDMENT, "-o", str(tmp_path / "report.html"))):
        result = invoke(ws, *args)
        assert result.exit_code == 0, (args, result.output)
    server = client(ws)
    for url in ("/", f"/a/{SHIPPED_AMENDMENT}/redline", f"/a/{SHIPPED_AMENDMENT}/comments",
                f"/a/{SHIPPED_AMENDMENT}/report", "/no-such-page"):
        assert server.get(url).status_code in (200, 404), url
    return found


def _walk(env: TemplateEnvironment, context: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Every value a template can come to hold from `context`, with the way to it: through the attributes the
    sandbox lets it read (dir(), without `_` names) and the items of lists, tuples, sets and dicts, to `DEPTH`."""
    seen: set[int] = set()
    keep: list[Any] = []  # held, so that ids stay theirs
    pending: list[tuple[str, Any, int]] = [(name, value, 0) for name, value in context.items()]
    while pending:
        path, value, depth = pending.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        keep.append(value)
        yield path, value
        if depth >= DEPTH:
            continue
        kind = type(value)
        if kind in (list, tuple, set, frozenset):
            pending.extend((f"{path}[{k}]", item, depth + 1) for k, item in enumerate(list(value)[:ITEMS]))
        elif kind is dict:
            for k, (key, item) in enumerate(value.items()):
                if k < ITEMS:
                    pending.extend(((f"{path}.keys()", key, depth + 1), (f"{path}[{key!r}]", item, depth + 1)))
        for name in dir(value):  # as the sandbox answers: it is what is under test
            if name.startswith("_"):
                continue
            found = env.getattr(value, name)
            if not isinstance(found, jinja2.Undefined):
                pending.append((f"{path}.{name}", found, depth + 1))


def _refused(env: TemplateEnvironment, value: Any) -> list[str]:
    """The attributes and items of `value` the sandbox lets a template use (none for a value it may not open)."""
    let = [name for name in dir(value) if not name.startswith("_")
           and not isinstance(env.getattr(value, name), jinja2.Undefined)]
    for argument in ("x", 0):
        if not isinstance(env.getitem(value, argument), jinja2.Undefined):
            let.append(f"[{argument!r}]")
    return let


def test_every_value_a_shipped_template_can_reach_is_a_value(tmp_workspace: Workspace, invoke: Invoke,
                                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    contexts = _rendered_contexts(tmp_workspace, invoke, tmp_path, monkeypatch)
    names = {name for name, _, _ in contexts}
    assert {"redline-inline.html.j2 (outer part)", "redline-table.html.j2", "consolidated.html.j2", "amendment.html.j2",
            "comment_report.html.j2", "web-home.html.j2", "web-redline.html.j2", "web-comments.html.j2",
            "web-report.html.j2", "web-message.html.j2"} <= names, names
    opened: set[str] = set()
    for name, env, context in contexts:
        top = {id(value) for value in context.values()}

        def listed(kind: type, env: TemplateEnvironment = env) -> bool:
            return reach.allowed(kind, env.values)

        helpers = {key for key, value in context.items() if callable(value)
                   and not reach.allowed(type(value), env.values)}
        assert helpers <= HELPERS, (name, helpers - HELPERS)
        with reach.helpers(context.values()):
            for path, value in _walk(env, context):
                where = f"{name}: {path} ({type(value).__qualname__})"
                assert not isinstance(value, (PurePath, io.IOBase, types.ModuleType)), where
                if reach.allowed(type(value), env.values):  # the list, not the sandbox's answer
                    opened.add(f"{type(value).__module__}.{type(value).__qualname__}")
                    continue
                # Anything else it may print or pass on, but not open; and call only if it was handed it by name.
                assert _refused(env, value) == [], where
                if id(value) not in top:  # a class met on the way (`(1).real.from_bytes`'s `int`) is not called
                    if env.is_safe_callable(value):
                        assert reach.receiver_allowed(value, listed) or type(value) in reach.JINJA_CALLABLE, where
                    assert not isinstance(value, type) or not env.is_safe_callable(value), where
                else:
                    assert env.is_safe_callable(value) == callable(value), where
    # The walk went through the documents: provisions, units, addresses, comments, the page data.
    for expected in ("regdraft.core.diff.Provision", "regdraft.core.model.Unit", "regdraft.core.address.Address",
                     "regdraft.core.comment_model.Comment", "regdraft.render.consolidated.Block",
                     "regdraft.core.comment_report.ReportRow", "regdraft.web.pages.RedlinePage",
                     "regdraft.web.words.Words", "regdraft.render.profile.Profile"):
        assert expected in opened, (expected, sorted(opened))


def test_every_value_type_named_is_a_type() -> None:
    import importlib

    for module, name in reach.VALUES:
        found = getattr(importlib.import_module(module), name)
        assert isinstance(found, type) and (found.__module__, found.__qualname__) == (module, name)


def test_a_path_module_class_or_function_is_refused_whatever_holds_it(tmp_path: Path) -> None:
    """Handed a value of no allowed type, even in a dict, a template may print it but not open or call it."""
    from regdraft.core.errors import RegdraftError
    from regdraft.render.html import environment

    marker = tmp_path / "written"
    env = environment(None)
    held = {"path": tmp_path, "module": io, "kind": Path, "function": Path.write_text, "file": io.StringIO("x")}
    for attack in ("{{ held.path.joinpath('written').write_text('x') }}", "{{ held.module.open }}",
                   "{{ held.kind('written') }}", "{{ held.function(held.path, 'x') }}", "{{ held.file.read() }}",
                   "{{ held.path['x'] }}", "{{ held.path|attr('parent') }}", "{{ held.path.parent }}"):
        with pytest.raises(RegdraftError, match="not allowed"):
            env.from_string(attack).render(held=held)
    assert not marker.exists()
    # Printed, a value is its text.
    assert env.from_string("{{ held.path }}").render(held=held) == str(tmp_path)


def test_what_ordinary_templates_do_still_works(tmp_path: Path) -> None:
    """Jinja2's own objects and the values of the documents stay open: imports and macros, `caller`, blocks and
    `super()`, loops (recursive too), `cycler`, `joiner`, `namespace`, `groupby`, `format`, `attr`."""
    from regdraft.core.model import Kind, Unit
    from regdraft.render.html import environment

    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "m.html.j2").write_text("{% macro box(x) %}[{{ x }}|{{ caller() }}]{% endmacro %}", encoding="utf-8")
    (folder / "base.html.j2").write_text("{% block b %}base{% endblock %}", encoding="utf-8")
    (folder / "x.html.j2").write_text(
        '{% extends "base.html.j2" %}{% import "m.html.j2" as m %}{% block b %}{{ super() }} {{ self.b2() }}'
        "{% call m.box(u.label) %}{{ u.kind.value }}{% endcall %} "
        "{% set c = cycler('a', 'b') %}{% set j = joiner('+') %}{% set ns = namespace(n=0) %}"
        "{% for k in [1, 2, 3] %}{{ c.next() }}{{ j() }}{{ loop.cycle('x', 'y') }}{% set ns.n = ns.n + k %}"
        "{% endfor %} {{ ns.n }} "
        "{% for g in units|groupby('label') %}{{ g.grouper }}:{{ g.list|length }};{% endfor %} "
        "{% for t in [u]|map(attribute='title') %}{{ t|upper }}{% endfor %} {{ u|attr('label') }} "
        "{{ '{0.label}-{1}'.format(u, words['a']) }} {{ words.items()|list|length }} {{ u.all_text()|length }} "
        "{% for x in tree recursive %}({{ x.label }}{{ loop(x.children) }}){% endfor %}"
        "{% endblock %}{% block b2 %}two{% endblock %}", encoding="utf-8")
    unit = Unit(Kind.ARTICLE, "5", "Tiêu đề", ("Một.",), (Unit(Kind.CLAUSE, "1", None, ("Hai.",)),))
    shown = environment(tmp_path).get_template("x.html.j2").render(u=unit, units=[unit, unit], words={"a": "b"},
                                                                   tree=[unit])
    assert shown == "base two[5|article] axb+ya+x 6 5:2; TIÊU ĐỀ 5 5-b 1 17 (5(1))", shown

"""Workspace templates are untrusted: they render sandboxed, from regular files inside the workspace."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from regdraft.core.errors import RegdraftError
from regdraft.render.html import environment
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

SHIPPED = Path(__file__).resolve().parents[1] / "regdraft" / "templates"

ATTACKS = [
    "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}",
    "{{ joiner.__init__.__globals__['os'].system('touch PWNED') }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ lipsum.__globals__['os'].popen('touch PWNED').read() }}",
    "{% set x = [] %}{{ x.append(1) }}",
]


def _export_html(invoke: Invoke, ws: Workspace, out: Path) -> tuple[int, str]:
    result = invoke(ws, "export", "01-QC/TU", "--format", "html", "-o", str(out))
    return result.exit_code, result.output


def _override(ws: Workspace, name: str, text: str) -> None:
    (ws.root / "templates" / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_template_cannot_run_code(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path, attack: str) -> None:
    _override(tmp_workspace, "consolidated.html.j2", "<p>\n" + attack + "\n</p>\n")
    code, output = _export_html(invoke, tmp_workspace, tmp_path / "x.html")
    assert code == 1, output
    assert "templates/consolidated.html.j2:2" in output and "Traceback" not in output
    assert not (tmp_workspace.root / "PWNED").exists() and not Path("PWNED").exists()
    assert not (tmp_path / "x.html").exists()


def test_a_legitimate_override_still_renders(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    text = (SHIPPED / "consolidated.html.j2").read_text(encoding="utf-8")
    _override(tmp_workspace, "consolidated.html.j2",
              text.replace('<div class="opening">', '<div class="opening office-copy">', 1))
    code, output = _export_html(invoke, tmp_workspace, tmp_path / "x.html")
    assert code == 0, output
    assert "opening office-copy" in (tmp_path / "x.html").read_text(encoding="utf-8")


def test_a_template_symlinked_outside_is_not_read(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    os.symlink(secret, tmp_workspace.root / "templates" / "consolidated.html.j2")
    code, output = _export_html(invoke, tmp_workspace, tmp_path / "x.html")
    assert code == 1 and "templates/consolidated.html.j2 is a symbolic link" in output
    assert not (tmp_path / "x.html").exists()


def test_a_templates_folder_symlinked_outside_is_not_read(tmp_workspace: Workspace, invoke: Invoke,
                                                         tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "consolidated.html.j2").write_text("TOP SECRET", encoding="utf-8")
    folder = tmp_workspace.root / "templates"
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
    os.symlink(elsewhere, folder)
    code, output = _export_html(invoke, tmp_workspace, tmp_path / "x.html")
    assert code == 1 and "templates is a symbolic link" in output and "TOP SECRET" not in output


def test_a_template_that_is_not_a_regular_file_is_refused(tmp_workspace: Workspace, invoke: Invoke,
                                                          tmp_path: Path) -> None:
    os.mkfifo(tmp_workspace.root / "templates" / "consolidated.html.j2")
    code, output = _export_html(invoke, tmp_workspace, tmp_path / "x.html")
    assert code == 1 and "not a regular file" in output


def test_a_template_syntax_error_names_file_and_line(tmp_workspace: Workspace, invoke: Invoke,
                                                     tmp_path: Path) -> None:
    _override(tmp_workspace, "consolidated.html.j2", "<p>\n\n{% if %}\n</p>\n")
    code, output = _export_html(invoke, tmp_workspace, tmp_path / "x.html")
    assert code == 1 and "templates/consolidated.html.j2:3: the template is not valid Jinja2" in output
    assert "Traceback" not in output


def test_an_unknown_value_names_file_and_line(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    _override(tmp_workspace, "consolidated.html.j2", "<p>\n{{ no_such_value }}\n</p>\n")
    code, output = _export_html(invoke, tmp_workspace, tmp_path / "x.html")
    assert code == 1 and "templates/consolidated.html.j2:2" in output and "no_such_value" in output


def test_an_include_cannot_leave_the_templates(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    (root / "templates").mkdir(parents=True)
    (root / "templates" / "page.j2").write_text("{% include '../regdraft.yaml' %}", encoding="utf-8")
    (root / "regdraft.yaml").write_text("secret: 1\n", encoding="utf-8")
    with pytest.raises(RegdraftError, match="not a file name inside templates"):
        environment(root).get_template("page.j2").render()


def test_shipped_templates_render_in_the_sandbox_without_a_workspace() -> None:
    env = environment(None)
    assert "sandbox" in type(env).__mro__[1].__module__
    page = env.get_template("base.css.j2")
    assert page.filename is not None and Path(page.filename).parent == SHIPPED


def test_the_sandbox_refuses_the_same_after_a_type_was_used_safely(tmp_path: Path) -> None:
    """Verdicts are kept per type and attribute name: a safe attribute of a type never clears another."""
    from jinja2.exceptions import SecurityError

    from regdraft.core.model import Kind, Unit

    env = environment(None)
    unit = Unit(Kind.ARTICLE, "5", "Tiêu đề")
    first = env.from_string("{{ u.label }} {{ x.index(1) }} {{ a.value }}")
    assert first.render(u=unit, x=[1], a=Kind.ARTICLE) == "5 0 article"
    # A class is no value a template may open (`render.reach`): not even its members.
    for attack in ("{{ x.append(2) }}", "{{ u.__class__ }}", "{{ u.__reduce__() }}", "{{ f.__self__ }}",
                   "{{ x.__class__.__mro__ }}", "{{ k.mro() }}", "{{ k.ARTICLE }}"):
        for _ in range(2):  # the second asking is answered from what was kept
            with pytest.raises((RegdraftError, SecurityError)):
                env.from_string(attack).render(u=unit, x=[1], f=len, k=Kind)
    assert env.from_string("{{ u.title }}").render(u=unit) == "Tiêu đề"

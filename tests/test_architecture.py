"""Layering rules: the core never imports click or git; `--help` stays light; every command
documents itself with an example."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

from regdraft.cli import cli
from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "regdraft"
# The edges: click belongs to regdraft/cli/, GitPython to regdraft/store.py. Everything else is
# core or library code and must import neither (new modules are covered without listing them).
EDGES = {"store.py"}
EDGE_PACKAGES = {"cli"}
FORBIDDEN_IN_CORE = {"click", "git"}
HEAVY = {"weasyprint", "git", "docx", "diff_match_patch", "openpyxl"}


def core_files() -> list[Path]:
    return [path for path in sorted(PACKAGE.rglob("*.py"))
            if path.relative_to(PACKAGE).parts[0] not in EDGE_PACKAGES and path.name not in EDGES]


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_there_is_a_core_to_check() -> None:
    names = {p.name for p in core_files()}
    assert {"model.py", "markdown.py", "text.py", "errors.py"} <= names


@pytest.mark.parametrize("path", core_files(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_core_module_never_imports_click_or_git(path: Path) -> None:
    assert not imported_roots(path) & FORBIDDEN_IN_CORE


def test_the_ast_check_catches_an_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    import git.repo\n    from click import echo\n")
    assert imported_roots(bad) >= {"git", "click"}


def _modules_after(code: str) -> set[str]:
    script = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO_ROOT)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_help_does_not_import_heavy_libraries() -> None:
    loaded = _modules_after(
        "from regdraft.cli import cli\n"
        "try:\n    cli(['--help'], prog_name='regdraft')\nexcept SystemExit:\n    pass"
    )
    assert {m.split(".")[0] for m in loaded} & HEAVY == set()


def test_command_modules_import_light() -> None:
    loaded = _modules_after("import regdraft.cli")
    assert {m.split(".")[0] for m in loaded} & (HEAVY | {"markdown_it", "yaml", "jinja2"}) == set()


def _commands(group: click.Group, prefix: str = "regdraft") -> list[tuple[str, click.Command]]:
    out: list[tuple[str, click.Command]] = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        out.append((f"{prefix} {name}", command))
        if isinstance(command, click.Group):
            out.extend(_commands(command, f"{prefix} {name}"))
    return out


COMMANDS = _commands(cli)


def test_core_commands_are_registered() -> None:
    names = {name for name, _ in COMMANDS}
    assert {"regdraft init", "regdraft list", "regdraft show", "regdraft check", "regdraft log",
            "regdraft fmt"} <= names


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_has_help_with_an_example(name: str, command: click.Command) -> None:
    assert command.help, f"{name} has no help text"
    assert "Example" in command.help, f"{name}'s help has no Example block"
    assert "\b" in command.help, f"{name}'s example is not kept verbatim with \\b"

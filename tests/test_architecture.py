"""Layering rules: imports point down the layers (core, render and importer, workspace, cli/web) with no
cycles; click only in the CLI, GitPython only in the git store; `--help` stays light; every command
documents itself with an example."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from regdraft.cli import cli
from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "regdraft"
# The layers, bottom to top, and the layers each may import. A module imports its own layer and
# those listed; anything else (including a layer above it) is a violation. New modules are covered
# without listing them: every module under regdraft/ must sit in one of these folders.
ALLOWED: dict[str, set[str]] = {
    "core": {"core"},                                     # pure: no file, git or workspace access
    "render": {"core", "render"},                          # values in, documents out
    "importer": {"core", "importer"},                      # external files in, model out
    "workspace": {"core", "render", "importer", "workspace"},  # the only layer reading the workspace
    "cli": {"core", "render", "importer", "workspace", "web", "cli"},
    "web": {"core", "render", "importer", "workspace", "web"},  # the review server, a face like cli
    "console": {"cli"},  # the console script: imports the command line once its own Ctrl-C handler is set
}
# Third-party edges: click belongs to the CLI, GitPython to the git store alone.
CLICK_LAYERS = {"cli"}
# The git store is nine files: reading (store), writing with the lock and journal (store_writes), new files
# committed from a stream (store_new_files), sharing through a remote (store_sync), a remote reached before there is
# a workspace, its branches and a clone (store_remote), putting back what a killed git left (store_killed), the
# `git log`s of a file and of the workspace (store_history), a file's history followed back through its renames
# (store_renames), a working file as git records it, a checkout's CRLF line ends undone (store_line_ends).
GIT_MODULES = {"regdraft.workspace.store", "regdraft.workspace.store_sync", "regdraft.workspace.store_writes",
               "regdraft.workspace.store_new_files", "regdraft.workspace.store_renames",
               "regdraft.workspace.store_history", "regdraft.workspace.store_remote",
               "regdraft.workspace.store_killed", "regdraft.workspace.git_policy", "regdraft.workspace.git_nested",
               "regdraft.workspace.store_undo",
               "regdraft.workspace.store_first",  # a first sync: the remote's branch taken on one with no commit
               "regdraft.workspace.git_log",  # git_log: the `--format` of the store's `git log` calls, read back
               "regdraft.workspace.store_line_ends",  # what git records of a working file (`git hash-object`)
               "regdraft.workspace.installed"}  # the commit of regdraft's own checkout (`--version`, format marker)
HEAVY = {"weasyprint", "git", "docx", "diff_match_patch", "openpyxl", "starlette", "uvicorn"}
# The review server's framework and server, imported only by the web face.
WEB_LIBRARIES = {"starlette", "uvicorn", "h11", "multipart", "python_multipart"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _type_checking_only(tree: ast.AST) -> set[int]:
    """Line numbers of imports under `if TYPE_CHECKING:` (annotations only; never executed)."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for inner in node.body:
                lines.update(n.lineno for n in ast.walk(inner) if isinstance(n, ast.Import | ast.ImportFrom))
    return lines


def imports_of(path: Path, *, runtime_only: bool = False, here: str = "") -> tuple[set[str], set[str]]:
    """(third-party roots, regdraft modules) that a file imports, at the top or inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    skip = _type_checking_only(tree) if runtime_only else set()
    here = here or module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    roots: set[str] = set()
    internal: set[str] = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("regdraft"):
                    internal.add(alias.name)
                else:
                    roots.add(alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if not module.startswith("regdraft"):
                roots.add(module.split(".")[0])
                continue
            for alias in node.names:  # `from regdraft.core import refs` imports the module refs
                target = f"{module}.{alias.name}"
                internal.add(target if target in MODULES else module)
    return roots, internal


def test_every_module_sits_in_a_layer() -> None:
    strays = [m for m in MODULES if m != "regdraft" and layer(m) not in ALLOWED]
    assert strays == []
    assert {"regdraft.core.model", "regdraft.core.markdown", "regdraft.workspace.store",
            "regdraft.render.pdf", "regdraft.importer", "regdraft.cli"} <= set(MODULES)


@pytest.mark.parametrize("module", sorted(MODULES), ids=str)
def test_imports_point_down_the_layers(module: str) -> None:
    roots, internal = imports_of(MODULES[module])
    allowed = ALLOWED.get(layer(module), set())
    wrong = sorted(m for m in internal if m != "regdraft" and layer(m) not in allowed)
    assert wrong == [], f"{module} ({layer(module) or 'top'}) may import only {sorted(allowed)}"
    if layer(module) not in CLICK_LAYERS:
        assert "click" not in roots
    if module not in GIT_MODULES:
        assert "git" not in roots
    if layer(module) != "web":
        assert roots & WEB_LIBRARIES == set(), f"{module}: the web framework belongs to regdraft.web"


def test_no_import_cycles() -> None:
    graph = {m: {t for t in imports_of(p, runtime_only=True)[1] if t in MODULES and t != m}
             for m, p in MODULES.items()}
    # A package and its own submodules may refer to each other (`__init__` re-exports them).
    graph = {m: {t for t in targets if not m.startswith(t + ".") and not t.startswith(m + ".")}
             for m, targets in graph.items()}
    cycles = _cycles(graph)
    assert cycles == [], f"import cycles: {cycles}"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_checks_catch_what_they_look_for(tmp_path: Path) -> None:
    bad = tmp_path / "probe.py"
    bad.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..render import html\n"
                   "def f():\n    import git.repo\n    from click import echo\n"
                   "    from regdraft.workspace.store import Workspace\n    from . import refs\n")
    roots, internal = imports_of(bad, here="regdraft.core.probe")
    assert {"git", "click"} <= roots
    assert internal == {"regdraft.workspace.store", "regdraft.core.refs", "regdraft.render.html"}
    assert "regdraft.render.html" not in imports_of(bad, here="regdraft.core.probe", runtime_only=True)[1]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


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


# -- library errors speak in domain words; the CLI adds option names -------------------------

LIBRARY_LAYERS = ("core", "workspace", "render", "importer")


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring constants of a module, its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _argv(tree: ast.AST) -> set[int]:
    """The ids of a git store's arguments to git: the strings handed to a call, and one-word
    options kept for one (`options = ["--reverse"]`, `f"--max-count={limit}"`)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for arg in node.args:
                found |= {id(sub) for sub in ast.walk(arg) if isinstance(sub, ast.Constant)}
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(r"--[\w-]+=?", node.value):
            found.add(id(node))
    return found


def _literal_texts(tree: ast.AST, git_store: bool = False) -> list[tuple[int, str]]:
    """Every string piece of the code (literals and the constant parts of f-strings), but docstrings
    and, in the git store, the arguments it gives git."""
    left_out = _docstrings(tree) | (_argv(tree) if git_store else set())
    return [(sub.lineno, sub.value) for sub in ast.walk(tree)
            if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and id(sub) not in left_out]


def _names_a_flag(text: str) -> bool:
    # `--force` is regdraft's; a single dash (`git switch -c`) belongs to another tool.
    return re.search(r"(^|[\s'`“(])--[a-zA-Z]", text) is not None


def _option_lists(tree: ast.AST) -> list[tuple[int, str]]:
    """Every `options=(...)` entry given to an error."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg == "options":
                    found += [(sub.lineno, sub.value) for sub in ast.walk(keyword.value)
                              if isinstance(sub, ast.Constant) and isinstance(sub.value, str)]
    return found


def _library_files() -> list[Path]:
    return [p for layer_name in LIBRARY_LAYERS for p in sorted((PACKAGE / layer_name).rglob("*.py"))]


def test_library_text_names_no_command_line_options() -> None:
    """No string of the library spells a flag: errors, problems, warnings and reports say it in
    words, list an option by parameter name (`options=`) or name a `core.commands.Command`."""
    offending = []
    for path in _library_files():
        git_store = module_name(path) in GIT_MODULES
        for line, text in _literal_texts(ast.parse(path.read_text(encoding="utf-8")), git_store):
            if _names_a_flag(text):
                offending.append(f"{path.relative_to(REPO_ROOT)}:{line}: {text.strip()!r}")
    assert not offending, "library text names options (say it in words, list it in options=, or name a Command):\n" \
        + "\n".join(offending)


def test_every_option_a_library_error_points_to_exists() -> None:
    """`options=("force",)` is a parameter of some command; `"sync:go_on"` one of that command."""
    by_name = {name.removeprefix("regdraft "): command for name, command in COMMANDS}
    every = {param.name for _, command in COMMANDS for param in command.params if isinstance(param, click.Option)}
    unknown = []
    for path in _library_files():
        for line, option in _option_lists(ast.parse(path.read_text(encoding="utf-8"))):
            where, _, name = option.rpartition(":")
            if where:
                command = by_name.get(where)
                names = {p.name for p in command.params} if command is not None else set()
            else:
                names = every
            if name not in names:
                unknown.append(f"{path.relative_to(REPO_ROOT)}:{line}: {option}")
    assert not unknown, "options no command has:\n" + "\n".join(unknown)


def test_the_scan_finds_an_option_in_any_library_string() -> None:
    tree = ast.parse('raise UsageError(f"{x} exists; pass --force.", options=("force",))')
    assert any(_names_a_flag(text) for _, text in _literal_texts(tree))
    assert _option_lists(tree) == [(1, "force")]
    # Outside a raise too: a refusal's fix, a report's line, a warning.
    code = ('"""Docstrings may name `--force`."""\n'
            'def f(slug):\n    """Nor here: `--round N`."""\n'
            '    fix = f"close it with `regdraft round close {slug} --round 2`"\n'
            '    options = ["--reverse"] if slug else []\n'
            '    return _git("log", "--format=%H", slug, *options)\n')
    tree = ast.parse(code)
    assert sorted(line for line, text in _literal_texts(tree) if _names_a_flag(text)) == [4, 5, 6]
    # A git store's arguments to git are git's own argv.
    assert [line for line, text in _literal_texts(tree, git_store=True) if _names_a_flag(text)] == [4]

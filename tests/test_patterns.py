"""Patterns compiled on first use (`regdraft.core.patterns.lazy`): the same answers as `re.compile`,
every module's patterns valid, and a warm redline compiling only the patterns it uses."""

from __future__ import annotations

import dataclasses
import importlib
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import regdraft
from regdraft.core.patterns import _Lazy, compile_now, lazy
from regdraft.workspace.store import Workspace


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source, flags = r"^(?P<label>\d+[a-z]?)\\?\.(?:\s+(.*))?$", re.S
    eager, late = re.compile(source, flags), lazy(source, flags)
    text = "3a\\. Ban Thường vụ\nquyết định"
    assert late.match(text) is not None and late.match(text).groups() == eager.match(text).groups()  # type: ignore[union-attr]
    assert late.fullmatch("x") is None and late.search(text).span() == eager.search(text).span()  # type: ignore[union-attr]
    assert late.sub("#", text) == eager.sub("#", text) and late.split(text) == eager.split(text)
    assert late.findall(text) == eager.findall(text) and late.subn("", text) == eager.subn("", text)
    assert [m.span() for m in late.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert (late.pattern, late.flags, late.groups, late.groupindex) == (
        eager.pattern, eager.flags, eager.groups, eager.groupindex)


def test_a_lazy_pattern_compiles_at_its_first_use_only() -> None:
    late = lazy(r"(unclosed")
    with pytest.raises(re.error):  # not at creation: at first use
        late.match("x")
    late = lazy(r"\w+")
    assert "_compiled" not in vars(late)
    late.findall("một hai")
    kept = vars(late)["_compiled"]
    assert late.match("ba") is not None and vars(late)["_compiled"] is kept  # compiled once, then reused
    with pytest.raises(AttributeError):
        getattr(late, "no_such_method")  # noqa: B009


def test_first_uses_from_several_threads_agree() -> None:
    late = lazy(r"Điều\s+(\d+)")
    found: list[str] = []
    threads = [threading.Thread(target=lambda: found.append(late.findall("Điều 5, Điều 7")[1])) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == ["7"] * 8


def _lazies(value: Any, depth: int = 0) -> Iterator[_Lazy]:
    if isinstance(value, _Lazy):
        yield value
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _lazies(item, depth + 1)
    elif depth < 3 and isinstance(value, list | tuple):
        for item in value:
            yield from _lazies(item, depth + 1)
    elif depth < 3 and dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _lazies(getattr(value, field.name), depth + 1)


def _modules_with_patterns() -> list[str]:
    root = Path(regdraft.__file__).parent
    return sorted(".".join(("regdraft", *path.relative_to(root).with_suffix("").parts))
                  for path in root.rglob("*.py") if "lazy(" in path.read_text(encoding="utf-8"))


def test_every_modules_patterns_compile() -> None:
    """A malformed pattern no longer fails at import; it fails here."""
    count = 0
    for name in _modules_with_patterns():
        module = importlib.import_module(name)
        for value in vars(module).values():
            for pattern in _lazies(value):
                compile_now(pattern)
                count += 1
    assert count > 100  # the patterns of the text readers, the amendment grammar and the citations


_PROBE = """
import json, sys
from regdraft.cli import cli
from regdraft.core.patterns import _Lazy
try:
    cli(sys.argv[1:], prog_name="regdraft")
except SystemExit as exc:
    assert not exc.code, exc.code
compiled, waiting = [], []
for name, module in list(sys.modules.items()):
    if name.startswith("regdraft."):
        for key, value in vars(module).items():
            if isinstance(value, _Lazy):
                (compiled if "_compiled" in vars(value) else waiting).append(f"{name}.{key}")
print(json.dumps({"compiled": compiled, "waiting": waiting}))
"""


def test_a_warm_redline_compiles_only_the_patterns_it_uses(tmp_workspace: Workspace, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    args = ["redline", "01-QC/TU", "--format", "html", "-C", str(tmp_workspace.root), "-o", str(tmp_path / "r.html")]
    for _ in range(2):  # the first run reads the texts and fills the cache
        done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, env=env,
                              cwd=tmp_path, check=True)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    # The readers of amending and regulation text are loaded (the cached readings' classes) but not run.
    assert {"regdraft.core.amend.word_changes._PREAMBLE",
            "regdraft.core.amend.provisions._NOUN"} <= set(seen["waiting"])
    # The regulation's tree builder is not even imported now (r30 model30), so its patterns cannot have run.
    assert not [name for name in seen["compiled"] if name.startswith("regdraft.core.markdown_tree.")]
    # Nor the effective dates' readers of an amendment, and a few more a warm redline never runs (twenty-eighth round:
    # compiled at import, 4 ms of its CPU).
    assert {f"regdraft.core.amend.entry.{name}" for name in ("_SPEAKS", "STATES", "_TITLE", "_SIGNING", "_AFTER",
                                                             "_NUMERIC", "_WORDS", "_ISO", "_ENGLISH", "_BESIDES",
                                                             "_NUMBERED")} <= set(seen["waiting"])
    assert {"regdraft.render.dashes._DOCX_SPACE", "regdraft.workspace.terms._NUMERAL",
            "regdraft.core.closing_notes._CLAUSE", "regdraft.core.closing_notes._OF", "regdraft.core.inline._ESCAPED",
            "regdraft.core.markers._REPLAYED", "regdraft.workspace.numbers._PARTY", "regdraft.workspace.numbers._STATE",
            "regdraft.workspace.numbers._LEADING"} <= set(seen["waiting"])
    assert len(seen["waiting"]) > len(seen["compiled"])
    assert "Điều" in (tmp_path / "r.html").read_text(encoding="utf-8")

"""The data classes' methods compiled once and kept between runs of the command line (`regdraft.cli.kept_code`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from regdraft.cli import kept_code
from regdraft.render import signed
from tests.conftest import REPO_ROOT

# A run of the command line in its own process: `main` as the console script calls it, then what it compiled, what
# it took from the kept entry, and every generated method of regdraft's data classes, described field by field.
SCRIPT = """
import dataclasses, json, sys, types
from regdraft.cli import kept_code, main
def describe(code):
    fields = ("co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags",
              "co_names", "co_varnames", "co_freevars", "co_cellvars", "co_filename", "co_name", "co_qualname",
              "co_firstlineno")
    consts = [describe(c) if isinstance(c, types.CodeType) else repr(c) for c in code.co_consts]
    return [code.co_code.hex(), code.co_linetable.hex(), code.co_exceptiontable.hex(), consts,
            *(repr(getattr(code, f)) for f in fields)]
sys.argv = ["regdraft", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit as exc:
    assert not exc.code, exc.code
methods = {}
for name, module in sorted(sys.modules.items()):
    if not name.startswith("regdraft"):
        continue
    for value in vars(module).values():
        if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == name:
            for attribute in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
                code = getattr(vars(value).get(attribute), "__code__", None)
                if code is not None:
                    methods[f"{name}.{value.__qualname__}.{attribute}"] = describe(code)
print(json.dumps({"installed": dataclasses.__dict__.get("exec") is kept_code.cached_exec,
                  "compiled": kept_code._compiled, "used": len(kept_code._used), "methods": methods}))
"""


def _run(tmp_path: Path, cache: Path) -> dict[str, object]:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    if not old.exists():
        text = (REPO_ROOT / "regulations" / "01-QC-TU.md").read_text(encoding="utf-8")
        old.write_text(text, encoding="utf-8")
        new.write_text(text.replace("Điều 1.", "Điều 1. (sửa)", 1), encoding="utf-8")
    args = ["compare", str(old), str(new), "--format", "html", "-o", str(tmp_path / "c.html")]
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(args)], capture_output=True, text=True, env=env,
                          check=True, cwd=tmp_path)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _same_methods(one: dict[str, object], other: dict[str, object]) -> bool:
    """The methods of the classes both runs created are the same (a cold run creates the parser's classes too)."""
    a, b = one["methods"], other["methods"]
    assert isinstance(a, dict) and isinstance(b, dict)
    common = a.keys() & b.keys()
    assert len(common) > 100
    return all(a[name] == b[name] for name in common)


def test_a_second_run_compiles_no_data_class_method_and_makes_the_same_ones(tmp_path: Path) -> None:
    cache = tmp_path / "xdg"
    first = _run(tmp_path, cache)
    assert first["installed"] is True
    assert isinstance(first["compiled"], int) and first["compiled"] > 100
    entry = cache / "regdraft" / kept_code.entry_name("compare")
    assert entry.is_file()
    page = (tmp_path / "c.html").read_bytes()
    second = _run(tmp_path, cache)
    assert second["compiled"] == 0
    assert _same_methods(second, first)  # the same code objects, field by field
    assert (tmp_path / "c.html").read_bytes() == page
    # Against Python's own `exec`: the same methods in a process that never installs the kept code.
    plain = subprocess.run(
        [sys.executable, "-c", SCRIPT.replace("main()", "kept_code.install = lambda command: None\n    main()"),
         json.dumps(["compare", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "--format", "html",
                     "-o", str(tmp_path / "plain.html")])],
        capture_output=True, text=True, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "other")}, check=True,
        cwd=tmp_path)
    unpatched = json.loads(plain.stdout.strip().splitlines()[-1])
    assert unpatched["installed"] is False and unpatched["compiled"] == 0
    assert _same_methods(unpatched, second)
    assert (tmp_path / "plain.html").read_bytes() == page


def test_an_altered_entry_is_ignored_and_written_again(tmp_path: Path) -> None:
    cache = tmp_path / "xdg"
    first = _run(tmp_path, cache)
    entry = cache / "regdraft" / kept_code.entry_name("compare")
    blob = bytearray(entry.read_bytes())
    blob[-10] ^= 0xFF
    entry.write_bytes(bytes(blob))
    again = _run(tmp_path, cache)
    assert again["compiled"] == again["used"]  # the entry was not trusted: every method compiled again
    assert _same_methods(again, first)
    assert signed.load(cache / "regdraft", kept_code.entry_name("compare")) is not None  # written whole again
    assert _run(tmp_path, cache)["compiled"] == 0


def test_a_library_process_keeps_python_exec(tmp_path: Path) -> None:
    script = ("import dataclasses, json, sys\nimport regdraft.cli\nfrom regdraft.cli import cli\n"
              "try:\n    cli(['--help'], prog_name='regdraft')\nexcept SystemExit:\n    pass\n"
              "print(json.dumps('exec' in dataclasses.__dict__))")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) is False
    assert not (tmp_path / "xdg").exists()

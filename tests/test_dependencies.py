"""pyproject.toml declares exactly the third-party packages regdraft imports: none missing, none unused."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.conftest import REPO_ROOT
from tests.test_architecture import MODULES, imports_of


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_normal(re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0]) for spec in project["dependencies"]}


def imported() -> set[str]:
    """The distributions that provide every third-party module regdraft/ imports."""
    providers = packages_distributions()
    found: set[str] = set()
    for path in MODULES.values():
        for root in imports_of(path)[0]:
            if root in sys.stdlib_module_names or root == "__future__":
                continue
            assert root in providers, f"{root} is imported but installed by no distribution"
            found.update(_normal(d) for d in providers[root])
    return found


def test_every_import_is_declared_and_every_declaration_imported() -> None:
    uses, says = imported(), declared()
    assert uses - says == set(), "imported but not declared in pyproject.toml"
    # python-multipart is read by Starlette's form parser, never imported by name.
    assert says - uses - {"python-multipart"} == set(), "declared in pyproject.toml but never imported"

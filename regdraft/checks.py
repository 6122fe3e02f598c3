"""Workspace-wide checks behind `regdraft check`: each check returns a list of problems."""

from __future__ import annotations

from collections.abc import Callable

from regdraft import api, refs
from regdraft.errors import Problem
from regdraft.store import Workspace

Check = Callable[[Workspace, "str | None"], list[Problem]]

CHECKS: list[Check] = [api.check, refs.check]


def _amendments(ws: Workspace, name: str | None) -> list[Problem]:
    """Regulations edited without an amendment, and problems of pending amendments."""
    from regdraft.timeline import check_replay

    return check_replay(ws, name)


CHECKS.append(_amendments)


def check_workspace(ws: Workspace, name: str | None = None) -> list[Problem]:
    """Run every check over the workspace (or one regulation) and return all problems."""
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(ws, name))
    return problems

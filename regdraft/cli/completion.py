"""Shell completion of what a drafter types: regulation ids, amendment slugs, comment ids, addresses.

Through click's public completion API (README, "Shell completion"): a parameter declared with
one of the types below (`type=REGULATION_ID`) is completed by its `ParamType.shell_complete`.
A completion never fails: outside a workspace, or on a file it cannot read, it offers nothing
rather than a traceback in the middle of a command line.

Post-conditions:
1. Regulation ids complete to the ids in the workspace's front matter (`01-QC/TU`), not file names.
2. An existing amendment's slug (and `--amendment`) completes to the amendments' slugs, a comment id to comment ids.
3. Addresses (and `--on`) complete to the addresses of the regulation named before them (or amended
   by the amendment named before them), each with its citation as help (`d5.k2`: `khoản 2 Điều 5`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

    from regdraft.workspace.store import Workspace

    Completer = Callable[[click.Context, click.Parameter, str], list[CompletionItem]]


def _workspace(ctx: click.Context) -> Workspace | None:
    from regdraft.core.errors import RegdraftError
    from regdraft.workspace.store import Workspace

    root = ctx.params.get("workspace")
    try:
        return Workspace.find(Path(root) if root else None)
    except (RegdraftError, OSError):
        return None


def _matching(values: list[str], incomplete: str, helps: dict[str, str] | None = None) -> list[CompletionItem]:
    from click.shell_completion import CompletionItem  # only while completing: not at every start

    wanted = incomplete.lower()
    return [CompletionItem(v, help=(helps or {}).get(v)) for v in values if v.lower().startswith(wanted)]


def complete_regulation(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Regulation ids in the workspace starting with what is typed."""
    ws = _workspace(ctx)
    return _matching(ws.regulation_ids(), incomplete) if ws is not None else []


def complete_slug(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Amendment slugs in the workspace starting with what is typed."""
    from regdraft.workspace.amendments import slugs

    ws = _workspace(ctx)
    return _matching(slugs(ws), incomplete) if ws is not None else []


def complete_comment(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Comment ids (of the amendment given with --amendment, else of every amendment)."""
    from regdraft.core.layout import AMENDMENTS

    ws = _workspace(ctx)
    if ws is None:
        return []
    slug = ctx.params.get("slug")
    pattern = f"{slug}/comments/*.yaml" if slug else "*/comments/*.yaml"
    return _matching(sorted({PurePosixPath(p).stem for p in ws.files(AMENDMENTS, pattern)}), incomplete)


def complete_address(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Addresses of the regulation named before (or amended by the amendment named before)."""
    from regdraft.core.errors import RegdraftError

    ws = _workspace(ctx)
    if ws is None:
        return []
    try:
        # An option still waiting for its value (`--on <TAB>`) stops click's parse: the arguments
        # before it are then left in ctx.args.
        first = ctx.args[0] if ctx.args else None
        names = {p.name for p in ctx.command.params if isinstance(p, click.Argument)}
        name = ctx.params.get("regulation") or (first if "regulation" in names else None) or _amended(
            ws, ctx.params.get("slug") or (first if "slug" in names else None))
        if not name:
            return []
        from regdraft.workspace import api

        reg, _ = api.read_regulation(ws, str(name), None)
    except (RegdraftError, OSError):
        return []
    helps = {loc.address.short(reg.language): loc.address.describe(reg.language) for loc in reg.walk()}
    return _matching(list(helps), incomplete, helps)


def _amended(ws: Workspace, slug: Any) -> str | None:
    from regdraft.workspace.amendments import load

    return str(load(ws, str(slug)).regulation) if slug else None


class Completed(click.ParamType[str]):
    """Text typed as is, completed at the shell by `complete` (click's public `ParamType.shell_complete`).

    `name` is the metavar of an option of this type (`--amendment SLUG`).
    """

    def __init__(self, name: str, complete: Completer) -> None:
        self.name = name
        self._complete = complete

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        """The value as typed: completion only helps type it; the library checks it."""
        return value if isinstance(value, str) else str(value)

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
        """What the shell offers for the word being typed."""
        return self._complete(ctx, param, incomplete)


class _Slug(Completed):
    """An existing amendment's name, also when given as a path to its folder or a file in it (a shell completes
    `amendments/qc-sua-doi-2025/amendment.md`): its name was refused with an invented one, "e.g.
    amendments-qc-sua-doi-2025-amendment-md" (r39 sweep BY F5a)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        """The name in a path to the amendment, else the value as typed."""
        from regdraft.core.layout import slug_in_path

        typed = super().convert(value, param, ctx)
        return slug_in_path(typed) or typed


REGULATION_ID = Completed("id", complete_regulation)  # 01-QC/TU
AMENDMENT_SLUG = _Slug("slug", complete_slug)  # an existing amendment's slug (never a new one's)
COMMENT_ID = Completed("id", complete_comment)
ADDRESS = Completed("address", complete_address)  # d5.k2, of the regulation (or amendment) named before

"""An adopted amendment of a regulation that cannot be read, and an amendment naming no regulation (r44 sweep CI F4).

An adopted amendment whose committed front matter is broken or crafted (`effective: 2025-02-30`, `draft: .inf`, a
`signer` that is no mapping, front matter over its bound) was left out of the text in force without a word: `export
01-QC/TU --as-of 2025-04-01` said "no amendments", exit 0, its text lacking the article the amendment inserts.

Post-conditions:
1. `unread_adopted` lists the problems of each amendment that cannot be read and whose front matter says, line by
   line as written, `status: adopted` and `regulation:` this regulation's id: its reading is not guessed further.
   `refuse_unread` raises them as one sentence naming the file, the line and what is wrong: the text in force
   (`export`, `show` on a date) is not given without it; `log` says it as a warning.
2. `nowhere` is a problem at the `regulation:` line of a readable amendment, pending or adopted, naming a regulation
   that is no regulation of the workspace (`99-QC/TU`, `../../etc/passwd`): `check` says it (it said "No problems").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from regdraft.core.amend.document import Amendment
from regdraft.core.commands import Command
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.layout import amendment_path
from regdraft.workspace.store import Workspace

_STATUS = re.compile(r"""^status:[ \t]*(['"]?)adopted\1[ \t]*(?:#.*)?$""")
_REGULATION = re.compile(r"""^regulation:[ \t]*(['"]?)(.*?)\1[ \t]*(?:#.*)?$""")
SHOWN = 3  # the problems named in the sentence; more are counted


def unread_adopted(ws: Workspace, reg_id: str) -> list[Problem]:
    """The problems of each adopted amendment of `reg_id` that cannot be read (post-condition 1)."""
    from regdraft.workspace.amendments import survey

    out: list[Problem] = []
    for entry in survey(ws):
        if entry.amendment is None and entry.error is not None and _adopted_of(ws, entry.slug, reg_id):
            out += list(entry.error.problems) or [Problem(str(entry.error), amendment_path(entry.slug))]
    return out


def refuse_unread(ws: Workspace, reg_id: str) -> None:
    """Raise `RegdraftError` when an adopted amendment of `reg_id` cannot be read (post-condition 1)."""
    said = unread_said(ws, reg_id)
    if said:
        raise RegdraftError(f"{said}; its text in force cannot be given without it: correct the amendment "
                            f"(`{Command.of('check')}` names every problem).")


def unread_said(ws: Workspace, reg_id: str) -> str:
    """`unread_adopted` in a sentence without its end; "" when every adopted amendment of `reg_id` reads."""
    problems = unread_adopted(ws, reg_id)
    if not problems:
        return ""
    more = f" (and {len(problems) - SHOWN} more)" if len(problems) > SHOWN else ""
    named = "; ".join(str(p).rstrip(".") for p in problems[:SHOWN])
    return f"An adopted amendment of {reg_id} cannot be read: {named}{more}"


def nowhere(ws: Workspace, amendment: Amendment) -> list[Problem]:
    """A problem for each regulation `amendment` names that is no regulation of the workspace (post-condition 2)."""
    adopted = ", and the text in force leaves out what it changes" if amendment.status == "adopted" else ""
    return [Problem(f"This amendment ({amendment.status}) amends {reg_id}, which is no regulation of the workspace: "
                    f"its instructions apply to no text{adopted}. Correct `regulation:`.", amendment.source, line)
            for reg_id, line in unknown_ids(ws, amendment, amendment.regulations, "regulation")]


def unknown_ids(ws: Workspace, amendment: Amendment, ids: Sequence[str], key: str) -> list[tuple[str, int]]:
    """Those of `ids` (given at the front matter's `key`) that are no regulation of the workspace, with that line."""
    from regdraft.core.frontmatter import key_line
    from regdraft.core.markdown import decode

    out = []
    for reg_id in ids:
        try:
            ws.locate_regulation(reg_id)
        except RegdraftError:
            out.append((reg_id, key_line(decode(ws.read(amendment.source), amendment.source).split("\n"), key)))
    return out


def _adopted_of(ws: Workspace, slug: str, reg_id: str) -> bool:
    """Whether the front matter of `slug`'s file says, on lines of their own, adopted and `reg_id`."""
    try:
        text = ws.read(amendment_path(slug)).decode("utf-8", errors="replace")
    except (OSError, RegdraftError):
        return False
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].rstrip() != "---":
        return False
    front = []
    for line in lines[1:]:
        if line.rstrip() == "---":
            break
        front.append(line.rstrip("\r"))
    named = [found.group(2).strip() for line in front if (found := _REGULATION.match(line))]
    return any(_STATUS.match(line) for line in front) and reg_id in named

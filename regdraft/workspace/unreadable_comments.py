"""Comment files present but unreadable, set aside by a reader that keeps serving the others (the review server).

A comment file that does not read (bad YAML, a merge's conflict markers left in it, not UTF-8, no permission to read
it, a folder where the file should be) stopped every page of the review server, for every member: each page reads
every comment of the amendment (r40 web40). The review server's workspaces keep such files aside
(`keep_aside`): the draft, its redline and every other comment are served, the page says some comments are being
put in order, the server's log names each file with its line and reason (as `check` does); what depends on that very
file (answering or editing its comment, the round's report, which must count every comment) is refused. A committed
comment file deleted by mistake is set aside the same way, with the git command that brings it back
(`deleted_comments`).

Post-conditions:
1. A `Workspace` keeps nothing aside unless `keep_aside(ws)` was called on it: every command reads as before.
2. `misplaced(ws, listed)` lists the entries of an amendment's comments folder named `*.yaml` that are no file to
   read (a folder, a link leading nowhere, a pipe), sorted; `misplaced_error(path)` is their `ParseError`.
   `deleted_comments` does not count such a path as deleted: it is there, unreadable.
3. `aside_of(ws, slug)` lists what was set aside for `slug` so far, in the order met, each once.
4. `refuse_aside(ws, slug)` raises `CommentsUnreadable` naming each file set aside for `slug`; `read_found(ws, path)`
   reads one comment file or raises `CommentsUnreadable` with the reader's own sentence (file, line and reason).
"""

from __future__ import annotations

import os
import re
import stat
from typing import TYPE_CHECKING

from regdraft.core.counts import count
from regdraft.core.errors import ParseError, Problem, RegdraftError
from regdraft.core.layout import comments_folder

if TYPE_CHECKING:
    from regdraft.core.comments import Comment
    from regdraft.workspace.store import Workspace


class CommentsUnreadable(ParseError):
    """A comment file present but unreadable, where what was asked depends on it."""


def keep_aside(ws: Workspace) -> Workspace:
    """`ws`, its readers of comments now setting an unreadable comment file aside instead of failing (the review
    server's workspaces); what was set aside is `aside_of`."""
    ws.comments_aside = []
    return ws


def aside_of(ws: Workspace, slug: str) -> list[tuple[str, ParseError]]:
    """The comment files of `slug` set aside so far, each once, with why."""
    folder = comments_folder(slug) + "/"
    seen: dict[str, ParseError] = {}
    for path, error in ws.comments_aside or []:
        if path.startswith(folder):
            seen.setdefault(path, error)
    return list(seen.items())


def aside_report(ws: Workspace, slug: str) -> str:
    """Every file of `slug` set aside, each with its line and reason, as the office reads them; "" when none."""
    return "\n".join(str(problem) for _, error in aside_of(ws, slug) for problem in _problems(error))


def refuse_aside(ws: Workspace, slug: str) -> None:
    """`CommentsUnreadable` when a comment file of `slug` was set aside: what is being built needs every comment."""
    found = aside_of(ws, slug)
    if not found:
        return
    problems = [problem for _, error in found for problem in _problems(error)]
    raise CommentsUnreadable(f"{count(len(found), 'comment file')} of {slug} cannot be read, and this needs every "
                             "comment:", problems)


def misplaced(ws: Workspace, listed: list[tuple[str, os.stat_result]] | None) -> list[str]:
    """The entries of an amendment's comments folder as `Workspace.listed` lists them (`listed`) that are named like a
    comment file but are no file to read."""
    out = []
    for path, info in listed or []:
        if stat.S_ISREG(info.st_mode):
            continue
        if stat.S_ISLNK(info.st_mode) and (ws.root / path).is_file():
            continue  # a link to a file: `read` names the link
        out.append(path)
    return out


def misplaced_error(path: str) -> ParseError:
    """The error of an entry of a comments folder that is no file (`misplaced`)."""
    message = ("a folder, a link leading nowhere or a pipe stands where this comment file should be; put the comment "
               "file back in its place (`git restore` brings back the committed one) or remove it.")
    return ParseError(f"{path}: {message}", [Problem(message, path)])


def present(ws: Workspace, path: str) -> bool:
    """Whether something (a file, a folder, a link) stands at `path` of the working tree."""
    return os.path.lexists(ws.root / path)


def read_found(ws: Workspace, path: str) -> Comment:
    """The comment of the file at `path`, or `CommentsUnreadable` with the reader's sentence."""
    from regdraft.core.comment_yaml import comment_from_yaml

    try:
        return comment_from_yaml(ws.read(path), path)
    except RegdraftError as exc:
        raise unreadable(path, exc) from exc


def unreadable(path: str, exc: RegdraftError) -> CommentsUnreadable:
    """A comment file's failure to read (a `ParseError`, or the store's for a file it may not open) as one error."""
    found = as_parse_error(path, exc)
    return CommentsUnreadable(str(found), found.problems)


def as_parse_error(path: str, exc: RegdraftError) -> ParseError:
    """The failure to read the comment file at `path` as a `ParseError` with its problem located at the file: the
    store's sentence (`… cannot be read (Permission denied).`) too."""
    if isinstance(exc, ParseError) and exc.problems:
        return exc
    said = str(exc)
    at = re.match(rf"{re.escape(path)}(?::(\d+))?:? ", said)  # `path:6: …`, `path: …`, `path cannot be read …`
    rest, line = (said[at.end():], int(at.group(1) or 0)) if at is not None else (said, 0)
    return ParseError(said, [Problem(rest, path, line)])


def _problems(error: ParseError) -> list[Problem]:
    return list(error.problems) or [Problem(str(error), "")]

"""Comment files deleted by mistake: in the last commit, missing from the working tree, the deletion not committed.

A comment file removed by hand (`rm`, a file manager, a tool tidying a folder) was read as no comment at all: `comment
list` said "No comments match.", `check` "No problems found.", the round's report left the body's comment out and the
adoption passed its gate of unanswered comments (r39 sweep BY F1). Every reader of comments (`amendments.load_comments`)
asks here first, and such a file is an error naming the comment, who made it and on what, with the git command that
brings it back (or commits the deletion, when it is meant).

Post-conditions:
1. `deleted_comments(ws, slug)` lists the comment files of `slug` that HEAD holds and the working tree lacks, sorted
   (a folder standing in one's place is no deletion: `unreadable_comments.misplaced`),
   but those the journal of a write in progress or interrupted names (its commit or repair settles them); the
   workspace's deleted files are asked of git once a run (`run_memo`), whatever the number of amendments.
   A comment file renamed, the rename not committed (`git mv`, or by hand), is no deletion: `renamed_comments` finds
   it by the id on the `id:` line of a file the last commit lacks (read as bytes: it need not read as YAML), once a
   run and only when a comment file is gone (r40 sweep CD F2). Under any new name it is `misrenamed`, and
   `renamed_problem` says so, with the rule and the command that puts it back: moved into another amendment's
   comments folder (`amendments/<other>/comments/<id>.yaml`) it was read as that amendment's and dropped out of its
   own round's list and report without a word (r41 sweep CK F3).
2. `deleted_problem(ws, path)` names the comment as HEAD records it (its id, body and provision) when that reads,
   and the file alone otherwise; it never fails.
3. The refusals (`refuse_deleted`, `refuse_deleted_comment`) raise `CommentsDeleted`, a `ParseError`, for a comment
   file deleted or misrenamed (the misrenamed file's new name not read again as a comment named otherwise); the office
   reads this sentence, with its git commands. The review server's workspaces (`unreadable_comments.keep_aside`) set
   such a file aside as one that does not read: a member reads the draft, its redline and every other comment, told
   in the page's words that some are being put in order (r39 sweep CC F4; the comments page was still a 422, r40
   left), and what needs that very comment (the report, an answer, an edit) is refused.
"""

from __future__ import annotations

import os
import re
import shlex
import stat
from collections.abc import Iterable
from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.errors import ParseError, Problem, RegdraftError
from regdraft.core.layout import AMENDMENTS, comments_folder
from regdraft.workspace.run_memo import kept
from regdraft.workspace.unreadable_comments import misplaced_error, present, unreadable

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace


class CommentsDeleted(ParseError):
    """A reader of comments refused: a committed comment file of the amendment was deleted by mistake, or renamed to
    a name the comments folder does not read as that comment."""


def deleted_comments(ws: Workspace, slug: str, renamed: bool = False,
                     deleted: tuple[str, ...] | None = None) -> list[str]:
    """The comment files of amendment `slug` deleted from the working tree, the deletion not committed; not those
    renamed (`renamed_comments`: their comment is still there) unless `renamed` (their ids stay taken). `deleted`:
    the workspace's deleted files (`_deleted`), when the caller asked git already."""
    gone = [path for path in _of(slug, _deleted(ws) if deleted is None else deleted) if not present(ws, path)]
    if not gone or renamed:  # nothing gone, nothing renamed: git is asked nothing more (one `git diff` a command)
        return gone
    moved = renamed_comments(ws, deleted)
    return [path for path in gone if path not in moved]


def _of(slug: str, paths: Iterable[str]) -> list[str]:
    """Those of `paths` that name a comment file of `slug`."""
    folder = comments_folder(slug) + "/"
    return [path for path in paths if path.startswith(folder) and path.endswith(".yaml")
            and "/" not in path[len(folder):]]


def renamed_comments(ws: Workspace, deleted: tuple[str, ...] | None = None) -> dict[str, tuple[str, bool]]:
    """Each committed comment file gone from the working tree whose comment now stands in a file the last commit
    lacks, holding the same id (`git mv`, a rename in a file manager): its path -> that file's, and whether the index
    has the new file (`git mv`) or not. Asked of git once a run, and only when a comment file is gone. `deleted`: the
    workspace's deleted files (`_deleted`), when the caller asked git already."""
    return kept(ws, "renamed comment files", lambda: _renamed(ws, _deleted(ws) if deleted is None else deleted))


def _renamed(ws: Workspace, deleted: tuple[str, ...]) -> dict[str, tuple[str, bool]]:
    gone = {}
    for path in deleted:
        parts = path.split("/")
        if len(parts) == 4 and parts[2] == "comments" and path.endswith(".yaml") and not present(ws, path):
            gone[parts[3][:-len(".yaml")].lower()] = path
    if not gone:
        return {}
    found = {}
    for new, staged in ws.unrecorded(AMENDMENTS).items():
        cid = _id_held(ws, new)
        if cid in gone and gone[cid] not in found:
            found[gone[cid]] = (new, staged)
    return found


ID_LINE = re.compile(rb"""^id:[ \t]*["']?([0-9A-Za-z][0-9A-Za-z-]*)["']?[ \t]*(?:#.*)?\r?$""", re.MULTILINE)
READ_AT_MOST = 1 << 20  # bytes of a file that might be a renamed comment: a comment file is a few KiB


def _id_held(ws: Workspace, path: str) -> str | None:
    """The id on the `id:` line of the file at `path` (lower case), read as bytes (a renamed file may also not read
    as YAML); None when it has none or cannot be read."""
    try:  # a plain file only: a link (to a file outside the workspace, to a FIFO) is no comment, and is not followed
        fd = os.open(ws.root / path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        held = b""
        while len(held) < READ_AT_MOST and (part := os.read(fd, READ_AT_MOST - len(held))):
            held += part
    except OSError:
        return None
    finally:
        os.close(fd)
    found = ID_LINE.search(held)
    return found.group(1).decode("ascii").lower() if found else None


def misrenamed(ws: Workspace, slug: str, deleted: tuple[str, ...] | None = None) -> dict[str, tuple[str, bool]]:
    """The comment files of `slug` renamed (`renamed_comments`), which its comments folder no longer reads: old path
    -> (new path, whether the index has it). `deleted`: as for `deleted_comments`."""
    deleted = _deleted(ws) if deleted is None else deleted
    if not _of(slug, deleted):
        return {}
    moved = renamed_comments(ws, deleted)
    return {old: moved[old] for old in _of(slug, moved)}


def _stem(path: str) -> str:
    return path.rsplit("/", 1)[-1][:-len(".yaml")]


def renamed_problem(ws: Workspace, old: str, new: str, staged: bool, language: str = "vi") -> Problem:
    """The problem of a comment file renamed to a name that breaks the comments folder's rule (`misrenamed`): what
    it holds, the rule, and how to put it back."""
    cid = _stem(old)
    folder = old.rsplit("/", 1)[0]
    how = "with `git mv`" if staged else "outside git (its new name is untracked)"
    back = f"`{Command.git('mv', new, old)}`" if staged else f"`mv {shlex.quote(new)} {shlex.quote(old)}`"
    if not staged and not ws.tracked(old):
        back += f" and `{Command.git('restore', old, switches=('staged',))}`"
    inside = new.rsplit("/", 1)[0] == folder
    rule = (f"a comment's file is named by its id, `{cid}.yaml`" if inside else
            f"a comment's file stays in its amendment's comments folder, {folder}/, named by its id, `{cid}.yaml`")
    return Problem(f"{_described(ws, old, language)} was renamed {how} to {shlex.quote(new)}, the rename not "
                   f"committed; but {rule}: under its new name the list of comments, the round's report and the "
                   f"check of unanswered comments before adoption would leave it out. {back} puts it back; if it "
                   "is meant to be another comment, give it an id of its own and name its file so.", new)


SHOWN = 10  # the deleted comment files named one by one; the others are counted, with the git command listing them


def deleted_problem(ws: Workspace, path: str, language: str = "vi", tracked: bool | None = None) -> Problem:
    """The problem of a committed comment file deleted from the working tree: what it holds, and how to bring it
    back or to commit its deletion. `tracked`: whether the index still has it, when the caller asked git already."""
    what = _described(ws, path, language)
    quoted = shlex.quote(path)
    if ws.tracked(path) if tracked is None else tracked:
        fixes = f"`git restore {quoted}` brings it back; if it is meant to go, `git rm {quoted}` and commit that"
    else:  # `git rm`: gone from the index too, which `git restore PATH` alone restores from
        restore = Command.git("restore", path, switches=("staged", "worktree"))  # quoted as it is written
        fixes = f"`{restore}` brings it back; if it is meant to go, commit the deletion"
    return Problem(f"{what} is in the last commit, but its file was deleted and the deletion is not committed: the "
                   "list of comments, the round's report and the check of unanswered comments before adoption would "
                   f"leave it out. {fixes}.", path)


def _described(ws: Workspace, path: str, language: str) -> str:
    """The comment the last commit holds at `path`, as a sentence names it (its id, body and provision) when it reads;
    "a comment" otherwise."""
    from regdraft.core.comment_yaml import read_comment
    from regdraft.core.comments import shown_on

    try:
        comment, _ = read_comment(ws.read(path, "HEAD"), path)
    except RegdraftError:
        comment = None
    if comment is None:
        return "a comment"
    what = f"comment {comment.id} by {comment.by} on {shown_on(comment.on, language)}"
    return what + (f" of {comment.regulation}" if comment.regulation else "")


def refuse_deleted(ws: Workspace, slug: str, unreadable: list[tuple[str, ParseError]] | None) -> set[str]:
    """`CommentsDeleted` naming each comment file of `slug` deleted by mistake (`deleted_problem`), or renamed to a
    name the comments folder does not read as it (`renamed_problem`); with `unreadable`, each is added there (path,
    error) instead, as a comment file that does not read is (`check`). Returns the new names of those renamed, which
    the problem names: a reader of the folder does not read them again as comments named otherwise."""
    gone = _deleted(ws)  # asked of git once here: outside a run nothing keeps it (`run_memo`)
    paths = deleted_comments(ws, slug, deleted=gone)
    moved = misrenamed(ws, slug, deleted=gone)
    if not paths and not moved:
        return set()
    from regdraft.core.amend.document import front_matter_only
    from regdraft.core.layout import amendment_path

    try:  # its front matter alone: what `amendments.load` reads would go round through the reader of comments
        front = front_matter_only(ws.read(amendment_path(slug)), amendment_path(slug), slug)
    except RegdraftError:
        front = None
    language = front.language if front is not None else "vi"
    # The first SHOWN named, the rest counted: a folder of 3,000 deleted took a git process each, 4 minutes a
    # command, and printed 1.4 MB (r40 sweep CE F4). Whether the index has them: one `git ls-files` for all.
    tracked = ws.tracked_among(paths[:SHOWN])
    problems = [deleted_problem(ws, path, language, path in tracked) for path in paths[:SHOWN]]
    if len(paths) > SHOWN:
        problems.append(_counted(slug, paths[SHOWN:]))
    problems += [renamed_problem(ws, old, new, staged, language) for old, (new, staged) in moved.items()]
    if unreadable is not None:
        unreadable.extend((problem.source, ParseError(problem.message, [problem])) for problem in problems)
        return {new for new, _ in moved.values()}
    if len(problems) == 1:
        raise CommentsDeleted(str(problems[0]))
    if not moved:
        raise CommentsDeleted(f"{len(paths):,} comment files of {slug} were deleted, the deletion not committed:",
                              problems)
    raise CommentsDeleted(f"{len(paths) + len(moved):,} comment files of {slug} were deleted or renamed, the change "
                          "not committed:", problems)


def _counted(slug: str, rest: list[str]) -> Problem:
    """The deleted comment files past the first `SHOWN`, counted, a few named, with the git command listing them."""
    folder = comments_folder(slug)
    from regdraft.core.text import shown_name  # a line break or an escape in a name: escaped

    names = ", ".join(shown_name(path.rsplit("/", 1)[-1]) for path in rest[:3]) + (", …" if len(rest) > 3 else "")
    listing = Command.git("diff", "HEAD", "--", folder, switches=("name-only", "diff-filter=D"))
    return Problem(f"{len(rest):,} more comment {'file' if len(rest) == 1 else 'files'} of {slug} "
                   f"{'was' if len(rest) == 1 else 'were'} deleted the same way ({names}); each comes back as those "
                   f"above do, and `{listing}` lists them all.", folder)


def refuse_deleted_comment(ws: Workspace, comment_id: str, slug: str | None) -> None:
    """`CommentsDeleted` when comment `comment_id` (of `slug`, or of any amendment) is not found because its committed
    file was deleted by mistake: "there is no comment" would hide where it went."""
    for path in _deleted(ws):
        parts = path.split("/")
        if len(parts) == 4 and parts[2:] == ["comments", f"{comment_id}.yaml"] and slug in (None, parts[1]):
            if present(ws, path):  # a folder in its place: it is there, and does not read
                raise unreadable(path, misplaced_error(path))
            moved = renamed_comments(ws).get(path)
            if moved is None:
                raise CommentsDeleted(str(deleted_problem(ws, path)))
            # Renamed: named with the way back, in its own folder or into another amendment's (r41 sweep CK F3).
            raise CommentsDeleted(str(renamed_problem(ws, path, *moved)))


def _deleted(ws: Workspace) -> tuple[str, ...]:
    """Every file under amendments/ deleted from the working tree, the deletion not committed, asked once a run; but
    those a write in progress or interrupted (its journal) deletes: that write's commit, or its repair, settles them."""
    return kept(ws, "deleted amendment files", lambda: _not_journalled(ws, ws.deleted(AMENDMENTS)))


def _not_journalled(ws: Workspace, paths: list[str]) -> tuple[str, ...]:
    if not paths:
        return ()
    try:
        entry = ws.interrupted()
    except (RegdraftError, OSError, ValueError):
        entry = None  # an unreadable journal: `check` names it, with the repair
    return tuple(p for p in paths if entry is None or p not in entry.changes)

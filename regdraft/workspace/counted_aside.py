"""The comments of files set aside on the review server (`unreadable_comments`), as their last committed version
that reads records them: what a member's bound in a round counts (`review_limits.per_member`).

Post-conditions:
1. `recorded_aside(ws, slug)` lists, for each file set aside for `slug` (`aside_of`: one that does not read, deleted
   or renamed by mistake), the comment its newest committed version that reads records (HEAD's first, then at most
   `VERSIONS_READ` versions of its log; a renamed one at its committed name); a file with none is left out.
2. `counted_with_aside(ws, slug, comments)` is `comments` and those of `recorded_aside` whose id is not among them.

Whose a comment set aside is: the bound is one access link's (`Comment.link`), which only the file holds. Its name is
the comment's id alone, and a commit's author and subject name a person and a body, which a namesake's link shares
(r36: counted by name, a namesake used up a member's bound). The review server commits every comment it records whole
and readable, with its link, round, text and wording, so the last committed version that reads says whose it is and
how long, whatever was done to the working file since (a merge's markers, an edit that broke it, a deletion). A file
with no such version (never committed, or broken in every version looked at) was not sent through these pages as it
stands, and counts toward no member's bound.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from regdraft.core.errors import RegdraftError
from regdraft.workspace.deleted_comments import renamed_comments
from regdraft.workspace.unreadable_comments import aside_of

if TYPE_CHECKING:
    from regdraft.core.comments import Comment
    from regdraft.workspace.store import Workspace


VERSIONS_READ = 5  # committed versions of a file set aside read, newest first, for the last one that reads


def recorded_aside(ws: Workspace, slug: str) -> list[Comment]:
    """The comments of the files set aside for `slug`, each as the newest committed version of its file that reads
    records it (see the module: whose a comment set aside is); a file with none is left out."""
    from regdraft.core.comment_yaml import read_comment  # YAML: imported only when a file was set aside

    def _committed(path: str, version: str) -> Comment | None:
        try:
            return read_comment(ws.read(path, version), path)[0]
        except RegdraftError:
            return None

    renamed = {new: old for old, (new, _) in renamed_comments(ws).items()} if aside_of(ws, slug) else {}
    found = []
    for path, _ in aside_of(ws, slug):
        where = renamed.get(path, path)  # renamed to a name that breaks the rule: its committed name
        comment = _committed(where, "HEAD")  # nearly always: the working file alone was broken or deleted
        if comment is None:
            try:
                earlier = ws.log_paths(where, limit=VERSIONS_READ)
            except RegdraftError:
                earlier = []
            comment = next((c for r, at in earlier if (c := _committed(at, r.sha)) is not None), None)
        if comment is not None:
            found.append(comment)
    return found


def counted_with_aside(ws: Workspace, slug: str, comments: list[Comment]) -> list[Comment]:
    """`comments`, and the comments set aside for `slug` as last committed (`recorded_aside`) that are not among
    them: what a member's bound in a round counts."""
    ids = {c.id for c in comments}
    return [*comments, *(c for c in recorded_aside(ws, slug) if c.id not in ids)]

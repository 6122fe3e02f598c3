"""Comments that arrived after their round closed, or after the amendment was adopted.

Two clones can each believe a round is open: one closes it, the other records a comment, and
`git pull --rebase` merges both without a conflict (each is its own small file). The history
stays true only if someone is told. `late_comments(ws)` is part of `regdraft check`: each late
comment is one problem naming the comment, who added it in which commit, and what it came after.

Post-conditions:
1. A comment is late when it was recorded (the committer date of the commit that added its file, a move of its
   folder or of the file not counting, `_additions`; its `created` time while not committed) after its round's
   `closed` time, or after the commit that adopted its amendment, or when the commit that added it comes after
   that commit in the history (made in another clone before the adoption, synced after it); comments without a
   time, or whose time cannot be read, are never reported, nor is a late comment the office has answered (its
   disposition recorded: answered as a late comment, the problem's own advice). `late_ids` gives a round's late
   comments by the same judgement, answered ones too.
2. Each problem is located on the comment's file and names the commit that added it (short
   sha), its git author and date, so the office knows which clone it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from regdraft.core.commands import Command
from regdraft.core.comments import Comment, Round, shown_on
from regdraft.core.encodings import readable_head
from regdraft.core.errors import ParseError, Problem, RegdraftError
from regdraft.core.layout import AMENDMENTS, amendment_path, comments_folder
from regdraft.core.text import shown_name
from regdraft.workspace.amendments import load, load_comments, load_rounds, survey
from regdraft.workspace.run_memo import active, kept
from regdraft.workspace.store import Workspace
from regdraft.workspace.store_history import Revision, Touched


def _moment(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text.strip())
        return moment if moment.tzinfo is not None else moment.astimezone()
    except (ValueError, OverflowError):  # no time, or one this machine's zone puts past year 1 or 9999
        return None


class _Walk:
    """The whole history read once (`Workspace.history`) for every adopted amendment: a `git log` and a `git
    diff-tree` for each amendment's file, and a `git log` for the commits since its adoption, made `check` of 40
    adopted amendments take 2-3 s. Used only where it answers as those did: a history without merges (git's walk
    of one file skips a merge's side that left it unchanged)."""

    def __init__(self, ws: Workspace, folders: tuple[str, ...] = ()) -> None:
        self.ws = ws
        # Where the files `added` is asked about are, while no amendment is adopted: only the additions there are read.
        self.folders = folders
        self.added_there: dict[str, Revision] | None = None
        self.walked: list[tuple[Revision, Touched]] | None = None
        self.touched: dict[str, list[int]] = {}
        self.order: dict[str, int] = {}
        # The commit that recorded each file (`_additions`), merges or not: a side's commit lists what it added.
        self.adds: dict[str, Revision] = {}
        # Whether a history holding a commit was read: a file it does not name was never committed, and git is not
        # asked about it (a comment file at a time: 3,000 comments started 3,000 git processes).
        self.read_some = False
        # The comment files each commit added, not moved (`_added`), by the folder of the amendment, with the place of
        # the commit in `walked`: made once, at the first `added_since`.
        self.additions: dict[str, list[tuple[int, str]]] | None = None

    def _read(self) -> bool:
        history = getattr(self.ws, "history", None)  # an in-memory workspace has one line of history
        if self.walked is None and history is not None:
            walked = history()
            self.adds = _additions(walked)
            self.read_some = bool(walked)
            self.walked = [] if any(parents > 1 for _, parents, _ in walked) else [(r, f) for r, _, f in walked]
            for at, (revision, files) in enumerate(self.walked):
                self.order[revision.sha] = at
                for _, path, _ in files:
                    self.touched.setdefault(path, []).append(at)
        return bool(self.walked)

    def log(self, path: str) -> list[tuple[Revision, str]]:
        """`Workspace.log_paths(path)`: the commits that touched the file, newest first, following a rename, each
        with the path the file had in it."""
        if not self._read() or self.walked is None:
            return _logged(self.ws, path)
        entries = [self.walked[at] for at in self.touched.get(path, [])]
        if entries and any(status == "D" for status, _, _ in entries[-1][1]):
            return _logged(self.ws, path)  # its first commit deletes a file: perhaps a rename, which git follows
        return [(revision, path) for revision, _ in entries]

    def added(self, path: str) -> Revision | None:
        """The commit that added the file now at `path` (`Workspace.added`), from the history read once: the whole
        history, or (for a file in `folders`, the whole not read) only the commits that added files there, which
        name the same commit (a closed round's open comments made `check` read every commit's files: +18 % at 3,000
        commits). Git is asked only when no commit was read (an in-memory workspace)."""
        if self.walked is None and any(path.startswith(f"{folder}/") for folder in self.folders):
            adds = self._added_there()
        else:
            self._read()
            adds = self.adds
        found = adds.get(path)
        return found if found is not None or self.read_some else self.ws.added(path)

    def _added_there(self) -> dict[str, Revision]:
        if self.added_there is None:
            history = getattr(self.ws, "history", None)
            walked = history(self.folders) if history is not None else []
            self.added_there, self.read_some = _additions(walked), bool(walked)
        return self.added_there

    def ancestor(self, older: str, newer: str) -> bool | None:
        """Whether commit `older` is in the history of `newer` (or is it), from the history read once (`Workspace.
        is_ancestor`: one git process for each of 230 adoptions made `check` take 2.7 s); None: not known here."""
        if not self._read() or older not in self.order or newer not in self.order:
            return None
        return self.order[older] >= self.order[newer]  # no merge: one line of commits, newest first

    def added_since(self, adoption: Revision, folder: str) -> frozenset[str] | None:
        """The files under `folder` added by the commits after `adoption` (`Workspace.commits`); None: not known."""
        if not self._read() or self.walked is None or adoption.sha not in self.order:
            return None
        if folder.count("/") < 3:  # not an amendment's comments: walked as it is asked
            walked = self.walked[:self.order[adoption.sha]]
            return frozenset(path for _, files in walked for path in _added(files, folder))
        if self.additions is None:  # the commits after each of 150 adoptions walked again: 500,000 commits read
            self.additions = {}
            for at, (_, files) in enumerate(self.walked):
                for path in _added(files, ""):
                    self.additions.setdefault(_holder(path), []).append((at, path))
        before = self.order[adoption.sha]
        return frozenset(path for at, path in self.additions.get(_holder(folder), []) if at < before
                         and path.startswith(folder))


def walk_of(ws: Workspace, folders: tuple[str, ...] = ()) -> _Walk:
    """The history read once for a run (`run_memo`): the review server's start page read it whole again for each
    round (`late_ids`, 37 `git log` of 0.7 s at 5,000 commits for one page)."""
    return kept(ws, ("history walk", folders), lambda: _Walk(ws, folders))


def shared_walk(ws: Workspace) -> _Walk | None:
    """The whole history read once in a run of `ws` (`run_memo.run`); None outside one, where one question is
    cheaper asked of git than the whole history read."""
    return walk_of(ws) if active(ws) else None


def _logged(ws: Workspace, path: str) -> list[tuple[Revision, str]]:
    """The commits that touched the file, newest first, each with the path it had then (before a `git mv`, the old
    one: `check` read the old versions under the new path and stopped)."""
    paths = getattr(ws, "log_paths", None)  # an in-memory workspace renames nothing
    return paths(path) if paths is not None else [(revision, path) for revision in ws.log(path)]


def _additions(walked: Sequence[tuple[Revision, int, Touched]]) -> dict[str, Revision]:
    """The commit that recorded each file now in a history walked newest first (`Workspace.history`).

    A file is recorded by the commit that added it where nothing stood (the newest such addition: a comment
    deleted, then added again, was recorded anew by the commit that added it again, and is late when that came
    after the close or the adoption; the office may have closed the round without it). A move is no recording: a
    comment file a commit moves (`git mv` of its amendment's folder, or of the file alone: deleted at one path and
    added at another, with the same name in a comments folder or the same text, `_moved`) keeps the commit that
    recorded it before the move, through any chain of moves (folder renamed and renamed back: the rename back
    made every comment late, naming it). The history is walked once, oldest first, each move reading where the
    file stood just before it: linear in commits and files (a cycle of moves walked each chain again for every
    file in it: 3,000 comments took 15 s)."""
    recorded: dict[str, Revision] = {}
    for revision, _, files in reversed(walked):
        moves = _moved(files)
        found = {path: recorded.get(moves[path], revision) if path in moves else revision
                 for status, path, _ in files if status == "A"}
        recorded.update(found)  # a deleted file's entry is left: only an addition at its path is read again
    return recorded


def _moved(files: Touched) -> dict[str, str]:
    """The comment files a commit moved: each added one with the path it was deleted at in the same commit (the same
    comment's file: its name, the comment's id, in another comments folder, or, renamed, the same text)."""
    named: dict[str, str] = {}
    texts: dict[str, str] = {}
    for status, path, blob in files:
        if status == "D" and "/comments/" in path:
            named[path.rsplit("/comments/", 1)[-1]] = path
            if blob:  # `Workspace.commits` does not say it
                texts.setdefault(blob, path)
    moves: dict[str, str] = {}
    for status, path, blob in files:
        if named and status == "A" and "/comments/" in path:
            source = named.get(path.rsplit("/comments/", 1)[-1]) or texts.get(blob)
            if source is not None:
                moves[path] = source
    return moves


def _holder(path: str) -> str:
    """The first three parts of a path (`amendments/<slug>/comments`): a folder of comments holds what it names."""
    return "/".join(path.split("/", 3)[:3])


def _added(files: Touched, folder: str) -> list[str]:
    """The comment files under `folder` a commit added, not those it moved there (`_moved`): a `git mv` of the folder
    after the adoption made every comment late."""
    moves = _moved(files)
    return [path for status, path, _ in files if status == "A" and path.startswith(folder) and path not in moves]


def _adopted(ws: Workspace, slug: str, walk: _Walk | None = None) -> Revision | None:
    """The commit that adopted an amendment: the first whose file says `status: adopted`."""
    path = amendment_path(slug)
    now = len(ws.read(path)) if ws.exists(path) else 0
    for entry, then in reversed(walk.log(path) if walk is not None else _logged(ws, path)):
        # A version far larger than the file now is not read (`store_history.history_bound`): it is no amendment's text.
        if b"status: adopted" in (ws.read_beside(then, entry.sha, now) or b""):
            return entry
    return None


def adoption_of(ws: Workspace, slug: str) -> Revision | None:
    """The commit that adopted the amendment `slug` (`circulated.refuse_no_longer_pending` names it)."""
    return _adopted(ws, slug)


def _same(ws: Workspace, regulation: str, name: str) -> bool:
    try:
        return ws.locate_regulation(regulation) == ws.locate_regulation(name)
    except RegdraftError:
        return False


# A round file's one `due:` line giving a plain day (`due: 2025-03-15`, quoted or not, `2025-3-1` too).
_PLAIN_DUE = re.compile(rb"""^due:[ \t]*(['"]?)([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\1[ \t]*(?:#.*)?\r?$""", re.M)


def _plainly_due(data: bytes) -> bool:
    """Whether a round file's `due:` is written as a day that exists on its one line, as regdraft writes it: then
    `round_problems` has nothing to say, and a warm `check` need not load PyYAML to learn it
    (tests/test_warm_checks)."""
    found = _PLAIN_DUE.findall(data)
    if len(found) != 1 or data.count(b"due:") != 1:
        return False
    try:
        return bool(dt.date(*(int(part) for part in found[0][1:])))
    except ValueError:
        return False


def _plainly_written(data: bytes) -> bool:
    """Whether a round file holds no YAML escape (a backslash) and no character `round_yaml.hidden_in` names, as
    regdraft writes one: then it need not be read as YAML to learn it."""
    from regdraft.core.text import hiding_character

    return b"\\" not in data and (data.isascii() or hiding_character(data.decode("utf-8", "replace")) is None)


def _round_dates(ws: Workspace, slug: str) -> list[Problem]:
    """Each round file of `slug` whose `due:` names no day that exists, or whose values hold a C1 control or an
    invisible character (`round_yaml.round_problems`), at its line."""
    from regdraft.core.layout import rounds_folder

    problems: list[Problem] = []
    for path in ws.files(rounds_folder(slug), "*.yaml"):
        data = ws.read(path)
        if not _plainly_due(data) or not _plainly_written(data):
            from regdraft.core.round_yaml import round_problems

            problems.extend(round_problems(data, path))
    return problems


def late_comments(ws: Workspace, name: str | None = None) -> list[Problem]:
    """Every comment dated after its round closed or after its amendment was adopted (see the module)."""
    problems: list[Problem] = []
    entries = [entry for entry in survey(ws) if entry.amendment is not None
               and (name is None or _same(ws, entry.amendment.regulation, name))]
    # The whole history is read at the first adopted amendment; without one, only the additions of amendments' files.
    walk = walk_of(ws, () if any(e.amendment and e.amendment.status == "adopted" for e in entries) else (AMENDMENTS,))
    for entry in entries:
        amendment = entry.amendment
        if amendment is None:
            continue
        try:
            rounds = {r.number: r for r in load_rounds(ws, entry.slug)}
        except ParseError as exc:
            problems.extend(_unreadable(exc))
            continue
        problems.extend(_round_dates(ws, entry.slug))
        # A comment file that does not read (markers committed by mistake) is named, and the others checked:
        # `check` said "No problems found" over it and left out every other comment of the amendment.
        unreadable: list[tuple[str, ParseError]] = []
        comments = load_comments(ws, entry.slug, unreadable)
        for path, error in unreadable:
            problems.extend(_unreadable(error, path))
        adoption = _adopted(ws, entry.slug, walk) if amendment.status == "adopted" else None
        since = _added_since(ws, entry.slug, adoption, walk) if adoption is not None else frozenset()
        for comment in comments:
            if comment.round not in rounds:
                problems.append(_roundless(ws, entry.slug, comment, sorted(rounds)))
                continue
            problem = _late(ws, entry.slug, comment, rounds.get(comment.round), adoption, since, walk,
                            amendment.language)
            if problem is not None:
                problems.append(problem)
    return problems


def late_ids(ws: Workspace, slug: str, r: Round, comments: Sequence[Comment]) -> frozenset[str]:
    """The ids of the comments of round `r` of amendment `slug` (among `comments`) recorded after the round closed
    or after the amendment was adopted, answered or not, judged as `check` judges them (`_after`, from the history
    read once): the comment report marks them late, and neither it nor `round show` counts their bodies as having
    replied by the close. No git is asked while the round is open and the amendment not adopted."""
    mine = [c for c in comments if c.round == r.number]
    try:
        adopted = load(ws, slug).status == "adopted"
    except RegdraftError:
        adopted = False
    if not mine or (not r.closed and not adopted):
        return frozenset()
    walk = walk_of(ws, () if adopted else (AMENDMENTS,))
    adoption = _adopted(ws, slug, walk) if adopted else None
    since = _added_since(ws, slug, adoption, walk) if adoption is not None else frozenset()
    return frozenset(c.id for c in mine if _after(ws, slug, c, r, adoption, since, walk) is not None)


def _unreadable(exc: ParseError, path: str = "") -> list[Problem]:
    """A file that does not read, as `check` lists it: its name (and line) once, before the message."""
    if exc.problems:
        return list(exc.problems)
    message, line = str(exc), 0
    at = re.match(rf"{re.escape(path)}:(\d+): ", message) if path else None
    if at is not None:
        message, line = message[at.end():], int(at.group(1))
    return [Problem(message.removeprefix(f"{path}: "), path, line)]


def _roundless(ws: Workspace, slug: str, comment: Comment, numbers: list[int]) -> Problem:
    """A comment in a round its amendment never opened: no round's report lists it, so it is named here."""
    path = f"{comments_folder(slug)}/{comment.id}.yaml"
    lines = readable_head(ws.read(path)).splitlines()
    line = next((k for k, text in enumerate(lines, 1) if text.startswith("round:")), 1)
    had = (f"its rounds are {', '.join(map(str, numbers))}" if numbers else "no round has been opened on it")
    return Problem(f"comment {comment.id} by {comment.by} is in round {comment.round}, which {slug} does not have "
                   f"({had}); no round's report lists it. Write the round it was made in.", path, line)


def _added_since(ws: Workspace, slug: str, adoption: Revision, walk: _Walk | None = None) -> frozenset[str]:
    """The comment files added by commits after the adoption's in the history (from the walk, else one `git log`
    for the amendment): made in another clone, synced in after the adoption."""
    folder = comments_folder(slug) + "/"
    known = walk.added_since(adoption, folder) if walk is not None else None
    if known is not None:
        return known
    commits = getattr(ws, "commits", None)  # an in-memory workspace has one line of history
    if commits is None:
        return frozenset()
    return frozenset(path for commit in commits(adoption.sha, "HEAD")
                     for path in _added(tuple((status, path, "") for status, path in commit.files), folder))


def _late(ws: Workspace, slug: str, comment: Comment, r: Round | None, adoption: Revision | None,
          since: frozenset[str] = frozenset(), walk: _Walk | None = None, language: str = "vi") -> Problem | None:
    """The problem of a comment recorded after its round closed or its amendment was adopted, else None; its
    provision named as a document in `language` (the amendment's) is addressed.

    When it was recorded is the committer date of the commit that added its file, not the comment's `created`: a
    Word reply's comment carries the date Word wrote (local time marked UTC, hours off), and a comment recorded in
    a clone that had not heard of the close is recorded anew when `sync` rebases it on the close. Only a comment
    not yet committed is judged by its `created`."""
    if not comment.is_open:
        return None  # answered: the office has seen it (`check` failed for good on an answered late comment)
    found = _after(ws, slug, comment, r, adoption, since, walk)
    if found is None:
        return None
    after, added, made = found
    path = f"{comments_folder(slug)}/{comment.id}.yaml"
    of = f" of {comment.regulation}" if comment.regulation else ""
    dated = ""
    if added is not None:
        recorded = (f"was recorded on {added.committed or added.when} in commit {added.sha[:8]} by "
                    f"{shown_name(added.author)}")
        # Its own date after the close, not inside it: "dated 04:56:09, after round 1 closed (04:56:09)" read as if
        # a comment made as the round closed were late for that (r37 sweep BQ 5); the commit is what counts.
        if comment.created and _moment(comment.created) != made:
            dated = f" It is dated {comment.created}, but what counts is when it was recorded."
    else:
        recorded = f"is dated {comment.created} and not committed yet"
    return Problem(
        f"comment {comment.id} by {comment.by} on {shown_on(comment.on, language)}{of} in round {comment.round} "
        f"{recorded}, "
        f"after {' and after '.join(after)}.{dated} Answer it as a late comment "
        f"(`{Command.of('comment respond', comment.id, disposition=None, reply=None)}`), take it into the "
        f"next round, or revert that commit.", path, 1)


def _after(ws: Workspace, slug: str, comment: Comment, r: Round | None, adoption: Revision | None,
           since: frozenset[str], walk: _Walk | None) -> tuple[list[str], Revision | None, dt.datetime] | None:
    """What a comment, answered or not, was recorded after (`round 1 closed (…)`, `the amendment was adopted …`),
    the commit that added it and when it was recorded; None when it is not late."""
    closed = _moment(r.closed) if r is not None and r.closed else None
    if closed is None and adoption is None:
        return None  # no git asked: a `check` of 500 open comments ran a `git log` for each
    path = f"{comments_folder(slug)}/{comment.id}.yaml"
    added = walk.added(path) if walk is not None else ws.added(path)  # never renamed: no similar file's history
    made = _moment(added.committed or added.when) if added is not None else _moment(comment.created or "")
    if made is None:
        return None
    after = []
    if closed is not None and made > closed:
        after.append(f"round {comment.round} closed ({r.closed if r else ''})")
    adopted = _moment(adoption.when) if adoption is not None and adoption.when else None
    if adoption is not None and adopted is not None and made > adopted:
        after.append(f"the amendment was adopted ({adoption.when}, commit {adoption.sha[:8]})")
    if not after and adoption is not None and path in since:
        # Made in another clone while its round was open there, and synced in after the adoption: dated before it,
        # yet nobody who adopted saw it (`sync` calls it late; `check` said "No problems found").
        after.append(f"the amendment was adopted (commit {adoption.sha[:8]}): it reached this history only then")
    return (after, added, made) if after else None

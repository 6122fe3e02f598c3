"""What a range of commits did, in a drafter's words: comments, rounds, votes, amendments.

`describe(ws, commits)` reads the files each commit added, changed or deleted (at that commit)
and sums them up: "2 comments from Ban Tổ chức Tỉnh ủy on qc-sua-doi-2025", "round 1 of
qc-sua-doi-2025 closed by Lan", "qc-sua-doi-2025 adopted as 05-QC/TU by Minh".

A version is read only when git records it small enough (`_bounded`): a received history may hold a version of many
megabytes, and `sync` took 57 s and 480 MB to parse a 48 MB front matter to name a regulation. A regulation is named
from its front matter within its first `NAME_HEAD` bytes; a larger one, or one not read, by its file name.

Every name and value a sentence takes from a commit or a file (an author, a comment's body, a path, a number, a date)
is written as `text.shown_name` writes it: an author `Lan\\e[31m…` reached the terminal as an escape sequence (r35
sweep BH F3).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from regdraft.core.commands import Command
from regdraft.core.counts import count as counted
from regdraft.core.errors import RegdraftError
from regdraft.core.frontmatter import load_yaml
from regdraft.core.layout import CONFIG
from regdraft.core.text import shown_name
from regdraft.core.yaml_bounds import MAX_YAML_BYTES
from regdraft.workspace.access import INVITED, REVOKED
from regdraft.workspace.adoption_subjects import PREFIXES

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.workspace.store import CommitInfo, Workspace


YAML_BYTES = MAX_YAML_BYTES  # a comment, round or vote file, as `load_yaml` reads it
NAME_HEAD = 64 * 1024  # the front matter naming a regulation: a real one has a few hundred bytes
# A regulation or an amendment at a commit (`store_history.HISTORY_BYTES`; a law < 1 MB).
DOCUMENT_BYTES = 2 * 1024 * 1024


def _bounded(ws: Workspace, path: str, rev: str, most: int) -> bytes | None:
    """The file's bytes at `rev`; None, unread, when git records it over `most` bytes or it cannot be read."""
    try:
        return None if ws.size(path, rev) > most else ws.read(path, rev)
    except RegdraftError:
        return None


def _yaml(ws: Workspace, path: str, rev: str) -> dict[str, Any]:
    import yaml

    from regdraft.core.encodings import Unreadable, strict_text

    data = _bounded(ws, path, rev, YAML_BYTES)
    try:
        loaded = load_yaml(strict_text(data)) if data is not None else None  # UTF-16 too, as its own reader
    except (RegdraftError, yaml.YAMLError, Unreadable):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _plural(n: int, word: str) -> str:
    return counted(n, word)


class _Tally:
    """Sentences in the order their subject first appeared, with counts folded in."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, ...]] = Counter()
        self.order: list[tuple[str, ...]] = []
        self.words: dict[tuple[str, ...], Callable[[int], str]] = {}
        # The other files changed, each with what became of it and by whom, in order (`_changes_by`).
        self.others: dict[str, list[tuple[str, str]]] = {}

    def add(self, key: tuple[str, ...], words: Callable[[int], str]) -> None:
        if key not in self.counts:
            self.order.append(key)
            self.words[key] = words
        self.counts[key] += 1

    def sentences(self) -> list[str]:
        return [self.words[k](self.counts[k]) for k in self.order]


def describe(ws: Workspace, commits: Iterable[CommitInfo]) -> list[str]:
    """One sentence per kind of change in the commits, oldest first."""
    tally = _Tally()
    for commit in commits:
        commit = replace(commit, author=shown_name(commit.author))  # every sentence names the author so
        for status, path in commit.files:
            _classify(ws, tally, commit, status, path)
    return tally.sentences()


def _classify(ws: Workspace, tally: _Tally, commit: CommitInfo, status: str, path: str) -> None:
    parts = PurePosixPath(path).parts
    who = commit.author
    if len(parts) >= 3 and parts[0] == "amendments":
        slug = parts[1]
        if len(parts) == 4 and parts[2] == "comments":
            _comment(ws, tally, commit, status, path, slug)
            return
        if len(parts) == 4 and parts[2] == "rounds":
            _round(ws, tally, commit, status, path, slug)
            return
        if parts[2:] == ("vote.yaml",) and status != "D":
            vote = _yaml(ws, path, commit.sha)
            counts = " ({} for, {} against, {} abstaining)".format(
                *(shown_name(str(vote.get(key))) for key in ("for", "against", "abstain")))
            tally.add(("vote", slug, commit.sha),
                      lambda n: f"the conference vote on {shown_name(slug)} recorded by {who}{counts}")
            return
        if parts[2:] == ("amendment.md",):
            _amendment(ws, tally, commit, status, slug)
            return
    if parts[0] == "regulations" and ("history" in parts or _adoption(commit)):
        return  # said with the adoption
    if parts[0] == "regulations":
        name, meta = _regulation_name(ws, path, commit.sha if status != "D" else f"{commit.sha}~1")
        replacing = _replacing(meta) if status == "A" else ""
        tally.add(("regulation", path, who, status), lambda n: f"{name} {_changed(status)} by {who}{replacing}")
        return
    if path == CONFIG and commit.subject.startswith((INVITED, REVOKED)):  # one commit each, `access.invite`
        invited = commit.subject.startswith(INVITED)
        tally.add(("access", str(invited)), lambda n: _access_words(n, invited))
        return
    tally.others.setdefault(path, []).append((_changed(status), who))
    tally.add(("other",), lambda n: _other_files(tally.others, n))


def _adoption(commit: CommitInfo) -> bool:
    """Whether a commit adopts an amendment, saying so with its amendment (`_amendment`): titled as one and changing
    an amendment's file. An adoption replayed on another (the same amendment adopted on the remote with the same
    dates) keeps its title and changes the regulation alone: it was sent unsaid, "To origin: nothing to send" (r37
    sweep BP F1)."""
    return commit.subject.startswith(PREFIXES) and any(
        path.startswith("amendments/") and path.endswith("/amendment.md") for _, path in commit.files)


SHOWN_FILES = 5  # other files named one by one; more are counted
SHOWN_AUTHORS = 3  # the people named for one of them; more are counted


def _other_files(others: dict[str, list[tuple[str, str]]], n: int) -> str:
    """`ghi-chu.txt added by Minh`: each of a few other files (not documents regdraft reads) by name; else
    `12 other file changes`. A colleague's note said only "1 other file change" (r34 sweep BD)."""
    if len(others) > SHOWN_FILES:
        return counted(n, "other file change", plural_form="other file changes")
    return "; ".join(f"{shown_name(path)} {_changes_by(changes)}" for path, changes in others.items())


def _changes_by(changes: list[tuple[str, str]]) -> str:
    """`edited by Minh and Lan`, `added by Minh, then edited by Lan`: who changed one file, each person named (up to
    `SHOWN_AUTHORS`); a file that several people changed was said as changed by the last of them alone (r35)."""
    runs: list[tuple[str, list[str]]] = []  # what became of it, and who did it, one run of a kind after another
    for what, who in changes:
        if runs and runs[-1][0] == what:
            runs[-1][1].extend([who] if who not in runs[-1][1] else [])
        else:
            runs.append((what, [who]))
    if len(runs) <= 2:
        return ", then ".join(f"{what} by {_people(names)}" for what, names in runs)
    last_what, last_who = changes[-1]  # added, deleted and added again …: everyone, and what it is now
    return f"changed by {_people(list(dict.fromkeys(who for _, who in changes)))} (last {last_what} by {last_who})"


def _people(names: list[str]) -> str:
    """`Minh`, `Minh and Lan`, `Minh, Lan, Hoa and 2 others`."""
    if len(names) > SHOWN_AUTHORS:
        names = [*names[:SHOWN_AUTHORS], counted(len(names) - SHOWN_AUTHORS, "other")]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _access_words(n: int, invited: bool) -> str:
    """`5 review invitations (review server access links)`, or `2 review links revoked`."""
    if invited:
        return counted(n, "review invitation", plural_form="review invitations") + " (review server access links)"
    return counted(n, "review link", plural_form="review links") + " revoked"


def _regulation_name(ws: Workspace, path: str, rev: str) -> tuple[str, dict[str, Any]]:
    """`01-QC/TU-XV (Quy chế làm việc …)`: the regulation's id and title from its front matter, as the other lines
    name documents by number; its file name when that cannot be read. With its front matter ({} unread)."""
    from regdraft.core.encodings import readable_head
    from regdraft.core.frontmatter import read_front_matter

    data = _bounded(ws, path, rev, DOCUMENT_BYTES)
    try:  # the head only: a front matter not closed within it names nothing (a character cut at its end is dropped)
        head = readable_head(data, NAME_HEAD) if data else ""  # UTF-16 too; a byte that does not read ends it
        meta = read_front_matter(head.splitlines(), path, [], absent="")[1]
    except RegdraftError:
        meta = None
    if not isinstance(meta, dict) or not meta.get("id"):
        return shown_name(PurePosixPath(path).stem), {}
    title = shown_name(" ".join(str(meta.get("title") or "").split()))
    return (f"{shown_name(str(meta['id']))} ({title})" if title else shown_name(str(meta["id"]))), meta


def _replacing(meta: dict[str, Any]) -> str:
    """`, replacing 01-QC/TU from 2025-10-28` for a new regulation that replaces another (its `replaces`), as a
    colleague with an amendment of the old one open must learn (r23 s11terms defect 5)."""
    replaced = meta.get("replaces")
    if not replaced:
        return ""
    when = meta.get("effective") or meta.get("signed")
    return f", replacing {shown_name(str(replaced))}" + (f" from {shown_name(str(when))}" if when else "")


def _read_amendment(ws: Workspace, slug: str, sha: str) -> Amendment | None:
    """The amendment `slug` as commit `sha` left it; None when it cannot be read."""
    from regdraft.core.amend.document import read_amendment

    path = f"amendments/{slug}/amendment.md"
    data = _bounded(ws, path, sha, DOCUMENT_BYTES)
    try:
        return read_amendment(data, path, slug)[0] if data is not None else None
    except RegdraftError:
        return None


def _new_regulation(amendment: Amendment | None) -> str:
    """`the regulation 01-QC/TU-XV replacing 01-QC/TU` for a new regulation's draft (`workspace.replacing`), which
    amends nothing (r41 sweep CK F7: "adopted as 01-QC/TU of term XIV (to 01-QC/TU)"); '' for an amendment."""
    if amendment is None or not amendment.replacing:
        return ""
    new_id = shown_name(str(amendment.meta.get("id") or ""))
    return f"the regulation {new_id} replacing {shown_name(', '.join(amendment.replacing))}"


def _term_of(ws: Workspace, regulation: str) -> str:
    """` of term XV` for an amendment of a later term's regulation when the workspace holds two terms' documents
    (their numbers restart each term: `05-QC/TU` alone read as term XIV's); '' otherwise."""
    from regdraft.workspace.terms import terms

    try:
        known = terms(ws)
    except RegdraftError:
        return ""
    term = known.of_regulation.get(regulation, "")
    several = len({t for t in known.of_regulation.values() if t}) > 1
    return f" of term {shown_name(term)} (to {shown_name(regulation)})" if term and several else ""


def _changed(status: str) -> str:
    return {"A": "added", "D": "deleted"}.get(status, "edited")


def _comment(ws: Workspace, tally: _Tally, commit: CommitInfo, status: str, path: str, slug: str) -> None:
    on = shown_name(slug)
    if status == "A":
        data = _yaml(ws, path, commit.sha)
        by = shown_name(str(data.get("by") or "an unnamed body"))
        late = _late(ws, commit, slug, path, data)
        tally.add(("comment", slug, by, late),
                  lambda n: f"{_plural(n, 'comment')} from {by} on {on}{_late_words(late, n)}")
    elif status == "D":
        tally.add(("comment-gone", slug), lambda n: f"{_plural(n, 'comment')} removed from {on}")
    elif _yaml(ws, path, commit.sha).get("disposition"):
        who = commit.author
        tally.add(("answer", slug, who), lambda n: f"{_plural(n, 'answer')} to comments on {on} by {who}")
    else:
        tally.add(("comment-edit", slug), lambda n: f"{_plural(n, 'comment')} edited on {on}")


def _late(ws: Workspace, commit: CommitInfo, slug: str, path: str, comment: dict[str, Any]) -> str:
    """`on an amendment already adopted` for a comment nobody has answered on an amendment now adopted (two
    machines: one adopted while the other commented), `after round 1 closed` for one that came into a round already
    closed, "" otherwise (`_late_words` says it); `check` names it too. A sync said only "1 comment from … on …"."""
    try:
        adopted = b"\nstatus: adopted" in (_bounded(ws, f"amendments/{slug}/amendment.md", "HEAD", DOCUMENT_BYTES)
                                          or b"")
        adopted = adopted and not _yaml(ws, path, "HEAD").get("disposition") and ws.exists(path)
    except RegdraftError:
        adopted = False
    closed = False
    if not adopted and str(comment.get("round") or "").isdecimal():
        closed = _yaml(ws, f"amendments/{slug}/rounds/{int(comment['round'])}.yaml", commit.sha).get("status") == \
            "closed"
    if not (adopted or closed):
        return ""
    return "on an amendment already adopted" if adopted else f"after round {comment['round']} closed"


def _late_words(late: str, n: int) -> str:
    """`, after round 1 closed (a late comment: …)`, or of `n` comments `(late comments: … names them; answer each
    …)`: "2 comments … (a late comment: …)" read as one (r37 sweep BQ 5)."""
    if not late:
        return ""
    check = f"`{Command.of('check')}`"
    if n == 1:
        return f", {late} (a late comment: {check} names it; answer it as a late comment)"
    return f", {late} (late comments: {check} names them; answer each as a late comment)"


def _round(ws: Workspace, tally: _Tally, commit: CommitInfo, status: str, path: str, slug: str) -> None:
    number = shown_name(PurePosixPath(path).stem)
    who = commit.author
    data = _yaml(ws, path, commit.sha) if status != "D" else {}
    if status == "A":
        what = "opened"
        if data.get("status") == "closed":
            what = "opened and closed"
    elif data.get("status") == "closed":
        what = "closed"
    else:
        what = "removed" if status == "D" else "changed"
    tally.add(("round", slug, number, what), lambda n: f"round {number} of {shown_name(slug)} {what} by {who}")


def _amendment(ws: Workspace, tally: _Tally, commit: CommitInfo, status: str, slug: str) -> None:
    who, on = commit.author, shown_name(slug)
    if status == "A":
        drafted = _new_regulation(_read_amendment(ws, slug, commit.sha))
        what = f"draft {on} of {drafted}" if drafted else f"amendment {on}"
        tally.add(("amendment-new", slug), lambda n: f"new {what} by {who}")
    elif status == "D":
        tally.add(("amendment-gone", slug), lambda n: f"amendment {on} deleted by {who}")
    elif commit.subject.startswith(PREFIXES):
        amendment = _read_amendment(ws, slug, commit.sha)
        meta = amendment.meta if amendment is not None else {}
        number = shown_name(str(meta.get("number") or slug))
        effective = f", in force from {shown_name(str(meta['effective']))}{_dated(amendment)}" \
            if meta.get("effective") else ""
        if (issued := _new_regulation(amendment)) and amendment is not None:  # its own term's: not the one replaced
            from regdraft.workspace.terms import term_key

            term = f" of term {shown_name(term_key(meta['term']))}" if meta.get("term") else ""
            numbered = f" ({number}{term})" if meta.get("number") else ""
            tally.add(("adopted", slug), lambda n: f"{on} issued as {issued}{numbered} by {who}{effective}")
            return
        if meta.get("number") and amendment is not None:
            number = f"{number}{_term_of(ws, amendment.regulation)}"
        tally.add(("adopted", slug), lambda n: f"{on} adopted as {number} by {who}{effective}")
    elif commit.subject.startswith(f"Number amendment {slug} as "):  # `amend number`: said as "edited" (r37 BQ 5)
        number, was = (shown_name(part) for part in
                       commit.subject.removeprefix(f"Number amendment {slug} as ").partition(" (was ")[::2])
        again = f" (it was {was}" if was else ""
        tally.add(("numbered", slug, who, number), lambda n: f"{on} numbered {number} by {who}{again}")
    elif commit.subject.startswith("Set amendment"):
        status_words = shown_name(commit.subject.split(" to ", 1)[-1])
        tally.add(("status", slug, status_words), lambda n: f"{on} set to {status_words} by {who}")
    else:
        tally.add(("amendment-edit", slug, who), lambda n: f"{on} edited by {who}"
                  + (f" ({n} changes)" if n > 1 else ""))


def _dated(amendment: Amendment | None) -> str:
    """` (khoản 6 Điều 1 from 2027-01-01)`: the instructions its entry-into-force article dates on their own."""
    from regdraft.core.amend.staged import cite_places, dated_parts

    parts = dated_parts(amendment) if amendment is not None else []
    return f" ({'; '.join(f'{cite_places(p.places, amendment.language)} from {p.day}' for p in parts)})" \
        if parts and amendment is not None else ""

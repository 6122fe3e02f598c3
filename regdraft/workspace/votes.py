"""The Executive Committee conference vote on an amendment, kept in `amendments/<slug>/vote.yaml`.

A vote is taken on a text: the file records, with the counts and the date, the draft voted on (`draft`), the commit
holding it (`revision`) and a fingerprint of its text (`instructions`, `fingerprint`: the instructions, the bases and
the document's own articles, such as its entry into force). Only the body counts: the front matter the clerk and the
adoption write (number, status, draft, signed, effective, signer) may change after the vote. `changed_since_vote` says
when the text is no longer the one voted on, which `amend adopt` refuses while `regdraft.yaml` requires a vote majority
and warns of otherwise. A vote file written before these keys (counts and date only) records no text: it is compared
with nothing, as before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

import yaml

from regdraft.core.amend.document import Amendment, DocumentArticle, instruction_markdown
from regdraft.core.commands import Command
from regdraft.core.encodings import Unreadable, strict_text
from regdraft.core.errors import NotPending, Problem, RegdraftError, StoreError, UsageError
from regdraft.core.frontmatter import dump_yaml, load_yaml
from regdraft.core.layout import vote_path
from regdraft.core.yaml_bounds import MAX_YAML_BYTES, size_of, too_long
from regdraft.workspace.amendments import amendment_file, load, load_rounds
from regdraft.workspace.store import Workspace, writes
from regdraft.workspace.vote_counts import MOST_MEMBERS
from regdraft.workspace.vote_dates import CORRECTED, REPLACES, date_refusal, date_refusals, described, vote_day

# The commit a vote was taken on, as `record_vote` writes it (an abbreviated id is read too).
_COMMIT = re.compile(r"[0-9a-fA-F]{7,40}")
# No conference counts more votes, and no amendment more drafts.
MAX_COUNT = MOST_MEMBERS


@dataclass(frozen=True, slots=True)
class Vote:
    """The Executive Committee conference vote on an amendment.

    `members` is the number entitled to vote when known; a majority is more than half of it,
    else more than half of the votes cast. `draft`, `revision` and `instructions` say what was voted on: the draft
    number, the commit holding it and `fingerprint` of its instructions ("" and None in a vote file written before
    they were recorded). `present` is the members present at the conference when recorded, `quorum` the share of
    members regdraft.yaml required present when it was recorded (`2/3`; "" when none was set): `vote_quorum`.
    """

    for_: int
    against: int
    abstain: int
    date: str
    members: int | None = None
    draft: int | None = None
    revision: str = ""
    instructions: str = ""
    present: int | None = None
    quorum: str = ""

    @property
    def majority(self) -> bool:
        """True when the votes for are more than half of the members (or of the votes cast)."""
        base = self.members if self.members is not None else self.for_ + self.against + self.abstain
        return self.for_ * 2 > base


@dataclass(frozen=True, slots=True)
class Recorded:
    """A vote `record_vote` recorded, and the vote on file it replaced: `replaced` when that file read; `unreadable`
    names the file when it did not (what it held is then in its history alone)."""

    vote: Vote
    replaced: Vote | None = None
    unreadable: str = ""

    @property
    def replacing(self) -> str:
        """` This vote replaces the vote of 2025-09-20 on draft 2 (45 for, 2 against, 1 abstaining).` ("" when it
        replaces no vote that could be read), to follow the sentence saying what was recorded."""
        return f" This vote replaces {described(self.replaced)}." if self.replaced is not None else ""

    @property
    def warnings(self) -> list[Problem]:
        """A warning when the vote file replaced could not be read."""
        return [Problem("the vote recorded here before could not be read; the vote just recorded replaces it, and "
                        "the history keeps the one replaced", self.unreadable, warning=True)] if self.unreadable else []


@writes
def record_vote(ws: Workspace, slug: str, for_: int, against: int, abstain: int, date: str | dt.date,
                members: int | None = None, *, force: str | None = None, present: int | None = None) -> Recorded:
    """Record the conference vote next to the amendment (one commit), replacing the one on file, which the commit
    names (the history keeps both). An adopted amendment's vote is part of its record and is not recorded again
    (`NotPending`); a vote dated after today is refused: the conference has not voted yet (a date mistyped ahead let
    the text be signed "before" its vote). A vote dated before the vote it replaces, or before the last comment round
    was opened (`vote_dates.date_refusals`), is refused unless `force` gives the reason, recorded in the commit: the
    correction of a date recorded wrong. `present` is the members present (`vote_quorum`: a vote below the quorum
    regdraft.yaml sets is recorded and its commit says so)."""
    relative = amendment_file(ws, slug)
    amendment = load(ws, slug)
    if amendment.status == "adopted":
        recorded = load_vote(ws, slug)
        held = (f" ({recorded.for_} for, {recorded.against} against, {recorded.abstain} abstaining on {recorded.date})"
                if recorded else "")
        raise NotPending(f"{relative}: the amendment is adopted; the vote that led to it{held} is part of its record "
                         "and is not recorded again.")
    from regdraft.workspace.vote_counts import committee_members, counts_refusal

    given = members is not None
    members = members if given else committee_members(ws)  # the committee's size, when set
    wrong = counts_refusal(for_, against, abstain, members, MAX_COUNT,
                           "" if given or members is None else " (regdraft.yaml's committee_members)")
    if wrong is not None:
        raise UsageError(wrong, options=("members",) if given or members is None else ())
    from regdraft.workspace.vote_quorum import attendance_refusal, quorum_setting, shown

    absent = attendance_refusal(present, for_ + against + abstain, members, MAX_COUNT)
    if absent is not None:
        raise UsageError(absent, options=("present",))
    quorum = quorum_setting(ws)
    voted = vote_day(date, force, slug)
    # The text voted on is the one committed: instructions changed since the last commit are the drafter's next
    # draft or the conference's own changes, which are committed (and voted on) first. Its revision is the last
    # commit that wrote it, the same when the same vote is recorded again (nothing to record).
    written = ws.log(relative, limit=1)
    head = written[0].sha if written else ws.resolve("HEAD").sha
    committed = load(ws, slug, head)
    if ws.dirty([relative]) and fingerprint(committed) != fingerprint(amendment):
        raise StoreError(f"{relative} has changes to its instructions that are not committed; a vote is recorded on "
                         f"the text as committed: commit the text the conference voted on, then record the vote. "
                         f"Nothing was recorded.")
    try:
        replaced, unreadable = load_vote(ws, slug), ""
    except RegdraftError:  # a vote file put right by recording the vote again (`unreadable_vote`)
        replaced, unreadable = None, vote_path(slug)
    refused = date_refusals(ws, slug, voted, committed.draft, replaced)
    if refused and force is None:
        raise RegdraftError(date_refusal(slug, voted, refused, for_, against, abstain, members, present))
    vote = Vote(for_, against, abstain, voted.isoformat(), members, committed.draft, head, fingerprint(committed),
                present, shown(quorum) if quorum is not None else "")
    data: dict[str, object] = {
        "for": vote.for_, "against": vote.against, "abstain": vote.abstain, "members": vote.members,
        "date": vote.date, "majority": vote.majority, "draft": vote.draft, "revision": vote.revision,
        "instructions": vote.instructions}
    from regdraft.workspace.vote_quorum import below_quorum

    short = below_quorum(vote)
    if present is not None:  # written only when known: a vote file of an earlier version reads as before
        data["present"] = present
    if vote.quorum:
        data["quorum"] = vote.quorum
        data["quorate"] = short is None if present is not None and members is not None else None
    text = dump_yaml(data, sort_keys=False, allow_unicode=True)
    lines = [f"Record the conference vote on {slug}: {for_} for, {against} against, {abstain} abstaining"]
    if short is not None:
        lines += ["", f"Below quorum: {short} (regdraft.yaml's vote_quorum); a vote below quorum does not count."]
    if replaced is not None or unreadable:
        lines += ["", f"{REPLACES}{described(replaced)}." if replaced is not None
                  else f"{REPLACES}the vote recorded before, whose file could not be read."]
    if refused and force is not None:
        lines += ["", f"{CORRECTED}{' '.join(force.split())}", *(f"- {clause}" for clause in refused)]
    ws.commit({vote_path(slug): text.encode("utf-8")}, "\n".join(lines))
    return Recorded(vote, replaced, unreadable)


_KEYS = "keys: for, against, abstain, date, members; draft, revision, instructions; present, quorum"
_MEANT = {"for": "the votes for", "against": "the votes against", "abstain": "the members abstaining",
          "date": "the date the conference voted", "members": "the members entitled to vote",
          "draft": "the draft number voted on", "present": "the members present"}


class _Unreadable(Exception):
    """Why a vote file cannot be read (a clause), and the key or the line it is about (0: the file as a whole)."""

    def __init__(self, why: str, key: str = "", line: int = 0) -> None:
        super().__init__(why)
        self.why, self.key, self.line = why, key, line


def load_vote(ws: Workspace, slug: str) -> Vote | None:
    """The recorded vote on an amendment, or None; a `RegdraftError` saying why when its file cannot be read."""
    path = vote_path(slug)
    if not ws.exists(path):
        return None
    text = ws.read(path)
    if (size := size_of(text)) > MAX_YAML_BYTES:
        raise RegdraftError(f"{path}: {too_long(size, MAX_YAML_BYTES, 'this vote')}.")
    try:
        return _read(text)
    except _Unreadable as exc:
        if exc.key == "revision":
            raise RegdraftError(f"{path}: cannot read the vote: {exc.why}.") from None
        raise RegdraftError(f"{path}: cannot read the vote ({_KEYS}). {exc.why[:1].upper()}{exc.why[1:]}.") from None


def unreadable_vote(ws: Workspace, slug: str) -> Problem | None:
    """`regdraft check`: the vote file of amendment `slug` when it cannot be read, at the line at fault (its key's),
    saying why and how to put it right; None when it reads, or there is none. Adoption refuses such a file; `check`
    said nothing of it."""
    path = vote_path(slug)
    if not ws.exists(path):
        return None
    text = ws.read(path)
    record = Command.of("amend vote", slug, for_=None, against=None, abstain=None, date=None)
    if (size := size_of(text)) > MAX_YAML_BYTES:
        return Problem(f"{too_long(size, MAX_YAML_BYTES, 'this vote')}; record the vote again with `{record}`.", path)
    try:
        _read(text)
    except _Unreadable as exc:
        from regdraft.core.comment_yaml import key_lines

        line = exc.line or (key_lines(text).get(exc.key, 1) if exc.key else 0)
        return Problem(f"the conference vote recorded here cannot be read: {exc.why}. Put the file right, or record "
                       f"the vote again with `{record}`.", path, line)
    return None


def _read(text: bytes) -> Vote:
    """The vote a vote file's bytes hold; `_Unreadable` when they hold none."""
    try:
        data = load_yaml(strict_text(text))  # UTF-16 ("Unicode") too
    except Unreadable as exc:
        raise _Unreadable(exc.why.replace("the line", f"its line {exc.line}", 1), line=exc.line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        said = " ".join(str(getattr(exc, "problem", None) or "its layout is wrong").split())
        raise _Unreadable(f"it is not written as `amend vote` writes it, one `key: value` a line ({said})",
                          line=mark.line + 1 if mark is not None else 1) from None
    data = {} if data is None else data
    if not isinstance(data, dict):
        raise _Unreadable("it holds no `key: value` lines (for, against, abstain, date)", line=1)
    for key in ("for", "against", "abstain", "date"):
        if key not in data:
            raise _Unreadable(f"it has no `{key}:` ({_MEANT[key]})")
    members, draft = data.get("members"), data.get("draft")
    revision = str(data.get("revision") or "")
    if revision and not _COMMIT.fullmatch(revision):  # a commit id, never a name git reads (`HEAD@{5}`, `--x`)
        raise _Unreadable("its revision is not a commit id (7 to 40 hexadecimal digits, as regdraft records a vote)",
                          "revision")
    from regdraft.workspace.vote_quorum import share

    quorum = data.get("quorum")
    if quorum is not None and share(quorum) is None:
        raise _Unreadable(f"`quorum` (the share of members that had to be present) is {_shown(quorum)}, not a "
                          "fraction such as 2/3", "quorum")
    present = data.get("present")
    return Vote(_count(data, "for"), _count(data, "against"), _count(data, "abstain"), _date(data["date"]),
                _count(data, "members") if members is not None else None,
                _count(data, "draft") if draft is not None else None, revision, str(data.get("instructions") or ""),
                _count(data, "present") if present is not None else None, str(quorum or "").replace(" ", ""))


def _count(data: dict[object, object], key: str) -> int:
    """A count or draft number of a vote file: a whole number from 0 to `MAX_COUNT` (`.inf`, `1e400`, `yes` and
    `2.5` are none)."""
    value = data[key]
    try:
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError(value)
        number: int = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        number = -1
    if not 0 <= number <= MAX_COUNT:
        raise _Unreadable(f"`{key}` ({_MEANT[key]}) is {_shown(value)}, not a whole number from 0 to {MAX_COUNT:,}",
                          key)
    return number


def _date(value: object) -> str:
    """The vote's date as `YYYY-MM-DD`."""
    try:
        return (value if isinstance(value, dt.date) and not isinstance(value, dt.datetime)
                else dt.date.fromisoformat(str(value))).isoformat()
    except ValueError:
        raise _Unreadable(f"`date` ({_MEANT['date']}) is {_shown(value)}, not a date (write it as 2025-03-20)",
                          "date") from None


def _shown(value: object) -> str:
    """A value of the file as a drafter reads it, cut short (`'twenty'`, `[1, 2]`, `nothing`)."""
    shown = "nothing" if value is None else f"“{value}”" if isinstance(value, str) else \
        str(value).lower() if isinstance(value, bool) else str(value)
    return shown if len(shown) <= 40 else shown[:39] + "…"


def vote_majority(ws: Workspace, slug: str) -> bool:
    """True when a vote is recorded for the amendment and it carried a majority."""
    vote = load_vote(ws, slug)
    return vote is not None and vote.majority


def vote_refusal(ws: Workspace, slug: str) -> str | None:
    """What is missing of the conference vote adoption requires (None: a majority is recorded)."""
    vote = load_vote(ws, slug)
    if vote is None:
        return (f"regdraft.yaml requires a conference vote majority before adoption, and no vote is recorded "
                f"for '{slug}'")
    from regdraft.workspace.vote_counts import basis, counts, members_since, since_setting

    if not vote.majority:
        return (f"the conference vote on '{slug}' ({counts(vote)}) is not a majority ({basis(vote)}), which "
                f"regdraft.yaml requires before adoption")
    members = members_since(ws, vote)
    if members is not None and vote.for_ * 2 <= members:  # `vote_counts`, post-condition 4
        return (f"the conference vote on '{slug}' ({counts(vote)}) is not known to be a majority, which regdraft.yaml "
                f"requires before adoption: {since_setting(vote, members)}")
    from regdraft.workspace.vote_quorum import below_quorum

    short = below_quorum(vote)
    if short is not None:
        return (f"the conference vote on '{slug}' ({counts(vote)}) was taken below quorum: {short}; regdraft.yaml "
                f"requires a vote that counts before adoption")
    return None


def fingerprint(amendment: Amendment) -> str:
    """`sha256:…` of the amendment's instructions (each amending article's, as `render_amendment` writes them): the
    same for a text whose front matter alone changed, another for any changed word of an instruction."""
    digest = hashlib.sha256()
    for reg_id, article in amendment.amending_articles:
        digest.update(f"{reg_id}\0{article.label}\0".encode())
        for ins in amendment.for_regulation(reg_id).instructions:
            digest.update(instruction_markdown(ins).encode("utf-8") + b"\0")
    # The rest of the text voted on (r27 sweep R2): its bases and its own articles (entry into force, implementation).
    for paragraph in amendment.preamble:
        digest.update(b"p\0" + " ".join(paragraph.split()).encode("utf-8") + b"\0")
    for kept in _kept_articles(amendment):
        digest.update(b"a\0" + _article_text(kept).encode("utf-8") + b"\0")
    return f"sha256:{digest.hexdigest()}"


def _kept_articles(amendment: Amendment) -> tuple[DocumentArticle, ...]:
    return (*amendment.opening, *amendment.closing)


def _article_text(article: DocumentArticle) -> str:
    return "\0".join((article.label, article.title or "", *(" ".join(p.split()) for p in article.paragraphs)))


def changed_since_vote(ws: Workspace, amendment: Amendment) -> str | None:
    """What changed in the amendment's instructions since the vote recorded on it, as a clause
    (`the conference voted on draft 2 on 2025-03-20, and its text changed since: khoản 7 Điều 1 changed`);
    None when they are those voted on, or no vote (or a vote recording no text) is recorded."""
    vote = load_vote(ws, amendment.slug)
    if vote is None or not vote.instructions or fingerprint(amendment) == vote.instructions:
        return None
    on = f"draft {vote.draft}" if vote.draft is not None else "the text"
    at = f" (commit {vote.revision[:8]})" if vote.revision else ""
    what = _what_changed(ws, amendment, vote)
    now = f"; it is now draft {amendment.draft}" if amendment.draft is not None and amendment.draft != vote.draft \
        else ""
    return (f"the conference vote of {vote.date} was taken on {on} of {amendment.name}{at}, and its text "
            f"changed since{': ' + what if what else ''}{now}")


def changed_ungated(ws: Workspace, amendment: Amendment) -> str | None:
    """`changed_since_vote` when `regdraft.yaml` does not require a vote majority: adoption warns of it and records it
    in its commit instead of refusing. None when the workspace requires the vote (its gate refuses the change)."""
    return None if ws.config.get("require_vote_majority") else changed_since_vote(ws, amendment)


def adoption_notes(ws: Workspace, amendment: Amendment) -> list[str]:
    """What the adoption of `amendment` says of its vote, each a clause (`vote_counts`, post-condition 3); of its votes
    on parts, `vote_parts.adoption_part_notes`."""
    gated = bool(ws.config.get("require_vote_majority"))
    try:
        vote = load_vote(ws, amendment.slug)
    except RegdraftError:
        return []  # the gate, or `check`, names a vote file that cannot be read
    return _whole_notes(ws, amendment, vote, gated)


def _whole_notes(ws: Workspace, amendment: Amendment, vote: Vote | None, gated: bool) -> list[str]:
    """What the adoption says of the vote on the whole document (`adoption_notes`)."""
    from regdraft.workspace.vote_counts import MEMBERS_SETTING, basis, counts, members_since, since_setting

    if vote is None:  # an adopted amendment's vote is not recorded afterwards: no command to name
        return [] if gated or amendment.draft is None else [f"no conference vote is recorded on {amendment.name}"]
    from regdraft.workspace.vote_quorum import below_quorum

    short = [] if gated or (said := below_quorum(vote)) is None else [
        f"the conference vote ({counts(vote)}) was taken below quorum: {said}"]
    if not vote.majority:
        return [] if gated else [*short, f"the conference vote ({counts(vote)}) was not a majority: a majority is "
                                 f"{basis(vote)}"]
    if short:
        return short
    if vote.members is None and (members := members_since(ws, vote)) is not None:
        return [f"the conference vote ({counts(vote)}): {since_setting(vote, members)}"]
    if vote.members is None:
        return [f"the conference vote ({counts(vote)}) was counted a majority of the votes cast: {basis(vote)} "
                f"(`{MEMBERS_SETTING}` in regdraft.yaml gives the committee's size to the votes recorded after)"]
    return []


def _what_changed(ws: Workspace, amendment: Amendment, vote: Vote) -> str:
    """`khoản 7 Điều 1 changed, khoản 9 Điều 1 added`: the instructions changed against the text voted on, ""
    when that text can no longer be read (its commit gone from a copy rewritten since)."""
    from regdraft.core.amend.instruction_changes import instruction_changes, worded
    from regdraft.core.amend.staged import cite_places

    if not vote.revision:
        return ""
    try:
        voted = load(ws, amendment.slug, vote.revision)
    except RegdraftError:
        return ""
    said = worded(instruction_changes(voted, amendment), voted, amendment)
    if [" ".join(p.split()) for p in voted.preamble] != [" ".join(p.split()) for p in amendment.preamble]:
        said.append("its bases changed")
    before = {a.label: _article_text(a) for a in _kept_articles(voted)}
    for kept in _kept_articles(amendment):
        if before.pop(kept.label, None) != _article_text(kept):
            said.append(f"{cite_places(((kept.label, ''),), amendment.language)} changed")
    said += [f"{cite_places(((label, ''),), amendment.language)} removed" for label in before]
    return ", ".join(said)


def vote_change_fix(amendment: Amendment, vote: Vote | None = None) -> str:
    """The two ways out of instructions changed since the vote: vote again on this text, or undo the change."""
    record = Command.of("amend vote", amendment.slug, for_=None, against=None, abstain=None, date=None)
    shown = f" (`{Command.git('show', f'{vote.revision[:8]}:{amendment.source}')}` shows it)" \
        if vote is not None and vote.revision else ""  # quoted: vote.yaml's revision is a colleague's text
    return (f"have the conference vote on this text and record it with `{record}`, or undo the change so that the "
            f"text reads as voted{shown}")


def vote_warnings(ws: Workspace, slug: str, vote: Vote) -> list[Problem]:
    """Warnings on a vote just recorded: each comment round on the amendment still open (a conference votes on a
    draft once its comments are in; the vote is recorded, as it was held, and adoption waits for the round)."""
    from regdraft.core.comments import RoundStatus
    from regdraft.core.layout import rounds_folder

    on = f"draft {vote.draft}" if vote.draft is not None else "the text as committed"
    return [Problem(f"comment round {r.number} on {slug} (draft {r.draft}, comments due {r.due}) is still open: the "
                    f"vote was recorded on {on}, a draft still out for comment. Close the round once its comments "
                    f"are in (`{Command.of('round close', slug, number=r.number)}`); if the conference voted on a "
                    f"later draft, commit it and record the vote again", f"{rounds_folder(slug)}/{r.number}.yaml",
                    warning=True)
            for r in load_rounds(ws, slug) if r.status is RoundStatus.OPEN]

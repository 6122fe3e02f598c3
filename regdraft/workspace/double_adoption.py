"""The same amendment adopted in two clones, met by `sync` (r34 sweep BD defect 3).

Both clones adopt `qc-sua-doi-2025`, with other dates; the first to sync shares its adoption (commit and tag, perhaps
announced already). The second sync replayed the other adoption on top of it: a conflict on the front matter that
never said both had adopted the document, and, resolved with `--ours`, two adoption commits whose tag and file give
two effective dates. Now the sync recognises a commit of yours that adopts an amendment the remote's branch has
adopted already (`adopted_there`): a rebase sets it aside, keeping the colleague's adoption, and says so
(`set_aside`); a merge, which cannot leave one commit out, refuses before anything is changed (`refusal`).

Only a real adoption on the remote sets yours aside: a commit adopting the amendment (its subject as `amend adopt`
writes it) that changes a regulation, and a signed and an effective date that are dates. A commit setting only the
front matter to `status: adopted` (no text amended, `effective: [1, 2, 3]`) made the sync drop your real adoption and
keep it (r35 sweep BH F2); now the sync refuses before git starts and says what is on the remote (`refuse_unproven`).
Changing "a regulation" was no proof either: an empty `regulations/.keep`, or a blank line, passed (r36 sweep BK F3);
each regulation the amendment amends must now read as the amendment applied to it (`adoption_proof`). Nor is a
commit that rewrites the amendment's text while adopting it, which `amend adopt` never does (r37 sweep BP F1); and
when the remote adopted another text than yours, or changed the text you adopted, the sync refuses before git starts
and says what differs (`_refuse_other_text`, `adopted_text`): it set yours aside as a matter of dates, and 13 of
14 changes left the regulation (r37 sweep BP F2).
Every value the remote supplies (an author, a date, a number) is printed as `text.shown_name` shows it: an escape
sequence in a git author's name cleared the screen and set the window title (r35 sweep BH F3).

Nothing here runs git: the commits and files are read through the workspace.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.dates import read_date
from regdraft.core.errors import StoreError
from regdraft.core.layout import REGULATIONS, amendment_path
from regdraft.core.text import shown_name
from regdraft.workspace.adopted_text import changed_by, difference, named, rewrites
from regdraft.workspace.adoption_proof import front_at, not_applied
from regdraft.workspace.adoption_subjects import SUBJECT

if TYPE_CHECKING:
    from regdraft.workspace.store import CommitInfo, Workspace

_ADOPTS = SUBJECT
# What the sentences of a set-aside adoption begin with (the sync report reads it to say nothing of "the same changes").
OPENING = "Both you and "


@dataclass(frozen=True, slots=True)
class Adoption:
    """One clone's adoption of an amendment: by whom, with what dates, in which commit; each value as a message shows
    it (`shown_name`)."""

    slug: str
    number: str
    author: str
    signed: str
    effective: str
    sha: str

    def dates(self) -> str:
        return f"signed {self.signed}, in force from {self.effective}"


def adopted_slug(commit: CommitInfo) -> str:
    """The slug of the amendment a commit adopts (`Adopt amendment 05-QC/TU (qc-sua-doi-2025) to …`), or ""."""
    found = _ADOPTS.match(commit.subject)
    return found.group(2) if found else ""


def adopted_number(commit: CommitInfo) -> str:
    """The number of the amendment a commit adopts (`05-QC/TU`), or ""."""
    found = _ADOPTS.match(commit.subject)
    return found.group(1) if found else ""


def adopted_there(ws: Workspace, commit: CommitInfo, theirs: str, incoming: list[CommitInfo]) -> Adoption | None:
    """The remote's adoption of the amendment `commit` adopts, when the remote's branch (`theirs`) has that amendment
    adopted already; None when `commit` adopts nothing or the remote has not adopted it. `incoming` are the
    remote's commits this clone lacks, the adoption among them (its author and commit); else "a colleague"."""
    found = _remote_adoption(ws, commit, theirs, incoming)
    return found[0] if found is not None and not found[1] else None


def _remote_adoption(ws: Workspace, commit: CommitInfo, theirs: str, incoming: list[CommitInfo]
                     ) -> tuple[Adoption, list[str]] | None:
    """The remote's adoption of the amendment `commit` adopts, with what makes it no real one (`_unproven`: none
    when it is one); None when `commit` adopts nothing or the remote's copy of the amendment is not adopted."""
    subject = _ADOPTS.match(commit.subject)
    if subject is None:
        return None
    slug = subject.group(2)
    there = front_at(ws, slug, theirs)
    if there.get("status") != "adopted":
        return None
    found = next((c for c in reversed(incoming) if adopted_slug(c) == slug), None)
    number = shown_name(str(there.get("number") or subject.group(1)))
    adoption = Adoption(slug, number, shown_name(found.author) if found else "a colleague", _date(there, "signed"),
                        _date(there, "effective"), found.sha if found else theirs)
    return adoption, _unproven(ws, slug, there, found)


def _unproven(ws: Workspace, slug: str, there: dict[str, object], found: CommitInfo | None) -> list[str]:
    """What makes the remote's `status: adopted` no adoption `amend adopt` made: no commit adopting it came in, the
    one that did changed no regulation, or not as the amendment applied to it does (`adoption_proof`), a date is not
    a date."""
    wrong: list[str] = []
    if found is None:
        wrong.append("no commit that came in adopts it (only its front matter says so)")
    elif not any(path.startswith(f"{REGULATIONS}/") and not path.startswith(f"{REGULATIONS}/history/")
                 for _, path in found.files):
        changed = ", ".join(shown_name(path) for _, path in found.files[:3]) or "nothing"
        wrong.append(f"the commit saying so ({found.sha[:8]} by {shown_name(found.author)}) amends no regulation: "
                     f"it changes {changed} only")
    else:  # an adoption sets the front matter only: one rewriting the text proves nothing (r37 sweep BP F1)
        rewritten = rewrites(ws, slug, found)
        wrong.extend([rewritten] if rewritten else not_applied(ws, slug, found))
    for key, what in (("signed", "signing"), ("effective", "effective")):
        if read_date(there.get(key)) is None:
            wrong.append(f"its {what} date ({_date(there, key)}) is not a date")
    return wrong


def local_adoption(ws: Workspace, commit: CommitInfo) -> Adoption:
    """This clone's adoption `commit`, as its copy of the amendment records it."""
    slug = adopted_slug(commit)
    mine = front_at(ws, slug, commit.sha)
    return Adoption(slug, str(mine.get("number") or ""), commit.author, _date(mine, "signed"),
                    _date(mine, "effective"), commit.sha)


def set_aside(theirs: Adoption, mine: Adoption, remote: str) -> str:
    """The report's sentence for an adoption of yours the sync left out, keeping the remote's."""
    return (f"{OPENING}{theirs.author} adopted {theirs.slug} ({theirs.number}). {theirs.author}'s adoption was on "
            f"{remote} first ({theirs.dates()}) and is kept: the office has it, and it may have been announced. "
            f"Yours ({mine.dates()}, commit {mine.sha[:8]}) was set aside and not sent. {_correcting(theirs, mine)}")


def refusal(theirs: Adoption, mine: Adoption, remote: str, reason: str) -> str:
    """The sentence refusing a merge that would bring a second adoption of one amendment in."""
    return (f"Refusing to sync: {OPENING.lower()}{theirs.author} adopted {theirs.slug} ({theirs.number}). "
            f"{theirs.author}'s adoption is on {remote} already ({theirs.dates()}); yours ({mine.dates()}, commit "
            f"{mine.sha[:8]}) is only here, and the sync must merge rather than replay your work ({reason}), so it "
            f"cannot leave your adoption out. Undo yours with "
            f"`{Command.git('revert', mine.sha[:8], switches=('no-edit',))}`, then run `{Command.of('sync')}` again. "
            f"{_correcting(theirs, mine, 'will hold')} Nothing was changed.")


def stopped_there(ws: Workspace, remote: str, incoming: list[CommitInfo], theirs: str) -> str:
    """The report's sentence when a stopped rebase was replaying your adoption of an amendment the remote's branch
    (`theirs`) has adopted already (with other dates, git stops on the front matter); "" otherwise."""
    commit = ws.stopped_commit()
    if ws.operation() != "rebase" or commit is None or not adopted_slug(commit):
        return ""
    there = adopted_there(ws, commit, theirs, incoming)
    return set_aside(there, local_adoption(ws, commit), remote) if there is not None else ""


def refuse_merge(ws: Workspace, remote: str, incoming: list[CommitInfo], theirs: str, local: list[CommitInfo],
                 reason: str) -> None:
    """`StoreError`, before git starts, when a merge would bring in the remote's adoption of an amendment one of
    your commits (`local`) adopts too: a merge cannot leave yours out, and would end with two."""
    from regdraft.core.errors import StoreError

    head = local[-1].sha if local else ""
    for commit in local:
        if front_at(ws, adopted_slug(commit), head).get("status") != "adopted":
            continue  # no adoption, or one undone since (`git revert`, as the refusal says)
        there = adopted_there(ws, commit, theirs, incoming)
        if there is not None:
            raise StoreError(refusal(there, local_adoption(ws, commit), remote, reason))


def refuse_unproven(ws: Workspace, remote: str, before: str, theirs: str, local: list[CommitInfo]) -> None:
    """`StoreError`, before git starts, when one of your commits (`local`) adopts an amendment the remote's branch
    (`theirs`) says is adopted without a real adoption (`_unproven`): the sync would set your adoption aside for it,
    or stop on the front matter."""
    adopting = [commit for commit in local if adopted_slug(commit)]
    if not adopting:
        return
    head = local[-1].sha
    incoming = ws.commits(before or None, theirs)
    arrived = ws.commits(head, theirs)  # the remote's commits your branch lacks (`incoming` less an earlier round's)
    for commit in adopting:
        if front_at(ws, adopted_slug(commit), head).get("status") != "adopted":
            continue  # undone since
        found = _remote_adoption(ws, commit, theirs, incoming)
        if found is not None and found[1]:
            raise StoreError(_unproven_refusal(*found, local_adoption(ws, commit), remote))
        _refuse_other_text(ws, remote, commit, theirs, found[0] if found is not None else None, arrived)


def _refuse_other_text(ws: Workspace, remote: str, commit: CommitInfo, theirs: str, there: Adoption | None,
                       arrived: list[CommitInfo]) -> None:
    """`StoreError` when your adoption `commit` adopted another text of its amendment than the remote's adoption
    (`there`) did, or than the remote's branch (`theirs`) holds after changing it (`arrived`: its commits you lack):
    git would set yours aside over a difference of dates, or mark the remote's text adopted with the regulation
    amended by yours (r37 sweep BP F1, F2)."""
    mine = local_adoption(ws, commit)
    changers = changed_by(ws, mine.slug, arrived)
    if there is not None:
        clause = difference(ws, mine.slug, commit.sha, there.sha, "yours")
        if clause is not None:
            raise StoreError(_other_text_refusal(there, mine, remote, clause, changers))
    elif changers:
        clause = difference(ws, mine.slug, commit.sha, theirs, "the text you adopted")
        if clause is not None:
            raise StoreError(_changed_text_refusal(ws, mine, remote, clause, changers))


def _unproven_refusal(theirs: Adoption, wrong: list[str], mine: Adoption, remote: str) -> str:
    """The sentence refusing to sync over a remote `status: adopted` that is no adoption."""
    relative = amendment_path(theirs.slug)
    who = theirs.author if theirs.author != "a colleague" else "whoever changed it"
    undo = (f"`{Command.git('revert', theirs.sha[:8], switches=('no-edit',))}` in their clone, then "
            f"`{Command.of('sync')}`" if theirs.author != "a colleague" else f"`{Command.of('check')}` names it")
    return (f"Refusing to sync: on {remote}, {relative} says {theirs.slug} ({theirs.number}) is adopted, but that is "
            f"no adoption regdraft made: {'; '.join(wrong)}. Your adoption ({mine.dates()}, commit {mine.sha[:8]}) "
            f"stays here, not sent, and nothing was changed. Ask {who} to undo that change on {remote} ({undo}); "
            f"then run `{Command.of('sync')}` again, which sends your adoption.")


def _other_text_refusal(theirs: Adoption, mine: Adoption, remote: str, clause: str,
                        changers: list[CommitInfo]) -> str:
    """The sentence refusing to sync when the remote adopted another text of the amendment than you did."""
    changed = f" On {remote}, its text was changed in {named(changers)}." if changers else ""
    return (f"Refusing to sync: {OPENING.lower()}{theirs.author} adopted {theirs.slug} ({theirs.number}), but not the "
            f"same text. {theirs.author}'s adoption on {remote} ({theirs.dates()}, commit {theirs.sha[:8]}) adopted "
            f"a text that differs from yours ({mine.dates()}, commit {mine.sha[:8]}): it has {clause}.{changed} "
            f"Your adoption stays here, not sent, and nothing was changed. Settle with {theirs.author} which text "
            f"was adopted. If it is {theirs.author}'s, take your adoption out of your history with "
            f"`{_taken_out(mine)}` and run `{Command.of('sync')}` again, which brings {theirs.author}'s in. If it is "
            f"yours, tell {theirs.author}: that adoption is on {remote} and may have been announced, regdraft has "
            "no command that changes an adopted text, and the sync refuses until one of the two is left out.")


def _changed_text_refusal(ws: Workspace, mine: Adoption, remote: str, clause: str,
                          changers: list[CommitInfo]) -> str:
    """The sentence refusing to sync when the remote changed the text of an amendment you adopted."""
    who = changers[-1].author
    tag = next((name for name, tag in ws.tags().items() if tag.commit == mine.sha), "")
    untag = f" and `{Command.git('tag', tag, switches=('d',))}`" if tag else ""
    undo = Command.git("revert", *(c.sha[:8] for c in reversed(changers)), switches=("no-edit",))
    return (f"Refusing to sync: you adopted {mine.slug} ({mine.number}; {mine.dates()}, commit {mine.sha[:8]}), "
            f"but on {remote} its text was changed since, in {named(changers)}: it has {clause}. Replayed there, "
            "your adoption would mark that text adopted while the regulation reads as the text you adopted, and "
            f"`{Command.of('check')}` would fail for everyone. Your adoption stays here, not sent, and nothing was "
            f"changed. Settle with {shown_name(who)} which text is to be adopted. If it is {remote}'s, take your "
            f"adoption out of your history with `{_taken_out(mine)}`{untag}, run `{Command.of('sync')}`, and adopt "
            f"it again. If it is yours, ask {shown_name(who)} to undo that change on {remote} (`{undo}` in their "
            f"clone, then `{Command.of('sync')}`), then run `{Command.of('sync')}` again.")


def _taken_out(mine: Adoption) -> Command:
    """`git rebase --onto 3eb4bfbf^ 3eb4bfbf`: your adoption commit left out of your branch, your later work kept."""
    return Command.git("rebase", f"{mine.sha[:8]}^", mine.sha[:8], switches=("onto",))


def _correcting(theirs: Adoption, mine: Adoption, holds: str = "now holds") -> str:
    if (theirs.signed, theirs.effective) == (mine.signed, mine.effective):
        return "The dates are the same."
    return ("regdraft has no command that changes the dates of an adopted amendment: if yours were the right ones, "
            f"tell {theirs.author}, as the workspace {holds} {theirs.author}'s dates everywhere (the text in force on "
            "every day, and the exports).")


def _date(meta: dict[str, object], key: str) -> str:
    value = meta.get(key)
    return shown_name(str(value)) if value else "no date"

"""Adoption tags left on an adoption that is no longer in force (r37's note): a forged adoption pushed with its tag,
then undone with `git revert`, left the remote's `adopted/…` tag on the reverted commit, and every sync copied it in
(over the tag of the drafter's real adoption) as a tag "already on the remote". Tags on a remote never move, and
regdraft deletes none there: it says which tag is stale and the commands that delete it.

Post-conditions:
1. `staleness(ws, head)` gives, for each adoption tag here (`refs/tags/adopted/…`) and each one a remote had at the
   last fetch, why it is stale: its commit is not in the history of `head`, or a commit there undid it with
   `git revert` (a revert reverted puts it back), or, whatever the undoing commit's message says (a revert's message
   edited, `git commit --amend -m …`; the adoption undone by hand), `head` holds the amending document the adoption
   changed as it was before it (`History.put_back`), or its commit adopts nothing (a comment's commit, tagged
   `adopted/…` by hand on a remote: copied in, it refused the adoption of that number). A few gits for any number of
   tags; a tag on a blob or a tree is left to `terms.tag_problems`.
2. `remote_note` and `local_note` are the sentences a sync reports (the remote's tag is not copied in, nor a stale
   tag of yours sent); `stale_tag_problems` the warnings `check` gives, as of the last sync's fetch. Each names the
   tag, its commit, why, and the `git push --delete REMOTE TAG` or `git tag -d TAG` that removes it; nothing is
   deleted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.text import shown_name
from regdraft.workspace.store_sync import ADOPTION_TAGS

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace
    from regdraft.workspace.store_sync import Tag


OFF_BRANCH = "which is not in the history of main"
ADOPTS_NOTHING = "which adopts nothing"


class Staleness:
    """Why adoption tags are stale as of one commit of the branch (post-condition 1)."""

    def __init__(self, ws: Workspace, head: str) -> None:
        self.ws, self.head = ws, head
        self._merged: dict[str, set[str]] = {}
        self._undone: dict[str, str] | None = None
        self._put_back: dict[str, dict[str, tuple[str, str]]] = {}
        self._subjects: dict[str, dict[str, str]] = {}  # each tag's commit's subject, by namespace

    def why(self, tag: Tag, namespace: str = ADOPTION_TAGS) -> str:
        """Why the tag is stale ("" when it is not): a clause following "names commit X (…),"."""
        if tag.kind not in ("commit", "tag") or not self.head:
            return ""
        if namespace not in self._merged:
            self._merged[namespace] = self.ws.tags_merged(namespace, self.head)
        if tag.name not in self._merged[namespace]:
            return OFF_BRANCH
        if self._undone is None:
            self._undone = self.ws.undone(self.head)
        undoing = self._undone.get(tag.commit)
        if undoing:
            return f"which commit {undoing[:8]} undid since (`git revert`)"
        if namespace not in self._put_back:  # the adoptions undone whatever the undoing commit says: by content
            tags = self.ws.tags(namespace)
            self._put_back[namespace] = self.ws.put_back(sorted({
                t.commit for name, t in tags.items() if name in self._merged[namespace] and t.kind in ("commit", "tag")
            }), self.head)
        undone = self._put_back[namespace].get(tag.commit)
        if undone:
            return f"which commit {undone[0][:8]} undid since (it put {undone[1]} back as it was before the adoption)"
        return ADOPTS_NOTHING if self.adopts_nothing(tag, namespace) else ""

    def adopts_nothing(self, tag: Tag, namespace: str = ADOPTION_TAGS) -> bool:
        """Whether the tag's commit is no adoption at all (a comment's, a hand edit's): such a tag, copied in, blocked
        the adoption of its number ("already names a commit that adopts nothing") and came back after each
        `git tag -d` (r40 sweep CE F5). Its subject says, as `terms.tagged_slug` reads it: one git a namespace."""
        from regdraft.workspace.terms import ADOPTS

        if namespace not in self._subjects:
            self._subjects[namespace] = self.ws.tag_subjects(namespace)
        subject = self._subjects[namespace].get(tag.name)
        return subject is not None and ADOPTS.match(subject) is None

    def subject(self, tag: Tag) -> str:
        """The tagged commit's subject, as a message shows it ("" when it cannot be read)."""
        try:
            return shown_name(self.ws.resolve(tag.commit).subject)
        except RegdraftError:
            return ""

    def source(self, tag: Tag) -> str:
        """The file `check` names for the tag: the amendment its commit adopts, else the tag's ref."""
        from regdraft.core.layout import amendment_path
        from regdraft.workspace.terms import tagged_slug

        try:
            slug = tagged_slug(self.ws.resolve(tag.commit))
        except RegdraftError:
            slug = ""
        return amendment_path(slug) if slug else f"refs/tags/{tag.name}"


def remote_note(remote: str, tag: Tag, why: str, subject: str, mine: str | None = None, *, syncing: bool = True
                ) -> str:
    """The sentence for a tag of the remote's that is stale (`syncing`: the sync did not copy it in) and how to delete
    it there; `mine`: the commit of your own tag of that name, on an adoption in force, kept here."""
    named = f'commit {tag.commit[:8]}{f" (“{subject}”)" if subject else ""}'
    yours = f" Your tag {tag.name} (on {mine[:8]}) stays here, not sent until then." if mine else ""
    return (f"Tag {tag.name} on {remote} names {named}, {why}: it tags no adoption in force"
            f"{', so it was not copied here' if syncing else ''}. Tags on the shared remote never move and regdraft "
            f"deletes none there: whoever looks after {remote} deletes it with "
            f"`{Command.git('push', remote, tag.name, switches=('delete',))}`, each clone that has it with "
            f"`{Command.git('tag', tag.name, switches=('d',))}`, then `{Command.of('sync')}`.{yours}")


def local_note(tag: Tag, why: str, subject: str, remote: str = "") -> str:
    """The sentence for a tag of yours that is stale: not sent, and how to delete it (`remote`: one that has it too)."""
    named = f'commit {tag.commit[:8]}{f" (“{subject}”)" if subject else ""}'
    there = (f" (and on {remote}, which has it too: `{Command.git('push', remote, tag.name, switches=('delete',))}`)"
             if remote else "")
    return (f"Your tag {tag.name} names {named}, {why}: it tags no adoption in force and is not sent. Delete it with "
            f"`{Command.git('tag', tag.name, switches=('d',))}`{there}; `{Command.of('check', repair=True)}` then "
            "tags the adoption in force, if there is one.")


def stale_tag_problems(ws: Workspace) -> list[Problem]:
    """`regdraft check`: each adoption tag here that names an adoption no longer in force on this branch, and each one
    a remote had at the last fetch that names one no longer in force on its branch (post-condition 2)."""
    from regdraft.workspace.memory import MemoryWorkspace

    if isinstance(ws, MemoryWorkspace):
        return []  # a workspace kept in memory: no git tags (it has the methods, and no repository to ask)
    try:
        if not ws.any_ref(ADOPTION_TAGS, "refs/regdraft/"):
            return []  # no adoption tag: GitPython is not loaded for nothing (a warm `check` loads none)
        local = ws.tags()
        staleness = Staleness(ws, ws.head() or "")
        problems = []
        theirs = {remote: ws.remote_tags(remote) for remote in ws.remotes()}
        try:
            branch = ws.writable_branch().removeprefix("refs/heads/") if theirs else ""
        except RegdraftError:
            branch = "main"  # detached, or no commit yet: the branch a sync shares
        named = _named_by_tag_problems(ws)
        for name, tag in sorted(local.items()):
            why = staleness.why(tag)
            if why and not (why == ADOPTS_NOTHING and name in named):  # `terms.tag_problems` names that one
                shared = next((r for r, tags in theirs.items() if name in tags and tags[name].ref == tag.ref), "")
                problems.append(Problem(local_note(tag, why, staleness.subject(tag), shared), staleness.source(tag),
                                        warning=True))
        for remote, tags in theirs.items():
            there = Staleness(ws, ws.remote_head(remote, branch) or "")
            namespace = f"refs/regdraft/{remote}/adopted/"
            for name, tag in sorted(tags.items()):
                why = there.why(tag, namespace)
                if why and (name not in local or local[name].ref != tag.ref):  # its copy here was named above
                    problems.append(Problem(remote_note(remote, tag, why, there.subject(tag), syncing=False),
                                            there.source(tag), warning=True))
    except RegdraftError:
        return []
    return problems


def _named_by_tag_problems(ws: Workspace) -> set[str]:
    """The tags of adopted amendments, which `terms.tag_problems` names when they name another commit (with the
    `git tag -f` that moves one back): said once, not again as a tag that adopts nothing."""
    from regdraft.workspace.amendments import list_amendments
    from regdraft.workspace.terms import adoption_tag, terms

    known = terms(ws)
    return {adoption_tag(ws, a, known) for a in list_amendments(ws) if a.status == "adopted"}

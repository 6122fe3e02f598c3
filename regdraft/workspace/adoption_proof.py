"""Whether a remote commit titled as an adoption did adopt the amendment: its regulations read as the amendment applied
(r36 sweep BK F3).

A sync sets your adoption of an amendment aside for the remote's only when the remote's is real
(`double_adoption`). Round 35 took any change under `regulations/` as the proof: an empty `regulations/.keep`, or one
blank line added to the regulation, in a commit that only set the front matter to `status: adopted`, made the sync
drop your real adoption, and the regulation kept its unamended text while the amendment showed adopted. Now every
regulation the amendment amends must be changed by that commit, and read as the amendment (as that commit has it)
applied to the regulation as it stood before the commit: the readings are compared as `check` compares a regulation
with its replayed history (its units and preamble), never the bytes.

Post-conditions of `not_applied(ws, slug, found)`:
1. [] when the commit adopts the amendment; else one sentence, naming the commit, for the first regulation that shows
   it does not. Nothing raises and nothing is written.
2. Cost: only asked of a commit claiming an adoption that one of your commits makes too. It reads the amendment and
   each regulation it amends at the commit and before it, applies the amendment once to each; only when that
   differs, the other adopted amendments of that regulation (see 3).
3. A commit a sync rebuilt (`resolve.settle_adoptions`: two adoptions met in a regulation, and the file was rebuilt as
   its base text with every adopted amendment replayed in date order) is an adoption too when its regulation reads
   as that replay, its base text as it was before the commit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from regdraft.core.errors import RegdraftError
from regdraft.core.layout import AMENDMENTS, amendment_path, base_path, regulation_path
from regdraft.core.markdown import parse
from regdraft.core.text import shown_name, shown_text

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.core.model import Regulation
    from regdraft.workspace.store import CommitInfo, Workspace


def not_applied(ws: Workspace, slug: str, found: CommitInfo) -> list[str]:
    """What shows the commit `found` did not adopt the amendment `slug` (see the module): [] when it did."""
    from regdraft.workspace.lifecycle import applied_at_once, read_with_problems

    commit = f"the commit saying so ({found.sha[:8]} by {shown_name(found.author)})"
    changed = {path for _, path in found.files}
    try:
        amendment, reading = read_with_problems(ws, slug, found.sha)
    except RegdraftError as exc:
        return [f"{commit} holds an amendment that cannot be applied ({_first(exc)})"]
    for reg_id in amendment.regulations:
        path = _located(ws, reg_id)
        if path not in changed:
            listed = ", ".join(shown_name(p) for p in sorted(changed)[:3]) or "nothing"
            return [f"{commit} does not change {shown_name(path)}, the text of {shown_name(reg_id)} it amends: it "
                    f"changes {listed} only"]
        part = amendment.for_regulation(reg_id)
        try:
            before = parse(ws.read(path, f"{found.sha}^"), path)
            after = parse(ws.read(path, found.sha), path)
        except RegdraftError as exc:
            return [f"{commit} changes {shown_name(path)}, which does not read there or before it ({_first(exc)})"]
        try:
            applied = applied_at_once(before, part, reading if reg_id == amendment.regulation else ()).regulation
        except RegdraftError as exc:
            if _replayed(ws, found, path, part, after):
                continue
            return [f"{commit} changes {shown_name(path)}, but {slug} cannot be applied to the text before that "
                    f"commit ({_first(exc)})"]
        if _reads_as(after, applied) or _replayed(ws, found, path, part, after):
            continue
        from regdraft.workspace.checks import first_difference

        where, _ = first_difference(after, applied)
        return [f"{commit} changes {shown_name(path)}, but not as {slug} amends it: the text there does not read as "
                f"the amendment applied to the text before that commit (first at {shown_text(where)})"]
    return []


def _reads_as(text: Regulation, other: Regulation) -> bool:
    """Whether two regulations read the same, as `check` holds a regulation to its replayed history."""
    return text.units == other.units and text.preamble == other.preamble


def _replayed(ws: Workspace, found: CommitInfo, path: str, part: Amendment, after: Regulation) -> bool:
    """Whether the regulation at `found` reads as its base text (unchanged by the commit) with every amendment adopted
    by then replayed (post-condition 3)."""
    from regdraft.workspace.amendments import load
    from regdraft.workspace.timeline import replay

    base = base_path(path)
    if base in {p for _, p in found.files}:
        return False  # its first adoption (the base written then): the amendment applied is the whole proof
    adopted: list[Amendment] = []
    try:
        original = parse(ws.read(base, found.sha), base)
        for relative in sorted(ws.files_at(found.sha)):
            folder, _, rest = relative.partition("/")
            slug, _, name = rest.partition("/")
            if folder != AMENDMENTS or name != "amendment.md":
                continue
            if slug == part.slug:
                adopted.append(part)
                continue
            if front_at(ws, slug, found.sha).get("status") == "adopted":
                other = load(ws, slug, found.sha)
                if part.regulation in other.regulations:
                    adopted.append(other.for_regulation(part.regulation))
        return _reads_as(after, replay(original, adopted, None).regulation)
    except RegdraftError:
        return False


def _located(ws: Workspace, reg_id: str) -> str:
    """The regulation's file: where this clone has it, else where its id puts it."""
    try:
        return ws.locate_regulation(reg_id)
    except RegdraftError:
        return regulation_path(reg_id)


def front_at(ws: Workspace, slug: str, rev: str) -> dict[str, object]:
    """The front matter of the amendment `slug` at `rev`; {} when there is none, or it does not read."""
    if not slug or not rev:
        return {}
    from regdraft.core.encodings import readable_head
    from regdraft.core.frontmatter import read_front_matter

    relative = amendment_path(slug)
    try:
        lines = readable_head(ws.read(relative, rev)).splitlines()
        _, meta, _ = read_front_matter(lines, relative, [], absent="")
    except RegdraftError:
        return {}
    return meta if isinstance(meta, dict) else {}


def _first(exc: RegdraftError) -> str:
    """The first problem of an error, as a clause of a sentence quotes it (escaped: the remote wrote it)."""
    said = str(exc.problems[0]) if exc.problems else str(exc.args[0] if exc.args else exc)
    return shown_text(" ".join(said.split()).rstrip("."))

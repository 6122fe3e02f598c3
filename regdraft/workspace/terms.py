"""Terms of the Party committee (khóa XIV, khóa XV): document numbers restart each term (Hướng dẫn 36-HD/VPTW).

A regulation's term is its front matter's `term` (`khóa XV, nhiệm kỳ 2025 - 2030`; a translation's `term XV, …`, else
its original's), read by its numeral: `khóa XIV` and `term XIV` are one term. An amendment is of the term of the
regulation it amends. Two documents bearing one number clash unless both terms are known and differ: a workspace
with no `term` anywhere numbers as it always did.

Post-conditions:
1. `Terms.apart(a, b)` is true only when both terms are known and differ.
2. `adoption_tag(ws, a)` depends on the document alone, never on what was adopted first or where: an amendment of
   a regulation with no term, or of the earliest term of the workspace's regulations, is tagged `adopted/<number>`
   (`adopted/05-QC-TU`, as every tag before terms); one of any later term `adopted/<term>/<number>`
   (`adopted/XV/05-QC-TU`, even when term XIV has no 05-QC/TU). The tags made before terms (all of the earliest
   term) keep their meaning, and two clones adopting term XIV's and term XV's 20-QC/TU unsynced make two tags. An
   amendment of a translation, which bears its original's number, adds its language: `adopted/05-QC-TU.en`.
3. `adoption_revision(ws, a)` is the commit that adopted `a`: its tag's when the tag's commit is the adoption of
   `a` (its subject names the slug), else the first commit of the amendment's history that marks it adopted (a tag
   missing, or one that names another document's adoption: made by an older regdraft, or held by the remote); None
   when neither is found.
4. `repair_tags(ws)` makes a missing adoption tag only on the commit whose subject names the amendment's slug, never
   for a number changed since the adoption (`renumbered`: a number never issued, which `check` names), and
   never moves an existing tag (one naming another document's adoption stays, and `tag_problems` still names it).
5. `tag_to_make(ws, a)` never names a tag that exists: `amend adopt` of a document whose tag's name is already
   another document's adoption's (term XV's 02-QC/TU tagged `adopted/02-QC-TU` by a regdraft before tags named
   their term) adopts it without a tag, which `tag_made` says and `tag_problems` warns of (readers find the adoption
   by its commit, post-condition 3); so does one whose tag's name names a blob or a tree (a remote's tag, which
   `tag_made` says with the `git tag -f` that moves it); a name held by any other commit is refused before anything
   is written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from regdraft.core.amend.document import Amendment
from regdraft.core.commands import Command
from regdraft.core.dates import read_date
from regdraft.core.encodings import readable_head
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.frontmatter import document_number
from regdraft.core.patterns import lazy
from regdraft.core.text import shown_name
from regdraft.workspace.adoption_subjects import PREFIXES
from regdraft.workspace.run_memo import kept
from regdraft.workspace.store import Revision, Tag, Workspace

TAGS = "adopted/"
_NUMERAL = lazy(r"\b(?:khóa|khoá|term)\s+([IVXLC]+)\b", re.IGNORECASE)


def term_key(value: object) -> str:
    """`XIV` for `khóa XIV, nhiệm kỳ 2020 - 2025` and `term XIV, 2020 - 2025`; any other term folded; '' for none."""
    text = unicodedata.normalize("NFC", " ".join(str(value or "").split()))
    found = _NUMERAL.search(text)
    return found.group(1).upper() if found else text.casefold()


@dataclass(frozen=True, slots=True)
class Terms:
    """The term of each regulation of a workspace (by id), its number, and when each term's first text took effect."""

    of_regulation: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, str] = field(default_factory=dict)
    starts: dict[str, dt.date] = field(default_factory=dict)
    translations: frozenset[str] = frozenset()  # the ids of regulations that translate another (`translation_of`)

    def of(self, amendment: Amendment) -> str:
        """The term of an amendment: its regulation's ('' when unknown); a new regulation's draft's own (`term:`), as
        the regulation it is issued as numbers in its term's series (01-QC/TU of term XV beside term XIV's)."""
        if amendment.replacing and (own := term_key(amendment.meta.get("term"))):
            return own
        return self.of_regulation.get(amendment.regulation, "")

    @staticmethod
    def apart(one: str, other: str) -> bool:
        """Whether two documents of these terms may bear one number: both terms known, and different."""
        return bool(one and other and one != other)

    def rank(self, term: str) -> tuple[dt.date, str]:
        """Earlier terms first: by the day the term's first regulation took effect, then by name."""
        return self.starts.get(term, dt.date.max), term

    def earliest(self) -> str:
        """The earliest term of the workspace's regulations ('' when none has a term)."""
        known = {term for term in self.of_regulation.values() if term}
        return min(known, key=self.rank) if known else ""


def terms(ws: Workspace) -> Terms:
    """The terms of the workspace's regulations, read from their front matter (once in a run, `run_memo`)."""
    return kept(ws, "terms", lambda: _terms(ws))


def _terms(ws: Workspace) -> Terms:
    from regdraft.workspace.replacements import fronts

    metas = {str(meta.get("id") or ""): meta for _, _, meta in fronts(ws)}
    own = {reg_id: term_key(meta.get("term")) for reg_id, meta in metas.items()}
    of_regulation = {}
    for reg_id, meta in metas.items():  # a translation without a term is of its original's
        of_regulation[reg_id] = own[reg_id] or own.get(str(meta.get("translation_of") or ""), "")
    starts: dict[str, dt.date] = {}
    for reg_id, meta in metas.items():
        began = read_date(meta.get("effective")) or read_date(meta.get("signed"))
        term = of_regulation[reg_id]
        if term and began is not None and (term not in starts or began < starts[term]):
            starts[term] = began
    translations = frozenset(reg_id for reg_id, meta in metas.items() if meta.get("translation_of"))
    return Terms(of_regulation, {reg_id: document_number(meta) for reg_id, meta in metas.items()}, starts,
                 translations)


def term_name(term: str, regulation: str) -> str:
    """The term as a tag's folder: its numeral (`XV`), else its words in ASCII, else the regulation's id."""
    folded = unicodedata.normalize("NFKD", term.replace("đ", "d").replace("Đ", "D"))
    words = re.findall(r"[A-Za-z0-9]+", folded.encode("ascii", "ignore").decode())
    return "-".join(words) or regulation.replace("/", "-").replace(" ", "-")


def adoption_tag(ws: Workspace, amendment: Amendment, known: Terms | None = None) -> str:
    """The git tag of an amendment's adoption (post-condition 2): `adopted/05-QC-TU`, or `adopted/XV/05-QC-TU` for
    an amendment of term XV when the workspace's earliest term is XIV."""
    plain = amendment.number.replace("/", "-").replace(" ", "-")
    known = known if known is not None else terms(ws)
    if amendment.regulation in known.translations:
        # A translation's amendment bears its original's number (docs/export.md): `adopted/05-QC-TU.en`, or the
        # English one adopted first took the tag and the original's adoption was refused ("already exists").
        plain += "." + (re.sub(r"[^a-z0-9]", "", (amendment.language or "").lower()) or "tr")
    own = known.of(amendment)
    if not own or not amendment.number or own == known.earliest():
        return TAGS + plain
    return f"{TAGS}{term_name(own, amendment.regulation)}/{plain}"


def adopts(revision: Revision, slug: str) -> bool:
    """Whether a commit is the adoption of amendment `slug` (`Adopt amendment 20-QC/TU (qc-hist) to …`)."""
    return revision.subject.startswith(PREFIXES) and f"({slug})" in revision.subject


# An adoption commit's subject (`adoption_subjects`): an amendment's, or a new regulation's issued.
ADOPTS = lazy(r"(?:Adopt amendment|Issue the regulation) .*?\(([^()]+)\)")


def tagged_slug(revision: Revision) -> str:
    """The slug of the amendment a commit adopts ('' when its subject is no adoption's)."""
    found = ADOPTS.match(revision.subject)
    return found.group(1) if found else ""


def adoption_revision(ws: Workspace, amendment: Amendment, tag: str | None = None) -> Revision | None:
    """The commit that adopted `amendment` (post-condition 3), found once in a run (`run_memo`: `check` asked again
    for each pending amendment of the same regulation)."""
    found = tag or adoption_tag(ws, amendment)
    return kept(ws, ("adoption", amendment.slug, found), lambda: _adoption_revision(ws, amendment, found))


def _adoption_revision(ws: Workspace, amendment: Amendment, tag: str) -> Revision | None:
    from regdraft.core.errors import RegdraftError

    try:
        tagged = ws.resolve(tag)
    except RegdraftError:
        tagged = None
    if tagged is not None and adopts(tagged, amendment.slug):
        return tagged
    return adopting_commit(ws, amendment.slug)


def tag_holder(ws: Workspace, tag: str) -> Revision | None:
    """The commit the tag `tag` names (by its exact name); None when there is no such tag."""
    from regdraft.core.errors import RegdraftError

    try:
        return ws.resolve(f"refs/tags/{tag}")
    except RegdraftError:
        return None


def not_a_commit(ws: Workspace, tag: str) -> Tag | None:
    """The tag `tag` when it names a blob or a tree, not a commit (a remote's, which `sync` copies in); else None."""
    from regdraft.core.errors import RegdraftError

    try:
        listed = ws.tags().get(tag)
    except RegdraftError:
        return None  # a workspace kept in memory: its tags name commits
    return listed if listed is not None and listed.kind not in ("commit", "tag") else None


def tag_to_make(ws: Workspace, amendment: Amendment) -> str | None:
    """The tag `amend adopt` makes (post-condition 5): its adoption tag; None when that name is the tag of another
    document's adoption, or names a blob or a tree. `StoreError` before anything is written when the name is held by
    a commit adopting nothing, or by an earlier adoption of this very amendment."""
    from regdraft.core.errors import StoreError

    tag = adoption_tag(ws, amendment)
    held = tag_holder(ws, tag)
    if held is None:
        return None if not_a_commit(ws, tag) is not None else tag
    other = tagged_slug(held)
    if other and other != amendment.slug:
        return None  # a tag made before tags named their term: that adoption keeps it, this one has none
    what = f"an earlier adoption of {amendment.slug}" if other else "a commit that adopts nothing"
    delete = Command.git("tag", tag, switches=("d",))
    raise StoreError(f"{amendment.source}: {amendment.number} ({amendment.slug}) is not adopted: its adoption tag "
                     f"{tag} already names {what} ({held.short}, “{held.subject}”), and regdraft never moves a tag. "
                     f"If that tag is stale, delete it with `{delete}` and adopt again. Nothing was changed.")


def _move(tag: str, commit: str) -> Command:
    """`git tag -f TAG COMMIT`, quoted as it is written (a remote's tag name is a colleague's text)."""
    return Command.git("tag", tag, commit, switches=("f",))


def tag_made(ws: Workspace, amendment: Amendment, sha: str) -> tuple[str | None, str]:
    """The tag of the adoption `sha` of `amendment` (None when it has none) and, when it has none, why, in a
    sentence: its name is the tag of another document's adoption (post-condition 5)."""
    tag = adoption_tag(ws, amendment)
    held = tag_holder(ws, tag)
    if held is not None and held.sha == sha:
        return tag, ""
    if held is None:
        listed = not_a_commit(ws, tag)
        return None, "" if listed is None else (
            f"{amendment.number} ({amendment.slug}) has no adoption tag: its name, {tag}, names a {listed.kind} "
            f"({listed.commit[:7]}), not a commit (a tag a remote sent), and a tag is never moved. regdraft finds this "
            f"adoption by its commit, {sha[:7]}; move the tag onto it with "
            f"`{Command.git('tag', tag, sha[:7], switches=('f',))}`.")
    other = tagged_slug(held)
    whose = (f"the tag of the adoption of {other}, another document bearing the number ({held.short}), as a "
             "regdraft before tags named their term made it") if other else f"held by commit {held.short}"
    return None, (f"{amendment.number} ({amendment.slug}) has no adoption tag: its name, {tag}, is {whose}, and a "
                  f"tag is never moved. regdraft finds this adoption by its commit, {sha[:7]}; "
                  f"`{Command.of('check')}` warns of the tag.")


def adopting_commit(ws: Workspace, slug: str) -> Revision | None:
    """The first commit whose copy of the amendment says `status: adopted`, if any."""
    from regdraft.core.errors import RegdraftError
    from regdraft.core.frontmatter import read_front_matter
    from regdraft.core.layout import amendment_path

    relative = amendment_path(slug)
    paths = getattr(ws, "log_paths", None)  # each commit with the file's path then (before a `git mv`, the old one)
    try:
        history: list[tuple[Revision, str]] = list(reversed(paths(relative) if paths is not None else
                                                            [(r, relative) for r in ws.log(relative)]))
    except RegdraftError:
        return None  # not a git repository
    for revision, then in history:
        try:
            lines = readable_head(ws.read(then, revision.sha)).splitlines()
        except RegdraftError:
            continue
        _, meta, _ = read_front_matter(lines, relative, [], absent="")
        if meta is not None and meta.get("status") == "adopted":
            return revision
    return None


def missing_tags(ws: Workspace) -> list[tuple[Amendment, str, Revision]]:
    """Each adopted amendment whose adoption tag is missing, with the tag and the commit that adopted it (its subject
    names the slug): the tags `regdraft check --repair` makes (post-condition 4). A tag naming another document's
    adoption is not missing: it stays where it is."""
    from regdraft.core.errors import RegdraftError
    from regdraft.workspace.amendments import list_amendments

    known = terms(ws)
    found = []
    for amendment in list_amendments(ws):
        if amendment.status != "adopted" or not amendment.number:
            continue
        tag = adoption_tag(ws, amendment, known)
        try:
            ws.resolve(tag)
            continue
        except RegdraftError:
            pass
        if tag in ws.tags():
            continue  # it names a blob or a tree: never moved here (`tag_problems` gives the `git tag -f`)
        commit = adopting_commit(ws, amendment.slug)
        if commit is not None and adopts(commit, amendment.slug) and not renumbered(ws, amendment, commit):
            found.append((amendment, tag, commit))
    return found


def renumbered(ws: Workspace, amendment: Amendment, commit: Revision) -> bool:
    """Whether the number of the adopted `amendment` is not the one its adoption `commit` gave it: changed by hand
    since (`issued_text` names that, r39 sweep CC F3), so the tag of the number it bears now is no adoption's."""
    from regdraft.core.errors import RegdraftError
    from regdraft.core.frontmatter import read_front_matter
    from regdraft.core.layout import amendment_path

    relative = amendment_path(amendment.slug)
    try:
        lines = readable_head(ws.read(relative, commit.sha)).splitlines()
    except RegdraftError:
        return False
    _, meta, _ = read_front_matter(lines, relative, [], absent="")
    issued = " ".join(str(meta.get("number") or "").split()) if meta is not None else ""
    return bool(issued) and issued != " ".join(amendment.number.split())


def repair_tags(ws: Workspace) -> list[str]:
    """Make each missing adoption tag on the commit that adopted its amendment (`missing_tags`); what was made."""
    with ws.writing("repair", repairing=True):  # no write of this workspace is under way meanwhile
        return [f"Made tag {tag} on {commit.short}, the adoption of {amendment.number} ({amendment.slug})."
                for amendment, tag, commit in missing_tags(ws) if ws.make_tag(tag, commit.sha)]


FORCED = "Adopted past its gates: "  # the line of an adoption commit giving the reason it was forced


@dataclass(frozen=True, slots=True)
class Forced:
    """An adoption past its gates, as its commit records it: the reason, each gate's sentence, and the commit."""

    reason: str
    gates: tuple[str, ...]
    commit: Revision

    def passed(self, opening: str) -> bool:
        """Whether one of the gates it passed is the refusal whose sentence begins `opening`."""
        return any(gate.startswith(opening) for gate in self.gates)

    def said(self, gate: str = "that gate") -> str:
        """`adopted past that gate on purpose (commit 9334947), for the reason recorded: …`, as `check` warns."""
        return f"adopted past {gate} on purpose (commit {self.commit.short}), for the reason recorded: {self.reason}"


def forced_past(ws: Workspace, amendment: Amendment) -> Forced | None:
    """Why an amendment was adopted past its gates (`amend adopt --force --reason`), the gates it passed (each
    refusal's sentence) and its adoption commit, as that commit records them; None when it was not forced or its
    adoption commit is not found."""
    from regdraft.core.errors import RegdraftError

    commit = adoption_revision(ws, amendment)
    if commit is None:
        return None
    try:
        lines = ws.message(commit.sha).splitlines()
    except (RegdraftError, ValueError):
        return None
    at = next((i for i, line in enumerate(lines) if line.startswith(FORCED)), None)
    if at is None:
        return None
    gates = []
    for line in lines[at + 1:]:
        if not line.startswith("- "):
            break
        gates.append(line[2:])
    return Forced(lines[at][len(FORCED):].strip(), tuple(gates), commit)


def tag_problems(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`regdraft check`: each adopted amendment (of the regulation `name`) whose adoption tag names another
    document's adoption (two clones tagged two documents alike; the shared remote keeps the first), or is missing
    while a commit adopted it. regdraft finds its adoption by that commit meanwhile."""
    from regdraft.core.errors import RegdraftError
    from regdraft.core.layout import amendment_path
    from regdraft.workspace.amendments import list_amendments

    known = terms(ws)
    problems = []
    for amendment in list_amendments(ws):
        if amendment.status != "adopted" or not amendment.number or (name and name not in amendment.regulations):
            continue
        tag = adoption_tag(ws, amendment, known)
        try:
            tagged: Revision | None = ws.resolve(tag)
        except RegdraftError:
            tagged = None
        if tagged is not None and adopts(tagged, amendment.slug):
            problems.extend(_other_dates(ws, amendment, tag, tagged))
            continue
        commit = adopting_commit(ws, amendment.slug)
        if tagged is None and (commit is None or not adopts(commit, amendment.slug)):
            continue  # adopted outside regdraft (its file says so): no tag was ever made
        if tagged is None and commit is not None and renumbered(ws, amendment, commit):
            continue  # its number was changed since its adoption: `issued_text` names that, a tag made would not fix it
        found = f"; the commit that adopted it is {commit.short}, which regdraft compares from instead" \
            if commit is not None else ""
        listed = ws.tags().get(tag) if tagged is None else None
        if listed is not None:  # a remote's tag on a blob or a tree: `ws.resolve` finds no commit, git the tag
            move = f"; move it there with `{_move(tag, commit.short)}`" if commit is not None else ""
            problems.append(Problem(f"{amendment.number} ({amendment.slug}) is adopted, but its adoption tag {tag} "
                                    f"names a {listed.kind} ({listed.commit[:7]}), not a commit{found}{move}.",
                                    amendment_path(amendment.slug), warning=True))
            continue
        if tagged is None:
            make = (f"; `{Command.of('check', repair=True)}` makes it again (`{Command.git('tag', tag, commit.short)}`)"
                    if commit is not None and adopts(commit, amendment.slug) else "")
            problems.append(Problem(f"{amendment.number} ({amendment.slug}) is adopted, but its adoption tag {tag} "
                                    f"is missing{found}{make}.", amendment_path(amendment.slug), warning=True))
            continue
        other = tagged_slug(tagged)
        whose = f"the adoption of {other}, another document ({tagged.short})" if other else \
            f"commit {tagged.short}, which adopts nothing"
        # The term only where the workspace has several: "(…, term XIV)" with one term misled.
        several = len({term for term in known.of_regulation.values() if term}) > 1
        of = f", {_term_words(known.of(amendment))}" if several else ""
        # Moving the tag is the fix only where it names no other document's adoption (that one keeps it).
        move = f"; move it there with `{_move(tag, commit.short)}`" if commit is not None and not other else ""
        problems.append(Problem(f"{amendment.number} ({amendment.slug}{of}) is adopted, but its adoption tag {tag} "
                                f"names {whose}{found}{move}.", amendment_path(amendment.slug), warning=True))
    return problems


_RECORDED = lazy(r": signed (\d{4}-\d{2}-\d{2}), effective (\d{4}-\d{2}-\d{2})")


def _other_dates(ws: Workspace, amendment: Amendment, tag: str, tagged: Revision) -> list[Problem]:
    """The problem of an adopted amendment whose file states other dates than the adoption its tag names recorded
    (`Adopt amendment … : signed 2026-06-20, effective 2026-07-01`): two clones adopted it with other dates, and the
    second adoption was replayed over the first (r34 sweep BD defect 3), or the dates were edited by hand since. The
    text in force, `show --as-of` and exports follow the file; the tag, shared and never moved, the other dates."""
    from regdraft.core.frontmatter import key_line
    from regdraft.core.layout import amendment_path

    found = _RECORDED.search(tagged.subject)
    if found is None:
        return []
    recorded = (read_date(found.group(1)), read_date(found.group(2)))
    stated = (amendment.signed, amendment.effective)
    if recorded == stated:
        return []
    relative = amendment_path(amendment.slug)
    key = "effective" if recorded[1] != stated[1] else "signed"
    try:
        line = key_line(readable_head(ws.read(relative)).splitlines(), key)
    except RegdraftError:
        line = 0

    def said(dates: tuple[dt.date | None, dt.date | None]) -> str:
        return f"signed {dates[0] or 'no date'}, in force from {dates[1] or 'no date'}"

    by = shown_name(tagged.author)  # git's, as a remote sent it
    return [Problem(f"{amendment.number} ({amendment.slug}) says it was {said(stated)}, but its adoption tag {tag} "
                    f"names the adoption {tagged.short} by {by}, which recorded {said(recorded)}. The text "
                    "in force on each day and the exports follow the file, while the shared tag (never moved) and "
                    "what the office may have been told say the other dates. Find out which are right; if the tag's, "
                    "put them back in the front matter of this file and commit.", relative, line, warning=True)]


def _term_words(term: str) -> str:
    return f"term {term}" if term else "no term"

"""Redlines of a workspace: choose the two versions of a regulation and compare them.

`build(ws, name, ...)` picks the two versions (working tree, revisions, or the text with a
pending amendment applied) and compares them; `compared_files.build_files` does it for two files. The
document is laid out by `regdraft.render.redline`.

Post-conditions:
1. Without `-o`, output goes to `out/redline-<stem>-<slug>.<ext>` inside the workspace for an amendment's redline
   (`…-<slug>-at-<rev>` for the texts as they were at a revision), and to `out/redline-<stem>-<old>-to-<new>.<ext>`
   for two revisions (`a1b2c3d-to-e4f5a6b`, `working-tree-to-e4f5a6b`): the name says which pair it compares, so
   no redline of one pair overwrites another pair's.
2. Each version is named by its document (type, number, signing date; a draft by its number, title
   and date); the text in force is dated by its effective date (its latest adopted amendment's),
   never by a commit; the commit that last changed each file (or "uncommitted") is kept for the
   metadata line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from regdraft.core.align import MOVE, NEAR
from regdraft.core.diff import ChangeKind, Comparison, compare
from regdraft.core.errors import NotPending, RegdraftError, UsageError
from regdraft.core.frontmatter import NAMED_ALONE, compound_type, issued_with
from regdraft.core.layout import AMENDMENTS, amendment_path, regulation_path
from regdraft.core.model import Address, Regulation
from regdraft.core.stated_changes import with_added_words, with_replaced_words, with_stated_kinds
from regdraft.render.fragments import KeptFragments
from regdraft.render.redline import Redline, Version
from regdraft.render.redline_helpers import sentence, words_for
from regdraft.workspace.parse_cache import origin, read_regulation

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.workspace.redline_adopted import Adoption
    from regdraft.workspace.store import Workspace

_WORKING_TREE = "working-tree"  # the working files in a default file name, where a revision's short sha goes

# The amendment machinery and the reference checks are imported where a workspace redline uses
# them: `compare` of two files needs neither, and importing them took a fifth of its start-up.


def build(ws: Workspace, name: str, *, rev_from: str | None = None, rev_to: str | None = None,
          amendment: str | None = None, strict_tones: bool = False, today: dt.date | None = None) -> Redline:
    """Compare a regulation: `rev_from` (default the working tree) against `rev_to` or an amendment.

    With neither `rev_to` nor `amendment`, the one pending amendment to the regulation is used. The working
    text holding an adopted amendment not in force on `today` (default: today) is named the adopted text,
    not the text in force.
    """
    from regdraft.workspace.profiles import profile_for

    if rev_to is not None and amendment is not None:
        raise UsageError("Compare with either a revision or an amendment, not both.", options=("rev_to", "amendment"))
    relative = ws.locate_regulation(name) if rev_from is None else _located(ws, name)
    old = read_regulation(ws, ws.read(relative, rev_from), relative).regulation
    words = words_for(old.language, profile_for(ws, old.meta))
    stem = Path(relative).stem
    at = {rev: ws.resolve(rev).short for rev in (rev_from, rev_to) if rev is not None}  # the pair's default name
    if rev_to is not None:
        from regdraft.workspace import redline_adopted as adopted

        stem = f"{stem}-{_WORKING_TREE if rev_from is None else at[rev_from]}-to-{at[rev_to]}"
        found = adopted.adoptions(ws, relative, old.id)
        old_version = _revision_version(ws, relative, rev_from, old, words, today=today, found=found)
        new = read_regulation(ws, ws.read(relative, rev_to), f"{relative}@{rev_to}").regulation
        new_version = _revision_version(ws, relative, rev_to, new, words, today=today, found=found)
        to = adopted.adopted_at(ws, rev_to, found)
        run = adopted.stated_between(ws, relative, rev_from, found, to, old.id) if to is not None else None
        if run is None:
            # Either side the text in force at its revision, amended since: by now it is not the text in force, so
            # it is named by its revision (r34 BE named the old side so; r35 BG: the new side too, or one text read
            # "Văn bản hiện hành" beside its own copy named "Phiên bản HEAD~4").
            old_version = _unless_amended_since(ws, relative, rev_from, old_version, old, words)
            new_version = _unless_amended_since(ws, relative, rev_to, new_version, new, words)
            comparison = compare(old, new, strict_tones=strict_tones)
            return Redline(comparison, old_version, new_version, stem=stem,
                           references=_references(comparison, _changed_addresses(comparison), words),
                           kept=kept_fragments(new), kept_old=kept_fragments(old))
        stated: list[dict[str, ChangeKind]] = []
        notes: list[dict[str, tuple[str, ...]]] = []
        added: dict[str, list[str]] = {}
        replaced: dict[str, list[str]] = {}
        references: dict[str, None] = {}
        # As the amendment's own redline: a repeal beside an insertion is a move only of (near) the same text.
        comparison = compare(old, new, strict_tones=strict_tones, move=NEAR)
        for doc, changes in run:  # the instructions behind the changes are known: as the amendment's redline has them
            stated.append(_stated(changes))
            for address, words_added in _added(changes).items():
                added.setdefault(address, []).extend(words_added)
            for address, phrases in _replaced(changes).items():
                replaced.setdefault(address, []).extend(phrases)
            notes.append(_reasons(doc, changes, words))
            # Each change to re-check named with the adopted document that made it, not `dự thảo` (a draft's).
            changed = [c.provision for c in changes if getattr(c, "provision", None) is not None]
            references.update(dict.fromkeys(_references(comparison, changed, _signed_words(doc, words, adopted=True))))
        # Several adoptions: each provision as it is against the old side, each side named by the whole run.
        kinds = adopted.across(stated, old, new) if len(run) > 1 else stated[0]
        comparison = with_replaced_words(with_added_words(with_stated_kinds(comparison, kinds), added), replaced)
        if to is not None:  # one adoption or several: the old side is the text before them, no longer in force
            old_version, new_version = _runnamed_by(old_version, new_version, found, to, len(run), words)
        return Redline(comparison, old_version, new_version, stem=stem, references=tuple(references),
                       reasons=adopted.by_rows(comparison, notes) if len(run) > 1 else notes[0],
                       kept=kept_fragments(new), kept_old=kept_fragments(old), adopted=tuple(doc for doc, _ in run))
    if amendment is not None and rev_from is None:
        from regdraft.workspace import redline_adopted as adopted

        # An adopted amendment's redline is the issued document's: the text before its adoption against the text it
        # left (`redline luat-57-2024`); the working text already reads as it makes it.
        if (pair := adopted.adoption_revisions(ws, amendment, old.id)) is not None:
            return build(ws, name, rev_from=pair[0], rev_to=pair[1], strict_tones=strict_tones, today=today)
    slug = amendment or pending_amendment(ws, old)
    # Which of the two files hold uncommitted changes: one `git status` for both version lines.
    dirty = _dirty(ws, [relative, amendment_path(slug)]) if rev_from is None else None
    old_version = _revision_version(ws, relative, rev_from, old, words, dirty, today) if rev_from is None \
        else _in_force_at(ws, relative, rev_from, old, words, today)
    return _with_amendment(ws, slug, old, old_version, rev_from, strict_tones, stem, dirty,
                           f"-at-{at[rev_from]}" if rev_from is not None else "")


def _runnamed_by(old: Version, new: Version, found: list[Adoption], to: int, count: int,
               words: Mapping[str, str]) -> tuple[Version, Version]:
    """The two sides of a run of `count` adoptions ending at `to` (`redline_adopted`, post-condition 5), one adoption
    too (`redline luat-57-2024`): the new one named by each of them, the old one, when it is the text as enacted, as
    the text before the first (`Văn bản trước khi được sửa đổi, bổ sung bởi Luật số 57/2024/QH15`, not `Văn bản hiện
    hành`: the amended text is the one in force, or adopted to be)."""
    from regdraft.workspace import redline_adopted as adopted

    since = to + 1 - count
    if since == 0 and not old.adopted and old.label == words["in_force"]:
        old = replace(old, **adopted.before_version(found[0].amendment, words))
    # Amended by the run, the old side is not the text in force its table column was named.
    return replace(old, superseded=True), replace(new, **adopted.adopted_version(found, to, words, since))


def _dirty(ws: Workspace, paths: list[str]) -> frozenset[str] | None:
    """Those of `paths` with uncommitted changes; None where git cannot say (each file is then asked alone)."""
    try:
        return frozenset(ws.dirty(paths))
    except RegdraftError:
        return None


def _located(ws: Workspace, name: str) -> str:
    try:
        return ws.locate_regulation(name)
    except RegdraftError:
        return name if name.endswith(".md") else regulation_path(name)


def _revision_version(ws: Workspace, relative: str, rev: str | None, reg: Regulation,
                      words: Mapping[str, str], dirty: frozenset[str] | None = None,
                      today: dt.date | None = None, found: list[Adoption] | None = None) -> Version:
    """A version by its document; a revision that is an adoption (`found`) as the text that adoption left, one just
    before an adoption (or holding the text as enacted) as the text that stood then (`redline_adopted`): the text in
    force as enacted, or as the earlier adoptions left it. Any other revision by its name alone: its commit's date
    is no date of the document (it goes to the metadata line)."""
    from regdraft.workspace import redline_adopted as adopted

    named = named_by(reg)
    if rev is None:
        version = _file_version(ws, relative, words["in_force"], reg.id, words, dirty=dirty)
        return replace(version, **named, **_in_force_since(ws, reg, words, today))
    revision = ws.resolve(rev)
    if found and (at := adopted.adopted_at(ws, rev, found)) is not None:
        return Version(doc_id=reg.id, commit=revision.short, date=revision.date, **named,
                       **adopted.adopted_version(found, at, words))
    before = adopted.standing_before(ws, rev, ws.read(relative, rev), found) if found else None
    if before == 0:  # the text as enacted, as the redline of the first adoption's amendment names it
        return _in_force_at(ws, relative, rev, reg, words, today)
    if found and before is not None and found[before - 1].text == found[before].before:
        return Version(doc_id=reg.id, commit=revision.short, date=revision.date, **named,
                       **adopted.adopted_version(found, before - 1, words))
    return _at_revision(ws, rev, reg, words)


def _unless_amended_since(ws: Workspace, relative: str, rev: str | None, version: Version, reg: Regulation,
                          words: Mapping[str, str]) -> Version:
    """`version`, unless it names the text at `rev` as the text in force and the file has changed since: then
    the text at that revision by its name (`_at_revision`)."""
    if rev is None or version.label != words["in_force"] \
            or ws.same_recorded(relative, ws.read(relative), ws.read(relative, rev)):
        return version
    return _at_revision(ws, rev, reg, words)


def _at_revision(ws: Workspace, rev: str, reg: Regulation, words: Mapping[str, str]) -> Version:
    """The text at a revision by its name, its commit and the commit's date: no text in force, no adopted text."""
    revision = ws.resolve(rev)
    return Version(f"{words['version']} {rev}", reg.id, revision.short, revision.date, **named_by(reg),
                   by_revision=True)


def _in_force_at(ws: Workspace, relative: str, rev: str, reg: Regulation, words: Mapping[str, str],
                 today: dt.date | None = None) -> Version:
    """The text in force at a revision (the one a comment round circulated its draft against), named as the
    text in force is: by its document and the date it took effect, not as "Phiên bản <commit>" dated by the
    commit (the review server's round redline called Luật 22/2023 "ngày 04 tháng 12 năm 2026")."""
    version = _file_version(ws, relative, words["in_force"], reg.id, words, rev=rev)
    if ws.same_recorded(relative, ws.read(relative), ws.read(relative, rev)):  # a CRLF checkout (autocrlf): the same
        since = _in_force_since(ws, reg, words, today)
    else:  # amended since: what was adopted by then is not asked of git; its own date is the file's
        since = {"effective": reg.meta.get("effective") or reg.meta.get("signed"), "amended_by": ()}
    return replace(version, **named_by(reg), **since)


def named_by(reg: Regulation) -> dict[str, Any]:
    """How a regulation is cited: its type (a law by its name, `Luật Đấu thầu`, as its running header names it:
    Nghị định 30/2020/NĐ-CP, Phụ lục I), printed number (a translation's is its original's) and date."""
    meta = reg.meta
    number = str(meta.get("number") or meta.get("translation_of") or reg.id)
    title = str(meta.get("title") or "")
    kind = compound_type(title, str(meta.get("type") or ""))  # `Thông tư liên tịch`
    if kind.lower() in NAMED_ALONE and title.lower().startswith(kind.lower()):
        kind = title
    return {"kind": kind, "number": number, "signed": meta.get("signed"), "issued_with": issued_with(meta)}


def _in_force_since(ws: Workspace, reg: Regulation, words: Mapping[str, str],
                    today: dt.date | None = None) -> dict[str, Any]:
    """The effective date of the text in force: its latest adopted amendment's (or dated instruction's: `khoản 6 Điều
    1` of a document dated 2027 on its own), else its own; and the adopted
    amending documents, as the comparison names them (`Luật số 57/2024/QH15`). When one of them takes effect
    after `today` (default: today) the file is not the text in force: it is named the adopted text, "including
    changes in force from" that date (`Văn bản đã được thông qua (…, gồm các sửa đổi có hiệu lực từ ngày …)`)."""
    from regdraft.workspace.amendments import document_name
    from regdraft.workspace.timeline import adopted_for, dated_steps

    try:
        adopted = adopted_for(ws, reg.id)
    except RegdraftError:
        adopted = []  # an unreadable amendment: `check` names it; the text is dated by its own date
    # an instruction its document dates on its own (`core.amend.staged`) by that date
    dates = [a.effective for a in dated_steps(adopted) if a.effective is not None]
    names = tuple(document_name(a, words) for a in adopted)
    effective = max(dates) if dates else reg.meta.get("effective") or reg.meta.get("signed")
    later = bool(dates) and max(dates) > (today or dt.date.today())
    return {"effective": effective, "amended_by": names, "pending": later,
            **({"label": words["adopted_text"]} if later else {})}


def _file_version(ws: Workspace, relative: str, label: str, doc_id: str, words: Mapping[str, str],
                  rev: str | None = None, dirty: frozenset[str] | None = None) -> Version:
    """A file's version: the commit that last changed it (at `rev`, else in the working tree).

    `dirty`: the files with uncommitted changes, when already asked (else git is asked for this one).
    """
    try:
        if rev is None and (relative in dirty if dirty is not None else ws.dirty([relative])):
            return Version(label, doc_id, uncommitted=words["uncommitted"])
        last = ws.log(relative, rev=rev, limit=1)
    except RegdraftError:
        return Version(label, doc_id)  # not a git repository: nothing to name but the document
    if not last:
        return Version(label, doc_id, uncommitted=words["uncommitted"])
    return Version(label, doc_id, last[0].short, last[0].date)


def pending_amendment(ws: Workspace, reg: Regulation) -> str:
    """The slug of the one amendment to `reg` still pending (draft, circulating or submitted).

    With two or more pending, guessing would compare the wrong draft: a `UsageError` lists them
    and asks for --amendment SLUG.
    """
    from regdraft.core.amend import document
    from regdraft.workspace.amendments import load, slugs

    found: list[tuple[str, int, str, str]] = []
    unreadable: list[str] = []
    for slug in slugs(ws):
        try:
            doc = load(ws, slug)
        except RegdraftError:
            unreadable.append(amendment_path(slug))
            continue
        if reg.id in doc.regulations and str(doc.status) in document.PENDING:
            meta = doc.meta or {}
            found.append((str(meta.get("date") or meta.get("signed") or ""), int(doc.draft or 0), slug,
                          str(doc.status)))
    if unreadable:
        raise RegdraftError(
            f"{', '.join(unreadable)} cannot be read, so the newest pending amendment to {reg.id} is not "
            "known; fix it (`regdraft amend check`), or choose the amendment or revision to compare.",
            options=("amendment", "rev_to"),
        )
    if not found:
        raise NotPending(
            f"There is no pending amendment to {reg.id} in {ws.root / AMENDMENTS} (status draft, "
            "circulating or submitted); choose the revision or amendment to compare.",
            options=("rev_to", "amendment"),
        )
    if len(found) > 1:
        listed = "; ".join(f"{slug} (status {status}{f', draft {draft}' if draft else ''})"
                           for _, draft, slug, status in sorted(found, key=lambda f: f[2]))
        raise UsageError(
            f"{len(found)} amendments to {reg.id} are pending: {listed}. Choose the one to compare "
            f"(e.g. {max(found)[2]}), or a revision.", options=("amendment", "rev_to"))
    return found[0][2]


def _with_amendment(ws: Workspace, slug: str, old: Regulation, old_version: Version,
                    rev: str | None, strict_tones: bool, stem: str, dirty: frozenset[str] | None,
                    at: str = "") -> Redline:
    """`old` against `old` with amendment `slug` applied, both as at `rev` (None: the working files); `at` ends the
    default file name's stem, after the slug."""
    from regdraft.core.amend import document
    from regdraft.workspace.lifecycle import preview, read_with_problems
    from regdraft.workspace.overlaps import named_alike
    from regdraft.workspace.profiles import profile_for

    doc, _ = read_with_problems(ws, slug, rev)  # its problems are all reported by `preview` below
    if old.id not in doc.regulations and old.id not in doc.replacing:
        raise RegdraftError(
            f"amendments/{slug}/amendment.md amends {', '.join(doc.regulations)}, not {old.id}; choose an "
            f"amendment to {old.id}."
        )
    replacing = bool(doc.replacing)  # a new regulation's draft: its text, issued or not, against the one it replaces
    if rev is None and str(doc.status) not in document.PENDING and not replacing:  # an adopted one: by `build`
        raise NotPending(f"{amendment_path(slug)} is {doc.status}, so it will not change the text; choose a pending "
                         "amendment.", options=("amendment",))
    applied = preview(ws, slug, rev, regulation=old.id)
    words = words_for(old.language, profile_for(ws, old.meta))
    draft = doc.draft if str(doc.status) in document.PENDING or not replacing else None
    label = f"{words['redline_draft']} {draft}" if draft else words["amended"]
    # at `rev`, the file where it was then (`doc.source`: its folder moved since), whose last commit names the draft
    where = doc.source if rev is not None else amendment_path(slug)
    new_version = _file_version(ws, where, label, str(doc.number or ""), words, rev, dirty)
    meta = doc.meta or {}
    kind = compound_type(str(meta.get("title") or ""), str(meta.get("type") or ""))
    new_version = replace(new_version, kind=kind, number=str(doc.number or ""),
                          title=str(meta.get("title") or ""), draft=draft,
                          drafted=meta.get("date") or doc.signed or new_version.date or None)
    stated = _stated([*applied.changes, *applied.punctuation])
    # Its repeals and insertions are the amendment's own words: a repeal beside an insertion is a move only of (near)
    # the same text, not of a text merely alike (`Repeal point b` of `for 20 years;`, `Insert point d`: `for 5 years.`).
    # A new text moves whole articles and chapters where it likes: moves found as `compare` finds them.
    comparison = with_stated_kinds(compare(old, applied.regulation, strict_tones=strict_tones,
                                           move=MOVE if replacing else NEAR), stated)
    comparison = with_replaced_words(with_added_words(comparison, _added(applied.changes)), _replaced(applied.changes))
    return Redline(comparison, old_version, new_version, draft, str(doc.number or "") or None,
                   _reasons(doc, [*applied.changes, *applied.punctuation], words), f"{stem}-{slug}{at}",
                   _references(comparison, [c.provision for c in applied.changes], _signed_words(doc, words)), doc,
                   kept_old=kept_fragments(old), alike=named_alike(ws, doc))


def _added(changes: Sequence[Any]) -> dict[str, list[str]]:
    """The words each instruction adds next to a phrase, by address (`with_added_words` marks exactly those)."""
    added: dict[str, list[str]] = {}
    for c in changes:
        if getattr(c, "kind", None) is ChangeKind.WORDS_ADDED and c.new_words:
            added.setdefault(str(c.address), []).append(c.new_words)
    return added


def _replaced(changes: Sequence[Any]) -> dict[str, list[str]]:
    """The phrases each instruction replaces or deletes, old and new, by address (`with_replaced_words` marks them
    whole)."""
    replaced: dict[str, list[str]] = {}
    for c in changes:
        if getattr(c, "kind", None) in (ChangeKind.WORDS_REPLACED, ChangeKind.WORDS_DELETED) and c.old_words:
            replaced.setdefault(str(c.address), []).extend(w for w in (c.old_words, c.new_words) if w)
    return replaced


def _stated(changes: Sequence[Any]) -> dict[str, ChangeKind]:
    """The kinds an amendment's applied changes state, by address; a consequential punctuation edit ("." -> ";"
    before an appended point, no `kind`) amends its unit: it is no phrase change."""
    stated = {str(c.address): c.kind for c in changes if hasattr(c, "kind")}
    stated.update({str(c.address): ChangeKind.AMENDED for c in changes if str(c.address) not in stated})
    return stated


def _signed_words(doc: Amendment, words: Mapping[str, str], adopted: bool = False) -> Mapping[str, str]:
    """The words for an amending document already signed (a decree imported to be consolidated) or `adopted`: it is
    named (`Nghị định số 48/2013/NĐ-CP sửa đổi Điều 9`, `Luật số 57/2024/QH15 sửa đổi …`), not `dự thảo`."""
    from regdraft.workspace.amendments import document_name

    if not (doc.issued or adopted and doc.number) or "reference_changed_by_signed" not in words:
        return words
    name = document_name(doc, words).replace("{", "{{").replace("}", "}}")
    return {**words, "reference_changed_by": words["reference_changed_by_signed"].replace("{document}", name)}


def _changed_addresses(comparison: Comparison) -> list[Address]:
    """The old addresses of every changed provision (the new one for insertions)."""
    return [a for c in comparison.changes if (a := c.old_address or c.new_address) is not None]


def _references(comparison: Comparison, changed: Sequence[Address], words: Mapping[str, str]) -> tuple[str, ...]:
    """Sentences naming the references that the change breaks or that need checking."""
    from regdraft.core.refs import cited_issues

    issues = cited_issues(comparison.old, comparison.new, changed)  # one per citation, as `amend check` says them
    return tuple(sentence(issue.note(words, comparison.new.language)) for issue in issues)


def _reasons(doc: Amendment, changes: Sequence[Any], words: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Notes per address: each instruction behind a change, named in its document, and the reason recorded for it
    (a change of a lead-in, closing text, dash or plus item under the address of its unit). A consequential
    punctuation edit (`core.amend.consequential.Punctuation`) is noted under its own unit with the instruction
    that made it: Luật Thi đua, khen thưởng's khoản 2 Điều 7 ends in "." because khoản 3 is repealed, which the
    repeal did, not the amended lead-in of Điều 7 that the row would otherwise borrow from its article."""
    from regdraft.core.amend.consequential import Punctuation
    from regdraft.core.closing_notes import standing
    from regdraft.workspace.amendments import document_name

    document = document_name(doc, words)
    joiner = ", " if doc.language == "en" else " "
    out: dict[str, list[str]] = {}
    # A change that a later instruction of the document repeals or replaces whole never stands: only that one is cited.
    for change in standing(changes or ()):
        address = getattr(change, "address", None)
        instruction = getattr(change, "instruction", None)
        if address is None or instruction is None:
            continue
        # The reason is the instruction's: a unit whose end it changed in passing (point c's '.' to ';' when point
        # d is inserted after it) was not changed for it (a member's accepted rewording of point d, say).
        reason = "" if isinstance(change, Punctuation) else doc.reason(instruction)
        notes = [f"{instruction.cite(doc.language)}{joiner}{document}"]
        notes += [f"{words['reason']} {reason}"] if reason else []
        # A change of a part (`d7.k4.dash2`, `d23.k1.intro`) is noted on the unit that holds it: the row of its unit.
        kept = out.setdefault(str(address.unit), [])
        kept.extend(note for note in notes if note not in kept)
    return {k: tuple(v) for k, v in out.items()}


def kept_fragments(regulation: Regulation) -> KeptFragments | None:
    """Where the printed fragments of a reading from the parse cache are kept (None: not from it)."""
    found = origin(regulation)
    return KeptFragments(*found) if found is not None else None


def default_output(ws: Workspace, redline: Redline, fmt: str) -> Path:
    """`out/redline-<stem>.<fmt>` inside the workspace, the stem naming the pair compared (post-condition 1)."""
    return ws.write_path(f"out/redline-{re.sub(r'[^A-Za-z0-9_.-]', '-', redline.stem)}.{fmt}")



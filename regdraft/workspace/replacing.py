"""A draft of a whole new regulation that replaces one or more of the workspace's (a new term's Working Regulation):
started, read, checked and issued as an amendment is (docs/amendments.md, "A new regulation replacing the old one").

Its file is `amendments/<slug>/amendment.md`, as an amendment's, so rounds, comments, votes and the report find it
where they find any draft; it holds the new text itself (a regulation file: `id`, `title`, `replaces:` …, with the
amendment's `status` and `draft`, and no `signed` date until it is issued) in place of instructions.

Post-conditions:
1. `start` writes one commit: the file, a copy of the first regulation replaced with its front matter made the
   draft's (`id`, `replaces`, `status: draft`, `draft: 1`; no number, signing or effective date, nor signer's name).
2. `draft_reading(ws, amendment, rev)` is the draft's text read as a regulation (at `rev`, where its file then was),
   with the problems `regdraft check` would find in a regulation file, a missing `signed` date aside.
3. `issue` writes one commit (tagged as an adoption is): `regulations/<id>.md` holding the text with its number,
   signing and effective dates, and the draft's file marked adopted with the same dates; the replaced regulations
   then read as replaced (`workspace.replacements`) from that effective date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from regdraft.core.amend.applied import Applied
from regdraft.core.amend.document import Amendment, with_front_matter
from regdraft.core.errors import ParseError, Problem, RegdraftError, UsageError
from regdraft.core.layout import amendment_path
from regdraft.core.markdown import decode
from regdraft.core.model import Regulation
from regdraft.workspace.store import Workspace, writes

if TYPE_CHECKING:
    from regdraft.core.markdown import Reading
    from regdraft.workspace.gates import Refusal

UNSIGNED = "The front matter lacks the required key 'signed'."  # a draft's: it is signed when issued


def draft_reading(ws: Workspace, amendment: Amendment, rev: str | None = None) -> tuple[Reading, list[Problem]]:
    """The draft's text as a regulation, and the problems `check` finds in it (post-condition 2)."""
    from regdraft.workspace.api import file_problems
    from regdraft.workspace.parse_cache import read_regulation

    data = ws.read(amendment.source, rev)
    reading = read_regulation(ws, data, amendment.source)
    problems = [p for p in file_problems(reading) if p.message != UNSIGNED]
    return reading, problems


def draft_applied(ws: Workspace, amendment: Amendment, rev: str | None = None) -> Applied:
    """The draft's text as `lifecycle.preview` gives an amendment's: the new regulation, no instruction behind it;
    `ParseError` when its text has a problem that is no warning (a draft that cannot be read is not circulated)."""
    reading, problems = draft_reading(ws, amendment, rev)
    errors = [p for p in problems if not p.warning]
    if errors:
        raise ParseError.collect(errors, "draft")
    return Applied(reading.regulation, ())


def draft_problems(ws: Workspace, amendment: Amendment) -> tuple[tuple[Problem, ...], tuple[Problem, ...]]:
    """`amend check` of a draft: its problems and its warnings, as `check` says them of a regulation file."""
    try:
        _, found = draft_reading(ws, amendment)
    except ParseError as exc:
        return tuple(exc.problems), ()
    problems = tuple(p for p in found if not p.warning)
    ours = (*_bad_id(ws, amendment), *_unknown_replaced(ws, amendment), *_replaced_by_another(ws, amendment),
            *_id_twice(ws, amendment), *_file_taken(ws, amendment))
    return problems + ours, tuple(p for p in found if p.warning)


def _replaces_line(ws: Workspace, amendment: Amendment, key: str = "replaces") -> int:
    from regdraft.core.frontmatter import key_line

    return key_line(decode(ws.read(amendment.source), amendment.source).split("\n"), key)


def _replaced_by_another(ws: Workspace, amendment: Amendment) -> list[Problem]:
    """A regulation it replaces that another new regulation replaced already (an adopted draft of the same term):
    `amend adopt` issued it anyway, and `check` then failed on the two replacements (r41 sweep CK F4). `amend new`
    refuses to start such a draft (`_refuse_replaced`); this says it of one started before the other was adopted."""
    from regdraft.workspace.replacements import replacement

    own = str(amendment.meta.get("id") or "")
    out = []
    for reg_id in amendment.replacing:
        found = replacement(ws, reg_id)
        if found is not None and found.new != own:
            out.append(Problem(f"{reg_id} is replaced already: {found.named()} replaces it from {found.on}, so "
                               f"{amendment.slug} can never replace it (a regulation is replaced once). Draft the "
                               f"new text from {found.new}, the regulation in force, in a draft replacing it.",
                               amendment.source, _replaces_line(ws, amendment)))
    return out


def _bad_id(ws: Workspace, amendment: Amendment) -> list[Problem]:
    """The new regulation's `id:` when it is no document number (`importer.check_id`, as `import` and `amend new`
    check one): `..` was issued as `regulations/...md`, a 5,000-character id failed only at adoption's last step
    (r42 sweep CI F2)."""
    from regdraft.core.text import shown_text
    from regdraft.importer import check_id

    own = str(amendment.meta.get("id") or "")
    if not own:  # said where a draft of a new regulation lacks its id
        return []
    try:
        check_id(own, "The new regulation's id")
    except UsageError as exc:
        return [Problem(shown_text(str(exc)), amendment.source, _replaces_line(ws, amendment, "id"))]
    return []


def _id_twice(ws: Workspace, amendment: Amendment) -> list[Problem]:
    """The new regulation's id when another pending draft is to be issued under it too: only one of them can be."""
    from regdraft.core.amend.document import PENDING

    own = str(amendment.meta.get("id") or "")
    if not own or amendment.status not in PENDING:
        return []
    others = sorted(slug for slug, given in pending_ids(ws) if given == own and slug != amendment.slug)
    if not others:
        return []
    return [Problem(f"{', '.join(others)} is to be issued as {own} too; give each new regulation's draft an id of "
                    "its own.", amendment.source, _replaces_line(ws, amendment, "id"))]


def _file_taken(ws: Workspace, amendment: Amendment) -> list[Problem]:
    """The new regulation's id when the file it would be issued as is another regulation's, in the workspace or to
    be issued by another pending draft: `01-QC-TU-EN` is written to `regulations/01-QC-TU-EN.md`, 01-QC/TU-EN's
    file (r43 sweep CI F5: `check` passed it, and `amend adopt` refused naming "a regulation 01-QC-TU-EN")."""
    from regdraft.core.amend.document import PENDING

    own = str(amendment.meta.get("id") or "")
    if not own or amendment.status not in PENDING or _bad_id(ws, amendment):
        return []
    said = file_taken(ws, own, amendment.slug)
    return [Problem(said, amendment.source, _replaces_line(ws, amendment, "id"))] if said else []


def file_taken(ws: Workspace, new_id: str, slug: str | None = None) -> str | None:
    """A sentence naming the regulation whose file `new_id` would be issued as, when another regulation's (an
    existing one, or one another pending draft than `slug` is to be issued under); None when the file is free."""
    from regdraft.core.layout import name_case, regulation_path

    target = regulation_path(new_id)
    if ws.exists(target):
        holder = ws.regulation_id_in(target)
        if holder == new_id:
            return (f"{new_id} is the id of a regulation of the workspace already ({target}); give the new "
                    "regulation an id of its own (numbers restart each term: 01-QC/TU-XV beside 01-QC/TU).")
        return (f"The new regulation's id {new_id} would be issued as {target}, the file of the regulation "
                f"{holder}; give it an id whose file is no other regulation's (ids are made file names by "
                "writing `/` and spaces as `-`).")
    twin = regulation_case_twin(ws, target)
    if twin is not None:
        return (f"The new regulation's id {new_id} would be issued as {target}, which differs only in capitals from "
                f"{twin}, the file of the regulation {ws.regulation_id_in(twin)}: where file names ignore capitals "
                "(Windows, macOS) they are one file; give it an id of its own.")
    folded = name_case(target)
    drafts = sorted((other, given) for other, given in pending_ids(ws)
                    if other != slug and given and given != new_id and name_case(regulation_path(given)) == folded)
    if drafts:
        other, given = drafts[0]
        return (f"The new regulation's id {new_id} would be issued as {target}, the file the pending draft {other} "
                f"is to issue {given} as{'' if regulation_path(given) == target else ' (but for capitals)'}; give it "
                "an id whose file is no other regulation's (ids are made file names by writing `/` and spaces as "
                "`-`).")
    return None


def regulation_case_twin(ws: Workspace, target: str) -> str | None:
    """The regulation file that differs from `target` only in capitals (`regulations/01-qc-tu.md` beside
    `regulations/01-QC-TU.md`), or None: two files on Linux, one where file names ignore capitals, so a colleague's
    clone on Windows or macOS would hold one of the two texts (r43 sweep CK F2)."""
    from regdraft.core.layout import name_case

    folded = name_case(target)
    return next((path for path in ws.regulation_files() if path != target and name_case(path) == folded), None)


def pending_ids(ws: Workspace) -> list[tuple[str, str]]:
    """Each pending draft of a new regulation (slug) with the id it is to be issued under."""
    from regdraft.core.amend.document import PENDING
    from regdraft.workspace.amendments import survey

    return [(e.slug, str(e.amendment.meta.get("id") or "")) for e in survey(ws)
            if e.amendment is not None and e.amendment.replacing and e.amendment.status in PENDING]


def _unknown_replaced(ws: Workspace, amendment: Amendment) -> list[Problem]:
    """A `replaces:` id that is no regulation of the workspace, on its line."""
    from regdraft.workspace.unread_adopted import unknown_ids

    return [Problem(f"'replaces' names {reg_id}, which is no regulation of the workspace.", amendment.source, line)
            for reg_id, line in unknown_ids(ws, amendment, amendment.replacing, "replaces")]


def edit(ws: Workspace, amendment: Amendment, edited: bytes, edited_name: str, message: str | None = None,
         author: str | None = None) -> str | None:
    """The draft's text replaced by `edited`'s (its own front matter kept: status, draft number, `replaces`), in one
    commit; its sha, or None when the text is the same. `ParseError` when the new text does not read as a
    regulation."""
    from regdraft.core.frontmatter import read_front_matter

    existing = decode(ws.read(amendment.source), amendment.source)
    lines = existing.split("\n")
    _, _, body_start = read_front_matter(lines, amendment.source, [], absent="")
    new_lines = decode(edited, edited_name).split("\n")
    _, _, new_start = read_front_matter(new_lines, edited_name, [], absent="")
    text = "\n".join([*lines[:body_start], *new_lines[new_start:]])
    if text == existing:
        return None
    from regdraft.workspace.parse_cache import read_regulation

    reading = read_regulation(ws, text.encode("utf-8"), amendment.source)
    errors = [p for p in reading.problems if p.message != UNSIGNED and not p.warning]
    if errors:
        raise ParseError.collect(errors, "draft")
    return ws.commit({amendment.source: text.encode("utf-8")},
                     message or f"Edit the draft {amendment.slug} from {edited_name}", author=author)


def issue(ws: Workspace, amendment: Amendment, signed: dt.date, effective: dt.date, forced: Sequence[Refusal],
          reason: str | None, tag: str | None, votes: Sequence[str] = ()) -> str:
    """`amend adopt` of a new regulation's draft, past its gates (post-condition 3): the regulation written to
    `regulations/`, the draft marked adopted, one commit tagged as an adoption, its message ending with `votes` (what
    is said of the votes, `adoption.vote_lines`); its sha."""
    from regdraft.core.errors import StoreError
    from regdraft.core.layout import regulation_path
    from regdraft.workspace.amendments import read_back
    from regdraft.workspace.store_writes import uncommitted
    from regdraft.workspace.terms import FORCED

    new_id = str(amendment.meta.get("id") or "")
    if not new_id:
        raise RegdraftError(f"{amendment.source} has no `id:`, the id the new regulation is issued under; write it "
                            "in its front matter (e.g. id: 01-QC/TU-XV). Nothing was changed.")
    target = regulation_path(new_id)
    if ws.exists(target):
        holder = ws.regulation_id_in(target)
        named = new_id if holder == new_id else f"{holder} there (the file the id {new_id} is written to)"
        raise RegdraftError(f"{target} exists already: the workspace holds the regulation {named}, so the draft "
                            f"{amendment.slug} cannot be issued under that id. Nothing was changed.")
    dirty = ws.dirty([amendment.source])
    if dirty:
        raise StoreError(uncommitted(dirty, "adopting"))
    draft = decode(ws.read(amendment.source), amendment.source)
    dates = {"signed": signed, "effective": effective}
    numbered = {"number": amendment.number} if amendment.number != new_id else {}  # else its id is its number
    issued = _front(with_front_matter(draft, {**numbered, **dates}), ("id", "number", "replaces"),
                    ("status", "draft") if numbered else ("status", "draft", "number"), None)
    reading = read_regulation_text(ws, issued, target)
    errors = [p for p in reading.problems if not p.warning]
    if errors:
        raise ParseError.collect(errors, "regulation")
    marked = with_front_matter(draft, {"status": "adopted", **dates})
    read_back(ws, marked, amendment.source, amendment.slug, amendment.language)
    from regdraft.workspace.adoption_subjects import REGULATION

    # Issued, not an amendment adopted (`adoption_subjects`: sync, tags and `log` read it back as an adoption).
    lines = [f"{REGULATION}{amendment.number} ({amendment.slug}) as {new_id}, replacing "
             f"{', '.join(amendment.replacing)}: signed {signed}, effective {effective}", "",
             f"{target}: the new text, in force from {effective}; {', '.join(amendment.replacing)} replaced by it."]
    lines += ["", *votes] if votes else []  # as an amendment's adoption records them (`adoption.vote_lines`)
    if reason is not None and forced:
        lines += ["", f"{FORCED}{reason.strip()}", *(f"- {r.missing}" for r in forced)]
    return ws.commit({target: issued.encode("utf-8"), amendment.source: marked.encode("utf-8")}, "\n".join(lines),
                     tag=tag)


def issued_sentence(amendment: Amendment, sha: str) -> str:
    """What `amend adopt` says of a new regulation's draft it issued: the regulation, its number, dates, the ones it
    replaces, the draft and the commit (it said "Adopted quy-che-xv", as of an amendment, while the commit said
    "Issue the regulation …")."""
    new_id = str(amendment.meta.get("id") or "")
    numbered = f" (number {amendment.number})" if amendment.number and amendment.number != new_id else ""
    return (f"Issued the regulation {new_id}{numbered} from the draft {amendment.slug} in commit {sha[:8]}: signed "
            f"{amendment.signed}, effective {amendment.effective}; it replaces {', '.join(amendment.replacing)} from "
            f"{amendment.effective}.")


def read_regulation_text(ws: Workspace, text: str, source: str) -> Reading:
    """`text` read as the regulation file `source` (through the workspace's cache)."""
    from regdraft.workspace.parse_cache import read_regulation

    return read_regulation(ws, text.encode("utf-8"), source)


def refuse_id(ws: Workspace, new_id: str, replacing: Sequence[str]) -> None:
    """A `UsageError` for the new regulation's id when a regulation of the workspace has it already, or a pending
    draft is to be issued under it (two drafts of one id: only one could ever be adopted)."""
    from regdraft.importer import check_id

    check_id(new_id, "The new regulation's id", options=("new_id",))
    if new_id in replacing:
        raise UsageError(f"{new_id} is the id of a regulation of the workspace already; give the new regulation an "
                         "id of its own (numbers restart each term: 01-QC/TU-XV beside 01-QC/TU). Nothing was "
                         "changed.", options=("new_id",))
    taken = file_taken(ws, new_id)
    if taken is not None:
        raise UsageError(f"{taken} Nothing was changed.", options=("new_id",))
    drafts = sorted(slug for slug, given in pending_ids(ws) if given == new_id)
    if drafts:
        raise UsageError(f"{new_id} is the id the pending draft {', '.join(drafts)} is to be issued under; give this "
                         "new regulation an id of its own, or go on with that draft. Nothing was changed.",
                         options=("new_id",))


@writes
def start(ws: Workspace, slug: str, replacing: Sequence[str], new_id: str, title: str | None = None) -> str:
    """Create `amendments/<slug>/amendment.md` holding the draft of a new regulation replacing `replacing` (post-
    condition 1); its path."""
    from regdraft.workspace.amendments import refuse_case_twin, slugs
    from regdraft.workspace.api import load_regulation

    relative = amendment_path(slug)
    if slug in slugs(ws) or ws.exists(relative):
        raise RegdraftError(f"The amendment '{slug}' already exists ({relative}).")
    refuse_case_twin(ws, slug)
    replaced: list[Regulation] = [load_regulation(ws, reg_id) for reg_id in replacing]
    _refuse_replaced(ws, replaced)
    refuse_id(ws, new_id, [r.id for r in replaced])
    first = replaced[0]
    text = decode(ws.read(ws.locate_regulation(first.id)), first.source)
    ids = [r.id for r in replaced]
    changes: dict[str, object] = {"id": new_id, "replaces": ids[0] if len(ids) == 1 else ids, "status": "draft",
                                  "draft": 1}
    if title:
        changes["title"] = title
    text = _front(with_front_matter(text, changes), ("id", "replaces", "status", "draft"),
                  ("number", "signed", "effective", "date_line"), first.meta.get("signer"))
    ws.commit({relative: text.encode("utf-8")},
              f"Start the draft {slug} of {new_id}, replacing {', '.join(r.id for r in replaced)}")
    return relative


def _front(text: str, first: Sequence[str], dropped: Sequence[str], signer: object) -> str:
    """The text with the front matter's `first` keys moved to its top, in that order (a drafter opening the draft
    sees first what it is), the `dropped` keys left out (a draft has no number or dates yet), and the signer's
    office kept without the name or the note of a signed copy (who signs is known when it is signed)."""
    lines = text.split("\n")
    end = lines.index("---", 1)
    head = lines[1:end]

    def take(key: str) -> list[str]:
        at = next((i for i, line in enumerate(head) if line.startswith(f"{key}:")), None)
        if at is None:
            return []
        last = at + 1
        while last < len(head) and head[last][:1] in (" ", "-"):
            last += 1
        taken = head[at:last]
        del head[at:last]
        return taken

    top = [line for key in first for line in take(key)]
    for key in dropped:
        take(key)
    if isinstance(signer, dict) and take("signer"):
        kept = [f"  {k}: {v}" for k, v in signer.items() if k not in ("name", "note") and v]
        at = next((i for i, line in enumerate(head) if line.startswith("recipients:")), len(head))
        head[at:at] = ["signer:", *kept, "  name: ''"]
    return "\n".join([lines[0], *top, *head, *lines[end:]])


def _refuse_replaced(ws: Workspace, regulations: Sequence[Regulation]) -> None:
    """Refuse to replace a regulation another one replaced already, or a translation (its original is replaced)."""
    from regdraft.workspace.replacements import replaced_on

    for reg in regulations:
        if reg.meta.get("translation_of"):
            raise UsageError(f"{reg.id} is a translation of {reg.meta['translation_of']}: a new regulation replaces "
                             f"the original; name {reg.meta['translation_of']}. Nothing was changed.",
                             options=("replacing",))
        found = replaced_on(ws, reg.id, dt.date.max)
        if found is not None:
            raise RegdraftError(f"{reg.id} is replaced already: {found.named()} replaces it from {found.on}. "
                                "Nothing was changed.")

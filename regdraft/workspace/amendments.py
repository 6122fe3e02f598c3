"""Amendments in a workspace: finding and reading them (where they live is `core.layout`)."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from regdraft.core.amend.document import PENDING, Amendment, front_matter_only
from regdraft.core.counts import count as counted
from regdraft.core.errors import ParseError, Problem, RegdraftError, StoreError, UnknownName
from regdraft.core.frontmatter import compound_type
from regdraft.core.layout import AMENDMENTS, amendment_path, comments_folder, rounds_folder
from regdraft.core.model import Regulation
from regdraft.workspace.api import load_regulation
from regdraft.workspace.moved_files import read_at
from regdraft.workspace.parse_cache import read_amendment
from regdraft.workspace.run_memo import kept
from regdraft.workspace.store import Workspace

if TYPE_CHECKING:
    from regdraft.core.comments import Comment, Round


def amendment_file(ws: Workspace, slug: str) -> str:
    """The amendment's file, which must exist; `UnknownName` naming the known amendments otherwise."""
    relative = amendment_path(slug)
    if not ws.exists(relative):
        from regdraft.core.nearest import unknown_name

        raise UnknownName(unknown_name("amendment", slug, slugs(ws), f"({relative} does not exist)"))
    return relative


def slugs(ws: Workspace) -> list[str]:
    """The names of every amendment in the workspace, sorted."""
    return [path.split("/")[1] for path in ws.files(AMENDMENTS, "*/amendment.md")]


def refuse_case_twin(ws: Workspace, slug: str) -> None:
    """A `UsageError` for the name of a new amendment that differs from an existing one's only in capitals
    (`QC-SUA-DOI-2025` beside `qc-sua-doi-2025`): two amendments told apart by case alone, and one folder where
    the files ignore case (Windows, macOS)."""
    twin = next((s for s in slugs(ws) if s != slug and s.lower() == slug.lower()), None)
    if twin is not None:
        from regdraft.core.errors import UsageError

        raise UsageError(f"'{slug}' differs from the amendment '{twin}' only in capitals; nothing was created. "
                         f"Work on '{twin}', or give the new amendment a name of its own.")


def load(ws: Workspace, slug: str, rev: str | None = None) -> Amendment:
    """Read and parse one amendment, in the working tree or at a git revision (where its file was then, its
    folder moved since or not: `moved_files.read_at`)."""
    if rev is None:
        relative = amendment_file(ws, slug)
        data = ws.read(relative)
    else:
        relative, data = read_at(ws, amendment_path(slug), rev)
    (amendment, problems), language, kept = read_in_language(ws, data, relative, slug, rev)
    alphabets: dict[str, str] = {}
    if amendment is not None and amendment.language == "en" and (alphabets := _alphabets(ws, amendment, rev)):
        # Its lettered instructions run in the alphabet of the text it amends: a translation's in the Vietnamese one
        amendment, problems = read_amendment(ws, data, relative, slug, alphabets, language=language,
                                             kept_numbers=kept)
    amendment, problems = named_reading(ws, data, relative, slug, (amendment, problems), rev, alphabets, language,
                                        kept)
    if problems or amendment is None:
        raise ParseError.collect(problems, "amendment")
    return amendment


def read_in_language(ws: Workspace, data: bytes, relative: str, slug: str, rev: str | None = None
                     ) -> tuple[tuple[Amendment | None, tuple[Problem, ...]], str, bool]:
    """`parse_cache.read_amendment`'s reading, in the language of the text it amends when its front matter gives
    none (`amended_language`), and that language (`vi` for one that gives its own); read keeping its original's
    instruction numbers when it is a translation's of its original's amending document (`kept_numbers`), and
    whether it was (only when it reads with a problem otherwise: nothing else differs)."""
    reading = read_amendment(ws, data, relative, slug)
    front = reading[0] or front_matter_only(data, relative, slug)
    language = amended_language(ws, front, rev)
    if language != "vi":  # no `language:` written: read as the English text it amends is written
        reading = read_amendment(ws, data, relative, slug, language=language)
    kept = bool(reading[1]) and kept_numbers(ws, reading[0] or front, rev)
    if kept:
        reading = read_amendment(ws, data, relative, slug, language=language, kept_numbers=True)
    return reading, language, kept


def named_reading(ws: Workspace, data: bytes, relative: str, slug: str,
                  reading: tuple[Amendment | None, tuple[Problem, ...]], rev: str | None = None,
                  alphabets: Mapping[str, str] | None = None,
                  language: str = "vi", kept: bool = False) -> tuple[Amendment | None, tuple[Problem, ...]]:
    """`reading` (`parse_cache.read_amendment`'s), or, when it has problems, the amendment read again knowing the
    amended text's own name, so that a refusal names the whole text as the text does (`throughout these Staff
    Rules`; r34 sweep BE defect 3), and its appendices as it does (`Schedule 1`)."""
    amendment, problems = reading
    if problems and (named := _names(ws, amendment or front_matter_only(data, relative, slug), rev))[0]:
        return read_amendment(ws, data, relative, slug, alphabets or None, named[0], language, named[1], kept)
    return reading


def amended_language(ws: Workspace, amendment: Amendment | None, rev: str | None = None) -> str:
    """The language an amendment whose front matter gives none is read in: the text's it amends, when the workspace
    holds it (at `rev`); `vi` otherwise, and for an amendment that says its own (`written_language`: a written
    `language:` wins, and `check` warns when it is not the text's)."""
    from regdraft.core.amend.document import written_language

    if amendment is None or written_language(amendment):
        return "vi"
    amends = amendment.meta.get("amends")
    first = next(iter(amends.values()), "") if isinstance(amends, Mapping) and amends else ""
    regulation = amendment.regulation or str(first or "")
    if not regulation:
        return "vi"
    try:
        return load_regulation(ws, regulation, rev).language
    except RegdraftError:
        return "vi"


def _names(ws: Workspace, amendment: Amendment | None,
           rev: str | None) -> tuple[dict[str, str], dict[str, str]]:
    """The name the one regulation `amendment` amends goes by in its language (`self_name.own_names`), by language,
    and its appendices' own words (`address.designated.designations`); none for an amendment of several, or of one
    the workspace does not hold."""
    from regdraft.core.address.designated import designations
    from regdraft.core.amend.self_name import own_names

    if amendment is None or len(amendment.regulations) != 1:
        return {}, {}
    try:
        regulation = load_regulation(ws, amendment.regulations[0], rev)
    except RegdraftError:
        return {}, {}
    return {amendment.language: own_names(regulation, amendment.language)[0]}, designations(regulation.units)


def _alphabets(ws: Workspace, amendment: Amendment, rev: str | None) -> dict[str, str]:
    """The point alphabet (`Regulation.alphabet`) of each regulation the amendment amends that the workspace holds
    (at `rev`), by id; one it does not hold is left out (the document alone decides, and `amend check` names it)."""
    found: dict[str, str] = {}
    for reg in amendment.regulations:
        try:
            found[reg] = load_regulation(ws, reg, rev).alphabet
        except RegdraftError:
            continue
    return found


def load_or_front(ws: Workspace, slug: str) -> tuple[Amendment, ParseError | None]:
    """`load`, or, when the amendment does not read, its front matter alone (`front_matter_only`) with the error
    its instructions gave; the error raised when the front matter does not read either."""
    try:
        return load(ws, slug), None
    except ParseError as exc:
        relative = amendment_path(slug)
        front = front_matter_only(ws.read(relative), relative, slug)
        if front is None:
            raise
        return front, exc


def list_amendments(ws: Workspace) -> list[Amendment]:
    """Every amendment that can be read, sorted by name (see `survey` for the broken ones too)."""
    return [a for a in (entry.amendment for entry in survey(ws)) if a is not None]


def new_regulation_words(row: Mapping[str, Any]) -> tuple[str, str]:
    """`new regulation 01-QC/TU-XV replacing 01-QC/TU` and `31 articles`: a new regulation's draft as `amend list`
    and `amend show` say it, in place of the regulation it amends and its instructions (it has none)."""
    articles = row["articles"]
    size = "" if articles is None else f"{articles} article{'' if articles == 1 else 's'}"
    return f"new regulation {row['new_regulation']} replacing {', '.join(row['replacing'])}", size


@dataclass(frozen=True, slots=True)
class Entry:
    """One amendment of `amend list`: the document, or why it cannot be read."""

    slug: str
    amendment: Amendment | None
    error: ParseError | None = None
    votes: str = ""  # the conference votes on it in a word (`vote_shown.VotesOn.word`), as `amend list` says them
    articles: int | None = None  # a new regulation's draft: the articles of its text (`vote_shown.with_articles`)

    def row(self) -> dict[str, Any]:
        """The entry as `amend list --json` lists it."""
        a = self.amendment
        return {"slug": self.slug, "status": a.status if a else "unreadable", "draft": a.draft if a else None,
                "number": a.number if a else "", "regulation": a.regulation if a else "",
                "regulations": [reg for reg, _ in a.amending_articles] if a else [],
                "instructions": len(a.instructions) + sum(len(part.instructions) for part in a.others) if a else 0,
                "replacing": list(a.replacing) if a else [],
                "new_regulation": str(a.meta.get("id") or "") if a and a.replacing else "",
                "articles": self.articles,
                "error": counted(len(self.error.problems) or 1, "problem") if self.error else "",
                "signed": a.signed.isoformat() if a and a.signed else None,
                "effective": a.effective.isoformat() if a and a.effective else None,
                "dated": _dated(a) if a else [], "votes": self.votes}

    def line(self) -> str:
        """The entry as one aligned line of `amend list`."""
        r = self.row()
        draft = f"draft {r['draft']}" if r["draft"] else ""
        count = r["instructions"]
        detail = r["error"] or f"{count} instruction{'' if count == 1 else 's'}"
        number = r["number"] or "-"
        regulations = ", ".join(r["regulations"]) or r["regulation"]
        if r["replacing"] and not r["error"]:  # a new regulation's draft amends nothing: what it replaces, its size
            regulations, detail = new_regulation_words(r)
        signed = f"signed {r['signed']}" if r["signed"] else ""
        effective = f"effective {r['effective']}" if r["effective"] else ""
        dated = "".join(f"; {d['instructions']} effective {d['effective']}" for d in r["dated"])
        votes = f"; {r['votes']}" if r["votes"] else ""
        return (f"{r['slug']:<24} {r['status']:<12} {draft:<8} {number:<14} {signed:<18} {effective:<20} "
                f"{regulations:<12} {detail}{dated}{votes}")

    def order(self) -> tuple[int, dt.date, dt.date, str]:
        """Where `amend list` puts it: the adopted ones first, in the order they take effect (then signed), as a
        regulation's history reads; the rest after them by name."""
        a = self.amendment
        if a is None or a.status != "adopted":
            return (1, dt.date.max, dt.date.max, self.slug)
        return (0, a.effective or dt.date.max, a.signed or dt.date.max, self.slug)


def _dated(amendment: Amendment) -> list[dict[str, str]]:
    """The instructions its entry into force dates otherwise than the document (`core.amend.staged`), as `amend
    list` names them: `khoản 3 Điều 1` and the date."""
    from regdraft.core.amend.staged import cite_places, dated_parts

    return [{"instructions": cite_places(part.places, amendment.language), "effective": part.day.isoformat()}
            for part in dated_parts(amendment) if part.day != amendment.effective]


def survey(ws: Workspace) -> list[Entry]:
    """Every amendment in the workspace, readable or not; read once in a run (`run_memo`: `check` read all 200
    amendments again for each pending one's neighbours, 22,000 readings)."""
    return list(kept(ws, "survey", lambda: _survey(ws)))


def listed(ws: Workspace) -> list[Entry]:
    """`amend list`: every amendment (`survey`), the adopted ones first by effective date (`Entry.order`)."""
    return sorted(survey(ws), key=Entry.order)


def _survey(ws: Workspace) -> list[Entry]:
    out = []
    for slug in slugs(ws):
        try:
            out.append(Entry(slug, load(ws, slug)))
        except ParseError as exc:
            out.append(Entry(slug, None, exc))
    return out


def amended_id(ws: Workspace, amendment: Amendment, named: str) -> str | None:
    """The id, as `amendment` names it, of the regulation `named` (an id, file stem or path) when the
    document amends it; None when it does not."""
    named = named.strip()
    if named in amendment.regulations:
        return named
    try:
        wanted = ws.locate_regulation(named)
    except RegdraftError:
        return None  # not a regulation of the workspace
    for reg in amendment.regulations:
        try:
            if ws.locate_regulation(reg) == wanted:
                return reg
        except RegdraftError:
            continue
    return None


def target_regulation(ws: Workspace, amendment: Amendment, rev: str | None = None) -> Regulation:
    """The regulation an amendment names, as it stands in the working tree (or at `rev`)."""
    if not amendment.regulation:
        raise RegdraftError(f"{amendment.source}: the front matter does not name the regulation it amends.")
    return load_regulation(ws, amendment.regulation, rev)


# Rounds and comments are read here, below every module that writes them, so that the adoption
# gates and `check` read them without importing the round commands.


def load_rounds(ws: Workspace, slug: str) -> list[Round]:
    """Every round of an amendment, by number."""
    amendment_file(ws, slug)
    paths = ws.files(rounds_folder(slug), "*.yaml")
    if not paths:
        return []  # no round yet: PyYAML is not imported
    from regdraft.core.round_yaml import round_from_yaml  # rounds and comments: YAML, read only when asked for

    rounds = [round_from_yaml(ws.read(p), p) for p in paths]
    return sorted(rounds, key=lambda r: r.number)


def load_comments(ws: Workspace, slug: str, unreadable: list[tuple[str, ParseError]] | None = None) -> list[Comment]:
    """Every comment on an amendment, by round then in the order they were made (`core.comment_order`).

    A file that does not read raises its `ParseError`, and so does a committed one deleted from the working tree
    (`deleted_comments`) and a folder standing where a comment file should be (`unreadable_comments.misplaced`);
    with `unreadable`, it is added there (path, error) and the others are read (`check` names each such file and
    checks the rest), and so is a file that reads but holds a key regdraft does not know (`proposl:`), its comment
    kept. A workspace keeping unreadable comment files aside (the review server's, `unreadable_comments`) adds them
    to its own list, a deleted one too: a member reads every other comment (r40 left: the comments page was a 422)."""
    from regdraft.core.comment_order import in_made_order
    from regdraft.workspace.comment_cache import Shelf, now, reading, unchanged
    from regdraft.workspace.deleted_comments import refuse_deleted
    from regdraft.workspace.unreadable_comments import as_parse_error, misplaced, misplaced_error

    taken = now()
    # Where a file that does not read goes: the caller's list, else the review server's (`unreadable_comments`).
    aside = unreadable if unreadable is not None else ws.comments_aside
    # A committed comment file deleted by mistake is named, never left out; one renamed to a name that breaks the
    # folder's rule too, at its new name, which is then not read again as a comment named otherwise.
    renamed = refuse_deleted(ws, slug, aside)
    listed = ws.listed(comments_folder(slug), ".yaml")  # once, for both
    for path in misplaced(ws, listed):  # a folder where the file should be: named, never left out
        if aside is None:
            raise misplaced_error(path)
        aside.append((path, misplaced_error(path)))
    entries = [entry for entry in files_listed(ws, slug, listed) if entry[0] not in renamed]
    if not entries:
        return []  # no comment yet: PyYAML is not imported
    comments = []
    where = str(ws.root)
    # A file whose status says it has not changed since it was read is not read again (`comment_cache`); one this
    # process has not read is taken from the readings the last command kept (when its bytes match), unless this
    # process knows nearly all (the review server, a comment added: parsing it costs less than the shelf).
    known = [unchanged(where, path, info) if info is not None else None for path, info in entries]
    shelf = Shelf(ws, slug, _read_comment) if Shelf.worth(known.count(None), len(known)) else None
    for (path, info), found in zip(entries, known, strict=True):
        try:
            comment, problems = found or reading(path, ws.read(path), _read_comment, where, info, taken, shelf)
            if comment is not None:
                comments.append(comment)
            if problems and (comment is None or unreadable is not None):
                from regdraft.core.comment_yaml import comment_error

                # A comment read with a warning alone is listed with its problems as they are: one problem made
                # one sentence, and `check` failed on a warning (a comment file holding U+202E alone; r37).
                raise comment_error(list(problems)) if comment is None else ParseError.collect(problems)
        except (ParseError, StoreError) as exc:  # the store's: a file it may not open (mode 000)
            if aside is None:
                raise
            aside.append((path, as_parse_error(path, exc)))
    if shelf is not None:
        shelf.save({path for path, _ in entries})
    return in_made_order(comments)


def comment_files(ws: Workspace, slug: str) -> list[tuple[str, os.stat_result | None]]:
    """The comment files of an amendment, sorted, each with its status when the folder gives it (`ws.listed`):
    what `ws.files` lists (a link to a file too, which `ws.read` refuses)."""
    return files_listed(ws, slug, ws.listed(comments_folder(slug), ".yaml"))


def files_listed(ws: Workspace, slug: str, listed: list[tuple[str, os.stat_result]] | None
                 ) -> list[tuple[str, os.stat_result | None]]:
    """`comment_files` of the listing of the amendment's comments folder the caller made (`ws.listed`)."""
    folder = comments_folder(slug)
    if listed is None:
        return [(path, None) for path in ws.files(folder, "*.yaml")]
    # A link is listed as `files` lists it (to a file: `read` then names the link), without its status, and never
    # resolved through `ws.path`, which refused a link leading outside before `read` could say what it is.
    return [(path, info if stat.S_ISREG(info.st_mode) else None) for path, info in listed
            if stat.S_ISREG(info.st_mode) or (ws.root / path).is_file()]


def _read_comment(path: str, data: bytes) -> tuple[Comment | None, tuple[Problem, ...]]:
    """A comment file's comment (None when it does not read) and its problems, one named by another id among them."""
    from regdraft.core.comment_yaml import read_comment

    comment, problems = read_comment(data, path)
    misnamed = _misnamed(comment, path, data) if comment is not None else None
    if comment is not None and misnamed is not None:
        comment, problems = None, sorted([misnamed, *problems], key=lambda p: (not p.line, p.line))
    return comment, tuple(problems)


def _misnamed(comment: Comment, path: str, data: bytes) -> Problem | None:
    """A comment file is named by its comment's id (`e5ea.yaml` holds `id: e5ea`): one edited by hand to another
    id was answered under that id as a second file, and the report listed the comment twice."""
    from regdraft.core.comment_yaml import key_line

    stem = PurePosixPath(path).stem
    if comment.id == stem:
        return None
    return Problem(f"holds 'id: {comment.id}', but a comment's id is its file's name; write 'id: {stem}' (or rename "
                   f"the file, if no other comment is named {comment.id}).", path, key_line(data, "id"))


def document_name(doc: Amendment, words: Mapping[str, str]) -> str:
    """An amending document as a note or a citation names it: `Quy chế số 05-QC/TU` once adopted or issued (a
    signed decree imported to be consolidated), `Dự thảo 05-QC/TU`, `Dự thảo lần 2` while a draft."""
    from regdraft.core.amend import document

    if (str(doc.status) not in document.PENDING and doc.number) or doc.issued:
        kind = compound_type(str(doc.meta.get("title") or ""), str(doc.meta.get("type") or ""))
        return f"{kind or words['amended']} {words['number_cited']} {doc.number}"
    if doc.number:
        return f"{words['draft_document']} {doc.number}"
    return f"{words['redline_draft']} {doc.draft}" if doc.draft else words["amended"]


def read_back(ws: Workspace, text: bytes | str, relative: str, slug: str, language: str = "vi") -> Amendment:
    """`load_amendment` of a text a write made (a status set, an adoption, a merge, a resolved conflict, an accepted
    proposal), read as `load` reads it: keeping its original's instruction numbers when it is a translation's amending
    document numbered as its original's (`kept_numbers`). Such a document passed `amend check` and `round open` and
    then could not be set circulating ("number it 1", r39 sweep BW F1)."""
    from regdraft.core.amend.document import load_amendment

    try:
        return load_amendment(text, relative, slug, language)
    except ParseError:
        if not kept_numbers(ws, front_matter_only(text, relative, slug)):
            raise
        return load_amendment(text, relative, slug, language, kept_numbers=True)


def kept_numbers(ws: Workspace, amendment: Amendment | None, rev: str | None = None) -> bool:
    """Whether `amendment` amends a translation and bears the number of an amending document of its original, or no
    number yet (`amend number` reads it before giving it one; a translation holds no number of its own, docs/format.md)
    (`translated_amendments`' post-condition 2). Read from front matter only: loading the original's amendments must
    not read this one. Here, not in `translated_amendments`: that module reads the original's adoptions (`timeline`),
    which read amendments through this one."""
    from regdraft.core.document_names import number_key

    if amendment is None or len(amendment.regulations) != 1:
        return False
    try:
        original = str(load_regulation(ws, amendment.regulations[0], rev).meta.get("translation_of") or "").strip()
    except RegdraftError:
        return False
    if not original or not amendment.number:
        return bool(original)
    key = number_key(amendment.number)
    for slug in slugs(ws):
        path = amendment_path(slug)
        front = front_matter_only(ws.read(path), path, slug)
        if front is not None and original in front.regulations and front.number and number_key(front.number) == key:
            return True
    return False


def numbers_kept(ws: Workspace, versions: Sequence[Amendment]) -> str | None:
    """Why the document's own instructions must keep their numbers, in words; None for a draft, numbered anew as
    `amend from-edits` numbers it. An issued text (numbered and signed: an imported law or decree) or an adopted
    one is cited by its numbers (the consolidated text's footnotes); a translation's are its original's
    (`workspace.instruction_merge` merging two drafters' additions, `amend from-edits` writing new ones)."""
    if any(doc.issued for doc in versions):
        return f"{versions[0].number or 'the document'} is an issued text"
    if any(doc.status not in PENDING for doc in versions):
        return f"{versions[0].number or 'the document'} is {versions[0].status}"
    if kept_numbers(ws, versions[0]):
        return "a translation is numbered as its original"
    return None

"""Saving an imported regulation or amending document: to a file of the user's choosing, or committed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from regdraft.core.encodings import readable_head
from regdraft.core.errors import Problem, RegdraftError, StoreError, UsageError
from regdraft.core.frontmatter import read_front_matter
from regdraft.importer.amendment import AmendmentImport
from regdraft.importer.report import ImportResult
from regdraft.render.files import write_atomic
from regdraft.workspace.amendments import refuse_case_twin
from regdraft.workspace.store import Workspace
from regdraft.workspace.store_history import IMPORTED


def save_to_file(result: ImportResult, output: Path, force: bool = False) -> Path:
    """Write the imported file to `output`; never over an existing file unless `force`."""
    if output.exists() and not force:
        raise RegdraftError(f"{output} already exists; overwrite it only if you mean to (nothing was written).",
                            options=("force",))
    write_atomic(output, result.text.encode("utf-8"))
    return output


ORG = "org"  # the shipped profile of an organisation's own rules (`remote_setup.ORG`)


def with_own_profile(result: ImportResult, ws: Workspace) -> ImportResult:
    """An English text of its own imported into a workspace whose profile would head it with a national line: the
    file asks for the org profile (`profile: org` in its front matter), with a note saying why and how to undo it,
    as a header with the Quốc hiệu asks for state-30 (`importer.names.state_profile`). Not a translation
    (`translation_of`: it prints as its original), nor a text with a national line or profile of its own: those
    print as they ask. An organisation's Bylaws imported into a workspace `init` set to party-36 were headed
    `COMMUNIST PARTY OF VIETNAM`."""
    import dataclasses

    from regdraft.importer.report import Note
    from regdraft.workspace.profiles import profile_for

    regulation, meta = result.regulation, result.regulation.meta
    if regulation.language != "en" or any(meta.get(key) for key in ("profile", "translation_of", "national")):
        return result
    profile = profile_for(ws, meta)
    front, closing, body = result.text.partition("\n---\n")
    if not profile.national_en or not closing or not front.startswith("---"):
        return result
    note = Note(0, "info", f"The text is in English, a text of its own with no national line, and the workspace's "
                           f"documents print with the {profile.name} profile, which would head it "
                           f"`{profile.national_en}`: the file asks for the org profile (`profile: {ORG}`: no "
                           "national line, motto or star); remove the line to print it as the workspace's other "
                           "documents.")
    return dataclasses.replace(
        result, text=f"{front}\nprofile: {ORG}{closing}{body}",
        regulation=dataclasses.replace(regulation, meta={**meta, "profile": ORG}),
        report=dataclasses.replace(result.report, notes=(*result.report.notes, note)))


def save_to_workspace(result: ImportResult, ws: Workspace, force: bool = False) -> str:
    """Commit the imported file as regulations/<id>.md (one commit); return its relative path."""
    with ws.writing("import"):
        return _save(result, ws, force)


def _save(result: ImportResult, ws: Workspace, force: bool) -> str:
    relative = result.regulation.source
    data = result.text.encode("utf-8")
    same = ws.exists(relative) and ws.same_recorded(relative, ws.read(relative), data)  # CRLF of autocrlf: the same
    if ws.exists(relative) and not same:
        _refuse_over_history(result, ws, relative)
    if ws.exists(relative) and not force:
        raise StoreError(f"{relative} already exists in the workspace; replace it only if you mean to "
                         "(the old text stays in git history).", options=("force",))
    from regdraft.workspace.replacing import regulation_case_twin

    twin = regulation_case_twin(ws, relative)
    if twin is not None:  # `--id 01-qc/tu` beside 01-QC/TU: one file where names ignore capitals (r43 sweep CK F2)
        raise UsageError(f"{relative} differs only in capitals from {twin}, the file of the regulation "
                         f"{ws.regulation_id_in(twin)}: where file names ignore capitals (Windows, macOS) they are one "
                         "file; nothing was imported. Give the regulation an id of its own, or replace that one.")
    if same and not ws.dirty([relative]):
        return relative  # the same text is already committed: nothing to record
    ws.commit({relative: data},
              f"{IMPORTED}{result.regulation.id} from {result.report.source}")
    return relative



def _refuse_over_history(result: ImportResult, ws: Workspace, relative: str) -> None:
    """Refuse to put a new text in place of a regulation with adopted amendments: its base text and the amendments
    replayed on it would no longer give the file, and `check` would reject the workspace from then on."""
    from regdraft.core.commands import Command
    from regdraft.core.layout import base_path
    from regdraft.workspace.timeline import adopted_for

    reg_id = result.regulation.id
    adopted = adopted_for(ws, reg_id)
    if not adopted:
        return
    named = ", ".join(a.number or a.slug for a in adopted)
    again = Command.of("import", result.report.source, reg_id=f"{reg_id}-XV")
    raise StoreError(
        f"{relative} has adopted amendments ({named}), replayed on its base text {base_path(relative)}; a new text "
        f"in its place would contradict them, so nothing was written. A new regulation that replaces {reg_id} (a new "
        f"term's) is imported under its own id (`{again}`, its term's numeral after the number), with "
        f"'replaces: {reg_id}' in its front matter (docs/format.md): {reg_id} then stays as it last stood, its "
        f"history kept. A change to {reg_id} itself is made by an amendment.")


def import_amendment_file(path: Path, slug: str, ws: Workspace, *, regulations: Sequence[str] = (),
                          encoding: str | None = None, output: Path | None = None,
                          force: bool = False) -> tuple[str, AmendmentImport]:
    """Import an amending document; commit it as amendments/<slug>/amendment.md, or write it to `output`.

    The articles that amend a regulation are found among the workspace's regulations (or those
    named in `regulations`). Returns where it was written and the import.
    """
    from regdraft.core.layout import amendment_path
    from regdraft.importer.amendment import import_amendment

    relative = amendment_path(slug)
    metas: dict[str, Mapping[str, Any]] = {}
    for file in ws.regulation_files():
        problems: list[Problem] = []
        text = readable_head(ws.read(file))  # UTF-16 too; a file that does not read names no regulation here
        _, meta, _ = read_front_matter(text.split("\n"), file, problems, absent="")
        if meta and meta.get("id"):
            metas[str(meta["id"])] = meta
    unknown = [r for r in regulations if r not in metas]
    if unknown:
        raise UsageError(f"{unknown[0]} is not a regulation of this workspace "
                         f"(known: {', '.join(sorted(metas)) or 'none'}).", options=("regulations",))
    result = import_amendment(path, slug, metas, encoding, regulations)
    data = result.text.encode("utf-8")
    if output is not None:
        if output.exists() and not force:
            raise RegdraftError(f"{output} already exists; overwrite it only if you mean to (nothing was written).",
                                options=("force",))
        write_atomic(output, data)
        return str(output), result
    with ws.writing("amend import"):  # before any answer: an interrupted write is refused first, as by every writer
        return _commit_amendment(ws, path, slug, relative, data, result, force), result


def _commit_amendment(ws: Workspace, path: Path, slug: str, relative: str, data: bytes, result: AmendmentImport,
                      force: bool) -> str:
    if ws.path(relative).exists() and not force:
        raise StoreError(f"{relative} already exists in the workspace; replace it only if you mean to "
                         "(the old text stays in git history).", options=("force",))
    refuse_case_twin(ws, slug)
    if result.amendment is not None and result.amendment.number:  # the same issued document imported twice
        from regdraft.workspace.numbers import refuse_taken, refuse_untaggable

        refuse_untaggable(result.amendment)  # `61/2020/NĐ-CP;touch${IFS}x;` would be its tag's name
        refuse_taken(ws, result.amendment)
    ws.commit({relative: data}, f"Import amending document {result.amendment.number if result.amendment else slug} "
                                f"from {path.name} as {slug}")
    return relative

"""Two regulation files anywhere on disk compared (`regdraft compare`): each read as regdraft reads a regulation, or
through the importer for a Word or text document (what it said of a legacy encoding kept for the command to say).
Split out of `workspace.redline` (r44 office44), unchanged.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from regdraft.core.diff import compare
from regdraft.core.errors import RegdraftError
from regdraft.core.model import Regulation
from regdraft.render.redline import Redline, Version
from regdraft.render.redline_helpers import replaces, words_for
from regdraft.workspace.redline import kept_fragments, named_by
from regdraft.workspace.roots import workspace_of

if TYPE_CHECKING:
    from regdraft.importer.report import ImportReport


def build_files(old_path: Path, new_path: Path, *, strict_tones: bool = False) -> Redline:
    """Compare two regulation files anywhere on disk."""
    said: list[str] = []
    try:
        old, new = _read_any(old_path, said), _read_any(new_path, said)
    except FileNotFoundError as exc:
        raise RegdraftError(f"{exc.filename} does not exist.") from None
    from regdraft.workspace.renumbered_refs import renumbered_sentences, twice_sentences

    old_v = Version(old_path.name, old.id, **named_by(old))
    new_v = Version(new_path.name, new.id, **named_by(new))
    if replaces(new, old):  # a new regulation against the one it replaces: named by their titles, not one number
        old_v, new_v = _by_titles(old_v, old), _by_titles(new_v, new)
    comparison = compare(old, new, strict_tones=strict_tones)
    references = renumbered_sentences(comparison) + twice_sentences(comparison)
    return Redline(comparison, old_v, new_v, new_v.draft, stem=new_path.stem, references=references,
                   table_references=references, kept=kept_fragments(new), kept_old=kept_fragments(old),
                   read_notes=tuple(said))


def _by_titles(version: Version, reg: Regulation) -> Version:
    """A side named by its title (`Quy chế làm việc … khóa XV …`), as a new term's regulation and the one it replaces
    may bear one number; a draft (`draft: 2` in its front matter) as `Dự thảo lần 2`."""
    draft = reg.meta.get("draft")
    numbered = draft if isinstance(draft, int) and not isinstance(draft, bool) and draft > 0 else None
    if numbered is None:
        return replace(version, title=str(reg.meta.get("title") or ""))
    label = f"{words_for(reg.language)['redline_draft']} {numbered}"
    return replace(version, label=label, title=str(reg.meta.get("title") or ""), draft=numbered)


def _read_any(path: Path, said: list[str]) -> Regulation:
    """A regulation file, or a Word or text document read by the importer (`.docx`, `.txt`); what the importer said
    of a legacy encoding it converted is added to `said`, as `import` says it."""
    if path.suffix.lower() in (".docx", ".txt"):
        from regdraft.importer import import_file

        result = import_file(path)
        said.extend(_legacy_read(path.name, result.report))
        return result.regulation
    from regdraft.workspace.file_keys import read_regulation_file

    return read_regulation_file(workspace_of(path), path).regulation


_LEGACY = {"tcvn3": "TCVN3", "vni": "VNI", "cp1258": "Windows-1258"}


def _legacy_read(name: str, report: ImportReport) -> list[str]:
    """What `compare` says of a file the importer read in a legacy encoding (`report`): the encoding and the capitals
    put back. Nothing for a Unicode file."""
    from regdraft.importer.legacy import CAPITALS_SAID

    named = " and ".join(shown for code, shown in _LEGACY.items() if code in report.encoding.split(" with ")[-1])
    if not named:
        return []
    read = (f"{name}: its runs in {named} fonts were converted to Unicode" if report.unit == "paragraph"
            else f"{name} was read as {named} and converted to Unicode")
    return [f"{read}.", *(f"{name}, {report.unit} {note.where}: {note.message}" for note in report.notes
                          if note.message.startswith(CAPITALS_SAID))]

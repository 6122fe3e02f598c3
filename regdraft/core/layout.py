"""Where documents live inside a workspace, as relative paths: the folder layout, defined once.

    regdraft.yaml                                   the workspace settings
    regulations/<id>.md                             a regulation (`01-QC/TU` -> `01-QC-TU.md`)
    regulations/history/<stem>/base.md              its text before the first adopted amendment
    amendments/<slug>/amendment.md                  an amending document
    amendments/<slug>/rounds/<n>.yaml               a comment round on it
    amendments/<slug>/comments/<id>.yaml            a comment
    amendments/<slug>/vote.yaml                     the conference vote
    amendments/<slug>/vote-parts.yaml               its votes on parts of the draft
    templates/                                      the office's template overrides
    profiles/<name>.yaml                            a document profile of the office's own
    out/                                            documents written by default (not versioned)

Naming only: nothing here reads or writes a file.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from regdraft.core.errors import UsageError
from regdraft.core.patterns import lazy

CONFIG = "regdraft.yaml"
REGULATIONS = "regulations"
AMENDMENTS = "amendments"
TEMPLATES = "templates"
PROFILES = "profiles"
OUTPUT = "out"
FOLDERS = (REGULATIONS, AMENDMENTS, TEMPLATES)
# The end of the name of a file regdraft writes before giving it its own (`NAME.regdraft-tmp`): named here, where
# naming costs nothing, so that an output's face (`workspace.outputs`) need not load the store's repair code for it.
TEMPORARY = ".regdraft-tmp"


def regulation_filename(reg_id: str) -> str:
    """The file name for a regulation id: `01-QC/TU` -> `01-QC-TU.md`."""
    return reg_id.replace("/", "-").replace(" ", "-") + ".md"


def regulation_path(reg_id: str) -> str:
    """Where a regulation with this id lives: `regulations/01-QC-TU.md`."""
    return f"{REGULATIONS}/{regulation_filename(reg_id)}"


def name_case(name: str) -> str:
    """A file name as a file system that ignores capitals compares it (Windows' NTFS, macOS's APFS): each character
    by its simple uppercase, one whose uppercase is longer as itself (`straße` stays, and is not `STRASSE`; `ı` is
    `I`); casefold made `02-straße` one with `02-STRASSE` and `03-ı` none with `03-I` (r44 sweep CI F6)."""
    return "".join(upper if len(upper := c.upper()) == 1 else c for c in name)


def base_path(regulation: str) -> str:
    """Where the text a regulation (at this path) had before its first adopted amendment is kept."""
    return f"{REGULATIONS}/history/{PurePosixPath(regulation).stem}/base.md"


# Names that become file names are literal: letters, digits, hyphens (and underscores in slugs);
# no dot, slash, glob character or space can reach a path or a glob pattern.
SLUG = lazy(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")
COMMENT_ID = lazy(r"[a-z0-9][a-z0-9-]{0,31}")


def amendment_folder(slug: str) -> str:
    """The folder of an amendment and everything about it: `amendments/<slug>`.

    A slug that is not a literal name (letters a-z without accents, digits, hyphens, underscores) is a
    `UsageError`: to a Vietnamese drafter ử and đ are letters too, so the message says which.
    """
    if not SLUG.fullmatch(slug):
        named = slug_in_path(slug)
        if named is not None:  # `amendments/qc-sua-doi-2025/amendment.md`: a path to it, its name inside
            raise UsageError(f"'{slug}' is a path; name the amendment by its name, {named}.")
        raise UsageError(f"'{slug}' is not an amendment name; use letters without accents (a-z), digits and "
                         f"hyphens, e.g. {suggested_slug(slug)}.")
    return f"{AMENDMENTS}/{slug}"


_IN_PATH = lazy(rf"(?:.*[/\\])?{AMENDMENTS}[/\\]([A-Za-z0-9][A-Za-z0-9_-]{{0,99}})(?:[/\\].*)?"
                r"|([A-Za-z0-9][A-Za-z0-9_-]{0,99})[/\\](?:amendment\.md)?")


def slug_in_path(text: str) -> str | None:
    """The amendment's name in a path to its folder or a file in it (`amendments/qc-sua-doi-2025/amendment.md`,
    `../amendments/x/comments`, `x/` as a shell completes a folder, `x/amendment.md`); None for any other text."""
    found = _IN_PATH.fullmatch(text.strip())
    named = (found.group(1) or found.group(2)) if found is not None else None
    return named if named != AMENDMENTS else None  # `amendments/`: the folder of them all


def comment_id(text: str) -> str:
    """A comment id as typed (`A3F9 ` -> `a3f9`); a `UsageError` when it is not a literal id."""
    cid = text.strip().lower()
    if not COMMENT_ID.fullmatch(cid):
        raise UsageError(f"'{text}' is not a comment id; ids are letters and digits such as a3f9 "
                         "(see `regdraft comment list`).")
    return cid


def amendment_path(slug: str) -> str:
    """Where an amendment lives: `amendments/<slug>/amendment.md`."""
    return f"{amendment_folder(slug)}/amendment.md"


def rounds_folder(slug: str) -> str:
    """The comment rounds of an amendment, one `<n>.yaml` each."""
    return f"{amendment_folder(slug)}/rounds"


def comments_folder(slug: str) -> str:
    """The comments on an amendment, one `<id>.yaml` each."""
    return f"{amendment_folder(slug)}/comments"


VOTE_FILE = "vote.yaml"


def vote_path(slug: str) -> str:
    """The conference vote on an amendment."""
    return f"{amendment_folder(slug)}/{VOTE_FILE}"


VOTE_PARTS_FILE = "vote-parts.yaml"


def vote_parts_path(slug: str) -> str:
    """The conference's votes on parts of an amendment's draft."""
    return f"{amendment_folder(slug)}/{VOTE_PARTS_FILE}"


def suggested_slug(text: str) -> str:
    """An amendment name made from what was typed: `Sửa đổi 2026` -> `sua-doi-2026`."""
    from regdraft.core.text import unaccented

    words = re.findall(r"[a-z0-9]+", unaccented(text))
    return "-".join(words)[:100].strip("-") or "qc-sua-doi-2025"

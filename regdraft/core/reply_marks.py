"""The hidden marks regdraft writes into the Word files members reply on, and reads back from a reply.

Word keeps a bookmark whose name starts with `_` hidden, and allows letters, digits and `_` in its name:
- `_rd12_d5_k2_b` (`bookmark_name`): the provision a paragraph of the review copy is (in a copy of several
  amended texts `_rd12_t2_d5_k2_b`, the second text);
- `_rdcopy_<digest>_r2_d3` (`CopyMark`): which amendment (a digest of its slug), round and draft a review copy is;
- `_rdredline_<digest>` (`redline_mark`): the author of a Word redline's own tracked changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BOOKMARK_PREFIX = "_rd"
# `_rd12_d5_k2_b`; in a copy of several amended texts `_rd12_t2_d5_k2_b` (the second text of the copy).
_BOOKMARK = re.compile(r"_rd\d+_(?:t(?P<text>\d+)_)?(?P<code>[A-Za-z0-9_]+)")


# `_rdcopy_3f2a9c01de_r2_d3`: the review copy of the amendment whose slug has that digest, round 2, draft 3.
_COPY = re.compile(r"_rdcopy_(?P<digest>[0-9a-f]{10})_r(?P<round>\d+)_d(?P<draft>\d+)")


@dataclass(frozen=True, slots=True)
class CopyMark:
    """Which review copy a reply was written on: its amendment (a digest of the slug), round and draft."""

    digest: str
    round: int
    draft: int

    @property
    def bookmark(self) -> str:
        """The hidden bookmark the review copy carries (at most 40 characters, as Word allows)."""
        return f"_rdcopy_{self.digest}_r{self.round}_d{self.draft}"

    @staticmethod
    def of(slug: str, round_number: int, draft: int) -> CopyMark:
        """The mark of the review copy of `slug`'s round."""
        return CopyMark(slug_digest(slug), round_number, draft)

    @staticmethod
    def read(name: str) -> CopyMark | None:
        """The mark a bookmark name carries, or None for any other bookmark."""
        match = _COPY.fullmatch(name)
        return CopyMark(match["digest"], int(match["round"]), int(match["draft"])) if match else None


REDLINE_MARK = "_rdredline_"


def redline_mark(author: str) -> str:
    """The hidden bookmark of a Word redline naming (by a digest) the author of its own tracked changes:
    a reply made on the redline reads those as the text circulated, not as the reviewer's changes."""
    return REDLINE_MARK + slug_digest(author)


def slug_digest(slug: str) -> str:
    """A short digest of an amendment's slug: a bookmark name holds letters, digits and `_` only."""
    import hashlib

    return hashlib.sha1(slug.encode("utf-8")).hexdigest()[:10]


def bookmark_name(number: int, address: str, text: int = 0) -> str:
    """The hidden Word bookmark that carries a provision's address (`_rd12_d5_k2_b`).

    Word hides bookmarks whose name starts with `_` and allows letters, digits and `_` only;
    the running number keeps names unique when a provision spans several paragraphs. `text`
    numbers the amended text of a copy holding several (`_rd12_t2_d5_k2_b`); 0 names none.
    """
    which = f"t{text}_" if text else ""
    return f"{BOOKMARK_PREFIX}{number}_{which}{address.replace('.', '_')}"


def bookmark_address(name: str) -> str | None:
    """The address a review-copy bookmark carries, or None for any other bookmark."""
    found = bookmark_target(name)
    return found[1] if found else None


def bookmark_target(name: str) -> tuple[int, str] | None:
    """The amended text (1, 2 ... in the copy; 0 when the bookmark names none: the first or only
    regulation) and the address a review-copy bookmark carries, or None for any other bookmark."""
    match = _BOOKMARK.fullmatch(name)
    if not match:
        return None
    return int(match.group("text") or 0), match.group("code").replace("_", ".")

"""A working file compared with a text as git records both: the CRLF line ends git's settings put in a checkout are
no difference. Owns git (`git hash-object`), with store.py; `LineEnds` is mixed into `Workspace`.

Git for Windows installs with `core.autocrlf=true`: a clone's files are checked out with CRLF line ends and recorded
with LF again. regdraft writes LF, so comparing a working file's bytes with what regdraft would write found every such
file changed: `fmt --check` said "would reformat" of every regulation, and `fmt` made a commit git found empty (r35
sweep BI).

Post-conditions of `LineEnds.same_recorded(relative, data, text)`:
1. True when the bytes are equal; False, with no git run, when they differ in more than a CR before a line feed (or
   one is None, no file, and the other is not).
2. Otherwise true exactly when git, under this repository's settings (`core.autocrlf`, `core.eol`, the `text` and
   `eol` attributes), would record both at `relative` as the same text: with `core.autocrlf=false` and no
   attributes, a file with CRLF line ends is recorded with them, and differs from the text with LF.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING


def blob_id(data: bytes) -> str:
    """The id git gives a file holding `data` (its object name): the same text, the same id."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def only_line_ends(data: bytes, text: bytes) -> bool:
    """Whether `data` and `text` differ, and only by a CR before a line feed (what git's line-end settings change)."""
    return data != text and data.replace(b"\r\n", b"\n") == text.replace(b"\r\n", b"\n")


class LineEnds:
    """What git records of a working file's bytes; mixed into `Workspace`."""

    if TYPE_CHECKING:
        def _query(self, command: str, *args: str, unborn: str | None = None, given: bytes | None = None) -> str: ...

    def recorded_id(self, relative: str, data: bytes) -> str:
        """The id of the text git would record for a working file at `relative` holding `data` (`git add`'s line-end
        conversion applied); bytes with no CR are recorded as they are, and no git is run for them."""
        if b"\r" not in data:
            return blob_id(data)
        return self._query("hash-object", "--stdin", f"--path={relative}", given=data).strip()

    def same_recorded(self, relative: str, data: bytes | None, text: bytes | None) -> bool:
        """Whether git records a working file at `relative` holding `data` as it records one holding `text` (see
        the module's post-conditions); None is no file."""
        if data is None or text is None or not only_line_ends(data, text):
            return data == text
        return self.recorded_id(relative, data) == self.recorded_id(relative, text)

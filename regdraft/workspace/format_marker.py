"""The workspace format marker, `.regdraft/format.yaml`: the format the workspace's files are written in, so that a
regdraft older than the files refuses to write to them instead of silently dropping what it does not know.

regdraft of early December 2026 rewrote a comment file without the keys a newer one had written there (`sequence`,
`link`, `edited` …), and sync spread the loss (r39 sweep CA F1). Those versions cannot be changed; the marker is
for the versions to come: whichever writes a newer format records it, and this one, finding a format newer than
`regdraft.WORKSPACE_FORMAT`, refuses every write (reading stays allowed) and names the build that wrote it.

The marker is a file of its own, not a key of regdraft.yaml: the regdraft of early December 2026 reads an unknown
regdraft.yaml key as a problem (`check` exits 1), and ignores files it does not know.

Post-conditions:
1. `marker_text()` is the file `init` commits: the format, and the version and build that wrote it, as comments
   and the keys `format` and `written_by`.
2. `refuse_newer(text)` raises `StoreError` when `text` (the marker as the working tree holds it, or None for none)
   records a whole-number format newer than this regdraft's, naming it, who wrote it and what to do; an absent
   marker, or one without a readable format, is the oldest format and refuses nothing (reads never come here).
3. `read_marker(root)` is the marker's text as the working tree holds it, None when there is none; a marker that is a
   symbolic link, no regular file (a device, a pipe, a folder) or longer than `MARKER_BYTES` is a `StoreError`
   naming it and what to do, read no further (a colleague's commit made it a link to /dev/zero, and every write
   read it until memory ran out: r40 sweep CE F1). `marker_problems` is that sentence for `regdraft check`.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

from regdraft import WORKSPACE_FORMAT, __version__
from regdraft.core.commands import Command
from regdraft.core.errors import Problem, StoreError

MARKER = ".regdraft/format.yaml"
MARKER_BYTES = 4096  # the marker `init` writes is about 250 bytes
_FORMAT = re.compile(r"^format:\s*['\"]?(\d{1,6})['\"]?\s*(?:#.*)?$", re.MULTILINE)
_WRITTEN_BY = re.compile(r"^written_by:\s*['\"]?([^'\"\n#]{1,200})", re.MULTILINE)


def marker_text(build: str = "") -> bytes:
    """The marker a workspace of this regdraft's format holds (`build`: the commit that writes it, when known)."""
    written_by = f"regdraft {__version__}" + (f" ({build})" if build else "")
    return ("# The format this workspace's files are written in (docs/upgrading.md). A regdraft that knows only an\n"
            "# older format reads the workspace but refuses to write to it: upgrade it first.\n"
            f"format: {WORKSPACE_FORMAT}\nwritten_by: {written_by}\n").encode()


def recorded_format(text: str | None) -> int:
    """The format a marker records (1, the format before markers, when there is none or it cannot be read)."""
    found = _FORMAT.search(text or "")
    return int(found.group(1)) if found else 1


def refuse_newer(text: str | None) -> None:
    """Refuse to write to a workspace whose marker records a format newer than this regdraft writes."""
    recorded = recorded_format(text)
    if recorded <= WORKSPACE_FORMAT:
        return
    who = _WRITTEN_BY.search(text or "")
    # Quoted as words, never as a line to type: a crafted marker's `rm -rf ~` $(id) read as a command (r40 sweep CE
    # F7); a control character in it is escaped where the message is printed.
    needed = f"“{who.group(1).strip().replace('`', chr(39))}” or later" if who else "a newer regdraft"
    raise StoreError(f"This workspace's files are written in format {recorded} ({MARKER}), which needs {needed}; "
                     f"this regdraft ({__version__}) writes format {WORKSPACE_FORMAT} and would drop what it does not "
                     "know, so it writes nothing here. Upgrade regdraft on this machine (docs/upgrading.md); reading "
                     "commands still work. Nothing was changed.")


def read_marker(root: Path) -> str | None:
    """The marker's text in the working tree at `root` (post-condition 3): None when there is none."""
    from regdraft.workspace.store_files import read_inside

    try:
        info = (root / MARKER).lstat()
    except (FileNotFoundError, NotADirectoryError):  # none: a workspace of the format before markers
        return None
    except OSError as exc:
        raise StoreError(f"{MARKER} cannot be read ({exc.strerror or exc}); {_PUT_BACK}") from None
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
        what = "a symbolic link" if stat.S_ISLNK(info.st_mode) else "not a regular file (a folder, a device or a pipe)"
        raise StoreError(f"{MARKER}, the workspace's format marker, is {what}; regdraft reads it only as a regular "
                         f"file of the workspace, never through a link, so it writes nothing here. {_PUT_BACK}")
    if info.st_size > MARKER_BYTES:
        raise StoreError(f"{MARKER}, the workspace's format marker, holds {info.st_size:,} bytes where regdraft "
                         f"writes about 250, so it was not read and nothing is written here. {_PUT_BACK}")
    data = read_inside(root, MARKER)  # `.regdraft` itself a link: refused there
    if len(data) > MARKER_BYTES:  # grown since it was looked at
        raise StoreError(f"{MARKER}, the workspace's format marker, holds more than {MARKER_BYTES:,} bytes, so it was "
                         f"not read and nothing is written here. {_PUT_BACK}")
    return data.decode("utf-8", errors="replace")


_PUT_BACK = (f"Put back the marker regdraft wrote: `{Command.git('log', '--', MARKER, switches=('oneline',))}` shows "
             f"the commit that changed it; `{Command.git('checkout', 'REVISION', '--', MARKER)}` with a commit from "
             "before it, then commit the file (reading commands still work). Nothing was changed.")


def marker_problems(root: Path) -> list[Problem]:
    """`regdraft check`: the format marker when it cannot be read (post-condition 3), which refuses every write."""
    try:
        read_marker(root)
    except StoreError as exc:
        return [Problem(str(exc), MARKER, 1)]
    return []

"""The text in force that `amend from-edits` writes instructions against: the regulation's file as committed.

Instructions are applied at adoption to the committed text, so they must quote it. The working file was read: a stray
hand edit of the regulation, not committed (`Thường lệ BỐN tháng`), became the base of the instructions, which
quoted words the committed text does not have; `amend check` then failed once the edit was discarded, with nothing
said when the instructions were written (r39 sweep BY F2).

Post-conditions of `text_in_force`:
1. A regulation file without uncommitted changes, or never committed, is read as it is.
2. The regulation's own file given as the edited text (edited in place, not committed) gives its committed text and
   the warning that says how to work from a copy next time (r30 sweep AQ 3).
3. Any other uncommitted change of the regulation's file is refused (`StateError`) naming the file, and how to see,
   discard or commit the change; nothing is read further or written.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from regdraft.core.commands import Command
from regdraft.core.errors import RegdraftError, StateError
from regdraft.workspace.store import Workspace


def text_in_force(ws: Workspace, reg_path: str, slug: str, edited_name: str = "") -> tuple[bytes, tuple[str, ...]]:
    """The bytes of the regulation at `reg_path` as in force (committed), and what to warn of (see the module)."""
    if not ws.dirty([reg_path]):
        return ws.read(reg_path), ()
    try:
        committed = ws.read(reg_path, "HEAD")
    except RegdraftError:  # never committed: its working text is all there is
        return ws.read(reg_path), ()
    if _is_file(ws, reg_path, edited_name):
        return committed, (_in_place_warning(reg_path, slug),)
    quoted = shlex.quote(reg_path)
    raise StateError(f"{reg_path} has changes that are not committed; nothing was changed. The instructions are "
                     "written against the text in force, the committed one, which adoption amends: built on these "
                     "changes they would quote words it does not have. See the changes with "
                     f"`git diff {quoted}`; discard them (`git restore {quoted}`) or commit them, then run the "
                     "command again.")


def _is_file(ws: Workspace, reg_path: str, edited_name: str) -> bool:
    """Whether the edited file `edited_name` is the regulation's own file (`reg_path`) in the workspace."""
    root = getattr(ws, "root", None)
    return bool(edited_name) and root is not None and Path(edited_name).resolve() == (Path(root) / reg_path).resolve()


def _in_place_warning(reg_path: str, slug: str) -> str:
    """What `from-edits` says when the regulation's own file was edited in place."""
    return (f"{reg_path} is the regulation's own file and holds your edits, not committed: the instructions were "
            "written from them against its committed text. The text in force changes only when the amendment is "
            f"adopted, so copy the file aside (`cp {reg_path} /tmp/edited.md`), put it back "
            f"(`{Command.git('restore', reg_path)}`), and next time give the copy "
            f"(`{Command.of('amend from-edits', slug, edited='/tmp/edited.md')}`).")

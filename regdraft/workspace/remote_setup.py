"""Setting a workspace up to be worked on together: share it through an empty git remote (`share`, and
`set_up` for `regdraft init` with a URL), or join a shared one (`join`).

Post-conditions:
1. A workspace is shared only from its main branch, through a remote that holds no work yet; the work is then
   pushed by a first `workspace.sync.sync`.
2. Nothing is created when the remote already holds work: `set_up` checks it before making the workspace.
3. `join` clones the main branch and the adoption tags, whatever the remote's default branch.
"""

from __future__ import annotations

from pathlib import Path

from regdraft.core.encodings import Unreadable, readable_head, strict_text
from regdraft.core.errors import StoreError, UsageError
from regdraft.core.layout import PROFILES
from regdraft.render.profile import DEFAULT, shipped_texts
from regdraft.workspace.store import Workspace
from regdraft.workspace.store_remote import clone_workspace, point_head_at, remote_branches
from regdraft.workspace.sync import BRANCH, SyncReport, sync


def share(ws: Workspace, url: str, remote: str = "origin") -> SyncReport:
    """Make an empty git repository at `url` the workspace's shared remote and push the work to it."""
    branch = ws.writable_branch().removeprefix("refs/heads/")
    if branch != BRANCH:
        raise StoreError(f"A shared workspace is worked on the {BRANCH} branch; this one is on {branch}.")
    if remote in ws.remotes():
        raise StoreError(f"The workspace already has a remote named {remote}; `regdraft sync` shares through it.")
    _check_empty(url)
    if Path(url).is_dir():  # a path on a file share: git would read it relative to the workspace
        url = str(Path(url).resolve())
    ws.add_remote(remote, url, branch)
    point_head_at(url, branch)
    return sync(ws, remote)


def set_up(directory: Path, example_from: Path | None, url: str | None,
           profile: str | None = None) -> tuple[Workspace, bool, tuple[str, ...]]:
    """`regdraft init`: create a workspace whose documents print with `profile`, and with `url` share it (an
    existing workspace is shared as it is). Without `profile`: `org` where the texts it starts with are all in
    English, texts of their own (`english_texts`), else party-36.

    Returns the workspace, whether it was created, and the English texts `org` was chosen for (none: not chosen so).
    """
    from regdraft.workspace.store import CONFIG_NAME, init_workspace

    existing = url is not None and (directory / CONFIG_NAME).is_file()
    if existing and example_from is not None:
        raise UsageError(f"{directory} is already a workspace; the example seeds a new one only.",
                         options=("example",))
    if existing and profile is not None:
        raise UsageError(f"{directory} is already a workspace; set `profile:` in its {CONFIG_NAME} to change the "
                         "profile its documents print with.", options=("profile",))
    if profile is not None:
        _check_profile(directory, profile)
    if url is not None and not existing:
        _check_empty(url)  # before anything is created
    english = english_texts(directory, example_from) if profile is None and not existing else ()
    chosen = profile or (ORG if english else DEFAULT)
    ws = Workspace(directory) if existing else init_workspace(directory, example_from, chosen)
    if url is not None:
        share(ws, url)
    return ws, not existing, english


ORG = "org"  # the shipped profile of an organisation's own rules: no national line, motto or star


def english_texts(directory: Path, example_from: Path | None = None) -> tuple[str, ...]:
    """The regulations a new workspace starts with (those the repository holds, or the example's), when every one is
    an English text of its own: `language: en`, no `translation_of` (a translation prints as its original), no
    national line or profile of its own in its front matter. Party and state texts are Vietnamese first; an English
    text of its own is an organisation's (a company's Staff Rules, a society's Bylaws), which party-36 would head
    `COMMUNIST PARTY OF VIETNAM`. Empty when there is no text, or any other."""
    from regdraft.core.frontmatter import load_yaml

    found = []
    for root in (directory, example_from):
        folder = root / "regulations" if root is not None else None
        if folder is None or not folder.is_dir() or folder.is_symlink():
            continue
        for path in sorted(folder.glob("*.md")):
            try:
                text = readable_head(path.read_bytes(), 65536)
                meta = load_yaml(text.split("\n---", 1)[0].removeprefix("---")) if text.startswith("---") else None
            except Exception:  # noqa: BLE001 - a text that does not read is no English text of its own
                meta = None
            own = (isinstance(meta, dict) and meta.get("language") == "en" and not meta.get("translation_of")
                   and not meta.get("national") and not meta.get("profile"))
            if not own:
                return ()
            found.append(f"regulations/{path.name}")
    return tuple(found)


def _check_profile(directory: Path, name: str) -> None:
    """A profile `init` can set: a shipped one, or one the repository already holds in profiles/NAME.yaml, a file of
    its own (no link, no folder) that loads, its `base` chain included; refused with a sentence before anything is
    created. A `profiles` link is not followed: its target's names were listed as the profiles known (r27 sweep T2,
    defect 5)."""
    from regdraft.core.errors import RegdraftError
    from regdraft.render.profile import load_profile

    folder = directory / PROFILES
    if folder.is_symlink():
        raise UsageError(f"{folder} is a symbolic link; a workspace's profiles are files of its own in its {PROFILES} "
                         "folder: replace the link with the folder.", options=("profile",))
    listed = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    known = sorted({*shipped_texts(), *(p.stem for p in listed)})
    if name not in known:
        raise UsageError(f"The profile '{name}' is unknown; use one of {', '.join(known)}, or add {PROFILES}/{name}"
                         ".yaml (a profile of the workspace's own) to the folder first.", options=("profile",))
    own = folder / f"{name}.yaml"
    if own.is_symlink() or (own in listed and not own.is_file()):
        kind = "a symbolic link" if own.is_symlink() else "not a file"
        raise UsageError(f"{PROFILES}/{name}.yaml is {kind}; a profile of the workspace's own is a YAML file in its "
                         f"{PROFILES} folder.", options=("profile",))
    texts = {}
    for path in listed:
        if path.is_file() and not path.is_symlink():  # what the workspace reads (a link is refused there)
            try:
                texts[path.stem] = strict_text(path.read_bytes())  # UTF-16 ("Unicode") too, as the workspace reads it
            except Unreadable as exc:
                if path.stem == name:
                    raise UsageError(f"{PROFILES}/{name}.yaml:{exc.line}: {exc.why}; save the file as UTF-8.",
                                     options=("profile",)) from None
    try:
        load_profile({}, {"profile": name}, texts)
    except RegdraftError as exc:
        raise UsageError(f"The profile '{name}' cannot be used, so nothing was created: {exc}",
                         options=("profile",)) from None


def _check_empty(url: str) -> None:
    existing = remote_branches(url)
    if existing:
        raise StoreError(f"The shared remote {url} already holds work (branches: {', '.join(existing)}); join it "
                         f"with `regdraft clone {url} DIR` instead.")


def join(url: str, directory: Path) -> Workspace:
    """Clone a shared workspace's main branch into `directory`, whatever the remote's default branch."""
    from regdraft.workspace.store import CONFIG_NAME

    clone_workspace(url, directory, BRANCH, CONFIG_NAME)
    return Workspace(directory)

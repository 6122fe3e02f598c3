"""A shared remote reached before there is a workspace to share it with (`regdraft share`, `regdraft join`, in
`regdraft.workspace.remote_setup`): whether git can reach it, said in words; the branches it holds; a bare
repository's HEAD pointed at the branch; the workspace cloned from it, and removed again when it is no regdraft
workspace. Owns git, with store_sync.py (whose fetch and push word an unreachable remote with `unreachable`).
"""

from __future__ import annotations

from pathlib import Path

from regdraft.core.errors import StoreError
from regdraft.workspace.store_writes import failure

# What git says when a remote cannot be reached, and the reason in a drafter's words.
UNREACHABLE = (
    (("does not appear to be a git repository", "not found", "no such file or directory", "error: 404"),
     "there is no repository there"),
    (("authentication failed", "permission denied", "could not read username", "access denied", "error: 403"),
     "it refused access (check the user name and password, or the key, that git uses for it)"),
    (("connection refused", "could not resolve", "unable to connect", "failed to connect", "network is unreachable",
      "no route to host", "timed out", "unable to access"),
     "the host could not be reached"),
)


def unreachable(stderr: str) -> str:
    """Why git could not reach a remote, in words (`there is no repository there`), from git's own; "" when its
    failure was something else."""
    said = stderr.lower()
    if "could not read from remote repository" not in said and "fatal:" not in said:
        return ""
    return next((why for signs, why in UNREACHABLE if any(sign in said for sign in signs)), "")


def remote_branches(url: str) -> list[str]:
    """The branches a remote holds (empty for a new, empty remote); StoreError when it cannot be reached."""
    import git

    try:
        out = str(git.Git().ls_remote("--heads", "--", url))
    except git.GitCommandError as exc:
        detail = failure(exc)
        raise StoreError(f"Cannot reach the shared remote {url}: {unreachable(detail) or detail}; nothing was "
                         "changed.") from None
    return [line.split("refs/heads/", 1)[1] for line in out.splitlines() if "refs/heads/" in line]


def point_head_at(url: str, branch: str) -> None:
    """Make a bare repository on a local path or file share default to `branch` (`git init --bare`
    defaults to master). Remotes behind a server are set up on the server (Gitea, GitLab)."""
    import git

    path = Path(url[len("file://"):] if url.startswith("file://") else url)
    if path.is_dir() and (path / "HEAD").is_file():
        git.Git().execute(["git", f"--git-dir={path}", "symbolic-ref", "HEAD", f"refs/heads/{branch}"])


def clone_workspace(url: str, directory: Path, branch: str, marker: str) -> None:
    """Clone the remote's `branch` (whatever its default) into `directory`; it must hold the file `marker`."""
    import git

    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise StoreError(f"{directory} already exists and is not an empty folder; name a new folder to join in.")
    created = not directory.exists()
    try:
        git.Repo.clone_from(url, directory, branch=branch, origin="origin")
    except git.GitCommandError as exc:
        detail = failure(exc)
        if "not found in upstream" in detail:
            raise StoreError(f"The shared remote {url} holds no regdraft workspace yet (it has no {branch} "
                             f"branch); create it with `regdraft init`, giving it {url} as its remote.",
                             options=("init:url",)) from None
        raise StoreError(f"Cannot clone {url}: {detail}") from None
    if not (directory / marker).is_file():
        for path in [directory] if created else list(directory.iterdir()):
            remove_tree(path)
        raise StoreError(f"{url} is a git repository but not a regdraft workspace (its {branch} branch has no "
                         f"{marker}); nothing was cloned.")


def remove_tree(path: Path) -> None:
    """Delete `path` and everything under it, however deep: `shutil.rmtree` recurses once per level and a
    received tree 1,200 folders deep ended the command in `RecursionError`. Links are removed, not followed."""
    import os

    if path.is_symlink() or not path.is_dir():
        path.unlink()
        return
    folders: list[str] = [str(path)]
    stack: list[str] = [str(path)]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                    stack.append(entry.path)
                else:
                    os.unlink(entry.path)
    for folder in reversed(folders):  # every folder comes after the one holding it
        os.rmdir(folder)

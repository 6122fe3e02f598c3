"""A remote's new adoption tags are copied in one git transaction, and the report counts them (r24 b-security
defect 3): `sync` ran one `git update-ref` per tag (3,000 tags, 10.9 s; a remote can hold any number), and its
"From origin:" line named every one, a line of hundreds of KB."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import Invoke

TAGS = 300


def git(where: Path, *args: str, stdin: str | None = None) -> str:
    return subprocess.run(["git", "-C", str(where), *args], check=True, capture_output=True, text=True,
                          input=stdin).stdout


def test_a_remotes_new_tags_are_copied_by_one_git_and_counted_in_the_report(
        tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    import git as gitpython

    share, lan, other = tmp_path / "office.git", tmp_path / "lan", tmp_path / "other"
    subprocess.run(["git", "init", "-q", "--bare", str(share)], check=True)
    made = invoke(None, "init", "--example", str(lan), "--remote", str(share))
    assert made.exit_code == 0, made.output
    subprocess.run(["git", "clone", "-q", str(share), str(other)], check=True)
    # The tags name an adoption's commit: a tag on a commit that adopts nothing is not copied (r40 sweep CE F5).
    git(other, "-c", "user.name=Other", "-c", "user.email=o@example.org", "commit", "-q", "--allow-empty", "-m",
        "Adopt amendment 05-QC/TU (qc-sua-doi-2025) of 01-QC/TU")
    git(other, "push", "-q", "origin", "HEAD")
    head = git(other, "rev-parse", "HEAD").strip()
    git(other, "update-ref", "--stdin", stdin="".join(f"create refs/tags/adopted/t{i:03} {head}\n"
                                                      for i in range(TAGS)))
    git(other, "push", "-q", "origin", "refs/tags/adopted/*")

    updates: list[list[str]] = []
    execute = gitpython.cmd.Git.execute

    def counting(self: gitpython.cmd.Git, command: list[str], *args: object, **kwargs: object) -> object:
        if "update-ref" in command:
            updates.append(command)
        return execute(self, command, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(gitpython.cmd.Git, "execute", counting)
    synced = invoke(lan, "sync")
    assert synced.exit_code == 0, synced.output
    assert len(updates) == 1, f"{len(updates)} git update-ref for {TAGS} tags"
    tags = git(lan, "tag", "--list", "adopted/t*").split()
    assert len(tags) == TAGS and all(git(lan, "rev-parse", f"{t}^{{commit}}").strip() == head for t in tags[:3])
    came = next(line for line in synced.output.splitlines() if line.startswith("From origin:"))
    assert f"{TAGS} tags (adopted/t000, adopted/t001, adopted/t002, adopted/t003, adopted/t004 and {TAGS - 5} more)" \
        in came, came
    assert "adopted/t005" not in came and len(came) < 300

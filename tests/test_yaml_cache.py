"""YAML read on every command is kept as plain values: a warm command does not import PyYAML.

The shipped profile's YAML is kept in the user's cache (it is regdraft's own text); the
workspace's settings (`regdraft.yaml`) in the workspace's cache; a workspace's own profile is
never kept outside the workspace. Each value read back equals what PyYAML reads, and a damaged
entry is read from the YAML again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from regdraft.render import profile as rprofile
from regdraft.render import signed
from regdraft.workspace import cache_entries, parse_cache
from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT


class _NoYaml:
    """`import yaml` fails while installed in sys.modules: proves a value came from the cache."""

    def __enter__(self) -> None:
        self.saved = {k: v for k, v in sys.modules.items() if k == "yaml" or k.startswith("yaml.")}
        for name in self.saved:
            del sys.modules[name]
        sys.modules["yaml"] = None  # type: ignore[assignment]

    def __exit__(self, *exc: object) -> None:
        del sys.modules["yaml"]
        sys.modules.update(self.saved)


@pytest.fixture
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    rprofile._read_yaml.cache_clear()
    yield tmp_path / "xdg" / "regdraft"
    rprofile._read_yaml.cache_clear()


def test_the_shipped_profile_is_read_from_the_users_cache_without_yaml(user_cache: Path) -> None:
    import yaml

    text = rprofile.shipped_texts()["party-36"]
    first = rprofile._read_yaml(text)
    assert first == yaml.safe_load(text) and first["words"]["vi"]
    assert len(list(user_cache.glob("profile-*"))) == 1
    rprofile._read_yaml.cache_clear()
    with _NoYaml():
        again = rprofile._read_yaml(text)
        assert rprofile.load_profile({}) == rprofile.load_profile({})  # the whole profile, built without YAML
    assert again == first


def test_a_damaged_profile_entry_is_read_from_the_yaml_again(user_cache: Path) -> None:
    text = rprofile.shipped_texts()["state-30"]
    first = rprofile._read_yaml(text)
    (entry,) = user_cache.glob("profile-*")
    entry.write_bytes(entry.read_bytes()[:-5] + b"xxxxx")
    rprofile._read_yaml.cache_clear()
    assert rprofile._read_yaml(text) == first


def test_a_workspace_profile_is_not_kept_outside_the_workspace(user_cache: Path) -> None:
    text = rprofile.shipped_texts()["party-36"].replace("party", "office", 1)
    rprofile._read_yaml(text)
    assert not list(user_cache.glob("profile-*"))
    rprofile._read_yaml.cache_clear()
    with _NoYaml(), pytest.raises(ImportError):
        rprofile._read_yaml(text)  # read from its YAML each time


def test_the_workspace_settings_are_kept_in_its_cache(tmp_workspace: Workspace) -> None:
    import yaml

    first = Workspace(tmp_workspace.root).config
    text = (tmp_workspace.root / "regdraft.yaml").read_text(encoding="utf-8")
    assert {k: first[k] for k in yaml.safe_load(text)} == yaml.safe_load(text)
    assert list(signed.cache_folder(tmp_workspace.root).glob("yaml-*"))  # type: ignore[union-attr]
    with _NoYaml():
        assert Workspace(tmp_workspace.root).config == first


def test_settings_changed_are_read_again_and_bad_settings_still_name_the_file(tmp_workspace: Workspace) -> None:
    from regdraft.core.errors import StoreError

    settings = tmp_workspace.root / "regdraft.yaml"
    Workspace(tmp_workspace.root).config  # noqa: B018 - kept in the cache
    text = settings.read_text(encoding="utf-8")
    assert "require_vote_majority: false" in text
    settings.write_text(text.replace("require_vote_majority: false", "require_vote_majority: true"), encoding="utf-8")
    assert Workspace(tmp_workspace.root).config["require_vote_majority"] is True
    settings.write_text("language: [unclosed\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"regdraft.yaml:\d+: the workspace settings are not valid YAML"):
        Workspace(tmp_workspace.root).config  # noqa: B018


def test_values_marshal_cannot_keep_are_read_from_the_yaml_each_time(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    (folder / ".git").mkdir(parents=True)
    assert parse_cache.read_yaml(folder, "signed: 2021-01-09\n") == {"signed": __import__("datetime").date(2021, 1, 9)}
    assert not list((folder / ".git" / "regdraft-cache").glob("yaml-*"))


def test_a_warm_compare_imports_no_yaml(tmp_path: Path) -> None:
    text = (REPO_ROOT / "regulations" / "01-QC-TU.md").read_text(encoding="utf-8")
    (tmp_path / "old.md").write_text(text, encoding="utf-8")
    (tmp_path / "new.md").write_text(text.replace("Ban Thường vụ", "Ban Chấp hành", 1), encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    script = ("import sys, json\nfrom regdraft.cli import cli\n"
              f"try:\n    cli(['compare', {str(tmp_path / 'old.md')!r}, {str(tmp_path / 'new.md')!r}, '--format', "
              f"'html', '-o', {str(tmp_path / 'c.html')!r}], prog_name='regdraft')\n"
              "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
              "print(json.dumps(sorted(sys.modules)))")
    loaded = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path,
                              check=True)
        loaded.append(set(json.loads(done.stdout.strip().splitlines()[-1])))
    assert "yaml" in loaded[0]  # cold: both files' front matter and the profile are read
    assert "yaml" not in loaded[1]
    assert (tmp_path / "c.html").read_text(encoding="utf-8").count("Ban Chấp hành") >= 1


@pytest.fixture
def fresh_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each read below goes to the signed cache, as in a new process."""
    monkeypatch.setattr(parse_cache, "_memory", type(parse_cache._memory)())


def test_an_edited_text_takes_its_front_matter_from_the_cache(tmp_workspace: Workspace, fresh_memory: None) -> None:
    """The drafter's loop: the body changes, the front matter does not; the new reading needs no PyYAML."""
    import datetime as dt

    source = "regulations/01-QC-TU.md"
    text = (tmp_workspace.root / source).read_text(encoding="utf-8")
    first = parse_cache.read_regulation(tmp_workspace, text.encode(), source)
    edited = text.replace("Ban Thường vụ", "Ban Chấp hành", 1)
    with _NoYaml():
        again = parse_cache.read_regulation(tmp_workspace, edited.encode(), source)
    assert again.regulation.meta == first.regulation.meta and again.regulation.meta["signed"] == dt.date(2021, 1, 9)
    assert again.regulation.meta["signer"]["name"] == "Phạm Đức Thịnh" and len(again.regulation.meta["recipients"]) == 9
    assert again.regulation.units != first.regulation.units and not again.problems
    # A changed front matter is read from its YAML.
    with _NoYaml(), pytest.raises(ImportError):
        parse_cache.read_regulation(tmp_workspace, edited.replace("place: Điện Biên", "place: Mường Thanh").encode(),
                                    source)


def test_front_matter_that_does_not_read_is_reported_every_time(tmp_workspace: Workspace, fresh_memory: None) -> None:
    source = "regulations/01-QC-TU.md"
    text = (tmp_workspace.root / source).read_text(encoding="utf-8").replace("signed: 2021-01-09", "signed: 2021-02-30")
    for body in ("", "\nMột đoạn thêm.\n"):
        reading = parse_cache.read_regulation(tmp_workspace, (text + body).encode(), source)
        assert [(p.line, "not a date that exists" in p.message) for p in reading.problems] == [(9, True)]
    assert not list(signed.cache_folder(tmp_workspace.root).glob("front-*"))  # type: ignore[union-attr]


def test_an_edited_amendment_takes_its_front_matter_from_the_cache(tmp_workspace: Workspace,
                                                                  fresh_memory: None) -> None:
    source = "amendments/qc-sua-doi-2025/amendment.md"
    text = (tmp_workspace.root / source).read_text(encoding="utf-8")
    first, _ = parse_cache.read_amendment(tmp_workspace, text.encode(), source, "qc-sua-doi-2025")
    with _NoYaml():
        again, problems = parse_cache.read_amendment(tmp_workspace, (text + "\nXét thêm.\n").encode(), source,
                                                     "qc-sua-doi-2025")
    assert first is not None and again is not None and again.meta == first.meta and again.meta["draft"] == 2


def test_a_new_pyyaml_or_markdown_it_reads_the_texts_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = tmp_path / "lib" / "fakeyaml"
    library.mkdir(parents=True)
    (library / "__init__.py").write_text("__version__ = '6.0'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "lib"))
    monkeypatch.setattr(cache_entries, "_LIBRARIES", ("fakeyaml", "markdown_it"))
    monkeypatch.setattr(cache_entries, "_fingerprint", None)
    before = cache_entries.code_fingerprint()
    (library / "__init__.py").write_text("__version__ = '6.0.1'\n", encoding="utf-8")
    monkeypatch.setattr(cache_entries, "_fingerprint", None)
    assert cache_entries.code_fingerprint() != before

"""Parse once per blob: the cache of readings under .git/regdraft-cache is used, distrusted, bounded and safe."""

from __future__ import annotations

import os
import pickle
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from regdraft.core import markdown
from regdraft.core.amend import document
from regdraft.render import signed
from regdraft.workspace import cache_entries, parse_cache
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, SHIPPED_REGULATION, Invoke

REGULATION = "regulations/01-QC-TU.md"


@pytest.fixture(autouse=True)
def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts as a new process would: nothing kept in memory."""
    for kept in ("_memory", "_articles", "_whole"):
        monkeypatch.setattr(parse_cache, kept, type(getattr(parse_cache, kept))())


def _forget() -> None:
    """What a new process knows: nothing."""
    for kept in (parse_cache._memory, parse_cache._articles, parse_cache._whole):
        kept.clear()


def _entries(ws: Workspace, kind: str = "regulation") -> list[Path]:
    folder = ws.root / ".git" / signed.CACHE_FOLDER
    return sorted(folder.glob(f"{kind}-*")) if folder.is_dir() else []


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(markdown, "read", refuse)
    monkeypatch.setattr(document, "read_amendment", refuse)


def _counted_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one each time a regulation is parsed."""
    calls: list[int] = []
    real = markdown.read

    def counted(*a: Any, **options: Any) -> Any:
        calls.append(1)
        return real(*a, **options)

    monkeypatch.setattr(markdown, "read", counted)
    return calls


def test_a_second_run_reads_the_regulation_from_the_cache(tmp_workspace: Workspace,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_workspace.read(REGULATION)
    first = parse_cache.read_regulation(tmp_workspace, data, REGULATION)
    assert len(_entries(tmp_workspace)) == 1
    _forget()
    _no_parsing(monkeypatch)
    again = parse_cache.read_regulation(tmp_workspace, data, REGULATION)
    assert again == first and again.regulation.meta == first.regulation.meta
    assert again.regulation.source == REGULATION and again is not first


def test_amendments_are_cached_with_their_problems(tmp_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    relative = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
    broken = tmp_workspace.read(relative).replace("Bãi bỏ".encode(), "Bãi bõ".encode(), 1)  # a slip of the pen
    first = parse_cache.read_amendment(tmp_workspace, broken, relative, SHIPPED_AMENDMENT)
    assert first[0] is not None and "closest standard wording" in first[1][0].message
    _forget()
    _no_parsing(monkeypatch)
    assert parse_cache.read_amendment(tmp_workspace, broken, relative, SHIPPED_AMENDMENT) == first
    assert _entries(tmp_workspace, "amendment")


def test_another_name_or_other_bytes_are_read_again(tmp_workspace: Workspace) -> None:
    data = tmp_workspace.read(REGULATION)
    one = parse_cache.read_regulation(tmp_workspace, data, REGULATION)
    other = parse_cache.read_regulation(tmp_workspace, data, "regulations/copy.md")
    assert other.regulation.source == "regulations/copy.md" and one.regulation.source == REGULATION
    edited = data.replace("Ban Thường vụ".encode(), "Ban Chấp hành".encode(), 1)
    changed = parse_cache.read_regulation(tmp_workspace, edited, REGULATION)
    assert changed.regulation != one.regulation
    assert len(_entries(tmp_workspace)) == 3


def _lines(units: tuple[Any, ...], path: str = "") -> list[tuple[str, int]]:
    """Every unit's place and line (lines take no part in a unit's equality)."""
    out = []
    for unit in units:
        here = f"{path}/{unit.kind.name}{unit.label}"
        out += [(here, unit.line), *_lines(unit.children, here)]
    return out


EDITS: dict[str, Callable[[bytes], bytes]] = {
    # a word inside Điều 2: no line moves
    "word": lambda data: data.replace("Kiểm tra Tỉnh ủy, các cơ quan".encode(), "Kiểm tra, các cơ quan".encode(), 1),
    # a clause added to Điều 1: every later article is two lines down
    "clause": lambda data: data.replace("\n## Điều 2.".encode(), "\n3\\. Một khoản mới.\n\n## Điều 2.".encode(), 1),
    # a paragraph of the preamble gone: every article is two lines up
    "preamble": lambda data: _without_first_preamble_paragraph(data),
}


def _without_first_preamble_paragraph(data: bytes) -> bytes:
    head, _, body = data.partition(b"\n---\n\n")
    first, _, rest = body.partition(b"\n\n")
    assert not first.startswith(b"#") and rest
    return head + b"\n---\n\n" + rest


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_an_edited_text_is_kept_as_what_it_changed_and_reads_back_the_same(tmp_workspace: Workspace,
                                                                          monkeypatch: pytest.MonkeyPatch,
                                                                          edit: str) -> None:
    data = tmp_workspace.read(REGULATION)
    edited = EDITS[edit](data)
    assert edited != data
    chunks: markdown.Chunks = {}
    fresh = markdown.read(edited, REGULATION, chunks=chunks)
    parse_cache.read_regulation(tmp_workspace, data, REGULATION)  # the text before the edit, kept whole
    first = parse_cache.read_regulation(tmp_workspace, edited, REGULATION)  # reuses its articles
    folder = tmp_workspace.root / ".git" / signed.CACHE_FOLDER
    old, new = (folder / parse_cache._key("regulation", d, (REGULATION,)) for d in (data, edited))
    # The edited text is kept as the articles it changed and references to the others: a fraction of the whole.
    assert isinstance(cache_entries.load(folder, new.name), markdown.Delta)
    assert new.stat().st_size * 4 < old.stat().st_size
    _forget()
    _no_parsing(monkeypatch)
    again = parse_cache.read_regulation(tmp_workspace, edited, REGULATION)
    for reading in (first, again):
        assert reading == fresh and _lines(reading.regulation.units) == _lines(fresh.regulation.units)
        assert reading.regulation.meta == fresh.regulation.meta
    # Its articles serve the next edit as those of a text read anew would.
    kept = parse_cache._articles[new.name]
    assert kept.keys() == chunks.keys() and all(kept[d][1] == chunks[d][1] for d in chunks)


def test_an_edited_text_whose_base_is_gone_is_read_again(tmp_workspace: Workspace) -> None:
    data = tmp_workspace.read(REGULATION)
    edited = EDITS["clause"](data)
    parse_cache.read_regulation(tmp_workspace, data, REGULATION)
    parse_cache.read_regulation(tmp_workspace, edited, REGULATION)
    folder = tmp_workspace.root / ".git" / signed.CACHE_FOLDER
    (folder / parse_cache._key("regulation", data, (REGULATION,))).unlink()  # dropped by the cache's bound
    _forget()
    again = parse_cache.read_regulation(tmp_workspace, edited, REGULATION)
    assert again == markdown.read(edited, REGULATION)
    assert _lines(again.regulation.units) == _lines(markdown.read(edited, REGULATION).regulation.units)
    # read from its text, and kept whole this time (there was nothing to refer to)
    assert isinstance(cache_entries.load(folder, parse_cache._key("regulation", edited, (REGULATION,))), tuple)


def test_a_delta_is_never_the_base_of_another(tmp_workspace: Workspace) -> None:
    data = tmp_workspace.read(REGULATION)
    one = EDITS["word"](data)
    two = EDITS["clause"](one)
    for text in (data, one, two):  # each read after the one before, in one process
        parse_cache.read_regulation(tmp_workspace, text, REGULATION)
    folder = tmp_workspace.root / ".git" / signed.CACHE_FOLDER
    kept = cache_entries.load(folder, parse_cache._key("regulation", two, (REGULATION,)))
    assert isinstance(kept, markdown.Delta)
    assert kept.bases == (parse_cache._key("regulation", data, (REGULATION,)),)


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage"])
def test_a_damaged_entry_is_read_again_and_replaced(tmp_workspace: Workspace, damage: str) -> None:
    data = tmp_workspace.read(REGULATION)
    expected = parse_cache.read_regulation(tmp_workspace, data, REGULATION)
    (entry,) = _entries(tmp_workspace)
    blob = entry.read_bytes()
    entry.write_bytes({"truncate": blob[: len(blob) // 2], "flip": blob[:-10] + bytes([blob[-10] ^ 1]) + blob[-9:],
                       "empty": b"", "garbage": os.urandom(200)}[damage])
    _forget()
    assert parse_cache.read_regulation(tmp_workspace, data, REGULATION) == expected
    assert cache_entries.load(entry.parent, entry.name) is not None  # replaced by a whole entry


def test_a_signed_pickle_of_anything_but_our_data_is_never_built(tmp_workspace: Workspace, tmp_path: Path) -> None:
    data = tmp_workspace.read(REGULATION)
    parse_cache.read_regulation(tmp_workspace, data, REGULATION)
    (entry,) = _entries(tmp_workspace)
    proof = tmp_path / "ran"

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {proof}",))

    # Even signed with the repository's own key, a pickle naming os.system is refused.
    signed.store(entry.parent, entry.name, pickle.dumps(Evil()))
    _forget()
    reading = parse_cache.read_regulation(tmp_workspace, data, REGULATION)
    assert not proof.exists()
    assert reading.regulation.id == "01-QC/TU"


def test_a_cache_copied_from_elsewhere_is_not_trusted(tmp_workspace: Workspace, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A zipped or copied workspace brings its .git along: the copy's key file is another file, so nothing matches."""
    data = tmp_workspace.read(REGULATION)
    parse_cache.read_regulation(tmp_workspace, data, REGULATION)
    copy = tmp_path / "copy"
    shutil.copytree(tmp_workspace.root, copy, symlinks=True)
    _forget()
    calls = _counted_parses(monkeypatch)
    assert parse_cache.read_regulation(Workspace(copy), data, REGULATION).regulation.id == "01-QC/TU"
    assert calls == [1]


def test_no_cache_is_written_where_git_is_not_a_folder_inside_the_workspace(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "objects").mkdir(parents=True)
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / ".git").symlink_to(elsewhere)
    worktree = tmp_path / "worktree"
    worktree.mkdir()
    (worktree / ".git").write_text(f"gitdir: {elsewhere}\n")
    data = (Path(__file__).resolve().parents[1] / REGULATION).read_bytes()
    for root in (linked, worktree, tmp_path / "plain"):
        assert parse_cache.read_regulation(root, data, REGULATION).regulation.id == "01-QC/TU"
    assert sorted(p.name for p in elsewhere.iterdir()) == ["objects"]
    assert not (tmp_path / "plain").exists()


def test_the_cache_is_never_committed_and_stays_bounded(tmp_workspace: Workspace, invoke: Invoke,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "--format", "html", catch=False)
    assert result.exit_code == 0, result.output
    assert _entries(tmp_workspace) and _entries(tmp_workspace, "amendment")
    status = subprocess.run(["git", "status", "--porcelain", "--ignored"], cwd=tmp_workspace.root,
                            capture_output=True, text=True, check=True).stdout
    assert "regdraft-cache" not in status
    monkeypatch.setattr(signed, "MAX_ENTRIES", 8)
    data = tmp_workspace.read(REGULATION)
    for n in range(20):
        parse_cache.read_regulation(tmp_workspace, data + f"\n<!-- {n} -->\n".encode(), REGULATION)
    folder = tmp_workspace.root / ".git" / signed.CACHE_FOLDER
    kept = [p for p in folder.iterdir() if p.name != signed.KEY_FILE]
    assert len(kept) <= 8
    assert not [p for p in kept if p.name.startswith(".tmp-")]


def test_commands_give_the_same_output_from_a_warm_cache(tmp_workspace: Workspace, invoke: Invoke) -> None:
    out = tmp_workspace.root / "out" / "redline-01-QC-TU-qc-sua-doi-2025.html"
    invoke(tmp_workspace, "redline", "01-QC/TU", "--format", "html", catch=False)
    cold = out.read_bytes()
    _forget()
    invoke(tmp_workspace, "redline", "01-QC/TU", "--format", "html", catch=False)
    assert out.read_bytes() == cold
    shown = invoke(tmp_workspace, "show", "01-QC/TU", "d5", catch=False).output
    _forget()
    assert invoke(tmp_workspace, "show", "01-QC/TU", "d5", catch=False).output == shown


_PARALLEL = """
import sys
from pathlib import Path
from regdraft.workspace import parse_cache
from regdraft.workspace.store import Workspace
ws = Workspace(Path(sys.argv[1]))
data = ws.read("regulations/01-QC-TU.md")
for n in range(15):
    reading = parse_cache.read_regulation(ws, data + f"\\n<!-- {n % 5} -->\\n".encode(), "regulations/01-QC-TU.md")
    assert reading.regulation.id == "01-QC/TU"
    parse_cache._memory.clear()
print("ok")
"""


def test_parallel_runs_share_the_cache_safely(tmp_workspace: Workspace) -> None:
    runs = [subprocess.Popen([sys.executable, "-c", _PARALLEL, str(tmp_workspace.root)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [run.communicate(timeout=120) for run in runs]
    assert [out.strip() for out, _ in results] == ["ok"] * 4, [err for _, err in results]
    folder = tmp_workspace.root / ".git" / signed.CACHE_FOLDER
    names = sorted(p.name for p in folder.iterdir())
    assert len([n for n in names if n.startswith("regulation-")]) == 5
    assert not [n for n in names if n.startswith((".tmp-", ".key-"))]
    for entry in _entries(tmp_workspace):
        assert cache_entries.load(folder, entry.name) is not None


def test_threads_of_one_process_share_the_memory_safely(tmp_workspace: Workspace,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The review server reads from several threads; a small memory keeps them evicting each other."""
    from concurrent.futures import ThreadPoolExecutor

    monkeypatch.setattr(parse_cache, "MEMORY_ENTRIES", 2)
    data = tmp_workspace.read(REGULATION)
    texts = [data + f"\n<!-- {n % 6} -->\n".encode() for n in range(120)]
    with ThreadPoolExecutor(8) as pool:
        ids = list(pool.map(lambda t: parse_cache.read_regulation(tmp_workspace, t, REGULATION).regulation.id, texts))
    assert ids == ["01-QC/TU"] * 120
    assert len(parse_cache._memory) <= 2


def test_files_in_no_workspace_are_read_once_from_the_users_cache(tmp_path: Path, invoke: Invoke,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """`compare a.md b.md` anywhere: the readings go to $XDG_CACHE_HOME/regdraft, 0700, never next to the files."""
    from regdraft.render import template_cache

    cache = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.setattr(template_cache, "_compiled", {})  # templates compiled as a new process compiles them
    files = tmp_path / "files"
    files.mkdir()
    text = (Path(__file__).resolve().parents[1] / REGULATION).read_text(encoding="utf-8")
    (files / "old.md").write_text(text, encoding="utf-8")
    (files / "new.md").write_text(text.replace("Ban Thường vụ", "Ban Chấp hành", 1), encoding="utf-8")
    args = ("compare", str(files / "old.md"), str(files / "new.md"), "--format", "html")
    first = invoke(None, *args, "-o", str(tmp_path / "first.html"), catch=False)
    assert first.exit_code == 0, first.output
    folder = cache / "regdraft"
    assert len(list(folder.glob("regulation-*"))) == 2 and list(folder.glob("template-*"))
    assert (folder.stat().st_mode & 0o777) == 0o700
    assert sorted(p.name for p in files.iterdir()) == ["new.md", "old.md"]
    _forget()
    _no_parsing(monkeypatch)
    again = invoke(None, *args, "-o", str(tmp_path / "again.html"), catch=False)
    assert again.exit_code == 0, again.output
    assert (tmp_path / "again.html").read_bytes() == (tmp_path / "first.html").read_bytes()


def test_the_users_cache_follows_xdg_and_falls_back_to_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert signed.user_cache_folder() == tmp_path / "xdg" / "regdraft"
    for unusable in ("", "relative/cache"):  # the XDG rule: an empty or relative value is ignored
        monkeypatch.setenv("XDG_CACHE_HOME", unusable)
        assert signed.user_cache_folder() == Path.home() / ".cache" / "regdraft"


def test_an_entry_in_the_users_cache_is_trusted_only_when_signed_there(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    data = (Path(__file__).resolve().parents[1] / REGULATION).read_bytes()
    expected = parse_cache.read_regulation_outside(data, "a.md")
    (entry,) = (tmp_path / "xdg" / "regdraft").glob("regulation-*")
    entry.write_bytes(entry.read_bytes()[:-5] + b"xxxxx")
    _forget()
    calls = _counted_parses(monkeypatch)
    assert parse_cache.read_regulation_outside(data, "a.md") == expected
    assert calls == [1]


def test_an_entry_loads_its_units_field_for_field(tmp_workspace: Workspace) -> None:
    """A unit is pickled as a call that sets its fields (`model._unpickled_unit`, twentieth round of
    docs/performance.md): the restricted unpickler builds it, and every field comes back, the line included
    (which equality leaves out)."""
    import dataclasses

    from regdraft.core.model import Unit

    data = tmp_workspace.read(REGULATION)
    read = parse_cache.read_regulation(tmp_workspace, data, REGULATION)
    (entry,) = _entries(tmp_workspace)
    loaded = cache_entries.load(entry.parent, entry.name)
    assert loaded is not None  # not refused, so not read again on the next run

    def fields(unit: Unit) -> tuple[Any, ...]:
        return (*(getattr(unit, f.name) for f in dataclasses.fields(Unit) if f.name != "children"),
                tuple(fields(child) for child in unit.children))

    units = read.regulation.units
    again = pickle.loads(pickle.dumps(units))
    assert [fields(u) for u in again] == [fields(u) for u in units] and any(u.line for u in units)
    assert [type(u) for u in again] == [Unit] * len(units)
    _forget()
    assert parse_cache.read_regulation(tmp_workspace, data, REGULATION).regulation.units == units


def test_an_edited_compare_keeps_its_reading_without_tempfile(tmp_path: Path) -> None:
    """The run a drafter repeats (the new text edited, the old one kept) writes its entries without importing
    `tempfile` (and `random`, `shutil`); each entry is its owner's alone and no temporary file is left."""
    folder = tmp_path / "files"
    folder.mkdir()
    text = SHIPPED_REGULATION.read_text(encoding="utf-8")
    (folder / "old.md").write_text(text, encoding="utf-8")
    from tests.test_redline_page import compare_modules

    def edited(n: int) -> None:
        (folder / "new.md").write_text(text.replace("Ban Thường vụ", f"Ban Thường vụ ({n})", 1), encoding="utf-8")

    loaded = compare_modules(tmp_path, 2, edited)
    cache = tmp_path / "xdg" / "regdraft"
    entries = [path for path in cache.iterdir() if path.name.startswith("regulation-")]
    assert len(entries) == 3  # the old text, and each edit of the new one
    assert "tempfile" not in loaded[1]
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in cache.iterdir())
    assert not [path for path in cache.iterdir() if path.name.startswith(".")]

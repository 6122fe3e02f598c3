"""Printed fragments of unchanged articles kept with their reading: reused byte for byte, never trusted blindly."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.errors import RegdraftError
from regdraft.render import fragments as fr
from regdraft.render import signed
from regdraft.workspace import parse_cache
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_REGULATION, Invoke


@pytest.fixture(autouse=True)
def _fresh_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test starts as a new process would: nothing kept in memory; the user's cache is the test's own."""
    monkeypatch.setattr(parse_cache, "_memory", type(parse_cache._memory)())
    monkeypatch.setattr(parse_cache, "_origins", type(parse_cache._origins)())
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))


def _files(tmp_path: Path) -> tuple[Path, Path]:
    # An unchanged paragraph with Markdown syntax (its article needs markdown-it), and one edit elsewhere.
    text = SHIPPED_REGULATION.read_text(encoding="utf-8").replace(
        "b) Việc thực hiện nguyên tắc", "b) Việc thực hiện *nguyên tắc*", 1)
    assert text.count("*nguyên tắc*") == 1
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "old.md").write_text(text, encoding="utf-8")
    (folder / "new.md").write_text(text.replace("Ban Thường vụ", "Ban Chấp hành", 1), encoding="utf-8")
    return folder / "old.md", folder / "new.md"


def _compare(invoke: Invoke, old: Path, new: Path, out: Path) -> bytes:
    parse_cache._memory.clear()
    parse_cache._origins.clear()
    result = invoke(None, "compare", str(old), str(new), "--format", "html", "-o", str(out), catch=False)
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def _entry(tmp_path: Path) -> Path:
    (entry,) = (tmp_path / "xdg" / "regdraft").glob("fragments-*")
    return entry


def test_a_second_comparison_reuses_the_kept_fragments_byte_for_byte(tmp_path: Path, invoke: Invoke,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = _files(tmp_path)
    first = _compare(invoke, old, new, tmp_path / "first.html")
    folder, key = tmp_path / "xdg" / "regdraft", _entry(tmp_path).name.split("-")[2]
    kept = fr.KeptFragments(folder, f"regulation-{key}").load()
    assert kept is not None and len(kept) > 25
    assert sum(k is None for k in kept) == 2  # the changed article, and the one that needed markdown-it
    assert "<em>nguyên tắc</em>" not in "".join(k for k in kept if k)
    written: list[int] = []
    real = fr.Fragments._unit

    def counted(self: fr.Fragments, unit: object, *args: object) -> None:
        written.append(1)
        real(self, unit, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(fr.Fragments, "_unit", counted)
    again = _compare(invoke, old, new, tmp_path / "again.html")
    assert again == first and "<em>nguyên tắc</em>".encode() in again
    cold = written.copy()
    monkeypatch.setattr(signed, "open_entry", lambda *a: None)  # nothing kept: every fragment written again
    written.clear()
    assert _compare(invoke, old, new, tmp_path / "cold.html") == first
    assert len(cold) < len(written) / 5


@pytest.mark.parametrize("damage", ["flip", "forged"])
def test_a_damaged_or_forged_entry_is_not_used(tmp_path: Path, invoke: Invoke, damage: str) -> None:
    old, new = _files(tmp_path)
    first = _compare(invoke, old, new, tmp_path / "first.html")
    entry = _entry(tmp_path)
    if damage == "flip":
        blob = entry.read_bytes()
        entry.write_bytes(blob[:-10] + bytes([blob[-10] ^ 1]) + blob[-9:])
    else:  # signed with the folder's own key, but not a list of fragments
        import marshal

        signed.store(entry.parent, entry.name, marshal.dumps({"<script>": 1}))
    assert _compare(invoke, old, new, tmp_path / "again.html") == first


def test_a_review_page_and_a_workspace_redline_keep_nothing(tmp_path: Path, tmp_workspace: Workspace) -> None:
    """The review server's page may annotate every paragraph; a text with an amendment applied is no reading."""
    from regdraft.render.html import PageTemplate
    from regdraft.render.redline import render_html
    from regdraft.web.app import TEMPLATES
    from regdraft.workspace import redline as rl

    old, new = _files(tmp_path)
    redline = rl.build_files(old, new)
    assert redline.kept is not None
    page = PageTemplate("web-redline.html.j2", TEMPLATES, {"annotate": True})
    with pytest.raises(RegdraftError):  # the page needs the server's globals; nothing is kept before it fails
        render_html(redline, page=page)
    assert not list((tmp_path / "xdg" / "regdraft").glob("fragments-*"))
    render_html(redline)  # the print keeps them
    assert list((tmp_path / "xdg" / "regdraft").glob("fragments-*"))
    assert rl.build(tmp_workspace, "01-QC/TU").kept is None

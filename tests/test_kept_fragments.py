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


def _entries(tmp_path: Path) -> list[Path]:
    """The kept fragments of the old text's reading and of the new text's: both are printed from."""
    entries = sorted((tmp_path / "xdg" / "regdraft").glob("fragments-*"))
    assert len(entries) == 2
    return entries


def _counted_writes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one for every unit printed anew (not taken from a kept fragment)."""
    written: list[int] = []
    real = fr.Fragments._unit

    def counted(self: fr.Fragments, unit: object, *args: object) -> None:
        written.append(1)
        real(self, unit, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(fr.Fragments, "_unit", counted)
    return written


def test_a_second_comparison_reuses_the_kept_fragments_byte_for_byte(tmp_path: Path, invoke: Invoke,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = _files(tmp_path)
    first = _compare(invoke, old, new, tmp_path / "first.html")
    for entry in _entries(tmp_path):
        kept = fr.KeptFragments(entry.parent, "-".join(entry.name.split("-")[1:3])).load()
        assert kept is not None and len(kept) > 25
        assert sum(k is None for k in kept) == 2  # the changed article, and the one that needed markdown-it
        assert all(k is None or type(k) is bytes for k in kept)  # as the page's file takes them
        assert "<em>nguyên tắc</em>" not in "".join(fr.text_of(k) for k in kept if k)
    written = _counted_writes(monkeypatch)
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
    for entry in _entries(tmp_path):
        if damage == "flip":
            blob = entry.read_bytes()
            entry.write_bytes(blob[:-10] + bytes([blob[-10] ^ 1]) + blob[-9:])
        else:  # signed with the folder's own key, but not a list of fragments
            import marshal

            signed.store(entry.parent, entry.name, marshal.dumps({"<script>": 1}))
    assert _compare(invoke, old, new, tmp_path / "again.html") == first


def test_a_review_page_keeps_nothing_and_a_workspace_redline_keeps_the_regulations(tmp_path: Path,
                                                                                      tmp_workspace: Workspace) -> None:
    """The review server's page may annotate every paragraph; a text with an amendment applied is no
    reading, but the regulation it amends is."""
    from regdraft.render.html import PageTemplate
    from regdraft.render.redline import render_html
    from regdraft.web.app import TEMPLATES
    from regdraft.workspace import compared_files
    from regdraft.workspace import redline as rl

    old, new = _files(tmp_path)
    redline = compared_files.build_files(old, new)
    assert redline.kept is not None
    page = PageTemplate("web-redline.html.j2", TEMPLATES, {"annotate": True})
    with pytest.raises(RegdraftError):  # the page needs the server's globals; nothing is kept before it fails
        render_html(redline, page=page)
    assert not list((tmp_path / "xdg" / "regdraft").glob("fragments-*"))
    render_html(redline)  # the print keeps them
    assert list((tmp_path / "xdg" / "regdraft").glob("fragments-*"))
    workspace_redline = rl.build(tmp_workspace, "01-QC/TU")
    assert workspace_redline.kept is None and workspace_redline.kept_old is not None


def test_an_edited_text_prints_its_unchanged_articles_from_the_old_texts_fragments(
        tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    """The drafter's loop: the new text changes before each comparison, the old one does not."""
    old, new = _files(tmp_path)
    _compare(invoke, old, new, tmp_path / "first.html")
    new.write_text(new.read_text(encoding="utf-8").replace("Ban Chấp hành", "Ban Chấp hành Đảng bộ", 1),
                   encoding="utf-8")
    written = _counted_writes(monkeypatch)
    edited = _compare(invoke, old, new, tmp_path / "edited.html")
    assert "Ban Chấp hành Đảng bộ".encode() in edited
    from_old = len(written)
    monkeypatch.setattr(signed, "open_entry", lambda *a: None)  # nothing kept: every fragment written again
    written.clear()
    assert _compare(invoke, old, new, tmp_path / "cold.html") == edited
    assert from_old < len(written) / 5  # only the changed article and the one needing markdown-it


def test_a_workspace_redline_prints_the_unchanged_articles_from_the_regulations_fragments(
        tmp_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from regdraft.render.redline import render_html
    from regdraft.workspace import redline as rl

    first = render_html(rl.build(tmp_workspace, "01-QC/TU"), today=__import__("datetime").date(2026, 1, 5))
    parse_cache._memory.clear()
    parse_cache._origins.clear()
    written = _counted_writes(monkeypatch)
    again = render_html(rl.build(tmp_workspace, "01-QC/TU"), today=__import__("datetime").date(2026, 1, 5))
    assert again == first
    warm = len(written)
    monkeypatch.setattr(signed, "open_entry", lambda *a: None)
    written.clear()
    parse_cache._memory.clear()
    parse_cache._origins.clear()
    assert render_html(rl.build(tmp_workspace, "01-QC/TU"), today=__import__("datetime").date(2026, 1, 5)) == first
    assert warm < len(written) / 2


def test_texts_in_two_languages_share_no_fragments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fragment is printed in the comparison's language: the old text's are used only in its own."""
    import dataclasses

    from regdraft.render.redline import render_html
    from regdraft.workspace import compared_files

    old, new = _files(tmp_path)
    redline = compared_files.build_files(old, new)
    render_html(redline)  # both texts' fragments kept, in Vietnamese
    assert redline.kept is not None and redline.kept_old is not None
    # The same provisions, the new text declared English: nothing of the Vietnamese text may print it.
    english = dataclasses.replace(redline.comparison.new, meta={**redline.comparison.new.meta, "language": "en"})
    assert english.language == "en"
    redline = dataclasses.replace(redline, comparison=dataclasses.replace(redline.comparison, new=english), kept=None)
    loaded: list[str] = []
    real = fr.KeptFragments.load

    def recorded(self: fr.KeptFragments) -> list[fr.Kept] | None:
        loaded.append(self.reading)
        return real(self)

    monkeypatch.setattr(fr.KeptFragments, "load", recorded)
    page = render_html(redline)
    assert loaded == [] and "Article 1." in page and "Điều 1." not in page


def test_a_warm_page_writes_its_kept_articles_as_the_bytes_they_were_kept_as(tmp_path: Path, invoke: Invoke,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A warm compare loads each kept article as its UTF-8 bytes and the file gets those very bytes: never decoded
    into the page's text and encoded again (thirty-eighth round: 42 M instructions and 1,200 page faults of a warm
    1,000-article compare). The file is the cold one, byte for byte."""
    from regdraft.render.output import write_page

    old, new = _files(tmp_path)
    first = _compare(invoke, old, new, tmp_path / "first.html")
    loaded: list[bytes] = []
    real_load = fr.KeptFragments.load

    def recorded(self: fr.KeptFragments) -> list[fr.Kept] | None:
        kept = real_load(self)
        loaded.extend(k for k in kept or () if isinstance(k, bytes))
        return kept

    written: list[object] = []

    def write(html: object, *args: object, **kwargs: object) -> None:
        written.append(html)
        write_page(html, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fr.KeptFragments, "load", recorded)
    monkeypatch.setattr("regdraft.render.writers.write_page", write)
    assert _compare(invoke, old, new, tmp_path / "warm.html") == first
    [pieces] = written
    assert isinstance(pieces, list)
    kept = {id(k) for k in loaded}
    as_bytes = [p for p in pieces if isinstance(p, bytes)]
    # The shipped regulation's unchanged articles (but the one needing markdown-it, printed each time): those under a
    # chapter the very bytes loaded, those under a section with their headings moved a level down, in bytes.
    assert len(as_bytes) >= 25 and sum(id(p) in kept for p in as_bytes) >= 15
    assert sum(map(len, as_bytes)) > len(first) / 2

"""PDF output: embedded Vietnamese font, NFC text, and rendering that fetches nothing outside."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from regdraft.core.errors import RegdraftError
from regdraft.render import pdf as pdf_module
from regdraft.render.output import Settings, write
from regdraft.render.pdf import contained_fetcher, write_pdf
from regdraft.render.profile import default_profile
from regdraft.workspace.compared_files import build_files
from regdraft.workspace.store import Workspace
from tests import pdf_text as read_pdf
from tests.conftest import Invoke

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")


def pdf_text(path: Path) -> str:
    """All the text of a PDF, pages joined, white space made one space (read once a process: `tests.pdf_text`)."""
    return " ".join(read_pdf.text(path).split())


def pdf_fonts(path: Path) -> set[str]:
    """The /BaseFont names of every font on every page."""
    names = set()
    for page in PdfReader(str(path)).pages:
        resources = page["/Resources"]
        assert isinstance(resources, DictionaryObject)  # every page carries its resources
        fonts = resources["/Font"]
        assert isinstance(fonts, DictionaryObject)  # and every page prints text, so it names its fonts
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def _hostile_pair(tmp_path: Path, base: str) -> tuple[Path, Path]:
    hostile = (
        f"c) Thiểu số phục tùng đa số, xem ![sơ đồ]({base}/img.png) và [mật khẩu](file:///etc/passwd), "
        f"![x](../../../../../../etc/passwd) <img src=\"{base}/raw.png\"> [tài liệu]({base}/doc)."
    )
    old = tmp_path / "old.md"
    new = tmp_path / "new.md"
    old.write_text(MINI, encoding="utf-8")
    new.write_text(MINI.replace("c) Thiểu số phục tùng đa số.", hostile), encoding="utf-8")
    return old, new


def test_redline_pdf_embeds_tinos_and_keeps_vietnamese_nfc(tmp_path: Path) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(MINI, encoding="utf-8")
    new.write_text(MINI.replace("Ban Thường vụ Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh"), encoding="utf-8")
    out = write("redline", "pdf", build_files(old, new), tmp_path / "r.pdf", Settings(default_profile()))
    fonts = pdf_fonts(out)
    assert fonts and all("Tinos" in f or "LiberationSerif" in f.replace("-", "") for f in fonts), fonts
    text = pdf_text(out)
    assert unicodedata.is_normalized("NFC", text)
    for phrase in ("ĐẢNG CỘNG SẢN VIỆT NAM", "TỈNH ỦY ĐIỆN BIÊN", "Điện Biên, ngày 09 tháng 01 năm 2021",
                   "Tập thể thảo luận dân chủ", "Thiểu số phục tùng đa số", "Trang 1/"):
        assert phrase in text
    assert "điểm b khoản 2 Điều 2" in text  # the summary line of the one change


def test_hostile_links_in_a_regulation_fetch_nothing(tmp_path: Path,
                                                      recording_server: tuple[str, list[str]]) -> None:
    base, requests = recording_server
    old, new = _hostile_pair(tmp_path, base)
    out = write("redline", "pdf", build_files(old, new), tmp_path / "hostile.pdf", Settings(default_profile()))
    assert out.stat().st_size > 1000
    assert requests == []
    text = pdf_text(out)
    assert "root:" not in text
    assert "Thiểu số phục tùng đa số" in text


def test_fetcher_refuses_everything_but_package_assets(tmp_path: Path,
                                                      recording_server: tuple[str, list[str]]) -> None:
    base, requests = recording_server
    fonts = frozenset(p for *_, p in pdf_module.body_fonts())
    fetcher = contained_fetcher(fonts)
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"not an image")
    html = f"""<html><head>
<link rel="stylesheet" href="{base}/style.css">
<style>@import url("{base}/import.css"); body {{ background: url("{base}/bg.png"); }}</style>
</head><body><p>Nội dung thử nghiệm</p>
<img src="{base}/a.png"><img src="file:///etc/passwd"><img src="../../../../../../etc/passwd">
<img src="{outside.as_uri()}"><img src="data:image/png;base64,iVBORw0KGgo=">
</body></html>"""
    write_pdf(html, tmp_path / "direct.pdf", fetcher=fetcher)
    assert (tmp_path / "direct.pdf").is_file()
    assert requests == []
    refused = " ".join(fetcher.refused)
    for needle in ("/a.png", "/style.css", "/import.css", "/bg.png", "/etc/passwd", "secret.png"):
        assert needle in refused
    assert all(url.startswith("file://") for url in fetcher.served)
    assert {Path(url[len("file://"):]) for url in fetcher.served} <= fonts
    assert "Nội dung thử nghiệm" in pdf_text(tmp_path / "direct.pdf")


def test_missing_font_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "_FONT_CANDIDATES", (("Tinos", (tmp_path,)),))
    monkeypatch.delenv("REGDRAFT_FONT_DIR", raising=False)
    with pytest.raises(RegdraftError, match="fonts-croscore"):
        write_pdf("<p>x</p>", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_liberation_serif_2_is_the_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    liberation = Path("/usr/share/fonts/truetype/liberation2")
    if not (liberation / "LiberationSerif-Regular.ttf").is_file():
        pytest.skip("fonts-liberation2 is not installed")
    monkeypatch.setattr(pdf_module, "_FONT_CANDIDATES",
                        (("Tinos", (tmp_path,)), ("LiberationSerif", (liberation,))))
    write_pdf('<p style="font-family: \'Liberation Serif\'">Ban Thường vụ Tỉnh ủy</p>', tmp_path / "l.pdf")
    assert all("LiberationSerif" in f.replace("-", "") for f in pdf_fonts(tmp_path / "l.pdf"))


class _Terminal:
    """A stream that says whether it is a terminal and keeps what is written."""

    def __init__(self, tty: bool) -> None:
        self.tty = tty
        self.text = ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def _render_slowly(stream: _Terminal, enabled: bool = True, expect: bool = False) -> str:
    """Stay in a render long enough for a bar to be drawn: until it is, when one is `expect`ed."""
    import time

    with pdf_module._progress(enabled, stream, delay=0) as stage:  # type: ignore[arg-type]
        stage("laying out pages")
        deadline = time.monotonic() + 10
        while expect and "laying out" not in stream.text and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.1)
    return stream.text


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REGDRAFT_PROGRESS", raising=False)
    shown = _render_slowly(_Terminal(tty=True), expect=True)
    assert "PDF [" in shown and "laying out pages" in shown
    assert _render_slowly(_Terminal(tty=False)) == ""  # a file or a pipe: no carriage-return noise
    assert _render_slowly(_Terminal(tty=True), enabled=False) == ""
    monkeypatch.setenv("REGDRAFT_PROGRESS", "always")
    assert "PDF [" in _render_slowly(_Terminal(tty=False), expect=True)  # forced: drawn though not a terminal
    monkeypatch.setenv("REGDRAFT_PROGRESS", "never")
    assert _render_slowly(_Terminal(tty=True)) == ""


def test_redline_pdf_with_stderr_not_a_terminal_has_no_progress_bar(
    mini_workspace: Workspace, invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`regdraft redline ... 2>file` asks for the bar, but stderr is no terminal (CliRunner's is not)."""
    amendment = Path(__file__).resolve().parent / "fixtures" / "comments" / "amendment-1.md"
    mini_workspace.commit({"amendments/mini-sua/amendment.md": amendment.read_bytes()}, "Draft 1")
    monkeypatch.setattr(pdf_module, "PROGRESS_DELAY", 0.0)
    monkeypatch.delenv("REGDRAFT_PROGRESS", raising=False)
    args = ("redline", "MINI-QC", "--amendment", "mini-sua", "-o", str(tmp_path / "r.pdf"))
    quiet = invoke(mini_workspace, *args)
    assert quiet.exit_code == 0, quiet.output
    assert "PDF [" not in quiet.output and "\r" not in quiet.output
    monkeypatch.setenv("REGDRAFT_PROGRESS", "always")  # the same run, forced: the bar is there to be seen
    forced = invoke(mini_workspace, *args)
    assert forced.exit_code == 0 and "PDF [" in forced.output


def test_library_lookup_from_one_ldconfig_listing_answers_as_ctypes_does() -> None:
    """WeasyPrint's native libraries are found from one `ldconfig -p`: same answers, hits and misses."""
    import ctypes.util

    listing = pdf_module._ldconfig_sonames()
    if listing is None:
        pytest.skip("no ldconfig listing on this system")
    names = ("c", "m", "gobject-2.0", "pango-1.0", "harfbuzz", "harfbuzz-subset", "fontconfig", "pangoft2-1.0",
             "libgobject-2.0-0", "harfbuzz-vector-0.0", "libharfbuzz-vector.0.dylib", "no-such-library-here")
    for name in names:
        assert pdf_module._soname(listing, name) == ctypes.util._findSoname_ldconfig(name), name  # type: ignore[attr-defined]


def test_weasyprint_import_leaves_the_library_lookup_as_it_was() -> None:
    import ctypes.util

    before = ctypes.util.find_library
    weasyprint = pdf_module.import_weasyprint()
    assert ctypes.util.find_library is before
    assert hasattr(weasyprint, "HTML")
    from weasyprint.text.ffi import harfbuzz_subset

    if ctypes.util._findSoname_ldconfig("harfbuzz-subset"):  # type: ignore[attr-defined]
        assert harfbuzz_subset is not None  # found, so fonts are subset by HarfBuzz (fast), not fontTools


def test_garbage_collector_settings_are_restored_after_a_render(tmp_path: Path) -> None:
    import gc

    threshold = gc.get_threshold()
    with pytest.raises(RuntimeError), pdf_module._fewer_collections():
        assert gc.get_threshold()[0] >= 50_000 and gc.get_freeze_count() > 0
        raise RuntimeError("render failed")
    assert gc.get_threshold() == threshold and gc.get_freeze_count() == 0
    write_pdf("<p>Ban Thường vụ Tỉnh ủy</p>", tmp_path / "g.pdf")
    assert gc.get_threshold() == threshold and gc.get_freeze_count() == 0
    assert "Ban Thường vụ Tỉnh ủy" in pdf_text(tmp_path / "g.pdf")

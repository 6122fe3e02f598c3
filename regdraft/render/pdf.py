"""PDF output with WeasyPrint (imported lazily), contained to the package's own assets.

Post-conditions of `write_pdf`:
1. The only resources WeasyPrint may read are files under the package's templates/assets
   folders and the body font files found by `body_fonts`; every other URL (file:, http:,
   data:, relative paths leaving the package) is refused without being opened.
2. The body font is a Times-metric face covering Vietnamese (Tinos, else Liberation Serif 2),
   embedded in the PDF; without one, a `RegdraftError` says which package to install.
3. The output file is written whole or not at all.
4. A table row that runs onto later pages shows its label there too, when its label cell has the
   class `repeats` (`render.continued`).
5. A rendering stops with `PageLimit` past more pages than its text could fill (`render.page_bound`), and HTML
   made with a workspace template is refused with `ElementLimit`, before WeasyPrint reads it, when it holds more
   elements than its document could need.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import unquote, urlsplit

from regdraft.core.errors import RegdraftError
from regdraft.render.files import write_atomic
from regdraft.render.limits import Renders
from regdraft.render.page_bound import bounded, check_elements

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
ASSET_DIRS = (PACKAGE_ROOT / "templates", PACKAGE_ROOT / "assets")

# Preferred first: Tinos (fonts-croscore), then Liberation Serif 2 (fonts-liberation2). The 1.x
# Liberation Serif that many Debian machines have lacks most Vietnamese letters, so it is not
# accepted from the generic folder; only the liberation2 folder is.
_FONT_CANDIDATES = (
    ("Tinos", (PACKAGE_ROOT / "assets" / "fonts", Path("/usr/share/fonts/truetype/croscore"),
               Path("/usr/share/fonts/truetype/tinos"), Path("/usr/local/share/fonts"))),
    ("LiberationSerif", (PACKAGE_ROOT / "assets" / "fonts", Path("/usr/share/fonts/truetype/liberation2"),
                         Path("/usr/local/share/fonts"))),
)
_FAMILY_NAMES = {"Tinos": "Tinos", "LiberationSerif": "Liberation Serif"}
_FACES = (("Regular", "normal", "normal"), ("Bold", "bold", "normal"),
          ("Italic", "normal", "italic"), ("BoldItalic", "bold", "italic"))


def body_fonts() -> list[tuple[str, str, str, Path]]:
    """The body font files: (family, weight, style, path) for regular, bold, italic, bold italic."""
    extra = os.environ.get("REGDRAFT_FONT_DIR")
    for family, folders in _FONT_CANDIDATES:
        search = ((Path(extra),) if extra else ()) + folders
        found = []
        for suffix, weight, style in _FACES:
            name = f"{family}-{suffix}.ttf"
            path = next((d / name for d in search if (d / name).is_file()), None)
            if path is None:
                break
            found.append((_FAMILY_NAMES[family], weight, style, path.resolve()))
        else:
            return found
    raise RegdraftError(
        "No Times-metric font with Vietnamese letters was found for the PDF (looked for Tinos and "
        "Liberation Serif 2); install it with `sudo apt-get install fonts-croscore` (or "
        "fonts-liberation2), or set REGDRAFT_FONT_DIR to a folder holding Tinos-Regular.ttf, "
        "Tinos-Bold.ttf, Tinos-Italic.ttf and Tinos-BoldItalic.ttf."
    )


def text_width_pt(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The printed width of one line of `text` in the body font (Times metrics), in points.

    Used where a line must be as long as its text (the rule under the national line of a
    DOCX header); without the font files, an average letter width stands in.
    """
    try:
        fonts = body_fonts()
    except RegdraftError:
        return len(text) * size_pt * (0.62 if bold else 0.55)
    path = next(p for _, weight, style, p in fonts if style == "normal" and (weight == "bold") == bold)
    cmap, advances, units = _metrics(path)
    default = units // 2
    total = sum(advances.get(cmap.get(ord(ch), ""), (default, 0))[0] for ch in text)
    return total / units * size_pt


_METRICS: dict[Path, tuple[dict[int, str], dict[str, tuple[int, int]], int]] = {}


def _metrics(path: Path) -> tuple[dict[int, str], dict[str, tuple[int, int]], int]:
    if path not in _METRICS:
        from fontTools.ttLib import TTFont

        with TTFont(str(path), lazy=True) as font:
            _METRICS[path] = (dict(font.getBestCmap()), dict(font["hmtx"].metrics), int(font["head"].unitsPerEm))
    return _METRICS[path]


def font_css(fonts: list[tuple[str, str, str, Path]]) -> str:
    """@font-face rules binding the body family to the located font files."""
    rules = []
    for family, weight, style, path in fonts:
        rules.append(
            f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; '
            f'src: url("{path.as_uri()}"); }}'
        )
    return "\n".join(rules)


def contained_fetcher(allowed_files: frozenset[Path] = frozenset()) -> Any:
    """A WeasyPrint URL fetcher that serves package assets and `allowed_files`, refusing the rest."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    allowed_dirs = tuple(d.resolve() for d in ASSET_DIRS)

    class ContainedFetcher(URLFetcher):  # type: ignore[misc]
        """Serves only known local files; `refused` lists every other URL asked for."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=("file",), allow_redirects=False)
            self.refused: list[str] = []
            self.served: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            path = _local_path(url)
            if path is None or not _allowed(path, allowed_files, allowed_dirs):
                self.refused.append(url)
                # Refused before any I/O: nothing is opened, resolved over the network or read.
                raise ValueError(f"regdraft does not fetch {url!r} while rendering")
            self.served.append(url)
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": _mime(path)})

    return ContainedFetcher()


def _local_path(url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    try:
        return Path(unquote(parts.path)).resolve()
    except (OSError, ValueError):
        return None


def _allowed(path: Path, files: frozenset[Path], dirs: tuple[Path, ...]) -> bool:
    if path in files:
        return True
    return path.is_file() and any(d in path.parents for d in dirs)


def _mime(path: Path) -> str:
    return {".css": "text/css", ".ttf": "font/ttf", ".otf": "font/otf", ".woff2": "font/woff2",
            ".png": "image/png", ".svg": "image/svg+xml"}.get(path.suffix.lower(), "application/octet-stream")


# A table cell whose label is printed again where its row continues (`render.continued`).
_REPEATED_CELL = re.compile(r'<td class="[^"]*\brepeats\b')


def write_pdf(html: str, output: Path, *, progress: bool = False, fetcher: Any = None,
              renders: Renders | None = None) -> None:
    """Render `html` to a PDF file with the body font embedded and no outside resources.

    `renders`, the renders that made `html`, bound its elements when a workspace template took part
    (`page_bound.check_elements`).

    `progress` asks for a progress bar on stderr; it is drawn only when stderr is a terminal.
    """
    check_elements(html, renders)
    fonts = body_fonts()
    engine = ENGINE
    weasyprint = engine.setup()
    with engine.collections(), _progress(progress) as stage:
        stage("reading")
        from weasyprint.text.fonts import FontConfiguration

        url_fetcher = fetcher if fetcher is not None else contained_fetcher(frozenset(p for *_, p in fonts))
        font_config = FontConfiguration()
        base_url = (PACKAGE_ROOT / "templates").as_uri() + "/"
        stylesheet = weasyprint.CSS(string=font_css(fonts), font_config=font_config, url_fetcher=url_fetcher)
        document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=url_fetcher)
        stage("laying out pages")
        with bounded(html):  # a workspace template's tiny pages would be laid out for minutes
            rendered = document.render(stylesheets=[stylesheet], font_config=font_config)
        if _REPEATED_CELL.search(html):
            from regdraft.render.continued import label_continued_rows

            label_continued_rows(rendered.pages)
        stage(f"writing {len(rendered.pages)} pages")
        # Tagged (a structure tree, /MarkInfo): a screen reader finds the headings, paragraphs and tables, and reads
        # them in order. It costs about 0.2 s of the shipped redline's 4-6 s (docs/performance.md); the pages, text
        # and layout do not change.
        write_atomic(output, lambda path: rendered.write_pdf(path, pdf_tags=True))


class PdfEngine:
    """The PDF engine's process-wide settings, in one place and set up once per process.

    - WeasyPrint is imported once, with its native libraries found from one `ldconfig -p`
      (`import_weasyprint`), and its logger silenced once: refused resources are expected (see the
      module docstring) and regdraft reports its own errors.
    - `pause_gc`: while a page is laid out the cyclic garbage collector is paused for the objects
      alive before it (`_fewer_collections`). Right for a command that renders and exits; a
      long-running server, where other threads allocate too, turns it off with `configure`.
    """

    def __init__(self) -> None:
        self.pause_gc = True
        self._lock = threading.Lock()
        self._weasyprint: Any = None

    def configure(self, *, pause_gc: bool) -> None:
        """Choose the settings for this process (before its first PDF)."""
        self.pause_gc = pause_gc

    def setup(self) -> Any:
        """WeasyPrint, imported and configured on the first call of the process."""
        with self._lock:
            if self._weasyprint is None:
                self._weasyprint = import_weasyprint()
                logging.getLogger("weasyprint").setLevel(logging.CRITICAL)
                from regdraft.render import footnote_fit, line_fit, page_bound, page_refs, spoken

                line_fit.install()  # a run that fits but for its trailing space is not cut after its first word
                footnote_fit.install()  # a footnote prints on the page of its call
                page_bound.install()  # no more pages than the text could fill (`bounded`)
                spoken.install()  # a screen reader hears `[bỏ: …]`, `[bổ sung: …]` for struck and inserted words
                page_refs.install()  # a tagged PDF names its pages once, not once per structure element
            return self._weasyprint

    def collections(self) -> AbstractContextManager[None]:
        """The garbage-collector setting for one rendering."""
        return _fewer_collections() if self.pause_gc else nullcontext()


ENGINE = PdfEngine()


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Keep the cyclic garbage collector from rescanning every live object while WeasyPrint works.

    Laying out and drawing allocate millions of short-lived objects; each full collection walks all
    the objects already alive (the imported modules, the parsed document), which took a quarter of
    the redline's PDF time. Objects alive on entry are frozen (ignored by collections) and young
    collections run less often; both are restored on exit, when one collection frees the cycles.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], 50_000), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def import_weasyprint() -> Any:
    """WeasyPrint, imported with its native-library look-ups answered from one `ldconfig -p`.

    WeasyPrint tries up to six spellings per native library (Linux, macOS and Windows names) and
    cffi hands each to `ctypes.util.find_library`, which on Linux runs ldconfig, then gcc and ld,
    for every miss: about 20 ms a name, 0.4 s of the redline's wall time (Kozea/WeasyPrint#1125).
    The same lookup, done once, gives the same answers. Where ldconfig cannot be read (not glibc
    Linux), or LD_LIBRARY_PATH points elsewhere, or the fast import fails, the stock lookup is used.
    """
    if "weasyprint" in sys.modules:
        import weasyprint  # not sys.modules[...]: this waits for an import under way in another thread

        return weasyprint
    import ctypes.util

    sonames = None if os.environ.get("LD_LIBRARY_PATH") else _ldconfig_sonames()
    if sonames is not None:
        stock = ctypes.util.find_library
        ctypes.util.find_library = lambda name: _soname(sonames, name)
        try:
            import weasyprint

            return weasyprint
        except OSError:
            pass  # retried below with the stock lookup, which also asks gcc and ld
        finally:
            ctypes.util.find_library = stock
    import weasyprint

    return weasyprint


def _ldconfig_sonames() -> bytes | None:
    """The dynamic linker's library list (`ldconfig -p`), or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    for ldconfig in ("/sbin/ldconfig", "/usr/sbin/ldconfig"):
        try:
            done = subprocess.run([ldconfig, "-p"], capture_output=True, stdin=subprocess.DEVNULL,
                                  env={"LC_ALL": "C", "LANG": "C"}, timeout=10, check=False)
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0 and done.stdout:
            return done.stdout
    return None


def _soname(listing: bytes, name: str) -> str | None:
    """`ctypes.util.find_library(name)` as its ldconfig step answers it, from a saved listing."""
    import struct

    machine = os.uname().machine + ("-32" if struct.calcsize("l") == 4 else "-64")
    abi = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
           "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}.get(machine, "libc6")
    found = re.search(os.fsencode(rf"\s+(lib{re.escape(name)}\.[^\s]+)\s+\({abi}"), listing)
    return os.fsdecode(found.group(1)) if found else None


PROGRESS_DELAY = 2.0  # seconds; a quick render never shows the bar


class _Ticker:
    """Prints the current stage and elapsed time on `stream` once rendering passes `delay` seconds."""

    def __init__(self, stream: TextIO, delay: float) -> None:
        self.stage = "starting"
        self.stream = stream
        self.delay = delay
        self.start = time.monotonic()
        self.done = threading.Event()
        self.shown = False

    def run(self) -> None:
        if self.done.wait(self.delay):
            return
        while not self.done.is_set():
            elapsed = time.monotonic() - self.start
            bar = "#" * min(30, int(elapsed * 2)) + "." * max(0, 30 - int(elapsed * 2))
            self.stream.write(f"\rPDF [{bar}] {elapsed:4.1f}s {self.stage:<24}")
            self.stream.flush()
            self.shown = True
            self.done.wait(0.5)


def progress_shown(enabled: bool, stream: TextIO) -> bool:
    """Whether the progress bar is drawn: asked for and `stream` is a terminal.

    A bar of carriage returns only makes sense on a terminal; in a file or a pipe it is noise.
    REGDRAFT_PROGRESS=always draws it anyway (for tests), =never never draws it.
    """
    forced = os.environ.get("REGDRAFT_PROGRESS", "").lower()
    if forced in ("always", "never"):
        return forced == "always"
    isatty = getattr(stream, "isatty", None)
    return enabled and callable(isatty) and bool(isatty())


class _progress:
    """Context manager yielding a `stage(name)` callback; silent unless shown (see `progress_shown`) and slow."""

    def __init__(self, enabled: bool, stream: TextIO | None = None, delay: float | None = None) -> None:
        out = stream if stream is not None else sys.stderr
        wait = PROGRESS_DELAY if delay is None else delay
        self.ticker = _Ticker(out, wait) if progress_shown(enabled, out) else None
        self.thread: threading.Thread | None = None

    def __enter__(self) -> Any:
        if self.ticker is not None:
            self.thread = threading.Thread(target=self.ticker.run, daemon=True)
            self.thread.start()
        ticker = self.ticker

        def stage(name: str) -> None:
            if ticker is not None:
                ticker.stage = name

        return stage

    def __exit__(self, *exc: object) -> None:
        if self.ticker is not None and self.thread is not None:
            self.ticker.done.set()
            self.thread.join()
            if self.ticker.shown:
                self.ticker.stream.write("\n")

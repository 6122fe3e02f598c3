"""The output registry: every document regdraft writes, in every format, registered once with its writer.

An output (the redline, the consolidated text, the amending document, the comment report) has
formats, each written by one function `writer(value, path, settings)`, named here as
`module:function` and imported only when used. Every command chooses the format the same way
(`choose`): the format asked for, else the output file's suffix, else the output's default; a
format that contradicts the file's suffix, or one the output does not have, is one `FormatError`
in the drafter's words, to which the command line adds its option names.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from regdraft.core.errors import UsageError
from regdraft.render.files import write_atomic

if TYPE_CHECKING:
    from regdraft.render.profile import Profile


@dataclass(frozen=True, slots=True)
class Output:
    """One kind of document and the writer of each of its formats."""

    name: str
    title: str  # in a sentence: "the redline"
    writers: Mapping[str, str]  # format -> "module:function"
    default: str | None = None  # the format when nothing says; None: the file name must

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(self.writers)


_W = "regdraft.render.writers"
OUTPUTS: dict[str, Output] = {
    "redline": Output("redline", "the redline", {
        "pdf": f"{_W}:redline_pdf", "html": f"{_W}:redline_html", "docx": f"{_W}:redline_docx",
    }, default="pdf"),
    "consolidated": Output("consolidated", "the consolidated text", {
        "pdf": f"{_W}:consolidated_pdf", "docx": f"{_W}:consolidated_docx", "html": f"{_W}:consolidated_html",
        "md": f"{_W}:consolidated_md",
    }, default="pdf"),
    "amendment": Output("amendment", "the amending document", {
        "pdf": f"{_W}:amendment_pdf", "docx": f"{_W}:amendment_docx", "html": f"{_W}:amendment_html",
    }, default="pdf"),
    "report": Output("report", "the comment report", {
        "pdf": f"{_W}:report_pdf", "docx": f"{_W}:report_docx", "csv": f"{_W}:report_csv", "html": f"{_W}:report_html",
        "xlsx": f"{_W}:report_xlsx",
    }),
}


@dataclass(frozen=True, slots=True)
class Settings:
    """What every writer may need besides the document: how it looks and where templates are."""

    profile: Profile
    workspace_root: Path | None = None
    today: dt.date = field(default_factory=dt.date.today)
    progress: bool = False
    options: Mapping[str, Any] = field(default_factory=dict)  # an output's own (the redline's layout)


class FormatError(UsageError):
    """The format asked for does not fit: `given` contradicts the file `path`, or the output lacks it."""

    def __init__(self, output: Output, given: str, path: Path | None, mismatch: bool) -> None:
        self.output, self.given, self.path, self.mismatch = output, given, path, mismatch
        if mismatch:
            message = (f"The format {given} does not match the output file {path}: give a file ending in "
                       f".{given}, or do not name a format.")
        else:
            what = f"as '{given}'" if given else "without a format"
            message = (f"{output.title[:1].upper()}{output.title[1:]} cannot be written {what}; it is written as "
                       f"{', '.join(output.formats)} (name the format, or end the file name with it).")
        super().__init__(message)


def choose(name: str, path: Path | None, fmt: str | None) -> str:
    """The format of output `name`: `fmt`, else the suffix of `path`, else the output's default."""
    output = OUTPUTS[name]
    suffix = path.suffix.lstrip(".").lower() if path is not None else ""
    suffix = "html" if suffix == "htm" else suffix
    given = (fmt or "").lower()
    if given and suffix in output.formats and suffix != given:
        raise FormatError(output, given, path, mismatch=True)
    chosen = given or suffix or output.default or ""
    if chosen not in output.formats:
        raise FormatError(output, chosen, path, mismatch=False)
    return chosen


def writer(name: str, fmt: str) -> Callable[[Any, Path, Settings], None]:
    """The function that writes output `name` as `fmt` (imported now)."""
    module, function = OUTPUTS[name].writers[fmt].split(":")
    found: Callable[[Any, Path, Settings], None] = getattr(importlib.import_module(module), function)
    return found


def write(name: str, fmt: str, value: Any, path: Path, settings: Settings) -> Path:
    """Write `value` as output `name` in format `fmt` to `path`, whole or not at all."""
    writer(name, fmt)(value, path, settings)
    return path


def write_page(html: str | Sequence[str | bytes] | Callable[[], str], output: Path, *, pdf: bool,
               progress: bool = False) -> None:
    """Write an HTML page (or the page a function renders, or the page in pieces: texts and UTF-8 bytes, as
    `render.redline.render_html_pieces` gives it), sealed by its policy (`render.policy`), or laid out as a PDF
    (WeasyPrint is imported only then), whose elements are bounded when a workspace template rendered it."""
    if not pdf:  # the renders are noted for the PDF's layout only
        from regdraft.render.policy import sealed_head_bytes

        page = html() if callable(html) else html
        # The page's UTF-8 (UTF-8 encodes a text piece by piece as it encodes it whole; bytes pieces are already
        # that), sealed on its bytes: `sealed(page).encode()`, written in two pieces, the sealed head, then the rest
        # of the page's own bytes, so that the page is not copied again.
        data = page.encode("utf-8") if isinstance(page, str) else \
            b"".join(piece if isinstance(piece, bytes) else piece.encode("utf-8") for piece in page)
        head, rest = sealed_head_bytes(data)
        write_atomic(output, (head, memoryview(data)[rest:]))
        return
    from regdraft.render.limits import watched

    with watched() as renders:
        page = html() if callable(html) else html
        if not isinstance(page, str):
            page = "".join(piece if isinstance(piece, str) else piece.decode("utf-8") for piece in page)
    from regdraft.render.pdf import write_pdf

    write_pdf(page, output, progress=progress, renders=renders)

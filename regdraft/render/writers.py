"""The writer of each output and format of the registry (`render.output.OUTPUTS`): `f(value, path, settings)`.

Each writes the file whole or not at all; the renderers they call are imported only when used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from regdraft.render.files import write_atomic
from regdraft.render.output import Settings, write_page

if TYPE_CHECKING:
    from regdraft.core.amend import Amendment
    from regdraft.core.comment_report import Report
    from regdraft.core.consolidate import ConsolidatedText
    from regdraft.render.redline import Redline


def _redline(redline: Redline, settings: Settings) -> str:
    from regdraft.render.redline import render_html

    return render_html(redline, layout=str(settings.options.get("layout", "inline")),
                       changed_only=bool(settings.options.get("changed_only", False)),
                       workspace_root=settings.workspace_root, profile=settings.profile, today=settings.today,
                       bookmarks=True)


def redline_pdf(redline: Redline, path: Path, settings: Settings) -> None:
    write_page(lambda: _redline(redline, settings), path, pdf=True, progress=settings.progress)


def redline_html(redline: Redline, path: Path, settings: Settings) -> None:
    from regdraft.render.redline import render_html_pieces

    write_page(render_html_pieces(redline, layout=str(settings.options.get("layout", "inline")),
                                  changed_only=bool(settings.options.get("changed_only", False)),
                                  workspace_root=settings.workspace_root, profile=settings.profile,
                                  today=settings.today), path, pdf=False)


def redline_docx(redline: Redline, path: Path, settings: Settings) -> None:
    from regdraft.render import redline_docx as word

    word.write(redline, path, layout=str(settings.options.get("layout", "inline")),
               changed_only=bool(settings.options.get("changed_only", False)), profile=settings.profile,
               today=settings.today)


def _consolidated(ct: ConsolidatedText, settings: Settings, *, paged: bool) -> str:
    from regdraft.render.consolidated import consolidated_html
    from regdraft.render.html import environment

    return consolidated_html(ct, environment(settings.workspace_root), settings.profile, paged=paged,
                             frame=settings.options.get("frame"), today=settings.today)


def consolidated_pdf(ct: ConsolidatedText, path: Path, settings: Settings) -> None:
    write_page(lambda: _consolidated(ct, settings, paged=True), path, pdf=True, progress=settings.progress)


def consolidated_html(ct: ConsolidatedText, path: Path, settings: Settings) -> None:
    write_page(_consolidated(ct, settings, paged=False), path, pdf=False)


def consolidated_docx(ct: ConsolidatedText, path: Path, settings: Settings) -> None:
    from regdraft.render.consolidated_docx import write_consolidated_docx

    write_consolidated_docx(ct, settings.profile, path, settings.options.get("frame"), settings.today)


def consolidated_md(ct: ConsolidatedText, path: Path, settings: Settings) -> None:
    from regdraft.render.consolidated import consolidated_markdown

    write_atomic(path, consolidated_markdown(ct, settings.profile, settings.options.get("frame")).encode("utf-8"))


def _amendment(amendment: Amendment, settings: Settings) -> str:
    from regdraft.render.consolidated import amendment_html
    from regdraft.render.html import environment

    return amendment_html(amendment, environment(settings.workspace_root), settings.profile, settings.today,
                          str(settings.options.get("amended_number") or ""))


def amendment_pdf(amendment: Amendment, path: Path, settings: Settings) -> None:
    write_page(lambda: _amendment(amendment, settings), path, pdf=True, progress=settings.progress)


def amendment_html(amendment: Amendment, path: Path, settings: Settings) -> None:
    write_page(_amendment(amendment, settings), path, pdf=False)


def amendment_docx(amendment: Amendment, path: Path, settings: Settings) -> None:
    from regdraft.render.consolidated_docx import write_amendment_docx

    write_amendment_docx(amendment, settings.profile, path, settings.today,
                         str(settings.options.get("amended_number") or ""))


def report_pdf(report: Report, path: Path, settings: Settings) -> None:
    from regdraft.render.report import html_text

    write_page(lambda: html_text(report, settings.workspace_root, settings.profile, settings.today), path,
               pdf=True)


def report_html(report: Report, path: Path, settings: Settings) -> None:
    from regdraft.render.report import html_text

    write_page(html_text(report, settings.workspace_root, settings.profile, settings.today), path, pdf=False)


def report_docx(report: Report, path: Path, settings: Settings) -> None:
    from regdraft.render.report import write_docx

    write_docx(report, path, settings.profile, settings.today)


def report_csv(report: Report, path: Path, settings: Settings) -> None:
    from regdraft.render.report import csv_text

    write_atomic(path, csv_text(report, settings.profile).encode("utf-8-sig"))


def report_xlsx(report: Report, path: Path, settings: Settings) -> None:
    from regdraft.render.report import write_xlsx

    write_xlsx(report, path, settings.profile, settings.today)

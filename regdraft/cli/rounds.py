"""Comment-round commands: `round open`, `list`, `show`, `close`, `report` and `copy`.

The comments made in a round are `regdraft.cli.comments`'s commands.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from regdraft.cli.completion import AMENDMENT_SLUG
from regdraft.cli.options import (
    DATE,
    DATE_FORMS,
    LINE,
    TO_STDOUT,
    confirm_past,
    open_workspace,
    output_format,
    output_named,
    output_option,
    workspace_option,
    yes_option,
)
from regdraft.cli.printing import Result, committed, prints_result
from regdraft.core.counts import count as counted
from regdraft.core.encodings import text_of
from regdraft.core.text import shown_text


@click.group("round")
def round_() -> None:
    """Circulate a draft for comments: open, list, show, close and report rounds.

    \b
    Example:
        regdraft round open qc-sua-doi-2025 --title "Lấy ý kiến các ban, sở, ngành" \\
            --due 2025-07-15 --consult "Ban Tổ chức Tỉnh ủy" --consult "Ban Tuyên giáo Tỉnh ủy"
        regdraft round report qc-sua-doi-2025 -o bao-cao.pdf
    """


def _consulted(consult: tuple[str, ...], consult_file: Path | None) -> list[str]:
    listed = text_of(consult_file.read_bytes(), str(consult_file), "save the file as UTF-8 and open the round "
                     "again.").splitlines() if consult_file is not None else []  # UTF-8, or UTF-16 (Notepad)
    return [*consult, *(line.strip() for line in listed if line.strip())]


@round_.command("open")
@click.argument("slug", type=AMENDMENT_SLUG)
@click.option("--title", default="", help="What the round is, e.g. 'Lấy ý kiến các ban, sở, ngành'.")
@click.option("--due", type=DATE, required=True, help=f"The date replies are due ({DATE_FORMS}).")
@click.option("--consult", multiple=True, metavar="BODY", help="A body asked for comments (repeatable).")
@click.option("--consult-file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="A UTF-8 text file naming one consulted body per line.")
@yes_option
@workspace_option
@prints_result
def round_open(slug: str, title: str, due: dt.date, consult: tuple[str, ...], consult_file: Path | None,
               yes: bool, workspace: Path | None) -> Result:
    """Open a round on the committed draft: records its revision and draft number.

    The amendment's `draft` number must be higher than the previous round's; edit it and
    commit before opening the next round. A due date that has passed is asked about (--yes
    answers for a script; without a terminal it is refused).

    \b
    Example:
        regdraft round open qc-sua-doi-2025 --due 2025-07-15 --consult-file bodies.txt
    """
    from regdraft.cli.comments import _warned
    from regdraft.core.layout import rounds_folder
    from regdraft.core.round_yaml import round_fields
    from regdraft.importer.plaintext import comment_notes
    from regdraft.workspace import rounds

    ws = open_workspace(workspace)
    confirm_past(due, "The due date", "--due", yes)
    bodies = _consulted(consult, consult_file)
    r = rounds.open_round(ws, slug, title, due, bodies)
    done = Result({"amendment": slug, **round_fields(r), **committed()})
    done.say(f"Opened round {r.number} on {slug}: draft {r.draft} at {r.revision[:8]}, "
             f"{counted(len(r.consulted), 'body consulted')}, due {r.due}.")
    # What the title and the bodies' names lost (`comments.name_words`), as `comment add` says it of its texts.
    typed: list[tuple[str, str] | tuple[str, str, str]] = [("title", title)]
    typed += [("consulted", body, f" (body {n})") for n, body in enumerate(bodies, start=1)]
    return _warned(done, comment_notes(typed, f"{rounds_folder(slug)}/{r.number}.yaml"))


@round_.command("list")
@click.argument("slug", type=AMENDMENT_SLUG)
@workspace_option
@prints_result
def round_list(slug: str, workspace: Path | None) -> Result:
    """List the rounds of an amendment.

    \b
    Example:
        regdraft round list qc-sua-doi-2025
    """
    from regdraft.core.round_yaml import round_fields
    from regdraft.workspace import rounds
    from regdraft.workspace.left_open import left_open, round_taking

    ws = open_workspace(workspace)
    found = rounds.load_rounds(ws, slug)
    ended = left_open(ws, slug, found)
    done = Result([{**round_fields(r), **round_taking(r, ended)} for r in found])
    if not found:
        done.say(f"No rounds on {slug} yet.")
    for r in found:
        line = f"{r.number:>3}  {r.status.value:<6}  draft {r.draft:<3} due {r.due}  {r.revision[:8]}  {r.title}"
        done.say(shown_text(line))  # a round file's title holding U+009B or U+202E, escaped (r36 sweep BK F5)
        if ended is not None and r.status.value == "open":  # adopted with it left open: no comment taken (r44)
            done.say(f"     {ended.sentence(slug, r.number)}")
    return done


@round_.command("show")
@click.argument("slug", type=AMENDMENT_SLUG)
@click.option("--round", "number", type=int, default=None, help="The round (default: the latest).")
@workspace_option
@prints_result
def round_show(slug: str, number: int | None, workspace: Path | None) -> Result:
    """Show a round with its counts of comments, answers and bodies.

    \b
    Example:
        regdraft round show qc-sua-doi-2025 --round 1
    """
    from regdraft.workspace import rounds
    from regdraft.workspace.left_open import left_open, round_taking

    ws = open_workspace(workspace)
    summary = rounds.summarise(ws, slug, number)
    ended = left_open(ws, slug, [summary.round])
    lines = summary.lines(slug)
    if ended is not None:  # adopted with the round left open: it takes no comment (r44)
        # its heading no longer says a bare "(open)" above the sentence that says it takes nothing
        lines[0] = lines[0].replace("(open)", "(left open, no longer taking comments)", 1)
        lines.insert(1, ended.sentence(slug, summary.round.number))
    return Result({**summary.fields(), **round_taking(summary.round, ended)}).say(shown_text("\n".join(lines)))


@round_.command("close")
@click.argument("slug", type=AMENDMENT_SLUG)
@click.option("--round", "number", type=int, default=None, help="The round (default: the latest).")
@workspace_option
@prints_result
def round_close(slug: str, number: int | None, workspace: Path | None) -> Result:
    """Close a round: no more comments are added to it.

    \b
    Example:
        regdraft round close qc-sua-doi-2025
    """
    from regdraft.workspace import rounds

    r = rounds.close_round(open_workspace(workspace), slug, number)
    done = Result({"amendment": slug, "round": r.number, "closed": r.closed, **committed()})
    return done.say(f"Closed round {r.number} on {slug}.")


@round_.command("report")
@click.argument("slug", type=AMENDMENT_SLUG)
@click.option("--round", "number", type=int, default=None, help="The round (default: the latest).")
@click.option("--date", "dated", type=DATE, default=None,
              help=f"The report's date ({DATE_FORMS}; default: today); reprint an old round's report as "
                   "it was dated.")
@click.option("--number", "report_number", type=LINE, default="", metavar="NUMBER",
              help="The report's own number as issued (12-BC/TU); without it the number line is left blank to fill "
                   "in (Số      -BC/TU).")
@output_option
@workspace_option
@prints_result
def round_report(slug: str, number: int | None, dated: dt.date | None, report_number: str, output: Path | None,
                 workspace: Path | None) -> Result:
    """Write the comment report (Báo cáo tổng hợp, tiếp thu, giải trình ý kiến).

    The format follows the file name: .pdf (landscape A4), .docx, .csv, .xlsx or .html. It is dated today, or
    by --date: a report reprinted later reads as the one sent.

    \b
    Example:
        regdraft round report qc-sua-doi-2025 --round 1 -o bao-cao-tiep-thu.pdf
        regdraft round report qc-sua-doi-2025 --round 1 --date 2025-07-16 -o bao-cao-vong-1.pdf
    """
    from regdraft.core.errors import UsageError
    from regdraft.render.report import write_report
    from regdraft.workspace import rounds
    from regdraft.workspace.profiles import profile_for

    if output is None:
        raise UsageError("Name the report file with -o FILE.pdf, .docx, .csv, .xlsx or .html.")
    output_format("report", output, None, has_format=False)
    ws = open_workspace(workspace)
    report = rounds.build_report(ws, slug, number)
    if report_number.strip():
        from dataclasses import replace

        report = replace(report, number=" ".join(report_number.split()))
    write_report(report, output, workspace_root=ws.root, profile=profile_for(ws, report.meta), today=dated)
    done = Result({"amendment": slug, "round": report.round.number, "written": str(output),
                   "format": output.suffix.lower().lstrip(".")})
    return done.say(f"Wrote the comment report of round {report.round.number} on {slug} to {output_named(output)}.")


@round_.command("copy")
@click.argument("slug", type=AMENDMENT_SLUG)
@click.option("--round", "number", type=int, default=None, help="The round (default: the latest).")
@output_option
@workspace_option
@prints_result
def round_copy(slug: str, number: int | None, output: Path | None, workspace: Path | None) -> Result:
    """Write the Word review copy of the draft circulated in a round.

    The bodies consulted comment on it in Word (Comments or Track Changes) and send it back;
    `regdraft comment import SLUG FILE.docx --by BODY` then places every comment and change on
    its provision through hidden bookmarks that carry each provision's address.

    \b
    Example:
        regdraft round copy qc-sua-doi-2025 --round 1 -o out/ban-lay-y-kien.docx
    """
    from regdraft.core.errors import UsageError
    from regdraft.workspace.replies import write_review_copy

    if output is None:
        raise UsageError("Name the review copy with -o FILE.docx.")
    if output == TO_STDOUT and sys.stdout.isatty():
        raise UsageError("-o - writes the Word file to standard output, which is a terminal here: send it to a file "
                         "or a program (`-o - > copy.docx`), or name the file with -o FILE.docx.")
    written = write_review_copy(open_workspace(workspace), slug, output, number)
    return Result({"amendment": slug, "written": str(written)}).say(
        f"Wrote the review copy of {slug} to {output_named(written)}.")


COMMANDS = [round_]

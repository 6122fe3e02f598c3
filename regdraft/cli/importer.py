"""The `import` command: bring a Word or text regulation into the workspace."""

from __future__ import annotations

from pathlib import Path

import click

from regdraft.cli.options import encoding_option, open_workspace, output_named, output_option, workspace_option
from regdraft.cli.printing import Result, committed, prints_result
from regdraft.core.counts import count as counted


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--id", "reg_id", default=None, metavar="ID",
              help="The document number, e.g. 01-QC/TU (default: the number in the header).")
@click.option("--lang", "language", type=click.Choice(["vi", "en"]), default=None,
              help="The document's language (default: detected).")
@encoding_option
@click.option("--normalise-letters", "normalise_letters", is_flag=True,
              help="Replace lookalike letters (Ð U+00D0, Cyrillic а ...) and stray marks in the text itself.")
@output_option
@workspace_option
@prints_result
def import_(file: Path, reg_id: str | None, language: str | None, encoding: str | None, normalise_letters: bool,
            force: bool, output: Path | None, workspace: Path | None) -> Result:
    """Import a regulation from FILE (.docx, .txt or .md) and report what could not be placed.

    Without -o the result is committed to the workspace as regulations/<id>.md (one commit);
    with -o it is written to that file. Neither overwrites an existing file without --force.
    Header keys the file does not give (id, type, title, issuer, signed) are written as FIXME,
    with a comment, and listed in the report: fill them in before use.

    \b
    Example:
        regdraft import quy-che.docx --id 01-QC/TU
        regdraft import luat.txt --encoding tcvn3 -o luat.md
    """
    from regdraft.importer import import_file
    from regdraft.workspace.imports import save_to_file, save_to_workspace, with_own_profile

    result = import_file(file, reg_id=reg_id, language=language, encoding=encoding,
                         target=str(output) if output is not None else None, normalise_letters=normalise_letters)
    if output is not None:
        written = str(save_to_file(result, output, force))
    else:
        ws = open_workspace(workspace)
        result = with_own_profile(result, ws)
        written = save_to_workspace(result, ws, force)
    articles = sum(1 for _ in result.regulation.articles())
    made = committed()
    done = Result({"written": written, "articles": articles, **result.report.as_dict(), **made})
    if output is None and not made["commits"]:
        # `--force` over the same text: the workspace already holds it, so nothing was recorded.
        done.say(f"{written} is unchanged ({counted(articles, 'article')}): the workspace already holds this text; "
                 "nothing was committed.")
    else:
        done.say(f"Wrote {output_named(written)} ({counted(articles, 'article')}).")
    return done.say(result.report.text())


COMMANDS = [import_]

"""`regdraft amend ...`: write, check, preview, adopt amendments and list their conflicts.

Other modules add subcommands with `from regdraft.cli.amend import amend; amend.add_command(...)`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from regdraft.cli.completion import AMENDMENT_SLUG, REGULATION_ID
from regdraft.cli.options import (
    DATE,
    DATE_FORMS,
    TO_STDOUT,
    encoding_option,
    open_workspace,
    output_named,
    output_option,
    workspace_option,
)
from regdraft.cli.printing import TO_STDOUT as TO_STDOUT_KEY
from regdraft.cli.printing import Result, committed, painted, prints_result, problem_line, spelled
from regdraft.core.commands import Command
from regdraft.core.counts import count as counted
from regdraft.workspace.store import Workspace


@click.group()
def amend() -> None:
    """Write, check, preview and adopt amending documents (amendments/<slug>/amendment.md).

    \b
    Example:
        regdraft amend check qc-sua-doi-2025
        regdraft amend preview qc-sua-doi-2025 -o /tmp/amended.md
    """


@amend.command("new")
@click.argument("slug")
@click.option("--regulation", "-r", type=REGULATION_ID, default=None,
              help="The regulation to amend (id, e.g. 01-QC/TU).")
@click.option("--replacing", type=REGULATION_ID, multiple=True,
              help="Draft a whole new regulation replacing this one (repeatable), instead of an amending document.")
@click.option("--id", "new_id", default=None, metavar="ID",
              help="With --replacing: the new regulation's id in the workspace (e.g. 01-QC/TU-XV).")
@click.option("--title", default=None, help="The amending document's title (default: the usual wording); with "
                                            "--replacing, the new regulation's (default: the replaced one's).")
@click.option("--force", is_flag=True, help="Start it even though a new regulation replaced this one.")
@click.option("--signed", type=DATE, default=None,
              help=f"The day it is to be signed ({DATE_FORMS}; default: today): its preamble cites the amendments in "
                   "force that day.")
@workspace_option
@prints_result
def new(slug: str, regulation: str | None, replacing: tuple[str, ...], new_id: str | None, title: str | None,
        force: bool, signed: dt.date | None, workspace: Path | None) -> Result:
    """Start a new amending document for a regulation, or the draft of a new regulation replacing one (one commit).

    Its preamble cites the amending documents adopted and in force on the day it is to be signed
    (--signed, default today); those adopted but not yet in force today are named, each cited or not.
    With --replacing, amendment.md holds the whole new text (a copy of the first regulation replaced), which the
    drafter edits; rounds, comments, the vote and adoption then work on it as on an amendment.

    \b
    Example:
        regdraft amend new qc-sua-doi-2026 --regulation 01-QC/TU
        regdraft amend new nd-sua-doi-2027 -r 63/2010/NĐ-CP --signed 2027-04-01
        regdraft amend new quy-che-xv --replacing 01-QC/TU --id 01-QC/TU-XV
    """
    if replacing:
        return _new_replacement(slug, regulation, replacing, new_id, title, force, signed, workspace)
    if regulation is None:
        raise click.UsageError("Name the regulation to amend (--regulation ID), or the ones a new regulation "
                               "replaces (--replacing ID --id NEW-ID).")
    if new_id is not None:
        raise click.UsageError("--id names a new regulation: give it with --replacing.")
    from regdraft.workspace.scaffold import new as scaffold

    started = scaffold(open_workspace(workspace), slug, regulation, title, force=force, signed=signed)
    later = [{"slug": a.slug, "number": a.number, "effective": a.effective.isoformat(), "cited": a.cited}
             for a in started.later]
    done = Result({"slug": slug, "regulation": regulation, "written": started.path,
                   "signed": signed.isoformat() if signed else None, "not_yet_in_force": later, **committed()})
    done.say(f"Created {started.path}; write the instructions under {started.article} 1, then run `regdraft amend "
             f"check {slug}` (it reads the file as saved).")
    # docs/amendments.md: a command that records something refuses an amendment with uncommitted edits; said now, not
    # first by the refusal of `amend status` after the drafter's edit (r42 sweep CM 7).
    done.say(f"Commit each edit before a command that records something (`amend status`, `amend number`, `round "
             f"open`, `amend adopt`), which refuses uncommitted edits: `git commit -m \"…\" {started.path}`.")
    if started.later:
        done.say("Adopted, not yet in force today: " + "; ".join(a.said(signed) for a in started.later) + ".")
    if signed is not None:  # docs/amendments.md: the day is not written into the document
        done.say(f"The day it is to be signed, {signed}, chose what its preamble cites; it is not written into the "
                 f"document (its `signed:` stays empty): `{Command.of('amend adopt', slug, signed=None)}` records the "
                 "day it is signed.")
    if signed is None and started.later:  # a document signed once one is in force cites it
        done.say(f"For a document to be signed later, give its day: `--signed {started.later[0].effective}` or "
                 "later cites the first of them.")
    return done


def _new_replacement(slug: str, regulation: str | None, replacing: tuple[str, ...], new_id: str | None,
                     title: str | None, force: bool, signed: dt.date | None, workspace: Path | None) -> Result:
    """`amend new --replacing`: the draft of a new regulation (`workspace.replacing.start`)."""
    if regulation is not None or force or signed is not None:
        raise click.UsageError("--replacing starts a new regulation's draft: give it without --regulation, --force "
                               "and --signed (the day it is signed is given to `amend adopt`).")
    if not new_id or not new_id.strip():
        raise click.UsageError("Give the new regulation's id with --id (e.g. --id 01-QC/TU-XV): numbers restart each "
                               "term, so it needs an id of its own beside the one it replaces.")
    from regdraft.workspace.replacing import start

    path = start(open_workspace(workspace), slug, replacing, new_id.strip(), title)
    done = Result({"slug": slug, "replacing": list(replacing), "id": new_id.strip(), "written": path,
                   **committed()})
    done.say(f"Created {path}, draft 1 of {new_id.strip()} replacing {', '.join(replacing)}: a copy of "
             f"{replacing[0]} to edit into the new text, then run `regdraft amend check {slug}`.")
    return done


@amend.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--slug", required=True, metavar="SLUG",
              help="The amendment's name in the workspace (amendments/<slug>/).")
@click.option("--regulation", "-r", "regulations", type=REGULATION_ID, multiple=True,
              help="Only this regulation of the workspace (repeatable); needed when no article heading names it.")
@encoding_option
@output_option
@workspace_option
@prints_result
def import_(file: Path, slug: str, regulations: tuple[str, ...], encoding: str | None, force: bool,
            output: Path | None, workspace: Path | None) -> Result:
    """Import an existing amending document (.docx, .txt or .md) and report what could not be placed.

    Reads the header (number, title, signing date), the preamble, every article and the date
    the document takes effect; the articles whose headings name a regulation of the workspace
    hold its instructions, the others are kept as text. Without -o the result is committed as
    amendments/<slug>/amendment.md (status: submitted); adopt it with `regdraft amend adopt`.

    \b
    Example:
        regdraft amend import luat-57-2024.docx --slug luat-57-2024
    """
    from regdraft.workspace.imports import import_amendment_file

    written, result = import_amendment_file(file, slug, open_workspace(workspace), regulations=regulations,
                                            encoding=encoding, output=output, force=force)
    count = sum(1 for _ in result.amendment.leaves()) if result.amendment is not None else 0
    done = Result({"written": written, "amends": dict(result.targets), "instructions": count,
                   **result.report.as_dict(), **committed()})
    from regdraft.core.model import Kind, noun

    article = noun(Kind.ARTICLE, result.amendment.language if result.amendment is not None else "vi")
    where = ", ".join(f"{article} {label} -> {reg}" for label, reg in result.targets.items())
    # Counted as `amend list` counts them (numbered instructions), with the lettered ones inside groups besides.
    top = len(result.amendment.instructions) if result.amendment is not None else 0
    inside = f", {count} with the lettered ones in groups" if count != top else ""
    done.say(f"Wrote {output_named(written)} ({where}; {counted(top, 'instruction')}{inside}).")
    return done.say(result.report.text())


@amend.command("list")
@workspace_option
@prints_result
def list_(workspace: Path | None) -> Result:
    """List the amendments with their status, draft, number, signing and effective dates and instruction count: the
    adopted ones first, in the order they take effect, then the others by name.

    \b
    Example:
        regdraft amend list --json
    """
    from regdraft.workspace.vote_shown import listed_with_votes

    entries = listed_with_votes(open_workspace(workspace))
    done = Result([e.row() for e in entries])
    if not entries:
        done.say("No amendments yet: start one with `regdraft amend new SLUG --regulation REG`.")
    for entry in entries:
        done.say(entry.line())
    return done


@amend.command("show")
@click.argument("name", metavar="SLUG|NUMBER", type=AMENDMENT_SLUG)
@workspace_option
@prints_result
def show(name: str, workspace: Path | None) -> Result:
    """Show an amendment: its status, draft, number and dates, and the conference votes recorded on it (the
    whole document and each part voted on by itself: counts, majority, quorum, and whether the text is still the
    one voted on).

    \b
    Example:
        regdraft amend show qc-sua-doi-2025
        regdraft amend show 05-QC/TU --json
    """
    from regdraft.workspace.vote_shown import shown

    ws = open_workspace(workspace)
    data, lines = shown(ws, name)
    done = Result(data)
    for line in lines:
        done.say(line)
    if data["status"] in ("adopted", "rejected", "withdrawn"):  # a round left open then takes no comment (r44)
        from regdraft.workspace.amendments import load_rounds
        from regdraft.workspace.left_open import left_open_lines

        for line in left_open_lines(ws, data["slug"], load_rounds(ws, data["slug"])):
            done.say(line)
    return done


@amend.command("status")
@click.argument("slug", type=AMENDMENT_SLUG)
@click.argument("status", required=False)
@click.option("--draft", type=int, default=None, help="Set the draft number too (Dự thảo lần N).")
@workspace_option
@prints_result
def status(slug: str, status: str | None, draft: int | None, workspace: Path | None) -> Result:
    """Set an amendment's status (draft, circulating, submitted, rejected, withdrawn) or draft number.

    The status moves draft → circulating → submitted; `amend adopt` makes it adopted.

    \b
    Example:
        regdraft amend status qc-sua-doi-2025 submitted
        regdraft amend status qc-sua-doi-2025 --draft 3
    """
    from regdraft.workspace.amendment_status import set_status

    updated = set_status(open_workspace(workspace), slug, status, draft)
    done = Result({"slug": slug, "status": updated.status, "draft": updated.draft, **committed()})
    return done.say(f"{slug} is now {updated.status}" + (f" (draft {updated.draft})." if updated.draft else "."))


@amend.command("number")
@click.argument("slug", type=AMENDMENT_SLUG)
@click.argument("number")
@workspace_option
@prints_result
def number(slug: str, number: str, workspace: Path | None) -> Result:
    """Give an amendment its document number (one commit); adoption requires one.

    \b
    Example:
        regdraft amend number qc-sua-doi-2026 07-QC/TU
    """
    from regdraft.workspace.amendment_status import set_number

    updated = set_number(open_workspace(workspace), slug, number)
    done = Result({"slug": slug, "number": updated.number, **committed()})
    return done.say(f"{slug} is now numbered {updated.number}.")


@amend.command("check")
@click.argument("slug", type=AMENDMENT_SLUG)
@workspace_option
@prints_result
def check(slug: str, workspace: Path | None) -> Result:
    """Report every problem of an amendment against its regulation; exit 1 if any.

    \b
    Example:
        regdraft amend check qc-sua-doi-2025
    """
    from regdraft.workspace.lifecycle import review
    from regdraft.workspace.overlaps import overlaps_line
    from regdraft.workspace.run_memo import run

    ws = open_workspace(workspace)
    with run(ws):  # the note reads the amendments and the text in force the review read, once
        found = review(ws, slug)
        overlapping = overlaps_line(ws, slug)
    problems = found.problems
    done = Result({"amendment": slug, **found.as_json()}, exit_code=1 if problems else 0)
    for p in problems:
        done.say(problem_line(p))
    for p in found.to_check:
        done.say(f"{painted('requires checking:', fg='yellow')} {p}")
    for p in found.warnings:  # a command a warning names written as a command line (`amend from-edits …`)
        done.say(f"{painted('warning:', fg='yellow')} {replace(p, message=spelled(p.message), warning=False)}")
    if overlapping:  # a note, not a problem: each is redrafted after the other's adoption
        done.note(overlapping)
    checked = "" if len(found.amends) < 2 else " ({})".format(
        "; ".join(f"{reg}, as {article} amends it" for reg, article in found.amends))
    # The warnings counted as `check` counts them: "2 problems found." under a warning line read as if the warning
    # were one of them (r43 sweep CH F3).
    warned = counted(len(found.warnings), "warning") if found.warnings else ""
    return done.say(f"{slug}: no problems found{f' ({warned})' if warned else ''}{checked}." if not problems
                    else f"{counted(len(problems), 'problem')} found{f' and {warned}' if warned else ''}{checked}.",
                    err=bool(problems))


@amend.command("preview")
@click.argument("slug", type=AMENDMENT_SLUG)
@click.option("--at", "rev", default=None, metavar="REV", help="Use the amendment and regulation at a git revision.")
@click.option("--regulation", "-r", type=REGULATION_ID, default=None,
              help="Only this regulation, when the document amends several (default: every one).")
@output_option
@workspace_option
@prints_result
def preview(slug: str, rev: str | None, regulation: str | None, output: Path | None, force: bool,
            workspace: Path | None) -> Result:
    """Print the regulation as amended (Markdown); writes nothing unless -o names a file.

    A document amending several regulations shows each one as its article amends it, in the
    order of the articles; with -o each is written beside the file named, its id added to the
    name (amended-01-QC-TU.md), unless --regulation picks one.

    \b
    Example:
        regdraft amend preview qc-sua-doi-2025 -o amended.md
        regdraft amend preview luat-57-2024 --regulation 22/2023/QH15
    """
    from regdraft.core.markdown_writer import render
    from regdraft.render.files import write_atomic
    from regdraft.workspace.lifecycle import preview_each
    from regdraft.workspace.overlaps import overlaps_line
    from regdraft.workspace.run_memo import run

    if output == TO_STDOUT:  # `-o -`: printed, as without -o (each of several headed)
        output = None
        click.get_current_context().meta.pop(TO_STDOUT_KEY, None)
    ws = open_workspace(workspace)
    with run(ws):  # the note reads the amendments and the text in force the preview read, once
        shown = preview_each(ws, slug, rev, regulation)
        overlapping = overlaps_line(ws, slug) if rev is None else ""  # as pending now, not at an old revision
    several = len(shown) > 1
    texts = [render(each.preview.applied.regulation) for each in shown]
    targets = [_beside(output, each.regulation, force) if several and output is not None else output
               for each in shown]
    rows: list[dict[str, Any]] = [{"regulation": each.regulation, "article": each.citation,
             "written": None if target is None else str(target), "text": text if output is None else None,
             "notes": [p.as_dict() for p in each.preview.notes]}
            for each, text, target in zip(shown, texts, targets, strict=True)]
    done = Result({"amendment": slug, "written": rows[0]["written"] if not several else None,
                   "text": rows[0]["text"] if not several else None,
                   "notes": [p.as_dict() for each in shown for p in each.preview.notes], "regulations": rows})
    if overlapping:
        done.note(overlapping)
    for each, text, target in zip(shown, texts, targets, strict=True):
        for problem in each.preview.notes:
            done.note(f"note: {problem}")
        if target is not None:
            write_atomic(target, text.encode("utf-8"))
            done.say(f"Wrote {target}" + (f" ({each.regulation}, as {each.citation} amends it)." if several
                                          else "."))
        elif several:
            done.say(f"==> {each.regulation}, as {each.citation} of {slug} amends it <==")
            done.say(text)
        else:
            done.say(text, nl=False)
    return done


def _beside(output: Path, reg_id: str, force: bool) -> Path:
    """Where `-o amended.md` writes one of several regulations: amended-01-QC-TU.md."""
    from regdraft.cli.printing import opened_at
    from regdraft.workspace.outputs import check_output

    target = output.with_name(f"{output.stem}-{reg_id.replace('/', '-')}{output.suffix}")
    check_output(target, force, opened_at)
    return target


@amend.command("adopt")
@click.argument("slug", type=AMENDMENT_SLUG)
@click.option("--signed", type=DATE,
              help=f"The signing date ({DATE_FORMS}; default: the document's own, `signed:`).")
@click.option("--effective", type=DATE, default=None,
              help=f"The effective date ({DATE_FORMS}; "
                   "default: as the document's entry-into-force article says).")
@click.option("--force", is_flag=True, help="Adopt past the gates (rounds, comments, vote, status, date).")
@click.option("--reason", default=None, help="Why --force is needed; recorded in the adoption commit.")
@click.option("--resume", is_flag=True, help="Finish an adoption that was interrupted (killed, power cut).")
@click.option("--cancel", is_flag=True, help="Undo an adoption that was interrupted (Ctrl-C, killed, power cut): "
              "the workspace as it was before it.")
@workspace_option
@prints_result
def adopt(slug: str, signed: str | None, effective: str | None, force: bool, reason: str | None, resume: bool,
          cancel: bool, workspace: Path | None) -> Result:
    """Apply an amendment to its regulation and record it as adopted: one commit and a tag.

    Refuses, naming each missing step and the command that fixes it, until: it has a number,
    it is submitted, every round is closed, every comment answered, the vote recorded (when
    regdraft.yaml requires a majority), and the effective date agrees with its entry-into-force
    article. An adoption cut short (Ctrl-C, the process killed, the machine off) is finished with --resume, or
    undone with --cancel.

    \b
    Example:
        regdraft amend adopt qc-sua-doi-2025 --signed 2025-10-20
        regdraft amend adopt qc-sua-doi-2025 --signed 2025-10-20 --effective 2025-11-01 \\
            --force --reason "Effective date set by the conference, Điều 3 to be corrected"
        regdraft amend adopt qc-sua-doi-2025 --resume
    """
    from regdraft.cli.interrupt_phase import work_done
    from regdraft.core.errors import UsageError
    from regdraft.workspace.adoption import adopt as adopt_amendment
    from regdraft.workspace.adoption import cancel_adoption, resume_adoption
    from regdraft.workspace.journal import stop_point

    ws = open_workspace(workspace)
    if cancel:
        if resume or signed or effective or force or reason is not None:
            raise UsageError("--cancel undoes an interrupted adoption: give it alone with the amendment's name.")
        undone, kept, tag_left = cancel_adoption(ws, slug)
        left = {"tag": tag_left[0], "commit": tag_left[1] or None} if tag_left else None
        return Result({"amendment": slug, "cancelled": True, "tag_left": left, **committed()}).say(
            f"Undid the interrupted adoption {undone}: the workspace is as it was before it, and {slug} is not "
            "adopted." + (f"\n{kept}" if kept else ""))
    if resume:
        finished = resume_adoption(ws, slug)
        return _adopted(ws, slug, ws.resolve("HEAD").sha, f"Finished the interrupted adoption {finished}.",
                        resumed=True)
    if force != (reason is not None):
        raise UsageError("--force and --reason go together: say why the amendment is adopted past its gates.")
    from regdraft.core.amend.staged import described
    from regdraft.workspace.amendments import load

    sha = adopt_amendment(ws, slug, signed or None, effective, force=reason)
    work_done()  # adopted: a Ctrl-C from now on leaves the command to say so (it said "Adopted …", then exited 130)
    stop_point("adopted")
    adopted = load(ws, slug)
    from regdraft.workspace.replacing import issued_sentence

    # A new regulation's draft is issued as that regulation, not adopted into one: say which, and what it replaces.
    said = issued_sentence(adopted, sha) if adopted.replacing else f"Adopted {slug} in commit {sha[:8]}."
    done = _adopted(ws, slug, sha, said, resumed=False)
    for line in described(adopted):  # instructions its entry-into-force article dates on their own
        done.say(line)
    from regdraft.workspace.votes import changed_ungated

    unvoted = changed_ungated(ws, adopted)  # the vote gate refuses it; without the gate, a warning
    if unvoted is not None:
        done.note(f"Warning: {unvoted}; regdraft.yaml does not require a vote majority, so it was adopted as it "
                  "stands (the adoption commit says so).")
    from regdraft.workspace.vote_gate import adoption_vote_notes

    gated = "" if ws.config.get("require_vote_majority") else "; regdraft.yaml does not require a vote majority"
    for note in adoption_vote_notes(ws, adopted):  # no vote, no majority, of the votes cast, a part without one
        done.note(f"Warning: {note}{gated}, so it was adopted (the adoption commit says so).")
    return done


def _adopted(ws: Workspace, slug: str, sha: str, said: str, *, resumed: bool) -> Result:
    """What `amend adopt` prints: the adoption as recorded, its commit and tag (null, and why, when it has none)."""
    from regdraft.workspace.amendments import load
    from regdraft.workspace.terms import tag_made

    adopted = load(ws, slug)
    tag, untagged = tag_made(ws, adopted, sha)
    result = Result({"amendment": slug, "number": adopted.number, "regulation": adopted.regulation,
                     "regulations": [reg for reg, _ in adopted.amending_articles],
                     "signed": adopted.signed, "effective": adopted.effective, "resumed": resumed,
                     "commit": sha, "tag": tag, **committed()}).say(said)
    if adopted.replacing:  # issued as a new regulation: its id, and the ones it replaces
        result.data.update(issued=str(adopted.meta.get("id") or ""), replaces=list(adopted.replacing))
    return result.note(untagged) if untagged else result


@amend.command("conflicts")
@workspace_option
@prints_result
def conflicts(workspace: Path | None) -> Result:
    """List pairs of pending amendments that touch the same or nested provisions; exit 1 if any.

    \b
    Example:
        regdraft amend conflicts
    """
    from regdraft.workspace.lifecycle import pending_conflicts

    found = pending_conflicts(open_workspace(workspace))
    done = Result([c.as_dict() for c in found], exit_code=1 if found else 0)
    for c in found:
        done.say(c.describe(c.first.language))
    return done.say("No conflicts between pending amendments." if not found else f"{counted(len(found), 'conflict')}.")


COMMANDS = [amend]

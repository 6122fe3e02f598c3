"""Workspace commands: init, list, show, check, log, fmt."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from regdraft.cli.completion import ADDRESS, AMENDMENT_SLUG, REGULATION_ID
from regdraft.cli.options import DATE, DATE_FORMS, AddressLast, note_problems, open_workspace, workspace_option
from regdraft.cli.printing import (
    Result,
    committed,
    marked,
    opened,
    pager_option,
    painted,
    prints_result,
    problem_line,
    problems_json,
    spelled,
)
from regdraft.core.counts import count as counted
from regdraft.core.errors import RegdraftError, UnknownUnit

if TYPE_CHECKING:
    from collections.abc import Mapping

    from regdraft.workspace.provision_changes import AmendedProvision
    from regdraft.workspace.provision_history import History
    from regdraft.workspace.store import Workspace


def _example_data() -> Path:
    root = Path(__file__).resolve().parents[2]
    if not (root / "regulations").is_dir():
        raise RegdraftError("The example data ships with the regdraft source checkout and is not available here.")
    return root


# The shipped profiles as `init` names them (regdraft/profiles/*.yaml).
_PROFILES = {"party-36": "Party documents, Hướng dẫn 36-HD/VPTW",
             "state-30": "state documents, Nghị định 30/2020/NĐ-CP",
             "org": "an organisation's own rules: no national line, motto or star"}


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--example", is_flag=True, help="Seed the workspace with Regulation 01-QC/TU and its pending amendment.")
@click.option("--remote", "url", default=None, metavar="URL",
              help="An empty git repository (URL or path) to share the workspace through, as origin.")
@click.option("--profile", default=None, metavar="NAME",
              help="The document profile its documents print with: party-36 (Party documents, the default), "
                   "state-30 (state documents), org (an organisation's own rules: no national line, no motto, no "
                   "star) or a profile the folder holds in profiles/NAME.yaml.")
@prints_result
def init(directory: Path, example: bool, url: str | None, profile: str | None) -> Result:
    """Create a workspace in DIRECTORY (default: here), or add the layout to a git repository.

    With --remote, the workspace is shared: pushed to that empty repository on branch main
    (an existing workspace is shared as it is).

    \b
    Example:
        regdraft init --example office
        regdraft init --example office --remote git://server.office/quy-che.git
        regdraft init --profile org staff-rules
    """
    from regdraft.render.profile import DEFAULT
    from regdraft.workspace.remote_setup import set_up

    ws, created, english = set_up(directory, _example_data() if example else None, url, profile)
    opened(ws)
    done = Result({"workspace": str(ws.root), "created": created, "remote": url, **committed()})
    done.say(f"Created a regdraft workspace in {ws.root}." if created
             else f"Shared the regdraft workspace in {ws.root}.")
    if created:
        chosen = profile or ("org" if english else DEFAULT)
        what = _PROFILES.get(chosen, "the workspace's own")
        if english:  # chosen for the texts it holds: said, with how to choose otherwise
            done.say(f"Its texts are in English, texts of their own ({', '.join(english)}): its documents print "
                     f"with the org profile ({what}); for Party or state documents run `regdraft init --profile "
                     f"{DEFAULT}` (or state-30) instead, or set `profile:` in regdraft.yaml.")
        else:
            done.say(f"Its documents print with the {chosen} profile ({what}); "
                     "change it with `profile:` in regdraft.yaml, or for one document in its front matter "
                     f"(profiles: {', '.join(_PROFILES)}, or a profile of the workspace's own).")
    done.data["profile"] = chosen if created else None
    if url is not None:
        done.say(f"Its shared remote is origin ({url}), branch main; colleagues join it with "
                 f"`regdraft clone {url} DIR`.")
    return done


@click.command("list")
@workspace_option
@prints_result
def list_(workspace: Path | None) -> Result:
    """List the regulations in the workspace.

    \b
    Example:
        regdraft list --json
    """
    from dataclasses import asdict

    from regdraft.workspace.export import listed

    rows = listed(open_workspace(workspace))
    done = Result([asdict(r) for r in rows])
    if not rows:
        done.say("No regulations yet: add one under regulations/ or run `regdraft import`.")
    forces = [f"replaced by {r.replaced_by} on {r.replaced_on}" if r.replaced_by else r.status for r in rows]
    wide = max((len(force) for force in forces), default=0)  # a column as wide as its longest entry
    for r, force in zip(rows, forces, strict=True):
        status = r.error or counted(r.articles, "article") + (f", {counted(r.problems, 'problem')}"
                                                              if r.problems else "")
        done.say(f"{r.id:<16} {r.language:<3} {status:<14} {force:<{wide}} {r.title}")
        if r.behind:  # check's warning, on a line of its own under the translation's
            done.say(f"{'':16} {r.behind}.")
    return done


def done_badly(problems: list[Any]) -> bool:
    """Whether any of the problems is one (not a warning alone): `check` exits 1."""
    return any(not p.warning for p in problems)


@click.command(cls=AddressLast)
@click.argument("regulation", type=REGULATION_ID)
@click.argument("address", type=ADDRESS, required=False)
@click.option("--at", "rev", default=None, metavar="REV", help="Read the text at a git revision (branch, tag, sha).")
@click.option("--as-of", "as_of", type=DATE, default=None,
              help=f"The text in force on a date ({DATE_FORMS}), replaying adopted amendments.")
@click.option("--changes", is_flag=True,
              help="The provision as the pending amendment would make it, its words marked [-deleted-]{+inserted+} "
                   "(red and green on a terminal).")
@click.option("--amendment", type=AMENDMENT_SLUG, default=None,
              help="With --changes: this amendment rather than the pending one (implies --changes).")
@pager_option
@workspace_option
@prints_result
def show(regulation: str, address: str | None, rev: str | None, as_of: str | None, changes: bool,
         amendment: str | None, workspace: Path | None, as_json: bool) -> Result:
    """Print a regulation, or one provision of it with the headings above it.

    ADDRESS is short (d12.k1.a) or written out ("điểm a khoản 1 Điều 12"; the words after the regulation are
    the address, with or without quotes).

    \b
    Example:
        regdraft show 01-QC/TU d5.k2
        regdraft show 01-QC/TU "Điều 12 khoản 1 điểm a" --at HEAD   # as last committed
        regdraft show 01-QC/TU d5.k2 --changes
    """
    from regdraft.workspace import api
    from regdraft.workspace.forced_references import read_as_checked

    ws = open_workspace(workspace)
    if changes or amendment is not None:
        if rev is not None or as_of is not None:
            raise click.UsageError("--changes shows the working text against the amendment: leave out --at and "
                                   "--as-of (or compare revisions with `regdraft redline --from REV --to REV`).")
        from regdraft.workspace.provision_changes import amended_provision

        return _changes(amended_provision(ws, regulation, address, amendment))
    if as_of is not None:
        from regdraft.workspace.timeline import regulation_as_of

        reg = regulation_as_of(ws, regulation, as_of)
    else:
        reg, problems = read_as_checked(ws, regulation, rev)
        note_problems(problems, reg.source)
    try:
        data = api.show_json(reg, address) if as_json else None
        text = "" if as_json else api.show(reg, address)
        shown = Result(data)
        if as_of is None and rev is None:  # the working text: an adopted amendment may be in it before it is in force
            _note_later_changes(shown, ws, regulation, address)
        if rev is None:
            _note_replaced(shown, ws, reg.meta, as_of)
            _note_untranslated(shown, ws, reg.id, reg.meta, address, as_of)
        return shown if as_json else shown.say(text, nl=False)
    except UnknownUnit:
        if as_of is None or address is None:
            raise
        from regdraft.workspace.timeline import not_yet_in_force

        why = not_yet_in_force(ws, regulation, address, as_of)
        if why is None:
            raise
        raise UnknownUnit(why) from None


def _note_later_changes(shown: Result, ws: Workspace, regulation: str, address: str | None) -> None:
    """Say first, on stderr (under --json too), that the text shown holds changes not yet in force."""
    from regdraft.workspace.timeline import later_changes_note

    later = later_changes_note(ws, regulation, address)
    if later:
        shown.note(painted(spelled(later), err=True, fg="yellow"))


def _note_replaced(shown: Result, ws: Workspace, meta: Mapping[str, Any], as_of: str | None) -> None:
    """Say first, on stderr (under --json too), that a new regulation replaced this one (`meta`'s, a translation
    with its original) on or before the date, naming the new one in this one's language."""
    import datetime as dt

    from regdraft.core.dates import parse_date
    from regdraft.workspace.replacements import in_language, original, replaced_on, replacement_message

    day = dt.date.today() if as_of is None else parse_date(as_of, "the date the text is in force on")
    found = replaced_on(ws, original(meta), day)
    if found is not None:
        shown.note(painted(replacement_message(in_language(ws, found, meta)), err=True, fg="yellow"))


def _note_untranslated(shown: Result, ws: Workspace, reg_id: str, meta: Mapping[str, Any], address: str | None,
                       as_of: str | None) -> None:
    """Say first, on stderr (under --json too), that a translation lacks amendments of its original in force on the
    date, as `export` says it."""
    from regdraft.core.dates import parse_date
    from regdraft.workspace.export import untranslated_shown

    day = None if as_of is None else parse_date(as_of, "the date the text is in force on")
    lacking = untranslated_shown(ws, reg_id, meta, address, day)
    if lacking:
        shown.note(painted(spelled(lacking), err=True, fg="yellow"))


def _changes(shown: AmendedProvision) -> Result:
    """`show --changes`: the provision's head, which amendment, and its text with the marks."""
    by = f"amendment {shown.slug}" + (f", draft {shown.draft}" if shown.draft else "")
    done = Result({"regulation": shown.regulation, "address": shown.address, "amendment": shown.slug,
                   "draft": shown.draft, "changed": shown.changed, "old": shown.old, "new": shown.new,
                   "segments": [{"op": s.op.value, "text": s.text} for s in shown.segments]})
    if shown.head:
        done.say(painted(shown.head, bold=True))
    done.say(f"As {by} would make it:" if shown.changed else f"Unchanged by {by}:").say()
    return done.say(marked(shown.segments) if shown.changed else shown.new)


@click.command()
@click.argument("regulation", type=REGULATION_ID, required=False)
@click.option("--repair", is_flag=True, help="First finish a write that was interrupted (killed, power cut), remove "
              "git's index lock a stopped git left, make missing adoption tags again, and put back the comment keys "
              "an older regdraft dropped (one commit).")
@pager_option
@workspace_option
@prints_result
def check(regulation: str | None, repair: bool, workspace: Path | None, as_json: bool) -> Result:
    """Check regulations (all, or one) and report every problem; exit 1 if there are any (warnings alone exit 0).

    \b
    Example:
        regdraft check 01-QC/TU
        regdraft check --repair
    """
    from regdraft.core.commands import Command
    from regdraft.core.text import shown_name
    from regdraft.workspace.checks import check_summary, check_workspace
    from regdraft.workspace.overlaps import overlap_note
    from regdraft.workspace.run_memo import run
    from regdraft.workspace.stopped_writes import remove_git_lock, remove_leftovers
    from regdraft.workspace.terms import repair_tags

    ws = open_workspace(workspace)
    done = Result()
    from regdraft.workspace.stopped_writes import remove_stale_journal

    remove_stale_journal(ws)
    if repair:
        from regdraft.workspace.restore_keys import put_back_dropped  # reads YAML: not loaded by a plain check

        finished = ws.resume()
        said = [f"Finished the interrupted write {finished}." if finished else "No interrupted write to finish."]
        said += remove_git_lock(ws)
        removed, committed = remove_leftovers(ws)
        said += [f"Removed {shown_name(path)}, left half written by a regdraft that was stopped." for path in removed]
        said += [f"Left {shown_name(path)}, left half written by a regdraft that was stopped: it is committed; remove "
                 f"it with `{Command.git('rm', shown_name(path))}` and commit." for path in committed]
        said += repair_tags(ws)
        said += put_back_dropped(ws)
        for line in said:
            if as_json:
                done.note(line)
            else:
                done.say(line)
    with run(ws):  # the note reads the amendments the checks read, once
        problems = check_workspace(ws, regulation)
        overlapping = overlap_note(ws, regulation)
    done.data = problems_json(problems)
    for p in problems:
        done.say(problem_line(p))
    if overlapping:  # two drafts in flight on one text are no problem, but each is redrafted after the other's adoption
        done.note(overlapping)
    summary = check_summary(problems)
    done.say(painted(summary, bool(problems), fg="red" if done_badly(problems) else "green"), err=bool(problems))
    done.exit_code = 1 if done_badly(problems) else 0
    return done


@click.command(cls=AddressLast)
@click.argument("regulation", type=REGULATION_ID)
@click.argument("address", type=ADDRESS, required=False)
@pager_option
@workspace_option
@prints_result
def log(regulation: str, address: str | None, workspace: Path | None) -> Result:
    """Show the git history of a regulation, or the history of one provision: each adopted amending document that
    changed it (or a unit inside it), with the amending provision, signing and effective dates, in effective-date
    order, those not yet in force marked.

    \b
    Example:
        regdraft log 01-QC/TU
        regdraft log 63/2010/NĐ-CP d22.k2
    """
    import datetime as dt

    from regdraft.core.text import shown_name, shown_text
    from regdraft.workspace.replacements import replaced_line

    ws = open_workspace(workspace)
    if address is not None:
        from regdraft.workspace.provision_history import provision_history

        done = _history(provision_history(ws, regulation, address))
    else:
        entries = ws.log(ws.locate_regulation(regulation))
        done = Result([{"sha": e.sha, "author": e.author, "date": e.date, "subject": e.subject} for e in entries])
        for e in entries:
            done.say(f"{e.sha[:8]}  {e.date}  {shown_name(e.author):<20} {shown_text(e.subject)}")  # as git sent them
    replaced = replaced_line(ws, ws.locate_regulation(regulation), dt.date.today())
    if replaced:  # the end of its history, which no commit of its own file records (r41 sweep CJ 7)
        done.say(replaced)
    from regdraft.workspace.unread_adopted import unread_said

    unread = unread_said(ws, ws.regulation_id_in(ws.locate_regulation(regulation)) or regulation)
    if unread:  # its history reads without it (r44 sweep CI F4)
        done.note(f"warning: {unread}; what it changed is not in this history: correct it (`regdraft check` names "
                  "every problem).")
    return done


def _history(history: History) -> Result:
    """`log REG ADDRESS`: a line per change, its effective date first, what it did on the next line."""
    done = Result([entry.as_json() for entry in history.entries])
    if not history.entries:
        done.say(f"No adopted amendment of {history.regulation} changed {history.described}.")
    else:
        done.say(f"{history.described} of {history.regulation}: {counted(len(history.entries), 'change')}")
    for entry in history.entries:
        when = entry.effective.isoformat() if entry.effective else "no date"
        later = "" if entry.in_force else "  (adopted, not yet in force)"
        signed = f"signed {entry.signed.isoformat()}" if entry.signed else "not signed"
        done.say(f"{when}  {signed}  {entry.cited}{later}")
        done.say(f"            {entry.shown(history.language)}")
    return done


@click.command()
@click.argument("regulations", type=REGULATION_ID, nargs=-1)
@click.option("--check", "check_only", is_flag=True, help="Only report files that are not canonical; exit 1 if any.")
@workspace_option
@prints_result
def fmt(regulations: tuple[str, ...], check_only: bool, workspace: Path | None) -> Result:
    """Rewrite regulation files in canonical form (one commit), or check with --check.

    \b
    Example:
        regdraft fmt --check
    """
    from regdraft.core.text import shown_text
    from regdraft.workspace import api

    result = api.format_files(open_workspace(workspace), list(regulations), check_only)
    done = Result({"check": check_only, "changed": result.changed, "problems": problems_json(result.problems),
                   "left_out": problems_json(result.left_out), **committed()})
    for p in result.problems:
        done.note(problem_line(p, err=True))  # a control character it quotes escaped (`text.shown_text`)
    # With a problem in any file, none is rewritten (`api.format_files` writes all or nothing).
    verb = "would reformat" if check_only or result.problems else "reformatted"
    for path in result.changed:
        done.say(f"{verb} {path}")
        for note in (n for n in result.left_out if n.source == path):
            done.say(f"  {shown_text(str(note))}")
    if not result.changed and not result.problems:
        done.say("All files are canonical.")
    if result.problems and not check_only:
        done.say("Nothing was rewritten: fmt rewrites no file while one has a problem. Correct the problems above "
                 "and run `regdraft fmt` again.")
    done.exit_code = 1 if result.problems or (check_only and result.changed) else 0
    return done


COMMANDS = [init, list_, show, check, log, fmt]

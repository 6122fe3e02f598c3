"""`regdraft redline` and `regdraft compare`: the comparison of two versions as PDF or HTML."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from regdraft.cli.completion import AMENDMENT_SLUG, REGULATION_ID
from regdraft.cli.options import (
    note_problems,
    open_workspace,
    output_format,
    output_named,
    output_option,
    workspace_option,
)
from regdraft.cli.printing import Result, marked, painted, prints_result
from regdraft.core.commands import Command
from regdraft.core.counts import count as counted
from regdraft.core.errors import UsageError

if TYPE_CHECKING:
    from regdraft.core.diff import Comparison
    from regdraft.core.model import Address

_format = click.option("--format", "fmt", type=click.Choice(["pdf", "html", "docx"]), default=None,
                       help="Output format (default: from the -o suffix, else pdf).")
_layout = click.option("--layout", type=click.Choice(["inline", "table"]), default="inline", show_default=True,
                       help="inline: the full text with marks; table: the landscape comparison table.")
_changed_only = click.option("--changed-only", is_flag=True,
                             help="Leave out what did not change: inline, an unchanged article is one line (its "
                                  "heading, 'không thay đổi'); in a table, each run of unchanged text in a row is "
                                  "shown as […].")
_LISTED = "regdraft.list_changes"


def _remember_listing(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    ctx.meta[_LISTED] = value
    return value


_list_changes = click.option(
    "--changes", is_flag=True, expose_value=False, callback=_remember_listing,
    help="Print each change with its marks: [-deleted-] {+inserted+} (in colour on a terminal); no file is written "
         "unless -o or --format asks for one.")


def _listing_only(output: Path | None, fmt: str | None) -> bool:
    """`--changes` with neither -o nor --format: the list is what was asked for, and no redline is written (it wrote
    the default PDF and printed its path above the list, r38 sweep BV 8)."""
    return bool(click.get_current_context().meta.get(_LISTED)) and output is None and fmt is None
_strict = click.option("--strict-tones", is_flag=True,
                       help="Show differences of tone-mark placement only (ủy/uỷ) as changes.")


@click.command()
@click.argument("regulation", type=REGULATION_ID)
@click.option("--from", "rev_from", metavar="REV", default=None, help="The old version (default: the working tree).")
@click.option("--to", "rev_to", metavar="REV", default=None, help="The new version: a git revision.")
@click.option("--amendment", type=AMENDMENT_SLUG, default=None,
              help="The new version: the text with this amendment applied (default: the pending one).")
@output_option
@_format
@_layout
@_changed_only
@_list_changes
@_strict
@workspace_option
@prints_result
def redline(regulation: str, rev_from: str | None, rev_to: str | None, amendment: str | None,
            output: Path | None, fmt: str | None, layout: str, changed_only: bool, strict_tones: bool,
            workspace: Path | None) -> Result:
    """Write a redline of a regulation: by default the text in force against the pending amendment.

    \b
    Example:
        regdraft redline 01-QC/TU
        regdraft redline qc-sua-doi-2025   # that amendment's redline (adopted: the text before and after it)
        regdraft redline 01-QC/TU --layout table -o bang-so-sanh.pdf
        regdraft redline 01-QC/TU --from HEAD --format html   # the text as last committed
    """
    from regdraft.render.output import Settings, write
    from regdraft.workspace import redline as rl
    from regdraft.workspace.forced_references import read_as_checked
    from regdraft.workspace.overlaps import overlaps_line
    from regdraft.workspace.profiles import profile_for
    from regdraft.workspace.run_memo import run

    kind = output_format("redline", output, fmt)
    ws = open_workspace(workspace)
    if amendment is None and (amended := ws.amended_by(regulation)) is not None:
        if rev_to is not None:  # a pair of revisions is of a regulation's text; the slug said "is not a regulation"
            raise UsageError(f"'{regulation}' is an amendment: `{Command.of('redline', regulation)}` writes its "
                             f"redline, and two revisions are compared on the regulation it amends: "
                             f"`{Command.of('redline', amended, rev_from=rev_from or 'REV', rev_to=rev_to)}`.")
        regulation, amendment = amended, regulation  # `redline qc-sua-doi-2026`: that amendment's redline
    note_problems(read_as_checked(ws, regulation, rev_from)[1], ws.locate_regulation(regulation))
    with run(ws):  # the note reads the amendments and the text in force the redline read, once
        result = rl.build(ws, regulation, rev_from=rev_from, rev_to=rev_to, amendment=amendment,
                          strict_tones=strict_tones)
        overlapping = overlaps_line(ws, result.amendment.slug) if result.amendment is not None else ""
    written = None
    if not _listing_only(output, fmt):
        target = output if output is not None else rl.default_output(ws, result, kind)
        settings = Settings(profile_for(ws, result.comparison.new.meta), ws.root, progress=True,
                            options={"layout": layout, "changed_only": changed_only})
        written = write("redline", kind, result, target, settings)
    a = result.amendment
    compared = f"{result.comparison.old.id or regulation} against amendment {a.slug}" + (
        f", draft {a.draft}" if a.draft else "") if a is not None else ""
    adoption = result.adopted[-1] if amendment is not None and rev_from is None and result.adopted else None
    if adoption is not None:  # `redline luat-57-2024`, adopted: the issued document's redline (`rl.build`)
        from regdraft.workspace.redline_adopted import adoption_revisions
        from regdraft.workspace.terms import adoption_tag

        pair = adoption_revisions(ws, adoption.slug, result.comparison.old.id or regulation)
        tag = pair[1] if pair is not None else adoption_tag(ws, adoption)  # its commit when its tag is not its own
        compared = (f"{amendment} is adopted: {result.comparison.old.id or regulation} as it stood before its adoption "
                    f"({tag}~1) against the text it left ({tag})")
    shown = _written(written, kind, result.comparison, compared)
    if a is not None and adoption is None and click.get_current_context().meta.get(_LISTED):
        from regdraft.workspace.since_begun import reach_changed  # words reaching places not written on

        for problem in reach_changed(ws, a.for_regulation(result.comparison.old.id or regulation)):
            shown.note(str(problem))
    if overlapping and adoption is None:  # other drafts in flight on the same provisions (`amend conflicts`)
        shown.note(overlapping)
    if a is not None or adoption is not None:
        shown.data["amendment"] = a.slug if a is not None else amendment
    if adoption is not None:
        shown.data.update({"from": f"{tag}~1", "to": tag})
    return shown


@click.command()
@click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@output_option
@_format
@_layout
@_changed_only
@_list_changes
@_strict
@prints_result
def compare(old: Path, new: Path, output: Path | None, fmt: str | None, layout: str,
            changed_only: bool, strict_tones: bool) -> Result:
    """Compare any two regulation files and write the redline (default: redline-OLD-to-NEW.pdf here).

    \b
    Example:
        regdraft compare old.md new.md -o redline.html
    """
    from regdraft.render.output import Settings, write
    from regdraft.render.profile import load_profile
    from regdraft.workspace.compared_files import build_files
    from regdraft.workspace.roots import workspace_of

    kind = output_format("redline", output, fmt)
    result = build_files(old, new, strict_tones=strict_tones)
    # Named after both files, so comparing another old text with the same new one writes a second file.
    stem = new.stem if old.stem == new.stem else f"{old.stem}-to-{new.stem}"
    target = output if output is not None else Path(f"redline-{stem}.{kind}")
    settings = Settings(load_profile({}, result.comparison.new.meta), workspace_of(new), progress=True,
                        options={"layout": layout, "changed_only": changed_only})
    written = None if _listing_only(output, fmt) else write("redline", kind, result, target, settings)
    shown = _written(written, kind, result.comparison)
    if click.get_current_context().meta.get(_LISTED):  # with --changes, the references to check after the changes
        for said in result.references:
            shown.say(f"reference to check: {said}")
    for said in result.read_notes:  # a .txt or .docx converted from TCVN3, VNI or Windows-1258, as `import` says
        shown.note(f"note: {said}")
    return shown


def _written(written: Path | None, kind: str, comparison: Comparison, compared: str = "") -> Result:
    """What a redline command reports: the file written (None: only listed), its format, the number of changes,
    what it compared; with --changes each change and its marks."""
    changes = len(comparison.changes)
    said = f"{counted(changes, 'change')}{'; ' + compared if compared else ''}"
    if written is None:
        shown = Result({"changes": changes}).say(said[:1].upper() + said[1:] + ":" if changes else said + ".")
    else:
        shown = Result({"written": str(written), "format": kind, "changes": changes}).say(
            f"{output_named(written)} ({said})")
    if comparison.old.preamble != comparison.new.preamble:
        shown.note("note: The preamble (its bases) differs between the two texts: the redline marks it above the "
                   "first provision; it is not counted among the changes of provisions.")
    if click.get_current_context().meta.get(_LISTED):
        from regdraft.core.address.designated import designating, designations
        from regdraft.core.diff import ChangeKind
        from regdraft.core.item_ends import end_only_changes
        from regdraft.core.word_diff import DiffSegment, Op
        from regdraft.render.redline_helpers import changed_provisions, moved_children, replaces

        ends = end_only_changes(comparison.provisions)  # named as the documents name them, not `amended`
        # A new regulation's text lacking a provision does not repeal it: it is not carried over (the table says so).
        lacking = {p.anchor for p in changed_provisions(comparison.provisions)
                   if p.change is ChangeKind.REPEALED and p.new is None} \
            if replaces(comparison.new, comparison.old) else set()
        # One whose clauses mostly moved elsewhere says where they went (the table's row does too).
        split = {p.anchor: moved for p in changed_provisions(comparison.provisions) if (moved := moved_children(p))}
        own = {**designations(comparison.new.units), **designations(comparison.old.units)}  # `Schedule 1`
        for change in comparison.changes:
            with designating(own):
                where = change.address.describe(comparison.new.language)
            # A renamed unit is a title changed, as the footnotes, instructions and summary say (r38 sweep BV 8).
            kind = ("end punctuation changed" if change.anchor in ends else
                    "title changed" if change.kind is ChangeKind.HEADING_CHANGED else
                    "not carried over" if change.anchor in lacking else change.kind)
            if change.anchor in split:
                kind = "clauses moved to " + ", ".join(c.moved_to.describe(comparison.new.language)
                                                       for c in split[change.anchor] if c.moved_to is not None)
            if change.kind in (ChangeKind.MOVED, ChangeKind.RENUMBERED) and change.old_address is not None \
                    and change.old_address != change.new_address:
                # From another place or number: say which (`moved from khoản 1 Điều 11`, `moved from Điều 22`,
                # `renumbered from khoản 4 Điều 10`), so a clause renumbered into the place of another reads apart.
                with designating(own):
                    kind = f"{change.kind} from {change.old_address.describe(comparison.new.language)}"
            elif _relabelled(change.old_address, change.new_address):
                # Retitled or amended under a new number (Luật Du lịch without Điều 5: Điều 10 retitled as Điều 9):
                # both said, as the page marks both (r44 sweep CH F4).
                assert change.old_address is not None
                with designating(own):
                    kind = f"{kind}, renumbered from {change.old_address.describe(comparison.new.language)}"
            # A title and the text under it are two lines of the provision: not run together.
            gap = (DiffSegment(Op.EQUAL, " / "),) if change.title and change.segments else ()
            words = marked(change.title + gap + change.segments, context=40)
            shown.say(f"{painted(where, bold=True)} ({kind}): {words}")
    return shown


def _relabelled(old: Address | None, new: Address | None) -> bool:
    """Whether a provision stands under a label of its own other than its old one, in the same place (a clause of
    an article renumbered keeps its own label: its article's line says the renumbering)."""
    return old is not None and new is not None and old != new and old.segments[:-1] == new.segments[:-1] \
        and old.segments[-1] != new.segments[-1]


COMMANDS = [redline, compare]

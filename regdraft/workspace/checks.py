"""Workspace-wide checks behind `regdraft check`: each check returns a list of problems."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from regdraft.core.amend.document import PENDING, Amendment
from regdraft.core.amend.languages import language_differs
from regdraft.core.commands import Command
from regdraft.core.counts import count as counted
from regdraft.core.errors import ParseError, Problem, RegdraftError
from regdraft.core.markdown_writer import heading_text
from regdraft.core.model import Located, Regulation
from regdraft.workspace import api, run_memo
from regdraft.workspace.amendments import survey
from regdraft.workspace.circulated import round_drafts
from regdraft.workspace.dropped_keys import dropped_keys
from regdraft.workspace.forced_references import excused
from regdraft.workspace.hand_edits import hand_edit
from regdraft.workspace.issued_text import as_adopted, rewritten_problems
from regdraft.workspace.late_comments import late_comments
from regdraft.workspace.lifecycle import check, check_amendment, no_instruction, replaced_warnings
from regdraft.workspace.numbers import number_problems
from regdraft.workspace.parse_cache import read_regulation
from regdraft.workspace.proposals import dropping_proposals
from regdraft.workspace.repeated import repeated_comments
from regdraft.workspace.replacements import fronts, replacement_problems
from regdraft.workspace.settings_checks import consolidation_settings, report_settings, setting_line
from regdraft.workspace.stopped_writes import git_lock, interrupted, leftovers
from regdraft.workspace.store import Workspace
from regdraft.workspace.terms import forced_past, tag_problems
from regdraft.workspace.timeline import base_text, replay
from regdraft.workspace.unread_adopted import nowhere

if TYPE_CHECKING:
    from regdraft.workspace.awaited import Shared

Check = Callable[[Workspace, "str | None"], list[Problem]]


def check_workspace(ws: Workspace, name: str | None = None) -> list[Problem]:
    """Run every check over the workspace (or one regulation) and return all problems; what they all read (every
    amendment, the history) is read once for the run (`run_memo`)."""
    problems: list[Problem] = []
    with run_memo.run(ws):
        for run in CHECKS:
            problems.extend(run(ws, name))
    return problems


def check_summary(problems: list[Problem]) -> str:
    """The closing line of `regdraft check`: how many problems and warnings were found."""
    warnings = sum(1 for p in problems if p.warning)
    count = len(problems) - warnings
    if not problems:
        return "No problems found."
    noted = counted(warnings, "warning")
    if not count:
        return f"No problems found ({noted})."
    return f"{counted(count, 'problem')} found" + (f" and {noted}." if warnings else ".")


def vote_files(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`regdraft check`: each amendment's vote.yaml that cannot be read (`votes.unreadable_vote`), at its line; the
    votes module (and PyYAML) is loaded only when there is a vote file."""
    from regdraft.core.layout import vote_parts_path, vote_path
    from regdraft.workspace.amendments import amended_id

    out = []
    for entry in survey(ws):
        if not (ws.exists(vote_path(entry.slug)) or ws.exists(vote_parts_path(entry.slug))) or (name is not None and (
                entry.amendment is None or amended_id(ws, entry.amendment, name) is None)):
            continue
        from regdraft.workspace.vote_parts import unreadable_parts
        from regdraft.workspace.votes import unreadable_vote

        out += [problem] if (problem := unreadable_vote(ws, entry.slug)) else []
        out += [problem] if (problem := unreadable_parts(ws, entry.slug)) else []
    return out


def regulations(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`regdraft check`: each regulation file (`api.check`), a reference an adoption broke past the `amend check`
    gate, its reason recorded, a warning (`forced_references`)."""
    return excused(ws, api.check(ws, name))


def replacements(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`regdraft check`: the regulations' `replaces` (`replacements.replacement_problems`), with the adopted
    amendments whose dates they must follow."""
    adopted = [e.amendment for e in survey(ws) if e.amendment is not None and e.amendment.status == "adopted"]
    return replacement_problems(ws, name, adopted, lambda amendment: forced_past(ws, amendment))


def translations(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`regdraft check`: a warning for each translation (`translation_of`) that lacks amendments of its original in
    force today, naming them as `show` and `export` do (`export.untranslated_shown`), at its `translation_of` line;
    with `name`, the translations of that regulation or that translation. A translation is a text of its own
    (docs/format.md): an amendment adopted to the original only is no problem of it, but its text is behind, which
    `check` did not say."""
    from regdraft.core.layout import regulation_path
    from regdraft.workspace.export import untranslated_shown

    only = ws.locate_regulation(name) if name else None
    out = []
    for path, lines, meta in fronts(ws):
        original = str(meta.get("translation_of") or "").strip()
        if not original or only not in (None, path, regulation_path(original)):
            continue
        message = untranslated_shown(ws, str(meta.get("id") or ""), meta, None, None)
        if message:
            line = next((i for i, text in enumerate(lines, 1) if text.startswith("translation_of:")), 0)
            out.append(Problem(message, path, line, warning=True))
    return out


def format_marker(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`regdraft check`: the workspace's format marker when it cannot be read (`format_marker.read_marker`): a link,
    a device or a huge file there refuses every write."""
    from regdraft.workspace.format_marker import marker_problems

    return [] if name else marker_problems(ws.root)


def stale_tags(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`regdraft check`: adoption tags here or on a remote naming an adoption undone since (`stale_tags`); the whole
    workspace's, not one regulation's."""
    from regdraft.workspace.stale_tags import stale_tag_problems

    return [] if name else stale_tag_problems(ws)


def state_headers(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`regdraft check`: a warning for each regulation whose national line is the Quốc hiệu while it prints with
    the Party profile, at its `national` line: a state body's text written by hand in a workspace set up for Party
    documents printed the Party's star and was amended by a Ban Thường vụ's decision. `import` asks for the state
    profile for such a header (`importer.names.state_profile`); this says so for a file written by hand."""
    from regdraft.importer.names import STATE_PROFILE, state_national
    from regdraft.workspace.profiles import profile_for

    only = ws.locate_regulation(name) if name else None
    out = []
    for path, lines, meta in fronts(ws):
        national = str(meta.get("national") or "")
        if only not in (None, path) or not state_national(national):
            continue
        try:
            chosen = profile_for(ws, meta)
        except RegdraftError:
            continue  # an unknown profile: the settings check names it
        # A Party profile: party-36, or one of the office's own that keeps its national line (`base: party-36`
        # changing only the page or the fonts); never state-30 or org, whose national lines are the Quốc hiệu and none.
        if chosen.national_default.strip() and not state_national(chosen.national_default):
            line = next((i for i, text in enumerate(lines, 1) if text.startswith("national:")), 1)
            out.append(Problem(
                f"The national line is the Quốc hiệu of a state document ({national.strip()}), but the file prints "
                f"with the Party profile {chosen.name} (the Party's star under the issuer, `Số` with no colon, a Party "
                f"decision when it is amended); add `profile: {STATE_PROFILE}` to its front matter (or set "
                f"`profile: {STATE_PROFILE}` in regdraft.yaml for every document).", path, line, warning=True))
    return out


def check_replay(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`regdraft check`: regulations edited without an amendment (since their base text, or since first committed
    while they have none), and problems of pending amendments."""
    entries = survey(ws)
    paths = [ws.locate_regulation(name)] if name else ws.regulation_files()
    problems: list[Problem] = []
    ids: set[str] = set()
    history: dict[str, list[Amendment]] = {}  # each regulation's adopted amendments, for the pending ones' order
    texts: dict[str, Regulation] = {}  # each regulation read, by id
    shared: Shared = {}  # the pending amendments applied, each once for all the others' problems (`awaited`)
    for path in paths:
        try:
            reading = read_regulation(ws, ws.read(path), path)  # as the regulation check reads it: once
        except ParseError:
            continue  # the regulation check reports it
        if reading.problems:
            continue
        current = reading.regulation
        ids.add(current.id)
        texts[current.id] = current
        adopted = [
            e.amendment.for_regulation(current.id)
            for e in entries
            if e.amendment is not None and e.amendment.status == "adopted" and current.id in e.amendment.regulations
        ]
        history[current.id] = adopted
        if adopted:
            problems.extend(replay_difference(ws, path, current, adopted))
        elif (edit := hand_edit(ws, path, current)) is not None:  # no base text yet: the text as first committed
            problems.append(edit.warning())
    for entry in entries:
        if entry.amendment is None:
            if name is None and entry.error is not None:
                # What its readable instructions would do is checked too: every problem in one run.
                problems.extend(check(ws, entry.slug, shared) or [Problem(str(entry.error), entry.slug)])
        elif entry.amendment.status in PENDING and entry.amendment.replacing:  # a new regulation's draft: its text
            if name is None or any(reg_id in ids for reg_id in entry.amendment.replacing):
                problems.extend(check_amendment(ws, entry.amendment, shared))
        elif entry.amendment.status in PENDING:
            checked = [reg_id for reg_id in entry.amendment.regulations if reg_id in ids]
            for reg_id in checked:
                problems.extend(check_amendment(ws, entry.amendment.for_regulation(reg_id), shared))
                problems.extend(_order(ws, entry.amendment.for_regulation(reg_id), history[reg_id]))
            amended = texts.get(entry.amendment.regulation)
            problems.extend(no_instruction(entry.amendment, amended.source if amended else "") if checked
                            else [])  # as `amend check` says it
            problems.extend(_unwritable(ws, entry.amendment))
            problems.extend(replaced_warnings(ws, entry.amendment) if checked else [])  # `amend check`'s, a warning
            if entry.amendment.regulation in texts:  # written in another language than the text (as `amend check` says)
                problems.extend(language_differs(entry.amendment, texts[entry.amendment.regulation]))
        if entry.amendment is not None and name is None:  # amending no regulation, adopted too (r44 sweep CI F4)
            problems.extend(nowhere(ws, entry.amendment))
    return problems


def _unwritable(ws: Workspace, amendment: Amendment) -> list[Problem]:
    """Each line of a pending amendment holding a character no document holds, at its instruction (`core.unwritable`):
    `amend check` says it among the document's warnings, which `regdraft check` does not list."""
    from regdraft.core.markdown import decode
    from regdraft.core.unwritable import instruction_places, unwritable_lines

    text = decode(ws.read(amendment.source), amendment.source)
    return unwritable_lines(text, amendment.source, lambda: instruction_places(amendment.instructions))


def _order(ws: Workspace, amendment: Amendment, adopted: list[Amendment]) -> list[Problem]:
    """A pending amendment taking effect before an adopted document, or an instruction it dates on its own, changing
    the same provisions (`order.pending_order`); nothing to look at when no amendment of the regulation is adopted."""
    if not adopted:
        return []
    from regdraft.workspace.order import pending_order

    return pending_order(ws, amendment, adopted)


EDITED = "it was edited without an amendment"  # what `replay_difference` says of a hand edit, and of nothing else


def replay_difference(ws: Workspace, path: str, current: Regulation, adopted: list[Amendment]) -> list[Problem]:
    """The regulation at `path` (read as `current`) against its base text with the `adopted` amendments replayed: a
    problem saying where it first reads otherwise (edited without an amendment), or why it cannot be told; [] when
    it reads as the replay. `regdraft check`, and `sync` before it sends a regulation (`sent_edits`). An adopted
    amendment rewritten since its adoption is replayed as adopted (`issued_text`): the rewrite is its own problem, and
    the regulation is named only when it reads otherwise than what was adopted."""
    from regdraft.workspace.order import dated_out_of_order

    adopted = as_adopted(ws, adopted)

    try:
        replayed = replay(base_text(ws, path), adopted, None).regulation
    except (RegdraftError, ParseError) as exc:
        why = dated_out_of_order(ws, path, current, adopted)  # not a hand edit: two adopted out of their order
        said = f"{why}. " if why else ""
        return [Problem(f"replaying the adopted amendments on the base text fails: {said}{exc.report()}", path)]
    if replayed.units == current.units and replayed.preamble == current.preamble:
        return []
    why = dated_out_of_order(ws, path, current, adopted)
    if why is not None:
        return [Problem(f"differs from its base text with the adopted amendments replayed: {why}.", path)]
    where, line = first_difference(current, replayed)
    return [
        Problem(
            f"differs from its base text with the adopted amendments replayed (first at {where}): {EDITED}. "
            "Undo the edit, or write it as an amendment and adopt it.",
            path,
            line,
        )
    ]


def first_difference(current: Regulation, replayed: Regulation) -> tuple[str, int]:
    """Where `current` first reads otherwise than `replayed` (the provision, and its line in `current`)."""
    if current.preamble != replayed.preamble:
        return "the preamble", 0
    mine: Iterator[Located] = current.walk()
    theirs: Iterator[Located] = replayed.walk()
    language = current.language
    for a, b in zip(mine, theirs, strict=False):
        if a.address != b.address or (a.unit.title, a.unit.text, a.unit.repealed, a.unit.closing) != (
            b.unit.title,
            b.unit.text,
            b.unit.repealed,
            b.unit.closing,
        ):
            return (
                a.address.describe(language) if a.address == b.address else heading_text(a.unit, language)
            ), a.unit.line
    return "the end of the document", 0


# regulations (api.check) covers each regulation file: its structure, its references and its name.
def settings(ws: Workspace, name: str | None = None) -> list[Problem]:
    """The workspace settings: the profiles (regdraft.yaml's choice, profiles/*.yaml) and the git hooks policy."""
    from regdraft.workspace.git_policy import HOOKS_SETTING, user_allows_hooks
    from regdraft.workspace.profiles import profile_problems
    from regdraft.workspace.store import HOOK_POLICIES

    problems = profile_problems(ws)
    if ws.config.get("git_hooks", "none") not in HOOK_POLICIES:
        problems.append(Problem(f"git_hooks is '{ws.config.get('git_hooks')}'; use none or run.", "regdraft.yaml",
                                setting_line(ws, "git_hooks")))
    elif ws.config.get("git_hooks") == "run" and not user_allows_hooks(ws.root):
        problems.append(Problem(
            "git_hooks: run asks for the repository's git hooks to run on every commit, but they do not run until "
            f"your own git settings allow it (`{Command.git('config', HOOKS_SETTING, 'true', switches=('global',))}`): "
            "a workspace received with "
            "its .git brings its hooks and this setting alike.", "regdraft.yaml", setting_line(ws, "git_hooks"),
            warning=True))
    return problems + _settings_read(ws)


# the keys regdraft.yaml may hold
_SETTINGS = ("identity", "profile", "require_vote_majority", "committee_members", "vote_quorum", "git_hooks", "review",
             "report", "consolidation")
_IDENTITY = ("name", "email")  # the keys under identity


def _settings_read(ws: Workspace) -> list[Problem]:
    """Settings regdraft would misread without a word: a key it does not know (`requre_vote_majority: true`, a
    typing mistake that left the vote unrequired), `require_vote_majority: "no"` (a word, read as set), an identity
    that is not a name and an email."""
    from regdraft.core.nearest import nearest_names

    problems = []
    for key in ws.config:
        if key not in _SETTINGS:
            near = nearest_names(str(key), _SETTINGS, limit=1)
            hint = f"did you mean {near[0]}?" if near else f"the settings are {', '.join(_SETTINGS)}."
            problems.append(Problem(f"the setting '{key}' is unknown and has no effect; {hint}", "regdraft.yaml",
                                    setting_line(ws, str(key))))
    vote = ws.config.get("require_vote_majority", False)
    from regdraft.workspace.review_limits import per_address, per_member

    review = ws.config.get("review")
    if isinstance(review, dict) and (wrong := per_address(review)[1]):
        problems.append(Problem(wrong, "regdraft.yaml", setting_line(ws, "connections_per_address", "review")))
    for key, said in per_member(review)[1].items() if isinstance(review, dict) else ():
        problems.append(Problem(said, "regdraft.yaml", setting_line(ws, key, "review")))
    if not isinstance(vote, bool):
        problems.append(Problem(f"require_vote_majority is '{vote}'; write true or false (without quotes).",
                                "regdraft.yaml", setting_line(ws, "require_vote_majority")))
    from regdraft.workspace.vote_counts import MEMBERS_SETTING, members_setting_problem

    if (members := members_setting_problem(ws)) is not None:
        problems.append(Problem(members, "regdraft.yaml", setting_line(ws, MEMBERS_SETTING)))
    from regdraft.workspace.vote_quorum import QUORUM_SETTING, quorum_setting_problem

    if (quorum := quorum_setting_problem(ws)) is not None:
        problems.append(Problem(quorum, "regdraft.yaml", setting_line(ws, QUORUM_SETTING)))
    problems += report_settings(ws) + consolidation_settings(ws)
    identity = ws.config.get("identity", {})
    for key in identity if isinstance(identity, dict) else ():
        if key not in _IDENTITY:
            near = nearest_names(str(key), _IDENTITY, limit=1)
            hint = f"did you mean {near[0]}?" if near else f"identity holds {' and '.join(_IDENTITY)}."
            problems.append(Problem(f"the setting '{key}' under identity is unknown and has no effect; {hint}",
                                    "regdraft.yaml", setting_line(ws, str(key), "identity")))
    if not isinstance(identity, dict) or not all(isinstance(identity.get(k), str) for k in _IDENTITY):
        problems.append(Problem("identity must give a name and an email (identity: {name: …, email: …}): the author "
                                "of commits where git has none.", "regdraft.yaml", setting_line(ws, "identity")))
    return problems


def unknown_links(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`access.unknown_links`, imported when called: the access module reads YAML, which a warm check never loads."""
    from regdraft.workspace.access import unknown_links as found

    return found(ws, name)


# late_comments: comments recorded after their round closed or after adoption (e.g. in another clone);
# round_drafts: a round whose circulated draft cannot be read at its revision (no report, no review copy);
# vote_files: an amendment's vote.yaml that cannot be read (adoption refuses it);
# dropping_proposals: unanswered proposals that would delete points or clauses when accepted, and wording accepted
# as typed that reads as Markdown (warnings);
# repeated_comments: one comment recorded twice in a round, perhaps in two clones (warnings);
# dropped_keys: a comment file rewritten by an older regdraft without keys it does not know, found by sync or in the
# commits check has not examined yet (warnings; check's repair puts the lines back);
# unknown_links: a comment of an open round sent through an access link regdraft.yaml does not list (warnings);
# number_problems: an amendment numbered as a regulation or another amendment is;
# replacement_problems: a `replaces` naming no regulation, or dates that do not follow one another;
# tag_problems: an adoption whose tag is missing or names another document's adoption (terms.py);
# stale_tags: an adoption tag, here or on a remote, naming an adoption undone since or off the branch (warnings);
# translations: a translation lacking amendments of its original in force (a warning);
# format_marker: a format marker that is a link, no regular file or huge (every write refuses it);
# state_headers: a text under the Quốc hiệu printed with the Party profile (a warning).
# rewritten_problems: an adopted (issued) amending document whose text changed since its adoption (issued_text.py);
CHECKS: list[Check] = [interrupted, git_lock, leftovers, settings, format_marker, regulations, check_replay,
                       late_comments, rewritten_problems, round_drafts, vote_files, dropping_proposals,
                       repeated_comments, dropped_keys, unknown_links, number_problems, replacements, tag_problems,
                       stale_tags, translations, state_headers]

"""Votes on parts of the draft (biểu quyết từng nội dung), kept in `amendments/<slug>/vote-parts.yaml`.

A conference may vote on a part of the draft on its own before voting on the whole: an instruction of the amending
document (`khoản 3 Điều 1`), which the secretary may also name by the provision it amends (`khoản 2 Điều 5`); in
the draft of a whole new regulation (`workspace.replacing`), which has no instructions, an article, clause or point
of its text (a conference votes a new Working Regulation article by article). Each part vote is recorded beside the
vote on the whole (`vote.yaml`), which stays what adoption needs; a part voted again replaces its vote.

Post-conditions:
1. `resolve(amendment, typed)` gives the places (`(article, location)`) of the instructions `typed` names, and how
   they are cited: an instruction's own citation first (`khoản 3 Điều 1` is the instruction of Điều 1 when the
   document has one so numbered), else the instructions that amend the provision typed, else those amending a
   provision within it (`khoản 1 Điều 12` for the one on `điểm b khoản 1 Điều 12`). `UsageError` naming the
   instructions the draft has (and what each amends) when it names none. In a new regulation's draft, the place is
   the provision of its text (`("11", "2")` for khoản 2 Điều 11, `("11", "")` for Điều 11), fingerprinted by that
   provision's text; `UsageError` naming its articles when it has no such provision.
2. `record_part_vote` records one part's vote (one commit), replacing that part's vote on file; the counts, the
   number present and the date are checked as the whole vote's are (`vote_dates`: not before the vote on the part
   it replaces, nor before the last comment round was opened, unless a reason is given); nothing is written when
   they are refused.
3. `load_part_votes(ws, slug)` reads the file back in the order written (none without a file); `RegdraftError`
   naming the file and the entry when it cannot be read.
4. `part_notes(ws, amendment)` gives, as clauses, each part vote adoption must say of: no majority, below quorum, or
   its instructions changed (or gone) since it was voted on. `part_lines` gives every part vote as the adoption
   commit records it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from regdraft.core.amend.document import Amendment, instruction_markdown
from regdraft.core.amend.instructions import Instruction
from regdraft.core.errors import NotPending, Problem, RegdraftError, UsageError
from regdraft.core.layout import vote_parts_path
from regdraft.workspace.amendments import load
from regdraft.workspace.store import Workspace, writes
from regdraft.workspace.votes import MAX_COUNT, Vote

if TYPE_CHECKING:
    from regdraft.core.model import Regulation, Unit

Place = tuple[str, str]  # (amending article, instruction location): ("1", "3"), ("1", "3.a")


def parts_path(slug: str) -> str:
    """The votes on parts of an amendment."""
    return vote_parts_path(slug)


@dataclass(frozen=True, slots=True)
class PartVote:
    """The vote on one part: `on` as cited (`khoản 3 Điều 1`), the `places` of its instructions, what they amend
    (`amends`, cited), the counts as a `Vote` has them, and `text`, the fingerprint of those instructions' text."""

    on: str
    places: tuple[Place, ...]
    amends: str
    vote: Vote
    text: str

    def counted(self) -> str:
        from regdraft.workspace.vote_counts import counts

        return f"the conference vote on {self.on}{f' (on {self.amends})' if self.amends else ''} ({counts(self.vote)})"


def _walk(instructions: tuple[Instruction, ...]) -> Iterator[Instruction]:
    for ins in instructions:
        yield ins
        yield from _walk(tuple(c for c in ins.children if c.location != ins.location))  # not an implied single change


def _all(amendment: Amendment) -> list[Instruction]:
    return [ins for reg_id, _ in amendment.amending_articles
            for ins in _walk(amendment.for_regulation(reg_id).instructions)]


def _cited(places: tuple[Place, ...], language: str) -> str:
    from regdraft.core.amend.staged import cite_places

    return cite_places(places, language)


def _amends(found: list[Instruction], language: str) -> str:
    from regdraft.core.amend.operations import targets

    said: list[str] = []
    for ins in _walk(tuple(found)):  # a group's: its nested instructions'
        said += [t.describe(language) for t in targets(ins.op) if t.describe(language) not in said]
    return ", ".join(said)


def resolve(amendment: Amendment, typed: str, ws: Workspace | None = None) -> tuple[tuple[Place, ...], str, str]:
    """The places `typed` names, their citation and what they amend (post-condition 1); `ws` reads a new regulation's
    draft, whose parts are its provisions."""
    from regdraft.core.address import parse_address
    from regdraft.core.amend.operations import targets
    from regdraft.core.model import Kind

    language = amendment.language
    if amendment.replacing and ws is not None:
        place = _draft_place(ws, amendment, typed)
        return (place,), _cited((place,), language), ""
    every = _all(amendment)
    try:
        address = parse_address(typed, language)
    except RegdraftError:
        address = None
    found: list[Instruction] = []
    if address is not None and not address.part:
        kinds = [s.kind for s in address.segments]
        labels = [s.label for s in address.segments]
        for ins in every:
            own = [ins.article, *ins.location.split(".")]
            if kinds == [Kind.ARTICLE, Kind.CLAUSE, Kind.POINT][:len(own)] and labels == own:
                found = [ins]
                break
        if not found:  # the provision amended, else the instructions amending within it (khoản 1 for its điểm b)
            found = [ins for ins in every if address in targets(ins.op)] or [
                ins for ins in every if any(address.contains(t) for t in targets(ins.op))]
    if not found:
        listed = "; ".join(f"{_cited(((i.article, i.location),), language)} (on {_amends([i], language) or '…'})"
                           for i in every[:20])
        more = f" and {len(every) - 20} more" if len(every) > 20 else ""
        said = typed if len(typed) <= 80 else typed[:79] + "…"
        raise UsageError(f"{amendment.source}: “{said}” names no instruction of {amendment.name}, nor a provision "
                         f"one amends; its instructions are {listed or 'none'}{more}. Name the part voted on as the "
                         f"document numbers it (e.g. “khoản 1 Điều 1”), or by the provision it amends.",
                         options=("on",))
    places = tuple((ins.article, ins.location) for ins in found)
    return places, _cited(places, language), _amends(found, language)


def _draft_place(ws: Workspace, amendment: Amendment, typed: str) -> Place:
    """The place of the article, clause or point `typed` names in a new regulation's draft (post-condition 1)."""
    from regdraft.core.address import parse_address
    from regdraft.core.model import Kind

    regulation = _draft_text(ws, amendment)
    try:
        address = parse_address(typed, amendment.language)
    except RegdraftError:
        address = None
    kinds = [s.kind for s in address.segments] if address is not None else []
    if address is not None and not address.part and kinds == [Kind.ARTICLE, Kind.CLAUSE, Kind.POINT][:len(kinds)]:
        place = (address.segments[0].label, ".".join(s.label for s in address.segments[1:]))
        if _provision(regulation, place) is not None:
            return place
    labels = [loc.unit.label for loc in regulation.articles()]
    said = typed if len(typed) <= 80 else typed[:79] + "…"
    having = f"articles {labels[0]}–{labels[-1]}" if len(labels) > 1 else f"article {labels[0]}" if labels else "none"
    raise UsageError(f"{amendment.source}: “{said}” names no article, clause or point of the text of {amendment.name}, "
                     f"the draft of a new regulation (its {having}). Name the part voted on as the draft numbers it "
                     "(e.g. “Điều 11” or “khoản 2 Điều 11”).", options=("on",))


def _draft_text(ws: Workspace, amendment: Amendment) -> Regulation:
    from regdraft.workspace.replacing import draft_reading

    return draft_reading(ws, amendment)[0].regulation


def _provision(regulation: Regulation, place: Place) -> Unit | None:
    from regdraft.core.address import Address, Segment
    from regdraft.core.model import Kind

    article, location = place
    labels = [article, *(location.split(".") if location else [])]
    address = Address(tuple(Segment(kind, label) for kind, label in zip((Kind.ARTICLE, Kind.CLAUSE, Kind.POINT),
                                                                        labels, strict=False)))
    found = regulation.index().get(address)
    return found.unit if found is not None else None


def _unit_words(unit: Unit) -> Iterator[str]:
    """A provision's label, title and paragraphs, and its children's, as the fingerprint of its text."""
    yield f"{unit.kind.name} {unit.label} {unit.title or ''}"
    yield from unit.text
    for child in unit.children:
        yield from _unit_words(child)
    yield from unit.closing


def text_of(amendment: Amendment, places: tuple[Place, ...], ws: Workspace | None = None) -> str:
    """`sha256:…` of the instructions at `places` ("" when one is gone); in a new regulation's draft (read from `ws`),
    of the provisions of its text there."""
    if amendment.replacing and ws is not None:
        try:
            regulation = _draft_text(ws, amendment)
        except RegdraftError:
            return ""
        units = [unit for place in places if (unit := _provision(regulation, place)) is not None]
        if len(units) != len(places):
            return ""
        digest = hashlib.sha256()
        for unit in units:
            digest.update("\n".join(_unit_words(unit)).encode("utf-8") + b"\0")
        return f"sha256:{digest.hexdigest()}"
    at = {(ins.article, ins.location): ins for ins in _all(amendment)}
    if any(place not in at for place in places):
        return ""
    digest = hashlib.sha256()
    for place in places:
        digest.update(instruction_markdown(at[place]).encode("utf-8") + b"\0")
    return f"sha256:{digest.hexdigest()}"


@writes
def record_part_vote(ws: Workspace, slug: str, on: str, for_: int, against: int, abstain: int,
                     date: str | dt.date, members: int | None = None, present: int | None = None, *,
                     force: str | None = None) -> PartVote:
    """Record the vote on one part of the draft (post-condition 2): its date is checked as the whole vote's is
    (`vote_dates`), against the vote on the same part it replaces; `force` gives the reason a date those checks
    refuse is recorded all the same (a correction), kept in the commit."""
    from regdraft.core.frontmatter import dump_yaml
    from regdraft.workspace.vote_counts import committee_members, counts_refusal
    from regdraft.workspace.vote_quorum import attendance_refusal, below_quorum, quorum_setting, shown

    amendment = load(ws, slug)
    if amendment.status == "adopted":
        raise NotPending(f"{amendment.source}: the amendment is adopted; the votes that led to it are part of its "
                         "record and are not recorded again.")
    places, cited, amends = resolve(amendment, on, ws)
    from regdraft.core.errors import StoreError
    from regdraft.workspace.amendments import amendment_file

    relative = amendment_file(ws, slug)
    if ws.dirty([relative]):
        raise StoreError(f"{relative} has changes that are not committed; a vote is recorded on the text as "
                         f"committed: commit the text the conference voted on, then record the vote. Nothing was "
                         f"recorded.")
    written = ws.log(relative, limit=1)
    head = written[0].sha if written else ws.resolve("HEAD").sha
    given = members is not None
    members = members if given else committee_members(ws)
    wrong = counts_refusal(for_, against, abstain, members, MAX_COUNT,
                           "" if given or members is None else " (regdraft.yaml's committee_members)")
    wrong = wrong or attendance_refusal(present, for_ + against + abstain, members, MAX_COUNT)
    if wrong is not None:
        raise UsageError(wrong)
    quorum = quorum_setting(ws)
    from regdraft.workspace.vote_dates import vote_day

    voted = vote_day(date, force, f"{cited} of {slug}")
    on_file = load_part_votes(ws, slug)
    kept = [p for p in on_file if p.places != places]
    replaced = next((p for p in on_file if p.places == places), None)
    from regdraft.workspace.vote_dates import CORRECTED, date_refusal, date_refusals

    # The whole vote's date rules (`vote_dates`): not before the vote on this part it replaces, nor before the last
    # comment round on the draft was opened.
    refused = date_refusals(ws, slug, voted, amendment.draft, replaced.vote if replaced is not None else None)
    if refused and force is None:
        raise RegdraftError(date_refusal(slug, voted, refused, for_, against, abstain, members if given else None,
                                         present, cited))
    text = text_of(amendment, places, ws)
    vote = Vote(for_, against, abstain, voted.isoformat(), members, amendment.draft, head, text, present=present,
                quorum=shown(quorum) if quorum is not None else "")
    part = PartVote(cited, places, amends, vote, text)
    entries = [_entry(p) for p in [*kept, part]]
    lines = [f"Record the conference vote on {cited} of {slug}: {for_} for, {against} against, {abstain} abstaining"]
    if replaced is not None:
        lines += ["", f"Replaces {replaced.counted()}."]
    if (short := below_quorum(vote)) is not None:
        lines += ["", f"Below quorum: {short} (regdraft.yaml's vote_quorum); a vote below quorum does not count."]
    if refused and force is not None:
        lines += ["", f"{CORRECTED}{' '.join(force.split())}", *(f"- {clause}" for clause in refused)]
    ws.commit({parts_path(slug): dump_yaml(entries, sort_keys=False, allow_unicode=True).encode("utf-8")},
              "\n".join(lines))
    return part


def _entry(part: PartVote) -> dict[str, object]:
    v = part.vote
    entry: dict[str, object] = {"on": part.on, "places": [f"{a}:{loc}" for a, loc in part.places],
                                "amends": part.amends, "for": v.for_, "against": v.against, "abstain": v.abstain,
                                "members": v.members, "date": v.date, "majority": v.majority, "draft": v.draft,
                                "text": part.text}
    if v.present is not None:
        entry["present"] = v.present
    if v.quorum:
        entry["quorum"] = v.quorum
    return entry


def load_part_votes(ws: Workspace, slug: str) -> list[PartVote]:
    """The part votes on file (post-condition 3)."""
    from regdraft.core.encodings import Unreadable, strict_text
    from regdraft.core.frontmatter import load_yaml

    path = parts_path(slug)
    if not ws.exists(path):
        return []
    try:
        data = load_yaml(strict_text(ws.read(path)))
    except Unreadable as exc:
        raise RegdraftError(f"{path}:{exc.line}: cannot read the votes on parts of the draft: {exc.why}.") from None
    except Exception as exc:
        import yaml

        if not isinstance(exc, yaml.YAMLError):
            raise
        raise RegdraftError(f"{path}: cannot read the votes on parts of the draft: it is not written as "
                            "regdraft records them, a list of votes with `key: value` lines.") from None
    if not isinstance(data, list):
        raise RegdraftError(f"{path}: cannot read the votes on parts of the draft: it holds no list of votes.")
    return [_part(path, number, entry) for number, entry in enumerate(data, 1)]


def unreadable_parts(ws: Workspace, slug: str) -> Problem | None:
    """`regdraft check`: the votes on parts of amendment `slug` when their file cannot be read; None otherwise."""
    try:
        load_part_votes(ws, slug)
    except RegdraftError as exc:
        said = str(exc).split(": ", 1)[-1]
        return Problem(f"{said} Put the file right, or record the votes on parts again.", parts_path(slug))
    return None


def _part(path: str, number: int, entry: object) -> PartVote:
    from regdraft.workspace.votes import _read, _Unreadable

    try:
        if not isinstance(entry, dict) or not isinstance(entry.get("places"), list) or not entry["places"]:
            raise _Unreadable("it names no `places` (the instructions voted on, as `1:3`)")
        places = tuple(tuple(str(p).split(":", 1)) for p in entry["places"])
        if any(len(p) != 2 for p in places):
            raise _Unreadable("its `places` are not written `article:location` (`1:3`)")
        from regdraft.core.frontmatter import dump_yaml

        vote = _read(dump_yaml({k: entry[k] for k in ("for", "against", "abstain", "date", "members", "draft",
                                                        "present", "quorum") if k in entry}).encode("utf-8"))
    except _Unreadable as exc:
        raise RegdraftError(f"{path}: cannot read vote {number} on a part of the draft: {exc.why}.") from None
    return PartVote(str(entry.get("on") or ""), places, str(entry.get("amends") or ""),  # type: ignore[arg-type]
                    vote, str(entry.get("text") or ""))


def _troubles(ws: Workspace, amendment: Amendment, part: PartVote) -> list[str]:
    from regdraft.workspace.vote_counts import basis
    from regdraft.workspace.vote_quorum import below_quorum

    out = []
    if not part.vote.majority:
        out.append(f"{part.counted()} was not a majority: a majority is {basis(part.vote)}")
    if (short := below_quorum(part.vote)) is not None:
        out.append(f"{part.counted()} was taken below quorum: {short}")
    now = text_of(amendment, part.places, ws)
    if not now:
        out.append(f"{part.counted()} was taken on {'a provision' if amendment.replacing else 'instructions'} the "
                   "text no longer has")
    elif part.text and now != part.text:
        out.append(f"{part.counted()} was taken on another wording of {part.on}: it changed since")
    return out


def part_notes(ws: Workspace, amendment: Amendment) -> list[str]:
    """What adoption must say of the part votes (post-condition 4): each with no majority, below quorum, changed."""
    return [said for part in load_part_votes(ws, amendment.slug) for said in _troubles(ws, amendment, part)]


def adoption_part_notes(ws: Workspace, amendment: Amendment) -> list[str]:
    """`part_notes` where regdraft.yaml does not require a vote majority (adoption warns of them and its commit records
    them); none where it does (the gate refuses them)."""
    return [] if ws.config.get("require_vote_majority") else part_notes(ws, amendment)


def part_lines(ws: Workspace, amendment: Amendment) -> list[str]:
    """Every part vote that carried, as the adoption commit's `Vote:` lines record it (post-condition 4)."""
    try:
        parts = load_part_votes(ws, amendment.slug)
    except RegdraftError:
        return []
    return [f"{part.counted()} was a majority" for part in parts if not _troubles(ws, amendment, part)]

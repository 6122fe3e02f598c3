"""An adopted (issued) amending document rewritten after its adoption (r39 sweep BZ F2).

An adoption writes an amendment's front matter only (its status and dates, `adopted_text`), and `amend number`
refuses any change once adopted: the text after the front matter is the document signed and issued, and so are the
front matter's lines the issued document prints (`PRINTED`: its number, title, issuer, place, signer, recipients, as
`amend export` prints them): no later change of them is legitimate. An error in an issued text is corrected by a new
amending document. Yet a word changed by hand in `amendment.md` and committed passed unnoticed: `check` found nothing
(or, with the regulation left alone, blamed the regulation), `amend export` printed as issued words never signed, and
the consolidated text carried them with no note. A title, a signer or a number changed by hand passed even `check`
(r39 sweep CC F3), and a number changed was taken for a missing adoption tag, which `check --repair` would have made
under a number never issued.

Post-conditions:
1. `rewritten(ws, amendment)` is None for an amendment not adopted, one whose adoption commit cannot be found (no tag
   and no commit whose copy says `status: adopted`: skipped quietly) or cannot be read there, and one whose text reads
   as it did in that commit (written otherwise, the same document: `adopted_text.difference`), its `PRINTED`
   front-matter values included (the keys an adoption writes, `status`, `signed` and `effective`, and those the
   document does not print, aside: `terms.tag_problems` names dates that differ from the adoption's). Else a
   `Rewritten`: the adoption's tag (the tag of the number it was adopted under, else the commit), the first line of
   the file that differs, how, and the number it was adopted under when that was changed (`issued_number`).
2. `as_adopted(ws, parts)` is the adopted amendments `parts` with each rewritten one read as its adoption commit holds
   it (for the same regulation): a regulation is compared with what was adopted, so an amendment edited alone is
   named, not the regulation it amends.
3. Cost: for each adopted amendment, its adoption commit found once in a run (`terms.adoption_revision`) and its file
   read there; parsed only when the texts differ. Nothing is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.layout import amendment_path
from regdraft.core.text import excerpt, shown_text
from regdraft.workspace.adopted_text import QUOTED_LINE, difference

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.workspace.store import Revision, Workspace

# The front-matter keys the issued document prints (docs/format.md; `render.html.document_header`, the signature
# block, the closing sentence), each as a message names it. `signed` prints too, but an adoption writes it (with
# `status` and `effective`), and a date changed since is `terms.tag_problems`' warning.
PRINTED = {"number": "number", "type": "type", "title": "title", "national": "national line", "motto": "motto",
           "superior": "superior body", "issuer": "issuer", "issuer_mark": "mark under the issuer",
           "place": "place of signing", "date_line": "date line", "signer": "signer", "recipients": "recipients",
           "adoption": "closing sentence", "issued_with": "decision it was issued with"}


@dataclasses.dataclass(frozen=True, slots=True)
class Rewritten:
    """An adopted amendment whose text differs from its adoption commit's: `revision` names that commit as git takes
    it (the tag, else the commit id), `line` is the file's first line that differs, `how` a clause
    (`adopted_text.difference`)."""

    amendment: Amendment
    revision: str
    line: int
    how: str
    issued_number: str = ""  # the number it was adopted under, when its `number` was changed since

    def problem(self, warning: bool = False) -> Problem:
        """The problem `check` reports at the amendment's file: what changed, how to put it back, how to correct."""
        amendment = self.amendment
        source = amendment_path(amendment.slug)
        put_back = Command.git("checkout", self.revision, "--", source)
        correct = Command.of("amend new", "SLUG", regulation=amendment.regulation)
        name = f"{amendment.number} ({amendment.slug})" if amendment.number else amendment.slug
        return Problem(f"{name} is adopted, and its text was changed since its adoption ({self.revision}): it has "
                       f"{self.how}. An issued document is not rewritten after its adoption: put the text back with "
                       f"`{put_back}`; an error in the issued text is "
                       f"corrected by a new amending document (`{correct}`).", source, self.line, warning=warning)


def rewritten(ws: Workspace, amendment: Amendment) -> Rewritten | None:
    """The adopted `amendment` when its text is not the one its adoption commit holds (post-condition 1)."""
    from regdraft.workspace.run_memo import kept

    if amendment.status != "adopted":
        return None
    return kept(ws, ("rewritten", amendment.slug), lambda: _rewritten(ws, amendment))


def _rewritten(ws: Workspace, amendment: Amendment) -> Rewritten | None:
    from regdraft.workspace.adopted_text import text_at
    from regdraft.workspace.terms import adoption_revision

    try:
        found = adoption_revision(ws, amendment)
    except RegdraftError:
        return None
    if found is None:
        return None
    slug = amendment.slug
    current, adopted = text_at(ws, slug, None), text_at(ws, slug, found.sha)
    if current is None or adopted is None or (current.lines == adopted.lines and current.head == adopted.head):
        return None
    source = amendment_path(slug)
    printed = _printed_changes(ws, current.head, adopted.head, source)
    body = None
    at = 0
    if current.lines != adopted.lines:
        body = difference(ws, slug, found.sha, None, "the text adopted")  # None: written otherwise, the same
        lines, old = current.lines, adopted.lines
        at = current.before + next((i for i, (one, other) in enumerate(zip(lines, old, strict=False)) if one != other),
                                   min(len(lines), len(old))) + 1
    if not printed and body is None:
        return None
    issued = next((str(was or "") for key, _, _, was in printed if key == "number"), "")
    how = "; and ".join(part for part in (_worded(printed), body) if part)
    line = printed[0][1] if printed else at
    return Rewritten(amendment, _revision(ws, amendment, found, issued), line, how, issued)


def _revision(ws: Workspace, amendment: Amendment, found: Revision, issued: str) -> str:
    """The adoption as git names it: its tag (of the number it was adopted under) when that names `found`, else the
    commit's short id."""
    from regdraft.workspace.terms import adoption_tag, tag_holder

    adopted = dataclasses.replace(amendment, meta={**amendment.meta, "number": issued}) if issued else amendment
    tag = adoption_tag(ws, adopted)
    held = tag_holder(ws, tag)
    return tag if held is not None and held.sha == found.sha else found.short


def _printed_changes(ws: Workspace, now: tuple[str, ...], then: tuple[str, ...],
                     source: str) -> list[tuple[str, int, object, object]]:
    """Each `PRINTED` value of the front matter `now` that differs from the one of `then` (the adoption's), in the
    file's order: its key (`signer.name` for a line of the signer), the file's line, the value now and the adopted.
    None differs when either front matter does not read (`check` names that), or they are written alike."""
    if now == then:
        return []
    from regdraft.core.frontmatter import key_line, read_front_matter
    from regdraft.workspace.parse_cache import front_matter_reader

    load = front_matter_reader(ws)
    metas = [read_front_matter(list(head), source, [], absent="", load=load)[1] for head in (now, then)]
    current, adopted = metas
    if not isinstance(current, dict) or not isinstance(adopted, dict):
        return []
    found: list[tuple[str, int, object, object]] = []
    for key in PRINTED:
        new, old = current.get(key), adopted.get(key)
        if key == "signer" and isinstance(new, dict) and isinstance(old, dict):
            found.extend((f"signer.{part}", key_line(list(now), key), new.get(part), old.get(part))
                         for part in dict.fromkeys([*old, *new]) if _plain(new.get(part)) != _plain(old.get(part)))
        elif _plain(new) != _plain(old):
            found.append((key, key_line(list(now), key), new, old))
    return sorted(found, key=lambda change: change[1])  # as the file has them


def _plain(value: object) -> object:
    """A front-matter value as printed: its words with spaces folded (a line wrapped in the YAML is the same line);
    nothing and an empty text alike."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if _plain(v) != ""}
    return "" if value is None else " ".join(str(value).split())


def _worded(changes: list[tuple[str, int, object, object]]) -> str:
    """`its signer's name reading “A” where the text adopted reads “B”, and its title changed too`."""
    if not changes:
        return ""

    def name(key: str) -> str:
        return f"signer's {key.partition('.')[2]}" if key.startswith("signer.") else PRINTED[key]

    def quoted(value: object) -> str:
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        elif isinstance(value, dict):
            value = " / ".join(str(v) for v in value.values() if v)
        text = " ".join(str(value or "").split())
        return excerpt(shown_text(text), limit=QUOTED_LINE) if text else "nothing"

    key, _, new, old = changes[0]
    said = f"its {name(key)} reading {quoted(new)} where the text adopted reads {quoted(old)}"
    others = [name(k) for k, _, _, _ in changes[1:]]
    if others:
        listed = " and ".join(others) if len(others) < 3 else ", ".join(others[:-1]) + " and " + others[-1]
        said += f", and its {listed} changed too"
    return said


def as_adopted(ws: Workspace, parts: Sequence[Amendment]) -> list[Amendment]:
    """The adopted amendments `parts`, each rewritten one as adopted (post-condition 2)."""
    from regdraft.workspace.lifecycle import read_with_problems

    out = []
    for part in parts:
        found = rewritten(ws, part)
        if found is None:
            out.append(part)
            continue
        try:
            from regdraft.workspace.terms import adoption_revision

            revision = adoption_revision(ws, part)
            whole = read_with_problems(ws, part.slug, revision.sha if revision else None)[0]
            out.append(whole.for_regulation(part.regulation))
        except RegdraftError:
            out.append(part)
    return out


def rewritten_problems(ws: Workspace, name: str | None = None, *, warning: bool = False) -> list[Problem]:
    """`regdraft check`: each adopted amendment (of regulation `name`) rewritten since its adoption; `warning`: as
    warnings (`export`, which goes on writing the text as it reads)."""
    from regdraft.workspace.amendments import survey

    out = []
    for entry in survey(ws):
        amendment = entry.amendment
        if amendment is None or (name is not None and not _amends(ws, amendment, name)):
            continue
        found = rewritten(ws, amendment)
        if found is not None:
            out.append(found.problem(warning))
        elif (unread := _unread(ws, amendment)) is not None:
            out.append(unread)
    return out


def _unread(ws: Workspace, amendment: Amendment) -> Problem | None:
    """The note for an adopted amendment whose copy in its adoption commit is over `HISTORY_BYTES`: it is not read
    (a clone packs repeated text hundreds of times over), so a rewrite since is not looked for, and `check` says so
    rather than nothing (r40 sweep CE F7); None otherwise."""
    from regdraft.importer.archive import size as shown
    from regdraft.workspace import store_history  # its bound read when called (`adopted_text.text_at` reads it)
    from regdraft.workspace.terms import adoption_revision

    if amendment.status != "adopted":
        return None
    source = amendment_path(amendment.slug)
    try:
        found = adoption_revision(ws, amendment)
        size = ws.size(source, found.sha) if found is not None else 0
    except RegdraftError:
        return None
    bound = store_history.HISTORY_BYTES
    if size <= bound or found is None:
        return None
    name = f"{amendment.number} ({amendment.slug})" if amendment.number else amendment.slug
    return Problem(f"{name} is adopted, but its copy in its adoption commit ({found.short}) is {shown(size)}, over "
                   f"the {shown(bound)} regdraft reads from the history, so a change to its text since its "
                   "adoption is not looked for.", source, warning=True)


def _amends(ws: Workspace, amendment: Amendment, name: str) -> bool:
    try:
        wanted = ws.locate_regulation(name)
        return any(ws.locate_regulation(reg_id) == wanted for reg_id in amendment.regulations)
    except RegdraftError:
        return False

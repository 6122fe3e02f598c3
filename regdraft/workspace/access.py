"""Access links to the review server: who may comment as which body, and who answers.

A link carries a random token; the workspace keeps only its SHA-256, with the person's name,
body and role, under `review: access:` in regdraft.yaml (one commit per change, so the office
sees who was invited in the history). Revoking a link removes its entry.

Post-conditions:
1. `invite` returns the only copy of the token; the file holds its hash, never the token.
2. `lookup` finds an entry only for a token whose hash is stored, comparing in constant time.
3. The rest of regdraft.yaml (other keys, comments) is kept byte for byte.
4. `namesakes` names the other links for the same person's name (case and spacing aside) and body: a second one is
   made all the same (two members of a body may share a name; a lost link is invited again), and `review invite`
   warns. The review server tells them apart by the link a comment was sent through (`Comment.link`), never by name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from regdraft.core.encodings import Unreadable, strict_text
from regdraft.core.errors import Problem, RegdraftError, UnknownName, UsageError
from regdraft.core.frontmatter import dump_yaml, load_yaml
from regdraft.core.text import nfc
from regdraft.workspace.store import CONFIG_NAME, Workspace, writes

INVITED = "Invite "  # how the commit of an invitation begins (`activity` names it in a sync's report)
REVOKED = "Revoke the review access of "  # and the commit of a revocation


class Role(StrEnum):
    """A reviewer comments for their body; a drafter also answers comments and accepts proposals."""

    REVIEWER = "reviewer"
    DRAFTER = "drafter"


@dataclass(frozen=True, slots=True)
class AccessLink:
    """One person's access: the hash of their token, and who they are."""

    key: str
    name: str
    body: str
    role: Role
    token_sha256: str
    created: str = ""


def token_hash(token: str) -> str:
    """The SHA-256 of a token, as stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _section(ws: Workspace) -> dict[str, Any]:
    """The `review:` settings as regdraft.yaml holds them now (read afresh: links change while serving)."""
    import yaml  # here, not above: `check` imports this module and a warm check loads no YAML

    try:
        data = load_yaml(strict_text(ws.read(CONFIG_NAME))) if ws.exists(CONFIG_NAME) else {}
    except yaml.YAMLError as exc:
        raise RegdraftError(f"{CONFIG_NAME}: cannot read the workspace settings: {exc}") from None
    except Unreadable as exc:
        raise RegdraftError(f"{CONFIG_NAME}:{exc.line}: cannot read the workspace settings: {exc.why}; save the file "
                            "as UTF-8.") from None
    section = data.get("review") if isinstance(data, dict) else None
    return section if isinstance(section, dict) else {}


def review_settings(ws: Workspace) -> dict[str, Any]:
    """regdraft.yaml's `review:` settings ({} when it has none)."""
    return _section(ws)




def links(ws: Workspace) -> list[AccessLink]:
    """The access links of the workspace, as regdraft.yaml holds them now."""
    entries = _section(ws).get("access")
    out = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not entry.get("token_sha256"):
            continue
        digest = str(entry["token_sha256"])
        try:
            role = Role(str(entry.get("role") or "reviewer"))
        except ValueError:
            continue  # an unknown role grants nothing
        out.append(AccessLink(digest[:8], nfc(str(entry.get("name") or "")), nfc(str(entry.get("body") or "")),
                              role, digest, str(entry.get("created") or "")))
    return out


def lookup(ws: Workspace, token: str) -> AccessLink | None:
    """The link a token opens, or None."""
    if not token or len(token) > 200:
        return None
    digest = token_hash(token)
    found = None
    for link in links(ws):
        if hmac.compare_digest(link.token_sha256, digest):
            found = link
    return found


def unknown_links(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`regdraft check`: a warning at each comment of a round open now whose `link` names no access link
    regdraft.yaml lists. A link's id is public, so a received file can name one on a comment it was not sent with;
    the review server then lets its member withdraw the comment only if it carries their name (`web.senders.own`).
    A link revoked since is named so too (r32 sweep AW F6)."""
    from regdraft.core.comments import RoundStatus
    from regdraft.core.layout import comments_folder
    from regdraft.workspace.amendments import load_comments, load_rounds, survey
    from regdraft.workspace.repeated import amends

    # regdraft.yaml's links are read only once a comment of an open round names a link: a warm check reads no YAML.
    known: set[str] | None = None
    problems = []
    for entry in survey(ws):
        amendment = entry.amendment
        if amendment is None or not amends(ws, amendment.regulations, name):
            continue
        try:
            open_now = {r.number for r in load_rounds(ws, entry.slug) if r.status is RoundStatus.OPEN}
            comments = load_comments(ws, entry.slug, []) if open_now else []
        except RegdraftError:
            continue  # unreadable rounds or comments: `late_comments` names them
        for c in comments:
            if not c.link or c.round not in open_now:
                continue
            if known is None:
                try:
                    known = {link.key for link in links(ws)}
                except RegdraftError:
                    return []  # the settings check names regdraft.yaml
            if c.link not in known:
                from regdraft.core.comment_yaml import key_line  # reads YAML: only for a problem to name

                path = f"{comments_folder(entry.slug)}/{c.id}.yaml"
                problems.append(Problem(
                    f"comment {c.id} by {c.by} was sent through the access link {c.link}, which {CONFIG_NAME} does "
                    "not list: revoked since, or written into the file by hand (a link's id is public). No one can "
                    "withdraw it through the review pages; the office answers it.", path,
                    key_line(ws.read(path), "link"), warning=True))
    return problems


@writes
def invite(ws: Workspace, name: str, body: str, role: str = "reviewer") -> tuple[AccessLink, str]:
    """A new access link (one commit); returns it with its token, which is shown only this once."""
    person = " ".join(nfc(name).split())
    who = " ".join(nfc(body).split())
    if not person:
        raise UsageError("Name the person the link is for.", options=("name",))
    try:
        kind = Role(role)
    except ValueError:
        raise UsageError(f"The role '{role}' is unknown; use reviewer or drafter.") from None
    if kind is Role.REVIEWER and not who:
        raise UsageError("A reviewer comments for a body; name it.", options=("body",))
    token = secrets.token_urlsafe(32)
    link = AccessLink(token_hash(token)[:8], person, who, kind, token_hash(token),
                      dt.datetime.now().astimezone().isoformat(timespec="seconds"))
    _write(ws, [*links(ws), link], f"{INVITED}{person} ({who or 'no body'}) to review as {kind.value}")
    return link, token


def namesakes(ws: Workspace, link: AccessLink) -> list[AccessLink]:
    """The other links whose person's name is `link`'s, case and spacing aside, for the same body (any drafter's for a
    drafter's): the report and the pages show their comments under one name."""
    from regdraft.core.comments import same_body
    from regdraft.core.repeats import person_key

    return [other for other in links(ws) if other.token_sha256 != link.token_sha256
            and person_key(other.name) == person_key(link.name)
            and same_body(other.body, link.body)]


@writes
def revoke(ws: Workspace, key: str) -> list[AccessLink]:
    """Remove the links named by `key` (the id `invite` printed, or the person's name); one commit."""
    wanted = nfc(key).strip()
    if not wanted:
        raise UsageError("Name the link to revoke by its id or the person's name.")
    current = links(ws)
    gone = [link for link in current if link.key == wanted.lower() or link.name.casefold() == wanted.casefold()]
    if not gone:
        known = ", ".join(f"{link.key} ({link.name})" for link in current) or "none"
        raise UnknownName(f"No access link matches '{key}' (links: {known}).")
    names = ", ".join(link.name for link in gone)
    _write(ws, [link for link in current if link not in gone], f"{REVOKED}{names}")
    return gone


def _write(ws: Workspace, entries: Sequence[AccessLink], message: str) -> None:
    data: dict[str, Any] = {**_section(ws), "access": [
        {"name": e.name, "body": e.body, "role": e.role.value, "token_sha256": e.token_sha256, "created": e.created}
        for e in entries
    ]}
    block = dump_yaml({"review": data}, allow_unicode=True, sort_keys=False)
    text = strict_text(ws.read(CONFIG_NAME)) if ws.exists(CONFIG_NAME) else ""  # read by `_section` above
    kept = _without_key(text, "review").rstrip("\n")  # written back as UTF-8, whatever it was saved in
    ws.commit({CONFIG_NAME: ((kept + "\n") if kept else "").encode("utf-8") + block.encode("utf-8")}, message)


def _without_key(text: str, key: str) -> str:
    """YAML text without one top-level key and the lines indented under it."""
    out: list[str] = []
    skipping = False
    for line in text.split("\n"):
        if re.match(rf"^{re.escape(key)}\s*:", line):
            skipping = True
            continue
        if skipping and (not line.strip() or line[:1] in (" ", "\t", "-") or line.lstrip().startswith("#")):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out)

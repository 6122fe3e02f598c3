"""The YAML files of comment rounds: one file per round and one per comment.

Each round and each comment is one small YAML file so that comments typed on two machines merge
without conflict; multi-line text is written as `|` blocks, so that a file reads (and diffs)
like the letter. Reading names the file, and the line where YAML fails, for a missing or wrong
key, and refuses a file still holding a merge's conflict markers. Pure core: text in, values out.

Post-conditions:
1. `comment_from_yaml(comment_to_yaml(c)) == c` and `round_from_yaml(round_to_yaml(r)) == r`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

import yaml

from regdraft.core.commands import Command
from regdraft.core.comments import Comment, CommentType, Disposition, Round, RoundStatus
from regdraft.core.errors import ParseError
from regdraft.core.frontmatter import load_yaml
from regdraft.core.markers import has_markers
from regdraft.core.text import nfc


class _Dumper(yaml.SafeDumper):
    """Multi-line text as `|` blocks, so a comment file reads (and diffs) like the letter; no aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if any(ch in value for ch in "\r\x85\u2028\u2029"):
        style: str | None = '"'  # YAML would read these as line breaks; quote them
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


class _FastDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """`_Dumper` through libyaml where it is installed: ten times faster (a 100,000-row import)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


_FastDumper.add_representer(str, _str)
# Text libyaml writes exactly as PyYAML does: no control character, nothing beyond the BMP (which
# libyaml escapes), and no trailing line break (which makes it close the document with `...`).
_PLAIN_TEXT = re.compile(r"[\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*(?<!\n)")


def _dump(data: Mapping[str, Any]) -> str:
    simple = all(_PLAIN_TEXT.fullmatch(v) for v in data.values() if isinstance(v, str))
    dumper = _FastDumper if simple and all(isinstance(v, str | int) or v is None for v in data.values()) else _Dumper
    return yaml.dump(dict(data), Dumper=dumper, allow_unicode=True, sort_keys=False, width=100_000)


def _load(text: str | bytes, source: str) -> dict[str, Any]:
    if has_markers(text.encode("utf-8") if isinstance(text, str) else text):
        raise ParseError(f"{source}: holds conflict markers (<<<<<<< ======= >>>>>>>) from a merge; keep one "
                         f"version, yours or the other, with `{Command.of('resolve', source)}`.",
                         options=("resolve:side",))
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise ParseError(f"{source}:{line}: is not valid YAML ({getattr(exc, 'problem', exc)}).") from None
    if not isinstance(data, dict):
        raise ParseError(f"{source}: must hold YAML keys and values.")
    if "provision" not in data:
        # YAML 1.1 reads a bare `on:` key as the boolean true; accept it as the provision.
        for alias in ("on", True):
            if alias in data:
                data["provision"] = data.pop(alias)
    return data


def _field(data: Mapping[str, Any], key: str, source: str) -> Any:
    if data.get(key) in (None, ""):
        raise ParseError(f"{source}: the key '{key}' is missing.")
    return data[key]


def _enum(kind: type[StrEnum], value: Any, key: str, source: str) -> Any:
    try:
        return kind(str(value))
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        raise ParseError(f"{source}: '{key}: {value}' is not one of {allowed}.") from None


def _int(value: Any, key: str, source: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ParseError(f"{source}: '{key}: {value}' is not a whole number.") from None


def key_line(text: str | bytes, key: str) -> int:
    """The line of a YAML file where a top-level `key` is set (the last, as YAML reads it; 1 when not found)."""
    lines = (text.decode("utf-8", "replace") if isinstance(text, bytes) else text).splitlines()
    return max((k for k, line in enumerate(lines, 1) if line.split(":", 1)[0].rstrip() == key), default=1)


MAX_ROUND = 999  # rounds of comments on one draft; more is a typing mistake, not a round


def _round(value: Any, source: str) -> int:
    """A comment's round number: a round is numbered from 1 (`round: -1` or a 40-digit number left the comment
    out of every round's report)."""
    number = _int(value, "round", source)
    if not 1 <= number <= MAX_ROUND:
        raise ParseError(f"{source}: 'round: {value}' is not a round number; rounds are numbered from 1 "
                         f"(at most {MAX_ROUND}).")
    return number


def round_fields(r: Round) -> dict[str, Any]:
    """A round as plain keys and values: its YAML file, and its JSON in `round list`."""
    return {
        "number": r.number, "title": r.title, "due": r.due, "consulted": list(r.consulted),
        "revision": r.revision, "draft": r.draft, "status": r.status.value,
        "opened": r.opened, "closed": r.closed or None,
    }


def round_to_yaml(r: Round) -> str:
    """The YAML file of a round."""
    return _dump(round_fields(r))


def round_from_yaml(text: str | bytes, source: str = "") -> Round:
    """Read a round file; `ParseError` naming the file when a key is missing or wrong."""
    data = _load(text, source)
    consulted = data.get("consulted") or []
    if not isinstance(consulted, list):
        raise ParseError(f"{source}: 'consulted' must be a list of bodies.")
    return Round(
        number=_int(_field(data, "number", source), "number", source),
        title=str(data.get("title") or ""),
        due=str(data.get("due") or ""),
        consulted=tuple(nfc(str(b)) for b in consulted),
        revision=str(_field(data, "revision", source)),
        draft=_int(_field(data, "draft", source), "draft", source),
        status=_enum(RoundStatus, data.get("status") or "open", "status", source),
        opened=str(data.get("opened") or ""),
        closed=str(data.get("closed") or ""),
    )


def comment_to_yaml(c: Comment) -> str:
    """The YAML file of a comment (`regulation`, `accepted_in`, author, selection and source only when set)."""
    data: dict[str, Any] = {
        "id": c.id, "round": c.round, "by": c.by, "provision": c.on,
        **({"regulation": c.regulation} if c.regulation else {}), "type": c.type.value,
        "text": c.text, "proposal": c.proposal or None, "anchor": c.anchor or None,
        "disposition": c.disposition.value if c.disposition else None, "reply": c.reply or None,
        "created": c.created, "responded": c.responded or None,
    }
    data.update({key: value for key, value in (("accepted_in", c.accepted_in), ("author", c.author),
                                                ("selection", c.selection), ("source", c.source)) if value})
    return _dump(data)


def comment_from_yaml(text: str | bytes, source: str = "") -> Comment:
    """Read a comment file; `ParseError` naming the file when a key is missing or wrong."""
    data = _load(text, source)
    disposition = data.get("disposition")

    def at(key: str) -> str:
        """The file and the line that sets `key`, as a problem names them (`b016.yaml:2`)."""
        return f"{source}:{key_line(text, key)}" if source else source

    return Comment(
        id=str(_field(data, "id", source)),
        round=_round(_field(data, "round", source), at("round")),
        by=nfc(str(_field(data, "by", source))),
        on=str(_field(data, "provision", source)),
        type=_enum(CommentType, data.get("type") or "general", "type", at("type")),
        text=nfc(str(_field(data, "text", source))),
        proposal=nfc(str(data.get("proposal") or "")),
        anchor=nfc(str(data.get("anchor") or "")),
        disposition=_enum(Disposition, disposition, "disposition", at("disposition")) if disposition else None,
        reply=nfc(str(data.get("reply") or "")),
        created=str(data.get("created") or ""),
        responded=str(data.get("responded") or ""),
        accepted_in=str(data.get("accepted_in") or ""),
        author=nfc(str(data.get("author") or "")),
        selection=nfc(str(data.get("selection") or "")),
        source=str(data.get("source") or ""),
        regulation=nfc(str(data.get("regulation") or "")),
    )

"""The YAML file of a comment round (`comments/ID/rounds/N.yaml`): written, read, and its `due:` checked.

A round file is read as `comment_yaml` reads a comment file (the same loader, bounds and messages naming the file
and line); a `due:` naming no day that exists is kept as written and named (`round_problems`), and so is a C1
control or an invisible character in a value (a direction override in the title, a soft hyphen in a body's name),
as in a comment file. Pure core.

Post-conditions:
1. `round_from_yaml(round_to_yaml(r)) == r`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from regdraft.core.comment_yaml import _dump, _enum, _field, _int, _load, _shown, _Wrong, key_line, key_lines
from regdraft.core.comments import Round, RoundStatus
from regdraft.core.errors import ParseError, Problem
from regdraft.core.text import hiding_character, nfc


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


_DAY = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")  # `2025-3-1` too, as an old round file may write it


def _a_day(value: Any) -> bool:
    """Whether `value` names a day that exists."""
    found = _DAY.fullmatch(value.strip()) if isinstance(value, str) else None
    try:
        return found is not None and bool(dt.date(*map(int, found.groups())))
    except ValueError:
        return False


def round_problems(text: str | bytes, source: str) -> list[Problem]:
    """A round file's `due:` that names no day that exists (`2025-02-30`, `2025-13-01`), at its line: it is read as
    written (`Round.due`), and the review pages show it so, never as a day (`web.words.Words.date`); and a warning at
    each value holding a C1 control or an invisible character (`hidden_in`)."""
    data = _load(text, source)
    return [*_due_problems(data.get("due"), text, source), *hidden_in(data, text, source)]


def hidden_in(data: dict[str, Any], text: str | bytes, source: str) -> list[Problem]:
    """A warning at each value of a round file (`data`, read from `text`) holding a C1 control (U+009B starts a
    terminal's command) or an invisible character (U+202E shows the words after it in another order, U+00AD hides
    a body's name from the comments naming it), at its line: the round is read as written, and the commands print
    it escaped (`text.shown_text`), as a comment file's (r36 sweep BK F5; r37). None holds one as `round open`
    writes it: a title and a body's name lose them (`comments.name_words`)."""
    lines = key_lines(text)
    problems = [Problem(f"'{key}:' holds {said}; retype the text around it.", source, lines.get(key, 1),
                        warning=True)
                for key, value in data.items() if isinstance(key, str) and isinstance(value, str)
                and (said := hiding_character(value))]
    bodies = data.get("consulted")
    held = [(n, said) for n, body in enumerate(bodies if isinstance(bodies, list) else [], start=1)
            if isinstance(body, str) and (said := hiding_character(body))]
    if held:
        where = _item_lines(text, "consulted")
        problems += [Problem(f"'consulted:' item {n} holds {said}; retype the body's name around it.", source,
                             where[n - 1] if n <= len(where) else lines.get("consulted", 1), warning=True)
                     for n, said in held]
    return problems


def _item_lines(text: str | bytes, key: str) -> list[int]:
    """The line of each item of the list a top-level `key` holds; [] when it holds none, or the file does not read."""
    import yaml

    from regdraft.core.encodings import lenient_text
    from regdraft.core.frontmatter import compose_yaml

    try:
        root = compose_yaml(lenient_text(text))
    except yaml.YAMLError:
        return []
    lists = [value for name, value in (root.value if isinstance(root, yaml.MappingNode) else ())
             if name.value == key and isinstance(value, yaml.SequenceNode)]
    return [item.start_mark.line + 1 for item in lists[-1].value] if lists else []


def _due_problems(due: Any, text: str | bytes, source: str) -> list[Problem]:
    """`round_problems`'s sentence on a `due:` naming no day that exists, or giving a time too."""
    if due in (None, "") or _a_day(due):
        return []
    day = str(due).strip()[:10]
    if isinstance(due, str) and len(due.strip()) > 10 and due.strip()[10] in "T " and _a_day(day):
        # `2026-12-31T00:00:00+07:00` names a day that exists, with a time the round's pages cannot read as a day
        return [Problem(f"'due: {_shown(due)}' gives a time as well as the day; a round's comments are due on a day: "
                        f"write it {day}. Until then it is shown as written.", source, key_line(text, "due"))]
    return [Problem(f"'due: {_shown(due)}' is not a day that exists (write it 2025-03-15), so no one can tell when the "
                    "round's comments are due; it is shown as written.", source, key_line(text, "due"))]


def round_from_yaml(text: str | bytes, source: str = "") -> Round:
    """Read a round file; `ParseError` naming the file when a key is missing or wrong."""
    data = _load(text, source)
    consulted = data.get("consulted") or []
    if not isinstance(consulted, list):
        raise ParseError(f"{source}: 'consulted' must be a list of bodies.")
    try:
        return Round(
            number=_int(_field(data, "number"), "number"),
            title=str(data.get("title") or ""),
            due=str(data.get("due") or ""),
            consulted=tuple(nfc(str(b)) for b in consulted),
            revision=str(_field(data, "revision")),
            draft=_int(_field(data, "draft"), "draft"),
            status=_enum(RoundStatus, data.get("status") or "open", "status"),
            opened=str(data.get("opened") or ""),
            closed=str(data.get("closed") or ""),
        )
    except _Wrong as exc:
        raise ParseError(f"{source}: {exc}") from None

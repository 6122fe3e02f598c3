"""The YAML files of comments: one file per comment (a round's file: `round_yaml`).

Each round and each comment is one small YAML file so that comments typed on two machines merge
without conflict; multi-line text is written as `|` blocks, so that a file reads (and diffs)
like the letter. Reading names the file, and the line where YAML fails, for a missing or wrong
key, and refuses a file still holding a merge's conflict markers. A comment file's problems are
named all at once, each at its line, a key regdraft does not know with the nearest it knows
(`read_comment`). Pure core: text in, values out.

Post-conditions:
1. `comment_from_yaml(comment_to_yaml(c)) == c` for a comment as regdraft records one (no character `text.as_text`
   leaves out: a file holding one is read without it, and that named). A round's file: `core.round_yaml`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

import yaml

from regdraft.core.browser_quotes import apart
from regdraft.core.commands import Command
from regdraft.core.comment_order import MAX_SEQUENCE, made_at
from regdraft.core.comments import Comment, CommentType, Disposition, one_newline
from regdraft.core.encodings import Unreadable, lenient_text, strict_text, utf16
from regdraft.core.errors import ParseError, Problem, RegdraftError
from regdraft.core.frontmatter import compose_yaml, load_yaml
from regdraft.core.markers import has_markers
from regdraft.core.nearest import nearest_names
from regdraft.core.text import as_text, hiding_character, nfc, not_text
from regdraft.core.yaml_bounds import MAX_YAML_BYTES, size_of, too_long


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


# Text that a YAML reader other than PyYAML's YAML 1.1 takes for a number: YAML 1.2's integers (`09`, `0o7`) and
# floats (`1e3`). PyYAML wrote them unquoted, and regdraft 36fdd43 read `link: 05959718` as 5959718 and `text: 09` as
# 9; the writer resolves them as numbers too, so that it quotes them as text (`'09'`).
_NUMBERS = (("int", re.compile(r"[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\Z")),
            ("float", re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")))


def _quoting(dumper: type[yaml.SafeDumper]) -> None:
    """Let `dumper` write text as comment files hold it: `_str`, and quoted wherever a reader may take it for a
    number (`_NUMBERS`)."""
    dumper.add_representer(str, _str)
    for kind, pattern in _NUMBERS:
        dumper.add_implicit_resolver(f"tag:yaml.org,2002:{kind}", pattern, list("-+.0123456789"))


_quoting(_Dumper)


class _FastDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """`_Dumper` through libyaml where it is installed: ten times faster (a 100,000-row import)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


_quoting(_FastDumper)
# Text libyaml writes exactly as PyYAML does: no control character, nothing beyond the BMP (which
# libyaml escapes), and no trailing line break (which makes it close the document with `...`).
_PLAIN_TEXT = re.compile(r"[\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*(?<!\n)")


def _dump(data: Mapping[str, Any]) -> str:
    simple = all(_PLAIN_TEXT.fullmatch(v) for v in data.values() if isinstance(v, str))
    dumper = _FastDumper if simple and all(isinstance(v, str | int) or v is None for v in data.values()) else _Dumper
    return yaml.dump(dict(data), Dumper=dumper, allow_unicode=True, sort_keys=False, width=100_000)


def _load(text: str | bytes, source: str) -> dict[str, Any]:
    _refuse_markers(text, source)
    if (size := size_of(text)) > MAX_YAML_BYTES:  # said in its own words, not as YAML that does not read
        raise ParseError(f"{source}: {too_long(size, MAX_YAML_BYTES, 'this file')}; a comment's text and wording "
                         "hold 20,000 characters each.")
    if isinstance(text, bytes):
        raw = text
        try:
            text = strict_text(raw)  # UTF-16 ("Unicode") too, with or without its byte-order mark
        except Unreadable as exc:
            raise ParseError(f"{source}:{exc.line}: {exc.why}; save the file as UTF-8.") from None
        if utf16(raw) is not None:  # its markers were not seen in the bytes
            _refuse_markers(text, source)
    try:
        # libyaml where PyYAML has it (ten times faster: a 40,000-byte comment took 17 ms, and the review server read
        # every comment for every page), refused as the pure loader refuses (an alias, nesting deeper than
        # MAX_DEPTH); safe types only either way. Every value is read as the text it is written as (a number field's
        # by `_int`): PyYAML wrote `text: 09` and `link: 05959718` unquoted, which reading them as numbers changed.
        data = load_yaml(text, quick=True, exact=True)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise ParseError(f"{source}:{line}: is not valid YAML ({getattr(exc, 'problem', exc)}).") from None
    if not isinstance(data, dict):
        raise ParseError(f"{source}: must hold YAML keys and values.")
    if "provision" not in data:
        for alias in _ON:
            if alias in data:
                data["provision"] = data.pop(alias)
    return data


def _refuse_markers(text: str | bytes, source: str) -> None:
    if has_markers(text.encode("utf-8") if isinstance(text, str) else text):
        raise ParseError(f"{source}: holds conflict markers (<<<<<<< ======= >>>>>>>) from a merge; keep one "
                         f"version, yours or the other, with `{Command.of('resolve', source)}`.",
                         options=("resolve:side",))


_ON = ("on", "On", "ON")  # the provision's key as a comment file may name it (`on:`, as `Comment.on`)


class _Wrong(ValueError):
    """A key missing, or a value that is not what its key needs: the sentence, without the file."""


def _field(data: Mapping[str, Any], key: str) -> Any:
    if data.get(key) in (None, ""):
        raise _Wrong(f"the key '{key}' is missing.")
    return data[key]


def _enum(kind: type[StrEnum], value: Any, key: str) -> Any:
    try:
        return kind(str(value))
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        raise _Wrong(f"'{key}: {value}' is not one of {allowed}.") from None


def _int(value: Any, key: str) -> int:
    """A whole number as a file holds it: text of ASCII digits, with a sign or not (`12`, `'12'`, `010` is ten), or
    an integer. Anything else is wrong, never converted: `.inf` crashed every reading (`int` raises
    `OverflowError`), and `2.9` read as 2, `'٣'` as 3, `'1_0'` as 10 without a word (r32 sweep AW F2; `_load` reads
    every value as text)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _WHOLE.fullmatch(value):
        try:
            return int(value)
        except ValueError:  # past Python's 4,300 digits
            raise _Wrong(f"'{key}: {_shown(value)}' is a number of {len(value):,} characters, longer than any "
                         "regdraft reads.") from None
    raise _Wrong(f"'{key}: {_shown(value)}' is not a whole number.")


_WHOLE = re.compile(r"[-+]?[0-9]+")


# An `edited:` time as the review server writes it (`comment_edits._now`: `2025-03-10T09:30:00+07:00`), in ASCII digits:
# `\d` took `١٠/٠٣/٢٠٢٥` and the report printed it.
_EDITED = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?"
                     r"(?:Z|[+-][0-9]{2}:[0-9]{2})?")


def _edited(value: Any, created: Any) -> tuple[str, str]:
    """A comment file's `edited:` as read, and the sentence naming it when it is no time the comment was edited: an
    ISO date and time of a real day and hour in ASCII digits, not before `created` (when that reads as a time). A
    list, `.inf`, `99/99/2025 99:99` or a time in 1999 on a comment of 2025 is read as never edited (""), as a bad
    `link:` is read as none."""
    if value in (None, ""):
        return "", ""
    text = value.isoformat() if isinstance(value, dt.datetime) else value if isinstance(value, str) else None
    when = None
    if text is not None and _EDITED.fullmatch(text.strip()):
        try:
            when = dt.datetime.fromisoformat(text.strip())
        except ValueError:
            pass
    if when is None or text is None:
        return "", (f"'edited: {_shown(value)}' is not the time the comment was edited (a date and time written "
                    "2025-03-10T09:30:00+07:00, as the review server writes it), so the comment is read as never "
                    "edited.")
    made = created.isoformat() if isinstance(created, dt.datetime) else str(created or "").strip()
    try:
        start = dt.datetime.fromisoformat(made)
    except ValueError:
        return text.strip(), ""  # no time to compare with (a date alone, or none): taken as it is
    if (when.tzinfo is None) != (start.tzinfo is None):  # compared as the clock read, where one says no zone
        when, start = when.replace(tzinfo=None), start.replace(tzinfo=None)
    if when < start:
        return "", (f"'edited: {_shown(value)}' is before the comment was made ('created: {_shown(made)}'), so the "
                    "comment is read as never edited.")
    return text.strip(), ""


def _shown(value: Any) -> str:
    """A value as a sentence quotes it: its first 40 characters."""
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def key_line(text: str | bytes, key: str, under: str = "") -> int:
    """The line of a YAML file where a top-level `key` is set, or with `under`, a `key` of the mapping under that
    top-level key (`identity:` then `  nme: X`, or `identity: {nme: X}`): the last, as YAML reads it; 1 when not
    found."""
    if not under:
        return key_lines(text).get(key, 1)
    text = lenient_text(text)  # UTF-16 too: its keys were not found, so every problem stood at line 1
    try:
        root = compose_yaml(text)
    except yaml.YAMLError:
        return 1
    found = [name.start_mark.line + 1
             for outer, inner in (root.value if isinstance(root, yaml.MappingNode) else ())
             if outer.value == under and isinstance(inner, yaml.MappingNode)
             for name, _ in inner.value if name.value == key]
    return max(found, default=1)


def key_lines(text: str | bytes) -> dict[str, int]:
    """The line of each top-level key of a YAML file (`key_line` for all in one reading of the file: a file of many
    unknown keys was read again for each, 20,000 keys 54 s; r27 sweep W, defect 6)."""
    text = lenient_text(text)
    return {line.split(":", 1)[0].rstrip(): k for k, line in enumerate(text.splitlines(), 1)}


def item_lines(text: str | bytes, key: str, under: str) -> list[int]:
    """The line of each item of the list a `key` of the mapping under the top-level `under` holds (`report:` then
    `  recipients:` then `    - …`), in order; [] when there is no such list or the file cannot be read."""
    text = lenient_text(text)
    try:
        root = compose_yaml(text)
    except yaml.YAMLError:
        return []
    lists = [value for outer, inner in (root.value if isinstance(root, yaml.MappingNode) else ())
             if outer.value == under and isinstance(inner, yaml.MappingNode)
             for name, value in inner.value if name.value == key and isinstance(value, yaml.SequenceNode)]
    return [item.start_mark.line + 1 for item in lists[-1].value] if lists else []


_NULLS = ("~", "null", "Null", "NULL")  # the keys YAML reads as no value (None), named 'None' as read


def _key_written(key: Any, lines: Mapping[str, int]) -> str:
    """A top-level key as the file writes it (`key_lines`): `~` or `null` for the one read as no value."""
    if key is None:
        return next((written for written in _NULLS if written in lines), "~")
    return str(key)


def _order(value: Any, key: str) -> int:
    """A comment's place in its import: a whole number from 1."""
    number = _int(value, key)
    if number < 1:
        raise _Wrong(f"'{key}: {_shown(value)}' is not a place in an import; places are numbered from 1.")
    return number


def _sequence(value: Any, key: str) -> int:
    """A comment's place among the writes of its second (`core.comment_order`): a whole number from 0 to
    `MAX_SEQUENCE`."""
    number = _int(value, key)
    if not 0 <= number <= MAX_SEQUENCE:
        raise _Wrong(f"'{key}: {_shown(value)}' is not a place among the comments recorded in one second; places are "
                     f"numbered from 0 (at most {MAX_SEQUENCE:,}).")
    return number


MAX_ROUND = 999  # rounds of comments on one draft; more is a typing mistake, not a round


def _round(value: Any, key: str = "round") -> int:
    """A comment's round number: a round is numbered from 1 (`round: -1` or a 40-digit number left the comment
    out of every round's report)."""
    number = _int(value, key)
    if not 1 <= number <= MAX_ROUND:
        raise _Wrong(f"'{key}: {_shown(value)}' is not a round number; rounds are numbered from 1 "
                     f"(at most {MAX_ROUND}).")
    return number


def comment_to_yaml(c: Comment) -> str:
    """The YAML file of a comment (`regulation`, `accepted_in`, author, selection, source, order, sequence, link and
    edited only when set)."""
    data: dict[str, Any] = {
        "id": c.id, "round": c.round, "by": c.by, "provision": c.on,
        **({"regulation": c.regulation} if c.regulation else {}), "type": c.type.value,
        "text": c.text, "proposal": c.proposal or None, "anchor": c.anchor or None,
        "disposition": c.disposition.value if c.disposition else None, "reply": c.reply or None,
        "created": c.created, "responded": c.responded or None,
    }
    data.update({key: value for key, value in (("accepted_in", c.accepted_in), ("author", c.author),
                                                ("selection", c.selection), ("source", c.source),
                                                ("order", c.order), ("sequence", c.sequence),
                                                ("link", c.link), ("edited", c.edited)) if value})
    # A `link:` that is no link's id, as its file wrote it (`Comment.link_written`): an answer dropped it.
    kept = f"{c.link_written.rstrip()}\n" if c.link_written and not c.link else ""
    kept += f"{c.edited_written.rstrip()}\n" if c.edited_written and not c.edited else ""  # an `edited:` no time, too
    return _dump(data) + kept


COMMENT_KEYS = ("id", "round", "by", "provision", "regulation", "type", "text", "proposal", "anchor", "disposition",
                "reply", "created", "responded", "accepted_in", "author", "selection", "source", "order", "sequence",
                "link", "edited")
"""The keys a comment file may hold, as `comment_to_yaml` writes them (`on:` is read as `provision:`)."""
LINK_ID = re.compile(r"[0-9a-f]{8}")
"""A comment's `link`: the first 8 hexadecimal digits of the SHA-256 of the access link's token (`AccessLink.key`)."""
SHOWN_KEYS = 20  # the unknown keys of a comment file named one by one; the rest are counted in one problem


def comment_from_yaml(text: str | bytes, source: str = "") -> Comment:
    """Read a comment file; `ParseError` naming the file, and each key missing or wrong at its line."""
    comment, problems = read_comment(text, source)
    if comment is None:
        raise comment_error(problems)
    return comment


def comment_error(problems: list[Problem]) -> ParseError:
    """The error of a comment file with these problems: the one problem's sentence, or every problem listed."""
    return ParseError(str(problems[0])) if len(problems) == 1 else ParseError.collect(problems)


def read_comment(text: str | bytes, source: str = "") -> tuple[Comment | None, list[Problem]]:
    """A comment file and every problem of it, each at its line: a key missing or wrong (the comment is then None)
    and a key regdraft does not know, named with the nearest it knows (`provison:`, `proposl:`, whose text would be
    left out without a word). `ParseError` for a file that is no YAML mapping or holds conflict markers: nothing
    else of it can be read."""
    data = _load(text, source)
    found: dict[str, str] = {}  # each key missing or wrong -> the sentence
    # A list or mapping where text belongs (`text: [a, b]`) was read as Python's form of it (`['a', 'b']`), said by
    # nothing (r34 sweep BB 3): read as its words, one item a line, and named.
    shaped = {key: _SHAPES[type(value)] for key, value in data.items()
              if key in _TEXT_KEYS and type(value) in _SHAPES}
    data.update({key: _flattened(data[key]) for key in shaped})
    # A text holding what no document holds (a NUL, Word's cell mark, U+FFFE: written as YAML escapes): read without
    # it, as a comment coming in is (`text.as_text`), and named; the DOCX report failed on it (r33 sweep AZ F1).
    unwritable = {key: said for key, value in data.items()
                  if isinstance(key, str) and isinstance(value, str) and (said := not_text(value))}
    data.update({key: as_text(data[key]) for key in unwritable})

    def read(key: str, convert: Callable[[Any, str], Any] = lambda value, _key: value, needed: bool = False) -> Any:
        try:
            return convert(_field(data, key) if needed else data.get(key), key)
        except _Wrong as exc:
            found[key] = str(exc)
            return None

    disposition = data.get("disposition")
    fields = {
        "id": read("id", needed=True), "round": read("round", _round, needed=True), "by": read("by", needed=True),
        "on": read("provision", needed=True),
        "type": read("type", lambda value, key: _enum(CommentType, value or "general", key)),
        "text": read("text", needed=True),
        "disposition": read("disposition", lambda value, key: _enum(Disposition, value, key)) if disposition else None,
        "order": read("order", lambda value, key: _order(value, key) if value not in (None, "") else 0),
        "sequence": read("sequence", lambda value, key: _sequence(value, key) if value not in (None, "") else 0),
    }
    readable = not found
    problems: list[Problem] = []
    lines = key_lines(text)
    unknown = [key for key in data if key not in COMMENT_KEYS and key not in _ON]
    if len(unknown) > SHOWN_KEYS:  # one sentence for the rest: a file of 20,000 keys is no 20,000 problems
        rest = unknown[SHOWN_KEYS:]
        named = ", ".join(f"'{_key_written(k, lines)}'" for k in rest[:3]) + (", …" if len(rest) > 3 else "")
        one = len(rest) == 1
        problems.append(Problem(f"{len(rest):,} more {'key' if one else 'keys'} ({named}) "
                                f"{'is' if one else 'are'} unknown and {'has' if one else 'have'} no effect; a "
                                f"comment's keys are {', '.join(COMMENT_KEYS)}.", source,
                                lines.get(_key_written(rest[0], lines), 1)))
    for key in (_key_written(unknown_key, lines) for unknown_key in unknown[:SHOWN_KEYS]):
        near = nearest_names(key, COMMENT_KEYS, limit=1)
        if near and near[0] in found and data.get(near[0]) in (None, ""):
            del found[near[0]]  # `provison:` for `provision:` is one problem, not a second one "missing" besides
            hint = f"did you mean {near[0]}, which is missing?"
        else:
            hint = f"did you mean {near[0]}?" if near else f"a comment's keys are {', '.join(COMMENT_KEYS)}."
        problems.append(Problem(f"the key '{key}' is unknown and has no effect; {hint}", source, lines.get(key, 1)))
    problems.extend(Problem(sentence, source, lines.get(key, 1) if key in data else 0)
                    for key, sentence in found.items())
    link, written = data.get("link"), ""
    if link not in (None, "") and not (isinstance(link, str) and LINK_ID.fullmatch(link)):
        # read as sent through no link: it lets no one withdraw the comment (`web.senders.own`)
        problems.append(Problem(f"'link: {_shown(link)}' is not the id of an access link (8 hexadecimal digits, as "
                                "the review server writes it), so the comment is read as sent through none.", source,
                                lines.get("link", 1)))
        written = _entry_as_written(text, "link", link)
        link = ""
    problems.extend(Problem(f"'{key}:' holds {said}; it is read without it (retype the text around it).", source,
                            lines.get(key, 1)) for key, said in unwritable.items())
    # A C1 control (U+009B starts a terminal's command) or an invisible character (U+202E shows the words after it in
    # another order) no comment the review form records holds: kept as written, and named (r36 sweep BK F5). The
    # commands print it escaped (`text.shown_text`). A person's words keep their joiners, as the form keeps them.
    problems.extend(Problem(f"'{key}:' holds {said}; retype the text around it.", source, lines.get(key, 1),
                            warning=True)
                    for key, value in data.items() if isinstance(key, str) and isinstance(value, str)
                    and (said := hiding_character(value, joiners=key in _WORDS)))
    problems.extend(Problem(f"'{key}:' holds {shape}, not text; it is read as its words, one item a line: write the "
                            f"text as one value (quoted, or as a block after '{key}: |').", source, lines.get(key, 1))
                    for key, shape in shaped.items())
    created = data.get("created")
    if created not in (None, "") and not (isinstance(created, str) and made_at(created)):
        # kept as written (`Comment.created`), listed and shown as an unknown time (`comment_order.made_at`)
        problems.append(Problem(f"'created: {_shown(created)}' is not a time the comment could have been made (a date "
                                "and time that exist, written 2025-03-10T09:30:00+07:00 as regdraft writes it), so "
                                "it is listed and shown as made at an unknown time.", source,
                                lines.get("created", 1)))
    edited, said = _edited(data.get("edited"), data.get("created"))
    edited_written = ""
    if said:  # read as never edited: no page or report says it was reworded, nor when (r33 sweep AZ F4)
        problems.append(Problem(said, source, lines.get("edited", 1)))
        edited_written = _entry_as_written(text, "edited", data.get("edited"))  # kept, as a wrong `link:` is
    problems.sort(key=lambda p: (not p.line, p.line))
    if not readable:
        return None, problems
    # A comment made on the review page before round 37 kept the words selected in its text: read apart, as the page
    # records them now (`browser_quotes.apart`); the file is as it was.
    return apart(Comment(
        id=str(fields["id"]), round=fields["round"], by=nfc(str(fields["by"])), on=str(fields["on"]),
        type=fields["type"], text=one_newline(str(fields["text"])),
        proposal=one_newline(str(data.get("proposal") or "")),
        anchor=one_newline(str(data.get("anchor") or "")),
        disposition=fields["disposition"],
        reply=one_newline(str(data.get("reply") or "")),
        created=str(data.get("created") or ""),
        responded=str(data.get("responded") or ""),
        accepted_in=str(data.get("accepted_in") or ""),
        author=nfc(str(data.get("author") or "")),
        selection=nfc(str(data.get("selection") or "")),
        source=str(data.get("source") or ""),
        regulation=nfc(str(data.get("regulation") or "")),
        order=fields["order"],
        sequence=fields["sequence"],
        link=str(link or ""),
        edited=edited,
        link_written=written,
        edited_written=edited_written,
    )), problems


_TEXT_KEYS = frozenset(COMMENT_KEYS) - {"round", "order", "sequence", "type", "disposition", "link", "edited"}
_WORDS = frozenset({"text", "reply"})  # a person's own words, which keep their joiners (`web.actions.WORDS`)
_SHAPES: dict[type, str] = {list: "a list", dict: "a mapping"}


def _flattened(value: Any) -> str:
    """The words of a list or mapping, one item a line (`- a`, `key: value`), nested ones indented."""
    if isinstance(value, list):
        items = [("- ", item) for item in value]
    elif isinstance(value, dict):
        items = [(f"{key}: ", item) for key, item in value.items()]
    else:
        return "" if value is None else str(value)
    lines = []
    for lead, item in items:
        inner = _flattened(item).split("\n")
        if isinstance(item, (list, dict)) and item:
            lines += [lead.rstrip(), *("  " + line for line in inner)]
        else:
            lines += [lead + inner[0], *("  " + line for line in inner[1:])]
    return "\n".join(lines)


def _entry_as_written(text: str | bytes, key: str, value: Any) -> str:
    """The top-level entry `key:` of a YAML file as its lines write it (`link: 3FA2C1D0`), which reads back as `value`
    on its own: kept as written when the file is rewritten. Where its text cannot be taken apart from the file's (a flow
    mapping across lines), the entry as `_dump` writes the value."""
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    try:
        root = compose_yaml(text)
        found = [(name, node) for name, node in (root.value if isinstance(root, yaml.MappingNode) else ())
                 if getattr(name, "value", None) == key]
        if found:
            name, node = found[-1]
            entry = text[name.start_mark.index:node.end_mark.index].rstrip()
            if name.start_mark.column == 0 and load_yaml(entry, quick=True, exact=True) == {key: value}:
                return entry
    except (yaml.YAMLError, RegdraftError):
        pass
    return _dump({key: value}).rstrip()

"""The YAML front matter that opens regulation and amendment files.

`read_front_matter(lines, source, problems, absent=...)` splits it off and reads it;
`dump_front_matter(meta)` writes a mapping back as YAML. How a document is named and cited from its values (its
number, type, the document it was issued with) is `regdraft.core.document_names`; most of its names are importable
from here too.

Post-conditions:
1. The body starts at the returned line index: 0 when there is no front matter, just after the
   closing `---` (or `...`) otherwise, the end of the file when it is never closed.
2. The raw text is the YAML between the markers, trailing spaces and outer blank lines dropped.
3. The data is None, with one problem added (its file and line), when the front matter is
   missing, unclosed, not YAML or not a mapping; callers check their own keys only otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from regdraft.core.document_names import NAMED_ALONE as NAMED_ALONE  # most callers import these from here
from regdraft.core.document_names import compound_type as compound_type
from regdraft.core.document_names import document_number as document_number
from regdraft.core.document_names import issued_with as issued_with
from regdraft.core.document_names import issued_with_name as issued_with_name
from regdraft.core.document_names import type_and_summary as type_and_summary
from regdraft.core.errors import Problem
from regdraft.core.text import CONTROL
from regdraft.core.unwritable import held
from regdraft.core.yaml_bounds import MAX_YAML_BYTES, front_matter_too_long, size_of, too_long

if TYPE_CHECKING:
    import yaml

YamlReader = Callable[[str], Any]  # reads front-matter YAML as `load_yaml` does

# PyYAML is imported where YAML is read or written, not with this module: a command that finds its
# documents' readings in the parse cache reads no YAML, and importing PyYAML (its reader compiles a
# large pattern) was a tenth of such a command's start-up.


# How deep lists and mappings may nest in any YAML regdraft reads: its own files need four or five
# levels; reading one nested a thousand deep recursed until Python stopped it, and every command failed.
MAX_DEPTH = 50
_ALIAS = "uses a YAML alias (*name); regdraft files write every value out in full"
_TOO_DEEP = f"is nested deeper than {MAX_DEPTH} levels (lists and keys within one another); regdraft files need a few"


def _refusal(message: str, mark: Any) -> Exception:
    import yaml

    return yaml.composer.ComposerError(None, None, message, mark)


def _timestamp(base: Any) -> Any:
    """`construct_yaml_timestamp` of `base`, where an impossible date (`2021-02-30`) is a YAML error at its line,
    not a crash."""
    import yaml

    def construct(self: Any, node: Any) -> Any:
        try:
            return base.construct_yaml_timestamp(self, node)
        except ValueError:
            raise yaml.constructor.ConstructorError(
                None, None, f"'{node.value}' is not a date that exists (write YYYY-MM-DD)", node.start_mark) from None

    return construct


def _integer(base: Any) -> Any:
    """`construct_yaml_int` of `base`, where a number too long for Python to read (past 4,300 digits) is a YAML
    error at its line, not a crash."""
    import yaml

    def construct(self: Any, node: Any) -> Any:
        try:
            return base.construct_yaml_int(self, node)
        except ValueError:
            raise yaml.constructor.ConstructorError(
                None, None, f"a number of {len(str(node.value)):,} characters is longer than any regdraft reads; "
                "put it in quotes if it is text", node.start_mark) from None

    return construct


@lru_cache(maxsize=1)
def _document_loader() -> type[yaml.SafeLoader]:
    """The YAML loader of documents: no aliases (a few bytes of them can expand to gigabytes), no nesting
    deeper than `MAX_DEPTH`, and real dates."""
    import yaml

    class DocumentLoader(yaml.SafeLoader):
        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                raise _refusal(_ALIAS, self.peek_event().start_mark)  # type: ignore[no-untyped-call]
            return super().compose_node(parent, index)

        def compose_sequence_node(self, anchor: Any) -> Any:
            return self._nested(super().compose_sequence_node, anchor)

        def compose_mapping_node(self, anchor: Any) -> Any:
            return self._nested(super().compose_mapping_node, anchor)

        def _nested(self, compose: Callable[[Any], Any], anchor: Any) -> Any:
            if self.depth >= MAX_DEPTH:
                raise _refusal(_TOO_DEEP, self.peek_event().start_mark)  # type: ignore[no-untyped-call]
            self.depth += 1
            try:
                return compose(anchor)
            finally:
                self.depth -= 1

    DocumentLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp(yaml.SafeLoader))
    DocumentLoader.add_constructor("tag:yaml.org,2002:int", _integer(yaml.SafeLoader))
    return DocumentLoader


@lru_cache(maxsize=1)
def _quick_loader() -> type[yaml.CSafeLoader] | None:
    """libyaml's safe loader (8 times faster), with real dates; None when PyYAML lacks it. Its composer is
    libyaml's, so what it reads is first checked by `_check_events`."""
    import yaml

    if not hasattr(yaml, "CSafeLoader"):
        return None

    class QuickLoader(yaml.CSafeLoader):
        pass

    QuickLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp(yaml.CSafeLoader))
    QuickLoader.add_constructor("tag:yaml.org,2002:int", _integer(yaml.CSafeLoader))
    return QuickLoader


@lru_cache(maxsize=2)
def _exact(quick: bool) -> type[Any]:
    """The document loader, or with `quick` libyaml's, reading every value as the text it is written as, but for
    `null` (and `~`, or nothing): `09` is `09`, `yes` is `yes`, `1.0` is `1.0`, `2024-1-1` is `2024-1-1`, and an
    explicit `!!int 0x10` is `0x10`. Resolved as YAML types they were 9 (integers from any decimal digits), true,
    1.0 and a date: the words of a comment file PyYAML wrote unquoted (`text: 09`, `link: 05959718`) changed when
    read. The reader of a number field converts its text itself (`core.comment_yaml._int`)."""
    null = "tag:yaml.org,2002:null"
    loader: Any = (_quick_loader() if quick else None) or _document_loader()

    class Exact(loader):  # type: ignore[misc]
        yaml_implicit_resolvers = {first: [(t, rx) for t, rx in found if t == null]
                                   for first, found in loader.yaml_implicit_resolvers.items()}

    for typed in ("int", "float", "bool", "timestamp"):
        Exact.add_constructor(f"tag:yaml.org,2002:{typed}", loader.construct_yaml_str)
    for made in _NOT_WORDS:
        Exact.add_constructor(f"tag:yaml.org,2002:{made}", _not_words)
    return Exact


# What these tags make is not the words written: bytes decoded from base64 (`!!binary PWNtZHw…` showed as
# `b"=cmd|' /C calc'!A0"`), a set of keys, a list of pairs.
_NOT_WORDS = {"binary": "bytes decoded from base64", "set": "a set of keys", "omap": "a list of pairs",
              "pairs": "a list of pairs"}


def _not_words(constructor: Any, node: Any) -> Any:
    """Refuse a value tagged `!!binary`, `!!set`, `!!omap` or `!!pairs` at its line, as a tag no safe loader reads
    (`!!python/object`) is refused."""
    import yaml

    made = node.tag.rsplit(":", 1)[-1]
    raise yaml.constructor.ConstructorError(
        None, None, f"the tag '!!{made}' makes {_NOT_WORDS[made]}, not the words written; regdraft reads every value "
        "as the words written: write them without the tag", node.start_mark)


def _check_events(events: Iterable[Any]) -> None:
    """Refuse what `_document_loader` refuses (an alias, nesting deeper than `MAX_DEPTH`), reading events only."""
    import yaml

    depth = 0
    try:
        for event in events:
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _refusal(_TOO_DEEP, event.start_mark)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                raise _refusal(_ALIAS, event.start_mark)
    except yaml.MarkedYAMLError as exc:  # libyaml stops a thousand levels down, before the events reach one
        if exc.problem != "exceeded maximum nesting depth":
            raise
        raise _refusal(_TOO_DEEP, exc.problem_mark) from None


def _loader(text: str | bytes, quick: bool, exact: bool = False) -> type[yaml.SafeLoader | yaml.CSafeLoader]:
    """The loader for `text`: the document loader, or with `quick` libyaml's once `text` passed its checks; with
    `exact`, one reading values as the text they are written as (`_exact`)."""
    import yaml

    loader = _quick_loader() if quick else None
    if loader is None:
        return _exact(False) if exact else _document_loader()
    _check_events(yaml.parse(text, Loader=loader))
    return _exact(True) if exact else loader


@lru_cache(maxsize=1)
def _document_dumper() -> type[yaml.SafeDumper]:
    """YAML as regdraft writes it: a value used twice is written out twice, never as an alias,
    so that what regdraft writes, regdraft (which refuses aliases) reads back."""
    import yaml

    class DocumentDumper(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True

        def represent_str(self, data: str) -> yaml.ScalarNode:
            # A value of several lines (`on_behalf: |-` / `TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH`) one line each.
            return self.represent_scalar("tag:yaml.org,2002:str", data, style="|" if "\n" in data else None)

    DocumentDumper.add_representer(str, DocumentDumper.represent_str)
    return DocumentDumper


def dump_yaml(data: Any, **options: Any) -> str:
    """YAML text for `data` (safe types only, no aliases); `options` as for `yaml.dump`."""
    import yaml

    text: str = yaml.dump(data, Dumper=_document_dumper(), **options)
    return text


def _within(text: str | bytes, limit: int) -> None:
    """Refuse `text` past `limit` bytes (a YAML error at its first line) before any YAML reader sees it."""
    import yaml

    if (size := size_of(text)) > limit:
        raise _refusal(too_long(size, limit, "This YAML"), yaml.Mark("", 0, 0, 0, None, 0))


def load_yaml(text: str | bytes, *, quick: bool = False, limit: int = MAX_YAML_BYTES, exact: bool = False) -> Any:
    """Read YAML the way every regdraft file is read: safe types only, no aliases, no nesting deeper than
    `MAX_DEPTH`, real dates, numbers Python can read, at most `limit` bytes. `quick` reads with libyaml where
    PyYAML has it (a large file: a profile); `exact` reads every value but `null` as the text it is written as
    (`_exact`).

    Raises `yaml.YAMLError` (with `problem_mark`) for anything else, so callers report file:line.
    """
    import yaml

    _within(text, limit)
    return yaml.load(text, Loader=_loader(text, quick, exact))  # noqa: S506 - a SafeLoader subclass


def compose_yaml(text: str | bytes, *, quick: bool = False) -> yaml.Node | None:
    """The YAML nodes of `text` (for the lines of its keys), refused as `load_yaml` refuses them."""
    import yaml

    _within(text, MAX_YAML_BYTES)
    return yaml.compose(text, Loader=_loader(text, quick))  # noqa: S506 - a SafeLoader subclass


# The value `regdraft import` writes for a required key the source does not give; `check`
# refuses it until the drafter fills it in.
PLACEHOLDER = "FIXME"


def read_front_matter(
    lines: list[str], source: str, problems: list[Problem], *, absent: str, load: YamlReader | None = None
) -> tuple[str, dict[str, Any] | None, int]:
    """Split off the front matter: its text, its mapping (None if unreadable), the body's first line index.

    `absent` is the message reported when the file does not start with a `---` line; `load` reads
    the YAML (`load_yaml`, or one that keeps what it read: `workspace.parse_cache`).
    """
    if not lines or lines[0].rstrip() != "---":
        problems.append(Problem(absent, source, 1))
        return "", None, 0
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            break
    else:
        problems.append(Problem("The front matter opened on this line is never closed with a '---' line.", source, 1))
        return "", None, len(lines)
    raw = "\n".join(line.rstrip() for line in lines[1:end]).strip("\n")
    if (too_long := front_matter_too_long(lines, end, source)) is not None:  # not handed to PyYAML
        problems.append(too_long)
        return raw, None, end + 1
    try:
        data = (load or load_yaml)(raw) if raw.strip() else {}
    except Exception as exc:
        import yaml  # imported only here: a reader that kept the front matter needs no PyYAML

        if not isinstance(exc, yaml.YAMLError):
            raise
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.append(Problem(f"The front matter is not valid YAML: {reason}.", source, line))
        return raw, None, end + 1
    if not isinstance(data, dict):
        problems.append(Problem("The front matter must be YAML keys and values (a mapping).", source, 2))
        return raw, None, end + 1
    return raw, data, end + 1


def dump_front_matter(meta: dict[str, Any]) -> str:
    """YAML text for a front-matter mapping, keys in the given order, Unicode kept."""
    return dump_yaml(meta, allow_unicode=True, sort_keys=False, default_flow_style=False).rstrip("\n")


# The shapes of the keys docs/format.md defines; other keys are kept as they are.
TEXT_KEYS = ("id", "type", "title", "language", "national", "superior", "issuer", "issuer_mark", "place", "term",
             "translation_of", "number", "regulation", "status", "adoption", "date_line")
DATE_KEYS = ("signed", "effective")
SIGNER_KEYS = ("on_behalf", "title", "name")
# Control characters, and the invisible ones no legal text holds: zero-width spaces and joiners, direction marks,
# and the embeddings, overrides and isolates that show a line's letters in another order than they are stored
# (`Quy chế \u202elàm việc`). The first (the C1 controls too: U+0085 is a line break) are read as a space, the others
# as nothing.
_CONTROL = CONTROL
_SPACED = frozenset("\u2028\u2029") | {chr(c) for c in [*range(0x20), *range(0x7f, 0xa0)]}


def _replaced(found: re.Match[str]) -> str:
    return " " if found.group() in _SPACED else ""


def key_line(lines: list[str], key: str) -> int:
    """The file line of a top-level front-matter key (1, the opening `---`, when not found)."""
    for i, line in enumerate(lines):
        if line.startswith(f"{key}:"):
            return i + 1
    return 1


def check_values(data: dict[str, Any], lines: list[str], source: str, problems: list[Problem],
                 own: tuple[str, ...] = ()) -> dict[str, Any]:
    """Check the type of every value docs/format.md defines; return the data later stages may rely on.

    A value of the wrong shape is reported (file:line) and left out of the returned data (text
    keys are turned into text), so that no command after `check` meets a type it cannot use.
    Keys in `own` are left to the caller, which checks them in its own words.
    Post-conditions: text keys hold `str`; dates are dates or `YYYY-MM-DD` text of a real day; `signer` maps
    at least on_behalf, title and name to text; `recipients` is a list of text; no text holds a control
    character.
    """
    clean: dict[str, Any] = {}
    for key, value in data.items():
        line = key_line(lines, str(key))
        message = "" if key in own else _shape(str(key), value)
        if message:
            problems.append(Problem(f"The front matter's '{key}' {message}", source, line))
            if key in TEXT_KEYS and isinstance(value, int | float) and not isinstance(value, bool):
                clean[str(key)] = str(value)
            continue
        if key == "signer" and isinstance(value, dict):
            # Every exporter may rely on the three keys; others (a note ...) are kept as they are, in the order
            # written: a note printed under the name (`(Đã ký)` after it) is written after `name`.
            value = {**{k: "" for k in SIGNER_KEYS if k not in value}, **{str(k): v or "" for k, v in value.items()}}
        if key == "title" and isinstance(value, str) and len(value) > MAX_TITLE:  # kept: said, not dropped
            problems.append(Problem(f"The front matter's 'title' is {len(value):,} characters long; a document's "
                                    f"title has at most {MAX_TITLE:,} (the longest law's has a few hundred).",
                                    source, line))
        if _has_control(value):
            problems.append(Problem(f"The front matter's '{key}' holds a control or invisible character; retype it "
                                    "as plain text.", source, line))
            value = _without_control(value)
        clean[str(key)] = value
    return clean


# A title's length: the longest of a real law is a few hundred characters; an 80 KB one passed `check`, and every
# running header and title block measured it (r23 s10security defect 1).
MAX_TITLE = 2000


def _shape(key: str, value: Any) -> str:
    """What is wrong with the shape of `value` for `key`, as the end of a sentence; "" when nothing."""
    if value is None:
        return ""
    if key in TEXT_KEYS and not isinstance(value, str):
        return f"is {value!r}; it must be text (put it in quotes)."
    if key in DATE_KEYS:
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date | str):
            return f"is {value!r}; it must be a date written YYYY-MM-DD."
        if isinstance(value, str) and value not in ("", PLACEHOLDER):
            try:
                dt.date.fromisoformat(value.strip())
            except ValueError:
                return f"is '{value}'; it must be a date written YYYY-MM-DD that exists."
    if key == "signer" and not (isinstance(value, dict) and all(
            isinstance(k, str) and isinstance(v, str | None) for k, v in value.items())):
        return f"must be keys and text ({', '.join(SIGNER_KEYS)}), not {value!r}."
    if key == "recipients" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        return f"must be a list of text (one '- ' line each), not {value!r}."
    if key == "replaces" and not (isinstance(value, str) or (isinstance(value, list) and all(
            isinstance(v, str) for v in value))):
        return f"is {value!r}; it must be the id of the regulation replaced (or a list of ids), as text."
    if key == "draft" and (isinstance(value, bool) or not isinstance(value, int)):
        return f"is {value!r}; it must be a whole number."
    return ""


def _has_control(value: Any) -> bool:
    if isinstance(value, str):
        return bool(_CONTROL.search(value))
    if isinstance(value, dict):
        return any(_has_control(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_control(v) for v in value)
    return False


def _without_control(value: Any) -> Any:
    if isinstance(value, str):
        return _CONTROL.sub(_replaced, value)
    if isinstance(value, dict):
        return {k: _without_control(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_control(v) for v in value]
    return value


def without_control_characters(text: str, source: str, problems: list[Problem]) -> str:
    """`text` with control characters (a vertical tab pasted from Word ...) turned into spaces, each
    line that held one reported (`unwritable.held`): no Word, PDF or HTML writer can take them."""
    if not _CONTROL.search(text):
        return text
    for number, line in enumerate(text.split("\n"), start=1):
        if (message := held(line)) is not None:
            problems.append(Problem(message, source, number))
    return _CONTROL.sub(_replaced, text)


def signature_block(meta: Mapping[str, Any]) -> tuple[dict[str, str], list[str]]:
    """The front matter's `signer` and `recipients` as the templates use them: every key of the
    signer present (empty when the front matter leaves it out), recipients a list of strings.

    The signer's `note` (`(Đã ký)`, a copy's word for the signature) prints where the source had it: `note`
    above the name, in the signature's place, or `note_after` under it when the front matter writes it after
    `name` (Luật Thi đua, khen thưởng: `Nguyễn Văn An` then `(Đã ký)`)."""
    signer = meta.get("signer") or {}
    if not isinstance(signer, Mapping):
        signer = {"name": str(signer)}
    block = {key: str(signer.get(key) or "") for key in ("on_behalf", "title", "name")}
    keys = list(signer)
    note = str(signer.get("note") or "")
    after = bool(note) and "name" in keys and keys.index("note") > keys.index("name") and bool(block["name"])
    block["note"], block["note_after"] = ("", note) if after else (note, "")
    recipients = meta.get("recipients") or []
    if not isinstance(recipients, list):
        recipients = [recipients]
    return block, [str(r) for r in recipients]


def replaced_ids(meta: Mapping[str, Any]) -> tuple[str, ...]:
    """The ids a front matter's `replaces:` names (one id, or a list of them), in its order: a regulation's (the
    ones it replaces) or a new regulation's draft (`core.amend.document`). Here, not with the amendments' reader: a
    comparison asks it of two texts and imports nothing of amendments (`tests/test_warm_imports.py`)."""
    value = meta.get("replaces")
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v or "").strip())
    return ()

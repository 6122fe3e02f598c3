"""The YAML front matter that opens regulation and amendment files.

`read_front_matter(lines, source, problems, absent=...)` splits it off and reads it;
`dump_front_matter(meta)` writes a mapping back as YAML.

Post-conditions:
1. The body starts at the returned line index: 0 when there is no front matter, just after the
   closing `---` (or `...`) otherwise, the end of the file when it is never closed.
2. The raw text is the YAML between the markers, trailing spaces and outer blank lines dropped.
3. The data is None, with one problem added (its file and line), when the front matter is
   missing, unclosed, not YAML or not a mapping; callers check their own keys only otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from regdraft.core.errors import Problem


class _DocumentLoader(yaml.SafeLoader):
    """YAML as documents need it: no aliases (a few bytes of them can expand to gigabytes), and an
    impossible date (`2021-02-30`) is a YAML error with its line, not a crash."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "uses a YAML alias (*name); regdraft files write every value out in full",
                event.start_mark)
        return super().compose_node(parent, index)

    def construct_yaml_timestamp(self, node: Any) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            raise yaml.constructor.ConstructorError(
                None, None, f"'{node.value}' is not a date that exists (write YYYY-MM-DD)", node.start_mark) from None


_DocumentLoader.add_constructor("tag:yaml.org,2002:timestamp", _DocumentLoader.construct_yaml_timestamp)


def load_yaml(text: str | bytes) -> Any:
    """Read YAML the way every regdraft file is read: safe types only, no aliases, real dates.

    Raises `yaml.YAMLError` (with `problem_mark`) for anything else, so callers report file:line.
    """
    return yaml.load(text, Loader=_DocumentLoader)  # noqa: S506 - a SafeLoader subclass


# The value `regdraft import` writes for a required key the source does not give; `check`
# refuses it until the drafter fills it in.
PLACEHOLDER = "FIXME"


def read_front_matter(
    lines: list[str], source: str, problems: list[Problem], *, absent: str
) -> tuple[str, dict[str, Any] | None, int]:
    """Split off the front matter: its text, its mapping (None if unreadable), the body's first line index.

    `absent` is the message reported when the file does not start with a `---` line.
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
    try:
        data = load_yaml(raw) if raw.strip() else {}
    except yaml.YAMLError as exc:
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
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False).rstrip("\n")


def document_number(meta: Mapping[str, Any]) -> str:
    """The number a document prints: its `number`, a translation's original's, else its id.

    A translation's workspace id (`01-QC/TU-EN`) is not a document number.
    """
    return str(meta.get("number") or meta.get("translation_of") or meta.get("id") or "")

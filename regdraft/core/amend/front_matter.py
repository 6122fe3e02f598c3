"""An amending document's front matter: the statuses it may have and the changes between them `amend status`
accepts, and its values read and checked (`amendment_front_matter`: the regulation it amends, its status, language,
draft number and dates), each problem with its file and line. Used by `regdraft.core.amend.document`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from regdraft.core.dates import read_date
from regdraft.core.errors import Problem
from regdraft.core.frontmatter import YamlReader, check_values, read_front_matter, replaced_ids

STATUSES = ("draft", "circulating", "submitted", "adopted", "rejected", "withdrawn")
PENDING = ("draft", "circulating", "submitted")
# Status changes `amend status` accepts: draft → circulating → submitted, back a step for another
# draft, or out (rejected, withdrawn); `adopted` is reached only through `amend adopt`.
TRANSITIONS: Mapping[str, tuple[str, ...]] = {
    "draft": ("circulating", "withdrawn"),
    "circulating": ("draft", "submitted", "withdrawn"),
    "submitted": ("draft", "circulating", "rejected", "withdrawn"),
    "adopted": (),
    "rejected": ("draft",),
    "withdrawn": ("draft",),
}


def amendment_front_matter(lines: list[str], source: str, problems: list[Problem],
                           load: YamlReader | None) -> tuple[str, dict[str, Any], int]:
    """An amending document's front matter: its raw text, its values (checked, each problem added to `problems` with
    its line) and the index of the body's first line."""
    raw, data, body_start = read_front_matter(
        lines,
        source,
        problems,
        load=load,
        absent="does not start with front matter ('---', keys such as number, title, "
        "regulation and status, then '---').",
    )
    if data is None:
        return raw, {}, body_start
    data = check_values(data, lines[:body_start], source, problems,
                        own=("status", "language", "draft", "signed", "effective"))
    if (replaced := replaced_ids(data)) and not data.get("regulation"):
        data = {**data, "regulation": replaced[0]}  # a draft replacing regulations is about the first, in memory only
    _check_meta(data, lines[: body_start - 1], source, problems)
    return raw, data, body_start


def key_at(lines: list[str], key: str) -> int:
    """The line (from 1) of front matter `lines` where `key` is set; 1 when it is not."""
    for i, line in enumerate(lines):
        if line.startswith(f"{key}:"):
            return i + 1
    return 1


def _check_meta(data: dict[str, Any], lines: list[str], source: str, problems: list[Problem]) -> None:
    if not data.get("regulation") and not data.get("amends"):
        problems.append(
            Problem(
                "The front matter lacks 'regulation', the id of the regulation this amends "
                "(e.g. regulation: 01-QC/TU).",
                source,
                1,
            )
        )
    status = data.get("status", "draft")
    if status not in STATUSES:
        problems.append(
            Problem(f"The status '{status}' is not one of {', '.join(STATUSES)}.", source, key_at(lines, "status"))
        )
    if data.get("language", "vi") not in ("vi", "en"):
        problems.append(
            Problem(f"The language '{data.get('language')}' is not vi or en.", source, key_at(lines, "language"))
        )
    draft = data.get("draft")
    if draft is not None and (not isinstance(draft, int) or isinstance(draft, bool) or draft < 1):
        problems.append(
            Problem(f"The draft number '{draft}' is not a whole number from 1.", source, key_at(lines, "draft"))
        )
    for key in ("signed", "effective"):
        if data.get(key) not in (None, "") and read_date(data.get(key)) is None:
            problems.append(
                Problem(
                    f"The {key} date '{data.get(key)}' is not a date written YYYY-MM-DD.", source, key_at(lines, key)
                )
            )
    if status == "adopted" and (read_date(data.get("signed")) is None or read_date(data.get("effective")) is None):
        problems.append(
            Problem(
                "An adopted amendment needs both its signed and its effective date.", source, key_at(lines, "status")
            )
        )

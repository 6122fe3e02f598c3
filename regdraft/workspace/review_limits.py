"""The review server's bounds a workspace may set in regdraft.yaml's `review:` section, read without loading YAML
(`check` names a wrong one on every run, a warm one included).

Post-condition: `per_address` gives the bound and "" for a setting that reads, or the default and the sentence
saying what is wrong.
"""

from __future__ import annotations

from typing import Any

PER_ADDRESS_SETTING = "connections_per_address"  # under `review:` in regdraft.yaml
CONNECTIONS = 256  # the connections the review server holds open at once
PER_ADDRESS = 128  # those one address may hold, unless regdraft.yaml says otherwise


def per_address(review: dict[str, Any]) -> tuple[int, str]:
    """The connections one address may hold (`review: connections_per_address`), and what is wrong with the setting
    ("" when nothing): `regdraft review` stops on it, `check` names it."""
    value = review.get(PER_ADDRESS_SETTING, PER_ADDRESS)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= CONNECTIONS:
        return PER_ADDRESS, (f"review: {PER_ADDRESS_SETTING} is '{value}'; write a whole number from 1 to "
                             f"{CONNECTIONS} (the connections one address may hold open; {PER_ADDRESS} when it is not "
                             "set).")
    return value, ""

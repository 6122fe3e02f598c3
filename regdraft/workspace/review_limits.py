"""The review server's bounds a workspace may set in regdraft.yaml's `review:` section, read without loading YAML
(`check` names a wrong one on every run, a warm one included).

Post-condition: `per_address` gives the bound and "" for a setting that reads, or the default and the sentence
saying what is wrong; `per_member` the bounds (`submissions_per_minute` among them) and, for each setting that does
not read, that sentence (its default used).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PER_ADDRESS_SETTING = "connections_per_address"  # under `review:` in regdraft.yaml
CONNECTIONS = 256  # the connections the review server holds open at once
PER_ADDRESS = 128  # those one address may hold, unless regdraft.yaml says otherwise


def per_address(review: dict[str, Any]) -> tuple[int, str]:
    """The connections one address may hold (`review: connections_per_address`), and what is wrong with the setting
    ("" when nothing): `regdraft review` stops on it, `check` names it."""
    return _whole(review, PER_ADDRESS_SETTING, PER_ADDRESS, CONNECTIONS, "the connections one address may hold open")


def _whole(review: dict[str, Any], key: str, default: int, most: int, what: str) -> tuple[int, str]:
    """The setting `key` when it is a whole number from 1 to `most` (`default` when unset), and ""; else `default`
    and the sentence saying what is wrong."""
    value = review.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= most:
        return default, (f"review: {key} is '{value}'; write a whole number from 1 to {most:,} ({what}; {default:,} "
                         "when it is not set).")
    return value, ""


COMMENTS_SETTING = "comments_per_member"  # under `review:`: the comments one access link may send in a round
CHARACTERS_SETTING = "characters_per_member"  # and the characters of their texts and proposals together
SUBMISSIONS_SETTING = "submissions_per_minute"  # and the comment forms it may send a minute (`web.pace`)
COMMENTS_PER_MEMBER = 500
CHARACTERS_PER_MEMBER = 2_000_000  # a hundred comments at the 20,000-character limit; 2 to 6 MB of Vietnamese text
# A person writes a comment in minutes, not seconds: 30 a minute (after `web.pace.BURST` at once) is ten times what a
# member pasting prepared comments sends, and keeps one link's script to a submission every 2 s, each holding the
# workspace's write lock for 0.05-0.2 s, so the others' submissions still go through.
SUBMISSIONS_PER_MINUTE = 30
_MEMBER_SETTINGS = {COMMENTS_SETTING: (COMMENTS_PER_MEMBER, 100_000, "the comments one member may send in a round"),
                    CHARACTERS_SETTING: (CHARACTERS_PER_MEMBER, 100_000_000,
                                         "the characters of comments and proposals one member may send in a round"),
                    SUBMISSIONS_SETTING: (SUBMISSIONS_PER_MINUTE, 6_000,
                                          "the comment forms one member may send a minute, after 10 at once")}


@dataclass(frozen=True, slots=True)
class PerMember:
    """What one access link may send on the review server in one round (the office's own commands are not bounded)."""

    comments: int = COMMENTS_PER_MEMBER
    characters: int = CHARACTERS_PER_MEMBER
    submissions_per_minute: int = SUBMISSIONS_PER_MINUTE


def per_member(review: dict[str, Any]) -> tuple[PerMember, dict[str, str]]:
    """The bounds of one member (`review: comments_per_member`, `characters_per_member` in a round,
    `submissions_per_minute`), and what is wrong with each setting that is wrong (its default used meanwhile):
    `regdraft review` stops on it, `check` names it at its line."""
    read = {key: _whole(review, key, *bound) for key, bound in _MEMBER_SETTINGS.items()}
    wrong = {key: said for key, (_, said) in read.items() if said}
    return PerMember(read[COMMENTS_SETTING][0], read[CHARACTERS_SETTING][0], read[SUBMISSIONS_SETTING][0]), wrong

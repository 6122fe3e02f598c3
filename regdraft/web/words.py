"""The review server's own words, in the language of the document a page shows (data: words.yaml).

The documents keep their profile's words; these are the words around them: navigation, labels,
buttons, notices and the refusals the server itself words.

Post-conditions:
1. `words.yaml` is read once (safe_load) and checked: every language has the same keys.
2. `Words(key, **fields)` is the entry with its fields filled in; a missing key fails loudly.
3. `count` writes a number with its noun through `core.counts` (`1 comment`, `2 comments`,
   `3 ý kiến`).
4. `Refused` carries a sentence already in the page's language (an entry of the words is worded again in the
   language of the page that shows it); any other error's message is
   the library's (English), which `said` introduces on a Vietnamese page as a detail for the
   drafting office; a failure of git (`GitFailed`) is said in the page's words alone, its detail logged.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from regdraft.core.comment_order import made_at
from regdraft.core.counts import count as counted
from regdraft.core.errors import Category, GitFailed, RegdraftError, Worded

LANGUAGES = ("vi", "en")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")


@cache
def _table() -> dict[str, dict[str, str]]:
    import yaml

    data = yaml.safe_load((Path(__file__).resolve().parent / "words.yaml").read_text(encoding="utf-8"))
    tables = {language: {str(k): str(v) for k, v in data[language].items()} for language in LANGUAGES}
    keys = set(tables["vi"])
    for language, table in tables.items():
        if set(table) != keys:
            raise RuntimeError(f"regdraft/web/words.yaml: {language} lacks or adds {sorted(set(table) ^ keys)}")
    return tables


@dataclass(frozen=True, slots=True)
class Words:
    """The interface's words in one language (`vi` or `en`)."""

    language: str

    @classmethod
    def of(cls, language: str | None) -> Words:
        """The words of `language`; Vietnamese for anything else (the committees' language)."""
        return cls(language if language in LANGUAGES else "vi")

    def __call__(self, key: str, **fields: object) -> str:
        """The entry `key`, its `{fields}` filled in."""
        return _table()[self.language][key].format(**fields)

    def has(self, key: str) -> bool:
        """True when `key` is one of the words (a status or a state the table names)."""
        return key in _table()[self.language]

    def maybe(self, key: str, fallback: str) -> str:
        """The entry `key`, or `fallback` when the table has none (a value from a newer workspace)."""
        return self(key) if self.has(key) else fallback

    def count(self, number: int, noun: str) -> str:
        """`number` with the noun entry `noun_<noun>`: `2 comments`, `2 ý kiến`; its plural the entry `nouns_<noun>`
        when there is one (`2 invisible characters`: the first word alone was made plural, `2 invisibles character`)."""
        plural = self(f"nouns_{noun}") if self.has(f"nouns_{noun}") else None
        return counted(number, self(f"noun_{noun}"), self.language, plural)

    def figure(self, number: int) -> str:
        """A whole number grouped by thousands as this language writes it (`2.000.000`, `2,000,000`)."""
        return f"{number:,}".replace(",", "." if self.language == "vi" else ",")

    def date(self, value: str) -> str:
        """An ISO date or timestamp as this language writes it (`15/03/2025`, `10/03/2025 09:30`); one naming no real
        day or time (`2025-02-30`) as written, never as if it were one."""
        found = _DATE.match(value or "")
        if found is None or not made_at(found.group(0)):
            return value
        yyyy, mm, dd, hh, mi = found.groups()
        return self("time" if hh else "date", yyyy=yyyy, mm=mm, dd=dd, hh=hh, mi=mi)

    def made(self, created: str) -> str:
        """When a comment was made, as `date` writes it; "" when its `created` names no real time (unknown)."""
        return self.date(made_at(created))

    def day(self, value: str) -> str:
        """A date as the documents and the round copy cite it in this language (`15 March 2025`, `15/3/2025`:
        `profile.cited_date` with the default profile's style and words); anything else as `date` shows it."""
        found = _DATE.match(value or "")
        if found is None or found.group(4):
            return self.date(value)
        from regdraft.render.profile import cited_date, default_profile

        profile = default_profile()
        return cited_date(value, profile.cited_style(self.language), profile.words(self.language))

    def either(self, choices: list[str]) -> str:
        """`a, b or c` in this language."""
        if len(choices) < 2:
            return "".join(choices)
        return f"{', '.join(choices[:-1])} {self('or')} {choices[-1]}"

    def said(self, error: RegdraftError, office: bool = True) -> str:
        """An error's message as this page shows it: the library's English introduced on a Vietnamese page. Not to
        the `office` (a member), comments the office must put in order are said so in the page's words."""
        from regdraft.workspace.deleted_comments import CommentsDeleted
        from regdraft.workspace.unreadable_comments import CommentsUnreadable

        message = error.report()
        if isinstance(error, (CommentsDeleted, CommentsUnreadable)) and not office:
            # A comment file deleted by mistake or that does not read, needed here: the others are served (set
            # aside, `unreadable_comments`); its file, reason and git's way back are the office's (the log).
            logging.getLogger("regdraft.review").warning("%s", message)
            return self("some_comments_refused")
        if isinstance(error, Refused):
            # Worded where it was raised, in the words at hand (the workspace's, for a write that waited too long).
            return self(error.key, **error.fields) if error.key else message
        if isinstance(error, GitFailed):
            # Git's words, a path of the server's and an exit code are for whoever runs the server, not the page
            # (a 409 showed git's whole command line to a drafter): kept in the server's log.
            logging.getLogger("regdraft.review").warning("%s", message)
            return self("git_failed")
        if isinstance(error, Worded) and self.has(f"refused_{error.case}"):
            # A refusal of the library the page words itself, provisions cited as this language cites them.
            return self(f"refused_{error.case}", **error.fields,
                        **{name: self._cited(address) for name, address in error.provisions.items()})
        return self("detail", message=message)

    def _cited(self, address: str) -> str:
        """A provision as this language cites it in a sentence (`điểm b khoản 2 Điều 5`), else as written."""
        from regdraft.core.address import Address

        try:
            return Address.parse(address).describe(self.language)
        except RegdraftError:  # a comment file edited by hand: its provision as it is written there
            return f"“{address}”"

    def failed(self, category: Category, error: RegdraftError | None = None, office: bool = True) -> str:
        """The title of the page that says a request failed (`error`, not to the `office`: as `said` words it)."""
        from regdraft.workspace.deleted_comments import CommentsDeleted
        from regdraft.workspace.unreadable_comments import CommentsUnreadable

        if isinstance(error, (CommentsDeleted, CommentsUnreadable)) and not office:
            return self("comments_in_order_title")
        return self(f"failed_{category.value}")


def worded(exc: Exception, root: Path) -> RegdraftError:
    """A request's failure as its page words it: a `RegdraftError` as it is; GitPython's own error (a locked or damaged
    repository the store let through) as git's failure (`GitFailed`: the page says nothing was changed), logged with
    its traceback for whoever runs the server, never shown; any other raised again."""
    from regdraft.workspace.store_writes import git_failure

    if isinstance(exc, RegdraftError):
        return exc
    failed = git_failure(exc, root)
    if failed is None:
        raise exc
    logging.getLogger("regdraft.review").error("git failed in %s", root, exc_info=exc)
    return failed


@cache
def _quotations() -> tuple[re.Pattern[str], ...]:
    # `Về đoạn “{words}”:` as a pattern: the words any but the quotation's own close (`”:`), so that a comment
    # that goes on after it and quotes again (`Về đoạn “A”: bỏ “B”:`) is not taken for one quotation.
    return tuple(re.compile(re.escape(_table()[language]["selected_words"]).replace(re.escape("{words}"),
                                                                                    "((?:(?!”:).)*)"), re.S)
                 for language in LANGUAGES)


def only_quoted(text: str) -> bool:
    """True when `text` is nothing but the quotation the page puts before a comment on words selected
    (`Về đoạn “…”:`, `On “…”:`, in either language), with nothing written after it."""
    said = " ".join(text.split())
    return any(pattern.fullmatch(said) for pattern in _quotations())


def quoted_selection(text: str) -> tuple[str, str]:
    """The words selected that the page quoted at the start of a comment (`Về đoạn “…”:`, `On “…”:`) and what was
    written after them; ("", `text`) when it does not open with that quotation. The words are the comment's
    `selection`, as a Word comment's range is: the report's column of them (`Đoạn được chọn`) was empty for every
    comment made in the browser, which kept them in its text."""
    for pattern in _quotations():
        found = pattern.match(text.lstrip())
        if found is not None:
            return " ".join(found.group(1).split()), text.lstrip()[found.end():].strip()
    return "", text


class Refused(RegdraftError):
    """A refusal the review server words itself, in the page's language; one of the words' entries (`key`, its
    `fields`) is worded again by `Words.said` in the language of the page that shows it."""

    def __init__(self, message: str, category: Category, key: str = "",
                 fields: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.category = category
        self.key = key
        self.fields: dict[str, object] = dict(fields or {})


def refuse(words: Words, category: Category, key: str, **fields: object) -> Refused:
    """The refusal `key` of the words, of `category` (`raise refuse(ui, Category.USAGE, "write_name")`)."""
    return Refused(words(key, **fields), category, key, fields)


"""Reading an instruction that inserts a dash item (gạch đầu dòng) or a plus item (ý) under one.

`insert_item(new, cite, how, context, language)` reads the new item as the instruction names it
(`gạch đầu dòng (thứ ba)`, `ý (thứ ba)`, `a dash item`, `a plus item`) and the place it goes
(`how`: "after" another item, or "append" to a unit or a dash item), and returns the insertion.
"""

from __future__ import annotations

import re

from regdraft.core.address import Address, dash_ordinal, dash_part, plus_ordinals, plus_part
from regdraft.core.amend.operations import InsertUnit
from regdraft.core.amend.provisions import GrammarError, provisions, read_ordinal
from regdraft.core.labels import ordinal_text
from regdraft.core.model import Kind
from regdraft.core.patterns import lazy

_NEW_ITEM = lazy(
    r"^(?:(?:các|một số|những)\s+)?(?:dấu\s+)?gạch\s+đầu\s+dòng(?:\s+(?P<vi>thứ\s+\S+))?$"
    r"|^(?:(?:a|an|the)\s+)?(?:new\s+)?(?:(?P<en>\w+)\s+)??(?:dash|indent)(?:\s+item)?s?$"
    r"|^(?:(?:các|một số|những)\s+)?(?P<vi_plus>ý|dấu\s+cộng)(?:\s+(?P<vi_plus_n>thứ\s+\S+))?$"
    r"|^(?:(?:a|an|the)\s+)?(?:new\s+)?(?:(?P<en_plus_n>\w+)\s+)??(?P<en_plus>plus\s+item|sub-?item|sub-?indent)s?$",
    re.I,
)


def insert_item(new: str, cite: str, how: str, context: Address | None, language: str) -> InsertUnit | None:
    """The insertion of a new dash or plus item, or None when `new` names no such item."""
    item = _NEW_ITEM.match(new.strip())
    if item is None:
        return None
    if item.group("vi_plus") or item.group("en_plus"):
        return _plus(item.group("vi_plus_n") or item.group("en_plus_n"), cite, how, context, language)
    return _dash(item.group("vi") or item.group("en"), cite, how, context, language)


def _new_and_place(ordinal: str | None, cite: str, context: Address | None,
                   language: str) -> tuple[int | None, Address]:
    """The ordinal the new item is given (None when not given), and the one provision it goes after or into."""
    places = provisions(cite, context, language)
    if len(places) != 1:
        raise GrammarError(f"'{cite}' names {len(places)} provisions where one is expected.")
    return (read_ordinal(ordinal, language) if ordinal else None), places[0].address


def _dash(ordinal: str | None, cite: str, how: str, context: Address | None, language: str) -> InsertUnit:
    """A new dash item after another (`vào sau gạch đầu dòng thứ nhất điểm a ...`) or at the end of a unit."""
    number, where = _new_and_place(ordinal, cite, context, language)
    after = dash_ordinal(where.part)
    if how == "after":
        if after is None:
            raise GrammarError(f"a dash item can only be inserted after another dash item, not after "
                               f"{where.describe(language)}.")
        if number is not None and number != after + 1:
            raise GrammarError(
                f"a dash item inserted after the {ordinal_text(after, 'en')} is the {ordinal_text(after + 1, 'en')} "
                f"({ordinal_text(after + 1, language)}), not the {ordinal_text(number, 'en')}.")
        return InsertUnit(where.unit.with_part(dash_part(after + 1)), after=where)
    if where.part or where.kind not in (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT):
        raise GrammarError(f"a dash item is added to an article, clause or point, not to {where.describe(language)}.")
    return InsertUnit(where.with_part(dash_part(number)), parent=where)


def _plus(ordinal: str | None, cite: str, how: str, context: Address | None, language: str) -> InsertUnit:
    """A new plus item (ý, `+ `) after another (`vào sau ý thứ nhất gạch đầu dòng thứ hai …`) or at the
    end of a dash item (`vào gạch đầu dòng thứ hai …`)."""
    number, where = _new_and_place(ordinal, cite, context, language)
    plus = plus_ordinals(where.part)
    if how == "after":
        if plus is None or plus[1] is None:
            raise GrammarError(f"a plus item (ý) can only be inserted after another plus item, not after "
                               f"{where.describe(language)}.")
        after = plus[1]
        if number is not None and number != after + 1:
            raise GrammarError(
                f"a plus item inserted after the {ordinal_text(after, 'en')} is the {ordinal_text(after + 1, 'en')} "
                f"({ordinal_text(after + 1, language)}), not the {ordinal_text(number, 'en')}.")
        return InsertUnit(where.unit.with_part(plus_part(plus[0], after + 1)), after=where)
    dash = dash_ordinal(where.part)
    if dash is None:
        raise GrammarError(f"a plus item (ý) is added to a dash item (gạch đầu dòng), not to "
                           f"{where.describe(language)}.")
    return InsertUnit(where.unit.with_part(plus_part(dash, number)), parent=where)

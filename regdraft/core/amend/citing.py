"""How amending instructions cite provisions: `điểm b khoản 2 Điều 9`, `các điểm a, b và c khoản 2`, `đoạn mở đầu,
khoản 1 và khoản 2 Điều 3`, `clauses 1 and 2 of Article 5` (`regdraft.core.amend.wording` writes the sentences).

Post-conditions:
1. `provisions.provisions(cite_list(addresses, language, context), context, language)` gives `addresses` again.
2. Citations run smallest unit first, relative to a group's provision when `context` is given; units of one clause
   or article are cited once with it.
"""

from __future__ import annotations

from collections.abc import Sequence

from regdraft.core.address import INTRO
from regdraft.core.address.designated import designated
from regdraft.core.counts import plural
from regdraft.core.model import Address, Kind, Segment, label_order, noun, part_label_text, part_name


def label_text(segment: Segment, language: str) -> str:
    """A unit's label as an instruction writes it: an English point `dd` for `đ`, a part in words."""
    if segment.kind is Kind.POINT and language == "en":
        return segment.label.replace("đ", "dd")
    if segment.kind is Kind.PART:
        return part_label_text(segment.label, language)
    return segment.label


def unit_word(segment: Segment, language: str) -> str:
    """A unit named by its noun and label: `khoản 2`, `point dd`; an English text's appendix by its own word inside
    `designating` (`Schedule 1`)."""
    if segment.kind is Kind.APPENDIX:
        return designated(segment.label, language)
    return f"{noun(segment.kind, language)} {label_text(segment, language)}"


def cite(address: Address, language: str, context: Address | None = None, *, of: bool = False) -> str:
    """A provision as instructions cite it: `điểm b khoản 2 Điều 9`, `clause 2 of Article 5`; alone, an English
    point `point b, clause 2, Article 9`, or with `of` (in a list, where commas part the provisions) `point b of
    clause 2 of Article 9`."""
    segments = address.segments
    if context is not None and address != context and context.contains(address):
        segments = segments[len(context.segments):]
    words = [unit_word(s, language) for s in reversed(segments)]
    if language != "en":
        whole = " ".join(words)
    elif len(words) == 2 or of:
        whole = " of ".join(words)
    else:
        whole = ", ".join(words)
    # A dash (plus) item is cited before its unit: `gạch đầu dòng thứ hai điểm a khoản 1 Điều 5`.
    return f"{part_name(address.part, address.kind, language)} {whole}" if address.part else whole


def cite_list(addresses: Sequence[Address], language: str, context: Address | None = None, *,
              titles: Sequence[Address] = (), of: bool = False) -> str:
    """Several provisions: `khoản 2 Điều 15 và khoản 1 Điều 32`, `A, B and C`; with `titles`, the
    titles of those headings among them, in document order (`tên Điều 3, điểm a khoản 7 Điều 3`).

    Units of one clause or article next to each other are cited once with it (`điểm a và điểm b khoản 1 Điều 5`,
    `points a and b of clause 1 of Article 5`), and so are a Vietnamese list's clauses and points of one article
    (`điểm a khoản 1, điểm b và điểm c khoản 2 Điều 28`, `điểm b khoản 1 và khoản 5 Điều 50`, as Luật 57/2024 cites
    `điểm a khoản 19 và khoản 20 Điều 1`); an English list cites every provision with `of`, so that its commas part
    only the provisions (`clauses 4 and 5 of Article 16 and clause 3 of Article 19`), and its articles next to each
    other together (`Articles 6 and 11`). With `of`, one provision is cited with `of` too, as a list among others
    (a commit subject's) needs."""
    en = language == "en"
    if not titles and (lead := _with_lead_in(addresses, language, context)) is not None:
        return lead
    title = "the title of " if en else "tên "
    ordered = sorted([*((t, True) for t in titles), *((a, False) for a in addresses)],
                     key=lambda item: _document_order(item[0])) if titles else [(a, False) for a in addresses]
    of = en and (of or len(ordered) > 1)
    items: list[str] = []
    k = 0
    while k < len(ordered):
        address, named_title = ordered[k]
        run = 1
        while (not named_title and k + run < len(ordered) and not ordered[k + run][1]
               and (_siblings(address, ordered[k + run][0]) or (en and _articles(address, ordered[k + run][0])))):
            run += 1
        kin = 1  # clauses and points of one article, cited once with it (Vietnamese)
        while (not en and not named_title and k + kin < len(ordered) and not ordered[k + kin][1]
               and _in_one_article(ordered[k + kin - 1][0], ordered[k + kin][0], context)):
            kin += 1
        if kin > run:
            items.append(_cite_in_article([a for a, _ in ordered[k:k + kin]], language, context))
            run = kin
        elif run > 1:
            items.append(_cite_siblings([a for a, _ in ordered[k:k + run]], language, context))
        else:
            cited = cite(address, language, context, of=of)
            items.append(f"{title}{cited}" if named_title else cited)
        k += run
    if len(items) == 1:
        return items[0]
    # The last provision joined by `và` (`and`) even where it holds a `và` itself, as Luật 57/2024 joins a list whose
    # provisions hold one (`…, điểm đ khoản 1 và điểm đ khoản 3 Điều 16, …, Điều 52 và số thứ tự 31`): `khoản 4
    # Điều 74 và khoản 3 và khoản 4 Điều 105`, never `khoản 4 Điều 74, khoản 3 và khoản 4 Điều 105`, which reads
    # unfinished.
    return ", ".join(items[:-1]) + (" and " if en else " và ") + items[-1]


def _with_lead_in(addresses: Sequence[Address], language: str, context: Address | None) -> str | None:
    """A lead-in repealed with units of its own article (clause) cited once with it, as a drafter writes them:
    `đoạn mở đầu, khoản 1 và khoản 2 Điều 3`, `đoạn mở đầu và điểm a khoản 2 Điều 2`, `the lead-in and clauses 1 and 2
    of Article 3` (`provisions` reads the lead-in as its holder's, named after it); None for any other list."""
    if len(addresses) < 2 or addresses[0].part != INTRO:
        return None
    holder, rest = addresses[0].unit, addresses[1:]
    if holder == context or any(a.part or a == holder or not holder.contains(a) for a in rest):
        return None
    cited, named = cite_list(rest, language, context), cite(holder, language, context, of=True)
    if not cited.endswith(" " + named) or cited.count(named) != 1:
        return None  # the holder is not cited once at its end (`clause 1 of Article 3 and point a of clause 2 …`)
    if language == "en":
        return f"the lead-in and {cited}"
    return f"{part_name(INTRO, holder.kind, language)}{', ' if ' và ' in cited else ' và '}{cited}"


def _siblings(a: Address, b: Address) -> bool:
    """Two units of one kind directly in the same clause or article (`điểm a` and `điểm b` of `khoản 2 Điều 28`)."""
    return (not a.part and not b.part and len(a.segments) == len(b.segments) >= 2
            and a.segments[:-1] == b.segments[:-1] and a.kind is b.kind)


def _articles(a: Address, b: Address) -> bool:
    """Two articles, which an English list cites together (`Articles 6 and 11`)."""
    return not a.part and not b.part and len(a.segments) == len(b.segments) == 1 and a.kind is b.kind is Kind.ARTICLE


def _in_one_article(a: Address, b: Address, context: Address | None) -> bool:
    """Two clauses or points of one article (`điểm đ khoản 1` and `điểm d khoản 3` of Điều 43, `điểm b khoản 1` and
    `khoản 5` of Điều 50), outside a group's provision."""
    return (not a.part and not b.part and a.kind in (Kind.CLAUSE, Kind.POINT) and b.kind in (Kind.CLAUSE, Kind.POINT)
            and 2 <= len(a.segments) <= 3 and 2 <= len(b.segments) <= 3
            and a.segments[0] == b.segments[0] and a.segments[0].kind is Kind.ARTICLE
            and not (context is not None and context.contains(a)))


def _cite_in_article(addresses: Sequence[Address], language: str, context: Address | None) -> str:
    """Clauses and points of one article cited once with it, as amending laws do: `điểm đ khoản 1 và điểm d khoản 3
    Điều 43`, `điểm a khoản 1, điểm b và điểm c khoản 2 Điều 28` (the points of one clause cited together, and a comma
    before the last where it holds a `và`), `điểm b khoản 1 và khoản 5 Điều 50`."""
    article = Address(addresses[0].segments[:1])
    cited: list[str] = []
    k = 0
    while k < len(addresses):
        run = 1
        while k + run < len(addresses) and _siblings(addresses[k], addresses[k + run]):
            run += 1
        group = addresses[k:k + run]
        cited.append(_cite_siblings(group, language, article) if run > 1 else cite(group[0], language, article))
        k += run
    joiner = ", " if " và " in cited[-1] else " và "
    return f"{', '.join(cited[:-1])}{joiner}{cited[-1]} {cite(article, language, context)}"


def _cite_siblings(addresses: Sequence[Address], language: str, context: Address | None) -> str:
    """Units of one clause or article cited once with it, as amending laws do: `điểm b và điểm c khoản 1 Điều 6`,
    `các điểm d, đ và e khoản 3` (Luật 57/2024); in English `points b and c of clause 1 of Article 6`, `points d,
    dd and e of clause 3`."""
    parent = Address(addresses[0].segments[:-1])
    holder = cite(parent, language, context, of=True) if parent.segments and parent != context else ""
    if language == "en":
        labels = [label_text(a.segments[-1], language) for a in addresses]
        named = f"{plural(noun(addresses[0].kind, language))} {', '.join(labels[:-1])} and {labels[-1]}"
        return f"{named} of {holder}" if holder else named
    noun_word = noun(addresses[0].kind, "vi")
    labels = [a.label for a in addresses]
    if len(labels) == 2:
        named = f"{noun_word} {labels[0]} và {noun_word} {labels[1]}"
    else:
        named = f"các {noun_word} {', '.join(labels[:-1])} và {labels[-1]}"
    return f"{named} {holder}".rstrip()


def _document_order(address: Address) -> tuple[tuple[int, str], ...]:
    """Where a provision stands (articles are numbered through the document); a heading's title
    comes before what it holds."""
    return tuple(label_order(s.kind, s.label) for s in address.segments)

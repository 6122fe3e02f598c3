"""The language of the review server's own words for one request: the one the member chose, else Vietnamese when
their browser prefers it, else the document's.

Committee members read Vietnamese first, and some read English better: the interface (navigation, buttons, labels,
notices, refusals, dates) is in either; the documents shown keep their own language, whatever the interface's.

Post-conditions:
1. `chosen(request)` is the language named by the address (`?lang=en`), else by the cookie `LANGUAGE_COOKIE` a choice
   left, else Vietnamese when the browser's `Accept-Language` prefers it of `LANGUAGES` (`preferred`), else None: the
   page then speaks the language of the document it shows (`Server.words`), so a Vietnamese workspace's pages are
   Vietnamese on a browser set up in English until its member chooses English. Any other value of either is no
   choice.
2. `preferred(header)` reads the header as RFC 9110 says: each range with its weight (`q`, 1 when not given, 0 for
   "not this one"; a weight that does not read ignores its range), a language weighing as its heaviest range (a range
   names it by its primary tag: `vi-VN` is `vi`; `*` names none), the heaviest of `vi` and `en` chosen, a tie going to
   the one named first; none weighing more than 0: None.
3. `remember(request, response)` sets the cookie when the address chose a language the cookie does not hold yet: for
   this server only (no domain, path `/`), `SameSite=Strict`, `HttpOnly` (no script reads it), for a year.
4. `switch_to(path, query, ui)` is the link every page offers to the other language: the page's own address with its
   choosing parameters and `lang`, the language's name in itself (`English`, `Tiếng Việt`), and its code.
5. `VARY` names the request headers a page's words depend on: every page the server words says so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from regdraft.web.words import LANGUAGES, Words

# The request headers a page's words depend on: every page the server words names them (`Vary`).
VARY = "Accept-Language, Cookie"
LANGUAGE_COOKIE = "regdraft_lang"
ASKED = "lang"  # the query parameter a link to the other language sets
YEAR = 365 * 24 * 3600
_WEIGHT = re.compile(r"^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$", re.I)


def _known(value: str | None) -> str | None:
    value = (value or "").strip().lower()
    return value if value in LANGUAGES else None


def chosen(request: Request) -> str | None:
    """The language the request's interface speaks, when anything chose one (post-condition 1)."""
    # A browser preferring English says little: Chrome on an English Windows sends `en-US` for a Vietnamese member,
    # who got English words around a Vietnamese draft until they chose Vietnamese (r37's order, decided in r40);
    # one preferring Vietnamese was set so by someone.
    return (_known(request.query_params.get(ASKED)) or _known(request.cookies.get(LANGUAGE_COOKIE))
            or ("vi" if preferred(request.headers.get("accept-language", "")) == "vi" else None))


def preferred(header: str) -> str | None:
    """The language of `LANGUAGES` an `Accept-Language` header prefers; None when it names none of them."""
    best: tuple[float, str] | None = None
    weights: dict[str, float] = {}
    for item in header[:1024].split(","):
        tag, *parameters = (part.strip() for part in item.split(";"))
        language = tag.split("-", 1)[0].lower()
        weight = 1.0
        for parameter in parameters:
            found = _WEIGHT.match(parameter.replace(" ", ""))
            if found is None and parameter.lower().startswith("q"):
                weight = -1.0  # a weight that does not read: the range is ignored
            elif found is not None:
                weight = float(found.group(1))
        if language in LANGUAGES and weight >= 0:  # `en-GB;q=0.2, en;q=0.8`: English at 0.8
            weights[language] = max(weights.get(language, 0.0), weight)
    for language, weight in weights.items():
        if weight > 0 and (best is None or weight > best[0]):
            best = (weight, language)
    return best[1] if best else None


def remember(request: Request, response: Response) -> None:
    """Set the language cookie when the address chose a language it does not hold (post-condition 3)."""
    asked = _known(request.query_params.get(ASKED))
    if asked is not None and _known(request.cookies.get(LANGUAGE_COOKIE)) != asked:
        response.set_cookie(LANGUAGE_COOKIE, asked, max_age=YEAR, httponly=True, samesite="strict")


# The parameters that choose what a page shows, kept in the link to the other language: the notices of a form just
# sent (`added`, `done`) are not said again there.
KEPT = ("round", "from", "to", "regulation")


def switch_to(path: str, query: Mapping[str, str | None], ui: Words) -> tuple[str, str, str]:
    """The link to this page in the other language: its address, the language's name in itself, its code."""
    other = "en" if ui.language == "vi" else "vi"
    kept = [(name, value) for name in KEPT if (value := query.get(name))]
    return f"{path}?{urlencode([*kept, (ASKED, other)])}", Words(other)(f"language_{other}"), other

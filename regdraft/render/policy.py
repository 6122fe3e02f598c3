"""The policy every HTML page regdraft writes carries, so that opening it runs nothing and fetches nothing.

A workspace template may write any HTML (a script, an image or a style sheet at a URL, a
redirection). The page regdraft writes opens with a Content-Security-Policy that allows only its
own inline styles and `data:` images and fonts, inserted after rendering, where no template can
drop it; a redirection (`<meta http-equiv="refresh">`, which no policy blocks) and links to other
resources (`<link>`: style sheets, prefetching) are made inert.

Post-conditions of `sealed(page)`:
1. The page starts with `<!DOCTYPE html>`, then `<html>` with only the `lang` and `dir` the
   template gave it, then `<head>`, whose first element is the policy's `<meta>` (then the
   charset, UTF-8): a browser reads nothing of the template's before it.
2. No `<meta>` but the policy's and one naming only a charset, a name and content (a
   description, a viewport) is left: every other `<meta` (an `http-equiv`, however written)
   becomes the inert element `<meta-refused`. Every `<link` becomes `<link-refused`.
3. Text and the rest of the markup are kept as they are.
"""

from __future__ import annotations

import re

from regdraft.core.patterns import lazy
from regdraft.core.text import escape_html

POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; "
          "form-action 'none'")
POLICY_META = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
# Chromium and Firefox also resolve the host names of a page's links ahead of a click unless told not to.
NO_PREFETCH = '<meta http-equiv="x-dns-prefetch-control" content="off">'

_SPACE = r"[\t\n\f\r ]"
_ATTRIBUTE = rf"""{_SPACE}+([^\t\n\f\r />"'=]+)(?:{_SPACE}*={_SPACE}*("[^"]*"|'[^']*'|[^\t\n\f\r "'=<>`]+))?"""
# What may open a page: a BOM, space and comments, a doctype, the `html` and `head` start tags.
_PROLOGUE = re.compile(
    rf"\ufeff?(?:{_SPACE}|<!--.*?-->)*(?:<!doctype[^>]*>)?(?:{_SPACE}|<!--.*?-->)*"
    rf"(?P<html><html(?P<attributes>(?:{_ATTRIBUTE})*){_SPACE}*>)?(?:{_SPACE}|<!--.*?-->)*"
    rf"(?:<head{_SPACE}*>{_SPACE}*)?", re.I | re.S | re.A)
_KEPT_ATTRIBUTE = re.compile(_ATTRIBUTE, re.A)
# A `<meta>` whose every attribute is one of these, each quoted, and which ends right after them.
_HARMLESS_META = lazy(
    rf"""<meta(?:{_SPACE}+(?:charset|name|content){_SPACE}*={_SPACE}*(?:"[^"]*"|'[^']*'))*{_SPACE}*/?>""",
    re.I | re.A)
# (matched where the prologue ends: `match(page, pos)` anchors there)
_OWN_CHARSET = re.compile(r"""\s*<meta\s+charset\s*=\s*["']?utf-8["']?\s*/?>[ \t]*\n?""", re.I | re.A)
# A start tag's name ends at space, `/` or `>` (HTML's tokenizer); any letter case.
_META_OR_LINK = re.compile(r"<(meta|link)(?=[\t\n\f\r />])", re.I | re.A)


def sealed(page: str) -> str:
    """The page with the policy first in its head and its redirections and links made inert (post-conditions)."""
    head, rest = sealed_head(page)
    return head + page[rest:]


def sealed_head(page: str) -> tuple[str, int]:
    """`sealed(page)` as the part that differs from the page and where the page's own text takes over: `sealed(page)`
    is `head + page[rest:]`. A writer puts `page[rest:]` from the page's own encoding, so a 1.6 M-character page is
    not copied twice more (a slice and the joined page) before it is written."""
    opening = _PROLOGUE.match(page)
    assert opening is not None  # every part of the prologue is optional
    language = ""
    if opening.group("html"):
        for name, value in _KEPT_ATTRIBUTE.findall(opening.group("attributes") or ""):
            if name.lower() in ("lang", "dir") and value:
                language += f' {name.lower()}="{escape_html(_unescaped(value.strip(chr(34) + chr(39))))}"'
    # The template's own `<meta charset>` opening its head is the one written here: once, not twice.
    own = _OWN_CHARSET.match(page, opening.end())
    last = own.end() if own is not None else opening.end()
    # The rest of the page is read in place and copied once (a 1,000-article redline is 1.6 M characters).
    out = [f'<!DOCTYPE html>\n<html{language}>\n<head>\n{POLICY_META}\n<meta charset="utf-8">\n{NO_PREFETCH}\n']
    for found in _META_OR_LINK.finditer(page, last):
        out += [page[last:found.start()], _inert(found)]
        last = found.end()
    return "".join(out), last


def _unescaped(text: str) -> str:
    """`html.unescape(text)`; `html` (and its table of entities) loaded only for a value that holds a reference."""
    if "&" not in text:
        return text  # what `html.unescape` returns for it
    import html

    return html.unescape(text)


def _inert(found: re.Match[str]) -> str:
    if found.group(1).lower() == "meta" and _HARMLESS_META.match(found.string, found.start()):
        return found.group()
    return f"<{found.group(1)}-refused"


def without_redirections(page: str) -> str:
    """A page of the review server (whose policy comes in its headers) with every `<meta>` that could redirect
    the browser made inert, as `sealed` does; its links to the server's own style sheet stay."""
    return re.sub(r"<meta(?=[\t\n\f\r />])", lambda m: _inert_meta(m, page), page, flags=re.I | re.A)


def _inert_meta(found: re.Match[str], page: str) -> str:
    return found.group() if _HARMLESS_META.match(page, found.start()) else "<meta-refused"

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

import functools
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
_PROLOGUE_SOURCE = (
    rf"\ufeff?(?:{_SPACE}|<!--.*?-->)*(?:<!doctype[^>]*>)?(?:{_SPACE}|<!--.*?-->)*"
    rf"(?P<html><html(?P<attributes>(?:{_ATTRIBUTE})*){_SPACE}*>)?(?:{_SPACE}|<!--.*?-->)*"
    rf"(?:<head{_SPACE}*>{_SPACE}*)?")
_PROLOGUE = re.compile(_PROLOGUE_SOURCE, re.I | re.S | re.A)
_KEPT_ATTRIBUTE = re.compile(_ATTRIBUTE, re.A)
# A `<meta>` whose every attribute is one of these, each quoted, and which ends right after them.
_HARMLESS_META_SOURCE = \
    rf"""<meta(?:{_SPACE}+(?:charset|name|content){_SPACE}*={_SPACE}*(?:"[^"]*"|'[^']*'))*{_SPACE}*/?>"""
_HARMLESS_META = lazy(_HARMLESS_META_SOURCE, re.I | re.A)
# (matched where the prologue ends: `match(page, pos)` anchors there)
_OWN_CHARSET_SOURCE = r"""\s*<meta\s+charset\s*=\s*["']?utf-8["']?\s*/?>[ \t]*\n?"""
_OWN_CHARSET = re.compile(_OWN_CHARSET_SOURCE, re.I | re.A)
# A start tag's name ends at space, `/` or `>` (HTML's tokenizer); any letter case.
_META_OR_LINK_SOURCE = r"<(meta|link)(?=[\t\n\f\r />])"
_META_OR_LINK = re.compile(_META_OR_LINK_SOURCE, re.I | re.A)


@functools.cache
def _for_bytes(source: str, flags: int) -> re.Pattern[bytes]:
    """A pattern of this module compiled for a page's UTF-8 bytes (`sealed_head_bytes`), on first use: its BOM as
    the BOM's three bytes, the rest as it is (ASCII)."""
    return re.compile(source.replace("\\ufeff?", "(?:\\xef\\xbb\\xbf)?").encode("ascii"), flags)


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


def sealed_head_bytes(data: bytes) -> tuple[bytes, int]:
    """`sealed_head` of a page given as its UTF-8 bytes, in bytes: `sealed(page).encode()` is
    `head + data[rest:]`. A page written in pieces (kept fragments as their bytes) is sealed without being decoded.

    The same patterns, compiled for bytes: each is ASCII (a BOM aside, written as its three bytes) and reads with
    `re.A`, so it matches the same characters case-insensitively in either; what a character class that excludes
    ASCII characters only (`[^>]`, `.`) takes of a character outside ASCII it takes of each of its bytes, and every
    such class is repeated (`*`, `+`) and followed by an ASCII character or the end: a match never starts or ends
    inside a character's bytes. So each match in the bytes is the bytes of the match in the text, and the head is
    the text's head encoded (`tests/test_page_seal_bytes.py` checks it on pages drawn by Hypothesis)."""
    opening = _for_bytes(_PROLOGUE_SOURCE, re.I | re.S | re.A).match(data)
    assert opening is not None  # every part of the prologue is optional
    language = ""
    if opening.group("html"):
        for name_bytes, value in _for_bytes(_ATTRIBUTE, re.A).findall(opening.group("attributes") or b""):
            name = name_bytes.decode("utf-8")  # (each match is whole characters: see above)
            if name.lower() in ("lang", "dir") and value:
                text = value.decode("utf-8")
                language += f' {name.lower()}="{escape_html(_unescaped(text.strip(chr(34) + chr(39))))}"'
    own = _for_bytes(_OWN_CHARSET_SOURCE, re.I | re.A).match(data, opening.end())
    last = own.end() if own is not None else opening.end()
    out = [f'<!DOCTYPE html>\n<html{language}>\n<head>\n{POLICY_META}\n<meta charset="utf-8">\n{NO_PREFETCH}\n'
           .encode()]
    for found in _for_bytes(_META_OR_LINK_SOURCE, re.I | re.A).finditer(data, last):
        out += [data[last:found.start()], _inert_bytes(found)]
        last = found.end()
    return b"".join(out), last


def _inert_bytes(found: re.Match[bytes]) -> bytes:
    """`_inert` in bytes."""
    harmless = _for_bytes(_HARMLESS_META_SOURCE, re.I | re.A)
    if found.group(1).lower() == b"meta" and harmless.match(found.string, found.start()):
        return found.group()
    return b"<" + found.group(1) + b"-refused"


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

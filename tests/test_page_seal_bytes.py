"""A page written in pieces is sealed on its UTF-8 bytes (`render.policy.sealed_head_bytes`): the same file as the
page sealed as text and encoded, whatever the page holds (thirty-eighth round: a warm compare's kept articles go
into the file as the bytes their cache entry holds)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from regdraft.render.output import write_page
from regdraft.render.policy import sealed, sealed_head_bytes

# Pieces that reach every branch of the seal: the prologue's comments (closed or not), doctype, `html` with its
# attributes quoted or not (a language with an entity, a name outside ASCII), `head`, the template's own charset,
# harmless and refused `meta`s (quotes left open), links, in any letter case; text outside ASCII (two, three and
# four bytes) and a BOM.
_PIECES = ["<!--", "-->", "<!-- c -->", "<!doctype html>", "<!DOCTYPE", "<html", "<HTML", " lang=vi", " lang='en'",
           ' lang="v&amp;i"', " dir=rtl", " lạng=vi", " LANG=x", ">", "<head>", "<HEAD >", "<meta charset=utf-8>",
           '<meta charset="UTF-8" />', "<meta", "<META", " name=", ' name="a"', " content='b'", ' content="', "'",
           '"', "<link", "<LINK", " rel=x", "/>", "<metadata>", "<linked>", "<p>", "Điều", "đ", "\u1ec7", "😀",
           "\ufeff", " ", "\n", "\t", "\x0c", "a", "=", "&amp;", "<", "-"]

pages = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=1500, deadline=None)
@given(pages)
def test_the_bytes_seal_is_the_text_seal_encoded(page: str) -> None:
    data = page.encode("utf-8")
    head, rest = sealed_head_bytes(data)
    assert head + data[rest:] == sealed(page).encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(pages, st.booleans()), max_size=12))
def test_a_page_in_pieces_is_written_as_the_page_joined(tmp_path_factory: object, parts: list[tuple[str, bool]]
                                                        ) -> None:
    """Pieces as text or as their UTF-8 bytes, as a warm page's kept articles are: the file is the joined page's."""
    folder: Path = tmp_path_factory.mktemp("pages")  # type: ignore[attr-defined]
    pieces: list[str | bytes] = [text.encode("utf-8") if as_bytes else text for text, as_bytes in parts]
    write_page(pieces, folder / "p.html", pdf=False)
    assert (folder / "p.html").read_bytes() == sealed("".join(text for text, _ in parts)).encode("utf-8")

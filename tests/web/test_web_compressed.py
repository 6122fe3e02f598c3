"""The review server's pages gzipped for a browser that asks: the redline of a long law (Luật 57/2024 on Luật Đấu thầu
22/2023) was 1.07 MB of HTML sent as it is, 3.3 s before a member on a 4 Mbit/s line could comment (sweep r36/BM, 5)."""

from __future__ import annotations

from regdraft.workspace.store import Workspace
from tests.web.conftest import SLUG, client, sent


def test_a_page_is_gzipped_for_a_browser_that_asks_with_its_headers_kept(review_ws: Workspace) -> None:
    c = client(review_ws)  # asks for gzip, as a browser does
    url = f"/a/{SLUG}/redline"
    packed = c.get(url)
    assert packed.headers["content-encoding"] == "gzip" and "accept-encoding" in packed.headers["vary"].lower()
    assert packed.num_bytes_downloaded * 4 < len(packed.content)
    plain = c.get(url, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.num_bytes_downloaded == len(plain.content)
    assert plain.text == packed.text and packed.text.count('id="comment-form"') == 1
    # The policy and the other protections are still on it.
    for page in (packed, plain):
        assert page.headers["content-security-policy"].startswith("default-src 'none'; script-src 'self'")
        assert page.headers["x-content-type-options"] == "nosniff"
    # A form sent is recorded as before, and the script comes gzipped too.
    cid = sent(c)
    assert cid in c.get(f"/a/{SLUG}/comments").text
    assert c.get("/static/review.js").headers["content-encoding"] == "gzip"

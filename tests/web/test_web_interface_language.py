"""A member chooses the language of the review server's own words; the documents keep theirs (`web.languages`).

The pages of a Vietnamese amendment were all Vietnamese, of an English one all English: a committee member who reads
English better had no way to the English interface of the Vietnamese draft.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from regdraft.web.languages import preferred
from regdraft.workspace.rounds import add_comment, respond_comment
from regdraft.workspace.store import Workspace
from tests.web.conftest import (
    BODIES,
    EN_BODIES,
    EN_SLUG,
    SLUG,
    client,
    comment_form,
    english_workspace,
    token,
)
from tests.web.test_web_language import every_page_in, interface, lang, other_language

REDLINE = f"/a/{SLUG}/redline"


def _main(page: str) -> str:
    """The document of a page (its `<main>`), the interface's marks in it left out: the badges and ✎ buttons."""
    main = page[page.index("<main"):page.index("</main>")]
    main = re.sub(r'<a class="badge[^"]*"[^>]*>[^<]*</a> ', "", main)
    return re.sub(r'<span class="part-picks">.*?</span>', "", main)


def _choosing(ws: Workspace, language: str) -> TestClient:
    """A browser whose member chose `language` by the link of a page (`?lang=`), remembered for the next ones."""
    c = client(ws)
    assert c.get(f"/?lang={language}").status_code == 200
    return c


def _theirs(ws: Workspace, slug: str) -> tuple[str, ...]:
    """The document's own words its pages quote in their sentences: its title and name, its profile's dispositions."""
    from regdraft.core.comments import Disposition
    from regdraft.web.pages import document_named, language
    from regdraft.workspace.amendments import load
    from regdraft.workspace.profiles import profile_for

    words = profile_for(ws).words(language(ws, slug))
    return (str(load(ws, slug).meta["title"]), document_named(ws, slug),
            *sorted((d.label(words) for d in Disposition), key=len, reverse=True))


def test_a_member_reads_a_vietnamese_amendment_with_english_words_around_it(review_ws: Workspace) -> None:
    seen = every_page_in("en", review_ws, SLUG, BODIES, "d5.k2",
                         ("Đề nghị rà soát toàn bộ dự thảo.", "Đề nghị làm rõ.", "Sửa lại một phần."),
                         _choosing(review_ws, "en"), _theirs(review_ws, SLUG))
    for words in ("Comment on draft 2", "Body", "Your name", "Send comment", "Propose a wording", "Disposition"):
        assert words in seen["redline"] or words in seen["comments"], words
    # Refusals too, a form's (POST) and the one made before the application reads the body (413).
    assert "is not among the bodies consulted in round 1" in seen["body not consulted"]
    assert "The form has expired" in seen["expired form"] and "nothing was recorded" in seen["too large"]
    assert "Draft 2 has no clause 1, Article 99" in seen["no provision"] and "read-only" in seen["closed round"]


def test_an_english_amendment_is_read_with_vietnamese_words_when_the_browser_prefers_them(tmp_path: Path) -> None:
    ws = english_workspace(tmp_path / "en")
    c = client(ws)
    c.headers["accept-language"] = "fr-FR, vi-VN;q=0.9, en;q=0.8"
    seen = every_page_in("vi", ws, EN_SLUG, EN_BODIES, "d1.k1",
                         ("Please review the whole draft.", "Please clarify.", "Partly taken."), c,
                         _theirs(ws, EN_SLUG))
    assert "Gửi góp ý" in seen["redline"] and "Biểu mẫu đã hết hạn" in seen["expired form"]


def test_the_document_keeps_its_own_language_and_says_so(review_ws: Workspace) -> None:
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Góp ý.")
    respond_comment(review_ws, comment.id, "rejected", "Giữ như dự thảo.", SLUG)
    vi, en = client(review_ws), _choosing(review_ws, "en")
    for url in (REDLINE, f"/a/{SLUG}/report"):
        ours, theirs = vi.get(url).text, en.get(url).text
        assert lang(ours) == "vi" and '<main>' in ours          # one language: said once
        assert lang(theirs) == "en" and '<main lang="vi">' in theirs
        assert _main(theirs).replace('<main lang="vi">', "<main>") == _main(ours), url
    # The interface's marks inside the document say theirs.
    redline = en.get(REDLINE).text
    assert re.search(r'<a class="badge [^"]*"(?: aria-label="[^"]*")? href="[^"]*" lang="en">1 comment · answered</a>',
                     redline)
    assert re.search(r'<button type="button" class="part-pick" data-pick="d7.title" title="Comment on the title of '
                     r'Article 7" aria-label="[^"]*" lang="en">', redline)
    # The provisions are named in the member's words; the profile's dispositions stay the report's.
    assert '<option value="d5.k2.intro">The lead-in of clause 2, Article 5</option>' in redline
    comments = en.get(f"/a/{SLUG}/comments").text
    assert '<p class="answer" lang="vi"><strong>Không tiếp thu</strong>: Giữ như dự thảo.' in comments
    assert '<option value="rejected" lang="vi" selected>Không tiếp thu</option>' in comments
    assert 'lang="vi">Khoản 2 Điều 5</h2>' in comments
    # Refused, a drafter is asked for a disposition in the words the form offers.
    refused = en.post(f"/a/{SLUG}/comments/{comment.id}/respond", data={"csrf": token(en, f"/a/{SLUG}/comments"),
                                                                         "disposition": ""})
    assert "Choose a disposition: Tiếp thu, Tiếp thu một phần" in refused.text


def test_the_choice_is_kept_in_a_cookie_of_this_server_and_a_browser_preferring_vietnamese_comes_next(
        review_ws: Workspace) -> None:
    c = client(review_ws)
    chosen = c.get(f"{REDLINE}?lang=en")
    assert lang(chosen.text) == "en"
    cookie = next(v for k, v in chosen.headers.multi_items() if k == "set-cookie" and v.startswith("regdraft_lang="))
    assert cookie.startswith("regdraft_lang=en;") and "SameSite=strict" in cookie and "HttpOnly" in cookie
    assert "Path=/" in cookie and "Domain" not in cookie and "Max-Age=31536000" in cookie
    # The next pages, without asking again, and whatever the browser prefers; a form's token still works.
    assert lang(c.get(f"/a/{SLUG}/comments", headers={"accept-language": "vi"}).text) == "en"
    assert "regdraft_lang" not in c.get(REDLINE).headers.get("set-cookie", "")
    sent = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c)))
    assert sent.status_code == 303
    assert "was recorded" in c.get(sent.headers["location"]).text
    # Chosen back; a value that is no language chooses nothing.
    assert lang(c.get(f"{REDLINE}?lang=vi").text) == "vi" and lang(c.get(REDLINE).text) == "vi"
    assert lang(c.get(f"{REDLINE}?lang=fr").text) == "vi"
    # No choice: Vietnamese when the browser prefers it, else the amendment's language (Vietnamese here).
    fresh = client(review_ws)
    for header, expected in (("en-US,en;q=0.9", "vi"), ("vi-VN,vi;q=0.9,en;q=0.8", "vi"), ("en;q=0.4, vi;q=0.6", "vi"),
                             ("fr, *", "vi"), ("", "vi")):
        assert lang(fresh.get(REDLINE, headers={"accept-language": header}).text) == expected, header
    remembered = client(review_ws)
    remembered.cookies.set("regdraft_lang", "en")
    assert lang(remembered.get(REDLINE, headers={"accept-language": "vi"}).text) == "en"


@pytest.mark.parametrize(("header", "expected"), [
    ("en-US,en;q=0.9", "en"), ("vi-VN,vi;q=0.9,en-US;q=0.8", "vi"), ("en;q=0.5, vi;q=0.7", "vi"),
    ("vi;q=0.5, en;q=0.5", "vi"), ("en;q=0.5, vi;q=0.5", "en"), ("en;q=0, vi;q=0.1", "vi"), ("vi;q=0", None),
    ("en-GB;q=0.2, vi;q=0.5, en;q=0.8", "en"), ("en;q=1.5, vi;q=0.3", "vi"), ("en;q=x, vi;q=0.1", "vi"),
    ("fr, de;q=0.9", None), ("*", None), ("", None), ("VI", "vi"), ("en ; q=0.3, vi;q=0.2", "en"),
])
def test_accept_language_is_read_with_its_weights(header: str, expected: str | None) -> None:
    assert preferred(header) == expected


def test_a_page_kept_in_one_language_is_not_handed_out_in_the_other(review_ws: Workspace) -> None:
    c = client(review_ws)
    for url in (REDLINE, f"/a/{SLUG}/comments", f"/a/{SLUG}/report"):
        for language, said in (("vi", "vi"), ("en", "en"), ("vi", "vi")):
            c.cookies.set("regdraft_lang", language)  # as the link to the other language leaves it
            page = c.get(url)
            assert lang(page.text) == said, (url, language)
            text = page.text
            for words in _theirs(review_ws, SLUG):
                text = text.replace(words, " ")
            assert other_language(interface(text, review_ws), said) == [], (url, language)  # its heading, its names
            assert page.headers["vary"].startswith("Accept-Language, Cookie"), url
    # Both kept: asked again, each is the same page as before.
    c.cookies.set("regdraft_lang", "vi")
    vi = c.get(REDLINE).text
    assert c.get(REDLINE).text == vi


def test_every_page_links_to_itself_in_the_other_language(review_ws: Workspace) -> None:
    c = client(review_ws)
    for url, href in ((f"{REDLINE}?round=1", f"{REDLINE}?round=1&amp;lang=en"), ("/", "/?lang=en"),
                      (f"/a/{SLUG}/comments?round=1&done=ab12", f"/a/{SLUG}/comments?round=1&amp;lang=en"),
                      ("/no/such/page", "/no/such/page?lang=en")):
        page = c.get(url).text
        assert f'<a class="language" href="{href}" hreflang="en" lang="en">English</a>' in page, url
    # A form's refusal links to the form's page; so does the refusal of a request too large.
    refused = c.post(f"/a/{SLUG}/comments", data=comment_form(token(c), name=" "))
    assert f'<a class="language" href="{REDLINE}?lang=en" hreflang="en" lang="en">English</a>' in refused.text
    csrf = token(c)
    c.cookies.set("regdraft_lang", "en")
    too_large = c.post(f"/a/{SLUG}/comments", data=comment_form(csrf, text="x" * 2_000_000))
    assert too_large.status_code == 413 and lang(too_large.text) == "en"
    assert f'<a class="language" href="{REDLINE}?lang=vi" hreflang="vi" lang="vi">Tiếng Việt</a>' in too_large.text
    assert too_large.headers["vary"] == "Accept-Language, Cookie"
    assert other_language(interface(too_large.text, review_ws), "en") == []


def test_the_versions_compared_are_named_in_the_documents_words_whatever_the_interfaces(review_ws: Workspace) -> None:
    # The redline's opening and last lines name the versions compared: a member's by their rounds, the office's by
    # their commits; those lines are the document's, the heading above it the interface's.
    from regdraft.workspace.rounds import close_round, load_rounds, open_round
    from tests.web.conftest import edit_draft
    from tests.web.test_web_member_rounds import _people

    first = review_ws.resolve(load_rounds(review_ws, SLUG)[0].revision).sha
    edit_draft(review_ws, "“c) Thảo luận, cho ý kiến về", "“c) SỬA-Ở-VÒNG-2 Thảo luận, cho ý kiến về")
    edit_draft(review_ws, "\ndraft: 2\n", "\ndraft: 3\n")
    close_round(review_ws, SLUG, 1)
    second = review_ws.resolve(open_round(review_ws, SLUG, "Vòng 2", "2025-04-15", BODIES).revision).sha
    for who in _people(review_ws):
        for address in (f"{REDLINE}?from={first}&to={second}", f"{REDLINE}?round=1"):
            ours = who.get(f"{address}&lang=vi").text
            theirs = who.get(f"{address}&lang=en").text
            assert "gửi lấy ý kiến vòng" in _main(ours) or "phiên bản" in _main(ours)
            assert _main(theirs).replace('<main lang="vi">', "<main>") == _main(ours), address
            heading = re.search(r'<p class="review-heading">(.*?)</p>', theirs, re.S)
            assert heading, address
            assert other_language(heading.group(1), "en") == [], heading.group(1)


def test_a_refusal_worded_before_the_page_knew_its_language_is_said_in_the_pages() -> None:
    # A write that waited too long for a sync is refused by the server with the workspace's words, before any page.
    from regdraft.web.kept import Busy
    from regdraft.web.words import Words, refuse

    busy = Busy(Words.of("vi"), "busy_crowded", 5, seconds=5)
    assert Words.of("en").said(busy) == Words.of("en")("busy_crowded", seconds=5)
    assert "5" in Words.of("vi").said(busy) and busy.retry == 5
    from regdraft.core.errors import Category

    assert Words.of("en").said(refuse(Words.of("vi"), Category.USAGE, "write_name")) == Words.of("en")("write_name")


def test_a_download_in_the_documents_words_is_built_once_for_both_languages(review_ws: Workspace,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.web.conftest import count_report_builds

    built = count_report_builds(monkeypatch)
    c = client(review_ws)
    english, vietnamese = (c.get(f"/a/{SLUG}/report.csv?lang={language}") for language in ("en", "vi"))
    assert english.status_code == vietnamese.status_code == 200 and english.content == vietnamese.content
    assert len(built) == 1


@pytest.mark.parametrize("header", ["en-US,en;q=0.9", "en-GB", "en;q=0.8, vi;q=0.2", "en, fr;q=0.5"])
def test_a_vietnamese_member_on_a_browser_set_up_in_english_reads_vietnamese_pages_until_they_choose_english(
        review_ws: Workspace, header: str) -> None:
    # Chrome on an English Windows sends `en-US`: a committee member got the English interface around the Vietnamese
    # draft (the carried r37 decision, settled in r40: a Vietnamese workspace speaks Vietnamese unless chosen).
    c = client(review_ws)
    c.headers["accept-language"] = header
    for url in ("/", REDLINE, f"/a/{SLUG}/comments", f"/a/{SLUG}/report", "/no/such/page"):
        assert lang(c.get(url).text) == "vi", url
    assert "Gửi góp ý" in c.get(REDLINE).text
    assert lang(c.get(f"{REDLINE}?lang=en").text) == "en"  # chosen: English, and remembered
    assert lang(c.get(f"/a/{SLUG}/comments").text) == "en" and lang(c.get("/").text) == "en"


def test_an_english_workspace_speaks_english_but_to_a_browser_preferring_vietnamese(tmp_path: Path) -> None:
    ws = english_workspace(tmp_path / "en")
    c = client(ws)
    for header, said in (("en-US,en;q=0.9", "en"), ("", "en"), ("fr", "en"), ("vi-VN,vi;q=0.9", "vi")):
        assert lang(c.get(f"/a/{EN_SLUG}/redline", headers={"accept-language": header}).text) == said, header

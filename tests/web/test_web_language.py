"""The review server speaks the language of the amendment it shows: every page, message and refusal.

Each page is fetched as a browser would fetch it; its interface (the page outside the document:
the navigation, headings, forms, notices, labels, placeholders and aria labels) is scanned for the
other language's interface words, taken from both the server's own table (`words.yaml`) and a
list of the English phrases the Vietnamese pages used to show.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from starlette.testclient import TestClient

from regdraft.core.comments import Disposition
from regdraft.workspace.api import list_regulations
from regdraft.workspace.profiles import profile_for
from regdraft.workspace.rounds import add_comment, close_round, open_round, respond_comment
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import REPO_ROOT
from tests.web.conftest import BODIES, EN_BODIES, EN_SLUG, SLUG, client, comment_form, english_workspace, token

WORDS = Path(__file__).resolve().parents[2] / "regdraft" / "web" / "words.yaml"

# What the Vietnamese pages showed in English before they spoke Vietnamese (besides words.yaml's `en`).
ENGLISH = ("Comment on draft", "Select words in a provision", "round 1 (draft 2)", "compare drafts at", "Body",
           "on the whole draft", "was recorded", "Send comment", "Your name", "Provision", "Propose a wording",
           "Draft review", "Regulations", "Amendments", "Comment rounds", "awaiting an answer", "replied",
           "redline", "comments", "report", "local drafter", "Back to the start page", "Cannot show this",
           "The form has expired", "An access link is needed", "Disposition", "Reply", "Record the answer",
           "Accept the proposal", "Proposed wording", "download as", "read-only", "(choose)", "circulated in round",
           "is not among the bodies consulted", "Choose a disposition", "larger than", "nothing was recorded")


@functools.cache
def _fragments(language: str) -> frozenset[str]:
    """The words of a language's table, split at their fields: what its pages say in their own words (read once:
    every page of a test is scanned with them)."""
    table = yaml.safe_load(WORDS.read_text(encoding="utf-8"))[language]
    out = set()
    for entry in table.values():
        for piece in re.split(r"\{[^}]*\}", str(entry)):
            piece = piece.strip(" .,:;()–·“”'\"")
            if len(piece) >= 4 and not piece.isdigit():
                out.add(piece)
    return frozenset(out)


def interface(page: str, ws: Workspace) -> str:
    """The text of a page outside its document: what the server itself says, attribute words included."""
    if '<div class="review-bar">' in page:  # a document page: the bar above it and the panel beside it
        bar = page[page.index('<div class="review-bar">'):]
        bar = bar[:bar.index("</div>")]
        panel = page[page.index("<aside"):page.index("</aside>")] if "<aside" in page else ""
        page = bar + panel
    elif "<body" in page:
        page = page[page.index("<body"):]
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    # What says its own language is no word of the page's: the link to the other language, a document's words.
    page = re.sub(r'<(\w+)\b[^>]*\slang="[a-z]+"[^>]*>.*?</\1>', " ", page, flags=re.S)
    said = re.findall(r'(?:placeholder|aria-label|title|data-selected-[a-z]+)="([^"]*)"', page)
    text = html.unescape(" ".join([re.sub(r"<[^>]+>", " ", page), *said]))
    for regulation in list_regulations(ws):  # titles are the documents' own words, whatever their language
        text = text.replace(regulation.title, " ")
    return " ".join(text.split())


def other_language(text: str, language: str) -> list[str]:
    """The other language's interface words found in `text`."""
    if language == "vi":
        phrases = set(ENGLISH) | _fragments("en")
    else:
        phrases = set(_fragments("vi"))
    # Only a phrase the text holds is looked for as whole words.
    return sorted(p for p in phrases if p in text and re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text))


def lang(page: str) -> str:
    """The page's `<html lang>`; `text` for the plain-text answer to a request too large to read."""
    if not page.startswith("<!DOCTYPE"):
        return "text"
    found = re.search(r'<html lang="([a-z]+)">', page)
    assert found, page[:200]
    return found.group(1)


def _pages(ws: Workspace, slug: str, bodies: tuple[str, ...], on: str,
           typed: tuple[str, str, str], c: TestClient | None = None) -> Iterator[tuple[str, int, str]]:
    """(what, status, page) for every kind of page of one amendment: pages, messages, refusals, a closed round, as the
    browser `c` asks them (a new one by default).

    `typed` is what the people write, in the amendment's language: two comments and a reply.
    """
    c = c or client(ws)
    general = add_comment(ws, slug, bodies[1], "general", typed[0])
    answered = add_comment(ws, slug, bodies[0], on, typed[1], proposal="")
    respond_comment(ws, answered.id, "partly", typed[2], slug)
    for what, url in (("home", "/"), ("redline", f"/a/{slug}/redline"),
                      ("added", f"/a/{slug}/redline?added={general.id}"),
                      ("comments", f"/a/{slug}/comments?done={answered.id}"), ("report", f"/a/{slug}/report"),
                      ("round x", f"/a/{slug}/redline?round=x"), ("round 7", f"/a/{slug}/redline?round=7"),
                      ("revision", f"/a/{slug}/redline?from=a..b"), ("format", f"/a/{slug}/report.exe"),
                      ("comment id", f"/a/{slug}/comments/zz/respond"), ("no amendment", "/a/no-such-thing/redline"),
                      ("no page", "/no/such/page")):
        page = c.get(url)
        yield what, page.status_code, page.text
    csrf = token(c, f"/a/{slug}/redline")
    for what, data in (("body not consulted", {"body": "Sở Tài chính"}), ("no name", {"name": " "}),
                       ("no text", {"text": " "}), ("no round", {"round": ""}), ("no provision", {"on": "d99.k1"})):
        fields = {"body": bodies[0], "text": typed[1], "on": on, **data}
        page = c.post(f"/a/{slug}/comments", data=comment_form(csrf, **fields))
        yield what, page.status_code, page.text
    page = c.post(f"/a/{slug}/comments/{answered.id}/respond", data={"csrf": csrf, "disposition": ""})
    yield "no disposition", page.status_code, page.text
    page = c.post(f"/a/{slug}/comments", data=comment_form("stale", on=on, body=bodies[0], text=typed[1]))
    yield "expired form", page.status_code, page.text
    # Past the bound the form's own limits give (`guard.worst_body`), refused before the body is read.
    page = c.post(f"/a/{slug}/comments", data=comment_form(csrf, body=bodies[0], text="x" * 2_000_000))
    yield "too large", page.status_code, page.text
    close_round(ws, slug)
    for what, url in (("closed redline", f"/a/{slug}/redline"), ("closed comments", f"/a/{slug}/comments")):
        page = c.get(url)
        yield what, page.status_code, page.text
    page = c.post(f"/a/{slug}/comments", data=comment_form(csrf, on=on, body=bodies[0], text=typed[1]))
    yield "closed round", page.status_code, page.text


@pytest.fixture
def english_ws(tmp_path: Path) -> Workspace:
    """A workspace of the English regulation and an English amendment of it, with round 1 open."""
    return english_workspace(tmp_path / "en")


def every_page_in(language: str, ws: Workspace, slug: str, bodies: tuple[str, ...], on: str,
                  typed: tuple[str, str, str], c: TestClient | None = None,
                  theirs: tuple[str, ...] = ()) -> dict[str, str]:
    """Every page of the amendment (as the browser `c` asks them), checked to speak `language` alone: their interface
    texts by page. `theirs`: the document's own words the interface quotes (its name, its profile's dispositions)."""
    seen = {}
    for what, status, page in _pages(ws, slug, bodies, on, typed, c):
        assert lang(page) in (language, "text"), what
        for words in theirs:
            page = page.replace(words, " ")
        seen[what] = interface(page, ws)
        assert other_language(seen[what], language) == [], (what, status, seen[what])
    return seen


def test_the_vietnamese_workspace_is_reviewed_in_vietnamese(review_ws: Workspace) -> None:
    seen = every_page_in("vi", review_ws, SLUG, BODIES, "d5.k2",
                          ("Đề nghị rà soát toàn bộ dự thảo.", "Đề nghị làm rõ.", "Sửa lại một phần."))
    assert "Lấy ý kiến dự thảo văn bản" in seen["home"] and "hạn góp ý 15/3/2025" in seen["home"]
    for words in ("Góp ý Dự thảo lần 2", "Vòng lấy ý kiến 1", "Cơ quan, đơn vị góp ý", "Họ và tên người góp ý",
                  "Đề xuất sửa thành", "Gửi góp ý", "1 ý kiến · góp ý chung về toàn bộ dự thảo",
                  "Đã chọn: “{phrase}” tại {provision}"):
        assert words in seen["redline"], words
    assert "Đã lưu góp ý" in seen["added"]
    assert "Kết quả tiếp thu" in seen["comments"] and "Đã lưu kết quả tiếp thu, giải trình" in seen["comments"]
    assert "tải về" in seen["report"]
    assert "Yêu cầu không hợp lệ" in seen["round x"] and "không có vòng lấy ý kiến 7" in seen["round 7"]
    assert "không có trong danh sách cơ quan, đơn vị được lấy ý kiến" in seen["body not consulted"]
    assert "Biểu mẫu đã hết hạn" in seen["expired form"] and "chưa có gì được lưu" in seen["too large"]
    assert "chỉ để xem" in seen["closed round"] and "Không có dự thảo “no-such-thing”" in seen["no amendment"]
    assert "Dự thảo lần 2 không có khoản 1 Điều 99" in seen["no provision"]
    assert "Không có trang nào ở địa chỉ này" in seen["no page"]


def test_an_english_amendment_is_reviewed_in_english(english_ws: Workspace) -> None:
    seen = every_page_in("en", english_ws, EN_SLUG, EN_BODIES, "d1.k1",
                          ("Please review the whole draft.", "Please clarify.", "Partly taken."))
    assert "Round 1 (open, due 15 March 2025): draft 1, 2 of 3 bodies replied, 2 comments, 1 awaiting an answer" \
        in seen["home"]
    for words in ("Comment on draft 1", "Body", "Your name", "Send comment", "1 comment · general on the whole draft",
                  "Selected: “{phrase}” in {provision}"):
        assert words in seen["redline"], words
    assert "Comment" in seen["added"] and "was recorded" in seen["added"]
    assert "Disposition" in seen["comments"] and "Partly accepted" in seen["comments"]
    # The scan finds the other language where there is some: these pages would fail the Vietnamese check.
    assert {"Send comment", "Your name", "Body"} <= set(other_language(seen["redline"], "vi"))
    assert "is not among the bodies consulted in round 1" in seen["body not consulted"]
    assert "The form has expired" in seen["expired form"] and "nothing was recorded" in seen["too large"]
    assert "Draft 1 has no clause 1, Article 99" in seen["no provision"]


def test_the_page_and_the_printed_report_name_dispositions_alike(review_ws: Workspace) -> None:
    """The answer form offers the profile's dispositions (Tiếp thu …), the words the report prints."""
    comment = add_comment(review_ws, SLUG, BODIES[0], "d5.k2", "Góp ý.")
    respond_comment(review_ws, comment.id, "rejected", "Giữ như dự thảo.", SLUG)
    c = client(review_ws)
    words = profile_for(review_ws).words("vi")
    page = c.get(f"/a/{SLUG}/comments").text
    options = re.findall(r'<option value="(\w+)"[^>]*>([^<]*)</option>', page)
    assert options == [(d.value, d.label(words)) for d in Disposition]
    assert "<strong>Không tiếp thu</strong>: Giữ như dự thảo." in page
    assert "Không tiếp thu" in c.get(f"/a/{SLUG}/report").text


def test_without_a_link_the_page_speaks_the_workspace_language(review_ws: Workspace, english_ws: Workspace) -> None:
    for ws, language, title in ((review_ws, "vi", "Cần đường dẫn truy cập"),
                                (english_ws, "en", "An access link is needed")):
        page = client(ws, links=True).get("/", headers={"host": "review.office.local"})
        assert page.status_code == 401 and lang(page.text) == language and title in page.text
        assert other_language(interface(page.text, ws), language) == []


def test_every_language_has_every_word() -> None:
    table = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    assert set(table) == {"vi", "en"} and set(table["vi"]) == set(table["en"])


def test_every_refusal_the_library_lets_a_page_word_has_its_words_in_both_languages() -> None:
    # `Worded` refusals (accepting a proposal: changed since the comment, no longer in the draft, ...) reach the
    # browser in the page's words only when words.yaml has `refused_<case>` with the fields the library gives.
    import ast

    table = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    cases: dict[str, set[str]] = {}
    for path in sorted((REPO_ROOT / "regdraft").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Worded":
                written = node.args[1]
                assert isinstance(written, ast.Constant), f"{path}: a Worded case must be written out"
                given = {k.arg for k in node.keywords if k.arg and k.arg != "provisions"}
                for k in node.keywords:
                    if k.arg == "provisions" and isinstance(k.value, ast.Dict):
                        given |= {str(key.value) for key in k.value.keys if isinstance(key, ast.Constant)}
                cases[str(written.value)] = given
    assert len(cases) >= 9
    for case, given in cases.items():
        for language in ("vi", "en"):
            entry = table[language].get(f"refused_{case}")
            assert entry, f"words.yaml {language} has no refused_{case}"
            assert set(re.findall(r"\{(\w+)\}", entry)) <= given, (language, case)


def test_a_worded_refusal_cites_its_provision_in_the_page_language_or_as_written() -> None:
    from regdraft.core.errors import Worded
    from regdraft.web.words import Words

    gone = Worded("gone", "provision_gone", id="a1b2", provisions={"provision": "d5.k2.b"})
    assert Words.of("vi").said(gone).startswith("Dự thảo hiện không còn điểm b khoản 2 Điều 5, nơi ý kiến a1b2")
    assert Words.of("en").said(gone).startswith("The draft no longer has point b, clause 2, Article 5")
    # A provision no address reads (a comment file edited by hand) is quoted as written, not a server error.
    odd = Worded("gone", "provision_gone", id="a1b2", provisions={"provision": "khoản zz"})
    assert "“khoản zz”" in Words.of("vi").said(odd)
    # A case the words do not have yet is shown as the library's message, introduced in the page's words.
    assert "new words" in Words.of("vi").said(Worded("new words", "no_such_case"))


@pytest.mark.parametrize(("language", "moved", "now"), [
    ("vi", "đã chuyển đến khoản 3 Điều 5", " (nay là điểm a khoản 2 Điều 5)"),
    ("en", "moved to clause 3, Article 5", " (now point a, clause 2, Article 5)"),
])
def test_where_a_provision_went_is_named_as_in_a_sentence(language: str, moved: str, now: str) -> None:
    # `Khoản 3 Điều 5` is the report's column; inside a sentence the clause is `khoản 3 Điều 5`.
    from regdraft.core import comments as c
    from regdraft.core.anchoring import Placement, State
    from regdraft.web.answers import _answer_item
    from regdraft.web.words import Words
    from regdraft.workspace.rounds import Listed

    comment = c.Comment("ab12", 1, "Ban Tổ chức", "d5.k2", c.CommentType.EDITORIAL, "Sửa.", "", "", None, "",
                        "2025-06-01T09:00:00+07:00", "")
    went = _answer_item(comment, Listed(comment, Placement(State.MOVED, "d5.k3", "x")), Words.of(language))
    assert went.said == moved
    stays = _answer_item(comment, Listed(comment, Placement(State.CHANGED, "d5.k2.a", "x")), Words.of(language))
    assert stays.now == now


def test_the_answer_page_words_dispositions_by_the_amendments_own_profile(tmp_path: Path) -> None:
    # The report printed the amendment's own profile's words (its front matter's `profile:`); the answer page
    # offered the workspace's.
    ws = init_workspace(tmp_path / "ws", example_from=REPO_ROOT)
    path = f"amendments/{SLUG}/amendment.md"
    text = ws.read(path).decode("utf-8").replace("\n---\n", "\nprofile: ban-rieng\n---\n", 1)
    own = "base: party-36\nwords:\n  vi:\n    disposition_rejected: Không tiếp thu, giữ như dự thảo\n"
    ws.commit({path: text.encode(), "profiles/ban-rieng.yaml": own.encode()}, "The amendment's own profile")
    open_round(ws, SLUG, "Lấy ý kiến các ban", "2025-03-15", BODIES)
    comment = add_comment(ws, SLUG, BODIES[0], "d5.k2", "Góp ý.")
    respond_comment(ws, comment.id, "rejected", "Giữ.", SLUG)
    c = client(ws)
    page = c.get(f"/a/{SLUG}/comments").text
    assert "<strong>Không tiếp thu, giữ như dự thảo</strong>: Giữ." in page
    assert "Không tiếp thu, giữ như dự thảo" in c.get(f"/a/{SLUG}/report").text


def test_the_words_selected_are_quoted_as_the_report_quotes_them() -> None:
    # A browser comment began `“…”:`, a Word comment's line in the same report `Về đoạn “…”:`.
    from regdraft.render.profile import default_profile
    from regdraft.web.words import Words

    for language in ("vi", "en"):
        report = default_profile().words(language)["report_selection"].format(selection="tập trung dân chủ")
        assert Words.of(language)("selected_words", words="tập trung dân chủ") == report, language

"""Every HTML page regdraft writes carries a strict Content-Security-Policy first in its head, so that a
workspace template's script, image, style sheet or redirection does nothing when the page is opened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from regdraft.render.policy import POLICY, sealed, without_redirections
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

SHIPPED = Path(__file__).resolve().parents[1] / "regdraft" / "templates"


def _hostile(base: str) -> str:
    """The shipped consolidated template, with a script, an image, a style sheet, a font and a redirection."""
    text = (SHIPPED / "consolidated.html.j2").read_text(encoding="utf-8")
    text = text.replace("{% block content %}", "{% block content %}"
                        f'<img src="{base}/tpl-img.png"><script src="{base}/x.js"></script>'
                        "<script>document.title = 'RAN'; fetch('" + base + "/fetch');</script>"
                        f'<META\nHTTP-EQUIV="&#114;efresh" content="0;url={base}/refresh">'
                        f'<link rel="stylesheet" href="{base}/link.css"><link rel="preconnect" href="{base}">', 1)
    text = text.replace("{% block style %}", "{% block style %}"
                        f"@import url({base}/import.css); @font-face {{ font-family: x; src: url({base}/font.ttf) }}"
                        " body { font-family: x }", 1)
    return text.replace("{% extends", f'<base href="{base}/"><meta http-equiv="refresh" content="0;url={base}/r2">'
                        "{% extends", 1)


def _parsed(page: str) -> Any:
    import tinyhtml5  # WeasyPrint's HTML parser, which parses as browsers do

    return tinyhtml5.parse(page)


def _head_children(page: str) -> list[Any]:
    head = _parsed(page).find(f"{_XHTML}head")
    assert head is not None
    return list(head)


_XHTML = "{http://www.w3.org/1999/xhtml}"


def _active(page: str) -> list[str]:
    """The `http-equiv` of each `<meta>` a browser sees, and each `<link>` it would follow."""
    root = _parsed(page)
    return ([str(m.get("http-equiv")) for m in root.iter(f"{_XHTML}meta") if m.get("http-equiv") is not None]
            + ["link" for _ in root.iter(f"{_XHTML}link")])


def _export(invoke: Invoke, ws: Workspace, base: str, out: Path) -> str:
    (ws.root / "templates" / "consolidated.html.j2").write_text(_hostile(base), encoding="utf-8")
    result = invoke(ws, "export", "01-QC/TU", "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_a_hostile_templates_page_opens_with_the_policy(tmp_workspace: Workspace, invoke: Invoke,
                                                         tmp_path: Path) -> None:
    page = _export(invoke, tmp_workspace, "http://127.0.0.1:9977", tmp_path / "x.html")
    first = _head_children(page)[0]
    assert first.tag.endswith("meta")
    assert first.get("http-equiv") == "Content-Security-Policy" and first.get("content") == POLICY
    assert page.index("Content-Security-Policy") < page.index("<base") < page.index("<script")
    assert _active(page) == ["Content-Security-Policy", "x-dns-prefetch-control"]


def test_shipped_pages_keep_their_text_and_have_the_policy(tmp_workspace: Workspace, invoke: Invoke,
                                                           tmp_path: Path) -> None:
    result = invoke(tmp_workspace, "export", "01-QC/TU", "--format", "html", "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 0, result.output
    page = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta http-equiv=\"Content-Security-Policy\"")
    assert page.count("<meta charset") == 1 and "<style>" in page and "Điều 1" in page  # the template's was twice


def test_what_comes_before_the_head_cannot_precede_the_policy() -> None:
    for page in ('<meta http-equiv="refresh" content="0;url=http://x/"><html><head><title>t</title>',
                 "<script>alert(1)</script><!DOCTYPE html><html><head>",
                 '<!DOCTYPE html><html lang="vi" onload="x()" manifest="http://x/m"><head data-x="1"><base href=x>',
                 "plain text, no tags at all"):
        out = sealed(page)
        first = _head_children(out)[0]
        assert first.get("http-equiv") == "Content-Security-Policy", out
        assert "onload" not in out and "manifest" not in out
        assert _active(out) == ["Content-Security-Policy", "x-dns-prefetch-control"]


def test_the_review_servers_pages_lose_their_redirections_only() -> None:
    page = ('<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
            '<meta http-equiv=refresh content="0;url=http://x/"><link rel="stylesheet" href="/static/review.css">')
    out = without_redirections(page)
    assert '<meta charset="utf-8">' in out and '<meta name="viewport"' in out and "<link rel" in out
    assert "<meta-refused http-equiv=refresh" in out


@pytest.mark.slow
def test_in_a_browser_the_hostile_script_does_not_run_and_nothing_is_fetched(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path, browser_page: Any,
        recording_server: tuple[str, list[str]]) -> None:
    base, requests = recording_server
    out = tmp_path / "x.html"
    _export(invoke, tmp_workspace, base, out)
    browser_page.goto(out.as_uri())
    browser_page.wait_for_timeout(1500)
    assert browser_page.url == out.as_uri()  # no redirection
    assert browser_page.title() != "RAN"
    assert "Điều 1" in browser_page.inner_text("body")
    assert requests == []


def test_the_review_server_makes_a_templates_redirection_inert(tmp_path: Path) -> None:
    from regdraft.workspace.rounds import open_round
    from regdraft.workspace.store import init_workspace
    from tests.conftest import REPO_ROOT
    from tests.web.conftest import BODIES, SLUG, client

    ws = init_workspace(tmp_path / "ws", example_from=REPO_ROOT)
    open_round(ws, SLUG, "Lấy ý kiến các ban", "2025-03-15", BODIES)
    layout = (REPO_ROOT / "regdraft" / "web" / "templates" / "web-layout.html.j2").read_text(encoding="utf-8")
    (ws.root / "templates" / "web-layout.html.j2").write_text(
        layout.replace("<head>", '<head>\n<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9977/">', 1),
        encoding="utf-8")
    page = client(ws).get("/")
    assert page.status_code == 200
    assert _active(page.text) == ["link"] and "review.css" in page.text  # its own style sheet stays
    assert "Content-Security-Policy" not in page.text and page.headers["content-security-policy"]



def test_sealing_reads_the_page_in_place_as_the_substitutions_did() -> None:
    """`sealed` reads the page after its prologue in place (twentieth round, docs/performance.md); it writes what
    the two substitutions over a copy of the rest wrote, on random pages of prologues, charset lines, metas and
    links in any case, harmless or not."""
    import html
    import random
    import re

    from regdraft.render import policy

    def substituted(page: str) -> str:  # `sealed` as it was
        opening = policy._PROLOGUE.match(page)
        assert opening is not None
        language = ""
        if opening.group("html"):
            for name, value in policy._KEPT_ATTRIBUTE.findall(opening.group("attributes") or ""):
                if name.lower() in ("lang", "dir") and value:
                    language += f' {name.lower()}="{html.escape(html.unescape(value.strip(chr(34) + chr(39))))}"'
        rest = re.sub(r"\A" + policy._OWN_CHARSET.pattern, "", page[opening.end():], count=1, flags=re.I | re.A)
        rest = policy._META_OR_LINK.sub(policy._inert, rest)
        return (f'<!DOCTYPE html>\n<html{language}>\n<head>\n{policy.POLICY_META}\n<meta charset="utf-8">\n'
                f"{policy.NO_PREFETCH}\n{rest}")

    rng = random.Random(22)
    pieces = ["<!DOCTYPE html>", '<html lang="vi">', "<head>", "\n", " ", '<meta charset="utf-8">',
              "<META charset=UTF-8>", '<meta name="x" content="y">', '<meta http-equiv="refresh" content="0">',
              "<link rel=x>", "<LINK\n",
              "<meta/>", "<metal>", "<p>Điều 1</p>", "<!-- c -->", "<body>", "text"]
    changed = 0
    for _ in range(5_000):
        page = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert sealed(page) == substituted(page), page
        changed += "-refused" in sealed(page)
    assert changed > 1_000

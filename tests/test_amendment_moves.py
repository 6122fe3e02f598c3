"""A clause an amendment moves to another article, on a real law (../shared/corpus/vi/luat-du-lich.txt).

The drafter cuts khoản 5 Điều 8 of Luật Du lịch and pastes it at the end of Điều 6 as khoản 3; `amend from-edits`
writes the amending document's wording, `Bổ sung khoản 3 vào sau khoản 2 Điều 6` and `Bãi bỏ khoản 5 Điều 8`. The
redline and the comparison table keep that wording (an insertion and a repeal) and say that the one is the other's
text: where the clause stood, its text struck twice, its placeholder and `(chuyển đến khoản 3 Điều 6)`; where it
stands, `(chuyển từ khoản 5 Điều 8)`. A repeal beside an insertion of other text is no move. A whole article
moved so (`Bãi bỏ Điều 8`, `Bổ sung Điều 6a`) is marked the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from regdraft.cli import cli
from regdraft.render import redline as rr
from regdraft.workspace import redline as rl
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import CORPUS, needs_corpus, unwrapped

pytestmark = needs_corpus

LAW = "09/2017/QH14"
FILE = "regulations/09-2017-QH14.md"
K5_D8 = ("5\\. Khách du lịch, cộng đồng dân cư và tổ chức, cá nhân khác có trách nhiệm bảo vệ, giữ gìn cảnh quan, "
         "môi trường, bản sắc văn hóa, phong tục, tập quán của dân tộc; có thái độ ứng xử văn minh, lịch sự nhằm "
         "nâng cao hình ảnh đất nước, con người và du lịch Việt Nam.")
TEXT = K5_D8[len("5\\. "):]
OTHER = "Chính quyền địa phương hỗ trợ cộng đồng dân cư quảng bá sản phẩm du lịch của địa phương."


def _edited(text: str, clause: str) -> str:
    """The law with khoản 5 Điều 8 cut and `clause` put at the end of Điều 6 as khoản 3."""
    assert f"\n\n{K5_D8}\n\n## Điều 9." in text
    text = text.replace(f"\n\n{K5_D8}\n\n## Điều 9.", "\n\n## Điều 9.", 1)
    return text.replace("\n\n## Điều 7.", f"\n\n3\\. {clause}\n\n## Điều 7.", 1)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """Luật Du lịch with two drafts from the drafter's edits: `mv` moves the clause, `other` repeals it and
    inserts another text in Điều 6."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(tmp_path_factory.mktemp("home")))
        mp.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
        mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
        root = tmp_path_factory.mktemp("moves")
        ws = init_workspace(root / "ws")
        runner = CliRunner()

        def run(*args: str) -> str:
            result = runner.invoke(cli, [*args, "-C", str(ws.root)], catch_exceptions=False)
            assert result.exit_code == 0, result.output
            return result.output

        run("import", str(CORPUS / "luat-du-lich.txt"))
        law = ws.read(FILE).decode("utf-8")
        for slug, clause in (("mv", TEXT), ("other", OTHER)):
            edited = root / f"{slug}.md"
            edited.write_text(_edited(law, clause), encoding="utf-8")
            run("amend", "new", slug, "-r", LAW)
            run("amend", "from-edits", slug, "--edited", str(edited))
        yield ws


def _html(ws: Workspace, slug: str, layout: str = "inline") -> str:
    return unwrapped(rr.render_html(rl.build(ws, LAW, amendment=slug), layout=layout))


def _plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_amendment_keeps_its_wording_an_insertion_and_a_repeal(ws: Workspace) -> None:
    text = ws.read("amendments/mv/amendment.md").decode("utf-8")
    assert f"Bổ sung khoản 3 vào sau khoản 2 Điều 6 như sau:\n\n“3\\. {TEXT}”" in text
    assert "Bãi bỏ khoản 5 Điều 8." in text


def test_the_redline_marks_the_moved_clause_at_both_places_as_the_amendment_words_it(ws: Workspace) -> None:
    page = _html(ws, "mv")
    summary = _plain(page[page.index('class="summary-table"'):page.index('<div class="body-text">')])
    assert "1. khoản 3 Điều 6 bổ sung mới" in summary and "2. khoản 5 Điều 8 bãi bỏ" in summary
    # Where it stood: the label stays, the text struck twice, the placeholder, and where the text now stands.
    assert (f'id="chg-2">5. <del class="mv">{TEXT}</del> <ins class="ins">(được bãi bỏ)</ins> '
            '<span class="mv-note">(chuyển đến khoản 3 Điều 6)</span>') in page
    # Where it stands: double underlined, with where it came from.
    assert (f'id="chg-1"><span class="mv">3.</span> <span class="mv-note">(chuyển từ khoản 5 Điều 8)</span> '
            f'<span class="mv">{TEXT}</span>') in page


def test_the_comparison_table_notes_where_the_text_went_and_came_from(ws: Workspace) -> None:
    rows = {_plain(cells[1]): [_plain(c) for c in cells]
            for row in re.findall(r'<tr id="chg-\d+".*?</tr>', _html(ws, "mv", "table"), flags=re.S)
            if (cells := re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S))}
    assert rows["Khoản 3 Điều 6"][2:] == ["", f"3. {TEXT}",
                                          "bổ sung mới Chuyển từ khoản 5 Điều 8 khoản 1 Điều 1 Dự thảo lần 1"]
    assert rows["Khoản 5 Điều 8"][2:] == [f"5. {TEXT}", "(được bãi bỏ)",
                                          "bãi bỏ Chuyển đến khoản 3 Điều 6 khoản 2 Điều 1 Dự thảo lần 1"]


def test_a_repeal_beside_an_insertion_of_other_text_is_no_move(ws: Workspace) -> None:
    for layout in ("inline", "table"):
        page = _html(ws, "other", layout).split('class="legend"', 1)[1].split("</p>", 1)[1]  # past the legend
        assert "chuyển đến" not in page.lower() and "chuyển từ" not in page.lower() and 'class="mv' not in page
        assert f'<ins class="ins">{OTHER}</ins>' in page and f'<del class="del">{TEXT}</del>' in page


def test_an_article_repealed_and_inserted_with_its_text_is_marked_moved_as_a_clause_is(ws: Workspace) -> None:
    # `Bãi bỏ Điều 8` and `Bổ sung Điều 6a vào sau Điều 6` quoting Điều 8 word for word, written by hand (from-edits
    # reads Điều 8's text under Điều 6a as a renumbering). The article was paired with its text under Điều 6a and
    # its placeholder listed as an insertion: the table said neither where it went nor where it came from.
    law = ws.read(FILE).decode("utf-8")
    article = law[law.index("## Điều 8.") + len("## "):law.index("\n\n## Điều 9.")]
    title = "Bảo vệ môi trường du lịch"
    assert article.startswith(f"Điều 8. {title}\n\n1\\. ") and K5_D8 in article
    relative = "amendments/art/amendment.md"
    CliRunner().invoke(cli, ["amend", "new", "art", "-r", LAW, "-C", str(ws.root)], catch_exceptions=False)
    document = ws.read(relative).decode("utf-8")
    quoted = article.replace("Điều 8.", "Điều 6a.", 1)
    instructions = f"1\\. Bổ sung Điều 6a vào sau Điều 6 như sau:\n\n“{quoted}”.\n\n2\\. Bãi bỏ Điều 8."
    ws.commit({relative: document.replace("\n## Điều 2.", f"\n{instructions}\n\n## Điều 2.", 1).encode()}, "Draft art")
    page = _html(ws, "art")
    summary = _plain(page[page.index('class="summary-table"'):page.index('<div class="body-text">')])
    assert "1. Điều 6a bổ sung mới" in summary and "2. Điều 8 bãi bỏ" in summary
    assert (f'id="chg-1"><span class="mv">Điều 6a</span> <span class="mv-note">(chuyển từ Điều 8)</span>. '
            f'<span class="mv">{title}</span>') in page
    # Where it stood: the label stays, the title struck twice, the placeholder and where the text now stands.
    assert (f'id="chg-2">Điều 8. <del class="mv">{title}</del> <ins class="ins">(được bãi bỏ)</ins> '
            '<span class="mv-note">(chuyển đến Điều 6a)</span>') in page
    assert f'<del class="mv">5. {TEXT}</del>' in page  # its clauses struck twice
    rows = {_plain(cells[1]): [_plain(c) for c in cells]
            for row in re.findall(r'<tr id="chg-\d+".*?</tr>', _html(ws, "art", "table"), flags=re.S)
            if (cells := re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S))}
    assert rows["Điều 6a"][2] == "" and rows["Điều 6a"][3].startswith(f"Điều 6a. {title} 1. ")
    assert rows["Điều 6a"][4] == "bổ sung mới Chuyển từ Điều 8 khoản 1 Điều 1 Dự thảo lần 1"
    assert rows["Điều 8"][2].startswith(f"Điều 8. {title} 1. ") and rows["Điều 8"][3] == "(được bãi bỏ)"
    assert rows["Điều 8"][4] == "bãi bỏ Chuyển đến Điều 6a khoản 2 Điều 1 Dự thảo lần 1"

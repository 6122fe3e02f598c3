"""Words added next to a phrase (`Bổ sung cụm từ “A” vào sau cụm từ “B”`) are noted and marked as added, not as a
replacement; phrases match exactly, capitals included, and `amend check`, `preview` and `from-edits` say so or
scope their instructions accordingly (Luật Công đoàn, the shipped English example)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regdraft.render import redline as rr
from regdraft.workspace import redline as rl
from regdraft.workspace.store import Workspace
from tests.conftest import CORPUS, SHIPPED_ENGLISH, Invoke, in_corpus

LAW = "12/2012/QH13"
ADDED = ("1\\. Bổ sung cụm từ “, bảo hiểm thất nghiệp” vào sau cụm từ “bảo hiểm y tế” tại khoản 1 và khoản 3 "
         "Điều 11.\n\n"
         "2\\. Bổ sung cụm từ “trực tiếp” vào trước cụm từ “trình dự án luật” tại khoản 1 Điều 12.\n")


def _draft(ws: Workspace, invoke: Invoke, slug: str, regulation: str, instructions: str) -> None:
    assert invoke(ws, "amend", "new", slug, "-r", regulation).exit_code == 0
    relative = f"amendments/{slug}/amendment.md"
    text = ws.read(relative).decode("utf-8")
    marker = "\n## Article 2." if "\n## Article 2." in text else "\n## Điều 2."
    head, _, rest = text.partition(marker)
    ws.commit({relative: f"{head}\n{instructions}\n{marker}{rest}".encode()}, f"Draft {slug}")


@pytest.fixture
def law(tmp_workspace: Workspace, invoke: Invoke) -> Workspace:
    result = invoke(tmp_workspace, "import", str(in_corpus(CORPUS / "luat-cong-doan.txt")))
    assert result.exit_code == 0, result.output
    return tmp_workspace


def _words(html: str) -> str:
    return " ".join(re.sub(r"<ins\b[^>]*>", "<ins>", re.sub(r"<(?!/?ins\b)[^>]+>", "", html)).split())


def test_words_added_are_marked_summarised_and_noted_as_added(law: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    _draft(law, invoke, "bs", LAW, ADDED)
    for layout in ("inline", "table"):
        html = _words(rr.render_html(rl.build(law, LAW, amendment="bs"), layout=layout))
        assert "bổ sung cụm từ" in html and "thay thế cụm từ" not in html
        # Exactly the words the instruction adds, in khoản 1 as in khoản 3 (not `bảo <ins>hiểm …, bảo </ins>`).
        assert "bảo hiểm y tế<ins>, bảo hiểm thất nghiệp</ins>, bảo hộ lao động" in html
        assert "bảo hiểm y tế<ins>, bảo hiểm thất nghiệp</ins>; giải quyết" in html
    for args in (("amend", "number", "bs", "45/2026/QH15"),
                 ("amend", "adopt", "bs", "--signed", "2026-01-10", "--effective", "2026-07-01", "--force",
                  "--reason", "test")):
        assert invoke(law, *args).exit_code == 0
    out = tmp_path / "hn.md"
    assert invoke(law, "export", LAW, "--format", "md", "-o", str(out)).exit_code == 0
    notes = [line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("[^")]
    after = "Cụm từ “, bảo hiểm thất nghiệp” được bổ sung vào sau cụm từ “bảo hiểm y tế” theo quy định tại khoản 1"
    assert sum(after in n for n in notes) == 2
    assert any("Cụm từ “trực tiếp” được bổ sung vào trước cụm từ “trình dự án luật” theo quy định tại khoản 2" in n
               for n in notes)
    assert not any("thay thế" in n for n in notes)


def test_from_edits_names_no_scope_holding_the_phrase_left_in_other_capitals(law: Workspace, invoke: Invoke,
                                                                            tmp_path: Path) -> None:
    text = law.read("regulations/12-2012-QH13.md").decode("utf-8")
    cases = {"phoi-hop": (text.replace("Phối hợp với Công đoàn", "Phối hợp chặt chẽ với Công đoàn"),
                          "tại các khoản 1, 6 và 8 Điều 22."),
             "nguon-thu": (text.replace("gồm các nguồn thu sau", "gồm các nguồn thu chủ yếu sau"),
                           "“nguồn thu chủ yếu” tại đoạn mở đầu Điều 26.")}
    for slug, (edited, scope) in cases.items():
        path = tmp_path / f"{slug}.md"
        path.write_text(edited, encoding="utf-8")
        result = invoke(law, "amend", "from-edits", slug, "--new", "--edited", str(path))
        assert result.exit_code == 0, result.output
        written = law.read(f"amendments/{slug}/amendment.md").decode("utf-8")
        assert scope in written and "toàn bộ Luật" not in written, written
        assert invoke(law, "amend", "check", slug).exit_code == 0


def test_phrases_left_in_other_capitals_are_named(tmp_workspace: Workspace, invoke: Invoke) -> None:
    regulation = "01-QC/TU-EN"
    assert SHIPPED_ENGLISH.exists()
    _draft(tmp_workspace, invoke, "en1", regulation,
           "1\\. Replace the words “the Secretary” with “the First Secretary” throughout these Regulations.\n")
    for args in (("amend", "check", "en1"), ("amend", "preview", "en1")):
        result = invoke(tmp_workspace, *args)
        assert result.exit_code == 0, result.output  # a warning, not a failure
        said = " ".join(result.output.split())
        assert "leaves «THE SECRETARY» in Chapter III, «The Secretary» in clause 3, Article 9" in said
        assert "«The Secretary» in clause 4, Article 12" in said and "capitals included" in said
    _draft(tmp_workspace, invoke, "en2", regulation,
           "1\\. Delete the words “the Office” from clause 5 of Article 12.\n")
    result = invoke(tmp_workspace, "amend", "check", "en2")
    assert result.exit_code != 0
    said = " ".join(result.output.split())
    assert "“the Office” is found 0 times in clause 5, Article 12" in said
    assert "«The Office» stands there in other capitals (1 time)" in said and "capitals included" in said

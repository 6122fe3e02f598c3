"""A workspace template cannot make WeasyPrint lay out pages for minutes (`render.page_bound`).

Found by a security sweep: an override of base.css.j2 with pages of 12 mm and letters of 40 pt made `export`
lay out tens of thousands of pages, past five minutes.
"""

from __future__ import annotations

import time
from pathlib import Path

from regdraft.render.page_bound import CHARACTERS_A_PAGE
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

TEMPLATES = Path(__file__).resolve().parent.parent / "regdraft" / "templates"
TINY = "\n@page { size: 12mm 12mm !important; margin: 0 !important; } * { font-size: 40pt !important; }\n"


def test_tiny_pages_of_a_template_override_are_stopped_with_a_sentence(mini_workspace: Workspace,
                                                                       invoke: Invoke) -> None:
    css = (TEMPLATES / "base.css.j2").read_text(encoding="utf-8") + TINY
    mini_workspace.commit({"templates/base.css.j2": css.encode()}, "A colleague's style")
    output = mini_workspace.root.parent / "x.pdf"
    started = time.monotonic()
    result = invoke(mini_workspace, "export", "MINI-QC", "-o", str(output))
    assert result.exit_code == 1, result.output
    assert "more than its text could fill" in result.output and "base.css.j2" in result.output, result.output
    assert f"a page for every {CHARACTERS_A_PAGE} characters" in result.output and "Traceback" not in result.output
    assert not output.exists() and time.monotonic() - started < 120


def test_the_shipped_templates_make_their_pages(mini_workspace: Workspace, invoke: Invoke) -> None:
    output = mini_workspace.root.parent / "x.pdf"
    assert invoke(mini_workspace, "export", "MINI-QC", "-o", str(output)).exit_code == 0
    assert output.read_bytes().startswith(b"%PDF")

"""The Word exports' tables are read as what they are: the heading block (the issuing body beside the national motto)
and the signature block only place text side by side (layout: no header row, no first column, described so), a
table of data names its columns in a header row repeated on each page (`w:tblHeader`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke

pytestmark = pytest.mark.slow  # a consolidated text and a redline written to Word (about 1 s of CPU)


def _look(table: Any) -> dict[str, str]:
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    return {key.split("}")[1]: value for key, value in look.attrib.items()}


def _layout(table: Any) -> bool:
    description = table._tbl.tblPr.find(qn("w:tblDescription"))
    look = _look(table)
    return (description is not None and description.get(qn("w:val")) == "bố cục"
            and look["firstRow"] == look["firstColumn"] == "0"
            and not any(row._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for row in table.rows))


def test_the_heading_and_signature_blocks_are_layout_tables(tmp_workspace: Workspace, invoke: Invoke,
                                                            tmp_path: Path) -> None:
    adopted = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--effective",
                     "2025-04-01", "--force", "--reason", "test: effective after signing")
    assert adopted.exit_code == 0, adopted.output
    made = {"hn.docx": ("export", "01-QC/TU", "--as-of", "2025-06-01"), "r.docx": ("redline", SHIPPED_AMENDMENT)}
    for name, command in made.items():
        result = invoke(tmp_workspace, *command, "-o", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        tables = docx.Document(str(tmp_path / name)).tables
        heading, signature = tables[0], tables[-1]
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in heading.rows[0].cells[1].text
        assert "Nơi nhận" in signature.rows[0].cells[0].text
        assert _layout(heading) and _layout(signature), name

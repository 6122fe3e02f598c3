"""`export` of a consolidated text holding an amendment adopted with `--force` while its entry-into-force article
still leaves the date blank (r28 AE L1): the opening gave the adopted date while a note quoted `từ ngày … tháng … năm
…`, and nothing was said. It now warns, naming the amendment, the article and the line."""

from __future__ import annotations

from pathlib import Path

from regdraft.workspace.store import init_workspace
from tests.conftest import SHARED, Invoke, in_corpus, needs_corpus

BASE = SHARED / "corpus" / "amendments" / "nd-63-2010" / "base-63-2010-ND-CP.txt"


@needs_corpus
def test_an_amendment_in_force_with_a_blank_entry_date_is_warned_of(invoke: Invoke, tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws", profile="state-30")
    assert invoke(ws, "import", str(in_corpus(BASE)), "--id", "63/2010/NĐ-CP").exit_code == 0
    path = ws.root / "regulations" / "63-2010-NĐ-CP.md"
    text = path.read_text(encoding="utf-8")
    assert text.count("Cơ quan kiểm soát thủ tục hành chính") > 1
    edited = tmp_path / "edited.md"
    edited.write_text(text.replace("Cơ quan kiểm soát thủ tục hành chính", "Cục Kiểm soát thủ tục hành chính"),
                      encoding="utf-8")
    for args in (("amend", "from-edits", "nd-48", "-r", "63/2010/NĐ-CP", "--edited", str(edited)),
                 ("amend", "number", "nd-48", "48/2013/NĐ-CP"), ("amend", "status", "nd-48", "circulating"),
                 ("amend", "status", "nd-48", "submitted"),
                 ("amend", "adopt", "nd-48", "--signed", "2013-05-14", "--effective", "2013-07-01", "--force",
                  "--reason", "thử")):
        result = invoke(ws, *args)
        assert result.exit_code == 0, result.output
    result = invoke(ws, "export", "63/2010/NĐ-CP", "--as-of", "2013-08-01", "-o", str(tmp_path / "hop-nhat.md"))
    assert result.exit_code == 0, result.output
    warning = next(line for line in result.output.splitlines() if "warning:" in line)
    assert warning.startswith("amendments/nd-48/amendment.md:")
    assert ("warning: 48/2013/NĐ-CP (nd-48) is in the text as taking effect on 2013-07-01, but Điều 2 of it still "
            "leaves its date blank (“") in warning

"""An official consolidated copy of a translation that leaves instructions of its amendments untranslated is refused
(r40 misc40 3).

Since r39 (en39 1) the consolidated text of a partial translation says at its head which instructions it does not
translate. A copy numbered and authenticated by the consolidating body (`export --number … --signed …`, the
`consolidation:` setting) was written all the same: the body's header and XÁC THỰC VĂN BẢN HỢP NHẤT over a text that
leaves out clauses 2, 3, 5-14 of 05-QC/TU's Article 1, which readers take as the text in force. It is refused as a
translation lacking a whole amending document is, naming the instructions; without a number and day the copy is one
for reference, without the body's frame, and the export says why.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from regdraft.workspace.store import Workspace

from .conftest import Invoke
from .test_consolidated_issued import PARTY
from .test_replaced_regulation import adopted, adopted_built  # noqa: F401  (fixtures)
from .test_translation_partial import GROUP, TITLE, _translated

LEFT_OUT = ("clauses 2, 3, 5–14 of Article 1 of Regulations No. 05-QC/TU of 28 March 2025 (clause 2, Article 5 "
            "amended; clause 4a, Article 6 inserted;")


def _consolidating(ws: Workspace) -> None:
    config = ws.path("regdraft.yaml")
    config.write_text(config.read_text(encoding="utf-8") + yaml.safe_dump(PARTY, allow_unicode=True),
                      encoding="utf-8")


def test_a_numbered_copy_of_a_partial_translation_is_refused_naming_what_it_leaves_out(
        adopted: Workspace, invoke: Invoke, tmp_path: Path) -> None:  # noqa: F811
    _translated(adopted, invoke, GROUP + "\n\n" + TITLE.format(n=4))
    _consolidating(adopted)
    out = tmp_path / "en.html"
    refused = invoke(adopted, "export", "01-QC/TU-EN", "--as-of", "2025-06-01", "--number", "07/VBHN-VPTU",
                     "--signed", "2025-06-01", "-o", str(out))
    said = " ".join(refused.output.split())
    assert refused.exit_code != 0 and "Traceback" not in said, said
    assert ("01-QC/TU-EN is a translation of 01-QC/TU that does not translate every instruction of its amendments in "
            f"force on 2025-06-01: it leaves out {LEFT_OUT}") in said, said
    assert "VĂN PHÒNG TỈNH ỦY cannot number or authenticate it as the consolidated text" in said
    assert "nothing was written" in said and not out.exists()
    # Without a number and a day: a copy for reference, without the body's frame, saying why.
    written = invoke(adopted, "export", "01-QC/TU-EN", "--as-of", "2025-06-01", "-o", str(out))
    said = " ".join(written.output.split())
    assert written.exit_code == 0, said
    assert ("01-QC/TU-EN does not translate every instruction of its original's amendments in force on 2025-06-01, "
            "so this is a copy for reference, without VĂN PHÒNG TỈNH ỦY's header") in said, said
    # Named once, by the line on what the translation lacks (r41 sweep CH F3).
    assert said.count("clause 4a, Article 6 inserted") == 1, said
    html = out.read_text(encoding="utf-8")
    assert "XÁC THỰC VĂN BẢN HỢP NHẤT" not in html and "VBHN" not in html
    # The original, amended whole, is still numbered and authenticated.
    original = invoke(adopted, "export", "01-QC/TU", "--as-of", "2025-06-01", "--number", "07/VBHN-VPTU",
                      "--signed", "2025-06-01", "-o", str(tmp_path / "vi.html"))
    assert original.exit_code == 0, original.output

"""An adopted amendment whose front matter is broken or crafted (r44 sweep CI F4): `export 01-QC/TU --as-of …` said
"no amendments", exit 0, its text lacking what the amendment inserts; one whose `regulation:` names no regulation
was passed by `check` ("No problems found"). The text in force is refused, naming the file, line and what is wrong;
`log` warns; `check` names an amendment amending no regulation of the workspace at its line."""

from __future__ import annotations

import pytest

from regdraft.workspace.adoption import adopt
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke

FILE = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"


@pytest.fixture
def adopted(tmp_workspace: Workspace) -> Workspace:
    adopt(tmp_workspace, SHIPPED_AMENDMENT, "2025-03-28", force="Hội nghị quyết định")
    return tmp_workspace


def _front(ws: Workspace, key: str, value: str) -> int:
    """Write `key: value` in the amendment's front matter; the line it is on."""
    path = ws.root / FILE
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    lines[at] = f"{key}: {value}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return at + 1


@pytest.mark.parametrize(("key", "value", "said"), [("effective", "2025-02-30", "'2025-02-30' is not a date"),
                                                    ("draft", ".inf", "draft")], ids=["bad-date", "inf-draft"])
def test_the_text_in_force_is_refused_while_an_adopted_amendment_cannot_be_read(
        adopted: Workspace, invoke: Invoke, key: str, value: str, said: str) -> None:
    line = _front(adopted, key, value)
    for command in (("export", "01-QC/TU", "--as-of", "2025-04-01", "-o", str(adopted.root / "out" / "h.html")),
                    ("show", "01-QC/TU", "d5", "--as-of", "2025-04-01")):
        refused = invoke(adopted, *command)
        words = " ".join(refused.output.split())
        assert refused.exit_code == 1 and "An adopted amendment of 01-QC/TU cannot be read: " in words, words
        assert f"{FILE}:{line}: " in words and said in words and "no amendments" not in words, words
    assert not (adopted.root / "out" / "h.html").exists()
    logged = invoke(adopted, "log", "01-QC/TU")
    assert logged.exit_code == 0 and f"warning: An adopted amendment of 01-QC/TU cannot be read: {FILE}:{line}" in \
        " ".join(logged.stderr.split()), logged.output


def test_check_names_an_amendment_of_no_regulation(adopted: Workspace, invoke: Invoke) -> None:
    line = _front(adopted, "regulation", "99-QC/TU")
    checked = invoke(adopted, "check")
    words = " ".join(checked.output.split())
    assert checked.exit_code == 1 and f"{FILE}:{line}: This amendment (adopted) amends 99-QC/TU, which is no " \
        "regulation of the workspace" in words, words
    assert "No problems found" not in words

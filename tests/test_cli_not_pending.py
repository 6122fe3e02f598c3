"""Commands that need a pending amendment, given or finding none: bad usage, exit code 2 (issue 21 §1).

Nothing in the documents is wrong when an amendment is adopted (or withdrawn): the command names
the wrong amendment, or names none and finds no pending one to default to. The remedy is on the
command line, so the exit code is 2 (docs/json.md), the same with --json, and nothing is committed.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from regdraft.workspace.adoption import adopt
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke

SLUG = SHIPPED_AMENDMENT


@pytest.fixture
def adopted(tmp_workspace: Workspace) -> Workspace:
    """The example workspace with its one amendment adopted: no amendment is pending."""
    adopt(tmp_workspace, SLUG, "2025-03-28", force="Hội nghị quyết định")
    return tmp_workspace


def _head(ws: Workspace) -> str:
    return subprocess.run(["git", "-C", str(ws.root), "rev-parse", "HEAD"], check=True, capture_output=True,
                          text=True).stdout.strip()


# Each command that needs a pending amendment, and the words its refusal must contain.
NEEDS_PENDING = {
    "redline": (["redline", "01-QC/TU", "--format", "html", "-o", "{tmp}/r.html"],
                "There is no pending amendment to 01-QC/TU"),
    "show --changes": (["show", "01-QC/TU", "d5.k2", "--changes"], "There is no pending amendment to 01-QC/TU"),
    "show --amendment": (["show", "01-QC/TU", "d5.k2", "--amendment", SLUG],
                         "amendment.md is adopted, so its changes are already in the text"),
    "round open": (["round", "open", SLUG, "--due", "2099-01-01", "--consult", "Ban A"],
                   "the amendment is adopted; a comment round circulates a pending draft"),
    "comment add": (["comment", "add", SLUG, "--by", "Ban A", "--on", "d5.k2", "--text", "Góp ý."],
                    "No round of 'qc-sua-doi-2025' is open, and none can be: the amendment is adopted"),
    "amend adopt": (["amend", "adopt", SLUG, "--signed", "2025-04-01"],
                    "the amendment is adopted; only a draft, circulating or submitted amendment can be adopted"),
    "amend status --draft": (["amend", "status", SLUG, "--draft", "4"], "the amendment is adopted; its draft number"),
    "amend status": (["amend", "status", SLUG, "draft"], "cannot move from adopted to draft"),
    "amend number": (["amend", "number", SLUG, "09-QC/TU"],
                     "the amendment is adopted as 05-QC/TU; its number is final"),
    "amend from-edits": (["amend", "from-edits", SLUG, "--edited", "{ws}/regulations/01-QC-TU.md"],
                         "only a pending amendment's instructions can be regenerated"),
}


@pytest.mark.parametrize("name", list(NEEDS_PENDING))
def test_a_command_needing_a_pending_amendment_is_bad_usage_without_one(adopted: Workspace, invoke: Invoke,
                                                                         name: str, tmp_path: object) -> None:
    words, message = NEEDS_PENDING[name]
    args = [w.format(tmp=tmp_path, ws=adopted.root) for w in words]
    before = _head(adopted)
    result = invoke(adopted, *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.output
    as_json = invoke(adopted, *args, "--json")
    assert as_json.exit_code == 2 and message in json.loads(as_json.stdout)["error"]
    assert _head(adopted) == before


def test_commands_that_only_read_an_adopted_amendment_still_work(adopted: Workspace, invoke: Invoke) -> None:
    """Reading what was adopted is not refused: the preview of an adopted amendment is its consolidated text."""
    for args in (["amend", "preview", SLUG], ["amend", "check", SLUG], ["round", "list", SLUG], ["amend", "list"]):
        result = invoke(adopted, *args)
        assert result.exit_code == 0, (args, result.output)


def test_an_adopted_amendment_is_compared_from_the_text_before_it(adopted: Workspace, invoke: Invoke,
                                                                   tmp_path: object) -> None:
    """What the refusal suggests works: the text before the adoption against the amendment."""
    result = invoke(adopted, "redline", "01-QC/TU", "--from", "adopted/05-QC-TU~1", "--amendment", SLUG,
                    "--format", "html", "-o", f"{tmp_path}/r.html", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["changes"] > 10


@pytest.mark.parametrize("args", [[SLUG], ["01-QC/TU", "--amendment", SLUG]])
def test_the_redline_of_an_adopted_amendment_is_the_text_before_and_after_its_adoption(
        adopted: Workspace, invoke: Invoke, tmp_path: object, args: list[str]) -> None:
    """`redline qc-sua-doi-2025`, adopted, is the issued document's redline, as `--from adopted/05-QC-TU~1 --to
    adopted/05-QC-TU` gives it, and says so; it was refused, naming neither revision (sweep r23 s1dauthau defect 5)."""
    result = invoke(adopted, "redline", *args, "--format", "html", "-o", f"{tmp_path}/r.html")
    assert result.exit_code == 0, result.output
    assert (f"{SLUG} is adopted: 01-QC/TU as it stood before its adoption (adopted/05-QC-TU~1) against the text it "
            "left (adopted/05-QC-TU)") in result.output
    pair = invoke(adopted, "redline", "01-QC/TU", "--from", "adopted/05-QC-TU~1", "--to", "adopted/05-QC-TU",
                  "--format", "html", "-o", f"{tmp_path}/pair.html")
    assert pair.exit_code == 0, pair.output
    with open(f"{tmp_path}/r.html", encoding="utf-8") as one, open(f"{tmp_path}/pair.html", encoding="utf-8") as two:
        assert one.read() == two.read()
    as_json = json.loads(invoke(adopted, "redline", *args, "--format", "html", "-o", f"{tmp_path}/r.html",
                                "--json").stdout)
    assert as_json["amendment"] == SLUG and as_json["from"] == "adopted/05-QC-TU~1"
    assert as_json["to"] == "adopted/05-QC-TU"


def test_an_adoption_without_its_tag_is_compared_from_its_commit(
        adopted: Workspace, invoke: Invoke, tmp_path: object) -> None:
    """Its tag removed, the adoption is found in the amendment's history and compared from that commit (it was
    refused before, naming the command; r23 s11terms: readers fall back to the adoption commit)."""
    adoption = _head(adopted)
    subprocess.run(["git", "-C", str(adopted.root), "tag", "-d", "adopted/05-QC-TU"], check=True, capture_output=True)
    result = invoke(adopted, "redline", SLUG, "--format", "html", "-o", f"{tmp_path}/r.html")
    assert result.exit_code == 0, result.output
    assert f"as it stood before its adoption ({adoption}~1) against the text it left ({adoption})" in result.output
    checked = invoke(adopted, "check")
    assert f"its adoption tag adopted/05-QC-TU is missing; the commit that adopted it is {adoption[:7]}" \
        in checked.output

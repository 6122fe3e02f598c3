"""`regdraft init` in a repository whose texts are English texts of their own (an organisation's bylaws) chooses the
org profile, says so and how to choose another; `--profile` still decides (r31 brief): it set party-36 whatever the
texts, so their documents were headed `COMMUNIST PARTY OF VIETNAM`."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from regdraft.importer import import_file
from tests.conftest import SHIPPED_REGULATION, Invoke

BYLAWS = """ASIAN SOCIETY OF ARCHIVAL CONSERVATORS

No. 02/2024/BL-ASAC
Hanoi, 10 May 2024

BYLAWS
Of the Asian Society of Archival Conservators

Article 1. Scope
These Bylaws govern the Society, its members and its Council.

Article 2. Membership
1. Membership is open to conservators employed by a public archive.
2. An application is decided by the Council within 30 days.
"""


def _repository(root: Path, name: str, text: str) -> Path:
    """A git repository holding one regulation, as `init` finds one to add the layout to."""
    (root / "regulations").mkdir(parents=True)
    (root / "regulations" / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    return root


def _bylaws(tmp_path: Path) -> str:
    source = tmp_path / "bylaws.txt"
    source.write_text(BYLAWS, encoding="utf-8")
    imported = import_file(source, language="en")
    assert imported.regulation.language == "en"
    return imported.text


def test_init_over_english_texts_of_their_own_chooses_the_org_profile_and_says_so(tmp_path: Path,
                                                                                   invoke: Invoke) -> None:
    root = _repository(tmp_path / "society", "02-2024-BL-ASAC.md", _bylaws(tmp_path))
    done = invoke(None, "init", str(root))
    assert done.exit_code == 0, done.output
    assert "profile: org\n" in (root / "regdraft.yaml").read_text(encoding="utf-8")
    said = " ".join(done.output.split())
    assert ("Its texts are in English, texts of their own (regulations/02-2024-BL-ASAC.md): its documents print with "
            "the org profile (an organisation's own rules: no national line, motto or star); for Party or state "
            "documents run `regdraft init --profile party-36` (or state-30) instead") in said, said
    as_json = json.loads(invoke(None, "--json", "init", str(_repository(tmp_path / "two", "b.md",
                                                                          _bylaws(tmp_path)))).output)
    assert as_json["profile"] == "org"


def test_the_profile_given_still_decides_and_vietnamese_texts_keep_the_party_profile(tmp_path: Path,
                                                                                       invoke: Invoke) -> None:
    root = _repository(tmp_path / "society", "02-2024-BL-ASAC.md", _bylaws(tmp_path))
    done = invoke(None, "init", "--profile", "party-36", str(root))
    assert done.exit_code == 0, done.output
    assert "profile: party-36\n" in (root / "regdraft.yaml").read_text(encoding="utf-8")
    assert "Its texts are in English" not in done.output
    office = _repository(tmp_path / "office", "01-QC-TU.md", SHIPPED_REGULATION.read_text(encoding="utf-8"))
    assert invoke(None, "init", str(office)).exit_code == 0
    assert "profile: party-36\n" in (office / "regdraft.yaml").read_text(encoding="utf-8")
    # The example's English text is a translation of its Vietnamese one: the Party profile.
    assert invoke(None, "init", "--example", str(tmp_path / "example")).exit_code == 0
    assert "profile: party-36\n" in (tmp_path / "example" / "regdraft.yaml").read_text(encoding="utf-8")


def test_english_bylaws_imported_after_init_ask_for_the_org_profile(tmp_path: Path, invoke: Invoke) -> None:
    # `init` and then `import`: the workspace's profile is party-36, chosen before any text was there.
    root = tmp_path / "society"
    assert invoke(None, "init", str(root)).exit_code == 0
    source = tmp_path / "bylaws.txt"
    source.write_text(BYLAWS, encoding="utf-8")
    done = invoke(root, "import", str(source), "--lang", "en")
    assert done.exit_code == 0, done.output
    assert "\nprofile: org\n---\n" in (root / "regulations" / "02-2024-BL-ASAC.md").read_text(encoding="utf-8")
    assert ("[info] The text is in English, a text of its own with no national line, and the workspace's documents "
            "print with the party-36 profile, which would head it `COMMUNIST PARTY OF VIETNAM`: the file asks for the "
            "org profile") in " ".join(done.output.split())
    assert invoke(root, "check").exit_code == 0
    exported = invoke(root, "export", "02/2024/BL-ASAC", "-o", str(tmp_path / "bylaws.html"))
    assert exported.exit_code == 0, exported.output
    assert "COMMUNIST PARTY" not in (tmp_path / "bylaws.html").read_text(encoding="utf-8")
    # A workspace whose profile prints no national line (org, or one of its own on it) leaves the file as it is.
    org = tmp_path / "org"
    assert invoke(None, "init", "--profile", "org", str(org)).exit_code == 0
    assert invoke(org, "import", str(source), "--lang", "en").exit_code == 0
    assert "profile:" not in (org / "regulations" / "02-2024-BL-ASAC.md").read_text(encoding="utf-8")

"""Words a company's or a state body's user sees name no Party body (r27 sweep X defect 6): `amend vote --help`
said "Executive Committee conference vote", and every English review page was titled "Committee review"."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import Invoke

WORDS = Path(__file__).resolve().parents[1] / "regdraft" / "web" / "words.yaml"


def test_amend_vote_help_speaks_of_the_conference_vote(invoke: Invoke) -> None:
    said = " ".join(invoke(None, "amend", "vote", "--help").output.split())
    assert "Record the conference vote on an amendment" in said and "Executive Committee" not in said


def test_the_english_review_pages_are_titled_neutrally() -> None:
    english = yaml.safe_load(WORDS.read_text(encoding="utf-8"))["en"]
    assert (english["site"], english["nav_home"], english["home_title"]) == ("Draft review",) * 3


def test_the_review_docs_speak_of_draft_review_and_reviewers() -> None:
    # docs/review.md was headed "Committee review in the browser" after the pages were renamed "Draft review".
    root = WORDS.parents[2]
    review = (root / "docs" / "review.md").read_text(encoding="utf-8")
    assert review.startswith("## Draft review in the browser\n\n`regdraft review` serves a workspace to a browser. "
                             "Reviewers read the draft being\n")
    for page in (*sorted((root / "docs").glob("*.md")), root / "README.md", *sorted(WORDS.parent.rglob("*.*"))):
        if page.suffix in (".md", ".yaml", ".html", ".js"):  # what a user reads
            text = " ".join(page.read_text(encoding="utf-8").split()).lower()
            assert "committee review" not in text and "committee members read" not in text, page
            assert "gives committee members" not in text, page

"""English documents are spoken of in English (r26 sweep O defect 6): an address error on an English text gave the
Vietnamese example `'Điều 12 khoản 2' or d12.k2.b`, `comment add`/`comment list` on an English amendment printed the
internal `d4.k2` where the English short form is `a4.c2`, and the out-of-date-basis warning said `(Căn cứ)` to an
English drafter and printed "warning:" twice."""

from __future__ import annotations

from regdraft.workspace import rounds
from regdraft.workspace.profiles import profile_for
from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, Invoke
from tests.test_amend_bases import UNCITED
from tests.test_amend_reverts import QUOTE, WORDS, _adopt_words, _draft


def test_an_address_error_on_an_english_text_gives_english_examples(tmp_workspace: Workspace, invoke: Invoke) -> None:
    said = invoke(tmp_workspace, "show", "01-QC/TU-EN", "rule 2 of Article 5").output
    assert "cannot read 'rule' (write it like 'clause 2 of Article 12' or a12.c2.b)" in said
    assert "Điều" not in said
    vi = invoke(tmp_workspace, "show", "01-QC/TU", "rule 2 of Article 5").output
    assert "(write it like 'Điều 12 khoản 2' or d12.k2.b)" in vi


def test_comments_on_an_english_amendment_name_provisions_in_the_english_short_form(tmp_workspace: Workspace,
                                                                                 invoke: Invoke) -> None:
    tmp_workspace.commit({"amendments/en1/amendment.md": (FIXTURES / "export" / "en-amendment.md").read_bytes()},
                         "An English amendment")
    rounds.open_round(tmp_workspace, "en1", "Consultation", "2026-07-15", ["Organisation Board"])
    added = invoke(tmp_workspace, "comment", "add", "en1", "--by", "Organisation Board", "--on",
                   "clause 1 of Article 1", "--text", "Keep it short.")
    assert added.exit_code == 0, added.output
    assert " on a1.c1 by Organisation Board (round 1)." in added.output
    listed = invoke(tmp_workspace, "comment", "list", "en1").output
    assert " a1.c1 " in listed and "d1.k1" not in listed
    refused = invoke(tmp_workspace, "comment", "add", "en1", "--by", "Organisation Board", "--on",
                     "rule 1 of Article 1", "--text", "Keep it short.")
    assert "'clause 2 of Article 12' or a12.c2.b" in refused.output and "Điều" not in refused.output


def test_the_out_of_date_basis_warning_says_warning_once(mini_workspace: Workspace, invoke: Invoke) -> None:
    _draft(mini_workspace, "tron-ven", QUOTE.replace("Ban Chấp hành Đảng bộ tỉnh", "Ban Chấp hành Tỉnh ủy"))
    _draft(mini_workspace, "cum-tu", WORDS, "05-QC/TU")
    _adopt_words(mini_workspace)
    checked = invoke(mini_workspace, "amend", "check", "tron-ven").output
    assert f"warning: amendments/tron-ven/amendment.md:14: {UNCITED}" in checked
    assert "in the bases (Căn cứ) and in Điều 1's heading" in checked  # Vietnamese: as before
    english = profile_for(mini_workspace, {"language": "en"}).words("en")["bases_opening"]
    assert english == "“Pursuant to …”"

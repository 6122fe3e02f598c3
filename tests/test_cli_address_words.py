"""An address typed without quotes (`regdraft show 01-QC/TU Điều 12 khoản 2`): the words after the regulation are the
address; a value of several words typed without quotes after an option is named with its quotes (r31 sweep AU,
finding 3). Click's "Got unexpected extra arguments (12 khoản 2)" said neither."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


def test_show_takes_the_words_after_the_regulation_as_its_address(mini_workspace: Workspace,
                                                                   invoke: Invoke) -> None:
    quoted = invoke(mini_workspace, "show", "MINI-QC", "Điều 2 khoản 2")
    assert quoted.exit_code == 0, quoted.output
    for words in (["Điều", "2", "khoản", "2"], ["khoản", "2", "Điều", "2"], ["d2", "k2"], ["Điều", "2", "--at",
                                                                                        "HEAD", "khoản", "2"]):
        result = invoke(mini_workspace, "show", "MINI-QC", *words)
        assert result.exit_code == 0, result.output
        assert result.output == quoted.output
    point = invoke(mini_workspace, "show", "MINI-QC", "điểm", "b", "khoản", "2", "Điều", "2", "--json")
    assert point.exit_code == 0 and json.loads(point.output)["address"] == "d2.k2.b"


def test_refs_takes_the_words_after_the_regulation_as_its_address(mini_workspace: Workspace,
                                                                   invoke: Invoke) -> None:
    quoted = invoke(mini_workspace, "refs", "MINI-QC", "khoản 1 Điều 2")
    unquoted = invoke(mini_workspace, "refs", "MINI-QC", "khoản", "1", "Điều", "2")
    assert unquoted.exit_code == quoted.exit_code == 0, unquoted.output
    assert unquoted.output == quoted.output and "khoản 3 Điều 2" in unquoted.output
    # Its --from option took one word, and the next word became the address: say how to quote it.
    both = invoke(mini_workspace, "refs", "MINI-QC", "--from", "Điều", "2")
    assert both.exit_code == 2
    assert "if '2' is the rest of --from's address, put the address in quotes: --from \"Điều 2\"." in both.output


def test_words_left_over_after_an_option_are_named_with_their_quotes(consulting_workspace: Workspace,
                                                                     invoke: Invoke) -> None:
    head = consulting_workspace.repo.head.commit.hexsha
    result = invoke(consulting_workspace, "comment", "add", "mini-sua", "--by", "Ban", "A", "--on", "d1",
                    "--text", "Đúng")
    assert result.exit_code == 2 and "unexpected extra" not in result.output
    assert "The word 'A' is left over: a value of several words goes in quotes, e.g. --by \"Ban A\"." in result.output
    result = invoke(consulting_workspace, "comment", "add", "mini-sua", "--by", "Ban A", "--on", "khoản", "1",
                    "Điều", "2", "--text", "Đúng", "--json")
    assert result.exit_code == 2
    assert json.loads(result.output)["error"] == ("The words '1 Điều 2' are left over: a value of several words goes "
                                                  "in quotes, e.g. --on \"khoản 1 Điều 2\".")
    assert consulting_workspace.repo.head.commit.hexsha == head
    # Words after a flag, not after an option's value, keep click's own words.
    flag = invoke(consulting_workspace, "list", "extra")
    assert flag.exit_code == 2 and "unexpected extra argument (extra)" in flag.output


def test_a_long_address_that_does_not_read_is_said_back_cut(mini_workspace: Workspace, invoke: Invoke) -> None:
    """3,000 words typed without quotes were refused, and said back whole: 30 KB of error (r32 sweep AW F9)."""
    words = ["Điều"] * 3000
    result = invoke(mini_workspace, "show", "MINI-QC", *words)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert len(result.output) < 400, len(result.output)
    assert f"'{' '.join(words)[:79]}…' (14,999 characters): 'Điều' is not an article number" in result.output
    long_word = invoke(mini_workspace, "show", "MINI-QC", "d" + "x" * 3000)
    assert long_word.exit_code == 2 and len(long_word.output) < 600, long_word.output
    short = invoke(mini_workspace, "show", "MINI-QC", "Điều", "x")  # said back whole, as before
    assert "'Điều x': 'x' is not an article number (write it like 12 or 12a)." in short.output


def test_a_word_left_over_after_a_switch_took_the_argument_says_so(tmp_path: Path, invoke: Invoke,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # r37 sweep BQ 5: `init --example office --remote URL A` gave DIRECTORY as `office`, and the hint said to quote
    # the remote's URL with `A`.
    monkeypatch.chdir(tmp_path)
    result = invoke(None, "init", "--example", "office", "--remote", str(tmp_path / "r.git"), "A")
    assert result.exit_code == 2
    assert ("The word 'A' is left over: DIRECTORY was given already, as 'office', the word after --example, which is "
            "a switch and takes no value; give DIRECTORY once.") in result.output, result.output
    assert "quotes" not in result.output and not (tmp_path / "office").exists()

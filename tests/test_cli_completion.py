"""Shell completion (issue 21 §7): regulation ids, amendment slugs, comment ids and addresses.

Every completion here goes through click's public entry, the `_REGDRAFT_COMPLETE` and
`COMP_WORDS`/`COMP_CWORD` variables the shell scripts set, in a real temporary workspace.
"""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from regdraft.cli import cli
from regdraft.cli.completion import complete_address, complete_regulation
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke
from tests.test_cli_contract import command_at, command_paths


def complete(ws: Workspace | None, line: str, shell: str = "bash") -> list[str]:
    """What the shell offers for the last word of `line`, through click's completion variables."""
    words = line.split(" ")
    env = {"_REGDRAFT_COMPLETE": f"{shell}_complete", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    if ws is not None:
        env["REGDRAFT_WORKSPACE"] = str(ws.root)
    result = CliRunner().invoke(cli, [], env=env, prog_name="regdraft")
    assert result.exit_code == 0, result.output
    lines = [item for item in result.stdout.splitlines() if item]
    assert all("," in item for item in lines) or shell == "zsh", (line, result.stdout)
    if shell == "zsh":
        return lines
    return [item.split(",", 1)[1] for item in lines]


def test_regulations_complete_to_their_ids_not_file_names(tmp_workspace: Workspace) -> None:
    assert complete(tmp_workspace, "regdraft show ") == ["01-QC/TU", "01-QC/TU-EN"]
    assert complete(tmp_workspace, "regdraft redline 01-qc/tu-") == ["01-QC/TU-EN"]
    assert complete(tmp_workspace, "regdraft show 99") == []


def test_amendment_slugs_complete(tmp_workspace: Workspace, invoke: Invoke) -> None:
    assert invoke(tmp_workspace, "amend", "new", "qc-sua-doi-2026", "--regulation", "01-QC/TU").exit_code == 0
    assert complete(tmp_workspace, "regdraft amend check qc") == [SHIPPED_AMENDMENT, "qc-sua-doi-2026"]
    assert complete(tmp_workspace, "regdraft redline 01-QC/TU --amendment qc-sua-doi-2026") == ["qc-sua-doi-2026"]


def test_comment_ids_complete(tmp_workspace: Workspace, invoke: Invoke) -> None:
    opened = invoke(tmp_workspace, "round", "open", SHIPPED_AMENDMENT, "--due", "2099-01-01", "--consult", "Ban A")
    assert opened.exit_code == 0, opened.output
    added = invoke(tmp_workspace, "comment", "add", SHIPPED_AMENDMENT, "--by", "Ban A", "--on", "d5.k2",
                   "--text", "Đề nghị sửa.", "--json")
    assert added.exit_code == 0, added.output
    comment_id = json.loads(added.output)["comment"]["id"]
    assert complete(tmp_workspace, "regdraft comment respond ") == [comment_id]
    assert complete(tmp_workspace, f"regdraft comment respond {comment_id[:2]}") == [comment_id]


def test_addresses_complete_with_their_citation(tmp_workspace: Workspace) -> None:
    offered = complete(tmp_workspace, "regdraft show 01-QC/TU d5.k")
    assert offered[:3] == ["d5.k1", "d5.k1.a", "d5.k1.b"] and "d5.k1.dd" in offered
    assert {"d5.k2", "d5.k3"} <= set(offered) and all(a.startswith("d5.k") for a in offered)
    zsh = complete(tmp_workspace, "regdraft show 01-QC/TU d5.k2", shell="zsh")
    assert zsh[:3] == ["plain", "d5.k2", "khoản 2 Điều 5"]
    # --on after an amendment: the addresses of the regulation it amends.
    on = complete(tmp_workspace, f"regdraft comment add {SHIPPED_AMENDMENT} --on d12.k1.")
    assert on and all(a.startswith("d12.k1.") for a in on)


def test_completion_functions_offer_nothing_outside_a_workspace(tmp_path: pytest.TempPathFactory) -> None:
    show = cli.commands["show"]
    ctx = click.Context(show, info_name="show")
    ctx.params = {"workspace": str(tmp_path), "regulation": "01-QC/TU"}
    param = next(p for p in show.params if p.name == "regulation")
    assert complete_regulation(ctx, param, "") == []
    assert complete_address(ctx, param, "d") == []


def test_completion_functions_called_directly(tmp_workspace: Workspace) -> None:
    show = cli.commands["show"]
    ctx = click.Context(show, info_name="show")
    ctx.params = {"workspace": str(tmp_workspace.root), "regulation": "01-QC/TU-EN"}
    address = next(p for p in show.params if p.name == "address")
    # An English text's provisions are offered in its own short form (`a5.c2`), as `comment list` shows them.
    items = complete_address(ctx, address, "a5.c2")
    assert items[0].value == "a5.c2" and items[0].help == "clause 2, Article 5"


# What is typed for a parameter, by name, and what its completion must offer in the example workspace.
# A new slug (`amend new SLUG`, `amend import --slug`) is not completed: an existing one would be refused.
NEW_SLUGS = {("amend new", "slug"), ("amend import", "slug")}
ADDRESSES = ("address", "on", "source")  # `refs --from` is `source`
TYPED = {"regulation": "01-QC/TU", "regulations": "01-QC/TU", "slug": SHIPPED_AMENDMENT}


def _line(path: str, command: click.Command, param: click.Parameter) -> str:
    """The command line up to the word completing `param`, with the arguments before it filled in."""
    words = ["regdraft", *path.split()]
    for other in command.params:
        if other is param:
            break
        if isinstance(other, click.Argument) and other.name in TYPED:
            words.append(TYPED[other.name])
    if isinstance(param, click.Option):
        if "slug" in [p.name for p in command.params if isinstance(p, click.Argument)] and param.name != "slug":
            words.append(SHIPPED_AMENDMENT)
        words.append(max(param.opts, key=len))
    return " ".join([*words, ""])


def test_every_parameter_for_a_name_completes_through_the_tree(tmp_workspace: Workspace, invoke: Invoke) -> None:
    """Walk the click tree: each regulation, amendment, comment or address parameter offers the workspace's."""
    assert invoke(tmp_workspace, "round", "open", SHIPPED_AMENDMENT, "--due", "2099-01-01",
                  "--consult", "Ban A").exit_code == 0
    added = invoke(tmp_workspace, "comment", "add", SHIPPED_AMENDMENT, "--by", "Ban A", "--on", "d5.k2",
                   "--text", "Góp ý.", "--json")
    comment_id = json.loads(added.stdout)["comment"]["id"]
    offers = {"regulation": ["01-QC/TU", "01-QC/TU-EN"], "regulations": ["01-QC/TU", "01-QC/TU-EN"],
              "slug": [SHIPPED_AMENDMENT], "amendment": [SHIPPED_AMENDMENT], "comment_id": [comment_id]}
    checked = set()
    for path in command_paths():
        command = command_at(path)
        for param in command.params:
            name = param.name or ""
            if name not in (*offers, *ADDRESSES) or (path, name) in NEW_SLUGS:
                continue
            offered = complete(tmp_workspace, _line(path, command, param))
            if name in ADDRESSES:
                assert {"d5.k2", "d12.k1"} <= set(offered), (path, name, offered[:5])
            else:
                assert offered == offers[name], (path, name)
            checked.add((path, name))
    # the tree holds them all: a command that declares one plainly would fail above
    assert {("show", "address"), ("refs", "address"), ("comment add", "on"), ("comment list", "on"),
            ("comment respond", "comment_id"), ("comment respond", "slug"), ("redline", "amendment"),
            ("fmt", "regulations"), ("amend from-edits", "regulation"), ("refs", "source")} <= checked
    assert len(checked) >= 30


def test_a_new_slug_is_not_completed(tmp_workspace: Workspace) -> None:
    assert complete(tmp_workspace, "regdraft amend new ") == []

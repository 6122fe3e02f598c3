"""What a warm redline does not import: each module below was once loaded by every run for nothing.

Guards the fourth round of issue 22 (docs/performance.md): PyYAML (the settings and the profile
are kept in the cache), the conflict report (`workspace.resolve`: only when a conflict is found),
the consolidated text (the page header), comments and rounds, the adoption gates, and the other
command modules.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from regdraft.workspace.store import Workspace
from tests.conftest import unsaid

NOT_WHEN_WARM = ("yaml", "jinja2", "regdraft.workspace.resolve", "regdraft.render.consolidated",
                 "regdraft.core.consolidate", "regdraft.core.comments", "regdraft.core.anchoring",
                 "regdraft.core.comment_yaml",
                 "regdraft.workspace.gates", "regdraft.workspace.votes", "regdraft.cli.amend", "regdraft.cli.comments",
                 "regdraft.cli.rounds",
                 "regdraft.cli.core",
                 # r43's note on other drafts of the same provisions and the told-apart line: nothing to say with no
                 # other pending draft of the regulation; git's leftover locks are `check`'s (r44 sweep CH R2)
                 "regdraft.core.amend.overlap_tally", "regdraft.workspace.git_leftovers")


def _loaded(args: list[str], env: dict[str, str], cwd: Path) -> set[str]:
    return _run(args, env, cwd)[0]


def _run(args: list[str], env: dict[str, str], cwd: Path) -> tuple[set[str], str]:
    """The modules a run of `args` loaded, and what it said on standard error."""
    script = ("import sys, json\nfrom regdraft.cli import cli\n"
              f"try:\n    cli({args!r}, prog_name='regdraft')\n"
              "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
              "print(json.dumps(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=cwd, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1])), done.stderr


def test_a_warm_redline_imports_only_what_it_uses(tmp_workspace: Workspace, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    args = ["redline", "01-QC/TU", "--format", "html", "-C", str(tmp_workspace.root), "-o", str(tmp_path / "r.html")]
    cold = _loaded(args, env, tmp_path)
    assert "yaml" in cold  # the first run reads the texts, the settings and the profile
    warm = _loaded(args, env, tmp_path)
    assert sorted(m for m in NOT_WHEN_WARM if m in warm) == []
    assert {"regdraft.core.amend.apply", "regdraft.core.refs", "regdraft.render.redline"} <= warm  # its own work
    assert "Điều" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_a_note_on_another_draft_of_the_same_provisions_loads_no_comment_machinery(
        tmp_workspace: Workspace, tmp_path: Path) -> None:
    # Spelling `amend conflicts` in the note loaded every command module, the comments' anchoring with them (r44
    # sweep CH R2): only the `amend` commands' module is needed to write it.
    shipped = "amendments/qc-sua-doi-2025/amendment.md"
    tmp_workspace.commit({"amendments/qc-khac/amendment.md": tmp_workspace.read(shipped)}, "Another draft")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    args = ["redline", "01-QC/TU", "--amendment", "qc-sua-doi-2025", "--format", "html", "-C",
            str(tmp_workspace.root), "-o", str(tmp_path / "r.html")]
    _run(args, env, tmp_path)
    warm, said = _run(args, env, tmp_path)
    assert "Note: 1 other pending amendment changes provisions qc-sua-doi-2025 changes: qc-khac" in said, said
    assert "`regdraft amend conflicts` lists them" in said, said
    assert sorted(m for m in ("regdraft.core.anchoring", "regdraft.core.comments", "regdraft.cli.comments",
                              "regdraft.cli.export", "regdraft.core.amend.overlap_tally",
                              "regdraft.workspace.git_leftovers") if m in warm) == []


def test_a_conflict_is_still_found_and_reported_before_the_command(tmp_workspace: Workspace, tmp_path: Path) -> None:
    settings = tmp_workspace.root / "regdraft.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "<<<<<<< HEAD\nprofile: x\n=======\nprofile: y\n"
                        ">>>>>>> theirs\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", "from regdraft.cli import main; main()", "redline", "01-QC/TU",
                           "--format", "html", "-C", str(tmp_workspace.root)], capture_output=True, text=True,
                          env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")})
    assert done.returncode == 1
    assert "Conflict markers" in done.stderr and "regdraft resolve regdraft.yaml --ours" in done.stderr


def test_compare_outside_a_workspace_leaves_the_store_and_git_unloaded(tmp_path: Path) -> None:
    """`compare` of two loose files only asks whether they lie in a workspace (`workspace.roots`), and labels a
    change of end punctuation without loading the amendments engine (`regdraft.core.item_ends`)."""
    old = tmp_path / "old.md"
    new = tmp_path / "new.md"
    text = (Path(__file__).resolve().parents[1] / "regulations" / "01-QC-TU.md").read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    point_k = next(line for line in text.splitlines() if line.startswith("k) Quyết định triệu tập hội nghị"))
    assert point_k.endswith(".")  # the last point of khoản 1 Điều 5
    edited = text.replace("tập thể lãnh đạo,", "tập thể lãnh đạo, thử nghiệm so sánh,", 1)
    new.write_text(edited.replace(point_k, point_k[:-1] + ";", 1), encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    loaded = _loaded(["compare", str(old), str(new), "--format", "html", "-o", str(tmp_path / "c.html")], env, tmp_path)
    assert sorted(m for m in loaded if m in ("regdraft.workspace.store", "regdraft.workspace.journal", "git",
                                             "regdraft.core.amend")) == []
    page = unsaid((tmp_path / "c.html").read_text(encoding="utf-8"))
    assert '<ins class="ins">thử nghiệm so sánh, </ins>' in page
    assert page.count("sửa dấu câu cuối") == 1  # điểm k khoản 1 Điều 5
    assert page.count("summary-kind\">sửa đổi, bổ sung<") == 1


def _compare(tmp_path: Path) -> tuple[list[str], dict[str, str]]:
    """A compare of the shipped regulation with a copy one word longer, its `-o` in `tmp_path`, and the environment
    giving it a user cache of its own."""
    text = (Path(__file__).resolve().parents[1] / "regulations" / "01-QC-TU.md").read_text(encoding="utf-8")
    (tmp_path / "old.md").write_text(text, encoding="utf-8")
    (tmp_path / "new.md").write_text(text.replace("tập thể lãnh đạo,", "tập thể lãnh đạo, thử,", 1), encoding="utf-8")
    args = ["compare", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "--format", "html",
            "-o", str(tmp_path / "c.html")]
    return args, {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}


def test_a_warm_compare_does_not_import_the_parser(tmp_path: Path) -> None:
    """Both readings come from the parse cache: the tree builder (`core.markdown_tree`) and `core.validate`, the
    largest import of a warm compare's path once, are imported only when a text is read (thirtieth round)."""
    args, env = _compare(tmp_path)
    parser = ("regdraft.core.markdown_tree", "regdraft.core.validate")
    cold = _loaded(args, env, tmp_path)
    assert set(parser) <= cold  # the first run reads both texts
    first = (tmp_path / "c.html").read_bytes()
    warm = _loaded(args, env, tmp_path)
    assert sorted(m for m in parser if m in warm) == []
    assert (tmp_path / "c.html").read_bytes() == first


def test_a_warm_compare_loads_no_store_repair_code(tmp_path: Path) -> None:
    """`compare` checks its `-o` (`workspace.outputs`), which needs only the name a half-written file ends with: the
    store's repair code that defined it (`workspace.store_killed`: git's locks, /proc, the folders' walk) and what
    that loads (`json`, `shlex`, `textwrap`, the line-end and settled-file modules) are not imported for it
    (thirty-eighth round: 16 M instructions of a warm 1,000-article compare)."""
    args, env = _compare(tmp_path)
    # The modules listed one a line: the script loads no `json` of its own to print them.
    script = ("import sys\nfrom regdraft.cli import cli\n"
              f"try:\n    cli({args!r}, prog_name='regdraft')\n"
              "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
              "print('\\n'.join(sorted(sys.modules)))")
    for _ in range(2):  # cold, then warm
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path,
                              check=True)
    loaded = set(done.stdout.splitlines())
    assert "regdraft.workspace.outputs" in loaded  # the `-o` was checked
    unused = ("regdraft.workspace.store_killed", "regdraft.workspace.git_policy", "regdraft.workspace.settled",
              "regdraft.workspace.held_files", "regdraft.workspace.store_line_ends", "regdraft.core.markers", "json",
              "shlex", "textwrap")
    assert sorted(m for m in unused if m in loaded) == []
    assert '<ins class="ins">thử, </ins>' in unsaid((tmp_path / "c.html").read_text(encoding="utf-8"))



def test_a_warm_compare_reads_no_citation_and_still_says_one_named_twice(tmp_path: Path) -> None:
    """The citations of the new text naming a provision twice (`Điều 20 và Điều 20`, `workspace.renumbered_refs`)
    are found once per text, kept beside its reading: a warm compare neither reads them nor imports their grammar
    (`core.refs.finding`, `core.refs.citations`; forty-fourth round: half a warm 1,000-article compare's
    instructions), and says what the first run found."""
    args, env = _compare(tmp_path)
    grammar = ("regdraft.core.refs.finding", "regdraft.core.refs.citations")
    assert set(grammar) <= _loaded(args, env, tmp_path)  # the first run reads the new text's citations
    assert sorted(m for m in grammar if m in _loaded(args, env, tmp_path)) == []
    new = tmp_path / "new.md"
    new.write_text(new.read_text(encoding="utf-8").replace("tại khoản 1 và khoản 2 Điều này",
                                                           "tại khoản 1 và khoản 1 Điều này", 1), encoding="utf-8")
    pages = []
    for _ in range(2):  # read, then warm: the citation named twice kept beside the reading
        _loaded(args, env, tmp_path)
        pages.append(unsaid((tmp_path / "c.html").read_text(encoding="utf-8")))
    assert "Khoản 3 Điều 11 dẫn chiếu khoản 1 Điều 11 hai lần (“khoản 1 và khoản 1 Điều này”)" in pages[0]
    assert pages[1] == pages[0]

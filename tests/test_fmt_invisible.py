"""A regulation's file an earlier version imported with soft hyphens (U+00AD) and other invisible characters stored:
`fmt` leaves them out as an import does, in its one commit, and says so (r36, a regression of r35).

Round 35 made `check` name every line holding one (`core.text.INVISIBLE`) and `import` leave them out. A workspace
imported before kept them in its Markdown: `check` failed on every such line saying "retype the text around it",
`fmt` refused ("fmt rewrites no file while one has a problem") and `check --repair` did nothing, so the drafter had
to edit each line by hand. `fmt` now writes the file without them (the same rule as `importer.plaintext.clean`, so
the file is what an import of the same text writes), `fmt --check` lists the file as to be reformatted, and `check`
says that `fmt` leaves them out. A control character that is not invisible is still refused.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from click.testing import Result

from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import CORPUS, FIXTURES, Invoke, needs_corpus

MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")
REGULATION = "regulations/MINI-QC.md"
SHY = "\u00ad"
FMT_SAYS = "`regdraft fmt` leaves it out of the file, as an import does"

# As an earlier import stored them: soft hyphens inside words, in the front matter too, and a zero-width space and
# the joiners (which an import leaves out as well) beside a space.
HYPHENATED = (MINI.replace("title: Quy chế thử nghiệm", f"title: Quy chế thử{SHY} nghiệm")
              .replace("nguyên tắc, chế độ", f"nguyên tắc, chế{SHY} độ")
              .replace("Tập thể thảo luận", f"Tập thể thảo lu{SHY}ận")
              .replace("Hội nghị bất thường", "Hội nghị\u200b bất\u200c thường\u200d"))


def git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, check=True, capture_output=True, text=True).stdout


def snapshot(ws: Workspace) -> tuple[str, str, str, bytes]:
    return (git(ws, "rev-parse", "HEAD"), git(ws, "ls-files", "-s"), git(ws, "status", "--porcelain", "-uall"),
            (ws.root / REGULATION).read_bytes())


def said(result: Result) -> str:
    return " ".join(result.output.split())


def line_of(text: str, words: str) -> int:
    return text[:text.index(words)].count("\n") + 1


def test_check_says_fmt_leaves_a_stored_soft_hyphen_out(mini_workspace: Workspace, invoke: Invoke) -> None:
    ws = mini_workspace
    ws.commit({REGULATION: HYPHENATED.encode()}, "An old import")
    result = invoke(ws, "check")
    assert result.exit_code == 1  # still a problem: nobody misses it
    lines = [n for n, line in enumerate(HYPHENATED.split("\n"), start=1) if SHY in line or "\u200b" in line]
    for n in lines:
        assert f"{REGULATION}:{n}:" in result.output
    assert said(result).count(FMT_SAYS) == len(lines) == 4
    assert "retype the text around it" not in result.output
    point = line_of(HYPHENATED, "a) Tập thể")
    assert (f"{REGULATION}:{point}: điểm a khoản 2 Điều 2: This line holds the invisible character U+00AD (soft "
            f"hyphen: Word's optional hyphen), which no legal text holds") in said(result)


def test_fmt_leaves_them_out_in_one_commit_and_says_how_many(mini_workspace: Workspace, invoke: Invoke) -> None:
    ws = mini_workspace
    ws.commit({REGULATION: HYPHENATED.encode()}, "An old import")
    before = snapshot(ws)
    checked = invoke(ws, "fmt", "--check")
    assert checked.exit_code == 1 and f"would reformat {REGULATION}" in checked.output, checked.output
    assert "3 soft hyphens (Word's optional hyphens, U+00AD) would be left out, the first in this line" \
        in said(checked)
    assert "Nothing was rewritten" not in checked.output and snapshot(ws) == before
    head = before[0].strip()
    done = invoke(ws, "fmt", catch=False)
    assert done.exit_code == 0 and f"reformatted {REGULATION}" in done.output, done.output
    assert (ws.root / REGULATION).read_text(encoding="utf-8") == MINI
    assert git(ws, "rev-list", "--count", f"{head}..HEAD").strip() == "1" and git(ws, "status", "--porcelain") == ""
    title, joined = line_of(MINI, "title:"), line_of(MINI, "- Hội nghị bất thường")
    assert (f"{REGULATION}:{title}: 3 soft hyphens (Word's optional hyphens, U+00AD) left out, the first in this "
            "line: a soft hyphen only marks where a word may break at a line's end and is no part of the wording. "
            "«chế thử nghiệm»") in said(done)
    assert (f"{REGULATION}:{joined}: khoản 1 Điều 3: 3 invisible characters (U+200B (zero width space), U+200C "
            "(zero width non-joiner), U+200D (zero width joiner)) left out, the first in this line: no legal text "
            "holds them. «Hội nghị bất»") in said(done)
    assert invoke(ws, "check").exit_code == 0
    assert invoke(ws, "fmt").output.strip() == "All files are canonical."


def test_fmt_json_lists_what_it_left_out(mini_workspace: Workspace, invoke: Invoke) -> None:
    ws = mini_workspace
    ws.commit({REGULATION: HYPHENATED.encode()}, "An old import")
    data = json.loads(invoke(ws, "fmt", "--json", catch=False).output)
    assert data["changed"] == [REGULATION] and data["problems"] == []
    assert [(note["file"], note["line"], note["message"].split(" (")[0]) for note in data["left_out"]] == [
        (REGULATION, line_of(MINI, "title:"), "3 soft hyphens"),
        (REGULATION, line_of(MINI, "- Hội nghị bất"), "3 invisible characters")]


def test_fmt_names_the_line_where_the_words_stand_in_the_rewritten_file(mini_workspace: Workspace,
                                                                         invoke: Invoke) -> None:
    # Hand-edited as well: blank lines doubled, which fmt takes away, so every line below moves up.
    edited = HYPHENATED.replace("\n\n", "\n\n\n").replace(f"thử{SHY} nghiệm", "thử nghiệm")
    ws = mini_workspace
    ws.commit({REGULATION: edited.encode()}, "An old import, edited by hand")
    assert line_of(edited, "Quy chế này quy định") != line_of(MINI, "Quy chế này quy định")
    done = invoke(ws, "fmt", catch=False)
    assert (ws.root / REGULATION).read_text(encoding="utf-8") == MINI
    # The line named is the one of the file as written now, and the provision it belongs to.
    assert f"{REGULATION}:{line_of(MINI, 'Quy chế này quy định')}: Điều 1: 2 soft hyphens" in said(done), done.output
    assert f"{REGULATION}:{line_of(MINI, '- Hội nghị bất')}: khoản 1 Điều 3: 3 invisible" in said(done)
    # `--check` names the lines of the file as it stands, since it writes nothing.
    ws.commit({REGULATION: edited.encode()}, "Again")
    checked = invoke(ws, "fmt", "--check")
    assert f"{REGULATION}:{line_of(edited, 'Quy chế này quy định')}: Điều 1: 2 soft hyphens" in said(checked)


def test_a_control_character_is_still_refused_and_nothing_is_written(mini_workspace: Workspace,
                                                                      invoke: Invoke) -> None:
    ws = mini_workspace
    # A bell after a soft hyphen on one line: the line is named by the control character, which only retyping
    # puts right, and fmt (all or nothing) writes neither file.
    broken = MINI.replace("Thiểu số phục tùng", f"Thiểu{SHY} số\x07 phục tùng")
    ws.commit({REGULATION: HYPHENATED.encode(), "regulations/B.md": broken.replace("MINI-QC", "B").encode()}, "Add")
    before = snapshot(ws)
    result = invoke(ws, "fmt")
    assert result.exit_code == 1 and "Nothing was rewritten" in result.output
    line = line_of(broken, "c) Thiểu")
    assert (f"regulations/B.md:{line}: điểm c khoản 2 Điều 2: This line holds the control character U+0007, which no "
            "document format can hold; retype the text around it.") in said(result)
    assert snapshot(ws) == before
    checked = invoke(ws, "check")
    assert f"regulations/B.md:{line}: điểm c khoản 2 Điều 2: This line holds the control character U+0007" \
        in said(checked)


def test_fmt_refuses_over_uncommitted_soft_hyphens(mini_workspace: Workspace, invoke: Invoke) -> None:
    ws = mini_workspace
    (ws.root / REGULATION).write_text(HYPHENATED, encoding="utf-8")
    before = snapshot(ws)
    result = invoke(ws, "fmt")
    assert result.exit_code == 1 and f"uncommitted changes to {REGULATION}" in result.output, result.output
    assert snapshot(ws) == before


def test_fmt_leaves_them_out_of_a_crlf_checkout(mini_workspace: Workspace, tmp_path: Path, invoke: Invoke) -> None:
    mini_workspace.commit({REGULATION: HYPHENATED.encode()}, "An old import")
    target = tmp_path / "windows"
    subprocess.run(["git", "clone", "-q", "-c", "core.autocrlf=true", str(mini_workspace.root), str(target)],
                   check=True, capture_output=True)
    ws = Workspace(target)
    assert b"\r\n" in (target / REGULATION).read_bytes()
    assert invoke(ws, "fmt", "--check").exit_code == 1
    done = invoke(ws, "fmt")
    assert done.exit_code == 0 and f"reformatted {REGULATION}" in done.output, done.output
    assert git(ws, "show", f"HEAD:{REGULATION}") == MINI and git(ws, "status", "--porcelain") == ""
    assert invoke(ws, "fmt", "--check").exit_code == 0


def test_an_amending_document_s_line_is_still_for_the_drafter_to_retype(consulting_workspace: Workspace,
                                                                         invoke: Invoke) -> None:
    ws = consulting_workspace
    path = ws.root / "amendments" / "mini-sua" / "amendment.md"
    text = path.read_text(encoding="utf-8")
    first = next(line for line in text.split("\n")[12:] if " " in line.strip() and not line.startswith("#"))
    ws.commit({"amendments/mini-sua/amendment.md": text.replace(first, first.replace(" ", f"{SHY} ", 1), 1).encode(),
               REGULATION: HYPHENATED.encode()}, "Soft hyphens in both")
    result = invoke(ws, "check")
    line = line_of(text, first)
    assert f"amendments/mini-sua/amendment.md:{line}:" in said(result)
    amendment = next(s for s in result.output.split("\n") if s.startswith(f"amendments/mini-sua/amendment.md:{line}:"))
    assert amendment.endswith("retype the text around it.") and "fmt" not in amendment
    # fmt leaves the amending document as it is.
    assert invoke(ws, "fmt").exit_code == 0
    assert path.read_text(encoding="utf-8") != text and SHY in path.read_text(encoding="utf-8")


def test_adopting_over_a_stored_soft_hyphen_names_fmt(tmp_workspace: Workspace, invoke: Invoke) -> None:
    ws = tmp_workspace
    path = ws.root / "regulations" / "01-QC-TU.md"
    ws.commit({"regulations/01-QC-TU.md": path.read_text(encoding="utf-8").replace(
        "nhiệm vụ", f"nhiệm{SHY}vụ", 1).encode()}, "An old import")
    before = git(ws, "rev-parse", "HEAD")
    result = invoke(ws, "amend", "adopt", "qc-sua-doi-2025", "--signed", "2025-10-20", "--effective", "2025-11-01",
                    "--force", "--reason", "Tested")
    assert result.exit_code == 1 and FMT_SAYS in said(result), result.output
    assert git(ws, "rev-parse", "HEAD") == before
    assert invoke(ws, "fmt").exit_code == 0


@needs_corpus
def test_fmt_makes_a_law_stored_with_soft_hyphens_what_an_import_writes(tmp_path: Path, invoke: Invoke) -> None:
    import re

    root = tmp_path / "ws"
    ws = init_workspace(root)
    assert invoke(ws, "import", str(CORPUS / "luat-du-lich.txt")).exit_code == 0
    [stored] = (root / "regulations").glob("*.md")
    clean = stored.read_bytes()
    # As Word's optional hyphens come: inside every long word of every third line, front matter included; and the
    # zero-width characters an import leaves out too, beside the spaces.
    lines = clean.decode("utf-8").split("\n")
    hyphenated = "\n".join(re.sub(r"\b(\w{3})(\w{3,})", rf"\1{SHY}\2", line) if n % 3 == 0 else line
                           for n, line in enumerate(lines))
    hyphenated = hyphenated.replace("Du lịch", "Du\u200b lịch\u2060", 3).replace("doanh nghiệp",
                                                                                  "doanh\u200c nghiệp\u200d", 2)
    assert hyphenated.count(SHY) > 100
    stored.write_text(hyphenated, encoding="utf-8")
    # As the import of an earlier version committed it.
    git(ws, "-c", "user.name=regdraft", "-c", "user.email=regdraft@localhost", "commit", "-q", "--amend", "-a",
        "--no-edit")
    assert invoke(ws, "check").exit_code == 1
    done = invoke(ws, "fmt")
    assert done.exit_code == 0, done.output
    assert stored.read_bytes() == clean  # byte for byte the import
    assert f"{hyphenated.count(SHY)} soft hyphens (Word's optional hyphens, U+00AD) left out" in said(done)
    after = invoke(ws, "check")
    assert after.exit_code == 0 and "warning" not in after.output, after.output  # no hand edit: the text reads alike

"""A workspace template cannot take memory or time out of proportion to its document by many values each within
the bound of one (`Budget.memory`, `Budget.work`), nor hand WeasyPrint more elements than its document could need
(`page_bound.check_elements`). The attacks are scaled down with the bounds, so each would take seconds (and
hundreds of megabytes) without them, and the full-size ones more than a minute and gigabytes."""

from __future__ import annotations

import contextlib
import shutil
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from regdraft.core.errors import RegdraftError
from regdraft.render import limits, page_bound
from regdraft.render.html import environment
from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import CORPUS, REPO_ROOT, Invoke, in_corpus

SHIPPED_TEMPLATES = REPO_ROOT / "regdraft" / "templates"


def _render(tmp_path: Path, source: str) -> tuple[str, int]:
    """The message `source` (as the workspace's `templates/x.html.j2`) stops with, and its peak bytes. (No time is
    asserted: the refusal itself shows the work was cut off at the bound.)"""
    (tmp_path / "templates").mkdir(exist_ok=True)
    (tmp_path / "templates" / "x.html.j2").write_text(source, encoding="utf-8")
    template = environment(tmp_path).get_template("x.html.j2")
    tracemalloc.start()
    try:
        with pytest.raises(RegdraftError) as caught:
            template.render()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return str(caught.value), peak


# A tenth of the reporter's attacks under a tenth of the memory bound: each line of the first kept another 7.6 MB
# (1.29 GB at full size, 16 lines), each level of the macro another copy.
MEMORY = {
    "emoji texts kept": '{% set a = "😀" * 1900000 %}\n' + "\n".join(f'{{% set a{i} = a ~ "0" %}}' for i in range(16)),
    "a macro carrying its text": ('{% macro f(s, n) %}{% if n %}{{ f(s ~ "x", n - 1) }}{% endif %}{% endmacro %}'
                                  '{{ f("😀" * 1900000, 16) }}'),
    "slices kept": '{% set s = "😀" * 1900000 %}{% set ns = namespace(l=[]) %}{% for i in range(16) %}'
                   "{% set ns.l = ns.l + [s[i:]] %}{% endfor %}",
}


@pytest.mark.parametrize("source", MEMORY.values(), ids=list(MEMORY))
def test_values_kept_together_are_bounded_in_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    source: str) -> None:
    monkeypatch.setattr(limits, "BASE_MEMORY", 20_000_000, raising=False)
    message, peak = _render(tmp_path, source)
    assert message.startswith("templates/x.html.j2:"), message
    assert "the values it makes take more than 20,000,000 bytes in all" in message
    assert "Traceback" not in message
    assert peak < 60_000_000


# Each step reads a long text again (the reporter's `wordcount` took 5 s a step on 18 million characters).
WORK = {
    "wordcount": '{% set s = "ab " * 200000 %}{% for i in range(30) %}{{ s|wordcount }}{% endfor %}',
    "wordwrap": '{% set s = "ab " * 30000 %}{% for i in range(30) %}{{ s|wordwrap|length }}{% endfor %}',
    "sort": '{% set s = "ab " * 20000 %}{% for i in range(30) %}{{ s|sort|length }}{% endfor %}',
    "a method": '{% set s = "ab " * 1000000 %}{% for i in range(3000) %}{{ s.find("x") }}{% endfor %}',
    "a comparison": '{% set s = "a" * 3000000 %}{% set t = "a" * 3000000 %}{% for i in range(3000) %}'
                    "{{ s == t }}{% endfor %}",
    "in": '{% set s = "a" * 3000000 %}{% for i in range(3000) %}{{ "b" in s }}{% endfor %}',
    "a test": '{% set s = "a" * 3000000 %}{% for i in range(3000) %}{{ "b" is in s }}{% endfor %}',
}


@pytest.mark.parametrize("source", WORK.values(), ids=list(WORK))
def test_work_on_long_values_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str) -> None:
    monkeypatch.setattr(limits, "BASE_WORK", 3_000_000, raising=False)
    message, _ = _render(tmp_path, source)
    assert message.startswith("templates/x.html.j2:1: the template was stopped: it does too much work"), message
    assert "3,000,000 characters" in message


def test_the_full_size_attacks_are_stopped(tmp_path: Path) -> None:
    """The reporter's own templates, at the real bounds: 1.29 GB and hours before."""
    for source in ('{% set a = "😀" * 19000000 %}\n' + "\n".join(f'{{% set a{i} = a ~ "0" %}}' for i in range(16)),
                   '{% set s = "ab " * 6000000 %}{% for i in range(3) %}{{ s|wordcount }} {% endfor %}'):
        message, peak = _render(tmp_path, source)
        assert "the template was stopped" in message and peak < limits.BASE_MEMORY + 100_000_000


def _with_overrides(root: Path) -> None:
    """Every shipped template copied into the workspace's templates/, so that each render is the bounded one."""
    (root / "templates").mkdir(exist_ok=True)
    for template in SHIPPED_TEMPLATES.glob("*.j2"):
        shutil.copy(template, root / "templates" / template.name)


@contextlib.contextmanager
def _budgets() -> Iterator[list[limits.Budget]]:
    """The budgets of the bounded renders done inside, as they ended."""
    found: list[limits.Budget] = []
    stock = limits.budget

    @contextlib.contextmanager
    def kept(size: int) -> Iterator[limits.Budget]:
        with stock(size) as budget:
            try:
                yield budget
            finally:
                found.append(budget)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits, "budget", kept)
        yield found


@contextlib.contextmanager
def _not_laid_out() -> Iterator[list[str]]:
    """PDF output made up to WeasyPrint and no further: the paged HTML rendered (and bounded) by the shipped
    templates and its elements checked (`page_bound.check_elements`), then the page written as it is, for the
    budgets are spent rendering the templates, and laying out hundreds of pages (tests/test_render_pdf.py and
    the corpus's PDF tests do) measures nothing here. The pages reached are listed."""
    from regdraft.render import pdf

    reached: list[str] = []

    def written(html: str, output: Path, *, renders: object = None, **_: object) -> None:
        page_bound.check_elements(html, renders)  # type: ignore[arg-type]
        reached.append(html)
        output.write_text(html, encoding="utf-8")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "write_pdf", written)
        yield reached


def _well_within(budgets: list[limits.Budget]) -> None:
    assert budgets
    for budget in budgets:
        assert budget.held < budget.memory / 10 and budget.done < budget.work / 10, budget


def test_the_shipped_templates_keep_well_within_on_the_shipped_regulation(tmp_path: Path, invoke: Invoke) -> None:
    ws = init_workspace(tmp_path / "ws", example_from=REPO_ROOT)
    _with_overrides(ws.root)
    for command in (("export", "01-QC/TU"), ("redline", "01-QC/TU"), ("redline", "01-QC/TU", "--layout", "table")):
        for suffix in ("html", "pdf"):
            with _budgets() as budgets:
                result = invoke(ws, *command, "-o", str(tmp_path / f"out.{suffix}"))
            assert result.exit_code == 0, result.output
            _well_within(budgets)


# The benchmark's 1,000 articles and each law of the corpus: one test each, so that the two workers share them.
CORPUS_LAWS = sorted(law.name for law in CORPUS.glob("*.txt"))


@pytest.mark.slow
@pytest.mark.parametrize("law", [None, *CORPUS_LAWS], ids=["benchmark", *CORPUS_LAWS])
def test_the_shipped_templates_keep_well_within_on_the_benchmark_and_the_corpus(tmp_path: Path, invoke: Invoke,
                                                                                law: str | None) -> None:
    from benchmarks.generate import generate

    in_corpus(CORPUS)
    ws = init_workspace(tmp_path / "ws")
    if law is None:
        (ws.root / "regulations" / "BENCH-QC-TU.md").write_text(generate(1000), encoding="utf-8")
    else:
        assert invoke(ws, "import", str(CORPUS / law)).exit_code == 0
    _with_overrides(ws.root)
    (regulation,) = (ws.root / "regulations").glob("*.md")
    name = next(line[3:].strip() for line in regulation.read_text(encoding="utf-8").splitlines()
                if line.startswith("id:"))
    for suffix in ("html", "pdf"):
        with _budgets() as budgets, _not_laid_out() as reached:
            result = invoke(ws, "export", name, "-o", str(tmp_path / f"out.{suffix}"), "--force")
        assert result.exit_code == 0, result.output
        _well_within(budgets)
        assert len(reached) == (suffix == "pdf")


def _hidden_elements(ws: Workspace, count: int) -> None:
    """The reporter's override: the shipped consolidated text with `count` hidden empty elements in its banner."""
    shipped = (SHIPPED_TEMPLATES / "consolidated.html.j2").read_text(encoding="utf-8")
    hostile = shipped.replace("{% block banner %}", "{% block banner %}<div style=\"display:none\">"
                              f'{{{{ ("<b></b>" * {count})|safe }}}}</div>', 1)
    assert hostile != shipped
    (ws.root / "templates" / "consolidated.html.j2").write_text(hostile, encoding="utf-8")


def test_hidden_elements_are_refused_before_weasyprint_reads_them(tmp_workspace: Workspace, invoke: Invoke,
                                                                  tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """285,000 hidden elements took WeasyPrint 66 s and 2.5 GB; here 5,000, under a floor of 1,000."""
    monkeypatch.setattr(page_bound, "MIN_ELEMENTS", 1_000, raising=False)
    _hidden_elements(tmp_workspace, 5_000)
    result = invoke(tmp_workspace, "export", "01-QC/TU", "-o", str(tmp_path / "o.pdf"))
    assert result.exit_code == 1, result.output
    assert "templates/consolidated.html.j2: the HTML made with this template holds 5,3" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "o.pdf").exists()
    # The same override makes its HTML page, which no WeasyPrint reads.
    assert invoke(tmp_workspace, "export", "01-QC/TU", "-o", str(tmp_path / "o.html")).exit_code == 0


def test_the_full_size_hidden_elements_are_refused(tmp_workspace: Workspace, invoke: Invoke,
                                                           tmp_path: Path) -> None:
    _hidden_elements(tmp_workspace, 285_000)
    result = invoke(tmp_workspace, "export", "01-QC/TU", "-o", str(tmp_path / "o.pdf"))
    assert result.exit_code == 1 and "templates/consolidated.html.j2: the HTML" in result.output, result.output

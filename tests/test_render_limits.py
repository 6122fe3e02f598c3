"""A workspace template cannot exhaust the computer: its render keeps within budgets of values, steps and output."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from regdraft.core.errors import RegdraftError
from regdraft.render.html import environment
from regdraft.render.limits import BASE_OUTPUT, BASE_STEPS, BASE_VALUES, MAX_RANGE
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

# Each would take gigabytes, or hours, without the budgets; each is refused within seconds.
HOSTILE = {
    "a text too long": '{{ "x" * 300000000 }}',
    "loops inside loops": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "a loop doubling a text": ('{% set ns = namespace(s="x") %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}'
                               "{% endfor %}{{ ns.s|length }}"),
    "a loop doubling a list": ('{% set ns = namespace(l=["xxxxxxxxxx"]) %}{% for i in range(60) %}'
                               "{% set ns.l = [ns.l, ns.l] %}{% endfor %}{{ ns.l }}"),
    "a macro calling itself twice": ("{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}"
                                     "{{ f(60) }}"),
    "a padding filter": '{{ "x"|center(1000000000) }}',
    "a format's width": '{{ "{:>1000000000}".format(1) }}',
    "a printf width": '{{ "%1000000000d" % 1 }}',
    "a join's separator": '{{ range(100000)|join("x" * 1000000) }}',
    "a huge number": "{{ 2 ** 100000000 }}",
    "a padding method": '{{ "x".ljust(1000000000) }}',
    "output in a loop": '{% for i in range(100000) %}{{ "y" * 10000 }}{% endfor %}',
    "a range too long": "{% for i in range(1000000) %}{% endfor %}",
}


@pytest.mark.parametrize("source", HOSTILE.values(), ids=list(HOSTILE))
def test_a_hostile_template_is_stopped_with_a_sentence_naming_it(tmp_path: Path, source: str) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "hostile.html.j2").write_text("<p>\n" + source + "\n</p>\n", encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(RegdraftError) as caught:
        environment(tmp_path).get_template("hostile.html.j2").render()
    assert time.monotonic() - started < 30
    message = str(caught.value)
    assert message.startswith("templates/hostile.html.j2"), message
    assert "Traceback" not in message
    assert any(f"{bound:,}" in message for bound in (BASE_VALUES, BASE_STEPS, BASE_OUTPUT, MAX_RANGE, 100_000))


def test_the_line_of_the_template_is_named(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "comment_report.html.j2").write_text('<p>\n\n{{ "x" * 300000000 }}\n</p>\n',
                                                                    encoding="utf-8")
    with pytest.raises(RegdraftError, match=r"^templates/comment_report.html.j2:3: the template was stopped: "
                                            r"it makes a value of more than 20,000,000 characters"):
        environment(tmp_path).get_template("comment_report.html.j2").render()


def test_ordinary_template_code_still_works(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "ok.html.j2").write_text(
        '{% set ns = namespace(n=0) %}{% for x in [1, 2, 3] if x > 1 %}{{ loop.index }}/{{ loop.length }} '
        '{% set ns.n = ns.n + x %}{% endfor %}{{ ns.n }} {{ "ab" * 3 }} {{ "%05d"|format(42) }} '
        '{{ ["a", "b"]|join(", ") }} {{ "x" ~ 1 }} {{ 2 ** 10 }} {{ "{:>4}".format(7) }}', encoding="utf-8")
    assert environment(tmp_path).get_template("ok.html.j2").render() == "1/2 2/2 5 ababab 00042 a, b x1 1024    7"


def test_export_of_a_hostile_template_fails_without_a_file(tmp_workspace: Workspace, invoke: Invoke,
                                                            tmp_path: Path) -> None:
    (tmp_workspace.root / "templates" / "consolidated.html.j2").write_text(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", encoding="utf-8")
    result = invoke(tmp_workspace, "export", "01-QC/TU", "--format", "html", "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 1, result.output
    assert "templates/consolidated.html.j2:1: the template was stopped: it repeats too much" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "x.html").exists()


def test_the_review_server_answers_a_hostile_template_with_an_error_page(tmp_path: Path) -> None:
    from regdraft.workspace.rounds import open_round
    from regdraft.workspace.store import init_workspace
    from tests.conftest import REPO_ROOT
    from tests.web.conftest import BODIES, SLUG, client

    ws = init_workspace(tmp_path / "ws", example_from=REPO_ROOT)
    open_round(ws, SLUG, "Lấy ý kiến các ban", "2025-03-15", BODIES)
    (ws.root / "templates").mkdir(exist_ok=True)
    (ws.root / "templates" / "redline-inline.html.j2").write_text(
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
        encoding="utf-8")
    started = time.monotonic()
    page = client(ws).get(f"/a/{SLUG}/redline")
    assert time.monotonic() - started < 60
    assert page.status_code >= 400
    assert "redline-inline.html.j2" in page.text and "Traceback" not in page.text


def test_only_a_workspace_template_is_compiled_with_budgets(tmp_path: Path) -> None:
    """regdraft's own templates cost no budget checks: their code has none, a workspace template's has."""
    (tmp_path / "templates").mkdir()
    env = environment(tmp_path)
    shipped, filename, _ = env.loader.get_source(env, "signature.html.j2")  # type: ignore[union-attr]
    plain = env.compile(shipped, "signature.html.j2", filename, raw=True)
    assert "for " in plain and "counted" not in plain and "environment.call(" not in plain
    (tmp_path / "templates" / "signature.html.j2").write_text(shipped, encoding="utf-8")
    own, filename, _ = env.loader.get_source(env, "signature.html.j2")  # type: ignore[union-attr]
    assert "environment.counted" in env.compile(own, "signature.html.j2", filename, raw=True)


def test_a_shipped_template_run_by_a_workspace_template_is_counted(tmp_path: Path) -> None:
    """A workspace template including one of regdraft's in a loop, over a list it made, is stopped by its steps
    (regdraft's template counts its loops too), not only once its output grows too long."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "hostile.html.j2").write_text(
        '{% set recipients = range(100000)|list %}{% set signer = {"on_behalf": "", "title": "", "name": ""} %}'
        '{% set words = {"recipients": ""} %}'
        '{% for i in range(100000) %}{% include "signature.html.j2" %}{% endfor %}', encoding="utf-8")
    with pytest.raises(RegdraftError, match="it repeats too much"):
        environment(tmp_path).get_template("hostile.html.j2").render()


def test_a_shipped_template_extending_a_workspace_one_is_counted(tmp_path: Path) -> None:
    """A workspace `base.html.j2` under regdraft's comment report is bounded, and so is the report's own code."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "base.html.j2").write_text(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", encoding="utf-8")
    with pytest.raises(RegdraftError, match=r"^templates/base.html.j2:1: the template was stopped: it repeats"):
        environment(tmp_path).get_template("comment_report.html.j2").render()

"""A workspace template cannot exhaust the computer: its render keeps within budgets of values, steps and output."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from regdraft.core.errors import RegdraftError
from regdraft.render.html import environment
from regdraft.render.limits import BASE_CALLS, BASE_OUTPUT, BASE_STEPS, BASE_VALUES, MAX_DEPTH, MAX_RANGE
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
    "macros calling each other twice": ("{% macro m20() %}{% endmacro %}" + "".join(
        f"{{% macro m{i}() %}}{{{{ m{i + 1}() }}}}{{{{ m{i + 1}() }}}}{{% endmacro %}}" for i in range(20))
        + "{{ m0() }}"),
    # The items of a recursive loop's `loop(...)` were not counted: 100,000 each, for 300,000 calls.
    "a recursive loop": ("{% for x in range(100000) recursive %}{% if loop.depth < 3 %}{{ loop(range(100000)) }}"
                         "{% endif %}{% endfor %}"),
    "a printf width given": '{{ "%*d" % (1000000000, 1) }}',
    "a format's width given": '{{ "{:>{}}".format(1, 1000000000) }}',
    "a format_map's width given": '{{ "{x:>{w}}".format_map({"x": 1, "w": 1000000000}) }}',
    "a precision": '{{ "{:.1000000000f}".format(1.5) }}',
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
    assert any(f"{bound:,}" in message for bound in (BASE_VALUES, BASE_STEPS, BASE_OUTPUT, MAX_RANGE, 100_000,
                                                         BASE_CALLS, MAX_DEPTH))


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


@pytest.mark.parametrize("source", ['{{ "x".encode().ljust(300000000) }}', '{{ (1).to_bytes(300000000, "big") }}'],
                         ids=["a padding method of bytes", "a number's bytes"])
def test_bytes_padded_to_a_number_are_refused_before_they_are_made(tmp_path: Path, source: str) -> None:
    """Padding methods of bytes (and a number's bytes) were measured only once made: 300 MB here, any size asked."""
    import tracemalloc

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "x.html.j2").write_text(source, encoding="utf-8")
    template = environment(tmp_path).get_template("x.html.j2")
    tracemalloc.start()
    try:
        with pytest.raises(RegdraftError, match=r"^templates/x.html.j2:1: the template was stopped: it makes a value"):
            template.render()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000


class Ticks:
    """Counts the calls of the macro under test (it calls `tick()`, a helper it is handed, once a call)."""

    def __init__(self) -> None:
        self.count = 0

    def tick(self) -> str:
        self.count += 1
        return ""


@pytest.mark.parametrize(("depth", "stop", "bound"), [
    (60, "inside one another more than 50 deep", MAX_DEPTH),  # stopped by its depth
    (20, "too often: more than 10,000 calls", BASE_CALLS),  # 2 ** 20 calls, 20 deep: stopped by their number
])
def test_a_macro_calling_itself_twice_is_stopped_within_its_calls(tmp_path: Path, depth: int, stop: str,
                                                                  bound: int) -> None:
    """A macro call costs some fifty loop iterations: counted as one step, a macro calling itself twice ran
    300,000 calls (6 s) before it was stopped."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "x.html.j2").write_text(
        "<p>\n{% macro f(n) %}{{ tick() }}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}\n"
        f"{{{{ f({depth}) }}}}\n</p>\n", encoding="utf-8")
    ticks = Ticks()
    stopped = rf"^templates/x.html.j2:2: the template was stopped: it calls macros {stop}"
    with pytest.raises(RegdraftError, match=stopped):
        environment(tmp_path).get_template("x.html.j2").render(tick=ticks.tick)
    assert 0 < ticks.count <= bound


def test_macros_and_numbers_of_ordinary_templates_still_work(tmp_path: Path) -> None:
    """A number over the bound of a value is a width only where a pattern pads to it: sums of money were refused
    (`"{:,}".format(25000000)`, `default(30000000)`). A macro walking a tree calls itself, less deep than the
    bound, as often as the tree has branches."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "ok.html.j2").write_text(
        '{{ "{:,}".format(25000000) }} | {{ "{:>12,}".format(25000000) }} | {{ "%d đồng"|format(25000000) }} | '
        '{{ "%s" % 30000000 }} | {{ nothing|default(30000000) }} | {{ (25000000 * 3)|round|int }} | '
        '{{ "{} / 25000000".format(1) }} | {{ "{n:,}".format_map({"n": 21000000}) }} | '
        "{% macro tree(n) %}{% if n %}({{ tree(n - 1) }}{{ tree(n - 1) }}){% endif %}{% endmacro %}"
        "{{ tree(12)|length }}", encoding="utf-8")
    assert environment(tmp_path).get_template("ok.html.j2").render() == (
        "25,000,000 |   25,000,000 | 25000000 đồng | 30000000 | 30000000 | 75000000 | 1 / 25000000 | 21,000,000 | "
        f"{2 * (2 ** 12 - 1)}")


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

"""How a template's code is compiled: regdraft's own templates without budgets (`ShippedCode`), any other
with each loop, join, comparison and written value counted (`BoundedCode`), and the filters and tests a bounded
render calls (`BoundedFilters`, `bounded_test`). `render.templates.TemplateEnvironment` chooses between them.

Post-conditions:
1. A shipped template's code lists the templates it names under `REFERENCES`, a bounded one's under `NAMED`.
2. Shipped code calls the environment's plain `call`, filters, tests and `concat`, and computes `*`, `**`, `%` and
   `+` itself; bounded code goes through the environment's counted ones (`counted`, `joined`, `compared`,
   `made`), so a workspace template keeps within `regdraft.render.limits`' budgets.
3. A bounded filter takes a step of the render's budget, and is refused when its result could be too large.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import jinja2
import jinja2.meta
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, operators

from regdraft.render import limits

# The name under which a shipped template's code lists the templates it names (`_Template.references`).
REFERENCES = "regdraft_references"
NAMED = "regdraft_named"  # and a bounded template's (`_Template.named`)


class ShippedCode(CodeGenerator):
    """Jinja2's code for regdraft's own templates: the sandbox's calls, operators, filters and joins, unbounded.

    The environment's own `call`, `filters` and `concat` are the bounded ones (any other code uses them); this
    code asks for the plain ones instead, and computes `*`, `**`, `%` and `+` itself."""

    _pulling = False

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        super().visit_Template(node, frame)
        self.writeline(f"{REFERENCES} = {tuple(jinja2.meta.find_referenced_templates(node))!r}")

    def pull_dependencies(self, nodes: Any) -> None:
        self._pulling = True
        try:
            super().pull_dependencies(nodes)
        finally:
            self._pulling = False

    def write(self, x: str) -> None:
        if self._pulling:  # `t_1 = environment.filters['name']`
            x = x.replace(" = environment.filters[", " = environment.unbounded_filters[", 1)
            x = x.replace(" = environment.tests[", " = environment.unbounded_tests[", 1)
        else:
            x = _SHIPPED_CALLS.get(x, x)
        super().write(x)

    def _plain(self, operator: str, node: nodes.BinExpr, frame: Frame) -> None:
        self.write("(")
        self.visit(node.left, frame)
        self.write(f" {operator} ")
        self.visit(node.right, frame)
        self.write(")")

    def visit_Add(self, node: nodes.BinExpr, frame: Frame) -> None:
        self._plain("+", node, frame)

    def visit_Mul(self, node: nodes.BinExpr, frame: Frame) -> None:
        self._plain("*", node, frame)

    def visit_Mod(self, node: nodes.BinExpr, frame: Frame) -> None:
        self._plain("%", node, frame)

    def visit_Pow(self, node: nodes.BinExpr, frame: Frame) -> None:
        self._plain("**", node, frame)


# What a template calls that runs template code, at some fifty times the cost of a loop iteration: a macro (a
# `caller` too), a recursive loop's `loop`, a block through `self`; each is counted in `Budget.calls` too.
MACROS = (jinja2.runtime.Macro, jinja2.runtime.LoopContext, jinja2.runtime.BlockReference)

_SHIPPED_CALLS = {"environment.call(context, ": "environment.unbounded_call(context, ",
                  "concat = environment.concat": "concat = environment.unbounded_concat"}


class BoundedCode(CodeGenerator):
    """Jinja2's code, with each loop's items counted and each `~` join and written list or dict measured."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        super().visit_Template(node, frame)
        self.writeline(f"{NAMED} = {tuple(jinja2.meta.find_referenced_templates(node))!r}")

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        items = nodes.Call(nodes.EnvironmentAttribute("counted"), [node.iter], [], None, None, lineno=node.lineno)
        super().visit_For(nodes.For(node.target, items, node.body, node.else_, node.test, node.recursive,
                                    lineno=node.lineno), frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.joined(context.eval_ctx, (")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        self.write("))")

    def visit_Compare(self, node: nodes.Compare, frame: Frame) -> None:
        self.write("(")
        self._measured(self.visit, node.expr, frame, "environment.compared(")
        for operand in node.ops:
            self.write(f" {operators[operand.op]} ")
            self._measured(self.visit, operand.expr, frame, "environment.compared(")
        self.write(")")

    def visit_Getitem(self, node: nodes.Getitem, frame: Frame) -> None:
        if isinstance(node.arg, nodes.Slice):  # a slice, which Jinja2 takes without the environment: a copy
            self._measured(super().visit_Getitem, node, frame)
        else:
            super().visit_Getitem(node, frame)

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self._measured(super().visit_List, node, frame)

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self._measured(super().visit_Dict, node, frame)

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        if node.ctx != "load":  # the names a loop or `set` assigns to
            super().visit_Tuple(node, frame)
        else:
            self._measured(super().visit_Tuple, node, frame)

    def _measured(self, visit: Callable[[Any, Frame], None], node: nodes.Expr, frame: Frame,
                  call: str = "environment.made(") -> None:
        self.write(call)
        visit(node, frame)
        self.write(")")


def _bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that takes a step of the render's budget and is refused when its result could be too large."""
    passed = getattr(function, "jinja_pass_arg", None)

    def bounded(*args: Any, **kwargs: Any) -> Any:
        budget = limits.Budget.active()
        budget.step()
        lead = 1 if passed is not None else 0
        if len(args) > lead and isinstance(args[lead], Iterator):  # a generator: its items, counted
            args = (*args[:lead], list(limits.counted(args[lead])), *args[lead + 1:])
        if name == "format" and len(args) > lead and isinstance(args[lead], str):
            limits.widths(args[lead], (*args[lead + 1:], *kwargs.values()), budget)
        limits.call_estimate(name, args[lead:], kwargs, budget)
        return budget.made(function(*args, **kwargs))

    if passed is not None:
        bounded.jinja_pass_arg = passed  # type: ignore[attr-defined]
    return bounded


def bounded_test(function: Callable[..., Any]) -> Callable[..., Any]:
    """A test (`x is in y`, `x is eq y`) whose arguments' characters and items are charged as work."""
    passed = getattr(function, "jinja_pass_arg", None)

    def bounded(*args: Any, **kwargs: Any) -> Any:
        for value in (*args[1 if passed is not None else 0:], *kwargs.values()):
            limits.compared(value)
        return function(*args, **kwargs)

    if passed is not None:
        bounded.jinja_pass_arg = passed  # type: ignore[attr-defined]
    return bounded


class BoundedFilters(dict[str, Callable[..., Any]]):
    """The environment's filters, each bounded (`_bounded_filter`) as it is set; `plain` keeps them as given."""

    def __init__(self, plain: dict[str, Callable[..., Any]]) -> None:
        super().__init__({name: _bounded_filter(name, f) for name, f in plain.items()})
        self.plain = plain

    def __setitem__(self, name: str, function: Callable[..., Any]) -> None:
        self.plain[name] = function
        super().__setitem__(name, _bounded_filter(name, function))

"""How templates run: a sandbox, within budgets.

`TemplateEnvironment` is Jinja2's immutable sandbox whose templates turn every Jinja2 error into a
`RegdraftError` naming the template file and line. Where templates come from (the workspace's
`templates/` folder when one of that name is there, else the package) is `regdraft.render.template_files`.

Post-conditions:
1. Templates are read only through `template_files.WorkspaceLoader` (see its post-conditions).
2. No template can reach attributes starting with `_`, call a method that changes a value,
   or run anything the sandbox marks unsafe (`jinja2.sandbox`); it reads attributes and items, and calls
   methods, only of values of the types `regdraft.render.reach` allows, and calls nothing else but the
   helpers it was handed by name (a path, a file, a module, a class, a function or any other object it comes
   to hold it cannot open or call). An attempt is reported as "not allowed" with the template's file and line.
3. Syntax and runtime errors of templates never escape as tracebacks: they are `RegdraftError`s.
4. A render keeps within the budgets of `regdraft.render.limits` (values, loop iterations and calls,
   output), sized by `render(size=)`; passing one is a `TemplateLimit` naming the template file and line.
   A workspace template's code is always compiled with them; a render that a workspace template may take
   part in (the template rendered, or one it names, and so on, is the workspace's, or is named only as it
   renders) runs wholly in `TemplateEnvironment.bounded`, where regdraft's own templates are compiled with
   them too. A render of regdraft's own templates only is not counted: their code has no budgets.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, MutableMapping
from types import TracebackType
from typing import Any, ClassVar

import jinja2
import jinja2.filters
import jinja2.meta
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from regdraft.core.errors import RegdraftError
from regdraft.render import limits, reach
from regdraft.render.template_code import (
    MACROS,
    NAMED,
    REFERENCES,
    BoundedCode,
    BoundedFilters,
    ShippedCode,
    bounded_test,
)
from regdraft.render.template_files import TEMPLATE_FOLDER, WorkspaceLoader


class _Template(jinja2.Template):
    """A template whose errors come out as `RegdraftError`s with its file and line, rendered within budgets."""

    # The templates a shipped template names (None: a name known only when it renders); None for a bounded one.
    references: tuple[str | None, ...] | None
    named: tuple[str | None, ...]  # the templates a bounded template names
    _involves: bool | None

    @classmethod
    def _from_namespace(cls, environment: jinja2.Environment, namespace: MutableMapping[str, Any],
                        globals: MutableMapping[str, Any]) -> jinja2.Template:
        found = super()._from_namespace(environment, namespace, globals)
        found.references = namespace.get(REFERENCES)  # type: ignore[attr-defined]
        found.named = namespace.get(NAMED, ())  # type: ignore[attr-defined]
        found._involves = None  # type: ignore[attr-defined]
        return found

    def render(self, *args: Any, size: int | Callable[[], int] = 0, **kwargs: Any) -> str:
        """Render within the budgets of a document of `size` characters (`regdraft.render.limits`; a function
        giving it is called only when they apply); a Jinja2 error, or a budget passed, becomes a `RegdraftError`
        naming the template file and line.

        Only regdraft's own templates taking part, the render is not counted: their code has no budgets. When a
        workspace template may take part, the whole render is the bounded one (`TemplateEnvironment.bounded`)."""
        env = self.environment
        if isinstance(env, TemplateEnvironment) and env.bounded is not env:
            if self._involves is None:
                self._involves = env.involves_workspace(self)
            if self._involves and self.name is not None:
                return env.bounded.get_template(self.name).render(*args, size=size, **kwargs)
        # What regdraft hands the template by name may be called: the globals and the variables of this render.
        variables = dict(*args, **kwargs)
        with reach.helpers(self.globals.values(), variables.values()):
            return self._render(variables, size)

    def _render(self, variables: dict[str, Any], size: int | Callable[[], int]) -> str:
        env = self.environment
        try:
            if self._involves is False:
                with limits.budget(0):  # for a workspace template that appears while this one renders
                    try:
                        return "".join(self.root_render_func(self.new_context(variables)))
                    except Exception:
                        env.handle_exception()  # the error, its traceback at the template's lines
            document = size() if callable(size) else size
            limits.note_render(document, env.workspace_templates(self))  # type: ignore[attr-defined]
            with limits.budget(document) as budget:
                parts: list[str] = []
                written = 0
                for part in self.generate(variables):
                    written += len(part)
                    if written > budget.output:
                        raise limits.TemplateLimit(f"its output passes {budget.output:,} characters")
                    parts.append(part)
                return "".join(parts)
        except limits.TemplateLimit as exc:
            shown = self.filename if (self.filename or "").startswith(f"{TEMPLATE_FOLDER}/") else self.name
            where = _template_frame(exc.__traceback__) or shown or "a template"
            raise limits.TemplateLimit(f"{where}: the template was stopped: {exc}. regdraft bounds what a "
                                       "template may do, so that a workspace's template cannot exhaust the "
                                       "computer (docs/security.md).") from None
        except RegdraftError:
            raise
        except jinja2.TemplateSyntaxError as exc:
            raise _syntax(exc) from None
        except Exception as exc:
            raise _runtime(exc, self.name or "") from None


class TemplateEnvironment(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, whose templates report errors as `RegdraftError`s and keep within budgets."""

    template_class = _Template
    code_generator_class = BoundedCode  # the code of a template this environment cannot tell the origin of
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, *args: Any, values: Iterable[type] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The types whose values templates may use besides `reach`'s own (a face's page data), and the verdicts
        # kept for them: one table per set of types, shared by every environment that allows that set.
        self.values = frozenset(values)
        self._kinds, self._verdicts = self._tables.setdefault(self.values, ({}, {}))
        self.unbounded_filters = self.filters
        self.filters = BoundedFilters(self.filters)
        self.filters["attr"] = _attribute
        self.unbounded_tests = self.tests
        self.tests = {name: bounded_test(test) for name, test in self.tests.items()}  # type: ignore[arg-type]
        self.globals["range"] = limits.bounded_range
        self.globals.pop("lipsum", None)  # placeholder text, up to any length asked: no use in a document
        # The same environment (loader, filters, globals, compiled-template cache), all of whose templates are
        # compiled bounded: a render that a workspace template may take part in runs there.
        self.bounded: TemplateEnvironment = self.overlay()
        self.bounded.bounded = self.bounded

    def code_flavour(self, filename: str | None) -> str:
        """How a template read from `filename` is compiled: "shipped" (no budgets) for regdraft's own files in an
        environment that is not the bounded one, else "bounded"."""
        shipped = isinstance(self.loader, WorkspaceLoader) and self.loader.shipped(filename)
        return "shipped" if shipped and self.bounded is not self else "bounded"

    def _generate(self, source: nodes.Template, name: str | None, filename: str | None,
                  defer_init: bool = False) -> str:
        kind = ShippedCode if self.code_flavour(filename) == "shipped" else BoundedCode
        generator = kind(self, name, filename, None, defer_init, self.optimized)
        generator.visit(source)
        return generator.stream.getvalue()  # type: ignore[attr-defined,no-any-return]

    def involves_workspace(self, template: jinja2.Template) -> bool:
        """Whether a workspace template may take part in rendering `template`: it, or a template it names (and
        so on), is not regdraft's own, or one of them names a template only when it renders."""
        pending = [template]
        seen: set[str] = set()
        while pending:
            found = pending.pop()
            references = getattr(found, "references", None)
            if references is None or None in references:
                return True
            for name in references:
                if name is not None and name not in seen:
                    seen.add(name)
                    try:
                        pending.append(self.get_template(name, found.name))
                    except Exception:  # missing or invalid: the bounded render says so
                        return True
        return False

    def workspace_templates(self, template: jinja2.Template) -> list[str]:
        """The files of the workspace's templates among `template` and those it names (and so on)."""
        found: list[str] = []
        pending = [template]
        seen: set[str] = set()
        while pending:
            current = pending.pop()
            if (current.filename or "").startswith(f"{TEMPLATE_FOLDER}/"):
                found.append(str(current.filename))
            for name in getattr(current, "references", None) or getattr(current, "named", None) or ():
                if name is not None and name not in seen:
                    seen.add(name)
                    with contextlib.suppress(Exception):
                        pending.append(self.get_template(name, current.name))
        return found

    unbounded_call = ImmutableSandboxedEnvironment.call
    unbounded_concat = staticmethod("".join)

    compared = staticmethod(limits.compared)

    @staticmethod
    def counted(items: Any) -> Any:
        """A loop's items, each taking a step of the render's budget."""
        return limits.counted(items)

    @staticmethod
    def made(value: Any) -> Any:
        """A value made by a template's own code (a list, tuple or dict written in it, a slice), unless it is too
        large (it may hold a value many times); charged to the render's memory and work."""
        return limits.Budget.active().made(value)

    @staticmethod
    def joined(eval_ctx: Any, parts: tuple[Any, ...]) -> str:
        """`a ~ b`: refused before joining when the result would be too large."""
        budget = limits.Budget.active()
        texts = [str(part) if not isinstance(part, str) else part for part in parts]
        budget.foresee(sum(map(len, texts)))
        joined: str = jinja2.runtime.markup_join(parts) if eval_ctx.autoescape else "".join(texts)
        return budget.made(joined)  # type: ignore[no-any-return]

    @staticmethod
    def concat(parts: Any) -> str:
        """The output of a macro, block or `set` block, refused before joining when it would be too large."""
        budget = limits.Budget.active()
        pieces = parts if isinstance(parts, list) else list(parts)
        budget.foresee(sum(map(len, pieces)))
        return budget.made("".join(pieces))  # type: ignore[no-any-return]

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        """`*`, `**`, `%` and `+`, refused before computing when the result would be too large."""
        budget = limits.Budget.active()
        limits.product(operator, left, right, budget)
        return budget.made(super().call_binop(context, operator, left, right))

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any,  # noqa: N805
             **kwargs: Any) -> Any:
        """A call from a template: it takes a step, and is refused when its result could be too large."""
        budget = limits.Budget.active()
        budget.step()
        method = getattr(__obj, "__wrapped__", __obj)  # `str.format`, which the sandbox wraps
        receiver = getattr(method, "__self__", None)
        name = str(getattr(method, "__name__", ""))
        if isinstance(receiver, str) and name in ("format", "format_map"):
            limits.widths(receiver, (*args, *kwargs.values()), budget, braces=True)
        if isinstance(receiver, (str, bytes, int)):  # a method of a text, of its bytes or of a number
            limits.call_estimate(name, (receiver, *args), kwargs, budget)
        else:
            for value in (*args, *kwargs.values()):
                budget.check(value)
        if isinstance(__obj, MACROS):
            if isinstance(__obj, jinja2.runtime.LoopContext) and args:  # `loop(children)`: its items counted too
                args = (limits.counted(args[0]), *args[1:])
            with budget.macro_call():
                return budget.made(super().call(__context, __obj, *args, **kwargs))
        return budget.made(super().call(__context, __obj, *args, **kwargs))
    # Per set of allowed types (`values`): type -> whether templates may use its values, and (type, attribute
    # name) -> the sandbox's verdict. Both look at the object's type and the name only (Jinja2's own checks:
    # internal attributes of functions, frames, generators; methods that modify lists, dicts, sets), never at
    # the value; a 5,000-article redline asked them 26,000 times (a fifth of its rendering).
    _tables: ClassVar[dict[frozenset[type], tuple[dict[type, bool], dict[tuple[type, str], bool]]]] = {}

    def allows(self, kind: type) -> bool:
        """Whether templates may read the attributes and items, and call the methods, of values of `kind`
        (`regdraft.render.reach`)."""
        found = self._kinds.get(kind)
        if found is None:
            found = self._kinds[kind] = reach.allowed(kind, self.values)
        return found

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """The immutable sandbox's answer for a value of an allowed type, kept per type and attribute name."""
        kind = type(obj)
        if not self.allows(kind):
            return False
        if obj.__class__ is not kind:  # an object that claims another class: asked every time
            return bool(super().is_safe_attribute(obj, attr, value))
        verdict = self._verdicts.get((kind, attr))
        if verdict is None:
            verdict = self._verdicts[(kind, attr)] = bool(super().is_safe_attribute(obj, attr, value))
        return verdict

    def getattr(self, obj: Any, attribute: str) -> Any:
        """`obj.attribute` in a template: refused, before anything of `obj` runs (a property), unless `obj` is a
        value of an allowed type."""
        if not self.allows(type(obj)):
            return self.unsafe_undefined(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """`obj[argument]` in a template: refused unless `obj` is a value of an allowed type."""
        if not self.allows(type(obj)):
            return self.unsafe_undefined(obj, argument)
        return super().getitem(obj, argument)

    def is_safe_callable(self, obj: Any) -> bool:
        """A template calls a Jinja2 macro, block or loop, a value of an allowed type or one of its methods,
        or a helper the render was handed by name; nothing else (asked before anything of `obj` runs)."""
        kind = type(obj)
        known = reach.callable_helper(obj) or kind in reach.JINJA_CALLABLE or reach.receiver_allowed(obj, self.allows) \
            or self.allows(kind) or obj is TemplateEnvironment.counted  # (the last: a bounded loop's own code)
        return known and bool(super().is_safe_callable(obj))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """`str.format` through the sandbox's formatter, marked as such: a template may call it."""
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            setattr(wrapped, reach.SANDBOXED_FORMAT, True)
        return wrapped

    def get_template(self, name: str | jinja2.Template, parent: str | None = None,
                     globals: MutableMapping[str, Any] | None = None) -> jinja2.Template:
        """Load a template; a syntax error becomes a `RegdraftError` with its file and line."""
        try:
            return super().get_template(name, parent, globals)
        except jinja2.TemplateSyntaxError as exc:
            raise _syntax(exc) from None
        except jinja2.TemplateNotFound as exc:
            raise RegdraftError(f"There is no template '{exc.name}' in the workspace's templates/ "
                                "or among regdraft's own.") from None


@jinja2.pass_environment
def _attribute(environment: jinja2.Environment, obj: Any, name: str) -> Any:
    """The `attr` filter: Jinja2's reads the attribute before asking the sandbox; this one asks first."""
    if isinstance(environment, TemplateEnvironment) and not environment.allows(type(obj)):
        return environment.unsafe_undefined(obj, str(name))
    return jinja2.filters.do_attr(environment, obj, name)


def _syntax(exc: jinja2.TemplateSyntaxError) -> RegdraftError:
    where = exc.filename or exc.name or "a template"
    return RegdraftError(f"{where}:{exc.lineno}: the template is not valid Jinja2: {exc.message}.")


def _runtime(exc: Exception, name: str) -> RegdraftError:
    where = _template_frame(exc.__traceback__) or name or "a template"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        reason = f"it does something templates are not allowed to do ({exc})"
    elif isinstance(exc, jinja2.UndefinedError):
        reason = f"it uses a value that does not exist ({exc.message})"
    elif isinstance(exc, jinja2.TemplateNotFound):
        reason = f"it includes a template that does not exist ({exc.name})"
    else:
        reason = f"{type(exc).__name__}: {exc}"
    return RegdraftError(f"{where}: the template cannot be rendered: {reason}.")


def _template_frame(tb: TracebackType | None) -> str:
    """`file:line` of the innermost template frame in a traceback (Jinja2 maps lines to the source)."""
    found = ""
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or filename.startswith(f"{TEMPLATE_FOLDER}/"):
            found = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found

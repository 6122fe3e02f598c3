"""What a template can reach: values of allowed types, and the helpers regdraft hands it by name.

A workspace's template is untrusted (docs/security.md). Jinja2's sandbox alone refuses only names starting
with `_` and the methods that change lists, dicts and sets: every other attribute of any object stayed
reachable, so a template given one of regdraft's own objects could walk from it to a `pathlib.Path` and read
or write any file. `TemplateEnvironment` (`regdraft.render.templates`) therefore asks this module first:

- a template reads attributes, items and methods only of **values** whose type is allowed: the immutable
  builtins and the containers it reads (`PLAIN`), Jinja2's own runtime objects (`JINJA`: loops, macros,
  blocks, cyclers, joiners, namespaces, undefined values), and the document types regdraft means templates
  to see, named by module and type (`VALUES`), plus those a face adds for its pages (`PageTemplate.values`);
- a template calls a method of such a value, a Jinja2 macro, block or loop, or a **helper**: a callable
  regdraft hands the render by name (a global of the environment or a variable of the render, recorded by
  `helpers` when the render starts). Anything else it comes to hold (a function, a class, a bound method of
  another object, a module, a path, a file) it may print, test and pass on, but never open, call or
  subscript: `access to attribute 'folder' of 'KeptFragments' object is unsafe`.

Post-conditions:
1. `allowed(kind, extra)` holds only for the exact types listed here (a subclass is another type) or in
   `extra`; none of them does I/O or holds an object that does.
2. `callable_helper(obj)` holds only inside a render, for the callables that render was handed by name.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import types
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import jinja2.environment
import jinja2.filters
import jinja2.runtime
import jinja2.utils
from markupsafe import Markup

# Immutable builtins, and the containers a template reads (the immutable sandbox refuses their changing methods).
PLAIN: frozenset[type] = frozenset({
    str, bytes, int, float, bool, type(None), tuple, list, dict, set, frozenset, range, Markup, dt.date, dt.datetime,
})

# Jinja2's own runtime: `loop`, macros and `caller`, `self` and its blocks, `super()`, an imported template's module,
# `cycler`, `joiner` and `namespace` objects, the groups of `groupby`, and the undefined values (which say so).
JINJA: frozenset[type] = frozenset({
    jinja2.runtime.LoopContext, jinja2.runtime.AsyncLoopContext, jinja2.runtime.Macro, jinja2.runtime.BlockReference,
    jinja2.runtime.TemplateReference, jinja2.environment.TemplateModule, jinja2.utils.Cycler, jinja2.utils.Joiner,
    jinja2.utils.Namespace, jinja2.filters._GroupTuple, jinja2.runtime.Undefined, jinja2.runtime.StrictUndefined,
    jinja2.runtime.ChainableUndefined, jinja2.runtime.DebugUndefined,
})

# The Jinja2 objects a template calls: a macro (`caller` too), a recursive loop's `loop`, a block through `self`
# or `super()`, a `joiner`.
JINJA_CALLABLE: frozenset[type] = frozenset({
    jinja2.runtime.Macro, jinja2.runtime.LoopContext, jinja2.runtime.AsyncLoopContext, jinja2.runtime.BlockReference,
    jinja2.utils.Joiner,
})

# regdraft's own values that the shipped templates are given (docs/security.md lists what each template sees):
# frozen data whose methods compute from what they hold and read or write nothing. Named, not imported, so that
# checking a type costs no import; `tests/test_template_reach.py` checks that every name is a type.
VALUES: frozenset[tuple[str, str]] = frozenset(
    (module, name) for module, names in {
        "regdraft.core.labels": ("Kind",),
        "regdraft.core.address": ("Address", "Segment"),
        "regdraft.core.model": ("Unit",),
        "regdraft.core.diff": ("Provision", "Change", "ChangeKind"),  # the redline's provisions and changes
        "regdraft.core.word_diff": ("DiffSegment", "Op"),  # marked words (a proposal in the comment report)
        "regdraft.core.comment_model": ("Comment", "Round", "RoundStatus", "CommentType", "Disposition"),
        "regdraft.core.comment_report": ("Report", "ReportGroup", "ReportRow"),
        "regdraft.core.consolidate": ("Footnote", "Opening"),  # the consolidated text's notes and opening
        "regdraft.render.consolidated": ("Block",),  # a printed paragraph of the consolidated or amending text
        "regdraft.render.html": ("DocumentHeader",),  # the header block of every document
        "regdraft.render.marked": ("Paragraph",),  # a printed paragraph of the redline
        "regdraft.render.closing_parts": ("ClosingParts",),  # the compared adoption sentence, signature, recipients
        "regdraft.render.profile": ("Profile",),  # the office's sizes and words
    }.items() for name in names)

# A method's type: a bound Python method, a builtin's (`"x".upper`), a slot wrapper's (`(1).__add__`).
METHODS = frozenset({types.MethodType, types.BuiltinMethodType, types.MethodWrapperType})


def allowed(kind: type, extra: frozenset[type] = frozenset()) -> bool:
    """Whether a template may read the attributes and items, and call the methods, of a value of type `kind`."""
    return kind in PLAIN or kind in JINJA or kind in extra or \
        (getattr(kind, "__module__", None), getattr(kind, "__qualname__", None)) in VALUES


_helpers: contextvars.ContextVar[frozenset[int]] = contextvars.ContextVar("regdraft_template_helpers",
                                                                         default=frozenset())


@contextlib.contextmanager
def helpers(*named: Iterable[Any]) -> Iterator[None]:
    """Inside: the callables among `named` (the environment's globals, the render's variables) are helpers a
    template may call. Their identities are kept: they stay alive as long as the render that holds them."""
    token = _helpers.set(frozenset(id(value) for values in named for value in values if callable(value)))
    try:
        yield
    finally:
        _helpers.reset(token)


def callable_helper(obj: Any) -> bool:
    """Whether `obj` is one of the helpers of the render under way."""
    return id(obj) in _helpers.get()


def receiver_allowed(obj: Any, allows: Callable[[type], bool]) -> bool:
    """Whether `obj` is a method (or `str.format` as the sandbox wraps it) of a value whose type `allows`."""
    kind = type(obj)
    if kind is types.FunctionType:  # `str.format`, sandboxed (`TemplateEnvironment.wrap_str_format`)
        return bool(obj.__dict__.get(SANDBOXED_FORMAT))
    return kind in METHODS and allows(type(obj.__self__))


# The mark the environment leaves on the `format` of a text it wraps in its sandbox's formatter.
SANDBOXED_FORMAT = "regdraft_sandboxed_format"

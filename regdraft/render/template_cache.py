"""Compiled templates kept in memory and in the workspace's signed cache (`regdraft.render.signed`).

Jinja2 is imported here and in the modules that run templates only: a page printed without templates
(`regdraft.render.redline_page`) never imports it.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import jinja2.bccache

_compiled: dict[str, bytes] = {}


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory, and in the workspace's signed cache, keyed by file and source.

    A long-running face (the review server) builds an environment per page; without this,
    compiling the redline templates would cost more than rendering them. A command run keeps
    them in `.git/regdraft-cache/` (`regdraft.render.signed`), so the next run skips compiling;
    Jinja2 itself checks that the source has not changed since.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = _compiled.get(bucket.key)
        if code is None and self.folder is not None:
            from regdraft.render import signed

            code = signed.load(self.folder, _entry(bucket))
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = bucket.bytecode_to_string()
        _compiled[bucket.key] = code
        if self.folder is not None:
            from regdraft.render import signed

            signed.store(self.folder, _entry(bucket), code)


    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:
        """The bucket of a template, keyed also by how its code is compiled: a workspace template's code counts
        loops and measures values (`regdraft.render.limits`), regdraft's own may not; neither is loaded as the
        other."""
        flavour = getattr(environment, "code_flavour", lambda filename: "bounded")(filename)
        bucket = jinja2.bccache.Bucket(environment, f"{flavour}{_CODE}-{self.get_cache_key(name, filename)}",
                                       self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket


# The version of the code compiled: code compiled before it (`bounded1`: everything counted) is never loaded.
_CODE = "2"


def _entry(bucket: jinja2.bccache.Bucket) -> str:
    return f"template-{bucket.key}-{bucket.checksum}"

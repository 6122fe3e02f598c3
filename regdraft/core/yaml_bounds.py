"""How much YAML regdraft reads: a front matter, a YAML file, the front matter stored in a Word file.

PyYAML reads about 130 KB a second and holds some 80 bytes a byte read, and git packs repeated YAML almost to
nothing: a 3 MB front matter came in a 40 KB clone and held `check` 46 s at 700 MB, a 37 KB Word file's 900 KB
description held `import` 8 s (r24 b-security defects 1 and 2). Each bound is far above what regdraft writes
(measured: the corpus laws' and the example's front matters are 0.5 to 1.5 KB) and what passes it is not read.
"""

from __future__ import annotations

from regdraft.core.errors import Problem

# A regulation's or amendment's front matter, and the one `export` stores in a Word file: at most 64 KB
# (40 times the longest measured; read in half a second at worst).
MAX_FRONT_MATTER_BYTES = 64 * 1024
# A comment, round, vote or settings file: a comment's text and wording hold 20,000 characters each.
MAX_YAML_BYTES = 1024 * 1024


def size_of(text: str | bytes) -> int:
    """The UTF-8 size of `text` in bytes."""
    return len(text) if isinstance(text, bytes) else len(text.encode("utf-8", "surrogatepass"))


def too_long(size: int, limit: int, what: str) -> str:
    """The sentence refusing `what` (`This YAML file`) of `size` bytes past `limit`."""
    return (f"{what} is {size:,} bytes long, more than the {limit:,} regdraft reads (what regdraft writes is a few "
            "KB), so it was not read")


def front_matter_too_long(lines: list[str], end: int, source: str) -> Problem | None:
    """The problem of a front matter (`lines[1:end]`) past `MAX_FRONT_MATTER_BYTES`, at the line of its longest
    top-level key, or None."""
    size = sum(len(line.encode("utf-8", "surrogatepass")) + 1 for line in lines[1:end])
    if size <= MAX_FRONT_MATTER_BYTES:
        return None
    longest, held, key, line = 2, 0, 2, 0
    for number in range(1, end):  # each key's share: its line and the indented or continued lines after it
        text = lines[number]
        if text[:1] not in (" ", "\t", "-", "") and ":" in text:
            key, line = number + 1, 0
        line += len(text.encode("utf-8", "surrogatepass")) + 1
        if line > held:
            longest, held = key, line
    return Problem(f"{too_long(size, MAX_FRONT_MATTER_BYTES, 'The front matter')}: {held:,} of those bytes are "
                   "under the key on this line. Shorten it, or move the text into the body.", source, longest)

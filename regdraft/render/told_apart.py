"""The line under a draft's comparison title that tells it from another draft of the same name.

Two drafts of one text begun with `amend new` share the usual title and have no number until one is given: their
redlines (HTML, PDF, the review server's page) opened with the same header, title and summary, and nothing in the
document said which draft it was (r43). Where the workspace holds another amendment of that title and number
(`Redline.alike`), the line under the title names the draft's folder and its draft number and state, in the
document's language: `(Thư mục du-thao-a: dự thảo lần 1, đang soạn thảo)`, `(Folder du-thao-a: draft 1, being
drafted)`. Otherwise there is no line, and the page is what it was byte for byte.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment


def told_apart(amendment: Amendment | None, alike: bool, words: Mapping[str, str]) -> str:
    """The line naming `amendment`'s folder, draft number and state; "" unless `alike` (see the module)."""
    if amendment is None or not alike:
        return ""
    state = words.get(f"state_{amendment.status}", amendment.status)
    draft = words["told_apart_draft"].format(draft=amendment.draft, state=state) if amendment.draft else state
    return words["told_apart"].format(folder=amendment.slug, draft=draft)

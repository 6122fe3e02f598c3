"""A new amending document, laid out the way the office writes one (`regdraft amend new`)."""

from __future__ import annotations

from typing import Any

from regdraft.core.amend.document import load_amendment
from regdraft.core.errors import RegdraftError
from regdraft.core.layout import amendment_path
from regdraft.core.markdown import dump_front_matter
from regdraft.core.model import Regulation
from regdraft.workspace.amendments import slugs
from regdraft.workspace.store import Workspace, writes

# A document's type is a name and keeps its capital inside a sentence ("... của Quy chế làm việc ...").
_DOCUMENT_TYPES = frozenset({"Quy", "Nghị", "Chỉ", "Kết", "Hướng", "Quyết", "Luật", "Điều", "Thông", "Pháp"})
_KEPT = ("issuer", "national", "superior", "place", "signer", "recipients")


def _date_vi(value: Any) -> str:
    text = str(value or "")
    if len(text) == 10 and text[4] == "-":
        return f"{text[8:10]}/{text[5:7]}/{text[:4]}"
    return text


def default_title(reg: Regulation) -> str:
    """The usual title of an amending document: `Quy chế sửa đổi, bổ sung một số điều của Quy chế ...`."""
    if reg.language == "en":
        return f"Regulations amending the {reg.title}"
    return f"Quy chế sửa đổi, bổ sung một số điều của {cited(reg.title)}"


def cited(title: str) -> str:
    """A title as the running text cites it: the document type keeps its capital (`Quy chế làm việc ...`)."""
    if title.split(" ")[0] in _DOCUMENT_TYPES or title[:2].isupper():
        return title
    return title[:1].lower() + title[1:]


def document_text(reg: Regulation, title: str) -> str:
    """The Markdown of an empty amending document for `reg`, ready for instructions."""
    vi = reg.language != "en"
    meta: dict[str, Any] = {
        "number": None,
        "type": "Quy chế" if vi else "Regulation",
        "title": title,
        "regulation": reg.id,
        "language": reg.language,
        "status": "draft",
        "draft": 1,
        "signed": None,
        "effective": None,
    }
    meta.update({k: reg.meta[k] for k in _KEPT if reg.meta.get(k) is not None})
    signed = _date_vi(reg.meta.get("signed"))
    base_title = cited(reg.title) if vi else reg.title
    if vi:
        body = [
            "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
            f"Căn cứ {reg.title} ban hành kèm theo Quy chế số {reg.id} ngày {signed},",
            f"Ban Chấp hành Đảng bộ tỉnh ban hành {cited(title)} như sau:",
            f"## Điều 1. Sửa đổi, bổ sung một số điều của {base_title} "
            f"ban hành kèm theo Quy chế số {reg.id} ngày {signed}",
            "## Điều 2. Hiệu lực thi hành",
            "Quy chế này có hiệu lực kể từ ngày ký. Các đồng chí Tỉnh ủy viên, các tổ chức đảng, cơ quan, đơn vị có "
            "liên quan chịu trách nhiệm thi hành Quy chế này.",
        ]
    else:
        body = [
            "Pursuant to the Charter of the Communist Party of Vietnam;",
            f"Pursuant to the {reg.title}, No. {reg.id} of {reg.meta.get('signed')},",
            f"The Executive Committee issues the {title} as follows:",
            f"## Article 1. Amendments to the {reg.title}",
            "## Article 2. Entry into force",
            "These Regulations take effect on the date of signing.",
        ]
    return "---\n" + dump_front_matter(meta) + "\n---\n\n" + "\n\n".join(body) + "\n"


@writes
def new(ws: Workspace, slug: str, regulation: str, title: str | None) -> str:
    """Create `amendments/<slug>/amendment.md` for a regulation in one commit; return its path."""
    from regdraft.workspace.api import load_regulation

    relative = amendment_path(slug)
    if slug in slugs(ws) or ws.exists(relative):
        raise RegdraftError(f"The amendment '{slug}' already exists ({relative}).")
    reg = load_regulation(ws, regulation)
    text = document_text(reg, title or default_title(reg))
    load_amendment(text, relative, slug)  # the scaffold itself must read back
    ws.commit({relative: text.encode("utf-8")}, f"Start amendment {slug} of {reg.id}")
    return relative

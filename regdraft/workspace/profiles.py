"""The document profile a workspace uses: the shipped profiles with the workspace's `profiles/*.yaml`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

from regdraft.core.errors import RegdraftError
from regdraft.core.layout import PROFILES
from regdraft.render.profile import Profile, load_profile
from regdraft.workspace.store import Workspace


def workspace_profiles(ws: Workspace) -> dict[str, str]:
    """The workspace's own profile files (name -> YAML text), which override or add to the shipped ones."""
    texts = {}
    for relative in ws.files(PROFILES, "*.yaml"):
        try:
            texts[PurePosixPath(relative).stem] = ws.read(relative).decode("utf-8")
        except UnicodeDecodeError:
            raise RegdraftError(f"{relative}: is not UTF-8 text.") from None
    return texts


def profile_for(ws: Workspace, meta: Mapping[str, Any] | None = None) -> Profile:
    """The profile for a document: its front matter's `profile`, else regdraft.yaml's."""
    return load_profile(ws.config, meta, workspace_profiles(ws))

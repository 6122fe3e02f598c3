"""`--json` writes a control character and a direction override escaped (r36 sweep BK F6): with `ensure_ascii=False`
the document held U+009B (a terminal's command) and U+202E raw, while JSON escaped U+001B itself, so a person running
`--json` in a terminal got the raw sequence. The value a script reads is the same; Vietnamese letters stay letters."""

from __future__ import annotations

import json

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.test_comment_hidden_characters import SLUG, _received


def test_json_escapes_c1_controls_and_overrides_and_keeps_the_value(consulting_workspace: Workspace,
                                                                   invoke: Invoke) -> None:
    _received(consulting_workspace)
    listed = invoke(consulting_workspace, "comment", "list", SLUG, "--json")
    assert listed.exit_code == 0, listed.output
    assert "\x9b" not in listed.output and "\u202e" not in listed.output, repr(listed.output)
    assert '"by": "Ban\\u009b A"' in listed.output and "Ý kiến \\u202egnol\\u202c \\u009b2J hết" in listed.output
    [comment] = json.loads(listed.output)
    assert (comment["by"], comment["author"], comment["text"]) == ("Ban\x9b A", "Lê\u202eXYZ",
                                                                   "Ý kiến \u202egnol\u202c \x9b2J hết")
    # an error under --json too, and a backslash before the character stays a backslash
    refused = invoke(consulting_workspace, "show", "X\\\x9b\u202e", "--json")
    assert refused.exit_code != 0 and "\x9b" not in refused.output and "\u202e" not in refused.output, refused.output
    assert "'X\\\x9b\u202e'" in json.loads(refused.output)["error"]

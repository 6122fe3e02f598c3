"""regdraft: versioned drafting and amendment of organisational regulations.

Kept to constants: the console script (`regdraft.console`) imports this package before anything else.
"""

__version__ = "0.1.0"
# The format of the files regdraft writes in a workspace (docs/upgrading.md). 1: before December 2026, whose comment
# files had no `sequence`, `order`, `link` or `edited`; 2: with them. A regdraft refuses to write to a workspace whose
# `.regdraft/format.yaml` records a newer format (`workspace.format_marker`).
WORKSPACE_FORMAT = 2

INTERRUPTED = 130  # the exit code of a run stopped by Ctrl-C: 128 + SIGINT
# Stopped by SIGTERM (`kill`, `timeout`, an editor's Stop button) or SIGHUP (the terminal closed), a run ends as on
# Ctrl-C, with 128 + the signal's number (143, 129): `regdraft.console`, `regdraft.cli.on_interrupt`.
STOPPING_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")
# What a Ctrl-C says before a command has started (`regdraft.console`, `regdraft.cli.on_interrupt`).
NOTHING_CHANGED = "Interrupted before anything was changed; run the command again when you are ready."

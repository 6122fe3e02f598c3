"""`python -m regdraft`: the same as the `regdraft` command."""

from regdraft.cli import main

main()

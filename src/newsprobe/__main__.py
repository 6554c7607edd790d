"""`python -m newsprobe` runs the CLI."""

from newsprobe.cli.main import main

main()

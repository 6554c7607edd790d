"""Command-line interface (thin: every command calls a library function)."""

"""Headless subcommands, one module per area."""

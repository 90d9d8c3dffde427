"""Facilitator: run multi-day workshops offline from one SQLite file."""

__version__ = "0.1.0"

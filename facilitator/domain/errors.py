"""The one base of every error whose message is written for the user.

A ``UserError`` says what went wrong, where (file, row, field) and what to do; it is shown as
it is, with no traceback, and the data is as it was. Anything else that reaches the user is
a bug (see ``facilitator/ui/errors.py``): it is logged and reported as one.
"""

from __future__ import annotations


class UserError(Exception):
    """An error meant to be read by the user, as its message says."""

    def user_message(self) -> str:
        return str(self)

"""Errors of derivcheck: each says what was wrong and how to fix it.

Every error subclasses :class:`CheckerError` and the builtin it resembles, so callers may catch either.
"""

from __future__ import annotations

__all__ = ["CheckerError", "InvalidClaim", "UnknownClaim", "UnknownPaper", "InvalidArgument"]


class CheckerError(Exception):
    """Base class of every error derivcheck raises on purpose."""


class InvalidClaim(CheckerError, ValueError):
    """A claim is malformed: missing tolerance reason, undeclared symbol domain, unknown relation, ...

    ``claim_id`` names the claim, so one bad claim can be reported without stopping the others.
    """

    def __init__(self, message: str, claim_id: str | None = None):
        super().__init__(f"claim {claim_id}: {message}" if claim_id else message)
        self.claim_id = claim_id


class UnknownClaim(CheckerError, KeyError):
    """No registered claim has this ID."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class UnknownPaper(CheckerError, KeyError):
    """No paper has this key."""

    def __str__(self) -> str:
        return str(self.args[0])


class InvalidArgument(CheckerError, ValueError):
    """An argument of a function or of the command line is out of its range."""

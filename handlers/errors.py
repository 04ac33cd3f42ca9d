"""Expected failures, each carrying words meant for the person who caused them."""

from __future__ import annotations


class UserError(Exception):
    """A request the bot cannot do as asked; the message says why and what to do instead."""


class NotAllowed(UserError):
    """The person lacks the role the request needs."""

"""Which process owns a row it is sending, and whether that process still runs: a row a dead
process left `sending` is taken over (see bot/delivery/engine.py)."""

from __future__ import annotations

import os
import secrets
import socket


def new_owner() -> str:
    """A name for this process as the owner of the rows it sends: host, process id, a tag."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


def owner_dead(owner: str) -> bool:
    """True when `owner` was a process on this host that no longer runs.

    A killed child that its parent has not reaped yet still counts as running.
    """
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False

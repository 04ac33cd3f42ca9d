"""Processes the tests start die with the test process, even when it is killed outright (a
timeout, Ctrl-C twice, a killed xdist worker): no `socialbot run` is left behind serving a port."""

from __future__ import annotations

import ctypes
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_the_tests() -> None:
    """`preexec_fn` of the tests' subprocesses: on Linux the kernel sends the child SIGKILL when
    the process that started it dies; elsewhere nothing (the fixtures' own clean-up remains)."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)

"""Reporting negative mentions to the social media team (issue 5)."""

from __future__ import annotations

from handlers.reports.capability import Reports
from handlers.reports.store import migrations

__all__ = ["Reports", "migrations"]

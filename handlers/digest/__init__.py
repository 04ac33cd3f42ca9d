"""The daily digest (issue 4): each person's picks to share, at their local morning."""

from __future__ import annotations

from handlers.digest import ids
from handlers.digest.capability import Digest, DigestSettings
from handlers.digest.model import DigestPlan, Offer
from handlers.digest.store import migrations

__all__ = ["Digest", "DigestPlan", "DigestSettings", "Offer", "ids", "migrations"]

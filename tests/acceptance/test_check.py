"""Checking posts with the installed `socialbot`: the command line an admin tries first."""

from __future__ import annotations

import json

from tests.acceptance.conftest import Deployment


def test_check_drafts_from_stdin(deployment: Deployment) -> None:
    settings: dict[str, str | None] = {
        "SOCIALBOT_COMPANY_NAMES": "Nordlys, Nordlys Cloud",
        "SOCIALBOT_CONFIDENTIAL_TERMS": "Polaris until 2099-12-31",
        "SOCIALBOT_INTERNAL_DOMAINS": "corp.nordlys.dk",
    }
    drafts = (
        "Sneak peek of Polaris 👀\\nDetails: https://wiki.corp.nordlys.dk/polaris\n"
        "Ran my first half marathon today!\n"
    )
    checked = deployment.cli("check", "--json", stdin=drafts, env=settings)

    assert checked.returncode == 0, checked.stderr
    first, second = (json.loads(line) for line in checked.stdout.splitlines())
    assert first["draft"].splitlines()[1] == "Details: https://wiki.corp.nordlys.dk/polaris"
    assert [c["span"] for c in first["concerns"]] == [
        "Polaris",
        "https://wiki.corp.nordlys.dk/polaris",
    ]
    assert second == {"draft": "Ran my first half marathon today!", "ok": True, "concerns": []}

"""Checking posts with the installed `socialbot`: the command line an admin tries first."""

from __future__ import annotations

import json

from tests.acceptance.conftest import Deployment, free_port


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


def test_a_model_that_is_down_costs_one_warning_line_per_draft(deployment: Deployment) -> None:
    settings: dict[str, str | None] = {
        "SOCIALBOT_CONFIDENTIAL_TERMS": "Polaris until 2099-12-31",
        "OPENAI_API_KEY": "sk-test",
        "OPENAI_BASE_URL": f"http://127.0.0.1:{free_port()}/v1",  # nothing listens there
    }
    drafts = "Sneak peek of Polaris\nPolaris ships soon\n"
    checked = deployment.cli("check", "--json", stdin=drafts, env=settings)

    assert checked.returncode == 0, checked.stderr
    found = [json.loads(line)["concerns"][0]["kind"] for line in checked.stdout.splitlines()]
    assert found == ["confidential", "confidential"]
    assert "Traceback" not in checked.stderr
    said = [line for line in checked.stderr.splitlines() if "handlers.checks.model" in line]
    assert len(said) == 2, checked.stderr
    assert all("WARNING" in line and "failed (APIConnectionError" in line for line in said)

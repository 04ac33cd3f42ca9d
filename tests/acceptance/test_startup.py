"""Start-up as a deployer meets it: the installed `socialbot`, a docker-compose environment."""

from __future__ import annotations

from tests.acceptance.conftest import Deployment


def test_run_with_empty_variables_serves_health_and_stops_on_sigterm(
    deployment: Deployment,
) -> None:
    bot = deployment.start()
    state = bot.wait_healthy(lambda state: state["slack"].get("team") is not None)
    assert state["slack"]["mode"] == "http"
    assert (deployment.workdir / "socialbot.db").exists()  # SOCIALBOT_DB= is the default
    assert bot.stop().returncode == 0
    assert "Traceback" not in bot.stderr

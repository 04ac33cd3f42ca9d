"""The deployment files: the Dockerfile passes hadolint, the Kubernetes manifests the schemas,
and the image, Compose, Kubernetes and .env.example agree with each other and the settings."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from bot.healthcheck import healthz_url
from bot.settings import Settings
from tests.deploy.dockerfile import (
    copied_from_the_context,
    final,
    healthcheck,
    image_env,
    image_uid,
    in_the_build_context,
    instructions,
)

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
MANIFESTS = sorted((ROOT / "deploy" / "kubernetes").rglob("*.yaml"))
KUBERNETES = "1.30.0"  # the oldest version with native sidecars on by default (1.29 beta)
LITESTREAM = ("LITESTREAM_REPLICA_URL", "LITESTREAM_ACCESS_KEY_ID", "LITESTREAM_SECRET_ACCESS_KEY")


def test_hadolint_finds_nothing() -> None:
    result = subprocess.run(
        [BIN / "hadolint", "--failure-threshold", "info", "Dockerfile"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_runs_the_bot_as_a_user_on_the_data_volume() -> None:
    assert image_env()["SOCIALBOT_DB"] == "/data/socialbot.db"
    assert final("VOLUME") == '["/data"]'
    assert final("CMD") == '["socialbot", "run"]'
    assert image_uid() != 0
    # The HEALTHCHECK asks the port the bot listens on, even with PORT= from .env.example
    # (tests/acceptance/test_startup.py runs it with the port as written and quoted).
    assert healthcheck() == ["python", "-m", "bot.healthcheck"]
    listening = Settings(PORT="", SOCIALBOT_HOST="")
    assert healthz_url({"PORT": "", "SOCIALBOT_HOST": ""}) == (
        f"http://127.0.0.1:{listening.port}/healthz"
    )
    stages = [arguments for name, arguments in instructions() if name == "FROM"]
    assert len(stages) == 2 and all(s.startswith("${PYTHON_IMAGE}") for s in stages)
    assert "python:3.11-slim" in final("ARG")


def test_every_file_the_image_copies_reaches_the_build_context() -> None:
    # Review14a A2: .dockerignore left deploy/socialbot-entrypoint out, so `docker build`
    # stopped at its COPY with "not found".
    copied = copied_from_the_context()
    assert "deploy/socialbot-entrypoint" in copied
    assert [path for path in copied if not in_the_build_context(path)] == []
    assert not in_the_build_context("tests/conftest.py")
    assert not in_the_build_context("bot/__pycache__/cli.cpython-311.pyc")


@pytest.mark.parametrize(("given", "used"), [("", "json"), ("text", "text"), (None, "json")])
def test_an_empty_log_format_from_an_env_file_keeps_the_images_json_logs(
    given: str | None, used: str
) -> None:
    # Review10b O1: `docker run --env-file` with an older .env's `SOCIALBOT_LOG_FORMAT=`
    # replaced the image's json with an empty value: text logs.
    assert final("ENTRYPOINT") == '["socialbot-entrypoint"]'
    assert "deploy/socialbot-entrypoint" in final("COPY")
    env = {"PATH": "/usr/bin:/bin", **({} if given is None else {"SOCIALBOT_LOG_FORMAT": given})}
    shown = subprocess.run(
        [ROOT / "deploy" / "socialbot-entrypoint", "sh", "-c", 'printf %s "$SOCIALBOT_LOG_FORMAT"'],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout == used


def documents() -> list[tuple[Path, dict[str, Any]]]:
    return [
        (path, doc)
        for path in MANIFESTS
        for doc in yaml.safe_load_all(path.read_text())
        if doc is not None
    ]


@pytest.mark.parametrize(
    ("path", "doc"), documents(), ids=lambda v: v.name if isinstance(v, Path) else v["kind"]
)
def test_manifest_is_valid_kubernetes(path: Path, doc: dict[str, Any]) -> None:
    kubernetes_validate.validate(doc, KUBERNETES, strict=True)


def deployments() -> list[dict[str, Any]]:
    return [doc for _, doc in documents() if doc["kind"] == "Deployment"]


@pytest.mark.parametrize("deployment", deployments(), ids=["plain", "litestream"])
def test_one_replica_replaced_not_rolled(deployment: dict[str, Any]) -> None:
    spec = deployment["spec"]
    assert spec["replicas"] == 1 and spec["strategy"] == {"type": "Recreate"}
    pod = spec["template"]["spec"]
    (bot,) = [c for c in pod["containers"] if c["name"] == "socialbot"]
    assert bot["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert bot["readinessProbe"]["httpGet"]["path"] == "/readyz"
    # The ConfigMap last: it wins over a Secret made from a whole .env, whose empty values
    # would otherwise blank its settings (review10b O1); and it holds no empty value itself.
    assert {"secretRef": {"name": "socialbot"}} in bot["envFrom"]
    assert bot["envFrom"][-1] == {"configMapRef": {"name": "socialbot"}}
    (config,) = [doc for _, doc in documents() if doc["kind"] == "ConfigMap"]
    assert all(config["data"].values())
    # Only what the image needs: a company's setting here would override its .env's, the time
    # zone shipped as UTC one in New York's (review12b D7).
    assert set(config["data"]) == {"SOCIALBOT_DB", "SOCIALBOT_LOG_FORMAT"}
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == image_uid()
    assert pod["terminationGracePeriodSeconds"] >= 30
    mounts = {m["mountPath"]: m["name"] for m in bot["volumeMounts"]}
    assert mounts["/data"] == "data"


def test_the_litestream_sidecar_restores_first_and_outlives_the_bot() -> None:
    pod = deployments()[1]["spec"]["template"]["spec"]
    restore, sidecar = pod["initContainers"]
    assert restore["args"] == ["socialbot-litestream", "restore"]
    assert sidecar["restartPolicy"] == "Always"  # a native sidecar: stopped after the bot
    assert sidecar["args"] == ["socialbot-litestream", "replicate"]


def test_env_example_lists_every_setting_empty() -> None:
    lines = (ROOT / ".env.example").read_text().splitlines()
    pairs = [line.split("=", 1) for line in lines if line and not line.startswith("#")]
    # What the image sets is there commented out: `docker run --env-file` would pass `NAME=`
    # on as empty, replacing the image's value (its JSON logs) (review10b O1).
    commented = [
        line.removeprefix("# ")[:-1] for line in lines if re.fullmatch(r"# [A-Z_]+=", line)
    ]
    names = [name for name, _ in pairs]
    settings = {str(field.validation_alias) for field in Settings.model_fields.values()}
    assert sorted(names + commented) == sorted(settings | set(LITESTREAM))
    assert all(value == "" for _, value in pairs)
    assert sorted(commented) == sorted(set(image_env()) & settings)


def test_compose_runs_one_bot_and_replicates_in_a_profile() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    bot = services["socialbot"]
    assert "profiles" not in bot and bot["init"] is True
    assert "data:/data" in bot["volumes"]
    assert bot["environment"]["SOCIALBOT_DB"] == image_env()["SOCIALBOT_DB"]
    assert bot["depends_on"]["restore"]["required"] is False
    for name in ("restore", "litestream"):
        assert services[name]["profiles"] == ["litestream"]
        assert "data:/data" in services[name]["volumes"]
    assert services["litestream"]["command"] == ["socialbot-litestream", "replicate"]
    assert services["restore"]["command"] == ["socialbot-litestream", "restore"]

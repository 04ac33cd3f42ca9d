"""The image's HEALTHCHECK: exit 0 when the bot in this container answers /healthz with 200.

    python -m bot.healthcheck

It asks the port and address the bot listens on, read from PORT and SOCIALBOT_HOST as the bot
reads them: an empty value is the bot's default and quotes around a value are dropped, so a
`.env` made from .env.example (`PORT=`) or with `PORT="3978"` does not mark a healthy bot
unhealthy (review10b O1).
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request

from bot.environment import DEFAULT_HOST, DEFAULT_PORT, tidy_value

WILDCARDS = {"", DEFAULT_HOST, "::"}


def healthz_url(env: dict[str, str]) -> str:
    """The /healthz address of the bot that `env` configures, as seen from its own machine."""
    port = str(tidy_value(env.get("PORT", ""))) or str(DEFAULT_PORT)
    host = str(tidy_value(env.get("SOCIALBOT_HOST", "")))
    if host in WILDCARDS:
        host = "127.0.0.1"
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/healthz"


def main() -> int:
    """0 when /healthz answers 200; 1 (and the reason on stderr) otherwise."""
    url = healthz_url(dict(os.environ))
    try:
        # Never through HTTP_PROXY: a company proxy cannot reach this container's loopback.
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(url, timeout=4):
            return 0
    except (urllib.error.URLError, OSError, ValueError) as error:
        print(f"{url}: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

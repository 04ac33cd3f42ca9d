"""The Teams bot fixtures, for the fuzz tests next to the Slack ones."""

from tests.teams.conftest import (  # noqa: F401 - fixtures are found by their names here
    connector,
    loopback_only,
    make_teams,
    openid_metadata,
)

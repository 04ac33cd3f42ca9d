"""Slack: Bolt listeners, Block Kit rendering, the outbound gateway and the app manifest."""

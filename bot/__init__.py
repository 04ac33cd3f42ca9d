"""How socialbot runs: settings, the app factory, the CLI, the clock, delivery and platforms."""

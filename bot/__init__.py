"""How socialbot runs: settings, the app factory, the CLI, the clock, delivery and platforms."""

# The release: 0.MINOR.PATCH until 1.0 (README "Releases"); pyproject.toml reads it from here.
__version__ = "0.17.0"

"""The local console: chat with the bot on stdin/stdout, the default when no platform is set."""

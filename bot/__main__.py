"""`python -m bot` is `socialbot`."""

from bot.cli import main

main(prog_name="socialbot")

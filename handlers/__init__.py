"""What the bot does, free of any chat platform: plain data in, neutral views out."""

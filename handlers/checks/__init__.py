"""Check a post before it goes out (issue 16): offline checks, a model review, stats, the views."""

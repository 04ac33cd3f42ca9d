"""Benchmarks that print figures; run them as scripts, e.g. `python bench/fanout.py`."""

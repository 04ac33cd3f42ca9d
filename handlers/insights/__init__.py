"""Insights for the social media team: figures for a period, a chart, a weekly message."""

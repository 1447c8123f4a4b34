"""Benchmarks: commands that print figures measured on real data in ../shared/data."""

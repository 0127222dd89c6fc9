"""Benchmark tooling: a synthetic strategy generator and the `make bench` runner (dev tools,
not part of the published core)."""

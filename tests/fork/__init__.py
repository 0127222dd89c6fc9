"""The template as a region takes it (scripts/fork-test): see run.py."""

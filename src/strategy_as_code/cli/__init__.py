"""The command line: ``python -m strategy_as_code validate|diff|review|release``, in Swedish."""

from strategy_as_code.cli.main import main

__all__ = ["main"]

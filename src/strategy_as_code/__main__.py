"""Command line: ``python -m strategy_as_code validate [FOLDER]``."""

from strategy_as_code.cli import main

raise SystemExit(main())

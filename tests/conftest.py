"""Shared fixtures: the example strategy copied into a temporary folder, ready to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "strategy"


@pytest.fixture
def strategy_dir(tmp_path: Path) -> Path:
    """A writable copy of the example strategy (``<tmp>/strategy``)."""
    target = tmp_path / "strategy"
    shutil.copytree(EXAMPLE, target)
    return target

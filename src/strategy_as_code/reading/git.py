"""The one way the core runs git: ``git -C REPO ARGS``, arguments as a list (never a shell),
output captured, no prompt for a password, and a missing git program said in Swedish.

Revisions, version tags, the release and the new-region starter all go through ``run_git``."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class GitMissing(Exception):
    """The git program is not installed."""

    def __init__(self) -> None:
        super().__init__("Programmet git finns inte på datorn. Installera git och försök igen.")


def run_git(
    repo: Path | str, *args: str, stdin: bytes | str | None = None, text: bool = True,
) -> subprocess.CompletedProcess:
    """Run git in ``repo``; the caller reads ``returncode`` and words any failure for its reader."""
    # A missing credential must fail, never wait for someone to type a password in CI.
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
    try:
        return subprocess.run(
            ["git", "-C", str(repo), *args], input=stdin, capture_output=True, text=text, check=False, env=env,
        )
    except FileNotFoundError:
        raise GitMissing() from None

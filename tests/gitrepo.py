"""A throwaway git repository holding a copy of the example strategy, for the tests of the
semantic diff: commit the example, change files, commit again, compare."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from support import EXAMPLE


class StrategyRepo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.strategy = root / "strategy"

    def git(self, *args: str) -> str:
        result = subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def commit(self, message: str) -> str:
        self.git("add", "--all")
        self.git("commit", "--quiet", "--allow-empty", "--message", message)
        return self.git("rev-parse", "HEAD")

    def edit(self, relative: str, old: str, new: str) -> None:
        """Replace ``old`` (which must occur once) by ``new`` in ``strategy/<relative>``."""
        path = self.strategy / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {relative}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        (self.strategy / relative).write_text(text, encoding="utf-8")


def new_repo(root: Path, *, with_strategy: bool = True, source: Path = EXAMPLE) -> StrategyRepo:
    """A repository whose first commit (branch ``main``) holds the example strategy (or
    ``source``)."""
    root.mkdir(parents=True, exist_ok=True)
    repo = StrategyRepo(root)
    repo.git("init", "--quiet", "--initial-branch=main")
    repo.git("config", "user.name", "Testare")
    repo.git("config", "user.email", "testare@example.invalid")
    repo.git("config", "commit.gpgsign", "false")
    if with_strategy:
        shutil.copytree(source, repo.strategy)
    else:
        (root / "README.md").write_text("Strategin skrivs snart.\n", encoding="utf-8")
    repo.commit("Första versionen")
    return repo

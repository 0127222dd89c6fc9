"""The strategy as it was at a git revision: its files read straight from git's object store
(never from the working tree, which stays untouched) and handed to :func:`loader.load_files`.

Used by the semantic diff (``python -m strategy_as_code diff BASE HEAD``) and, later, by the
citizens' "Vad har ändrats?" page, which compares two adopted versions.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from strategy_as_code.kinds import STRATEGY_FOLDER
from strategy_as_code.model import RegionalStrategy
from strategy_as_code.problems import StrategyInvalid
from strategy_as_code.reading.files import StrategyFiles
from strategy_as_code.reading.git import GitMissing, run_git
from strategy_as_code.reading.loader import load_files

REGULAR_FILES = ("100644", "100755")
"""Modes of ordinary files in a git tree. A symbolic link (120000) or a submodule (160000) is
never read: the loader names it in a problem, as it does in the working tree."""
NOT_FILES = {"120000": "symlink", "160000": "submodule"}


class RevisionUnavailable(Exception):
    """A revision that git cannot give us (unknown name, no git, not a repository), in Swedish."""


@dataclass(frozen=True)
class Revision:
    """A revision as the user named it (``main``, ``HEAD~1``) and the commit it stands for."""

    name: str
    commit: str

    @property
    def short(self) -> str:
        return self.commit[:7]

    def __str__(self) -> str:
        return self.name if self.name.startswith(self.short) else f"{self.name} ({self.short})"


def _git(repo: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    try:
        return run_git(repo, *args, stdin=stdin, text=False)
    except GitMissing as missing:
        raise RevisionUnavailable(str(missing)) from None


def resolve(repo: Path | str, name: str) -> Revision:
    """The commit that ``name`` names in ``repo``; :class:`RevisionUnavailable` if there is none."""
    result = _git(Path(repo), "rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}")
    if result.returncode != 0:
        inside = _git(Path(repo), "rev-parse", "--git-dir")
        if inside.returncode != 0:
            raise RevisionUnavailable(f"Mappen {repo} är inte ett git-förråd. Kör kommandot i strategins förråd.")
        raise RevisionUnavailable(
            f'Revisionen "{name}" finns inte i git-förrådet. Ange en gren, en tagg eller en commit som finns, '
            "t.ex. main eller HEAD~1 (hämta den först med git fetch om den bara finns på GitHub)."
        )
    return Revision(name, result.stdout.decode("ascii").strip())


def read_files(repo: Path | str, revision: Revision, folder: str = STRATEGY_FOLDER) -> StrategyFiles:
    """Every ordinary file under ``folder`` at ``revision``, keyed by its path inside ``folder``,
    and the symbolic links and submodules there, named but not read.

    Empty when the folder did not exist at that revision (a strategy that is not written yet).
    """
    repo = Path(repo)
    folder = folder.strip("/")
    listing = _git(repo, "ls-tree", "-r", "-z", "--full-tree", f"{revision.commit}:{folder}")
    if listing.returncode != 0:
        return StrategyFiles()
    entries: list[tuple[str, str]] = []
    not_files: dict[str, str] = {}
    for record in listing.stdout.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode, kind, sha = meta.decode("ascii").split(" ")
        path = raw_path.decode("utf-8", errors="surrogateescape")
        if kind == "blob" and mode in REGULAR_FILES:
            entries.append((path, sha))
        else:
            not_files[path] = NOT_FILES.get(mode, "special")
    if not entries:
        return StrategyFiles(not_files=not_files)
    batch = _git(repo, "cat-file", "--batch", stdin="".join(f"{sha}\n" for _, sha in entries).encode("ascii"))
    if batch.returncode != 0:
        raise RevisionUnavailable(f"git kunde inte läsa filerna i {revision}: {batch.stderr.decode(errors='replace')}")
    return StrategyFiles(dict(zip((path for path, _ in entries), _blobs(batch.stdout), strict=True)), not_files)


def _blobs(output: bytes) -> list[bytes]:
    """Split ``git cat-file --batch`` output: per object a header ``<sha> <type> <size>\\n``,
    then exactly ``size`` bytes and a newline."""
    blobs, position = [], 0
    while position < len(output):
        end = output.index(b"\n", position)
        size = int(output[position:end].split(b" ")[2])
        blobs.append(output[end + 1:end + 1 + size])
        position = end + 1 + size + 1
    return blobs


def load_revision(repo: Path | str, rev: str | Revision, folder: str = STRATEGY_FOLDER) -> RegionalStrategy:
    """The strategy at ``rev``, validated like the working tree.

    Problems name the revision in their path (``main:strategy/goals/x.yml``), so a partner sees
    which side of a comparison is broken.
    """
    revision = rev if isinstance(rev, Revision) else resolve(repo, rev)
    files = read_files(repo, revision, folder)
    return load_files(files, prefix=f"{revision.name}:{folder.strip('/')}")


def load_revision_or_none(
    repo: Path | str, revision: Revision, folder: str = STRATEGY_FOLDER
) -> RegionalStrategy | None:
    """Like :func:`load_revision`, but ``None`` when ``folder`` did not exist at ``revision``
    (the comparison then shows everything as new)."""
    files = read_files(repo, revision, folder)
    if not files and not files.not_files:
        return None
    return load_files(files, prefix=f"{revision.name}:{folder.strip('/')}")


def invalid_report(revision: Revision, invalid: StrategyInvalid) -> str:
    """The validator's problems headed by the revision they were found in, in Swedish."""
    return invalid.report(
        heading=f"Strategin i {revision} har {len(invalid.problems)} problem, så den går inte att jämföra:",
        closing=f"Rätta filerna i {revision.name} och jämför igen.",
    )


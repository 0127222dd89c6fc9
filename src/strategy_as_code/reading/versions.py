"""Adopted annual versions: read from the repository's annotated tags ``vYEAR``.

A tag is the record that staff adopted a version; the build reads the tags to list every
version and to find the previous one to compare with. Outside a git checkout there are none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from strategy_as_code.reading.git import GitMissing, run_git

TAG_PREFIX = "v"
YEAR_PATTERN = re.compile(r"[0-9]{4}", re.ASCII)
"""A version's year: four ASCII digits. Not ``\\d``, which also matches Arabic-Indic or fullwidth
digits that ``int()`` accepts: a tag ``v٢٠٢٨`` must not count as version 2028."""
IN_FORCE_ALIAS = "gallande"
"""URL alias of the version in force (``/gallande/``); the site root redirects to it."""
DRAFT_VERSION = "utkast"
"""URL of the draft built from ``main``."""


@dataclass(frozen=True, order=True)
class AdoptedVersion:
    year: int
    tag: str
    date: str
    """Date the tag was made (ÅÅÅÅ-MM-DD)."""
    commit: str


def is_year(text: str) -> bool:
    return YEAR_PATTERN.fullmatch(text) is not None


def repository_of(folder: Path) -> Path | None:
    """The top of the git work tree holding ``folder``, or None outside git."""
    try:
        result = run_git(folder, "rev-parse", "--show-toplevel")
    except GitMissing:
        return None
    return Path(result.stdout.strip()) if result.returncode == 0 else None


def adopted_versions(repo: Path | None) -> list[AdoptedVersion]:
    """Every ``vYEAR`` tag, oldest first."""
    if repo is None:
        return []
    try:
        result = run_git(
            repo, "for-each-ref", "refs/tags/v*",
            "--format=%(refname:short)%09%(creatordate:short)%09%(*objectname)%(objectname)",
        )
    except GitMissing:
        return []
    versions = []
    for line in result.stdout.splitlines():
        tag, date, objects = line.split("\t")
        year = tag.removeprefix(TAG_PREFIX)
        if tag.startswith(TAG_PREFIX) and is_year(year):
            # For an annotated tag %(*objectname) is the commit and %(objectname) the tag object.
            versions.append(AdoptedVersion(int(year), tag, date, objects[:40]))
    return sorted(versions)


def previous_version(versions: list[AdoptedVersion], current: str | None) -> AdoptedVersion | None:
    """The adopted version a build compares with: the latest one before ``current`` (a year), or
    the latest of all for the draft and local builds."""
    if current and is_year(current):
        earlier = [v for v in versions if v.year < int(current)]
        return earlier[-1] if earlier else None
    return versions[-1] if versions else None

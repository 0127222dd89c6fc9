"""The region's name where the example's stood: in the files partners read (the issue forms, docs,
and CONTRIBUTING.md outside its generated lines), found from the old strategy's own names and
replaced. CODEOWNERS, the contact link and the region's lines are written from the new
strategy.yml afterwards (governance.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from strategy_as_code.publishing.starter import GOVERNANCE, main_municipality, replaced_by, slug
from strategy_as_code.regions import County, fold

# ------------------------------------------------------------------ the replaced region's name elsewhere


@dataclass(frozen=True)
class Identity:
    """How the strategy being replaced names its region and partners, to find them in other files."""

    region: str
    county_boards: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()

    @property
    def short(self) -> str:
        return self.region.removeprefix("Region ").strip()


def read_identity(strategy: Path) -> Identity | None:
    """The region and partner names of the strategy in ``strategy`` (None if it cannot be read)."""
    settings = read_yaml(strategy / "strategy.yml")
    if not isinstance(settings, dict) or not isinstance(settings.get("region"), str):
        return None
    boards, municipalities = [], []
    for path in sorted((strategy / "partners").glob("*.y*ml")):
        partner = read_yaml(path)
        if isinstance(partner, dict) and isinstance(partner.get("name"), str):
            if partner.get("type") == "länsstyrelse":
                boards.append(partner["name"])
            elif partner.get("type") == "kommun":
                municipalities.append(partner["name"])
    return Identity(settings["region"], tuple(boards), tuple(municipalities))


def read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


@dataclass(frozen=True)
class NewIdentity:
    county: County
    owner: str
    """The GitHub organisation that owns the repository (CODEOWNERS' teams belong to it)."""
    contact_url: str


def replacements(old: Identity, new: NewIdentity) -> list[tuple[re.Pattern[str], str]]:
    """Ordered rewrites from the old region's names to the new one's: the longest names first, so
    "Länsstyrelsen i Sjölands län" becomes the new county board, not "Länsstyrelsen i Gävleborgs län" by parts."""
    county = new.county
    old_slug = slug(old.short)
    rules: list[tuple[str, str]] = [
        (rf"https?://[^\s\"'<>)]*{re.escape(old_slug)}[^\s\"'<>)]*", new.contact_url),
        (rf"@[A-Za-z0-9-]*{re.escape(old_slug)}[A-Za-z0-9-]*/", f"@{new.owner}/"),
    ]
    rules += [(re.escape(name), county.county_board) for name in sorted(old.county_boards, key=len, reverse=True)]
    rules.append((re.escape(old.region), county.region))
    main = main_municipality(county).organisation
    rules += [(rf"\b{re.escape(name)}\b", main) for name in sorted(old.municipalities, key=len, reverse=True)]
    rules += [
        (rf"\b{re.escape(old.short)}s län\b", county.name),
        (rf"\b{re.escape(old.short)}", county.short_name),
        (rf"\b{re.escape(slug(old.region))}\b", slug(county.region)),
        (rf"\b{re.escape(old_slug)}", slug(county.short_name)),
    ]
    return [(re.compile(pattern), replacement) for pattern, replacement in rules]


def rewrite(text: str, rules: Iterable[tuple[re.Pattern[str], str]]) -> str:
    for pattern, replacement in rules:
        text = pattern.sub(replaced_by(replacement), text)
    return text


def governance_files(root: Path) -> list[Path]:
    found: list[Path] = []
    for pattern in GOVERNANCE:
        found += sorted(path for path in root.glob(pattern) if path.is_file())
    return found


def leftovers(root: Path, paths: Iterable[Path], old: Identity) -> list[str]:
    """``file:line`` of every remaining mention of the old region's name in ``paths``."""
    words = {fold(old.short), slug(old.short)}
    found = []
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, 1):
            folded = fold(line)
            if any(word and word in folded for word in words):
                found.append(f"{path.relative_to(root)}:{number}")
    return found

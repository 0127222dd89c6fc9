"""The files of a strategy folder, as the loader gets them: every ordinary file under the folder,
path -> bytes, and beside them what is not an ordinary file (links, pipes, submodules) or not a
strategy file (``x.YML``, ``README.md``, an unknown folder), each named with what to do."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path as FilePath

from strategy_as_code.kinds import FOLDERS, SETTINGS_FILE

YAML_SUFFIXES = (".yml", ".yaml")


class StrategyFiles(dict[str, bytes]):
    """The files of a strategy folder, path inside the folder -> content, read from the working
    tree or from git; and beside them the entries that are not ordinary files. A symbolic link can
    point out of the repository (it once published what it pointed at), so none is followed:
    :func:`load_files` names each in a problem instead."""

    def __init__(self, files: Mapping[str, bytes] | None = None, not_files: Mapping[str, str] | None = None) -> None:
        super().__init__(files or {})
        self.not_files: dict[str, str] = dict(not_files or {})
        """Path -> what it is: ``symlink``, ``submodule`` (git) or ``special`` (a pipe, a device)."""


NOT_FILES = {
    "symlink": (
        "Här ligger en symbolisk länk. Strategin läser inga länkar, eftersom en länk kan peka på filer utanför repot.",
        "Ersätt länken med en vanlig fil (eller mapp) med innehållet, eller ta bort den.",
    ),
    "submodule": (
        "Här ligger en undermodul, en länk till ett annat git-förråd, som strategin inte läser.",
        "Ta bort undermodulen och lägg strategins filer direkt i mappen.",
    ),
    "special": (
        "Här ligger ingen vanlig fil utan en specialfil (t.ex. en namngiven pipe), som strategin inte läser.",
        "Ta bort den.",
    ),
}


NOTES = ("README.md", "SOURCES.md")
"""Files at the top of a strategy folder that are for people, not the site: a README, or the
sources of an example re-entered from a region's public documents. The loader skips them."""


def refusal(relative: str, folder: str) -> tuple[str, str] | None:
    """Why a file in the strategy folder is not read, and what to do; None if it is read. Every
    file is either read or named: a file that is silently skipped (x.YML, x.yml.txt) looks to a
    partner like part of the strategy."""
    parts = relative.split("/")
    name = parts[-1]
    if not relative.isprintable():
        return (
            "Filnamnet innehåller ett osynligt tecken eller en radbrytning.",
            "Byt namn på filen till ett namn med bokstäver, siffror och bindestreck som slutar på .yml.",
        )
    hidden = next((part for part in parts if part.startswith(".")), None)
    if hidden is not None:
        what = "Filen" if hidden == name else "Mappen"
        return (
            f'{what} "{hidden}" är dold (namnet börjar med en punkt), och strategin läser inte dolda filer.',
            f"Ta bort {what.lower()}. Hör innehållet till strategin, ge filen ett namn utan punkt först "
            "som slutar på .yml.",
        )
    if not name.endswith(YAML_SUFFIXES):
        lowered = name.lower()
        if lowered.endswith(YAML_SUFFIXES):
            stem = name[: name.rindex(".")]
            return (
                f'Filen "{name}" läses inte: filändelsen ska skrivas med små bokstäver.',
                f"Byt namn på filen till {stem}.yml.",
            )
        for suffix in YAML_SUFFIXES:
            if suffix in lowered:
                stem = name[: lowered.index(suffix)]
                return (
                    f'Filen "{name}" läses inte, eftersom namnet inte slutar på .yml.',
                    f"Byt namn på filen till {stem}.yml om den hör till strategin, annars ta bort den.",
                )
        return (
            f'Filen "{name}" är ingen strategifil och läses inte: mappen {folder} får bara innehålla '
            "strategins YAML-filer.",
            f"Flytta filen ut ur {folder} (en beskrivning hör hemma i docs/, eller i README.md eller SOURCES.md "
            "överst i mappen), eller ta bort den. Strategins filer slutar på .yml.",
        )
    if relative == SETTINGS_FILE or (len(parts) == 2 and parts[0] in FOLDERS):
        return None
    folders = ", ".join(f"{name}/" for name in FOLDERS)
    return (
        "Filen ligger på en plats där strategin inte läser filer.",
        f"Flytta filen till en av mapparna {folders} i {folder}.",
    )


def walk(root: FilePath) -> list[tuple[str, os.DirEntry]]:
    """Every entry under ``root`` that is not a folder (symbolic links to folders included): its
    path relative to root (POSIX form) and its directory entry, in path order. One scandir per
    folder, so no extra system call per file to ask what it is (rglob plus is_file cost a tenth
    of a second per pass at 4,000 files)."""
    found: list[tuple[str, os.DirEntry]] = []
    folders = [("", str(root))]
    while folders:
        prefix, folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((f"{prefix}{entry.name}/", entry.path))
                else:
                    found.append((prefix + entry.name, entry))
    found.sort(key=lambda item: item[0].split("/"))
    return found


def read_tree(root: FilePath) -> StrategyFiles:
    """Every file under ``root`` (the ``strategy/`` folder), keyed by its path relative to root;
    symbolic links and special files are listed, not read."""
    files = StrategyFiles()
    for relative, entry in walk(root):
        if entry.is_symlink():
            files.not_files[relative] = "symlink"
        elif not entry.is_file(follow_symlinks=False):
            files.not_files[relative] = "special"
        else:
            with open(entry.path, "rb") as file:
                files[relative] = file.read()
    return files

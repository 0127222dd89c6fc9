"""Which files of the strategy folder are read: every file is either read or named in a Swedish
message that says what to do with it, in the working tree and in a git revision alike; symbolic
links are never followed, and nothing outside the folder can be published through one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gitrepo import new_repo
from strategy_as_code import StrategyInvalid, load_strategy
from strategy_as_code.problems import Problem
from strategy_as_code.reading.loader import load_strategy_cached
from strategy_as_code.reading.revisions import load_revision, resolve

SECRET = "id: hemlig\nname: Hemligt innehåll utanför repot\norder: 9\nsummary: Läckt.\ndescription: Läckt.\n"


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(StrategyInvalid) as raised:
        load_strategy(folder)
    return raised.value.problems


def only(problems: list[Problem]) -> tuple[str, int, str, str]:
    assert len(problems) == 1, "\n".join(p.format() for p in problems)
    problem = problems[0]
    return problem.path, problem.line, problem.message, problem.hint


IGNORED = [
    ("goals/x.YML", 'Filen "x.YML" läses inte: filändelsen ska skrivas med små bokstäver.',
     "Byt namn på filen till x.yml."),
    ("goals/x.Yaml", 'Filen "x.Yaml" läses inte: filändelsen ska skrivas med små bokstäver.',
     "Byt namn på filen till x.yml."),
    ("goals/x.yml.txt", 'Filen "x.yml.txt" läses inte, eftersom namnet inte slutar på .yml.',
     "Byt namn på filen till x.yml om den hör till strategin, annars ta bort den."),
    ("goals/x.yml~", 'Filen "x.yml~" läses inte, eftersom namnet inte slutar på .yml.',
     "Byt namn på filen till x.yml om den hör till strategin, annars ta bort den."),
    ("goals/.x.yml", 'Filen ".x.yml" är dold (namnet börjar med en punkt), och strategin läser inte dolda filer.',
     "Ta bort filen. Hör innehållet till strategin, ge filen ett namn utan punkt först som slutar på .yml."),
    ("goals/.utkast/x.yml",
     'Mappen ".utkast" är dold (namnet börjar med en punkt), och strategin läser inte dolda filer.',
     "Ta bort mappen. Hör innehållet till strategin, ge filen ett namn utan punkt först som slutar på .yml."),
    (".gitkeep", 'Filen ".gitkeep" är dold (namnet börjar med en punkt), och strategin läser inte dolda filer.',
     "Ta bort filen. Hör innehållet till strategin, ge filen ett namn utan punkt först som slutar på .yml."),
    ("anteckningar.md", 'Filen "anteckningar.md" är ingen strategifil och läses inte: mappen strategy/ får bara '
     "innehålla strategins YAML-filer.", "Flytta filen ut ur strategy/ (en beskrivning hör hemma i docs/, eller i "
     "README.md eller SOURCES.md överst i mappen), eller ta bort den. Strategins filer slutar på .yml."),
    ("goals/bild.png", 'Filen "bild.png" är ingen strategifil och läses inte: mappen strategy/ får bara innehålla '
     "strategins YAML-filer.", "Flytta filen ut ur strategy/ (en beskrivning hör hemma i docs/, eller i README.md "
     "eller SOURCES.md överst i mappen), eller ta bort den. Strategins filer slutar på .yml."),
    ("utkast/x.yml", "Filen ligger på en plats där strategin inte läser filer.",
     "Flytta filen till en av mapparna goals/, strategies/, principles/, success-factors/, perspectives/, "
     "challenges/, actions/, indicators/, partners/, decisions/ i strategy/."),
    ("utkast/anteckning.txt", 'Filen "anteckning.txt" är ingen strategifil och läses inte: mappen strategy/ får '
     "bara innehålla strategins YAML-filer.", "Flytta filen ut ur strategy/ (en beskrivning hör hemma i docs/, eller "
     "i README.md eller SOURCES.md överst i mappen), eller ta bort den. Strategins filer slutar på .yml."),
    ("goals/sub/x.yml", "Filen ligger på en plats där strategin inte läser filer.",
     "Flytta filen till en av mapparna goals/, strategies/, principles/, success-factors/, perspectives/, "
     "challenges/, actions/, indicators/, partners/, decisions/ i strategy/."),
    ("goals/x\u202egnp.yml", "Filnamnet innehåller ett osynligt tecken eller en radbrytning.",
     "Byt namn på filen till ett namn med bokstäver, siffror och bindestreck som slutar på .yml."),
]


@pytest.mark.parametrize(("relative", "message", "hint"), IGNORED, ids=[i[0] for i in IGNORED])
def test_a_file_the_strategy_does_not_read_is_named(strategy_dir: Path, relative, message, hint):
    path = strategy_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SECRET, encoding="utf-8")
    shown = "strategy/" + relative.replace("\u202e", "\\u202e")
    assert only(problems_of(strategy_dir)) == (shown, 0, message, hint)


def test_a_symlinked_file_is_refused_and_not_read(strategy_dir: Path, tmp_path: Path):
    outside = tmp_path / "utanfor.yml"
    outside.write_text(SECRET, encoding="utf-8")
    (strategy_dir / "goals" / "hemlig.yml").symlink_to(outside)
    assert only(problems_of(strategy_dir)) == (
        "strategy/goals/hemlig.yml", 0,
        "Här ligger en symbolisk länk. Strategin läser inga länkar, eftersom en länk kan peka på filer utanför repot.",
        "Ersätt länken med en vanlig fil (eller mapp) med innehållet, eller ta bort den.",
    )


def test_a_symlinked_folder_is_refused_and_not_followed(strategy_dir: Path, tmp_path: Path):
    outside = tmp_path / "utanfor"
    outside.mkdir()
    (outside / "hemlig.yml").write_text(SECRET, encoding="utf-8")
    for folder in ("goals", "principles"):
        (strategy_dir / folder / "mer").symlink_to(outside, target_is_directory=True)
    problems = problems_of(strategy_dir)
    assert [(p.path, p.message) for p in problems] == [
        (f"strategy/{folder}/mer", "Här ligger en symbolisk länk. Strategin läser inga länkar, eftersom en länk "
         "kan peka på filer utanför repot.") for folder in ("goals", "principles")
    ]


def test_a_dangling_symlink_is_named_not_a_crash(strategy_dir: Path):
    (strategy_dir / "goals" / "borta.yml").symlink_to(strategy_dir / "finns-inte.yml")
    assert only(problems_of(strategy_dir))[0] == "strategy/goals/borta.yml"
    with pytest.raises(StrategyInvalid):
        load_strategy_cached(strategy_dir)


def test_a_symlinked_strategy_folder_is_refused(strategy_dir: Path, tmp_path: Path):
    link = tmp_path / "lank"
    link.symlink_to(strategy_dir, target_is_directory=True)
    for load in (load_strategy, load_strategy_cached):
        with pytest.raises(StrategyInvalid) as raised:
            load(link)
        assert [p.message for p in raised.value.problems] == [
            "Mappen med strategifilerna är en symbolisk länk, och strategin läser inga länkar."
        ]


def test_a_named_pipe_is_refused_without_blocking(strategy_dir: Path):
    os.mkfifo(strategy_dir / "goals" / "ror.yml")
    assert only(problems_of(strategy_dir))[2] == (
        "Här ligger ingen vanlig fil utan en specialfil (t.ex. en namngiven pipe), som strategin inte läser."
    )


def test_every_refused_file_at_once_with_a_non_zero_exit(strategy_dir: Path, tmp_path: Path):
    (strategy_dir / "goals" / "x.YML").write_text(SECRET, encoding="utf-8")
    (strategy_dir / "README.md").write_text("# Strategin\n", encoding="utf-8")  # notes for people: skipped
    (strategy_dir / "SOURCES.md").write_text("# Källor\n", encoding="utf-8")
    (strategy_dir / "goals" / "README.md").write_text("# Mål\n", encoding="utf-8")  # not at the top: refused
    (strategy_dir / "goals" / "lank.yml").symlink_to(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "strategy_as_code", "validate", str(strategy_dir)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Strategin har 3 problem")
    for path in ("strategy/goals/README.md", "strategy/goals/lank.yml", "strategy/goals/x.YML"):
        assert f"\n{path}: " in result.stderr
    assert "strategy/README.md" not in result.stderr and "SOURCES.md:" not in result.stderr


@pytest.fixture
def repo(tmp_path: Path):
    return new_repo(tmp_path / "repo")


def test_a_symlink_in_a_git_revision_is_refused_not_read(repo, tmp_path: Path):
    outside = tmp_path / "utanfor.yml"
    outside.write_text(SECRET, encoding="utf-8")
    (repo.strategy / "goals" / "hemlig.yml").symlink_to(outside)
    (repo.strategy / "goals" / "x.yml.txt").write_text(SECRET, encoding="utf-8")
    repo.commit("En länk och en fil som inte läses")
    with pytest.raises(StrategyInvalid) as raised:
        load_revision(repo.root, resolve(repo.root, "HEAD"))
    assert [(p.path, p.message) for p in raised.value.problems] == [
        ("HEAD:strategy/goals/hemlig.yml", "Här ligger en symbolisk länk. Strategin läser inga länkar, eftersom en "
         "länk kan peka på filer utanför repot."),
        ("HEAD:strategy/goals/x.yml.txt", 'Filen "x.yml.txt" läses inte, eftersom namnet inte slutar på .yml.'),
    ]


def test_a_submodule_in_a_git_revision_is_named(repo):
    commit = repo.git("rev-parse", "HEAD")
    tree = repo.git("write-tree")
    # A gitlink entry (mode 160000) added to strategy/goals without a real submodule checkout.
    goals = repo.git("rev-parse", f"{tree}:strategy/goals")
    listing = repo.git("ls-tree", goals) + f"\n160000 commit {commit}\tandra-repot\n"
    new_goals = subprocess.run(["git", "mktree"], input=listing, cwd=repo.root, capture_output=True, text=True,
                               check=True).stdout.strip()
    strategy = repo.git("ls-tree", f"{tree}:strategy").replace(goals, new_goals)
    new_strategy = subprocess.run(["git", "mktree"], input=strategy + "\n", cwd=repo.root, capture_output=True,
                                  text=True, check=True).stdout.strip()
    root = repo.git("ls-tree", tree).replace(repo.git("rev-parse", f"{tree}:strategy"), new_strategy)
    new_root = subprocess.run(["git", "mktree"], input=root + "\n", cwd=repo.root, capture_output=True, text=True,
                              check=True).stdout.strip()
    repo.git("update-ref", "refs/heads/med-undermodul", repo.git("commit-tree", new_root, "-p", commit, "-m", "x"))
    with pytest.raises(StrategyInvalid) as raised:
        load_revision(repo.root, resolve(repo.root, "med-undermodul"))
    assert [(p.path, p.message) for p in raised.value.problems] == [
        ("med-undermodul:strategy/goals/andra-repot",
         "Här ligger en undermodul, en länk till ett annat git-förråd, som strategin inte läser."),
    ]

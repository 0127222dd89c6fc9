"""A partner who mistypes a command reads the usage line and the error in Swedish, like the
validator's report, and the command exits with 2 (argparse's code for wrong usage)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from strategy_as_code.cli.parser import swedish_error


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "strategy_as_code", *args], capture_output=True, text=True, check=False
    )


def test_no_command():
    done = run()
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "Användning: strategy_as_code [-h]\n"
        "                             {validate,release,diff,review,site-sources,figures}\n"
        "                             ...\n"
        "strategy_as_code: fel: det här saknas: kommando.\n"
        "Skriv strategy_as_code -h för hjälp.\n"
    )


def test_unknown_command_lists_the_commands():
    done = run("validera")
    assert done.returncode == 2
    assert done.stderr.splitlines()[3] == (
        "strategy_as_code: fel: kommando kan inte vara 'validera'; välj bland 'validate', 'release', 'diff', 'review', "
        "'site-sources', 'figures'."
    )


def test_unknown_option():
    done = run("validate", "--snabbt")
    assert done.returncode == 2
    assert "strategy_as_code: fel: okända argument: --snabbt.\n" in done.stderr


def test_missing_argument_of_a_subcommand_names_it_in_swedish():
    done = run("diff", "main")
    assert done.returncode == 2
    assert done.stderr.endswith(
        "strategy_as_code diff: fel: det här saknas: HEAD.\nSkriv strategy_as_code diff -h för hjälp.\n"
    )
    release = run("release")
    assert "strategy_as_code release: fel: det här saknas: ÅR.\n" in release.stderr


def test_help_is_swedish_throughout():
    done = run("release", "-h")
    assert done.returncode == 0
    assert done.stdout.startswith("Användning: strategy_as_code release [-h] [--remote FJÄRR] [--branch GREN]")
    assert "\nArgument:\n" in done.stdout and "\nFlaggor:\n" in done.stdout
    assert "-h, --help" in done.stdout and "Visa den här hjälpen och avsluta." in done.stdout
    for english in ("usage:", "positional arguments", "options:", "show this help message"):
        assert english not in done.stdout


@pytest.mark.parametrize(
    ("english", "swedish"),
    [
        ("argument --remote: expected one argument", "--remote behöver ett värde"),
        ("argument --from-tag: ignored explicit argument 'ja'", "--from-tag tar inget värde ('ja')"),
        # A message without a Swedish pattern is shown as argparse wrote it, not swallowed.
        ("something new in a later Python", "something new in a later Python"),
    ],
)
def test_error_wording(english, swedish):
    assert swedish_error(english) == swedish


def test_wrapped_usage_lines_stay_aligned_under_the_swedish_prefix():
    lines = run("diff", "-h").stdout.splitlines()
    assert lines[0].startswith("Användning: strategy_as_code diff [-h]")
    indent = len("Användning: strategy_as_code diff ")
    assert lines[1].startswith(" " * indent + "[") and lines[1][indent] == "["


def test_abbreviated_options_are_refused():
    done = run("release", "2026", "--re", "x")
    assert done.returncode == 2
    assert "okända argument: --re x." in done.stderr

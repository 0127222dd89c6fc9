"""Golden files: the rendered output of the example strategy (``examples/sjoland``),
compared line by line with the files in ``tests/golden/``: one page of each kind, every overview
fragment, the "Vad har ändrats?" HTML, the pull-request comment (valid and invalid proposal) and
the command line's reports. A change of output shows as a unified diff in the failure.

After a deliberate change of output: ``make golden`` writes the files anew; review them with
``git diff tests/golden`` and commit them with the change.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

from gitrepo import StrategyRepo, new_repo
from strategy_as_code import cli
from strategy_as_code.changes.compare import compare
from strategy_as_code.kinds import KINDS
from strategy_as_code.publishing.review import review_markdown
from strategy_as_code.publishing.site import overview_fragment
from strategy_as_code.reading.loader import load_strategy
from strategy_as_code.reading.revisions import Revision, resolve
from strategy_as_code.render.changes import render_changes_html
from strategy_as_code.render.fragments import fragment_names
from strategy_as_code.render.links import Linker
from strategy_as_code.render.pages import entity_pages
from strategy_as_code.render.shield import Shield
from support import EXAMPLE

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def normalised(text: str) -> str:
    """Trailing spaces and runs of blank lines are layout, not output; a commit id is new in
    every run."""
    text = re.sub(r"\b[0-9a-f]{40}\b", "<commit>", text)
    text = re.sub(r"\b[0-9a-f]{7,12}\b(?=\))", "<commit>", text)
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    actual = normalised(text)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"tests/golden/{name} is missing: run `make golden` and review it"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), f"tests/golden/{name}", "now", lineterm="", n=2,
        )
        pytest.fail("Output differs from the golden file (make golden writes it anew):\n" + "\n".join(diff))


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(EXAMPLE)


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> tuple[StrategyRepo, str, str, str]:
    """A repository with three commits of the fixture: as it is, with a proposal of changes, and
    with a broken proposal."""
    repo = new_repo(tmp_path_factory.mktemp("golden") / "repo", source=EXAMPLE)
    first = repo.git("rev-parse", "HEAD")
    repo.edit("goals/goda-livsvillkor.yml", "name: Goda livsvillkor för regionens invånare",
              "name: Goda livsvillkor för alla som bor i länet")
    repo.edit("goals/goda-livsvillkor.yml", "och ett rikt liv", "och ett gott liv")
    repo.edit("partners/asby-kommun.yml", "omkring 11 000 invånare", "omkring 11 500 invånare")
    (repo.strategy / "principles" / "vi-testar.yml").unlink()
    repo.write("partners/vidsjons-kommunalforbund.yml", (
        "id: vidsjons-kommunalforbund\nname: Vidsjöns kommunalförbund\ntype: region\n"
        "description: Förbundet samordnar räddningstjänst och vuxenutbildning för kommunerna kring Vidsjön.\n"
    ))
    second = repo.commit("Förslag")
    repo.edit("goals/goda-livsvillkor.yml", "id: goda-livsvillkor", "id: Goda livsvillkor")
    third = repo.commit("Trasigt förslag")
    return repo, first, second, third


@pytest.mark.parametrize("kind", [kind.key for kind in KINDS if kind.has_pages])
def test_entity_page(strategy, kind):
    shield = Shield()
    page = next(page for page in entity_pages(strategy, shield) if page.kind == kind)
    assert_golden(f"pages/{kind}.md", shield.reveal(page.content))


@pytest.mark.parametrize("name", fragment_names())
def test_fragment(strategy, name):
    assert_golden(f"fragments/{name}.html", overview_fragment(strategy, name, ""))


def test_changes_html(history):
    repo, first, second, _ = history
    old = load_strategy_at(repo, first)
    new = load_strategy_at(repo, second)
    assert_golden("changes.html", render_changes_html(compare(old, new), Linker("andringar/")))


def test_review_comment_of_a_valid_proposal(history):
    repo, first, second, _ = history
    comment = review_markdown(repo.root, Revision("main", first), Revision("förslag", second),
                              base_label="main", head_label="förslag")
    assert_golden("review-valid.md", comment)


def test_review_comment_of_a_broken_proposal(history):
    repo, first, _, third = history
    comment = review_markdown(repo.root, Revision("main", first), Revision("förslag", third),
                              base_label="main", head_label="förslag")
    assert_golden("review-invalid.md", comment)


def test_cli_diff_report(history, capsys):
    repo, first, second, _ = history
    code = cli.main(["diff", first, second, "--repo", str(repo.root), "--base-label", "2025",
                     "--head-label", "utkast"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert_golden("cli-diff.md", captured.out)


def test_cli_validate_report(history, tmp_path, capsys):
    repo, _, _, third = history
    repo.git("checkout", "--quiet", third)
    code = cli.main(["validate", str(repo.strategy)])
    captured = capsys.readouterr()
    assert code == 1
    assert_golden("cli-validate.txt", (captured.out + captured.err).replace(str(repo.root), "<repo>"))


def load_strategy_at(repo: StrategyRepo, commit: str):
    from strategy_as_code.reading.revisions import load_revision

    return load_revision(repo.root, resolve(repo.root, commit))

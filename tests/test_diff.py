"""The semantic diff between two git revisions: a throwaway repository holds the example
strategy, a second commit changes it, and the tests read the Swedish summary line by line and
the structured result behind it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from gitrepo import StrategyRepo, new_repo
from strategy_as_code.changes.compare import Changes, Item, ListChange, TextChange, ValueChange, compare
from strategy_as_code.changes.words import ADDED, REMOVED, SAME, Segment, changed_lines, word_diff
from strategy_as_code.cli.main import main
from strategy_as_code.problems import StrategyInvalid
from strategy_as_code.reading.revisions import load_revision
from support import EXAMPLE, REPO

DECISION_2026 = """id: arsversion-2026
title: Årlig revidering av RUS 2030 – version 2026
body: Regionala utvecklingsnämnden
date: "2026-05-19"
diarienummer: RUN 2026/00098
summary: |
  Regionala utvecklingsnämnden fastställde 2026 års version av strategin.
"""


@pytest.fixture
def repo(tmp_path: Path) -> StrategyRepo:
    """The example on ``main``, and a branch ``forslag`` checked out for the test's changes."""
    repo = new_repo(tmp_path / "repo")
    repo.git("checkout", "--quiet", "-b", "forslag")
    return repo


def diff_lines(repo: StrategyRepo, capsys, base: str = "main", head: str = "HEAD") -> list[str]:
    assert main(["diff", base, head, "--repo", str(repo.root)]) == 0
    return capsys.readouterr().out.splitlines()


def changes_of(repo: StrategyRepo, base: str = "main", head: str = "HEAD") -> Changes:
    return compare(load_revision(repo.root, base), load_revision(repo.root, head))


def entity(changes: Changes, kind: str, entity_id: str):
    group = next(g for g in changes.kinds if g.kind.key == kind)
    return next(e for e in group.entities if e.id == entity_id)


def test_added_removed_and_reworded(repo: StrategyRepo, capsys):
    repo.write("decisions/arsversion-2026.yml", DECISION_2026)
    (repo.strategy / "indicators" / "bredband-1-gbit.yml").unlink()
    repo.edit(
        "goals/goda-livsvillkor.yml", "ska ha goda förutsättningar för hälsa,", "ska ha jämlika förutsättningar för god hälsa,",
    )
    repo.commit("Förslag")

    lines = diff_lines(repo, capsys)
    head = repo.git("rev-parse", "--short=7", "HEAD")
    base = repo.git("rev-parse", "--short=7", "main")
    assert lines[:9] == [
        "## Ändringar i strategin",
        "",
        f"Jämfört: main ({base}) → HEAD ({head})",
        "",
        "**I korthet:** 1 mål har ändrats, 1 indikator har tagits bort och 1 beslut har lagts till.",
        "",
        "Så läser du ändringarna: ~~överstruken text~~ har tagits bort och **fet text** har lagts till. "
        "Stycken som inte har ändrats visas inte, och … står för oförändrad text.",
        "",
        "### Mål",
    ]
    text = "\n".join(lines)
    assert (
        "#### Har ändrats: Goda livsvillkor för regionens invånare\n\n**Sammanfattning**\n\n"
        "> Alla som bor i Sjöland ska ha ~~goda~~ **jämlika** förutsättningar för **god** hälsa, utbildning, "
        "trygghet och ett rikt liv – oavsett var …\n"
    ) in text
    assert (
        "### Indikatorer\n\n#### Har tagits bort: Hushåll med tillgång till bredband om minst 1 Gbit/s\n\n"
        "> Andelen hushåll som har tillgång till, eller möjlighet att ansluta sig till, bredband med en hastighet "
        "om minst 1 Gbit/s. Snabbt bredband är en förutsättning för att kunna bo, arbeta på distans och driva "
        "företag i hela länet.\n"
    ) in text
    assert text.endswith(
        "### Beslut\n\n#### Har lagts till: Årlig revidering av RUS 2030 – version 2026\n\n"
        "> Regionala utvecklingsnämnden fastställde 2026 års version av strategin."
    )

    changes = changes_of(repo)
    assert [(g.kind.key, len(g.added), len(g.removed), len(g.changed)) for g in changes.kinds] == [
        ("goals", 0, 0, 1), ("indicators", 0, 1, 0), ("decisions", 1, 0, 0),
    ]
    (summary,) = entity(changes, "goals", "goda-livsvillkor").fields
    assert isinstance(summary, TextChange) and summary.label == "Sammanfattning"
    assert summary.words[:5] == (
        Segment(SAME, "Alla som bor i Sjöland ska ha "), Segment(REMOVED, "goda"), Segment(ADDED, "jämlika"),
        Segment(SAME, " förutsättningar för"), Segment(ADDED, " god"),
    )


def test_changed_links_between_entities_are_shown_by_name(repo: StrategyRepo, capsys):
    repo.edit("strategies/attraktivitet.yml", "  - starkt-naringsliv\npriorities:", "  - hallbart-nyttjande\npriorities:")
    repo.edit("actions/kraftsamling-tillit-och-inkludering.yml", "owner: folkbildningsforbundet-sjoland", "owner: region-sjoland")
    repo.commit("Nya kopplingar")

    text = "\n".join(diff_lines(repo, capsys))
    assert (
        "#### Har ändrats: Tillvarata och utveckla Sjölands attraktivitet\n\n**Bidrar till målen**\n\n"
        "- Har lagts till: Hållbart nyttjande av naturens resurser\n"
        "- Har tagits bort: Ett starkt näringsliv och hög sysselsättning\n"
    ) in text
    assert text.endswith(
        "#### Har ändrats: Kraftsamling tillit och inkludering\n\n"
        "**Leds av:** Folkbildningsförbundet Sjöland → Region Sjöland"
    )

    changes = changes_of(repo)
    (goals,) = entity(changes, "strategies", "attraktivitet").fields
    assert isinstance(goals, ListChange) and not goals.reordered
    assert goals.added == (Item("Hållbart nyttjande av naturens resurser", "goals", "hallbart-nyttjande"),)
    assert goals.removed == (Item("Ett starkt näringsliv och hög sysselsättning", "goals", "starkt-naringsliv"),)
    (owner,) = entity(changes, "actions", "kraftsamling-tillit-och-inkludering").fields
    assert owner == ValueChange(
        "owner_id", "Leds av", Item("Folkbildningsförbundet Sjöland", "partners", "folkbildningsforbundet-sjoland"),
        Item("Region Sjöland", "partners", "region-sjoland"),
    )


def test_renamed_and_reformatted_files_are_no_change(repo: StrategyRepo, capsys):
    repo.git("mv", "strategy/principles/vi-testar.yml", "strategy/principles/4-vi-testar.yml")
    # The same values written differently: quoted, and the keys in another order.
    repo.edit("goals/goda-livsvillkor.yml", "order: 1\nname: Goda livsvillkor för regionens invånare\n",
              'name: "Goda livsvillkor för regionens invånare"\norder: 1\n')
    repo.commit("Ny ordning i filerna")

    lines = diff_lines(repo, capsys)
    assert lines[-1] == "Inga ändringar i strategin."
    assert len(lines) == 5
    assert changes_of(repo).empty


def test_reordered_list_is_reported_as_a_new_order(repo: StrategyRepo, capsys):
    repo.edit(
        "actions/kraftsamling-tillit-och-inkludering.yml",
        "  - region-sjoland\n  - sjolands-lansbygderad\n", "  - sjolands-lansbygderad\n  - region-sjoland\n",
    )
    repo.commit("Länsbygderådet först")

    text = "\n".join(diff_lines(repo, capsys))
    assert text.endswith(
        "#### Har ändrats: Kraftsamling tillit och inkludering\n\n**Medverkande aktörer**\n\n"
        "- Ordningen har ändrats. Så här är ordningen nu:\n"
        "   1. Sjölands länsbygderåd\n   2. Region Sjöland\n   3. Sjöstads kommun\n   4. Hamnviks kommun\n"
        "   5. Länsstyrelsen i Sjölands län"
    )
    (partners,) = entity(changes_of(repo), "actions", "kraftsamling-tillit-och-inkludering").fields
    assert (partners.reordered, partners.added, partners.removed, partners.edited) == (True, (), (), ())


def test_new_order_is_told_apart_from_added_and_edited_items(repo: StrategyRepo, capsys):
    first = "  - Ta vara på och utveckla livsmiljöer med stora natur- och kulturvärden vid sjöarna, längs kusten och i skärgården.\n"
    second = "  - Utforma offentliga miljöer med människan i centrum, som inbjuder till möten och social gemenskap.\n"
    repo.edit("strategies/attraktivitet.yml", first + second, second + first)
    repo.edit("strategies/attraktivitet.yml", "  - Utveckla en hållbar besöksnäring som är öppen året runt.\n",
              "  - Utveckla en hållbar besöksnäring som är öppen året om.\n  - Bevara tystnaden i skärgården.\n")
    repo.commit("Prioriteringar")

    text = "\n".join(diff_lines(repo, capsys))
    assert (
        "**Prioriteringar**\n\n"
        "- Har lagts till: Bevara tystnaden i skärgården.\n"
        "- Har ändrats: Utveckla en hållbar besöksnäring som är öppen året ~~runt.~~ **om.**\n"
        "- Ordningen har ändrats. Så här är ordningen nu:\n"
        "   1. Utforma offentliga miljöer med människan i centrum, som inbjuder till möten och social gemenskap.\n"
    ) in text


def test_yearly_values_are_compared_year_by_year(repo: StrategyRepo, capsys):
    repo.edit("indicators/ohalsotal.yml", "  - year: 2024\n    value: 26.5\n",
              "  - year: 2025\n    value: 25.9\n  - year: 2024\n    value: 26.4\n")
    repo.commit("Nya värden")

    text = "\n".join(diff_lines(repo, capsys))
    assert text.endswith(
        "#### Har ändrats: Ohälsotal för kvinnor och män\n\n**Uppmätta värden**\n\n"
        "- Har lagts till: 2025: 25,9\n"
        "- Har ändrats: 2024: ~~26,5~~ **26,4** (kvinnor 32, män 21,1)"
    )


def test_settings_changes(repo: StrategyRepo, capsys):
    repo.edit("strategy.yml", "phone: 010-480 00 00", "phone: 010-480 10 00")
    repo.edit("strategy.yml", "en öppen och levande region", "en öppen, grön och levande region")
    repo.commit("Ny vision")

    lines = diff_lines(repo, capsys)
    assert lines[4] == "**I korthet:** Strategins inställningar har ändrats."
    assert lines[8:] == [
        "### Strategins inställningar (strategy.yml)",
        "",
        "**Vision**",
        "",
        # The vision is Markdown; the summary shows what is written in the file, asterisks included.
        "> \\*\\*Sjöland 2030 – en ~~öppen~~ **öppen, grön** och levande region där människor vill bo, verka och "
        "växa.\\*\\*",
        ">",
        "> …",
        "",
        "**Kontaktens telefonnummer:** 010-480 00 00 → 010-480 10 00",
    ]
    vision, phone = changes_of(repo).settings
    assert vision.label == "Vision" and isinstance(vision, TextChange)
    assert phone == ValueChange("contact.phone", "Kontaktens telefonnummer", Item("010-480 00 00"), Item("010-480 10 00"))


def test_invalid_yaml_names_the_revision_and_file(repo: StrategyRepo, capsys):
    repo.edit("principles/vi-testar.yml", "name: Vi testar", 'name: "Vi testar')
    head = repo.commit("Trasig fil")

    assert main(["diff", "main", "HEAD", "--repo", str(repo.root)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"Strategin i HEAD ({head[:7]}) har 1 problem, så den går inte att jämföra:",
        "",
        "HEAD:strategy/principles/vi-testar.yml:14:1: Filen tar slut mitt i ett värde, troligen för att ett "
        "citattecken aldrig stängs.",
        "    Så här rättar du: Kontrollera att varje text som börjar med \" eller ' också slutar med samma tecken.",
        "",
        "Rätta filerna i HEAD och jämför igen.",
    ]
    with pytest.raises(StrategyInvalid) as raised:
        load_revision(repo.root, "HEAD")
    assert [p.path for p in raised.value.problems] == ["HEAD:strategy/principles/vi-testar.yml"]


def test_invalid_older_side_is_named_too(tmp_path: Path, capsys):
    repo = new_repo(tmp_path / "repo")
    repo.edit("principles/vi-testar.yml", "order: 4", "order: fyra")
    broken = repo.commit("Trasig")
    repo.edit("principles/vi-testar.yml", "order: fyra", "order: 4")
    repo.commit("Lagad")

    assert main(["diff", "HEAD~1", "HEAD", "--repo", str(repo.root)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"Strategin i HEAD~1 ({broken[:7]}) har 1 problem, så den går inte att jämföra:"
    assert err[2] == 'HEAD~1:strategy/principles/vi-testar.yml:3:8: Fältet "order" ska vara ett heltal, men YAML läser texten "fyra".'


def test_unknown_revision(repo: StrategyRepo, capsys):
    assert main(["diff", "main", "finns-inte", "--repo", str(repo.root)]) == 2
    assert capsys.readouterr().err.strip() == (
        'Revisionen "finns-inte" finns inte i git-förrådet. Ange en gren, en tagg eller en commit som finns, '
        "t.ex. main eller HEAD~1 (hämta den först med git fetch om den bara finns på GitHub)."
    )


def test_everything_is_new_when_the_older_side_has_no_strategy(tmp_path: Path, capsys):
    repo = new_repo(tmp_path / "repo", with_strategy=False)
    repo.git("checkout", "--quiet", "-b", "strategi")
    shutil.copytree(EXAMPLE, repo.strategy)
    repo.commit("Strategin")
    lines = diff_lines(repo, capsys)
    assert lines[4:7] == [
        "Det fanns ingen strategi i den äldre versionen, så allt nedan är nytt.",
        "",
        "**I korthet:** 4 mål har lagts till, 8 strategier har lagts till, 5 vägledande principer har lagts till, "
        "8 framgångsfaktorer har lagts till, 2 perspektiv har lagts till, 2 utmaningar har lagts till, "
        "5 kraftsamlingar har lagts till, 12 indikatorer har lagts till, 15 aktörer har lagts till och "
        "4 beslut har lagts till.",
    ]
    assert "#### Har lagts till: Goda livsvillkor för regionens invånare" in lines


def test_working_tree_is_neither_read_nor_touched(repo: StrategyRepo, capsys):
    repo.edit("goals/goda-livsvillkor.yml", "order: 1", "order: 7")  # not committed
    before = repo.git("status", "--porcelain")
    assert diff_lines(repo, capsys, "main", "main")[-1] == "Inga ändringar i strategin."
    assert repo.git("status", "--porcelain") == before == "M strategy/goals/goda-livsvillkor.yml"


def test_the_script_prints_no_change_and_exits_zero(repo: StrategyRepo):
    result = subprocess.run(
        [str(REPO / "scripts" / "strategy-diff"), "main", "HEAD"], cwd=repo.root, capture_output=True, text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    commit = repo.git("rev-parse", "--short=7", "HEAD")
    assert result.stdout == (
        f"## Ändringar i strategin\n\nJämfört: main ({commit}) → HEAD ({commit})\n\nInga ändringar i strategin.\n"
    )


def test_word_diff_keeps_a_rewritten_phrase_together():
    assert word_diff("the quick brown fox", "a slow red fox") == (
        Segment(REMOVED, "the quick brown"), Segment(ADDED, "a slow red"), Segment(SAME, " fox"),
    )


def test_changed_lines_leave_out_unchanged_paragraphs_and_long_stretches():
    old = "Första stycket.\n\n" + " ".join(f"ord{n}" for n in range(30)) + "\n\nSista stycket."
    new = old.replace("ord15", "ORD")
    (gap, line, end) = changed_lines(word_diff(old, new), context=3)
    assert gap == end == (Segment(SAME, "…"),)
    assert line == (
        Segment(SAME, "… ord12 ord13 ord14 "), Segment(REMOVED, "ord15"), Segment(ADDED, "ORD"),
        Segment(SAME, " ord16 ord17 ord18 …"),
    )


def test_a_merge_commit_compared_with_its_first_parent_shows_only_the_proposal(repo: StrategyRepo, capsys):
    # What CI compares: GitHub checks the pull request merged into the base branch, and HEAD^1
    # is the base branch, even when the base branch moved on after the proposal branched off.
    repo.edit("actions/kraftsamling-tillit-och-inkludering.yml", "status: planerad", "status: pågående")
    repo.commit("Förslaget")
    repo.git("checkout", "--quiet", "main")
    repo.edit("strategy.yml", "phone: 010-480 00 00", "phone: 010-480 10 00")
    repo.commit("Nytt telefonnummer på main")
    repo.git("merge", "--quiet", "--no-ff", "--no-edit", "forslag")

    lines = diff_lines(repo, capsys, "HEAD^1", "HEAD")
    assert lines[4] == "**I korthet:** 1 kraftsamling har ändrats."
    assert lines[-1] == "**Status:** planerad → pågående"

"""The two renderers of a diff: Markdown for GitHub (read back with GitHub's own cmark-gfm) and
the HTML fragment for the site. Hostile text is built straight into model objects, past the
validator, to show that the renderers hold on their own."""

from __future__ import annotations

import dataclasses
import re

import cmarkgfm
import pytest
from bs4 import BeautifulSoup
from cmarkgfm.cmark import Options

from gitrepo import StrategyRepo, new_repo
from strategy_as_code import load_strategy, model
from strategy_as_code.changes.compare import compare
from strategy_as_code.changes.fields import FIELDS, SETTINGS_FIELDS
from strategy_as_code.model import ENTITY_CLASSES, RegionalStrategy, Settings, Text
from strategy_as_code.publishing.review import review_markdown
from strategy_as_code.reading.revisions import resolve
from strategy_as_code.render.changes import render_changes_html
from strategy_as_code.render.changes_markdown import escape, render_changes_markdown
from strategy_as_code.render.links import Linker
from support import EXAMPLE

HOSTILE = (
    "Se ![x](https://evil.example/t.png) och <img src=x onerror=alert(1)> [klicka](https://evil.example) "
    "<https://evil.example/a> www.evil.example @octocat #12 | a | b | $x^2$"
)


@pytest.fixture(scope="module")
def example() -> RegionalStrategy:
    return load_strategy(EXAMPLE)


def replaced(strategy: RegionalStrategy, kind: str, entity_id: str, **values) -> RegionalStrategy:
    entities = {
        key: [dataclasses.replace(e, **values) if key == kind and e.id == entity_id else e for e in strategy.all(key)]
        for key in ENTITY_CLASSES
    }
    return RegionalStrategy.build(strategy.settings, entities)


def without(strategy: RegionalStrategy, kind: str, entity_id: str) -> RegionalStrategy:
    entities = {key: [e for e in strategy.all(key) if not (key == kind and e.id == entity_id)] for key in ENTITY_CLASSES}
    return RegionalStrategy.build(strategy.settings, entities)


def github_html(markdown: str) -> BeautifulSoup:
    """The Markdown as GitHub's cmark-gfm renders it, raw HTML let through so that any would show."""
    return BeautifulSoup(cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE),
                         "html.parser")


def test_hostile_text_stays_text_in_the_github_comment(example):
    new = replaced(example, "goals", "goda-livsvillkor", name=Text.of("<script>alert(1)</script> Mål"),
                   summary=Text.of(HOSTILE))
    markdown = render_changes_markdown(compare(example, new))
    soup = github_html(markdown)

    assert soup.find_all(["a", "img", "script", "table", "math"]) == []
    assert soup.find("h4").get_text() == "Har ändrats: <script>alert(1)</script> Mål"
    name, summary = soup.find_all("blockquote")
    assert [(tag.name, tag.get_text()) for tag in name.find_all(["del", "strong"])] == [
        ("del", "Goda livsvillkor för regionens invånare"), ("strong", "<script>alert(1)</script> Mål"),
    ]
    shown = summary.get_text()
    for fragment in ("![x](https:\u2060//evil.example/t.png)", "<img src=x onerror=alert(1)>",
                     "[klicka](https:\u2060//evil.example)", "<https:\u2060//evil.example/a>", "www\u2060.evil",
                     "@\u2060octocat #\u206012 | a | b | $x^2$"):
        assert fragment in shown
    assert summary.find("del").get_text().startswith("Alla som bor i Sjöland")


# What a partner could write in any text of a proposal to make the bot's comment lie, notify
# people, link, track or shout; each must come out as the same literal text.
PAYLOADS = (
    "@org/team", "@octocat", "#123", "o/r#5", "GH-42", "![x](http://evil/x.png)", "[ok](javascript:alert(1))",
    "<img src=x>", "<details open>", "`kod`", "```", "a | b | c", "[x]: http://evil.example", "x@evil.example",
    ":+1:", "www.evil.example", "<!-- dold -->", "&lt;b&gt;", "~~bort~~ **fet** _kursiv_", "$x^2$",
)
FAKE_VERDICT = "✅ **Strategin är giltig:** Godkänd av @org/team"
SHOWN_TAGS = {"h2", "h3", "h4", "p", "blockquote", "del", "strong", "ul", "ol", "li"}
"""The elements the comment itself is made of: nothing from the strategy adds another."""


def shown(soup: BeautifulSoup) -> str:
    """The text as a reader sees it: word joiners are invisible, whitespace collapses."""
    return " ".join(soup.get_text(" ").replace("\u2060", "").split())


def test_every_hostile_text_is_inert_and_literal_in_the_github_comment(example):
    hostile = " ".join(PAYLOADS)
    lines = f"{FAKE_VERDICT}\n\n## Rubrik\n- lista\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n{hostile}"
    new = replaced(example, "goals", "goda-livsvillkor", name=Text.of(f"{FAKE_VERDICT} {hostile}"),
                   summary=Text.of(lines), description=Text.of(f"{hostile}\n\n{FAKE_VERDICT}"))
    strategy = new.get("strategies", new.strategies[0].id)
    new = replaced(new, "strategies", strategy.id, priorities=(*strategy.priorities, Text.of(lines)))
    new = replaced(new, "actions", "kraftsamling-tillit-och-inkludering", status=hostile)
    added = dataclasses.replace(new.get("principles", "vi-testar"), id="ny-princip", name=Text.of(lines),
                                description=Text.of(lines))
    new = RegionalStrategy.build(new.settings, {
        key: [*new.all(key), added] if key == "principles" else list(new.all(key)) for key in ENTITY_CLASSES
    })
    markdown = render_changes_markdown(compare(example, new), base=f"main {hostile}", head=FAKE_VERDICT)
    soup = github_html(markdown)

    assert {tag.name for tag in soup.find_all(True)} <= SHOWN_TAGS
    text = shown(soup)
    for payload in (*PAYLOADS, FAKE_VERDICT, "## Rubrik - lista", "| a | b | |---|---| | 1 | 2 |"):
        assert payload in text, payload
    # Nothing GitHub would turn into a mention, a reference, an emoji or a link after rendering.
    visible = soup.get_text(" ")
    for pattern in (r"@\w", r"#\d", r"(?i)\bGH-\d", r":[\w+-]+:", r"https?://", r"\bwww\."):
        assert not re.search(pattern, visible), pattern
    # A text never opens a line of the comment: each follows a fixed heading, quote or list mark.
    assert not [line for line in markdown.splitlines() if line.startswith(("✅", "@", "#\u2060", "|", "<", "!"))]
    prefixes = ("Jämfört: ", "#### Har lagts till: ", "#### Har ändrats: ", "> ", "- Har lagts till: ", "**Status:** ")
    assert [line for line in markdown.splitlines() if "Godkänd" in line and not line.startswith(prefixes)] == []
    assert escape(FAKE_VERDICT) == "✅ \\*\\*Strategin är giltig:\\*\\* Godkänd av \\@\u2060org/team"


def test_the_reading_convention_renders_on_github(example):
    new = replaced(example, "goals", "goda-livsvillkor", summary=Text.of(
        str(example.get("goals", "goda-livsvillkor").summary).replace("goda förutsättningar", "jämlika förutsättningar")))
    soup = github_html(render_changes_markdown(compare(example, new)))
    explanation = soup.find(string=lambda s: s.startswith("Så läser du")).parent
    assert [(tag.name, tag.get_text()) for tag in explanation.find_all(["del", "strong"])] == [
        ("del", "överstruken text"), ("strong", "fet text"),
    ]
    quote = soup.find("blockquote")
    assert [(tag.name, tag.get_text()) for tag in quote.find_all(["del", "strong"])] == [
        ("del", "goda"), ("strong", "jämlika"),
    ]


def test_hostile_text_is_escaped_in_the_html_fragment(example):
    new = replaced(example, "goals", "goda-livsvillkor", name=Text.of("<script>alert(1)</script> Mål"),
                   summary=Text.of(HOSTILE))
    soup = BeautifulSoup(render_changes_html(compare(example, new), Linker("andringar/")), "html.parser")

    assert soup.find_all(["img", "script"]) == []
    heading = soup.find("h3")
    assert heading.get_text() == "Har ändrats: <script>alert(1)</script> Mål"
    assert [a["href"] for a in soup.find_all("a")] == ["../mal/goda-livsvillkor/"]
    shown = soup.find_all("dd")[1].get_text()
    for fragment in ("![x](https://evil.example/t.png)", "<img src=x onerror=alert(1)>", "$x^2$"):
        assert fragment in shown


def test_html_fragment_links_and_marks_changes(example):
    new = without(replaced(example, "actions", "kraftsamling-tillit-och-inkludering", owner_id="region-sjoland",
                           status="pågående"), "principles", "vi-testar")
    html = render_changes_html(compare(example, new), Linker("andringar/"))
    soup = BeautifulSoup(html, "html.parser")

    assert [h.get_text() for h in soup.find_all("h2")] == ["Vägledande principer", "Kraftsamlingar"]
    assert [h.get_text() for h in soup.find_all("h3")] == [
        "Har tagits bort: Vi testar", "Har ändrats: Kraftsamling tillit och inkludering",
    ]
    assert soup.find("h3").find("a") is None  # a removed principle has no page to go to
    assert [(dt.get_text(), dt.find_next_sibling("dd").get_text(" ", strip=True)) for dt in soup.find_all("dt")] == [
        ("Status", "Tidigare: planerad. Nu: pågående."),
        ("Leds av", "Tidigare: Folkbildningsförbundet Sjöland . Nu: Region Sjöland ."),
    ]
    assert [a["href"] for a in soup.find_all("a")] == [
        "../kraftsamlingar/kraftsamling-tillit-och-inkludering/", "../aktorer/folkbildningsforbundet-sjoland/",
        "../aktorer/region-sjoland/",
    ]
    assert soup.find("p", class_="rus-changes__headline").get_text() == (
        "1 vägledande princip har tagits bort och 1 kraftsamling har ändrats."
    )


def test_word_diff_in_html_uses_del_and_ins_with_words_for_screen_readers(example):
    new = replaced(example, "goals", "goda-livsvillkor", summary=Text.of("Alla ska ha jämlika livsvillkor."))
    old = replaced(example, "goals", "goda-livsvillkor", summary=Text.of("Alla ska ha goda livsvillkor."))
    html = render_changes_html(compare(old, new), Linker("andringar/"))
    assert (
        '<p>Alla ska ha <del><span class="rus-sr-only">Borttaget: </span>goda</del> '
        '<ins><span class="rus-sr-only">Tillagt: </span>jämlika</ins> livsvillkor.</p>'
    ) in html


def test_nothing_changed_in_html(example):
    html = render_changes_html(compare(example, example), Linker("andringar/"))
    assert html == '<div class="rus-changes">\n<p class="rus-changes__headline">Inga ändringar i strategin.</p>\n</div>'


def _leaves(cls: type, prefix: str = "") -> set[str]:
    """Every field path of a model class, nested records (a contact, a data source) opened up."""
    paths = set()
    for field in dataclasses.fields(cls):
        if field.name in ("id", "source"):
            continue
        nested = {
            "source_of_data": "IndicatorSource", "contact": "Contact", "accessibility": "AccessibilityStatement",
        }.get(field.name)
        if nested:
            paths |= _leaves(getattr(model, nested), f"{prefix}{field.name}.")
        else:
            paths.add(prefix + field.name)
    return paths


@pytest.mark.parametrize("kind", list(ENTITY_CLASSES))
def test_every_field_of_the_model_is_compared(kind):
    assert {spec.path for spec in FIELDS[kind]} == _leaves(ENTITY_CLASSES[kind])


def test_every_setting_is_compared():
    assert {spec.path for spec in SETTINGS_FIELDS} == _leaves(Settings)


@pytest.fixture
def proposal(tmp_path) -> StrategyRepo:
    repo = new_repo(tmp_path / "repo")
    repo.git("checkout", "--quiet", "-b", "forslag")
    return repo


def test_review_of_a_valid_proposal(proposal: StrategyRepo):
    proposal.edit("actions/kraftsamling-tillit-och-inkludering.yml", "status: planerad", "status: pågående")
    proposal.commit("Tilliten startar")
    text = review_markdown(proposal.root, resolve(proposal.root, "main"), resolve(proposal.root, "HEAD"),
                           base_label="main", head_label="förslaget")
    assert text.splitlines()[:8] == [
        "## Kontroll av strategin",
        "",
        "✅ **Strategin är giltig:** 3 mål, 1 delmål, 8 strategier, 5 vägledande principer, 8 framgångsfaktorer, "
        "2 perspektiv, 2 utmaningar, 5 kraftsamlingar, 12 indikatorer, 15 aktörer, 4 beslut.",
        "",
        "## Ändringar i strategin",
        "",
        "Jämfört: main → förslaget",
        "",
    ]
    assert text.endswith("#### Har ändrats: Kraftsamling tillit och inkludering\n\n**Status:** planerad → pågående\n")


def test_review_of_an_invalid_proposal_lists_the_problems(proposal: StrategyRepo):
    proposal.edit("principles/vi-testar.yml", "order: 4", "order: fyra")
    proposal.commit("Fel")
    text = review_markdown(proposal.root, resolve(proposal.root, "main"), resolve(proposal.root, "HEAD"))
    assert text.splitlines() == [
        "## Kontroll av strategin",
        "",
        "❌ **Strategin har 1 problem som måste rättas innan förslaget kan godkännas.**",
        "",
        "Öppna filen, gå till raden och gör som det står. Sparar du rättelsen i samma gren kontrolleras förslaget "
        "igen och den här kommentaren uppdateras.",
        "",
        '- strategy/principles/vi-testar.yml, rad 3, kolumn 8: Fältet "order" ska vara ett heltal, men YAML läser '
        'texten "fyra".',
        "  - Så här rättar du: Ordningsnummer i listor på webbplatsen (1 visas först).",
    ]


def test_hostile_text_in_an_invalid_proposal_is_inert_in_the_review(proposal: StrategyRepo):
    # A file name cannot hold "/", so the payloads that need none; the messages quote the rest.
    name = "[ok](javascript:alert(1)) ![x](http:evil) <img src=x> @org #12 GH-4 :+1: `kod` a|b ~~x~~.yml"
    proposal.edit("principles/vi-testar.yml", "order: 4", f"order: '{FAKE_VERDICT} {' '.join(PAYLOADS)}'")
    proposal.write(f"goals/{name}", "id: x\n")
    proposal.commit("Fel med avsikt")
    text = review_markdown(proposal.root, resolve(proposal.root, "main"), resolve(proposal.root, "HEAD"),
                           base_label="main", head_label="förslaget")
    soup = github_html(text)

    assert {tag.name for tag in soup.find_all(True)} <= SHOWN_TAGS
    # One verdict, the trusted one, and it is the failure.
    verdicts = [line for line in text.splitlines() if line.startswith(("✅", "❌"))]
    assert len(verdicts) == 1 and verdicts[0].startswith("❌ **Strategin har ")
    assert f"strategy/goals/{name}, rad 1" in shown(soup)
    assert 'texten "✅ **Strategin är giltig:** Godkänd av' in shown(soup)
    visible = soup.get_text(" ")
    for pattern in (r"@\w", r"#\d", r"(?i)\bGH-\d", r":[\w+-]+:", r"https?://", r"\bwww\."):
        assert not re.search(pattern, visible), pattern

"""The starting strategy for a real region (``make new-region``): a minimal valid strategy with
the region, its municipalities with their kommunkod, the county board, a draft accessibility
statement and one goal with the strategy and indicator the validator asks for, everything nobody
has decided marked "FYLL I"; and the site's name and addresses in ``mkdocs.yml``."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from strategy_as_code import regions
from strategy_as_code.kinds import STRATEGY_FOLDER
from strategy_as_code.reading.git import GitMissing, run_git
from strategy_as_code.regions import County, fold

PLACEHOLDER = "FYLL I"
"""Marks every fact the region has to supply; `grep -rn "FYLL I"` finds them all."""
PLACEHOLDER_EMAIL = "fyll-i@fyll-i.example"
PLACEHOLDER_URL = "https://fyll-i.example/"
PLACEHOLDER_REPO = "https://github.com/FYLL-I/FYLL-I"
"""The reserved .example domain (RFC 2606) never reaches anyone; the schemas still accept it."""

STRATEGY = STRATEGY_FOLDER
MKDOCS = "mkdocs.yml"
MKDOCS_KEYS = ("site_name", "site_url", "repo_url", "copyright")
GOVERNANCE = (
    ".github/CODEOWNERS", ".github/PULL_REQUEST_TEMPLATE.md", ".github/ISSUE_TEMPLATE/*.yml",
    ".github/ISSUE_TEMPLATE/*.yaml", "CONTRIBUTING.md", "docs/**/*.md",
)
"""Files a reader or partner sees that may name the region being replaced."""

GOAL_ID, STRATEGY_ID, INDICATOR_ID, DECISION_ID = "fyll-i-mal", "fyll-i-strategi", "fyll-i-indikator", "fyll-i-beslut"
NATIONAL_LINKS = (
    (
        "Nationell strategi för hållbar regional utveckling i hela landet 2021–2030 (regeringen.se)",
        "https://www.regeringen.se/pressmeddelanden/2021/03/nationell-strategi-for-hallbar-regional-utveckling/",
    ),
    ("Agenda 2030 och de globala målen för hållbar utveckling", "https://www.globalamalen.se/"),
)
"""Every Swedish RUS relates to these two (DESIGN: links to the national strategy and Agenda 2030)."""
SUPERVISOR = ("Myndigheten för digital förvaltning (Digg)", "https://www.digg.se/tdosanmalan")
SEARCH_NEEDS_JAVASCRIPT = (
    "Sökfunktionen fungerar bara när JavaScript är påslaget i webbläsaren. Utan JavaScript når du alla sidor "
    "genom menyn, och hela strategin finns på en sida för utskrift."
)
GITHUB_OUT_OF_SCOPE = (
    "Knappen för att föreslå ändringar leder till GitHub, en tjänst som vi inte ansvarar för och vars "
    "tillgänglighet vi inte har granskat."
)
"""Two facts about the software itself, true of every site it builds, so the draft may state them."""
GOAL_TEXT = (
    "vad målet innebär och varför det är viktigt. Det här målet är en platshållare som visar hur ett mål skrivs: "
    "ersätt namn, sammanfattning och beskrivning med ett mål ur den antagna strategin, och ge filen och id:t "
    "målets eget namn (små bokstäver a–z, siffror och bindestreck). Ett mål per fil."
)
STRATEGY_TEXT = (
    "vad strategin innebär. Platshållare: varje mål behöver minst en strategi som bidrar till det, så den här "
    "finns tills strategins egna strategier är inlagda."
)
INDICATOR_TEXT = (
    "vad indikatorn mäter och varför den följs. Platshållare: varje mål behöver en indikator som följer upp "
    "det. Utgångsläget och målvärdet 0 är inga antagna siffror, bara platshållare som filformatet kräver."
)
DECISION_TEXT = (
    "Strategin är inte antagen ännu, och det här är inget beslut. Filen är en platshållare, eftersom "
    "webbplatsen kräver att fältet adopted_by i strategy/strategy.yml pekar på ett beslut. Skriv in beslutet "
    "som antog strategin: rubrik, beslutande organ, datum, diarienummer och vad beslutet innebär. Datumet är "
    "dagen då startfilerna skrevs."
)


# ------------------------------------------------------------------ YAML text


def slug(text: str) -> str:
    """A URL-safe id from a Swedish name: ``Upplands-Bro kommun`` -> ``upplands-bro-kommun``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def scalar(value: str | int | bool) -> str:
    """``value`` as a YAML scalar: plain where YAML reads it back unchanged, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    try:
        plain = yaml.safe_load(f"k: {value}") == {"k": value}
    except yaml.YAMLError:
        plain = False
    return value if plain and value == value.strip() and "\n" not in value else json.dumps(value, ensure_ascii=False)


def block(text: str, indent: int = 2) -> str:
    """A literal block scalar (``|``) for Markdown prose, one paragraph per line."""
    pad = " " * indent
    return "|\n" + "\n".join(pad + line if line else "" for line in text.strip("\n").split("\n"))


def _file(schema: str, body: str) -> str:
    return f"# yaml-language-server: $schema={schema}\n{body.strip()}\n"


# ------------------------------------------------------------------ the starting strategy


@dataclass(frozen=True)
class Start:
    """What the starting strategy needs to know beyond the county."""

    today: datetime.date
    period_start: int
    period_end: int
    contact_url: str = PLACEHOLDER_URL
    """Where questions about the strategy go (the issue forms link to it): the site, once known."""
    owners: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """Who reviews what on GitHub (``owners`` in strategy.yml, CODEOWNERS is written from it)."""
    owner_organisation: str = ""
    """The GitHub organisation the suggested teams in ``owners`` belong to, if known."""


def main_municipality(county: County) -> regions.Municipality:
    """The municipality a form's example names: the county seat's code ends in 80 in every county."""
    seats = [m for m in county.municipalities if m.code.endswith("80")]
    return (seats or list(county.municipalities))[0]


def starter_files(county: County, start: Start) -> dict[str, str]:
    """The files of the starting strategy, keyed by their path inside ``strategy/``."""
    region, today = county.region, start.today.isoformat()
    fill = f"**{PLACEHOLDER}:**"
    files: dict[str, str] = {}
    introduction = (
        f"{fill} en inledning om vad strategin är och vem den är till för.\n\n"
        f"Webbplatsen är nystartad. Strategins period, mål, strategi, indikator och beslut är platshållare "
        f"markerade med {PLACEHOLDER} och ska ersättas med det som {region} och partnerskapet har beslutat. "
        f"Kommunerna i {county.name} och {county.county_board} finns redan med bland aktörerna."
    )
    links = "\n".join(f"  - title: {scalar(title)}\n    url: {url}" for title, url in NATIONAL_LINKS)
    shortcoming = (
        f"{fill} de brister i tillgängligheten som ni känner till, en punkt per brist, "
        "och när de ska vara åtgärdade."
    )
    method = (
        f"{fill} hur och när webbplatsen har testats, till exempel självskattning med automatiska och manuella "
        "tester eller granskning av en extern part. Webbplatsen har inte bedömts ännu: datumet nedan är dagen då "
        "startfilerna skrevs."
    )
    files["strategy.yml"] = _file("../schemas/settings.schema.json", f"""
# Startfiler för {region}, skrivna av make new-region {today}.
# Allt som är markerat {PLACEHOLDER} är en platshållare: ersätt det med det som regionen har beslutat.
# Perioden (period) är också en platshållare. Sök efter dem med: grep -rn "{PLACEHOLDER}" strategy
region: {scalar(region)}
county_code: "{county.code}"
name: {scalar(f"Regional utvecklingsstrategi för {county.name}")}
short_name: RUS
period:
  start: {start.period_start}
  end: {start.period_end}
example: false
vision: {block(f"{fill} regionens vision, så som den står i den antagna strategin.")}
introduction: {block(introduction)}
adopted_by: {DECISION_ID}
contact:
  organisation: {scalar(region)}
  email: {PLACEHOLDER_EMAIL}
  url: {start.contact_url}
{_owners(region, start)}links:
{links}
accessibility:
  compliance: delvis
  shortcomings:
    - {scalar(shortcoming)}
    - {scalar(SEARCH_NEEDS_JAVASCRIPT)}
  out_of_scope:
    - {scalar(GITHUB_OUT_OF_SCOPE)}
  assessment:
    method: {block(method, 6)}
    date: "{today}"
  updated: "{today}"
  contact:
    email: {PLACEHOLDER_EMAIL}
  supervisor:
    name: {scalar(SUPERVISOR[0])}
    url: {SUPERVISOR[1]}
""")
    files[f"goals/{GOAL_ID}.yml"] = _file("../../schemas/goal.schema.json", f"""
id: {GOAL_ID}
order: 1
name: {scalar(f"{PLACEHOLDER}: målets namn")}
summary: {scalar(f"{PLACEHOLDER}: en mening som sammanfattar målet.")}
description: {block(f"{fill} {GOAL_TEXT}")}
""")
    files[f"strategies/{STRATEGY_ID}.yml"] = _file("../../schemas/strategy.schema.json", f"""
id: {STRATEGY_ID}
order: 1
name: {scalar(f"{PLACEHOLDER}: strategins namn")}
summary: {scalar(f"{PLACEHOLDER}: en mening som sammanfattar strategin.")}
description: {block(f"{fill} {STRATEGY_TEXT}")}
goals:
  - {GOAL_ID}
""")
    files[f"indicators/{INDICATOR_ID}.yml"] = _file("../../schemas/indicator.schema.json", f"""
# Lägg till baseline (utgångsläget) och target (målet) med strategins egna ord och siffror när
# strategin anger dem; utan dem säger sidan att läget inte kan bedömas. Inga siffror är påhittade här.
id: {INDICATOR_ID}
name: {scalar(f"{PLACEHOLDER}: indikatorns namn")}
description: {block(f"{fill} {INDICATOR_TEXT}")}
unit: {scalar(f"{PLACEHOLDER}: enhet")}
goals:
  - {GOAL_ID}
source:
  name: {scalar(f"{PLACEHOLDER}: källa, t.ex. SCB eller Kolada")}
values: []
""")
    files[f"decisions/{DECISION_ID}.yml"] = _file("../../schemas/decision.schema.json", f"""
id: {DECISION_ID}
title: {scalar(f"{PLACEHOLDER}: beslutet som antog strategin")}
body: {scalar(f"{PLACEHOLDER}: beslutande organ")}
date: "{today}"
diarienummer: {PLACEHOLDER}
summary: {block(f"{fill} {DECISION_TEXT}")}
""")
    gotland = len(county.municipalities) == 1 and county.municipalities[0].organisation == region
    if not gotland:
        files[f"partners/{slug(region)}.yml"] = _partner(
            region, "region", None,
            f"Regionalt utvecklingsansvarig i {county.name} enligt lagen (2010:630) om regionalt utvecklingsansvar.",
        )
    files[f"partners/{slug(county.county_board)}.yml"] = _partner(
        county.county_board, "länsstyrelse", None, f"Statens företrädare i {county.name}.",
    )
    for municipality in county.municipalities:
        description = None
        if gotland:
            description = (
                f"{region} är både kommun och region och har det regionala utvecklingsansvaret i {county.name} "
                "enligt lagen (2010:630) om regionalt utvecklingsansvar."
            )
        files[f"partners/{slug(municipality.organisation)}.yml"] = _partner(
            municipality.organisation, "kommun", municipality.code, description,
        )
    return files


def _owners(region: str, start: Start) -> str:
    """The ``owners`` block (with its comment), or nothing when there are none to suggest."""
    if not start.owners:
        return (
            "# Vem som granskar vad på GitHub: skriv konton och team under owners (se schemas/settings.schema.json)\n"
            "# och kör make governance, så skrivs .github/CODEOWNERS och granskningstabellen i CONTRIBUTING.md.\n"
        )
    where = f"i organisationen {start.owner_organisation} " if start.owner_organisation else ""
    lines = [
        "# Vem som granskar vad på GitHub: make governance skriver .github/CODEOWNERS och granskningstabellen",
        f"# i CONTRIBUTING.md härifrån. Teamen är förslag för {region}:",
        f"# skapa dem {where}på GitHub, eller byt till era egna konton och team.",
        "owners:",
    ]
    lines += [f"  {key}: [{', '.join(scalar(h) for h in handles)}]" for key, handles in start.owners.items() if handles]
    return "\n".join(lines) + "\n"


def _partner(name: str, kind: str, code: str | None, description: str | None) -> str:
    lines = [f"id: {slug(name)}", f"name: {scalar(name)}", f"type: {scalar(kind)}"]
    if code:
        lines.append(f'kommunkod: "{code}"')
    if description:
        lines.append(f"description: {block(description)}")
    return _file("../../schemas/partner.schema.json", "\n".join(lines))


# ------------------------------------------------------------------ the site's settings


def replaced_by(text: str) -> Callable[[re.Match[str]], str]:
    """A replacement for ``re.sub`` taken as it is written: as a string, its backslashes would be
    read as escapes and group references."""
    return lambda _match: text


def set_mkdocs_keys(text: str, values: dict[str, str]) -> str:
    """``mkdocs.yml`` with the top-level ``values`` set and every other byte as it was."""
    for key, value in values.items():
        line = f"{key}: {scalar(value)}"
        pattern = re.compile(rf"^{re.escape(key)}:[^\n]*$", re.MULTILINE)
        if pattern.search(text):
            text = pattern.sub(replaced_by(line), text, count=1)
        else:  # a fork that dropped the key gets it back at the top, after the leading comments
            head = re.match(r"(?:#[^\n]*\n)*", text)
            at = head.end() if head else 0
            text = f"{text[:at]}{line}\n{text[at:]}"
    return text


def github_owner(repo_url: str) -> str | None:
    match = re.match(r"https://github\.com/([A-Za-z0-9-]+)/", repo_url + "/")
    return match.group(1) if match else None


def origin_url(root: Path) -> str | None:
    """The repository's ``origin`` on GitHub as an https address, if ``root`` is a clone of one."""
    def git(*args: str) -> str | None:
        try:
            done = run_git(root, *args)
        except (GitMissing, OSError):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    top = git("rev-parse", "--show-toplevel")
    if not top or Path(top).resolve() != root.resolve():
        return None  # root is inside some other repository, or none
    url = git("remote", "get-url", "origin") or ""
    match = re.fullmatch(
        r"(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)([\w.-]+)/([\w.-]+?)(?:\.git)?/?", url,
    )
    return f"https://github.com/{match.group(1)}/{match.group(2)}" if match else None

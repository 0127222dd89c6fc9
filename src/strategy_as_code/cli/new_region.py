"""``make new-region``: replace the example in ``strategy/`` with a clean start for a real region.

Writes a minimal valid strategy (the region, its municipalities with their kommunkod, the county
board, a draft accessibility statement, one goal with the strategy and indicator the validator
asks for), with everything nobody has decided marked "FYLL I"; then sets the site's name and
addresses in ``mkdocs.yml`` and puts the region's name where the example's stood in the files
partners read (CODEOWNERS, issue forms, CONTRIBUTING.md, docs). Every message is Swedish.
"""

from __future__ import annotations

import datetime
import errno
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from strategy_as_code import regions
from strategy_as_code.cli.parser import SwedishArgumentParser
from strategy_as_code.kinds import STRATEGY_FOLDER
from strategy_as_code.reading.git import GitMissing, run_git
from strategy_as_code.regions import County, RegionDataInvalid, RegionNotFound, Sweden, fold

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


class Refused(Exception):
    """The command will not run; the message says why and what to do, in Swedish."""


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
links:
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
# Utgångsläget och målvärdet (0) är inga siffror som någon har antagit. Filformatet kräver dem just nu;
# ersätt dem med strategins egna siffror, eller ta bort indikatorn när strategin har sina egna.
id: {INDICATOR_ID}
name: {scalar(f"{PLACEHOLDER}: indikatorns namn")}
description: {block(f"{fill} {INDICATOR_TEXT}")}
unit: {scalar(f"{PLACEHOLDER}: enhet")}
direction: increase
goals:
  - {GOAL_ID}
source:
  name: {scalar(f"{PLACEHOLDER}: källa, t.ex. SCB eller Kolada")}
baseline:
  year: {start.period_start}
  value: 0
target:
  year: {start.period_end}
  value: 0
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


def _partner(name: str, kind: str, code: str | None, description: str | None) -> str:
    lines = [f"id: {slug(name)}", f"name: {scalar(name)}", f"type: {scalar(kind)}"]
    if code:
        lines.append(f'kommunkod: "{code}"')
    if description:
        lines.append(f"description: {block(description)}")
    return _file("../../schemas/partner.schema.json", "\n".join(lines))


# ------------------------------------------------------------------ the site's settings


def set_mkdocs_keys(text: str, values: dict[str, str]) -> str:
    """``mkdocs.yml`` with the top-level ``values`` set and every other byte as it was."""
    for key, value in values.items():
        line = f"{key}: {scalar(value)}"
        pattern = re.compile(rf"^{re.escape(key)}:[^\n]*$", re.MULTILINE)
        if pattern.search(text):
            text = pattern.sub(lambda _match, line=line: line, text, count=1)
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
    settings = _yaml(strategy / "strategy.yml")
    if not isinstance(settings, dict) or not isinstance(settings.get("region"), str):
        return None
    boards, municipalities = [], []
    for path in sorted((strategy / "partners").glob("*.y*ml")):
        partner = _yaml(path)
        if isinstance(partner, dict) and isinstance(partner.get("name"), str):
            if partner.get("type") == "länsstyrelse":
                boards.append(partner["name"])
            elif partner.get("type") == "kommun":
                municipalities.append(partner["name"])
    return Identity(settings["region"], tuple(boards), tuple(municipalities))


def _yaml(path: Path) -> object:
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
        (
            rf"Ett exempel för {re.escape(old.region)}: en region som tar över repot byter till sina egna team\.",
            f"Teamen är förslag för {county.region}: skapa dem i organisationen {new.owner} på GitHub, "
            "eller byt till era egna team.",
        ),
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
        text = pattern.sub(lambda _match, replacement=replacement: replacement, text)
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


# ------------------------------------------------------------------ the command


@dataclass
class Plan:
    root: Path
    county: County
    site_url: str | None
    repo_url: str
    start: Start
    old: Identity | None
    changed: list[str] = field(default_factory=list)


def example_state(root: Path) -> str:
    """``"example"``, ``"real"`` or ``"none"``: what ``strategy/strategy.yml`` holds now."""
    settings_file = root / STRATEGY / "strategy.yml"
    if not settings_file.exists():
        return "none"
    settings = _yaml(settings_file)
    return "example" if isinstance(settings, dict) and settings.get("example") is True else "real"


def refuse_real_strategy() -> None:
    raise Refused(
        f"{STRATEGY}/strategy.yml är en riktig strategi, inte exemplet: där står inte example: true. "
        f"Kommandot skriver inte över den.\n"
        f"Vill du verkligen ersätta allt i {STRATEGY}/ med en ny start, kör igen med --force "
        f'(make new-region REGION="…" ARGS=--force). Det som ersätts finns kvar i git.'
    )


def apply(plan: Plan) -> None:
    """Write the starting strategy, then the settings and the partners' files."""
    root, county = plan.root, plan.county
    _replace_folder(root / STRATEGY, starter_files(county, plan.start))
    plan.changed.append(f"{STRATEGY}/")

    mkdocs = root / MKDOCS
    values = {"site_name": f"Regional utvecklingsstrategi för {county.name}", "repo_url": plan.repo_url,
              "copyright": county.region}
    if plan.site_url:
        values["site_url"] = plan.site_url
    original = mkdocs.read_text(encoding="utf-8")
    updated = set_mkdocs_keys(original, {key: values[key] for key in MKDOCS_KEYS if key in values})
    if updated != original:
        mkdocs.write_text(updated, encoding="utf-8")
        plan.changed.append(MKDOCS)

    if plan.old is None:
        return
    owner = github_owner(plan.repo_url) or "FYLL-I"
    contact = plan.site_url or PLACEHOLDER_URL
    rules = replacements(plan.old, NewIdentity(county, owner, contact))
    for path in governance_files(root):
        text = path.read_text(encoding="utf-8")
        new = rewrite(text, rules)
        if new != text:
            path.write_text(new, encoding="utf-8")
            plan.changed.append(str(path.relative_to(root)))


def _replace_folder(folder: Path, files: dict[str, str]) -> None:
    """Write ``files`` as the whole content of ``folder``: built beside it first and swapped in, so
    an error half-way leaves the old folder as it was."""
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-ny-", dir=folder.parent))
    try:
        for relative, text in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        if folder.exists():
            retired = folder.with_name(f".{folder.name}-gammal")
            if retired.exists():
                shutil.rmtree(retired)
            folder.rename(retired)
            staging.rename(folder)
            shutil.rmtree(retired)
        else:
            staging.rename(folder)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def placeholder_count(paths: Iterable[Path]) -> int:
    """How many placeholders remain: "FYLL I" in text, "FYLL-I"/"fyll-i" in addresses and ids."""
    count = 0
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        count += len(re.findall(r"FYLL I|fyll-i\\.example|FYLL-I", text))
    return count


def report(plan: Plan) -> str:
    county, root = plan.county, plan.root
    strategy_files = sorted((root / STRATEGY).rglob("*.yml"))
    if len(county.municipalities) == 1:
        (only,) = county.municipalities
        partners = f"Aktörerna är {only.organisation} (kommunkod {only.code}) och {county.county_board}."
    else:
        partners = (
            f"Aktörerna är länets {len(county.municipalities)} kommuner med sina kommunkoder, "
            f"{county.county_board} och {county.region}."
        )
    touched = [root / MKDOCS, *governance_files(root), *strategy_files]
    lines = [
        f"Klart: {STRATEGY}/ är nu en ny start för {county.label}.",
        partners,
        "Ändrade filer: " + ", ".join(plan.changed) + ".",
        f'Det som regionen ska fylla i är markerat {PLACEHOLDER} eller FYLL-I ({placeholder_count(touched)} '
        f'ställen). Hitta dem med: grep -rn "FYLL" {STRATEGY} mkdocs.yml .github CONTRIBUTING.md',
    ]
    if not plan.site_url:
        lines.append("site_url i mkdocs.yml är oförändrad; ange webbplatsens adress med --site-url när ni vet den.")
    if plan.repo_url == PLACEHOLDER_REPO:
        lines.append("repo_url i mkdocs.yml är en platshållare; ange repots adress med --repo-url "
                     "(eller kör kommandot i en klon av ert repo på GitHub).")
    if plan.old:
        rest = leftovers(root, touched, plan.old)
        if rest:
            lines.append(f"{plan.old.region} nämns fortfarande här; ändra för hand: " + ", ".join(rest))
    lines.append("Kör sedan make validate och make serve.")
    return "\n".join(lines)


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _url(value: str, option: str) -> str:
    if not re.fullmatch(r"https?://[^\s<>\"]+", value):
        raise Refused(f"{option} ska vara en webbadress som börjar med https://, inte {value!r}.")
    return value


def _parser() -> SwedishArgumentParser:
    parser = SwedishArgumentParser(
        prog="scripts/new-region",
        description="Ersätt exemplet i strategy/ med en ny start för en av Sveriges 21 regioner.",
    )
    parser.add_argument(
        "region", nargs="?", metavar="REGION",
        help='Regionen: namnet ("Region Gävleborg", "Gävleborg", "Gävleborgs län") eller länskoden (21).',
    )
    parser.add_argument("--site-url", metavar="ADRESS", help="Webbplatsens adress, t.ex. https://rus.region.se/.")
    parser.add_argument("--repo-url", metavar="ADRESS",
                        help="Repots adress på GitHub. Utan den används git-fjärren origin, om den finns på GitHub.")
    parser.add_argument("--yes", action="store_true", help="Fråga inget; skriv över exemplet direkt.")
    parser.add_argument("--force", action="store_true",
                        help="Ersätt strategy/ även om den innehåller en riktig strategi (example: false).")
    parser.add_argument(
        "--root", type=Path, default=None, metavar="MAPP", help="Repots rot (normalt den aktuella mappen).",
    )
    return parser


Ask = Callable[[str], str]
QUESTION_REGION = "Vilken region gäller strategin? Skriv namnet eller länskoden (t.ex. Region Gävleborg eller 21): "


def _yes(answer: str) -> bool:
    return answer.strip().casefold() in ("j", "ja", "y", "yes")


def _choose_region(sweden: Sweden, typed: str | None, interactive: bool, ask: Ask) -> County:
    if typed is None and not interactive:
        raise Refused(
            'Ange vilken region strategin gäller, till exempel make new-region REGION="Region Gävleborg" '
            "eller scripts/new-region 21."
        )
    while True:
        if typed is None:
            typed = ask(QUESTION_REGION)
        try:
            return sweden.find(typed)
        except RegionNotFound as missing:
            if not interactive:
                hint = f' Skriv till exempel REGION="{missing.suggestion.region}".' if missing.suggestion else ""
                raise Refused(f"{missing}{hint}") from None
            if missing.suggestion and _yes(ask(f"{missing} [j/n] ")):
                return missing.suggestion
            if not missing.suggestion:
                print(missing)
            typed = None


def main(argv: list[str] | None = None, *, ask: Ask = input, interactive: bool | None = None) -> int:
    """Run the command; ``ask`` and ``interactive`` are for tests of the questions."""
    args = _parser().parse_args(argv)
    root = (args.root or Path.cwd()).resolve()
    if interactive is None:
        interactive = sys.stdin.isatty() and not _ci()
    interactive = interactive and not args.yes
    try:
        if not (root / MKDOCS).is_file():
            raise Refused(f"Hittar inte {MKDOCS} i {root}. Kör kommandot i repots rot.")
        sweden = regions.load()
        county = _choose_region(sweden, args.region, interactive, ask)
        state = example_state(root)
        if state == "real" and not args.force:
            refuse_real_strategy()
        repo_url = _url(args.repo_url, "--repo-url") if args.repo_url else origin_url(root) or PLACEHOLDER_REPO
        site_url = _url(args.site_url, "--site-url") if args.site_url else None
        if site_url and not site_url.endswith("/"):
            site_url += "/"
        today = datetime.date.today()
        plan = Plan(root, county, site_url, repo_url, Start(today, today.year, today.year + 10),
                    read_identity(root / STRATEGY))
        if interactive:
            now = {"example": f" (exemplet {plan.old.region if plan.old else ''})", "real": " (en riktig strategi)"}
            question = (
                f"Allt i {STRATEGY}/{now.get(state, '')} ersätts med en ny start för {county.label}, och "
                f"regionens namn skrivs in i {MKDOCS}, .github/ och CONTRIBUTING.md. Fortsätta? [j/n] "
            )
            if not _yes(ask(question)):
                print("Avbrutet. Inget har ändrats.")
                return 1
        apply(plan)
    except Refused as refused:
        print(refused, file=sys.stderr)
        return 2
    except (RegionDataInvalid, RegionNotFound) as problem:
        print(problem, file=sys.stderr)
        return 2
    except (EOFError, KeyboardInterrupt):
        print("\nAvbrutet. Inget har ändrats.", file=sys.stderr)
        return 1
    except OSError as failure:
        print(f"Kunde inte skriva {failure.filename or 'filerna'}: {_os_error(failure)}. "
              f"Se efter med git status vad som har ändrats.", file=sys.stderr)
        return 1
    print(report(plan))
    return 0


def _os_error(failure: OSError) -> str:
    return {
        errno.EACCES: "behörighet saknas", errno.EPERM: "behörighet saknas", errno.ENOSPC: "disken är full",
        errno.ENOENT: "filen eller mappen finns inte", errno.EROFS: "filsystemet är skrivskyddat",
    }.get(failure.errno, f"operativsystemet svarade {failure.strerror}")


if __name__ == "__main__":
    raise SystemExit(main())

"""``make new-region``: replace the example in ``strategy/`` with a clean start for a real region.

Writes a minimal valid strategy (the region, its municipalities with their kommunkod, the county
board, a draft accessibility statement, one goal with the strategy and indicator the validator
asks for, the example's reviewing teams suggested for the region's GitHub organisation), with
everything nobody has decided marked "FYLL I"; then sets the site's name and addresses in
``mkdocs.yml``, puts the region's name where the example's stood in the files partners read (issue
forms, docs), and writes CODEOWNERS, the contact link, the PR template and CONTRIBUTING.md's region
lines from the new settings, as ``make governance`` does. Every message is Swedish.
"""

from __future__ import annotations

import datetime
import errno
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from strategy_as_code import regions
from strategy_as_code.cli.parser import SwedishArgumentParser
from strategy_as_code.publishing.governance import GovernanceError, read_owners
from strategy_as_code.publishing.governance import write_files as write_governance
from strategy_as_code.publishing.identity import (
    Identity,
    NewIdentity,
    governance_files,
    leftovers,
    read_identity,
    read_yaml,
    replacements,
    rewrite,
)
from strategy_as_code.publishing.starter import (
    MKDOCS,
    MKDOCS_KEYS,
    PLACEHOLDER,
    PLACEHOLDER_REPO,
    PLACEHOLDER_URL,
    STRATEGY,
    Start,
    github_owner,
    origin_url,
    set_mkdocs_keys,
    starter_files,
)
from strategy_as_code.regions import County, RegionDataInvalid, RegionNotFound, Sweden


class Refused(Exception):
    """The command will not run; the message says why and what to do, in Swedish."""


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
    settings = read_yaml(settings_file)
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

    if plan.old is not None:
        owner = github_owner(plan.repo_url) or "FYLL-I"
        contact = plan.site_url or PLACEHOLDER_URL
        rules = replacements(plan.old, NewIdentity(county, owner, contact))
        for path in governance_files(root):
            text = path.read_text(encoding="utf-8")
            new = rewrite(text, rules)
            if new != text:
                path.write_text(new, encoding="utf-8")
                plan.changed.append(str(path.relative_to(root)))
    # CODEOWNERS, the issue forms' contact link, the PR template and CONTRIBUTING.md's region lines
    # are written from the new strategy.yml, as make governance does.
    for relative in write_governance(root):
        if relative not in plan.changed:
            plan.changed.append(relative)


def rehomed_owners(owners: dict[str, list[str]], organisation: str) -> dict[str, list[str]]:
    """The teams that reviewed the example, suggested for the new region's organisation on GitHub;
    a person's own account belongs to the example's region and is left out."""
    rehomed = {}
    for key, handles in owners.items():
        teams = [f"@{organisation}/{handle.split('/', 1)[1]}" for handle in handles if "/" in handle]
        if teams:
            rehomed[key] = list(dict.fromkeys(teams))
    return rehomed


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
        organisation = github_owner(repo_url) if repo_url != PLACEHOLDER_REPO else None
        start = Start(
            today, today.year, today.year + 10, contact_url=site_url or PLACEHOLDER_URL,
            owners=rehomed_owners(read_owners(root / STRATEGY), organisation or "FYLL-I"),
            owner_organisation=organisation or "",
        )
        plan = Plan(root, county, site_url, repo_url, start, read_identity(root / STRATEGY))
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
    except GovernanceError as problem:
        print(f"{STRATEGY}/ är skriven, men inte filerna om granskningen: {problem}", file=sys.stderr)
        return 1
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
    reasons: dict[int | None, str] = {
        errno.EACCES: "behörighet saknas", errno.EPERM: "behörighet saknas", errno.ENOSPC: "disken är full",
        errno.ENOENT: "filen eller mappen finns inte", errno.EROFS: "filsystemet är skrivskyddat",
    }
    return reasons.get(failure.errno, f"operativsystemet svarade {failure.strerror}")


if __name__ == "__main__":
    raise SystemExit(main())

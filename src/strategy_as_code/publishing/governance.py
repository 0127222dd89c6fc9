"""The files that say how partners propose changes, written from the strategy's own settings
(``make governance``): who reviews what (``.github/CODEOWNERS``, from ``owners``), where questions
go (the issue forms' contact link and the pull-request template, from ``contact``) and the region's
lines in CONTRIBUTING.md (between marker comments: the contact, the reviewers and the body that
adopted the strategy). ``--check`` (``make test``) names every file that no longer matches.

Text from ``strategy.yml`` reaches GitHub's Markdown and YAML here, so it is escaped for each:
a name can never become a link, a heading or a YAML key."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from string import Template

from strategy_as_code.kinds import KINDS, SETTINGS_FILE, STRATEGY_FOLDER, folder_of
from strategy_as_code.model import RegionalStrategy
from strategy_as_code.reading.loader import load_strategy
from strategy_as_code.reading.yamlsource import parse
from strategy_as_code.swedish import swedish_date

CODEOWNERS = ".github/CODEOWNERS"
ISSUE_CONFIG = ".github/ISSUE_TEMPLATE/config.yml"
PR_TEMPLATE = ".github/PULL_REQUEST_TEMPLATE.md"
CONTRIBUTING = "CONTRIBUTING.md"
COMMAND = "make governance"
SETTINGS = f"{STRATEGY_FOLDER}/{SETTINGS_FILE}"


@dataclass(frozen=True)
class Area:
    """A part of the repository that ``owners`` may give its own reviewers."""

    key: str
    """The key under ``owners`` in strategy.yml."""
    paths: tuple[str, ...]
    """CODEOWNERS patterns, anchored at the repository root."""
    label: str
    """What it is, in Swedish, for CONTRIBUTING.md's table and CODEOWNERS' comments."""


def areas() -> tuple[Area, ...]:
    """In CODEOWNERS' order: the last matching line wins, so everything else comes first."""
    return (
        Area("default", ("*",), "allt som inte nämns nedan"),
        Area("settings", (f"/{SETTINGS}",), "strategins namn, vision, inledning och kontaktuppgifter"),
        *(Area(folder_of(kind), (f"/{STRATEGY_FOLDER}/{folder_of(kind)}/",), kind.plural) for kind in KINDS),
        Area("checks", ("/.github/", "/schemas/"), "kontrollerna och deras regler"),
    )


class GovernanceError(Exception):
    """The files cannot be written; the message says why and what to do, in Swedish."""


# ------------------------------------------------------------------ reading the settings


@dataclass(frozen=True)
class Governance:
    """What the files are written from: the validated strategy and its reviewers."""

    strategy: RegionalStrategy
    owners: Mapping[str, tuple[str, ...]]


def read_governance(root: Path) -> Governance:
    """The strategy in ``root/strategy`` (:class:`StrategyInvalid` if it has problems) and the
    ``owners`` of its settings, which the schema has checked by then."""
    strategy = load_strategy(root / STRATEGY_FOLDER)
    return Governance(strategy, {key: tuple(handles) for key, handles in read_owners(root / STRATEGY_FOLDER).items()})


def read_owners(strategy_folder: Path) -> dict[str, list[str]]:
    """``owners`` as written in ``strategy_folder/strategy.yml`` (empty if unreadable), unchecked:
    what ``make new-region`` carries over to the region that replaces the example, and, once the
    strategy is valid, what the files are written from."""
    path = strategy_folder / SETTINGS_FILE
    try:
        document, _ = parse(SETTINGS, path.read_bytes())
    except OSError:
        return {}
    raw = document.data.get("owners") if document and isinstance(document.data, dict) else None
    if not isinstance(raw, dict):
        return {}
    return {
        str(key): [handle for handle in handles if isinstance(handle, str)]
        for key, handles in raw.items() if isinstance(handles, list)
    }


# ------------------------------------------------------------------ escaping


def markdown_text(text: str) -> str:
    """Plain text for GitHub's Markdown: every character that could start markup is escaped."""
    return re.sub(r"([\\`*_{}\[\]<>#|~])", r"\\\1", text)


def paragraph(text: str, *, item: bool = False) -> str:
    """Markdown prose wrapped as the partner guide is (GitHub joins the lines again); a list item
    continues indented."""
    return textwrap.fill(text, width=100, subsequent_indent="  " if item else "", break_long_words=False,
                         break_on_hyphens=False) + "\n"


def comment_text(text: str) -> str:
    """Text inside an HTML comment: it can never close the comment."""
    return text.replace("--", "–").replace(">", "›")


def yaml_text(text: str) -> str:
    """A double-quoted YAML scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


# ------------------------------------------------------------------ the files


PR_TEXT = Template(
    (Path(__file__).resolve().parents[1] / "templates" / "governance" / "PULL_REQUEST_TEMPLATE.md").read_text(
        encoding="utf-8",
    ),
)
GENERATED = f"Skrivs av {COMMAND} från {SETTINGS}: ändra där och kör {COMMAND}, inte i den här filen."


def codeowners(governance: Governance) -> str:
    lines = [
        "# Vem som granskar vad. GitHub ber de här kontona och teamen om granskning när en pull request",
        "# ändrar filerna, och med skyddad gren (kräv granskning av kodägare) krävs deras godkännande.",
        "# Den sista rad som matchar en fil gäller.",
        f"# {GENERATED}",
        "",
    ]
    rules = [(area, governance.owners[area.key]) for area in areas() if governance.owners.get(area.key)]
    if not rules:
        lines.append(f"# Inga granskare är utsedda ännu: skriv in dem under owners i {SETTINGS}.")
    width = max((len(path) for area, _ in rules for path in area.paths), default=0) + 2
    for area, handles in rules:
        lines.append(f"# {area.label[0].upper()}{area.label[1:]}")
        lines += [f"{path.ljust(width)}{' '.join(handles)}" for path in area.paths]
    return "\n".join(lines) + "\n"


def _contact_url(strategy: RegionalStrategy) -> str | None:
    url = strategy.settings.contact.url
    return url if url and url.startswith("https://") else None


def _who(strategy: RegionalStrategy) -> str:
    contact = strategy.settings.contact
    return f"{contact.organisation}, {contact.unit}" if contact.unit else str(contact.organisation)


def issue_config(governance: Governance) -> str:
    strategy = governance.strategy
    contact = strategy.settings.contact
    lines = [
        "# Bara formulären: ett ärende utan formulär saknar det handläggarna behöver för att svara.",
        f"# {GENERATED}",
        "blank_issues_enabled: false",
    ]
    url = _contact_url(strategy)
    if url is None:
        # GitHub shows only https links here; without one, the forms are the way in.
        lines.append(f"# Lägg till contact.url i {SETTINGS} för en länk till frågor om strategin.")
        lines.append("contact_links: []")
    else:
        about = f"Frågor som inte är förslag eller fel på webbplatsen besvaras av {_who(strategy)} ({contact.email})."
        lines += [
            "contact_links:",
            f"  - name: {yaml_text('Frågor om strategin')}",
            f"    url: {yaml_text(url)}",
            f"    about: {yaml_text(about)}",
        ]
    return "\n".join(lines) + "\n"


def pull_request_template(governance: Governance) -> str:
    """The template's text (``templates/governance/``) with who answers questions."""
    contact = governance.strategy.settings.contact
    return PR_TEXT.substitute(
        who=comment_text(_who(governance.strategy)),
        email=comment_text(contact.email or contact.url or contact.phone or ""), generated=GENERATED,
    )


# ------------------------------------------------------------------ CONTRIBUTING.md's own lines


def _marker(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(<!-- BÖRJAN {name}: [^\n]*-->\n)(.*?)(<!-- SLUT {name} -->)", re.DOTALL,
    )


def _contact_lines(governance: Governance) -> str:
    strategy = governance.strategy
    contact = strategy.settings.contact
    ways = []
    if contact.email:
        ways.append(f"[{markdown_text(contact.email)}](mailto:{contact.email})")
    if contact.phone:
        ways.append(f"telefon {markdown_text(contact.phone)}")
    if contact.url and not ways:  # a web address only when there is no one to write or call
        ways.append(f"<{contact.url}>")
    reach = " eller ".join(ways)
    return paragraph(
        f"Strategin förvaltas av **{markdown_text(_who(strategy))}**. Frågor om strategin eller om hur du "
        f"föreslår en ändring besvaras på {reach}."
    )


def _reviewer_lines(governance: Governance) -> str:
    rows = [
        f"  | {markdown_text(area.label)} | {', '.join(f'`{path}`' for path in area.paths)} | "
        f"{', '.join(f'`{handle}`' for handle in governance.owners[area.key])} |"
        for area in areas() if governance.owners.get(area.key)
    ]
    if rows:
        return paragraph(
            "- Varje del av strategin har handläggare på regionen som ansvarar för den. GitHub ber dem "
            "automatiskt att granska ditt förslag (se [`.github/CODEOWNERS`](.github/CODEOWNERS)):", item=True,
        ) + "\n  | del av strategin | filer | granskas av |\n  | --- | --- | --- |\n" + "\n".join(rows) + "\n"
    return "- En handläggare på regionen granskar ditt förslag.\n"


def _decision_lines(governance: Governance) -> str:
    adoption = governance.strategy.adoption
    return paragraph(
        "- Ändringar av mål, strategier och prioriteringar kräver ett politiskt beslut. Strategin antogs av "
        f"{markdown_text(str(adoption.body))} den {swedish_date(adoption.date)}"
        + (f" (diarienummer {markdown_text(adoption.diarienummer)})" if adoption.diarienummer else "")
        + "; ändringar beslutas på samma sätt, och "
        f"beslutet läggs till i `{STRATEGY_FOLDER}/decisions/`. Partnerskapet får ta del av förslagen innan dess.",
        item=True,
    )


CONTRIBUTING_BLOCKS = {"kontakt": _contact_lines, "granskare": _reviewer_lines, "beslut": _decision_lines}
"""The marked blocks of CONTRIBUTING.md and what writes each."""


def contributing(governance: Governance, current: str) -> str:
    """``current`` with each marked block written anew; the rest is the partner guide's own text."""
    missing = [name for name in CONTRIBUTING_BLOCKS if not _marker(name).search(current)]
    if missing:
        raise GovernanceError(
            f"{CONTRIBUTING} saknar markeringarna för {', '.join(missing)}. Raderna mellan "
            f"<!-- BÖRJAN namn: … --> och <!-- SLUT namn --> skrivs av {COMMAND}; lägg tillbaka "
            "markeringarna där raderna ska stå (se hur de ser ut i mallens CONTRIBUTING.md)."
        )
    for name, write in CONTRIBUTING_BLOCKS.items():
        match = _marker(name).search(current)
        assert match is not None  # checked above
        current = current[:match.start(2)] + write(governance) + current[match.end(2):]
    return current


# ------------------------------------------------------------------ writing and checking


def expected_files(root: Path) -> dict[str, str]:
    """Every governed file as it should read, keyed by its path in the repository."""
    governance = read_governance(root)
    try:
        current = (root / CONTRIBUTING).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GovernanceError(f"{CONTRIBUTING} finns inte i {root}. Kör kommandot i repots rot.") from None
    return {
        CODEOWNERS: codeowners(governance),
        ISSUE_CONFIG: issue_config(governance),
        PR_TEMPLATE: pull_request_template(governance),
        CONTRIBUTING: contributing(governance, current),
    }


def _current(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return None


def write_files(root: Path) -> list[str]:
    """Write every governed file that differs; returns their paths."""
    changed = []
    for relative, text in expected_files(root).items():
        path = root / relative
        if _current(path) != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(relative)
    return changed


def drifted_files(root: Path) -> list[str]:
    """The governed files that do not read as ``strategy.yml`` says they should."""
    return [relative for relative, text in expected_files(root).items() if _current(root / relative) != text]

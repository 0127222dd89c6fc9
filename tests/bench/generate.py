"""Write a synthetic, valid strategy folder at a given scale, for the benchmark and its test.

1× has the example's shape (3 goals, 8 strategies, 5 principles, 8 success factors, 5 actions,
12 indicators, 15 partners, 4 decisions); N× multiplies goals, strategies, actions, indicators
and partners by N. Principles and success factors stay (they are the partnership's few shared
rules), decisions grow with √N (yearly revisions and assignments), municipalities grow with
√N (a county has tens, not hundreds). Text is Swedish, of the example's lengths. Deterministic.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import shutil
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from bench import vocabulary as words

_EXAMPLE_SETTINGS = yaml.safe_load(
    (Path(__file__).resolve().parents[2] / "examples" / "sjoland" / "strategy.yml").read_text(encoding="utf-8")
)

FIRST_YEAR, LAST_YEAR = 2015, 2024
"""Ten years of indicator values."""


@dataclass(frozen=True)
class Counts:
    goals: int
    strategies: int
    principles: int
    success_factors: int
    actions: int
    indicators: int
    partners: int
    municipalities: int
    decisions: int

    @classmethod
    def at(cls, scale: int) -> Counts:
        root = math.ceil(math.sqrt(scale))
        return cls(
            goals=3 * scale, strategies=8 * scale, principles=5, success_factors=8, actions=5 * scale,
            indicators=12 * scale, partners=15 * scale, municipalities=8 * root, decisions=4 * root,
        )

    @property
    def entities(self) -> int:
        values = asdict(self)
        values.pop("municipalities")
        return sum(values.values())


def slug(text: str) -> str:
    """'Stärka kollektivtrafiken i Åsby' -> 'starka-kollektivtrafiken-i-asby'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    result = "-".join("".join(c if c.isalnum() else " " for c in ascii_text).split())
    assert len(result) <= 80, result  # the schema's limit; the vocabulary keeps names short
    return result


def genitive(name: str) -> str:
    """Swedish genitive of a place name: Sjöstad -> Sjöstads, Ekeby -> Ekeby, Björkfors -> Björkfors."""
    return name if name[-1] in "aeiouyåäösx" else name + "s"


class _Writer:
    """Swedish prose from the vocabulary, with a seeded random source."""

    def __init__(self, rng: random.Random, places: list[str]) -> None:
        self.rng = rng
        self.places = places

    def fill(self, pattern: str, topic: tuple[str, str] | None = None) -> str:
        rng = self.rng
        topic = topic or rng.choice(words.TOPICS)
        actor, actor2 = rng.sample(words.ACTORS, 2)
        values = {
            "topic": topic[0], "topic_def": topic[1], "area": rng.choice(words.AREAS),
            "group": rng.choice(words.GROUPS), "actor": actor, "actor2": actor2, "place": rng.choice(self.places),
            "year": rng.randint(2015, 2021), "n": rng.randint(2, 12),
        }
        values.update({f"{key[0].upper()}{key[1:]}": _capital(str(value)) for key, value in values.items()})
        return pattern.format(**values)

    def paragraph(self, chars: int, topic: tuple[str, str] | None = None) -> str:
        sentences: list[str] = []
        patterns = self.rng.sample(words.SENTENCES, len(words.SENTENCES))  # no sentence twice in a paragraph
        while sum(len(s) + 1 for s in sentences) < chars:
            sentences.append(self.fill(patterns[len(sentences) % len(patterns)], topic))
        return " ".join(sentences)

    def text(self, paragraphs: int, chars: int, topic: tuple[str, str] | None = None) -> str:
        return "\n\n".join(self.paragraph(chars, topic) for _ in range(paragraphs)) + "\n"

    def with_list(self, lead: int, heading: str, patterns: tuple[str, ...], items: int, topic) -> str:
        """A paragraph, a bold heading and a bulleted list, as in the example's longer texts."""
        bullets = "\n".join(f"- {self.fill(p, topic)}" for p in self.rng.sample(patterns, items))
        return f"{self.paragraph(lead, topic)}\n\n**{heading}**\n\n{bullets}\n"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Ids:
    """Unique, URL-safe ids (and names) per kind: a repeated name gets a numbered part."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def name_and_id(self, name: str) -> tuple[str, str]:
        candidate, number = name, 1
        while slug(candidate) in self.used:
            number += 1
            candidate = f"{name} – del {number}"
        self.used.add(slug(candidate))
        return candidate, slug(candidate)


class _Dumper(yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper):  # type: ignore[misc]
    """Multi-line text as a literal block, like a person writes it."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def _write(folder: Path, schema: str, data: dict[str, Any], depth: int = 2) -> None:
    header = f"# yaml-language-server: $schema={'../' * depth}schemas/{schema}\n"
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{data['id']}.yml").write_text(header + body, encoding="utf-8")


class _Generator:
    def __init__(self, target: Path, scale: int, seed: int) -> None:
        self.target = target
        self.scale = scale
        self.counts = Counts.at(scale)
        self.rng = random.Random(f"{seed}-{scale}")
        # Tall + lunda is written Tallunda: Swedish never writes a letter three times in a row.
        self.places = [re.sub(r"(.)\1\1", r"\1\1", p + s) for p in words.PLACE_PREFIXES for s in words.PLACE_SUFFIXES]
        self.rng.shuffle(self.places)
        self.write = _Writer(self.rng, self.places)

    def run(self) -> Counts:
        if self.target.exists():
            shutil.rmtree(self.target)
        goals = self.goals()
        strategies = self.strategies(goals)
        self.guidance("principles", "principle.schema.json", words.PRINCIPLES, 600)
        self.guidance("success-factors", "success-factor.schema.json", words.SUCCESS_FACTORS, 430)
        partners = self.partners()
        self.actions(partners, strategies)
        self.indicators(goals)
        adopted_by = self.decisions()
        self.settings(adopted_by)
        return self.counts

    def goals(self) -> list[str]:
        ids, result = _Ids(), []
        for index in range(self.counts.goals):
            base = words.GOAL_NAMES[index % len(words.GOAL_NAMES)]
            qualifier = words.GOAL_QUALIFIERS[(index // len(words.GOAL_NAMES)) % len(words.GOAL_QUALIFIERS)]
            name, goal_id = ids.name_and_id(f"{base} {qualifier}")
            topic = self.rng.choice(words.TOPICS)
            _write(self.target / "goals", "goal.schema.json", {
                "id": goal_id, "order": index + 1, "name": name,
                "summary": self.write.fill(self.rng.choice(words.SUMMARIES), topic),
                "description": self.write.text(3, 370, topic),
                "agenda2030": sorted(self.rng.sample(range(1, 18), self.rng.randint(3, 7))),
            })
            result.append(goal_id)
        return result

    def strategies(self, goals: list[str]) -> list[str]:
        ids, result = _Ids(), []
        for index in range(self.counts.strategies):
            topic = words.TOPICS[index % len(words.TOPICS)]
            verb = words.VERBS[(index // len(words.TOPICS)) % len(words.VERBS)]
            name, strategy_id = ids.name_and_id(f"{verb} {topic[1]} i {self.rng.choice(self.places)}")
            # Every goal gets at least one strategy (the validator demands it), most get several.
            linked = [goals[index % len(goals)], *self.rng.sample(goals, min(len(goals), self.rng.randint(0, 2)))]
            _write(self.target / "strategies", "strategy.schema.json", {
                "id": strategy_id, "order": index + 1, "name": name,
                "summary": self.write.fill(self.rng.choice(words.SUMMARIES), topic),
                "description": self.write.text(2, 430, topic),
                "goals": list(dict.fromkeys(linked)),
                "priorities": [self.write.fill(p, topic) for p in self.rng.sample(words.PRIORITIES, 4)],
            })
            result.append(strategy_id)
        return result

    def guidance(self, folder: str, schema: str, names: tuple[str, ...], chars: int) -> None:
        count = self.counts.principles if folder == "principles" else self.counts.success_factors
        for index in range(count):
            name = names[index % len(names)]
            _write(self.target / folder, schema, {
                "id": slug(name), "order": index + 1, "name": name, "description": self.write.text(2, chars // 2),
            })

    def partners(self) -> list[tuple[str, str]]:
        """(id, type) of every partner; municipalities first, with unique fictional kommunkoder."""
        ids, result = _Ids(), []
        counts = self.counts
        # Läns code 27 and up do not exist in Sweden, so no code clashes with a real municipality.
        kinds = ["region", "länsstyrelse", "lärosäte"] + ["kommun"] * counts.municipalities
        others = ("näringsliv", "civilsamhälle", "statlig myndighet", "lärosäte")
        while len(kinds) < counts.partners:
            kinds.append(self.rng.choices(others, weights=(45, 40, 10, 5))[0])
        for index, kind in enumerate(kinds[: counts.partners]):
            place = self.places[index % len(self.places)]
            name = {
                "region": "Region Sjöland",
                "länsstyrelse": "Länsstyrelsen i Sjölands län",
                "kommun": f"{genitive(place)} kommun",
                "lärosäte": "Sjölands universitet" if index == 2 else f"Högskolan i {place}",
                "näringsliv": f"{place} {self.rng.choice(words.BUSINESS_KINDS)}",
                "civilsamhälle": f"{genitive(place)} {self.rng.choice(words.CIVIL_KINDS)}",
                "statlig myndighet": f"{self.rng.choice(words.AGENCIES)}, {place}",
            }[kind]
            name, partner_id = ids.name_and_id(name)
            data: dict[str, Any] = {"id": partner_id, "name": name, "type": kind}
            if kind == "kommun":
                number = len([k for k in result if k[1] == "kommun"])
                data["kommunkod"] = f"{27 + number // 100:02d}{number % 100:02d}"
            data["description"] = self.write.text(1, 300)
            data["url"] = f"https://www.{partner_id}.example/"
            _write(self.target / "partners", "partner.schema.json", data)
            result.append((partner_id, kind))
        return result

    def actions(self, partners: list[tuple[str, str]], strategies: list[str]) -> None:
        ids = _Ids()
        leaders = [pid for pid, kind in partners if kind in ("region", "kommun", "civilsamhälle")]
        statuses = ("pågående", "pågående", "pågående", "planerad", "avslutad", "pausad")
        for index in range(self.counts.actions):
            topic = words.TOPICS[index % len(words.TOPICS)]
            name, action_id = ids.name_and_id(f"Kraftsamling {topic[0]} i {self.rng.choice(self.places)}")
            owner = self.rng.choice(leaders)
            joined = [pid for pid, _ in self.rng.sample(partners, min(len(partners), self.rng.randint(3, 12)))]
            status = self.rng.choice(statuses)
            start = self.rng.randint(2021, 2026)
            data: dict[str, Any] = {
                "id": action_id, "name": name,
                "summary": self.write.fill(self.rng.choice(words.SUMMARIES), topic),
                "challenge": self.write.text(2, 260, topic),
                "description": self.write.with_list(250, "Arbetssätt.", words.WORKING_METHODS, 5, topic),
                "status": status, "start": start,
            }
            if status == "avslutad":
                data["end"] = start + self.rng.randint(1, 3)
            data.update({
                "owner": owner,
                "partners": [pid for pid in dict.fromkeys(joined) if pid != owner],
                "strategies": self.rng.sample(strategies, self.rng.randint(1, 3)),
            })
            _write(self.target / "actions", "action.schema.json", data)

    def indicators(self, goals: list[str]) -> None:
        ids = _Ids()
        for index in range(self.counts.indicators):
            base = words.INDICATORS[index % len(words.INDICATORS)]
            title, unit, direction, source_name, kolada, low, high = base
            if index >= len(words.INDICATORS):
                title = f"{title} i {self.places[index % len(self.places)]}"
            name, indicator_id = ids.name_and_id(title)
            linked = [goals[index % len(goals)], *self.rng.sample(goals, min(len(goals), self.rng.randint(0, 1)))]
            values = self._series(low, high, direction)
            source: dict[str, Any] = {"name": source_name}
            if kolada:
                source["kolada"] = kolada
                source["url"] = "https://www.kolada.se/"
            baseline = next(v for v in values if v["year"] == 2019)
            improve = (high - low) * 0.15 * (1 if direction == "increase" else -1)
            _write(self.target / "indicators", "indicator.schema.json", {
                "id": indicator_id, "name": name, "description": self.write.text(2, 220), "unit": unit,
                "direction": direction, "goals": list(dict.fromkeys(linked)), "source": source,
                "baseline": {"year": 2019, "value": baseline["value"]},
                "target": {"year": 2030, "value": round(baseline["value"] + improve, 1)},
                "values": values,
            })

    def _series(self, low: float, high: float, direction: str) -> list[dict[str, Any]]:
        value = self.rng.uniform(low, high)
        step = (high - low) / 40 * (1 if direction == "increase" else -1)
        split = self.rng.random() < 0.5
        values = []
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            value += step + self.rng.uniform(-1, 1) * (high - low) / 50
            point: dict[str, Any] = {"year": year, "value": round(value, 1)}
            if split:
                gap = (high - low) * 0.05
                point["women"], point["men"] = round(value + gap, 1), round(value - gap, 1)
            values.append(point)
        return values

    def decisions(self) -> str:
        ids, first = _Ids(), ""
        for index in range(self.counts.decisions):
            year = 2021 + index % 6
            if index == 0:
                title = "Antagande av regional utvecklingsstrategi 2021–2030"
            elif index % 3 == 1:
                title = f"Årlig revidering av RUS 2030 – version {year}"
            else:
                title = f"Uppdrag om kraftsamling för {self.rng.choice(words.TOPICS)[0]}"
            title, decision_id = ids.name_and_id(title)
            _write(self.target / "decisions", "decision.schema.json", {
                "id": decision_id, "title": title,
                "body": "Regionfullmäktige" if index == 0 else self.rng.choice(words.DECISION_BODIES),
                "date": f"{year}-{1 + index % 12:02d}-{1 + index % 28:02d}",
                "diarienummer": f"RS {year}/{100 + index:05d}",
                "summary": self.write.with_list(300, "Beslutet innebär:", words.PRIORITIES, 4, None),
            })
            first = first or decision_id
        return first

    def settings(self, adopted_by: str) -> None:
        data = {
            "region": "Region Sjöland",
            "name": f"Regional utvecklingsstrategi för Sjölands län 2021–2030 (syntetisk, {self.scale}×)",
            "short_name": "RUS 2030",
            "period": {"start": 2021, "end": 2030},
            "example": True,
            "vision": self.write.text(2, 200),
            "introduction": self.write.text(3, 500),
            "adopted_by": adopted_by,
            "contact": {
                "organisation": "Region Sjöland", "unit": "Regional utveckling", "email": "rus@regionsjoland.example",
                "phone": "010-480 00 00", "url": "https://www.regionsjoland.example/rus/",
            },
            "links": [{"title": "Agenda 2030 och de globala målen för hållbar utveckling", "url": "https://www.globalamalen.se/"}],
            # The statement describes the website, not the strategy's size: the example's serves.
            "accessibility": _EXAMPLE_SETTINGS["accessibility"],
        }
        header = "# yaml-language-server: $schema=../schemas/settings.schema.json\n"
        body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000)
        (self.target / "strategy.yml").write_text(header + body, encoding="utf-8")


def generate(target: Path, scale: int, seed: int = 2030) -> Counts:
    """Replace ``target`` with a valid strategy folder ``scale`` times the example's size."""
    if scale < 1:
        raise ValueError("scale must be 1 or more")
    return _Generator(Path(target), scale, seed).run()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic strategy folder for the benchmark.")
    parser.add_argument("target", type=Path, help="folder to (re)create, e.g. .bench/strategy-10")
    parser.add_argument("--scale", type=int, default=1, help="multiple of the example's size (default 1)")
    parser.add_argument("--seed", type=int, default=2030)
    args = parser.parse_args(argv)
    counts = generate(args.target, args.scale, args.seed)
    print(f"{args.target}: {counts.entities} entities ({counts})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Hostile text in every text field of every kind, found by walking the JSON Schemas.

For each payload, the payload is planted in every free-text field (a string without a pattern,
format or list of allowed values) of every file of a copy of the strategy. Where the validator
refuses it, the refusal must be a located Swedish problem; everywhere else the site is built and
every page and the open data are scanned: no markup from the payload may be live, no event
handler, no ``javascript:`` link, no request to another host, no heading made from strategy text
and no Jinja evaluated. In a browser, the pages and the search's results run nothing.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from strategy_as_code.kinds import FOLDERS, SETTINGS_FILE, SETTINGS_SCHEMA
from strategy_as_code.problems import StrategyInvalid
from strategy_as_code.publishing.search_index import indexed_pages
from strategy_as_code.reading.loader import load_strategy
from strategy_as_code.reading.yamlsource import parse
from support import REPO, build, copy_project, serve

SCHEMAS = REPO / "schemas"

PAYLOADS = {
    "attribute list": 'Rubrik {: onfocus="alert(1)" autofocus tabindex="0" }',
    "attribute list, block": "Text\n{: .md-typeset onmouseover=\"alert(1)\" }\n\nMer text {: #x onclick=alert(1) }",
    "reference link": "[klicka här][x] och [här]\n\n[x]: javascript:alert(1)\n[här]: https://angripare.example/",
    "image": "![bild](https://angripare.example/spion.png) ![a][b]\n\n[b]: //angripare.example/b.png",
    "autolink": "<https://angripare.example/> <mailto:a@angripare.example> www.angripare.example",
    "jinja": "{{ 7*7 }} {% if true %}JINJA-KORDES{% endif %} {{ config }} {# dolt #}",
    "heading": "rad ett\n## Inskjuten rubrik {: onclick=alert(1) }\n\n# Inskjuten etta",
    "entities": "&lt;img src=x onerror=alert(1)&gt; &#60;script&#62;alert(1)&#60;/script&#62;",
    "token forgery": "rusx0000000000000000n0z rusx0000000000000000n1z",
}

REFUSED = {
    "html": ('<img src=x onerror="alert(1)"><script>alert(1)</script>', 'innehåller HTML (<img src=x onerror='),
    "script link": (
        "[klicka](javascript:alert(1)) [x](JaVaScRiPt:alert(1)) [y]( data:text/html,x)",
        "innehåller en länk som inte går till en webbadress",
    ),
    "raw html in markdown": ("`<b>` <b onclick=alert(1)>fet</b> <!-- kommentar -->", "innehåller HTML (<b>)"),
    # U+FFFE once broke a page's YAML header, which MkDocs then read as Markdown text run as Jinja.
    "noncharacter": (
        'Goda \ufffe *x*{: onmouseover="alert(1)" } {{ 7*7 }}', "innehåller ett tecken som inte är text (U+FFFE)",
    ),
}
"""Payloads the validator refuses in every field, with the words of its message."""


# --- the schemas: which fields are free text ------------------------------------------------

def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def _alternatives(spec: dict, file: str) -> list[tuple[dict, str]]:
    """``spec`` with its $ref followed and its oneOf/anyOf/allOf spread out, each with its file."""
    if "$ref" in spec:
        target, _, pointer = spec["$ref"].partition("#")
        file = target or file
        resolved = _schema(file)
        for part in pointer.strip("/").split("/") if pointer.strip("/") else ():
            resolved = resolved[part]
        spec = {**resolved, **{k: v for k, v in spec.items() if k != "$ref"}}
    result = [(spec, file)]
    for key in ("oneOf", "anyOf", "allOf"):
        for option in spec.get(key, ()):
            result.extend(_alternatives(option, file))
    return result


_EXCLUDING = re.compile(r"\^\[\^[^\]]*\]\*\$")
"""A pattern that only keeps some characters out (``^[^\n\r…]*$``: one line) leaves the text free."""


def _free_text(spec: dict) -> bool:
    if spec.get("type") != "string" or any(k in spec for k in ("format", "enum", "const")):
        return False
    return "pattern" not in spec or bool(_EXCLUDING.fullmatch(spec["pattern"]))


def _properties(spec: dict, file: str) -> dict[str, tuple[dict, str]]:
    found = {}
    for alternative, alt_file in _alternatives(spec, file):
        for key, value in alternative.get("properties", {}).items():
            found.setdefault(key, (value, alt_file))
    return found


def _item_schema(spec: dict, file: str) -> tuple[dict, str] | None:
    for alternative, alt_file in _alternatives(spec, file):
        if "items" in alternative:
            return alternative["items"], alt_file
    return None


def schema_text_fields(spec: dict, file: str, prefix: tuple = ()) -> set[tuple]:
    """Every free-text field a file of this schema can have (``[]`` for any list item)."""
    fields = set()
    for key, (value, value_file) in _properties(spec, file).items():
        path = (*prefix, key)
        alternatives = _alternatives(value, value_file)
        if any(_free_text(a) for a, _ in alternatives):
            fields.add(path)
        fields |= schema_text_fields(value, value_file, path)
        items = _item_schema(value, value_file)
        if items is not None:
            if any(_free_text(a) for a, _ in _alternatives(*items)):
                fields.add((*path, "[]"))
            fields |= schema_text_fields(*items, (*path, "[]"))
    return fields


# --- planting -------------------------------------------------------------------------------

def _translations(alternatives) -> bool:
    return any("sv" in a.get("properties", {}) for a, _ in alternatives)


def _minimal(spec: dict, file: str, payload: str):
    """The smallest value of ``spec`` that carries the payload (a link: its title and a web
    address), or None when the test cannot make one up."""
    alternatives = _alternatives(spec, file)
    if any(_free_text(a) for a, _ in alternatives):
        return payload
    if any(a.get("pattern", "").startswith("^(https?://") for a, _ in alternatives):
        return "https://exempel.se/"
    if any(a.get("pattern") == "^([0-9]{2}|[0-9]{4})$" for a, _ in alternatives):
        return "00"  # an area (figures.schema.json): Sweden
    if any(a.get("type") == "array" for a, _ in alternatives):
        return []
    for alternative, alt_file in alternatives:
        if alternative.get("type") == "object" and "properties" in alternative:
            made = {}
            for key in alternative.get("required", ()):
                value = _minimal(alternative["properties"][key], alt_file, payload)
                if value is None:
                    return None
                made[key] = value
            return made
    return None


def _plant(data: dict, spec: dict, file: str, payload: str, path: tuple, planted: list[tuple], translate: bool):
    """Plant ``payload`` in every free-text field of ``data`` (an object of schema ``spec``),
    adding optional fields and lists; a text that may be ``{sv, en}`` is written in that form
    when ``translate`` is set."""
    for key, (value, value_file) in _properties(spec, file).items():
        here = (*path, key)
        alternatives = _alternatives(value, value_file)
        current = data.get(key)
        if isinstance(current, (int, float, bool)):
            continue
        if any(_free_text(a) for a, _ in alternatives) and not isinstance(current, list):
            if translate and _translations(alternatives):
                data[key] = {"sv": payload, "en": payload}
                planted.extend([(*here, "sv"), (*here, "en")])
            else:
                data[key] = payload
                planted.append(here)
            continue
        items = _item_schema(value, value_file)
        if current is None and items is not None:
            made = _minimal(*items, payload)
            if isinstance(made, dict):
                current = data[key] = [made]
        elif current is None and any(a.get("type") == "object" or "required" in a for a, _ in alternatives):
            # An optional group with a text it requires; or the region's own words (labels), a
            # table of optional groups.
            made = _minimal(value, value_file, payload)
            if isinstance(made, dict) and (made or key == "labels"):
                current = data[key] = made
        if isinstance(current, dict):
            _plant(current, value, value_file, payload, here, planted, translate)
        elif isinstance(current, list) and items is not None:
            item_alternatives = _alternatives(*items)
            item_text = any(_free_text(a) for a, _ in item_alternatives)
            for index, element in enumerate(current):
                if item_text and isinstance(element, (str, dict)):
                    if translate and _translations(item_alternatives):
                        current[index] = {"sv": payload, "en": payload}
                        planted.extend([(*here, index, "sv"), (*here, index, "en")])
                    else:
                        current[index] = payload
                        planted.append((*here, index))
                elif isinstance(element, dict):
                    _plant(element, *items, payload, (*here, index), planted, translate)


def _schema_of_file(relative: str) -> str:
    if relative == SETTINGS_FILE:
        return SETTINGS_SCHEMA
    return FOLDERS[relative.split("/")[0]].schema


def plant_everywhere(strategy: Path, payload: str, *, translate: bool = False) -> dict[str, dict]:
    """Plant ``payload`` in every free-text field of every file; returns, per file, the planted
    paths with the line they were written on (to tell which ones the validator refused)."""
    planted: dict[str, dict] = {}
    for file in sorted(strategy.rglob("*.yml")):
        relative = file.relative_to(strategy).as_posix()
        data = _read(file, relative)
        original = _read(file, relative)
        paths: list[tuple] = []
        schema_name = _schema_of_file(relative)
        _plant(data, _schema(schema_name), schema_name, payload, (), paths, translate)
        raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000).encode()
        file.write_bytes(raw)
        document, problems = parse(relative, raw)
        assert document is not None and not problems, problems
        planted[relative] = {
            "original": original,
            "lines": {path: document.position(path)[0] for path in paths},
            "keys": {path: document.position(path, key=True)[0] for path in paths},
        }
    return planted


def _read(file: Path, relative: str):
    """The file's data as the strategy's own reader sees it (dates stay text)."""
    document, problems = parse(relative, file.read_bytes())
    assert document is not None and not problems, problems
    return document.data


def _set(data, path: tuple, value) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _get(data, path: tuple):
    for part in path:
        data = data[part]
    return data


def revert_refused(strategy: Path, planted: dict[str, dict], invalid: StrategyInvalid) -> list[tuple]:
    """Put the original value back in every field the validator refused; returns them."""
    refused = []
    by_file: dict[str, set[int]] = {}
    for problem in invalid.problems:
        relative = problem.path.split("strategy/", 1)[-1]
        assert relative in planted, f"problem in a file nobody planted in: {problem.format()}"
        assert problem.line > 0 and problem.message, problem.format()
        by_file.setdefault(relative, set()).add(problem.line)
    for relative, lines in by_file.items():
        record = planted[relative]
        file = strategy / relative
        data = _read(file, relative)
        for path, line in record["lines"].items():
            if line in lines or record["keys"][path] in lines:
                _restore(data, record["original"], path)
                refused.append((relative, path))
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return refused


def _restore(data, original, path: tuple) -> None:
    """Put back the original value at ``path``; what the planting added (a field, a list, a
    text turned into {sv, en}) goes back to how it was."""
    for depth in range(len(path)):
        try:
            _get(original, path[:depth + 1])
        except (KeyError, IndexError, TypeError):
            before = _get(original, path[:depth])
            try:
                if isinstance(before, (dict, list)):
                    del _get(data, path[:depth])[path[depth]]
                else:
                    _set(data, path[:depth], before)
            except (KeyError, IndexError, TypeError):
                pass  # restored already with another field of the same added object
            return
    _set(data, path, _get(original, path))


# --- scanning the built site ----------------------------------------------------------------

_RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "action", "formaction"}
_RESOURCE_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}


def live_markup(html: str, where: str) -> list[str]:
    """What in ``html`` a hostile payload could have made live."""
    found = []
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            values = value if isinstance(value, list) else [value]
            text = " ".join(str(v) for v in values)
            if name.lower().startswith("on"):
                found.append(f"{where}: event handler {name} on <{tag.name}>")
            if name.lower() == "autofocus":
                found.append(f"{where}: autofocus on <{tag.name}>")
            if name.lower() in {"href", "xlink:href", *_RESOURCE_ATTRIBUTES}:
                scheme = text.strip().lower().replace("\t", "").replace("\n", "")
                if scheme.startswith(("javascript:", "vbscript:", "data:text")):
                    found.append(f"{where}: {name}={text!r} on <{tag.name}>")
            if name.lower() in _RESOURCE_ATTRIBUTES or (
                tag.name == "link" and name == "href" and _RESOURCE_LINKS & {r.lower() for r in tag.get("rel", [])}
            ):
                for candidate in values:
                    host = urlsplit(str(candidate).strip().split(" ")[0]).hostname
                    if host and host not in {"127.0.0.1", "localhost"}:
                        found.append(f"{where}: <{tag.name} {name}={candidate!r}> loads from another host")
        if tag.name == "script" and "alert(" in tag.get_text():
            found.append(f"{where}: a script from the strategy text")
        if tag.name in {"h1", "h2"} and tag.get_text().strip().startswith("Inskjuten"):
            found.append(f"{where}: strategy text became a page heading <{tag.name}>")
        if tag.name in {"iframe", "object", "embed", "img"} and "angripare" in str(tag):
            found.append(f"{where}: <{tag.name}> from the strategy text")
    text = soup.get_text()
    if "JINJA-KORDES" in text and "{% if true %}" not in text:
        found.append(f"{where}: Jinja in strategy text was run")
    if "rusx" in text and "rusx0000000000000000n" not in text:
        found.append(f"{where}: an unrevealed shield token")
    return found


def scan_site(site: Path) -> list[str]:
    found = []
    for page in sorted(site.rglob("*.html")):
        found += live_markup(page.read_text(encoding="utf-8"), page.relative_to(site).as_posix())
    # The search index holds the pages' text as text; the search shows it as text (only the
    # <mark> of a match is an element), which test_hostile_text_runs_nothing_in_a_browser checks.
    assert indexed_pages(site / "pagefind"), "no search index was built"
    return found


def _project_with(tmp_path: Path, payload: str, translate: bool) -> tuple[Path, list[tuple], list[tuple]]:
    project = copy_project(_mkdir(tmp_path / "project"))
    strategy = project / "strategy"
    planted = plant_everywhere(strategy, payload, translate=translate)
    refused: list[tuple] = []
    try:
        load_strategy(strategy)
    except StrategyInvalid as invalid:
        refused = revert_refused(strategy, planted, invalid)
        load_strategy(strategy)  # what is left must be valid: every refusal was located
    accepted = [(f, p) for f, record in planted.items() for p in record["lines"] if (f, p) not in refused]
    return project, accepted, refused


def _normalised(path: tuple) -> tuple:
    return tuple("[]" if isinstance(part, int) else part for part in path)


def test_every_schema_text_field_is_planted(tmp_path):
    """The walk reaches every free-text field the schemas define, in both forms of a translatable
    text (plain and {sv, en}): a new text field is covered without touching this test."""
    reached: dict[str, set] = {}
    for translate in (False, True):
        project = copy_project(_mkdir(tmp_path / f"project-{translate}"))
        for relative, record in plant_everywhere(project / "strategy", "x", translate=translate).items():
            reached.setdefault(_schema_of_file(relative), set()).update(_normalised(p) for p in record["lines"])
    missing = {
        schema: sorted(schema_text_fields(_schema(schema), schema) - reached.get(schema, set()))
        for schema in reached
    }
    assert not any(missing.values()), f"text fields never planted: {missing}"
    assert sum(len(fields) for fields in reached.values()) >= 40


@pytest.mark.parametrize("name", PAYLOADS)
def test_hostile_text_is_refused_or_harmless(tmp_path, name):
    # Every other payload writes translatable texts as {sv, en}: both forms meet every payload kind.
    translate = list(PAYLOADS).index(name) % 2 == 1
    project, accepted, _ = _project_with(tmp_path, PAYLOADS[name], translate)
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert accepted, f"the validator refused {name!r} everywhere: nothing was scanned"
    site = project / "site"
    assert scan_site(site) == []
    # The open data carries the text as data, character for character.
    data = json.loads((site / "data" / "strategy.json").read_text(encoding="utf-8"))
    assert PAYLOADS[name] in set(_strings(data))
    shutil.rmtree(project)


@pytest.mark.parametrize("name", REFUSED)
def test_refused_payloads_are_refused_with_a_located_swedish_message(tmp_path, name):
    """HTML and script links are refused by the validator in every field, one problem per field,
    and the build stops with the same report and publishes nothing."""
    payload, words = REFUSED[name]
    project = copy_project(_mkdir(tmp_path / "project"))
    planted = plant_everywhere(project / "strategy", payload)
    with pytest.raises(StrategyInvalid) as refused:
        load_strategy(project / "strategy")
    fields = sum(len(record["lines"]) for record in planted.values())
    assert fields >= 40 and len(refused.value.problems) >= fields
    assert all(problem.line > 0 for problem in refused.value.problems)
    assert refused.value.report().count(words) >= fields
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert 'strategy/goals/goda-livsvillkor.yml:' in output and words in output
    assert not (project / "site" / "index.html").exists()


@pytest.mark.browser
def test_hostile_text_runs_nothing_in_a_browser(tmp_path, browser):
    """Every page of a site whose strategy texts all carry attribute lists, reference links and
    images: no dialog opens and no request leaves localhost."""
    payload = ("[x][y] ![bild](https://angripare.example/a.png) {: onfocus=\"alert(1)\" autofocus } "
               "&lt;img src=x onerror=alert(1)&gt; Fjällsippa")
    project, accepted, _ = _project_with(tmp_path, payload, translate=False)
    assert accepted
    assert build(project).returncode == 0
    site = project / "site"
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    dialogs, foreign = [], []
    with serve(site) as base:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: foreign.append(request.url)
                if urlsplit(request.url).hostname not in {"127.0.0.1", "localhost"} else None)
        for path in pages:
            page.goto(base + ("" if path == "." else path + "/"))
            page.keyboard.press("Tab")
        # The search shows the same text in its results, as text: the escaped tag stays words.
        page.get_by_role("searchbox", name="Sök").fill("fjällsippa")
        expect(page.get_by_role("status")).to_contain_text("för ”fjällsippa”.")
        output = page.locator(".rus-search__output")
        expect(output.locator(".rus-search__excerpt").first).to_contain_text("<img src=x onerror=alert(1)>")
        elements = output.evaluate("o => [...new Set([...o.querySelectorAll('*')].map(e => e.localName))].sort()")
        page.close()
    assert len(pages) > 40
    assert dialogs == [] and foreign == []
    assert set(elements) <= {"a", "button", "li", "mark", "ol", "p", "span"}, elements



def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path

"""The site as plain files for any engine that reads ``mkdocs.yml``: the strategy validated, every
generated page and every overview page (its macros expanded) as Markdown, the open data, the theme
overrides and stylesheets, and a ``mkdocs.yml`` with the navigation spelled out and no macros
plugin and no hooks. The MkDocs glue (``macros/``) hands the same content (site_content.py) to
MkDocs through hooks; the benchmark's plain twin is these sources.

Strategy text still never reaches the engine's Markdown parser: the pages carry the shield's
tokens (render/shield.py), the shield is saved beside the sources (``shield.json``, outside the
docs folder, so never published), and :func:`reveal_site` puts the HTML back into the built files:
an engine-neutral step after the build, like a search indexer that reads built HTML.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml
from markupsafe import escape

from strategy_as_code.kinds import STRATEGY_FOLDER
from strategy_as_code.publishing.site_content import HEADING_ID, SiteContent, prepare_site
from strategy_as_code.render.fragments import fragment_names
from strategy_as_code.render.pages import GeneratedPage
from strategy_as_code.render.shield import Shield

SHIELD_FILE = "shield.json"
"""The saved shield, beside ``mkdocs.yml`` and outside ``docs/``: what :func:`reveal_site` reads."""

ENGINE_GLUE = ("plugins", "hooks", "watch", "nav")
"""Top-level keys of the project's ``mkdocs.yml`` that the plain configuration writes anew."""

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*):")


class _Lenient(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` with its python and ``!ENV`` tags as empty values: only plain keys
    (nav, plugins, docs_dir, extra.strategy_dir) are read from it."""


_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Lenient.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_site_config(config_file: Path) -> dict:
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Lenient) or {}


@dataclass(frozen=True)
class SiteSources:
    """What was written: the configuration, the number of pages of each sort and the shield."""

    config_file: Path
    generated: int
    overviews: int
    data_files: int
    shield: Shield


def write_site_sources(project: Path, out: Path, *, version: str = "", status: str = "") -> SiteSources:
    """Validate the strategy of ``project`` (the folder of its ``mkdocs.yml``) and write the plain
    site sources into ``out`` (emptied first). Raises :class:`StrategyInvalid` before writing."""
    config = read_site_config(project / "mkdocs.yml")
    folder = project / (config.get("extra") or {}).get("strategy_dir", STRATEGY_FOLDER)
    content = prepare_site(folder, version=version, status=status)
    shield, pages = content.shield, content.pages
    if out.exists():
        shutil.rmtree(out)
    source_docs, docs = project / config.get("docs_dir", "docs"), out / "docs"
    shutil.copytree(source_docs, docs, ignore=shutil.ignore_patterns("*.md"))
    theme = config.get("theme") or {}
    if isinstance(theme, dict) and theme.get("custom_dir"):
        shutil.copytree(project / theme["custom_dir"], out / theme["custom_dir"])
    for page in pages:
        _write(docs / page.src_uri, with_heading(page, shield))
    overviews = sorted(source_docs.rglob("*.md"))
    for markdown_file in overviews:
        src_uri = markdown_file.relative_to(source_docs).as_posix()
        if src_uri in content.empty_pages:
            continue
        expanded = expand_macros(markdown_file.read_text(encoding="utf-8"), content, page_url(src_uri))
        _write(docs / src_uri, expanded)
    for path, data in content.data_files.items():
        target = docs / "data" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for image in content.brand.images.values():
        (docs / image.site_path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(image.source, docs / image.site_path)
    (out / SHIELD_FILE).write_text(json.dumps(shield.saved(), ensure_ascii=False), encoding="utf-8")
    config_file = out / "mkdocs.yml"
    config_file.write_text(plain_config(project / "mkdocs.yml", config, content), encoding="utf-8")
    return SiteSources(config_file, len(pages), len(overviews), len(content.data_files), shield)


def with_heading(page: GeneratedPage, shield: Shield) -> str:
    """A generated page with its heading first, as macros/page_heading.py gives it in our build:
    an ``<h1>`` written as fixed HTML around the token of the (escaped) title, so that the theme
    adds no heading of its own and Markdown never reads the title."""
    if "<h1" in shield.reveal(page.content):
        return page.content
    front = _FRONT_MATTER.match(page.content)
    head, body = (page.content[:front.end()], page.content[front.end():]) if front else ("", page.content)
    title = str(escape(page.title))
    return f'{head}\n<h1 id="{HEADING_ID}">{shield.hide(title)}</h1>\n{body}'


def page_url(src_uri: str) -> str:
    """The page's address as MkDocs gives it to a macro (directory URLs): ``om.md`` -> ``om/``."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def expand_macros(source: str, content: SiteContent, url: str) -> str:
    """What mkdocs-macros makes of an overview page: its Markdown with every macro call replaced
    by what macros/main.py returns for it (:meth:`SiteContent.macro`). The front matter gains
    ``render_macros: false`` (no macros are left; a build that still has the plugin, as the
    benchmark's, then runs no page through Jinja; MkDocs ignores the key)."""
    front = _FRONT_MATTER.match(source)
    meta = (yaml.safe_load(front.group(1)) or {}) if front else {}
    markdown = source[front.end():] if front else source
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)
    environment.globals.update({
        name: (lambda name=name: content.macro(name, url)) for name in fragment_names()
    })
    rendered = environment.from_string(markdown).render()
    meta = {**meta, "render_macros": False}
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n" + rendered


def plain_config(config_file: Path, config: dict, content: SiteContent) -> str:
    """The project's ``mkdocs.yml`` as written (its comments and tags kept), without the macros
    plugin, the hooks and ``watch``, with the navigation our hooks compute and the theme settings
    they set."""
    images = {name: image.site_path for name, image in content.brand.images.items()}
    kept, skipping, section = [], False, ""
    for line in config_file.read_text(encoding="utf-8").splitlines():
        key = _TOP_LEVEL_KEY.match(line)
        if key:
            skipping, section = key.group(1) in ENGINE_GLUE, key.group(1)
        if section == "theme" and re.match(rf"  ({'|'.join(images) or '-'}):", line):
            continue  # the region's own image, set below
        if not skipping:
            kept.append(line)
            if key and key.group(1) == "extra":
                # A flow mapping is YAML on one line; it joins the project's own extra settings.
                kept.append(f"  strategy: {json.dumps(content.theme_settings(), ensure_ascii=False)}")
            if key and key.group(1) == "theme":
                kept += [f"  {name}: {json.dumps(path)}" for name, path in images.items()]
    if "extra" not in config:
        kept += ["extra:", f"  strategy: {json.dumps(content.theme_settings(), ensure_ascii=False)}"]
    nav = content.navigation(config.get("nav"))
    added = {
        "plugins": [entry for entry in config.get("plugins") or [] if _plugin_name(entry) != "macros"],
        "nav": nav,
        "not_in_nav": not_in_nav(nav, content.pages),
    }
    header = [
        "# Written by scripts/site-sources from the project's mkdocs.yml: plain Markdown, no macros",
        "# plugin, no hooks. After `mkdocs build`, `scripts/site-sources --reveal THIS_FOLDER` puts",
        "# the strategy's HTML into the built pages (the pages carry tokens for it).",
    ]
    added_text = yaml.safe_dump({k: v for k, v in added.items() if v is not None}, allow_unicode=True, sort_keys=False)
    return "\n".join(header + kept) + "\n\n" + added_text


def not_in_nav(nav: list | None, pages: list[GeneratedPage]) -> str:
    """Gitignore-style patterns for the sections whose pages stay out of the navigation (MkDocs
    would otherwise list thousands of "omitted" pages)."""
    listed: set[str] = set()

    def walk(items: list) -> None:
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                listed.add(value)

    walk(nav or [])
    sections = sorted({page.src_uri.split("/")[0] for page in pages if page.src_uri not in listed})
    return "".join(f"/{section}/*.md\n!/{section}/index.md\n" for section in sections)


def reveal_site(sources: Path, site: Path | None = None) -> int:
    """Put the strategy's HTML back into the site built from ``sources`` (default ``sources/site``):
    every token in every HTML file becomes its piece, in one pass, so nothing revealed is read
    again. The search index is made afterwards, from the revealed pages (search_index.py).
    Returns the number of files changed."""
    saved = json.loads((sources / SHIELD_FILE).read_text(encoding="utf-8"))
    shield = Shield.restored(saved)
    site = site or sources / "site"
    changed = 0
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        revealed = shield.reveal(text)
        if revealed != text:
            page.write_text(revealed, encoding="utf-8")
            changed += 1
    return changed


def _plugin_name(entry: object) -> str:
    """``search`` for ``- search`` and for ``- search: {…}`` in mkdocs.yml's plugin list."""
    if isinstance(entry, str):
        return entry
    return str(next(iter(entry))) if isinstance(entry, dict) and entry else ""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")

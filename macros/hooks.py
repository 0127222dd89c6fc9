"""MkDocs hooks: the thin adapter between MkDocs and the site content the core prepares once per
build (publishing/site_content.py), which the engine-neutral site sources hand to any engine too.

Flow: on_serve (only for `mkdocs serve`: a strategy made invalid shows its report in the browser)
-> on_config (the content: the strategy loaded, validated and checked for publishing, or abort
with every problem; the generated pages and open data; the navigation, theme settings, logo and
favicon) -> on_files (add the generated files and the region's images) -> on_page_content (put
the shield's pieces back into each page's HTML) -> on_post_build (a published version's PDF).
MkDocs' Markdown parser sees fixed headings and the shield's tokens, never text from the strategy
(render/shield.py). The macros (main.py) take the same content.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, InclusionLevel

from strategy_as_code import StrategyInvalid
from strategy_as_code.kinds import KINDS
from strategy_as_code.publishing.printed import pdf_name, write_pdf
from strategy_as_code.publishing.site_content import SiteContent, problems_page, site_content

log = logging.getLogger("mkdocs.hooks.strategy")

# mkdocs-macros reports at INFO what it found (its modules, variables and the name of every macro):
# some twenty lines on every build and every rebuild of `make serve` that say nothing to a person
# editing the strategy. Its warnings and errors still show, and `--verbose` shows everything.
if logging.getLogger("mkdocs").getEffectiveLevel() > logging.DEBUG:
    logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)


def content_of(config) -> SiteContent:
    """This build's content; the first caller (the macros plugin's on_config) prepares it."""
    try:
        return site_content(config.config_file_path, config.extra)
    except StrategyInvalid as invalid:
        raise Abort("\n" + invalid.report()) from None


def on_config(config):
    content = content_of(config)
    config.extra["strategy"] = content.theme_settings()
    config.nav = content.navigation(config.nav)
    # Material's version selector reads versions.json, which only a site published with mike has
    # (scripts/release sets the version): a local build asked for it on every page and logged a
    # failed request in the browser's console.
    if not config.extra.get("rus_version"):
        config.extra.pop("version", None)
    # A published version (scripts/release) gets the whole strategy as a PDF, linked from every
    # page; a local build does not spend seconds on it.
    config.extra["rus_pdf"] = pdf_name(content.version) if content.version else ""
    # The region's logo and favicon (identity in strategy.yml), published by on_files.
    for name, image in content.brand.images.items():
        config.theme[name] = image.site_path
    return config


def on_files(files, config):
    content = content_of(config)
    for src_uri in content.empty_pages:
        # A part the strategy does not have (no kraftsamlingar): its overview page is not built.
        page = files.get_file_from_path(src_uri)
        if page is not None:
            files.remove(page)
    shown = {kind.key: content.in_navigation(kind.key) for kind in KINDS}
    for page in content.pages:
        # Pages left out of the nav on purpose: MkDocs would otherwise list each of them as "omitted".
        inclusion = InclusionLevel.UNDEFINED if shown.get(page.kind, True) else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.src_uri, content=page.content, inclusion=inclusion)
        # "Edit this page" opens the YAML file the page comes from, not the generated Markdown.
        file.edit_uri = f"../{page.source_path}" if page.source_path else None
        files.append(file)
    for path, data in content.data_files.items():
        files.append(File.generated(config, f"data/{path}", content=data))
    for image in content.brand.images.values():
        files.append(File.generated(config, image.site_path, content=image.source.read_bytes()))
    return files


def on_post_build(config):
    if config.extra.get("rus_pdf"):
        content = content_of(config)
        stylesheets = [Path(config.docs_dir) / path for path in config.extra_css]
        base_url = urljoin(config.site_url, f"{content.version}/") if config.site_url else None
        write_pdf(content.strategy, Path(config.site_dir) / config.extra["rus_pdf"], stylesheets=stylesheets,
                  base_url=base_url, version=content.version, status=content.status)


def on_page_content(html, page, config, files):
    return content_of(config).shield.reveal(html)


def on_serve(server, config, builder):
    """`make serve`: when an edit makes the strategy invalid, the rebuild stops with the Swedish
    report; the browser then shows that report in place of every page (and of a missing one), and
    the pages again after the first rebuild that succeeds. Left to MkDocs, every request would wait
    for a successful build, and the browser would hang."""
    site = Path(config.site_dir)

    def build_or_show_problems():
        try:
            builder()
        except Abort as stopped:
            invalid = stopped.__context__
            if not isinstance(invalid, StrategyInvalid):
                raise
            log.error(str(stopped).strip())
            page = problems_page(invalid.report()).encode("utf-8")
            for file in [*site.rglob("*.html"), site / "404.html"]:
                file.write_bytes(page)

    server.builder = build_or_show_problems
    return server

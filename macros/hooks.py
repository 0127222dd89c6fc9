"""MkDocs hooks: the thin adapter between MkDocs and the site content the core prepares once per
build (publishing/site_content.py), which the engine-neutral site sources hand to any engine too.

Flow: on_config (the content: the strategy loaded, validated and checked for publishing, or abort
with every problem; the generated pages and open data; the navigation, theme settings, logo and
favicon) -> on_files (add the generated files and the region's images) -> on_page_content (put
the shield's pieces back into each page's HTML). MkDocs' Markdown parser sees fixed headings and
the shield's tokens, never text from the strategy (render/shield.py). The macros (main.py) take the
same content.
"""

from __future__ import annotations

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, InclusionLevel

from strategy_as_code import StrategyInvalid
from strategy_as_code.kinds import KINDS
from strategy_as_code.publishing.site_content import SiteContent, site_content


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
    # The region's logo and favicon (identity in strategy.yml), published by on_files.
    for name, image in content.brand.images.items():
        config.theme[name] = image.site_path
    return config


def on_files(files, config):
    content = content_of(config)
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


def on_page_content(html, page, config, files):
    return content_of(config).shield.reveal(html)

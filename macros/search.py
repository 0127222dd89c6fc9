"""MkDocs hook: once the site is written (each version's own folder, when mike builds it), index
its HTML for the search. The work is in the core (strategy_as_code.publishing.search_index) and
reads only the built pages, so another site engine can run it the same way."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort

from strategy_as_code.publishing.search_index import SearchIndexFailed, index_site


def on_post_build(config):
    try:
        index_site(Path(config.site_dir))
    except SearchIndexFailed as failed:
        raise Abort(str(failed)) from None

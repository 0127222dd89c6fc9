"""Stable addresses of pages. An entity's page is ``<section>/<id>/`` in every annual version;
links between pages are written relative, so a version works under any base path."""

from __future__ import annotations

from strategy_as_code.kinds import KIND_BY_KEY


def entity_path(kind: str, entity_id: str) -> str:
    """Site path of an entity's page, e.g. ``mal/goda-livsvillkor/``."""
    return f"{KIND_BY_KEY[kind].section}/{entity_id}/"


def source_uri(kind: str, entity_id: str) -> str:
    """Markdown source name of a generated page, e.g. ``mal/goda-livsvillkor.md``."""
    return f"{KIND_BY_KEY[kind].section}/{entity_id}.md"


def overview_path(kind: str) -> str:
    return f"{KIND_BY_KEY[kind].section}/"


def root_prefix(page_path: str) -> str:
    """Relative way back to the site root from a page at ``page_path`` (``mal/x/`` -> ``../../``)."""
    return "../" * page_path.count("/")


class Linker:
    """Builds links relative to one page."""

    def __init__(self, page_path: str) -> None:
        self.prefix = root_prefix(page_path)

    def entity(self, kind: str, entity_id: str) -> str:
        target = KIND_BY_KEY[kind]
        if not target.has_pages:
            return f"{self.prefix}{target.section}/#{entity_id}"
        return self.prefix + entity_path(kind, entity_id)

    def overview(self, kind: str) -> str:
        return self.prefix + overview_path(kind)

    def root(self, path: str = "") -> str:
        return self.prefix + path

"""The one Jinja environment of the renderers: autoescape on, and the filters that turn
strategy text into safe HTML (``md``), numbers into Swedish notation (swedish.py) and ids into links."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    Template,
    select_autoescape,
)
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

from strategy_as_code.followup import Assessment, assess, decimals_of, kolada_url, status_counts, value_in
from strategy_as_code.kinds import KINDS, SETTINGS_SCHEMA
from strategy_as_code.model import Indicator
from strategy_as_code.reading.schema import schema_of
from strategy_as_code.render.chart import chart_of, has_chart, marker
from strategy_as_code.render.markdown import markdown_to_html
from strategy_as_code.render.municipal import area_comparison, municipality_figures
from strategy_as_code.swedish import AGENDA_2030, number_word, sdg_words, swedish_date, swedish_number


def front_matter_string(value: object) -> Markup:
    """A value for the page's YAML front matter: HTML-escaped (the theme prints titles without
    escaping) and written as a double-quoted YAML string of printable ASCII, every other character
    as an escape (``\\U0001F600``). A character YAML refuses in a file (U+FFFE, a control
    character) then cannot break the header: MkDocs would silently read a broken header as page
    text, and lose ``render_macros: false`` with it."""
    text = str(escape(str(value)))
    quoted = "".join(
        "\\" + char if char in '"\\' else char if " " <= char <= "~" else f"\\U{ord(char):08X}" for char in text
    )
    return Markup(f'"{quoted}"')


def breakable_address(value: object) -> Markup:
    """A web or e-mail address as link text: escaped, with a line break allowed after each dot,
    slash and @ (``<wbr>``), so that a long address wraps on a phone where its parts meet instead
    of splitting a word or widening the page."""
    text = str(escape(str(value)))
    for char in "./@":
        text = text.replace(char, char + "<wbr>")
    return Markup(text)


def schema_fields(schema_name: str) -> list[tuple[str, str, bool]]:
    """(field, Swedish description, required) for each top-level field of a schema."""
    schema = schema_of(schema_name)
    required = set(schema.get("required", ()))
    fields = []
    for name, spec in schema.get("properties", {}).items():
        description = spec.get("description", "")
        if not description and "$ref" in spec:
            filename, _, pointer = spec["$ref"].partition("#")
            target = schema_of(filename or schema_name)
            for part in pointer.strip("/").split("/"):
                target = target.get(part, {})
            description = target.get("description", "")
        fields.append((name, description, name in required))
    return fields


_OPTIONS: dict[str, Any] = {"trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True}
"""Options of the environment. With autoescape and StrictUndefined they shape the compiled code,
so they are part of the template cache's name."""


def template_cache_folder() -> Path:
    """Where compiled templates are kept: ``$XDG_CACHE_HOME/strategy-as-code/templates-…``
    (``~/.cache/…`` when the variable is unset or, as the XDG specification has it, relative),
    beside pip's and pre-commit's caches. Jinja checks each template's source checksum but not
    its own release nor the environment's options, so both name the folder."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    shape = repr((jinja2.__version__, sorted(_OPTIONS.items()), "autoescape", "StrictUndefined"))
    fingerprint = hashlib.sha256(shape.encode()).hexdigest()[:12]
    return Path(base) / "strategy-as-code" / f"templates-{jinja2.__version__}-{fingerprint}"


class _TemplateCache(FileSystemBytecodeCache):
    """Jinja's file cache, except that a cache that cannot be written (a full disk, a read-only
    mount) costs a compilation, never the build."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _private_folder(folder: Path) -> bool:
    """The folder and its parent are directories (not links) of this user that no one else may
    write to: compiled templates are code the build runs, and a cache folder in a shared place
    (XDG_CACHE_HOME=/tmp) must not let another user plant it."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        for path in (folder, folder.parent):
            status = os.lstat(path)
            if not stat.S_ISDIR(status.st_mode) or status.st_mode & 0o022:
                return False
            if hasattr(os, "getuid") and status.st_uid != os.getuid():
                return False
        return os.access(folder, os.W_OK | os.X_OK)
    except OSError:
        return False


def template_cache() -> BytecodeCache | None:
    """Compiled templates kept between builds, as Python keeps compiled modules in __pycache__.
    Compiling our templates is most of the fixed cost of a small strategy's build (about 0.2 s of
    2); loading them from the cache takes milliseconds. Jinja stores each template with its
    source's checksum, so an edited template is compiled again. Off, like Python's own cache,
    when PYTHONDONTWRITEBYTECODE is set; off when the folder is not ours alone; a build never
    fails for want of a cache."""
    if sys.dont_write_bytecode:
        return None
    folder = template_cache_folder()
    if not _private_folder(folder):
        return None
    return _TemplateCache(str(folder))


def indicator_chart(indicator: Indicator, assessment: Assessment, comparison: str | None = None) -> Markup:
    """The macro ``indicator_chart`` of ``_followup.j2``, once per indicator: the indicator's page
    and the print page show the same chart, and drawing it is a quarter of rendering the pages."""
    # The template object is part of the key: Jinja gives a new one when the file changed.
    return _chart(
        environment().get_template("_followup.j2"), indicator, assessment, decimals_of(indicator), comparison,
    )


@lru_cache(maxsize=4096)
def _chart(
    template: Template, indicator: Indicator, assessment: Assessment, decimals: int, comparison: str | None,
) -> Markup:
    """Keyed by the indicator's content, which is all the chart depends on, and by its decimals:
    79 and 79.0 are equal to Python but written "79" and "79,0"."""
    # A template's macros are attributes Jinja makes when it runs the template; no stub knows them.
    return Markup(template.module.indicator_chart(indicator, assessment, comparison))  # type: ignore[attr-defined]


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("strategy_as_code", "templates"),
        bytecode_cache=template_cache(),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        **_OPTIONS,
    )
    env.filters["md"] = markdown_to_html
    env.filters["num"] = swedish_number
    env.filters["date"] = swedish_date
    env.filters["words"] = number_word
    env.filters["fm"] = front_matter_string
    env.filters["address"] = breakable_address
    env.globals["AGENDA_2030"] = AGENDA_2030
    env.globals["KINDS"] = KINDS
    env.globals["SETTINGS_SCHEMA"] = SETTINGS_SCHEMA
    env.globals["schema_fields"] = schema_fields
    # Follow-up: status, chart geometry and source links for templates/_followup.j2.
    env.globals.update(
        assess=assess, status_counts=status_counts, chart_of=chart_of, marker=marker, decimals_of=decimals_of,
        indicator_chart=indicator_chart, has_chart=has_chart, value_in=value_in,
    )
    env.filters["kolada_url"] = kolada_url
    env.filters["series_name_of"] = lambda series, strategy: strategy.series_name(series)
    env.globals["sdg_words"] = sdg_words
    # The print page's and its contents' short lists: section id, entry id, label, items.
    env.globals["PRINT_LISTS"] = lambda strategy: (
        ("perspektiv", "perspektiv", "perspective", strategy.perspectives),
        ("principer", "princip", "principle", strategy.principles),
        ("framgangsfaktorer", "framgangsfaktor", "success_factor", strategy.success_factors),
    )
    env.filters["capitalize_first"] = lambda text: text[:1].upper() + text[1:]
    # Figures per municipality (issue 16): templates/figures/, included by the indicator and partner pages.
    env.globals.update(area_comparison=area_comparison, municipality_figures=municipality_figures)
    return env

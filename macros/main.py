"""mkdocs-macros entry point: every fragment template of the core becomes a macro, so that
``docs/*.md`` can write ``{{ strategy_matrix() }}``. A macro returns only the shield's token for
the fragment's HTML (SiteContent.macro): the HTML goes back in after MkDocs has parsed the page's
Markdown (hooks.py), so no strategy text is ever read as Markdown (render/shield.py).

The build's content is prepared once, by whichever glue asks first (publishing/site_content.py);
an invalid strategy stops the build with the validator's Swedish report, never a traceback.
"""

from __future__ import annotations

from mkdocs.exceptions import Abort

from strategy_as_code import StrategyInvalid
from strategy_as_code.publishing.site_content import site_content
from strategy_as_code.render.fragments import fragment_names


def define_env(env) -> None:
    try:
        content = site_content(env.conf.config_file_path, env.conf.extra)
    except StrategyInvalid as invalid:
        raise Abort("\n" + invalid.report()) from None

    def register(name: str) -> None:
        env.macro(lambda: content.macro(name, env.page.url), name)

    for name in fragment_names():
        register(name)

"""mkdocs-macros entry point: every fragment template of the core becomes a macro, so that
``docs/*.md`` can write ``{{ strategy_matrix() }}``. Fragments are escaped HTML already, and a
macro returns only the shield's token for it: the HTML goes back in after MkDocs has parsed the
page's Markdown (hooks.py), so no strategy text is ever read as Markdown (render/shield.py).

The strategy is loaded (and cached) by the core; ``hooks.py`` beside this file adds the
generated pages. Both stop the build with the validator's Swedish report, never a traceback.
"""

from __future__ import annotations

from mkdocs.exceptions import Abort

from strategy_as_code import StrategyInvalid, load_strategy_cached, site_strategy_folder
from strategy_as_code.publishing.site import overview_fragment
from strategy_as_code.render.fragments import fragment_names


def define_env(env) -> None:
    folder = site_strategy_folder(env.conf.config_file_path, env.conf.extra)
    try:
        strategy = load_strategy_cached(folder)
    except StrategyInvalid as invalid:
        raise Abort("\n" + invalid.report()) from None

    def register(name: str) -> None:
        def macro() -> str:
            # The shield is made by hooks.py's on_config, which runs after this plugin's.
            return env.conf.extra["rus_shield"].hide(overview_fragment(strategy, name, env.page.url))

        env.macro(macro, name)

    for name in fragment_names():
        register(name)

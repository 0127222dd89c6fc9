"""The tree shows the pipeline, and the code keeps to it: the core imports no site engine, each
stage imports only the stages before it (vocabulary <- reading <- changes <- render <- figures
<- publishing <- cli), no renderer runs git, and a module longer than about 350 lines says why."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "src" / "strategy_as_code"
STAGES = ("reading", "changes", "render", "figures", "publishing", "cli")
"""In order; the shared vocabulary (the modules at the top of the package) comes first."""
MODULES = sorted(path for path in CORE.rglob("*.py") if "__pycache__" not in path.parts)


def _stage(module: str) -> int:
    parts = module.split(".")
    return STAGES.index(parts[1]) + 1 if len(parts) > 1 and parts[1] in STAGES else 0


def _module(path: Path) -> str:
    return ".".join(("strategy_as_code", *path.relative_to(CORE).with_suffix("").parts)).removesuffix(".__init__")


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
            found += [f"{node.module}.{alias.name}" for alias in node.names]
    return found


def test_the_tree_has_the_stages():
    assert [path.name for path in sorted(CORE.iterdir()) if path.is_dir() and path.name in STAGES] == sorted(STAGES)


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(CORE)))
def test_the_core_imports_no_site_engine(path):
    engines = [name for name in _imports(path) if name.split(".")[0] in {"mkdocs", "properdocs", "material", "zensical"}]
    assert engines == []


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(CORE)))
def test_each_stage_imports_only_the_stages_before_it(path):
    module = _module(path)
    if module in {"strategy_as_code", "strategy_as_code.__main__"}:
        return  # the public face re-exports the loader and starts the command line
    later = [
        name for name in _imports(path)
        if name.startswith("strategy_as_code.") and _stage(name) > _stage(module)
    ]
    assert later == [], f"{module} imports from a later stage"


@pytest.mark.parametrize("path", sorted(p for p in MODULES if p.parent.name in {"render", "changes"}),
                         ids=lambda path: str(path.relative_to(CORE)))
def test_renderers_and_the_comparison_run_no_git(path):
    names = _imports(path)
    assert not any(name == "subprocess" or name.startswith(("strategy_as_code.reading.git",
                   "strategy_as_code.reading.revisions")) for name in names)
    assert not any(name.endswith((".adopted_versions", ".repository_of")) for name in names)


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(CORE)))
def test_a_long_module_says_why(path):
    text = path.read_text(encoding="utf-8")
    if text.count("\n") <= 350:
        return
    docstring = ast.get_docstring(ast.parse(text)) or ""
    assert "on purpose" in docstring, f"{path.name} has {text.count(chr(10))} lines and its note does not say why"

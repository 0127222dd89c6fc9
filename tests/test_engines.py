"""The site engine can be swapped: ProperDocs, the maintained continuation of MkDocs 1.x, builds
the project unchanged into the same site (mike still runs ``mkdocs``, so both stay installed)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from support import copy_project

_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site(site: Path, tmp_path: Path):
    project = copy_project(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    built = project / "site"
    ours = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(built) for p in built.rglob("*") if p.is_file())
    assert ours == theirs and len(ours) > 100
    differing = [
        path for path in ours
        # Only the generator's name may differ: "mkdocs-1.6.1" or "mkdocs-ProperDocs 1.6.7".
        if _GENERATOR.sub(b"", (site / path).read_bytes()) != _GENERATOR.sub(b"", (built / path).read_bytes())
    ]
    assert differing == []

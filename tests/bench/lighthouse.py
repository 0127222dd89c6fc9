"""Lighthouse on a phone (`make lighthouse`): the built example site served with gzip on
localhost, Lighthouse's mobile preset (simulated throttling) on the start page, a goal, an
indicator and the strategies page, each several times; the median of each figure goes into the
Lighthouse section of BENCHMARKS.md, with the command that produced it. Never a test: figures
from a shared machine vary, and a timing is not a behaviour.

Lighthouse (npm, pinned below) is installed into .bench/lighthouse/ on first use, and drives
Debian's Chromium (CHROME_PATH).
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from support import CHROMIUM, REPO, build, copy_project

LIGHTHOUSE = "lighthouse@12.2.3"
PAGES = {"Startsida": "", "Ett mål": "mal/goda-livsvillkor/", "En indikator": "indikatorer/ohalsotal/",
         "Strategier": "strategier/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT",
           "cumulative-layout-shift": "CLS", "speed-index": "SI"}
START, END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"
"""The section's bounds in BENCHMARKS.md; `make bench` keeps what lies between them."""
COMMAND = "make lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".mjs"}


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static host as a real one serves: text compressed with gzip when the browser accepts it."""

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def _serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: _GzipHandler(*a, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _lighthouse_bin(folder: Path) -> Path:
    binary = folder / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund", "--silent", LIGHTHOUSE],
                       check=True)
    return binary


def _run(binary: Path, url: str, out: Path) -> dict:
    subprocess.run(
        [str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
         f"--chrome-flags={CHROME_FLAGS}"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    figures = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    figures.update({short: report["audits"][audit]["numericValue"] for audit, short in METRICS.items()})
    figures["failed"] = sorted(
        f"{name}: {audit}" for name in CATEGORIES[1:] for ref in report["categories"][name]["auditRefs"]
        if ref["weight"] and (audit := ref["id"]) and report["audits"][audit]["score"] not in (None, 1)
    )
    return figures


def measure(runs: int) -> tuple[dict[str, list[dict]], float]:
    work = REPO / ".bench" / "lighthouse"
    binary = _lighthouse_bin(work)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "project").mkdir()
        project = copy_project(Path(tmp) / "project")
        result = build(project)
        if result.returncode != 0:
            sys.exit(result.stderr)
        server, base = _serve(project / "site")
        try:
            load = os.getloadavg()[0]
            results = {name: [_run(binary, base + path, Path(tmp) / f"{i}.json") for i in range(runs)]
                       for name, path in PAGES.items()}
        finally:
            server.shutdown()
    return results, load


def _ms(value: float) -> str:
    return f"{value / 1000:.1f} s" if value >= 1000 else f"{value:.0f} ms"


def section(results: dict[str, list[dict]], runs: int, load: float) -> str:
    lines = [
        START,
        "## Lighthouse on a phone",
        "",
        f"Written by `{COMMAND}` (`tests/bench/lighthouse.py`) on {datetime.date.today().isoformat()}: {LIGHTHOUSE}, "
        "mobile preset (a mid-range phone on slow 4G, simulated throttling), Debian's Chromium, the example site built "
        f"with `mkdocs build` and served with gzip on localhost; median of {runs} run(s) per page; load average "
        f"{load:.2f} on {os.cpu_count()} cores at the start. Targets (issue 14): performance at least 95, accessibility, "
        "best practices and SEO 100. Each run: `CHROME_PATH=/usr/bin/chromium lighthouse URL --output=json "
        f"\"--chrome-flags={CHROME_FLAGS}\"`.",
        "",
        "| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | Speed Index |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    failed: set[str] = set()
    for name, runs_of_page in results.items():
        def median(key: str, figures=runs_of_page) -> float:
            return statistics.median(f[key] for f in figures)

        scores = " | ".join(f"{median(c):.0f}" for c in CATEGORIES)
        lines.append(f"| {name} (`/{PAGES[name]}`) | {scores} | {_ms(median('FCP'))} | {_ms(median('LCP'))} | "
                     f"{_ms(median('TBT'))} | {median('CLS'):.3f} | {_ms(median('SI'))} |")
        failed.update(audit for figures in runs_of_page for audit in figures["failed"])
    lines += ["", "Audits below full marks in accessibility, best practices or SEO: "
              + (", ".join(sorted(failed)) if failed else "none") + ".", END]
    return "\n".join(lines)


def write(output: Path, text: str) -> None:
    """Put the section into ``output``: in place of the earlier one, or at the end."""
    current = output.read_text(encoding="utf-8") if output.exists() else "# Benchmarks\n"
    if START in current and END in current:
        current = current[:current.index(START)] + text + current[current.index(END) + len(END):]
    else:
        current = current.rstrip("\n") + "\n\n" + text + "\n"
    output.write_text(current, encoding="utf-8")


def kept_section(output: Path) -> str:
    """The Lighthouse section of ``output`` as it stands, for `make bench` to carry over."""
    text = output.read_text(encoding="utf-8") if output.exists() else ""
    return text[text.index(START):text.index(END) + len(END)] if START in text and END in text else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--output", type=Path, default=REPO / "BENCHMARKS.md")
    args = parser.parse_args()
    results, load = measure(args.runs)
    text = section(results, args.runs, load)
    write(args.output, text)
    print(text)


if __name__ == "__main__":
    main()

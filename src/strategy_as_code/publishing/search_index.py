"""The site's search index, made from the finished HTML of any site engine: Pagefind's chunked
index (Swedish stemming, loaded piece by piece in the browser) and the site's own vocabulary for
the search's "Menade du …?" suggestions, both written into the site folder they describe, so
that every published version searches its own text.

Flow: index_site(site) -> copy the pages into a scratch folder, each en dash between two words
or numbers made a tilde (Pagefind indexes "2020/00412" whole and as its parts, at any ASCII
punctuation, but takes "2021–2030" as one word; the search shows the tilde as an en dash again)
-> Pagefind's binary indexes the copy into ``site/pagefind/`` -> the words of the text it
indexed (its fragments, one per page) go to ``site/pagefind/vocabulary/``, a file per first letter.

The pages say what is indexed (``data-pagefind-body``, ``data-pagefind-ignore``, set by the
theme's templates); nothing here knows MkDocs. MkDocs runs it from macros/search.py; after any
other engine's build, ``python -m strategy_as_code.publishing.search_index SITE`` does the same.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

BUNDLE = "pagefind"
"""The folder of the site that holds the index, Pagefind's scripts and our vocabulary."""

VOCABULARY = "vocabulary"
"""The vocabulary's folder inside the bundle: one file per first letter without diacritics (a, å
and ä together, as Pagefind matches them), named by its code point in hexadecimal (``6b.json``
for k, ``61.json`` for a, å and ä), so that a query fetches only the words that begin as its own
do (docs/javascripts/search.js)."""

EXCLUDED = ("del", ".rus-links__summary")
"""What Pagefind leaves out, as CSS selectors (an element name or one class): wording a change
removed (the changes page strikes it through) belongs to the earlier version, which searches it
in its own folder; the summary beside a link to another entity repeats that entity's own page,
which is where a search should lead (the summaries were a fifth of the text)."""

UNUSED = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "pagefind-worker.js",
)
"""Not published: Pagefind's ready-made interfaces, which our own search UI replaces, and its web
worker (our search runs Pagefind on the page's own thread; without the worker file Pagefind would
fall back to that anyway)."""

JOINER = "~"
"""Stands for an en dash between two words in the indexed text: ASCII punctuation, which
Pagefind splits words at, and next to never written between two words in Swedish prose, so that
docs/javascripts/search.js can show it as the en dash it was."""

INDEX_CHUNK_SIZE = 4_000
"""Word locations per chunk of the index. Pagefind's default, 20,000, made chunks of up to 94 KB
at 100× the example; at 4,000 the largest is 79 KB and a first query fetches a fifth less (make
bench). Set through PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, which Pagefind 1.5 reads: check it when
Pagefind is upgraded."""

VOCABULARY_LIMIT = 40_000
"""At most this many words, the most frequent first: suggestions come from words the site uses
often, and the file stays small however large the strategy grows."""

EN_DASH = "\u2013"
FRAGMENT_SIGNATURE = b"pagefind_dcd"
_WORD = re.compile(r"[^\W\d_]{3,40}")
_ADDRESS = re.compile(r"\S*(?:://|www\.|@)\S*")
"""Web and e-mail addresses, whose pieces ("https", "lansstyrelsen") are no words to suggest."""


class SearchIndexFailed(Exception):
    """Pagefind could not index the site; the message says why, in Swedish, for the build log."""


@dataclass(frozen=True)
class SearchIndex:
    pages: int
    """Pages whose text is in the index."""
    words: int
    """Distinct words in the vocabulary."""


def index_site(site: Path) -> SearchIndex:
    """Index the built site in ``site`` (replacing an earlier index) and write its vocabulary."""
    site = Path(site).resolve()
    bundle = site / BUNDLE
    if bundle.exists():
        shutil.rmtree(bundle)
    with tempfile.TemporaryDirectory(prefix="rus-search-") as scratch:
        copy = Path(scratch) / "site"
        for page in sorted(site.rglob("*.html")):
            target = copy / page.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(for_indexing(page.read_text(encoding="utf-8")), encoding="utf-8")
        _run_pagefind(copy, bundle, cwd=Path(scratch))
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    texts = [page["content"] for page in indexed_pages(bundle)]
    words = vocabulary(texts)
    write_vocabulary(bundle / VOCABULARY, words)
    return SearchIndex(pages=len(texts), words=len(words))


def for_indexing(html: str) -> str:
    """The page as Pagefind should read it: an en dash between two letters or digits becomes
    ``JOINER`` in the text (not inside a tag: an id must stay as it is), so that "2030" finds
    "2021–2030" and "2021–2030" still finds it whole, as with "2020/00412"."""
    parts, done = [], 0
    at = html.find(EN_DASH)
    while at >= 0:
        if (at and html[at - 1].isalnum() and html[at + 1 : at + 2].isalnum()
                and html.rfind("<", 0, at) < html.rfind(">", 0, at)):
            parts += [html[done:at], JOINER]
            done = at + 1
        at = html.find(EN_DASH, at + 1)
    return "".join(parts) + html[done:] if parts else html


def indexed_pages(bundle: Path) -> list[dict]:
    """Each indexed page as Pagefind stored it (``url``, ``content``, ``meta`` …), read from the
    bundle's fragments: pages it left out, the navigation, ignored and excluded elements are not
    in them. A fragment is ``pagefind_dcd`` and the page's JSON, gzip-compressed (Pagefind 1.5)."""
    pages = []
    for fragment in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        if not data.startswith(FRAGMENT_SIGNATURE):
            raise SearchIndexFailed(f"Sökindexet kunde inte läsas: {fragment.name} har ett okänt format. "
                                    "Har Pagefind bytt version utan att search_index.py har följt med?")
        pages.append(json.loads(data[len(FRAGMENT_SIGNATURE):]))
    return pages


def vocabulary(texts: Iterable[str], limit: int = VOCABULARY_LIMIT) -> list[str]:
    """The words of the texts in lower case, most frequent first (ties alphabetically, so that the
    same site gives the same file): letters only, at least three of them, none from an address."""
    counts = Counter(word for text in texts for word in _WORD.findall(_ADDRESS.sub(" ", text.lower())))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [word for word, _ in ranked[:limit]]


def vocabulary_file(word: str) -> str:
    """The file of the vocabulary that holds ``word``."""
    return f"{ord(unicodedata.normalize('NFD', word)[0]):x}.json"


def write_vocabulary(folder: Path, words: list[str]) -> None:
    """``words`` (most frequent first) into one file per first letter, each in the same order."""
    by_file: dict[str, list[str]] = {}
    for word in words:
        by_file.setdefault(vocabulary_file(word), []).append(word)
    folder.mkdir(parents=True, exist_ok=True)
    for name, group in sorted(by_file.items()):
        (folder / name).write_text(json.dumps({"words": group}, ensure_ascii=False, separators=(",", ":")),
                                   encoding="utf-8")


def _run_pagefind(source: Path, bundle: Path, cwd: Path) -> None:
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]  # the wheel ships no types
        executable = get_executable()
    except (ImportError, FileNotFoundError):
        raise SearchIndexFailed(
            "Sökindexet kunde inte byggas: programmet Pagefind saknas. "
            "Installera paketen i requirements.txt (make build gör det själv)."
        ) from None
    # Pagefind also reads settings from PAGEFIND_* variables and a pagefind.yml in its working
    # folder; neither may change what is published.
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PAGEFIND_")}
    environment["PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"] = str(INDEX_CHUNK_SIZE)
    command = [
        str(executable), "--site", str(source), "--output-path", str(bundle),
        "--exclude-selectors", ", ".join(EXCLUDED), "--quiet",
    ]
    done = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SearchIndexFailed(f"Sökindexet kunde inte byggas: Pagefind avslutades med felkod {done.returncode}.\n"
                                f"{done.stdout}{done.stderr}".strip())


def main(argv: list[str] | None = None) -> int:
    """``python -m strategy_as_code.publishing.search_index SITE``: index a site another engine has built."""
    import sys

    arguments = sys.argv[1:] if argv is None else argv
    if len(arguments) != 1 or not Path(arguments[0]).is_dir():
        print("Ange mappen med den byggda webbplatsen, till exempel: "
              "python -m strategy_as_code.publishing.search_index site", file=sys.stderr)
        return 2
    try:
        result = index_site(Path(arguments[0]))
    except SearchIndexFailed as failed:
        print(failed, file=sys.stderr)
        return 1
    print(f"Sökindexet har {result.pages} sidor och {result.words} ord i ordlistan.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

// The site's search (overrides/partials/search.html): a small Swedish, accessible interface on
// Pagefind's JavaScript API. Nothing of the index is fetched until the search field gets focus;
// then Pagefind loads its code and the index's metadata, and each query fetches only the index
// chunks and the results' fragments it needs. The index and the vocabulary for "Menade du …?"
// are made from the built pages (src/strategy_as_code/publishing/search_index.py).
//
// Strategy text is inserted as text, never as HTML; of Pagefind's excerpts only the <mark>
// highlights become elements. No single-key shortcut opens the search (WCAG 2.1.4): Material's
// s, f and / belonged to its own search, which is off.
(() => {
  "use strict";

  const root = document.querySelector("[data-rus-search]");
  if (!root) return;

  const PAGE_SIZE = 10;
  // Titles and a generated page's description (a decision's diarienummer) weigh more than body
  // text, so that an entity's own page comes before the pages that mention it.
  const RANKING = { pageLength: 0.5, metaWeights: { title: 5, description: 3 } };
  // search_index.py writes an en dash between two words as this, so that Pagefind splits there.
  const JOINED = /([\p{L}\p{N}])~(?=[\p{L}\p{N}])/gu;
  const WORD = /^\p{L}{3,}$/u;

  const toggle = root.querySelector(".rus-search__toggle");
  const form = root.querySelector(".rus-search__form");
  const input = root.querySelector(".rus-search__input");
  const output = root.querySelector(".rus-search__output");
  const status = root.querySelector(".rus-search__status");
  const list = root.querySelector(".rus-search__results");
  const more = root.querySelector(".rus-search__more");

  const bundle = new URL(root.dataset.bundle, document.baseURI);
  const siteRoot = new URL(root.dataset.root, document.baseURI);
  const sections = Object.entries(JSON.parse(root.dataset.sections || "{}"));

  let pagefind = null; // the initialised API (a promise), from the first focus on
  let generation = 0; // the newest query: an older one stops when it sees this change
  let current = null; // { results, shown } of the query on screen

  root.hidden = false;
  output.hidden = true;

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind.js", bundle).href).then(async (api) => {
        // On the page's own thread: the worker would be another 12 KB to fetch, and a query
        // against a chunk of the index takes milliseconds.
        await api.options({ baseUrl: siteRoot.pathname, excerptLength: 24, ranking: RANKING, noWorker: true });
        await api.init();
        return api;
      });
      pagefind.catch(() => {
        pagefind = null; // try again on the next query
      });
    }
    return pagefind;
  }

  // Without diacritics: Pagefind finds "länsstyrelsen" for "lanstyrelsen" too, so the
  // suggestions compare words as it does.
  function plain(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "");
  }

  // The site's words that begin with the letter `first` (without diacritics: a, å and ä share a
  // file), most frequent first, each with its plain form: one small file per letter
  // (publishing/search_index.py), fetched once and only when a query begins a word so.
  const vocabularies = new Map();
  function loadVocabulary(first) {
    if (!vocabularies.has(first)) {
      const name = `${first.codePointAt(0).toString(16)}.json`;
      vocabularies.set(
        first,
        fetch(new URL(`vocabulary/${name}`, bundle))
          .then((response) => (response.ok ? response.json() : { words: [] }))
          .then((data) => (Array.isArray(data.words) ? data.words : []))
          .catch(() => [])
          .then((words) => words.map((word) => [word, plain(word)])),
      );
    }
    return vocabularies.get(first);
  }

  // --- "Menade du …?" ----------------------------------------------------------------------

  // Edits from a to b (insert, delete, replace, or swap two neighbours), or limit + 1 once more
  // are needed.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let before = null;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let smallest = i;
      for (let j = 1; j <= b.length; j++) {
        let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        row.push(d);
        smallest = Math.min(smallest, d);
      }
      if (smallest > limit) return limit + 1;
      before = previous;
      previous = row;
    }
    return previous[b.length];
  }

  // The site's word closest to a word it does not use, or null. A word that begins a word of the
  // site is known (Pagefind matches the start of words). With results on screen, a site word
  // that the typed word merely extends ("kommunernas" → "kommunerna") is an inflection that the
  // stemming found, not a typo.
  function closest(word, words, found) {
    const limit = word.length <= 4 ? 1 : 2;
    let best = null;
    let bestDistance = limit + 1;
    for (const [candidate, candidatePlain] of words) {
      if (candidatePlain.startsWith(word)) return null;
      // Ask only for better than the best so far: most candidates fail on their length alone.
      const d = distance(word, candidatePlain, bestDistance - 1);
      if (d < bestDistance) {
        best = [candidate, candidatePlain];
        bestDistance = d;
      }
    }
    if (!best || (found && word.startsWith(best[1]))) return null;
    return best[0];
  }

  async function suggestion(query, found) {
    let changed = false;
    const parts = query.split(/(\s+)/);
    const fixed = await Promise.all(
      parts.map(async (part) => {
        const word = plain(part.toLocaleLowerCase("sv"));
        if (!WORD.test(word)) return part;
        const better = closest(word, await loadVocabulary(word[0]), found);
        if (!better) return part;
        changed = true;
        // As the word was typed: "Sjötsad" → "Sjöstad".
        const capital = part[0] !== part[0].toLocaleLowerCase("sv");
        return capital ? better[0].toLocaleUpperCase("sv") + better.slice(1) : better;
      }),
    );
    return changed ? fixed.join("") : null;
  }

  // --- Results -------------------------------------------------------------------------------

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function unjoin(text) {
    return text.replace(JOINED, "$1–");
  }

  // Pagefind's excerpt is escaped text with <mark> around the matches: parsed inert (a template
  // runs no script and loads nothing), then rebuilt from text nodes and bare <mark> elements.
  function excerpt(html) {
    const template = document.createElement("template");
    template.innerHTML = html;
    const fragment = document.createDocumentFragment();
    for (const node of template.content.childNodes) {
      const text = unjoin(node.textContent);
      fragment.append(node.nodeName === "MARK" ? element("mark", "", text) : document.createTextNode(text));
    }
    return fragment;
  }

  function sameSite(url) {
    try {
      const target = new URL(url, location.href);
      return target.origin === location.origin ? target.href : null;
    } catch {
      return null;
    }
  }

  // The navigation section a page belongs to ("Uppföljning"), from the start of its address.
  function sectionOf(url) {
    const path = new URL(url, location.href).pathname;
    if (!path.startsWith(siteRoot.pathname)) return "";
    const page = path.slice(siteRoot.pathname.length);
    let best = ["", ""];
    for (const [prefix, title] of sections) {
      if (page.startsWith(prefix) && page !== prefix && prefix.length > best[0].length) best = [prefix, title];
    }
    return best[1];
  }

  function resultItem(data) {
    const href = sameSite(data.url);
    const item = element("li", "rus-search__result");
    if (!href) return item;
    const title = unjoin((data.meta && data.meta.title) || data.url);
    const link = element("a", "rus-search__link", title);
    link.href = href;
    item.append(link);
    const section = sectionOf(href);
    if (section && section !== title) item.append(element("span", "rus-search__section", section));
    if (data.excerpt) {
      const text = element("p", "rus-search__excerpt");
      text.append(excerpt(data.excerpt));
      item.append(text);
    }
    return item;
  }

  function count(n) {
    return `${n.toLocaleString("sv-SE")} ${n === 1 ? "träff" : "träffar"}`;
  }

  function setStatus(summary, better) {
    status.replaceChildren(summary);
    if (better) {
      const button = element("button", "rus-search__suggestion", better);
      button.type = "button";
      button.addEventListener("click", () => {
        input.value = better;
        input.focus();
        run(better, { now: true });
      });
      const offer = element("span", "rus-search__offer");
      offer.append(" Menade du ", button, "?");
      status.append(offer);
    }
  }

  async function showMore(mine) {
    const next = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    const data = await Promise.all(next.map((result) => result.data()));
    if (mine !== generation) return [];
    const items = data.map(resultItem);
    list.append(...items);
    current.shown += next.length;
    list.hidden = current.shown === 0;
    more.hidden = current.shown >= current.results.length;
    return items;
  }

  async function run(text, { now = false } = {}) {
    const mine = ++generation;
    const query = text.trim();
    if (!query) {
      current = null;
      close();
      return;
    }
    open();
    let api;
    try {
      api = await loadPagefind();
    } catch {
      if (mine === generation) setStatus("Sökningen kunde inte laddas. Försök igen om en stund.");
      return;
    }
    if (mine !== generation) return;
    const search = now ? await api.search(query) : await api.debouncedSearch(query, {}, 200);
    if (search === null || mine !== generation) return;
    const found = search.results.length;
    let better = await suggestion(query, found > 0);
    if (better && (await api.search(better)).results.length === 0) better = null;
    if (mine !== generation) return;
    current = { results: search.results, shown: 0 };
    list.replaceChildren();
    await showMore(mine);
    if (mine !== generation) return;
    setStatus(found ? `${count(found)} för ”${query}”.` : `Inga träffar för ”${query}”.`, better);
  }

  // --- Opening, closing, keyboard ----------------------------------------------------------------

  function open() {
    output.hidden = false;
    root.classList.add("rus-search--open");
  }

  function close() {
    output.hidden = true;
    root.classList.remove("rus-search--open");
    if (!current) {
      status.replaceChildren();
      list.replaceChildren();
      list.hidden = true;
      more.hidden = true;
    }
  }

  function expand() {
    toggle.setAttribute("aria-expanded", "true");
    root.classList.add("rus-search--expanded");
    input.focus();
  }

  function collapse() {
    close();
    toggle.setAttribute("aria-expanded", "false");
    root.classList.remove("rus-search--expanded");
  }

  function collapsible() {
    return getComputedStyle(toggle).display !== "none";
  }

  // The field, each result's link and "Visa fler träffar", in order, for the arrow keys.
  function stops() {
    if (output.hidden) return [input];
    return [input, ...list.querySelectorAll("a"), ...(more.hidden ? [] : [more])];
  }

  function onKey(event) {
    if (event.key === "Escape") {
      if (!output.hidden) {
        event.preventDefault();
        close();
        input.focus();
      } else if (collapsible() && root.classList.contains("rus-search--expanded")) {
        event.preventDefault();
        collapse();
        toggle.focus();
      }
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const order = stops();
    const at = order.indexOf(document.activeElement);
    const next = at + (event.key === "ArrowDown" ? 1 : -1);
    if (at < 0 || next < 0 || next >= order.length) return;
    event.preventDefault();
    order[next].focus();
  }

  input.addEventListener("focus", (event) => {
    loadPagefind().catch(() => {});
    // Coming back from elsewhere shows the results again (not from Escape in the results).
    if (current && input.value.trim() && !root.contains(event.relatedTarget)) open();
  });
  input.addEventListener("input", () => run(input.value));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(input.value, { now: true });
  });
  more.addEventListener("click", async () => {
    const items = await showMore(generation);
    if (items.length) items[0].querySelector("a").focus();
  });
  toggle.addEventListener("click", () => {
    if (toggle.getAttribute("aria-expanded") === "true") collapse();
    else expand();
  });
  root.addEventListener("keydown", onKey);
  // Focus moved on by keyboard, or a click elsewhere, closes the results (not the field).
  root.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) close();
  });
  document.addEventListener("click", (event) => {
    // The path as it was when the click began: a click on a suggestion replaces the suggestion
    // before the click reaches the document.
    if (!event.composedPath().includes(root)) close();
  });
})();

/* The header's search field on the served site, over Pagefind's index.
 *
 * Pagefind (pagefind/, written by the build) loads only the index chunks a
 * query needs, from each part of the index. Results are shown in Material's
 * search markup, each linked to the paragraph (#pN) where the words occur.
 * Pagefind matches word prefixes but forgives no misspelling: each query
 * word that no result matches is compared with the names the site knows
 * (search/names.json: the gazetteer's and the outlet registry's names of
 * what the briefs mention), and the closest within a small edit distance is
 * searched instead, saying so.
 *
 * Does nothing where the page has no Pagefind field (the file:// bundle,
 * which keeps Material's own search).
 */
(() => {
  "use strict";
  const form = document.forms.namedItem("pagefind");
  if (!form) return;
  const input = form.elements.namedItem("query");
  const meta = document.querySelector("[data-briefing-search='meta']");
  const list = document.querySelector("[data-briefing-search='results']");
  const toggle = document.getElementById("__search");
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base.replace(/\/?$/, "/"), location.href);
  const SHOWN = 10;
  // Paragraphs linked under one result when several of its page match.
  const PARAGRAPHS = 6;
  // Results loaded at most to find the first SHOWN that are matches (see relevant()).
  const LOOKED_AT = 5 * SHOWN;
  // Milliseconds without a keystroke before a query runs; longer while its last
  // word is under SHORT letters, since a prefix that short ("a", "ah") matches
  // most of an archive: a reader typing a name at a steady pace is then never
  // kept waiting behind a search for its first letters.
  const PAUSE = 80;
  const SHORT = 3;
  const SHORT_PAUSE = 350;
  const PLACEHOLDER = meta.textContent;
  const UNAVAILABLE =
    "Search is not available: its index could not be loaded. Try again, or reload the page.";
  const INCOMPLETE = " (part of the index could not be loaded: some results may be missing)";
  const RETRY = 5000; // milliseconds before a query tries a part that failed to load again
  const PATIENCE = 15000; // milliseconds a query may take before the search counts as failed

  /* The index comes in parts (pagefind/parts.json lists all but the first,
   * which holds the engine): the parts are merged, sharing its WebAssembly.
   * A part that cannot be loaded is left out, the results say that some may
   * be missing, and a query some seconds later tries every part again; an
   * engine that cannot be loaded is tried again on the next query (under
   * `mkdocs serve` the index may be being replaced at that moment). */
  let engine = null;
  let teardown = null; // the last engine's, when a new one must wait for it
  let incomplete = false;
  let loadedAt = 0;
  let imports = 0; // failed imports of Pagefind's script: some browsers keep the failure
  function pagefind() {
    if (incomplete && performance.now() - loadedAt > RETRY) reset();
    engine ??= load();
    return engine;
  }

  async function load() {
    await teardown;
    const listed = fetch(new URL("pagefind/parts.json", base)).then((response) => {
      if (!response.ok) throw new Error(`pagefind/parts.json: ${response.status}`);
      return response.json();
    });
    listed.catch(() => {}); // read, and reported, below
    const script = new URL("pagefind/pagefind.js", base);
    if (imports) script.search = `?attempt=${imports}`;
    let module;
    try {
      module = await import(script.href);
    } catch (error) {
      imports += 1;
      throw error;
    }
    try {
      await merged(module, listed);
      loadedAt = performance.now();
      return module;
    } catch (error) {
      await module.destroy(); // the next query starts from nothing
      throw error;
    }
  }

  /* Pagefind with every part of the index that loads merged into it. */
  async function merged(module, listed) {
    let parts = [];
    try {
      parts = (await listed).map((part) => new URL(`pagefind/${part}`, base).pathname);
    } catch (error) {
      console.warn("Search: the list of the index's parts could not be read:", error);
      incomplete = true;
    }
    if (await mergedWith(module, parts)) return;
    // Pagefind keeps a part that failed and fails every search with it: find
    // which, one at a time, and start again without them.
    incomplete = true;
    const loaded = [];
    for (const path of parts) {
      if (await mergedWith(module, [...loaded, path])) loaded.push(path);
      else console.warn("Search: a part of the index could not be loaded:", path);
    }
    if (!(await mergedWith(module, loaded))) throw new Error("the index's parts keep failing");
  }

  /* A fresh engine with `parts` merged: whether all of them loaded. Throws if
   * the engine itself cannot start. */
  async function mergedWith(module, parts) {
    const options = { baseUrl: base.pathname, excerptLength: 24 };
    await module.destroy();
    await module.options(options);
    await module.init();
    // Fails if the engine cannot start; a part merged meanwhile would wait for it forever.
    await module.filters();
    const settled = await Promise.allSettled(parts.map((path) => module.mergeIndex(path, options)));
    if (settled.some((merge) => merge.status === "rejected")) return false;
    try {
      await module.filters(); // a part whose metadata failed fails here, and every search
      return true;
    } catch {
      return false;
    }
  }

  /* After a failure, the next query loads the engine afresh. */
  function reset() {
    const loading = engine;
    engine = null;
    incomplete = false;
    teardown = loading?.then(
      (module) => module.destroy(),
      () => {}, // destroyed as it failed
    );
  }

  let names = null;
  function knownNames() {
    names ??= fetch(new URL("search/names.json", base))
      .then((response) => (response.ok ? response.json() : []))
      .catch(() => []);
    return names;
  }

  /* Straight and typographic apostrophes and quotes are one character to a reader. */
  function normalise(query) {
    return query.replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[\u201c\u201d]/g, '"').trim();
  }

  /* Optimal string alignment distance, giving up once it exceeds `limit`. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let before = null;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let best = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, before[j - 2] + 1);
        }
        row.push(value);
        best = Math.min(best, value);
      }
      if (best > limit) return limit + 1;
      before = previous;
      previous = row;
    }
    return previous[b.length];
  }

  /* The query with each word it did not find replaced by the closest known name, or null. */
  function suggestion(query, words, found) {
    let changed = false;
    const corrected = query.replace(/[\p{L}\p{N}]+/gu, (word) => {
      const plain = word.toLowerCase();
      if (plain.length < 4 || found(plain)) return word;
      const limit = plain.length < 8 ? 1 : 2;
      let best = null;
      let bestDistance = limit + 1;
      for (const name of words) {
        const d = distance(plain, name.toLowerCase(), limit);
        if (d < bestDistance) [best, bestDistance] = [name, d];
      }
      if (best === null) return word;
      changed = true;
      return best;
    });
    return changed ? corrected : null;
  }

  /* The numbered paragraph (its anchor, "p3") holding the word at `location`, or "".
   * A footnote's mark inside a paragraph does not end it; a heading does. */
  function paragraphAt(data, location) {
    const ends = (data.anchors || []).filter((a) => !a.id.startsWith("fnref"));
    const before = ends.filter((a) => a.location <= location);
    const anchor = before.length ? before[before.length - 1].id : "";
    return /^p\d+$/.test(anchor) ? anchor : "";
  }

  /* The page's link, pointing at the numbered paragraph of the first match. */
  function target(data) {
    const anchor = paragraphAt(data, data.locations[0]);
    return anchor ? `${data.url}#${anchor}` : data.url;
  }

  /* Every numbered paragraph the page's matches fall in, in the page's order. */
  function paragraphs(data) {
    const found = data.locations.map((l) => paragraphAt(data, l)).filter(Boolean);
    return [...new Set(found)].sort((a, b) => a.slice(1) - b.slice(1));
  }

  /* An excerpt's text and <mark>s as nodes; any other markup is kept as text only. */
  function marked(html) {
    const parsed = new DOMParser().parseFromString(html, "text/html").body;
    return [...parsed.childNodes].map((node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  }

  function item(data) {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = target(data);
    link.tabIndex = -1;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h1");
    title.textContent = data.meta.title || data.url;
    const excerpt = document.createElement("p");
    excerpt.append(...marked(data.excerpt));
    article.append(title, excerpt);
    link.append(article);
    li.append(link);
    // Several paragraphs of one brief match: each one linked, under its one result.
    const found = paragraphs(data);
    if (found.length > 1) {
      const more = document.createElement("p");
      more.className = "brief-search-paras";
      more.append("Matches in ");
      found.slice(0, PARAGRAPHS).forEach((anchor, i) => {
        const a = document.createElement("a");
        a.href = `${data.url}#${anchor}`;
        a.textContent = `¶ ${anchor.slice(1)}`;
        more.append(...(i ? [", ", a] : [a]));
      });
      const left = found.length - PARAGRAPHS;
      if (left > 0) more.append(` and ${left} more`);
      li.append(more);
    }
    return li;
  }

  function count(n) {
    const key = n === 0 ? "none" : n === 1 ? "one" : "other";
    return config.translations[`search.result.${key}`].replace("#", n);
  }

  async function run() {
    const query = normalise(input.value);
    if (!query) {
      meta.textContent = PLACEHOLDER;
      list.replaceChildren();
      return;
    }
    let answer;
    let timer = 0;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${PATIENCE} ms`)), PATIENCE);
    });
    try {
      answer = await Promise.race([search(query), late]);
    } catch (error) {
      // The engine or a result's fragment could not be loaded, or never came.
      console.error("Search:", error);
      reset();
      answer = { text: UNAVAILABLE, shown: [], failed: true };
    } finally {
      clearTimeout(timer);
    }
    if (normalise(input.value) !== query) return; // the next query is on its way
    meta.textContent = answer.text;
    list.replaceChildren(...answer.shown.map(item));
    form.toggleAttribute("data-failed", Boolean(answer.failed));
    form.dataset.query = query;
  }

  /* The count line and the first results' data for `query`. */
  /* The words a result's excerpt marks, in lower case. */
  function marks(data) {
    return [...data.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1].toLowerCase());
  }

  /* The first SHOWN results that match a word of `long` (words of four letters or
   * more), and how many results were left out as noise. Pagefind answers a word
   * that one part of the index lacks with whatever in that part shares its first
   * letter ("pipeline" finds the outlets under P): such a result marks none of
   * the words, and is not shown or counted. */
  async function relevant(results, long) {
    const kept = [];
    let noise = 0;
    // At most LOOKED_AT results are loaded to tell: a rare word of a large archive
    // would otherwise load the fragments of every page sharing its first letter.
    const last = Math.min(results.length, LOOKED_AT);
    for (let start = 0; kept.length < SHOWN && start < last; start += SHOWN) {
      const next = results.slice(start, Math.min(start + SHOWN, last));
      const batch = await Promise.all(next.map((r) => r.data()));
      for (const data of batch) {
        const words = marks(data);
        const real = !long.length || long.some((w) => words.some((m) => m.startsWith(w)));
        if (real && kept.length < SHOWN) kept.push(data);
        else if (!real) noise += 1;
      }
    }
    return { shown: kept, count: results.length - noise };
  }

  async function search(query) {
    const module = await pagefind();
    const long = query.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) || [];
    let found = await module.search(query);
    let { shown, count: total } = await relevant(found.results, long);
    // A word counts as found when a match begins with it ("Ahmadinejhad" finds "A").
    const words = shown.flatMap(marks);
    const matched = (w) => words.some((m) => m.startsWith(w));
    const instead = long.some((w) => !matched(w))
      ? suggestion(query, await knownNames(), matched)
      : null;
    let note = "";
    if (instead) {
      const better = await module.search(instead);
      const words = instead.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) || [];
      const kept = await relevant(better.results, words);
      if (kept.shown.length) {
        found = better;
        ({ shown, count: total } = kept);
        note = ` for “${instead}” (nothing matches “${query}”)`;
      }
    }
    if (!note && long.some((w) => !matched(w))) {
      // A word that only shares its first letters with the index: what it "found" is
      // noise. Say that nothing matches instead of listing it.
      return { text: `${count(0)}: nothing matches “${query}”`, shown: [] };
    }
    const text = count(total) + note + (incomplete ? INCOMPLETE : "");
    return { text, shown };
  }

  /* One query at a time: a query asked for while one runs waits for it, and
   * only the field's latest value is then searched, not each one between. */
  let running = false;
  let asked = false;
  async function request() {
    asked = true;
    if (running) return;
    running = true;
    try {
      while (asked) {
        asked = false;
        await run();
      }
    } finally {
      running = false;
    }
  }

  /* Typing "pipeline" is eight queries: only the ones the reader pauses on run. */
  let pending = 0;
  input.addEventListener("input", () => {
    clearTimeout(pending);
    const words = input.value.match(/[\p{L}\p{N}]+/gu) || [""];
    const short = words[words.length - 1].length < SHORT;
    pending = setTimeout(request, short ? SHORT_PAUSE : PAUSE);
  });
  input.addEventListener("focus", () => {
    toggle.checked = true;
    pagefind().catch(reset); // loaded ahead of the query; if that fails, the query tries again
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", () => setTimeout(request));
  toggle.addEventListener("change", () => {
    if (toggle.checked) input.focus();
  });
  document.addEventListener("keydown", (event) => {
    const typing = event.target instanceof HTMLInputElement || event.target.isContentEditable;
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    } else if (!typing && (event.key === "/" || event.key === "s") && !toggle.checked) {
      event.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  });
})();

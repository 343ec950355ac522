// The search dialog's behaviour, loaded the first time a reader opens search. Pagefind's module
// and index load from `${base}pagefind/` at the same moment. Results are built with DOM APIs and
// textContent only: titles, queries and excerpts from the index never go through innerHTML.
import type { ExcerptSegment } from '../lib/search/excerpt.ts';
import { toFilterOptions, toSearchFilters, type FilterOption } from '../lib/search/filters.ts';
import { getPagefindModuleUrl, getPagefindOptions } from '../lib/search/options.ts';
import type { PagefindModule, PagefindResult } from '../lib/search/pagefind-api.ts';
import { searchWithFallback } from '../lib/search/fallback.ts';
import { toSearchTerms } from '../lib/search/query.ts';
import { describeResults, toResultView, type ResultView } from '../lib/search/results.ts';
import { isMapPage, isModifiedClick, toNodeSearch } from '../lib/search/map-select.ts';

const BASE = import.meta.env.BASE_URL;
/** Results rendered per batch; "Show more results" renders the next batch. */
const PAGE_SIZE = 8;
/** Typing pause before searching, so the live region is not read on every keystroke. */
const DEBOUNCE_MS = 150;

let pagefind: Promise<PagefindModule> | undefined;

/** Load Pagefind's browser module once, configured for this site's base path. */
function loadPagefind(): Promise<PagefindModule> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ getPagefindModuleUrl(BASE))) as PagefindModule;
    await module.options(getPagefindOptions(BASE));
    await module.init();
    return module;
  })().catch((error: unknown) => {
    pagefind = undefined; // let the next search try again
    throw error;
  });
  return pagefind;
}

/** Append excerpt segments to `parent` as text nodes and <mark> elements. */
function appendExcerpt(parent: HTMLElement, segments: readonly ExcerptSegment[]): void {
  for (const { text, marked } of segments) {
    if (marked) {
      const mark = document.createElement('mark');
      mark.textContent = text;
      parent.append(mark);
    } else {
      parent.append(document.createTextNode(text));
    }
  }
}

/** Create an element with a class and optional text. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Render one result: title link, kind and part, excerpt and its best sections. */
function renderResult(view: ResultView, onMap: boolean): HTMLLIElement {
  const item = el('li', 'result');
  if (view.parts[0]?.id) item.dataset.part = view.parts[0].id;

  const link = el('a', 'result-link');
  link.href = view.url;
  link.append(el('span', 'result-title', view.title));
  if (onMap && view.nodeId) {
    link.dataset.node = view.nodeId;
    link.append(el('span', 'result-hint', 'Show on map'));
  }
  item.append(link);

  const meta = el('p', 'result-meta');
  if (view.kindLabel) meta.append(el('span', 'result-kind', view.kindLabel));
  for (const part of view.parts) {
    const span = el('span', 'result-part');
    span.dataset.part = part.id;
    span.append(el('span', 'part-chip', part.id), document.createTextNode(` ${part.title}`));
    meta.append(span);
  }
  if (meta.childNodes.length) item.append(meta);

  if (view.sections.length) {
    const list = el('ul', 'result-sections');
    for (const section of view.sections) {
      const li = el('li', 'section');
      const a = el('a', 'section-link', section.title);
      a.href = section.url;
      const excerpt = el('p', 'section-excerpt');
      appendExcerpt(excerpt, section.excerpt);
      li.append(a, excerpt);
      list.append(li);
    }
    item.append(list);
  } else if (view.excerpt.length) {
    const excerpt = el('p', 'result-excerpt');
    appendExcerpt(excerpt, view.excerpt);
    item.append(excerpt);
  }
  return item;
}

/** Fill a <select> with "any" plus the options Pagefind reports, keeping the current choice. */
function fillSelect(select: HTMLSelectElement, options: readonly FilterOption[]): void {
  const current = select.value;
  const any = select.options[0]!;
  select.replaceChildren(any);
  for (const option of options) select.append(new Option(option.label, option.value));
  select.value = options.some((o) => o.value === current) ? current : '';
}

/** Wire the dialog rendered by SearchButton.astro. Safe to call once per page. */
export async function initSearchDialog(dialog: HTMLDialogElement): Promise<void> {
  const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
  const partSelect = dialog.querySelector<HTMLSelectElement>('select[name="part"]')!;
  const kindSelect = dialog.querySelector<HTMLSelectElement>('select[name="kind"]')!;
  const status = dialog.querySelector<HTMLElement>('[role="status"]')!;
  const list = dialog.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = dialog.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const onMap = isMapPage(location.pathname, BASE);

  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: PagefindResult[] = [];

  /**
   * Render the next batch of results; stops if a newer search started meanwhile. With `replace`,
   * the previous results stay on screen until the first new one is ready, so the list never flashes empty.
   */
  const showMore = async (token: number, replace = false) => {
    const batch = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    // Fetch the batch at once but render in rank order as each arrives: the first result shows
    // without waiting for the eighth.
    const loads = batch.map((r) => r.data());
    if (replace && !loads.length) list.replaceChildren();
    for (const [i, load] of loads.entries()) {
      const view = toResultView(await load);
      if (token !== run) return;
      if (replace && i === 0) list.replaceChildren();
      list.append(renderResult(view, onMap));
    }
    more.hidden = pending.length === 0;
  };

  const search = async () => {
    const token = ++run;
    const query = input.value.trim();
    const filters = toSearchFilters({ part: partSelect.value, kind: kindSelect.value });
    const filtered = Object.keys(filters).length > 0;
    if (!query && !filtered) {
      pending = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = 'Type to search chapters, configs, benchmarks and lens mappings.';
      return;
    }
    try {
      const pf = await loadPagefind();
      // A question rarely has every word on the right page: pages matching most words follow the full matches.
      const { results } = query
        ? await searchWithFallback(
            toSearchTerms(query),
            async (term) => (await pf.search(term, { filters })).results,
          )
        : await pf.search(null, { filters });
      if (token !== run) return;
      pending = results;
      await showMore(token, true);
      if (token === run) status.textContent = describeResults(results.length, query, filtered);
    } catch (error) {
      if (token !== run) return;
      console.error(error);
      list.replaceChildren();
      more.hidden = true;
      status.textContent = `Search is unavailable: its index did not load from ${getPagefindModuleUrl(BASE)}. The index is written by astro build, not by the dev server.`;
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), DEBOUNCE_MS); // search() reports its own failures
    // Fetch the index chunks for what is typed now, while the debounce waits (a failure
    // shows when search() runs).
    const query = input.value.trim();
    if (query)
      void loadPagefind()
        .then((pf) => pf.preload(toSearchTerms(query)))
        .catch(() => {});
  });
  // Enter searches at once instead of submitting the form.
  dialog.querySelector('form[role="search"]')?.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void search();
  });
  partSelect.addEventListener('change', () => void search());
  kindSelect.addEventListener('change', () => void search());
  more.addEventListener('click', () => {
    const next = list.children.length;
    void showMore(run).then(() =>
      list.querySelectorAll<HTMLAnchorElement>(':scope > li > a')[next]?.focus(),
    );
  });

  // A click on the backdrop (the dialog box itself, outside its panel) closes it.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });

  list.addEventListener('click', (e) => {
    const link = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a') : null;
    if (!link || isModifiedClick(e)) return;
    // Close first: a section of the current page would otherwise scroll into view under the modal,
    // and Back would return to a page with search still open.
    dialog.close();
    // On the map page a component result selects its node instead of leaving the page.
    if (link.dataset.node) {
      e.preventDefault();
      history.pushState({}, '', toNodeSearch(link.dataset.node));
      dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    }
  });

  // Arrow keys move between the input and the result links.
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const active = document.activeElement;
    if (active instanceof HTMLSelectElement) return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    if (!links.length) return;
    const at = active instanceof HTMLAnchorElement ? links.indexOf(active) : -1;
    if (at === -1 && active !== input) return;
    e.preventDefault();
    const next = e.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)]!.focus();
  });

  status.textContent = 'Loading search…';
  // The filter options and the first search load side by side; whatever the reader typed while
  // this module loaded is searched now.
  const options = loadPagefind()
    .then((pf) => pf.filters())
    .then((counts) => {
      const { parts, kinds } = toFilterOptions(counts);
      fillSelect(partSelect, parts);
      fillSelect(kindSelect, kinds);
    })
    .catch(() => {
      // search() reports the failure in the live region.
    });
  await Promise.all([options, search()]);
}

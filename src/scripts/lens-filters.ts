// Progressive enhancement for the Well-Architected matrix: shows the lens and pillar filters,
// hides what does not match, and keeps the choice in the URL so a filtered view can be shared.
// Without JavaScript the page shows everything and the filters stay hidden.
import { describeOpenGroup, formatLensFilter, matchesLensFilter, parseLensFilter, type LensFilter } from '../lib/lens/filter.ts';

/**
 * Apply `filter` to every element tagged with data-lens / data-pillar under `root` (a lens's
 * section, a pillar's table, a totals row, an open list); returns how many matrix rows
 * (data-bp) are left showing.
 */
function applyFilter(root: ParentNode, filter: LensFilter): number {
  for (const el of root.querySelectorAll<HTMLElement>('[data-lens], [data-pillar]')) {
    if (el.closest('[data-lens-filters]')) continue;
    const hide = !matchesLensFilter(filter, { lens: el.dataset['lens'], pillar: el.dataset['pillar'] });
    if (el.hidden !== hide) el.hidden = hide;
  }
  // A group (a lens in the open lists) with nothing left to show disappears with its heading;
  // one that stays counts what the filter leaves in it.
  for (const group of root.querySelectorAll<HTMLElement>('[data-filter-group]')) {
    const lensOk = matchesLensFilter(filter, { lens: group.dataset['lens'] });
    const shown = [...group.querySelectorAll<HTMLElement>('[data-pillar]')].filter((el) => !el.hidden);
    const hide = !lensOk || shown.length === 0;
    if (group.hidden !== hide) group.hidden = hide;
    const summary = group.querySelector('[data-open-summary]');
    if (summary && !group.hidden) {
      const count = (selector: string) => shown.reduce((n, el) => n + el.querySelectorAll(selector).length, 0);
      const text = describeOpenGroup(count('li'), count('[data-required]'));
      if (summary.textContent !== text) summary.textContent = text;
    }
  }
  return [...root.querySelectorAll('[data-bp]')].filter((row) => !row.closest('[hidden]')).length;
}

/** Describe the current view for the live status line. */
function describe(controls: { lens: HTMLSelectElement; pillar: HTMLSelectElement }, filter: LensFilter, count: number): string {
  const text = (name: 'lens' | 'pillar') => controls[name].selectedOptions[0]?.textContent ?? '';
  const scope = [filter.lens === 'all' ? 'all lenses' : text('lens'), filter.pillar === 'all' ? 'all pillars' : `the ${text('pillar')} pillar`];
  return `Showing ${count} best practice${count === 1 ? '' : 's'}: ${scope.join(', ')}.`;
}

/** Wire up the filter form on the matrix page, if there is one. */
export function enhanceLensFilters(doc: Document = document): void {
  const form = doc.querySelector<HTMLElement>('[data-lens-filters]');
  const lens = form?.querySelector<HTMLSelectElement>('select[name="lens"]');
  const pillar = form?.querySelector<HTMLSelectElement>('select[name="pillar"]');
  if (!form || !lens || !pillar) return;
  const status = form.querySelector<HTMLElement>('[data-filter-status]');

  const update = (push: boolean) => {
    const filter = parseLensFilter(`?lens=${lens.value}&pillar=${pillar.value}`);
    const count = applyFilter(doc, filter);
    if (status) status.textContent = describe({ lens, pillar }, filter, count);
    if (push) history.replaceState(history.state, '', `${location.pathname}${formatLensFilter(filter)}${location.hash}`);
  };

  const initial = parseLensFilter(location.search);
  lens.value = initial.lens;
  pillar.value = initial.pillar;
  form.hidden = false;
  form.addEventListener('change', () => update(true));
  update(false);
}

/**
 * Open the folded lists around the element the URL's fragment names and bring it into view, on
 * load and when the fragment changes. Chrome opens a closed <details> on fragment navigation
 * itself; other browsers leave the target hidden.
 */
export function revealFragmentTarget(doc: Document = document): void {
  const reveal = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id ? doc.getElementById(id) : null;
    let folded = target?.closest<HTMLDetailsElement>('details:not([open])');
    if (!target || !folded) return;
    for (; folded; folded = folded.parentElement?.closest<HTMLDetailsElement>('details:not([open])')) folded.open = true;
    target.scrollIntoView();
  };
  reveal();
  addEventListener('hashchange', reveal);
}

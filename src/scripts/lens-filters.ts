// Progressive enhancement for the Well-Architected matrix: shows the lens and pillar filters,
// hides what does not match, and keeps the choice in the URL so a filtered view can be shared.
// Without JavaScript the page shows everything and the filters stay hidden.
import { formatLensFilter, matchesLensFilter, parseLensFilter, type LensFilter } from '../lib/lens/filter.ts';

/** Apply `filter` to every element tagged with data-lens / data-pillar under `root`; returns the visible best-practice count. */
function applyFilter(root: ParentNode, filter: LensFilter): number {
  let visible = 0;
  for (const el of root.querySelectorAll<HTMLElement>('[data-lens], [data-pillar]')) {
    if (el.closest('[data-lens-filters]')) continue;
    const show = matchesLensFilter(filter, { lens: el.dataset['lens'], pillar: el.dataset['pillar'] });
    el.hidden = !show;
    if (show && el.dataset['bp'] !== undefined) visible++;
  }
  // A group (a lens in the open lists) with nothing left to show disappears with its heading.
  for (const group of root.querySelectorAll<HTMLElement>('[data-filter-group]')) {
    const lensOk = matchesLensFilter(filter, { lens: group.dataset['lens'] });
    group.hidden = !lensOk || [...group.querySelectorAll<HTMLElement>('[data-pillar]')].every((el) => el.hidden);
  }
  return visible;
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

// Progressive enhancement for a lens page: shows the pillar filter, hides what does not match and
// keeps the choice in the URL so a filtered view can be shared; opens folded lists that a link
// points into. Without JavaScript the page shows everything and the filter stays hidden.
import {
  countBestPractices,
  describeOpenGroup,
  formatPillarFilter,
  matchesPillarFilter,
  parsePillarFilter,
  type PillarFilter,
} from '../lib/lens/filter.ts';

/**
 * Apply `filter` to every element tagged with data-pillar under `root` (a pillar's table, a
 * pillar in the open lists); returns how many matrix rows (data-bp) are left showing.
 */
function applyFilter(root: ParentNode, filter: PillarFilter): number {
  for (const el of root.querySelectorAll<HTMLElement>('[data-pillar]')) {
    const hide = !matchesPillarFilter(filter, el.dataset['pillar']);
    if (el.hidden !== hide) el.hidden = hide;
  }
  // An open list with nothing left to show disappears; one that stays counts what is left in it.
  for (const group of root.querySelectorAll<HTMLElement>('[data-filter-group]')) {
    const shown = [...group.querySelectorAll<HTMLElement>('[data-pillar]')].filter(
      (el) => !el.hidden,
    );
    const hide = shown.length === 0;
    if (group.hidden !== hide) group.hidden = hide;
    const summary = group.querySelector('[data-open-summary]');
    if (summary && !hide) {
      const count = (selector: string) =>
        shown.reduce((n, el) => n + el.querySelectorAll(selector).length, 0);
      const text = describeOpenGroup(count('li'), count('[data-required]'));
      if (summary.textContent !== text) summary.textContent = text;
    }
  }
  return [...root.querySelectorAll('[data-bp]')].filter((row) => !row.closest('[hidden]')).length;
}

/** Wire up the pillar filter on a lens page, if there is one. */
export function enhancePillarFilter(doc: Document = document): void {
  const form = doc.querySelector<HTMLElement>('[data-lens-filters]');
  const pillar = form?.querySelector<HTMLSelectElement>('select[name="pillar"]');
  if (!form || !pillar) return;
  const status = form.querySelector<HTMLElement>('[data-filter-status]');

  const update = (push: boolean) => {
    const filter = parsePillarFilter(`?pillar=${pillar.value}`);
    const count = applyFilter(doc, filter);
    const scope =
      filter === 'all'
        ? 'all pillars'
        : `the ${pillar.selectedOptions[0]?.textContent ?? ''} pillar`;
    if (status) status.textContent = `Showing ${countBestPractices(count)}: ${scope}.`;
    if (push)
      history.replaceState(
        history.state,
        '',
        `${location.pathname}${formatPillarFilter(filter)}${location.hash}`,
      );
  };

  pillar.value = parsePillarFilter(location.search);
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
    for (
      ;
      folded;
      folded = folded.parentElement?.closest<HTMLDetailsElement>('details:not([open])')
    )
      folded.open = true;
    target.scrollIntoView();
  };
  reveal();
  addEventListener('hashchange', reveal);
}

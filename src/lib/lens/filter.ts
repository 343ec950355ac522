// Runs in the browser: imports ids from ids.ts, never schema.ts, so zod stays out of the bundle.
import { LENS_IDS, PILLAR_IDS, type LensId, type PillarId } from './ids.ts';

/** The matrix page's filter: one lens and one pillar, or all of them. */
export interface LensFilter {
  lens: LensId | 'all';
  pillar: PillarId | 'all';
}

/** No filter: every lens and pillar. */
export const NO_FILTER: LensFilter = { lens: 'all', pillar: 'all' };

const isLens = (value: string | null): value is LensId => LENS_IDS.includes(value as LensId);
const isPillar = (value: string | null): value is PillarId => PILLAR_IDS.includes(value as PillarId);

/** Read the filter from a URL query ("?lens=analytics&pillar=security"); unknown values mean all. */
export function parseLensFilter(search: string): LensFilter {
  const params = new URLSearchParams(search);
  const lens = params.get('lens');
  const pillar = params.get('pillar');
  return { lens: isLens(lens) ? lens : 'all', pillar: isPillar(pillar) ? pillar : 'all' };
}

/** Write the filter as a URL query, leaving out "all"; empty string when nothing is filtered. */
export function formatLensFilter(filter: LensFilter): string {
  const params = new URLSearchParams();
  if (filter.lens !== 'all') params.set('lens', filter.lens);
  if (filter.pillar !== 'all') params.set('pillar', filter.pillar);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** True when an element tagged with a lens and/or pillar passes the filter; untagged means any. */
export function matchesLensFilter(filter: LensFilter, tags: { lens?: string | undefined; pillar?: string | undefined }): boolean {
  const lensOk = filter.lens === 'all' || tags.lens === undefined || tags.lens === filter.lens;
  const pillarOk = filter.pillar === 'all' || tags.pillar === undefined || tags.pillar === filter.pillar;
  return lensOk && pillarOk;
}

/** The summary line of a lens's open list: "77 best practices, 12 required by AWS". */
export function describeOpenGroup(count: number, required: number): string {
  const practices = `${count} best practice${count === 1 ? '' : 's'}`;
  return required > 0 ? `${practices}, ${required} required by AWS` : practices;
}

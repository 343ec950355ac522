import { isPartId, type PartId } from './part-ids.ts';

/** Everything a map view can be shared by: it lives in the URL's query string. */
export interface MapState {
  /** Selected component id; its panel is open. */
  node?: string | undefined;
  /** Named flow being followed. */
  flow?: string | undefined;
  /** Step of that flow, 0-based. Default 0. */
  step: number;
  /** Parts shown; empty means every part. */
  parts: PartId[];
  /** Components show the reader's checklist progress ("2 of 13 ready"). Default false. */
  readiness?: boolean | undefined;
}

/** The query parameters a map view is shared by (a page opened with any of them restores that view). */
export const MAP_STATE_PARAMS = ['node', 'flow', 'step', 'parts', 'readiness'] as const;

/** Read map state from a query string, dropping anything unknown instead of failing. */
export function parseMapState(
  search: string,
  known: { nodes: ReadonlySet<string>; flows: ReadonlySet<string> },
): MapState {
  const params = new URLSearchParams(search);
  const node = params.get('node') ?? undefined;
  const flow = params.get('flow') ?? undefined;
  const step = Number.parseInt(params.get('step') ?? '1', 10);
  const parts = (params.get('parts') ?? '')
    .split(',')
    .map((p) => p.trim().toUpperCase())
    .filter(isPartId);
  return {
    node: node && known.nodes.has(node) ? node : undefined,
    flow: flow && known.flows.has(flow) ? flow : undefined,
    // Steps are 1-based in the URL so shared links read naturally (?flow=batch&step=3).
    step: Number.isFinite(step) && step > 0 ? step - 1 : 0,
    parts: [...new Set(parts)].sort(),
    // Any value but "off" turns it on, so a hand-written ?readiness or ?readiness=1 works too.
    readiness: params.has('readiness') && params.get('readiness') !== 'off',
  };
}

/** Write map state as a query string (with leading "?", or "" when the state is empty). */
export function formatMapState(state: MapState): string {
  const params = new URLSearchParams();
  if (state.node) params.set('node', state.node);
  if (state.flow) {
    params.set('flow', state.flow);
    params.set('step', String(state.step + 1));
  }
  if (state.parts.length) params.set('parts', [...state.parts].sort().join(','));
  if (state.readiness) params.set('readiness', 'on');
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

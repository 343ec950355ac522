// Pure parts of the `client:intent` directive (src/scripts/hydrate-on-intent.ts).

/**
 * True when the page must hydrate on load: `search` (location.search) carries one of the query
 * parameters named in the directive's value, e.g. client:intent={['node', 'flow']} for a map
 * opened from a shared link. Any other value means "wait for intent".
 */
export function shouldHydrateAtOnce(search: string, value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  const params = new URLSearchParams(search);
  return value.some((name) => typeof name === 'string' && params.has(name));
}

/** Selector for the element with data-intent-target="key" (quotes and backslashes escaped). */
export function intentTargetSelector(key: string): string {
  return `[data-intent-target="${key.replace(/["\\]/g, '\\$&')}"]`;
}

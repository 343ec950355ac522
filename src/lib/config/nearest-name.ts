import { editDistance } from '../lens/suggest-ids.ts';

/**
 * The valid name closest to `name` by edit distance (ties go to the longer common start, then to
 * list order), for "did you mean" hints. Undefined when there are no candidates.
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: { candidate: string; distance: number; prefix: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    let prefix = 0;
    while (prefix < name.length && name[prefix] === candidate[prefix]) prefix++;
    if (!best || distance < best.distance || (distance === best.distance && prefix > best.prefix))
      best = { candidate, distance, prefix };
  }
  return best?.candidate;
}

/** `; nearest valid: "x"` for messages, or nothing when there is no candidate. */
export function nearestHint(
  name: string,
  candidates: Iterable<string>,
  label = 'nearest valid',
): string {
  const nearest = nearestName(name, candidates);
  return nearest === undefined ? '' : `; ${label}: "${nearest}"`;
}

/**
 * The known name nearest to `name` ignoring case, for "did you mean" hints on schema errors, but
 * only within a third of its length in edits (at least 2): a misspelling is matched, an
 * unrelated key is not.
 */
export function findNearestName(name: string, known: Iterable<string>): string | undefined {
  const byLower = new Map<string, string>();
  for (const candidate of known)
    if (!byLower.has(candidate.toLowerCase())) byLower.set(candidate.toLowerCase(), candidate);
  const lower = name.toLowerCase();
  const nearest = nearestName(lower, byLower.keys());
  if (
    nearest === undefined ||
    editDistance(lower, nearest) > Math.max(2, Math.floor(name.length / 3))
  )
    return undefined;
  return byLower.get(nearest);
}

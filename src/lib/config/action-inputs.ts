import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nearestHint } from './nearest-name.ts';
import { lineOfPath, parseYamlDocuments } from './positions.ts';
import type { ConfigProblem } from './result.ts';

/** Where scripts/refresh-schemas.ts writes one input list per action. */
const ACTION_INPUTS_DIR = 'src/lib/config/upstream/actions';

/** One action's inputs at the release they were read from. */
export interface ActionInputs {
  /** owner/name. */
  action: string;
  /** Tag the inputs were read at, e.g. "v7.0.1". */
  ref: string;
  /** Commit of that tag. */
  commit: string;
  /** Input name → whether the action requires it and whether it has a default. */
  inputs: Record<string, { required: boolean; hasDefault: boolean }>;
}

/** Every action input list under src/lib/config/upstream/actions/, keyed by owner/name. */
export function loadActionInputs(root: string): Map<string, ActionInputs> {
  const dir = join(root, ACTION_INPUTS_DIR);
  const out = new Map<string, ActionInputs>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const data = JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
      action: string;
      inputs: ActionInputs['inputs'];
      'x-provenance': { ref: string; commit: string };
    };
    out.set(data.action, {
      action: data.action,
      ref: data['x-provenance'].ref,
      commit: data['x-provenance'].commit,
      inputs: data.inputs,
    });
  }
  return out;
}

/**
 * True when a `uses:` ref names the release the inputs were read from: its full commit SHA, its
 * exact tag, or the tag's major (v7 for v7.0.1), which GitHub moves along that release line.
 */
export function refMatches(ref: string, known: ActionInputs): boolean {
  if (/^[0-9a-f]{40}$/.test(ref)) return ref === known.commit;
  return ref === known.ref || ref === /^(v?\d+)\./.exec(known.ref)?.[1];
}

/** A problem at a line, when the line is known. */
function at(file: string, line: number | undefined, message: string): ConfigProblem {
  return line === undefined ? { file, message } : { file, line, message };
}

/** Result of checking one workflow's action inputs. */
export interface ActionInputReport {
  problems: ConfigProblem[];
  /** owner/name@ref of steps whose inputs could not be checked (no list, or another release). */
  unchecked: string[];
}

/**
 * Each step's `with:` keys against the inputs its action declares at the pinned release: an
 * unknown key is reported with the nearest input, and a required input without a default that
 * the step does not set is reported too. Local and docker:// actions are not checked.
 */
export function findActionInputProblems(
  file: string,
  text: string,
  known: ReadonlyMap<string, ActionInputs>,
): ActionInputReport {
  const problems: ConfigProblem[] = [];
  const unchecked = new Set<string>();
  const { docs } = parseYamlDocuments(text);
  const located = docs[0];
  const jobs = (located?.value as { jobs?: Record<string, { steps?: unknown[] }> } | undefined)
    ?.jobs;
  if (!located || !jobs || typeof jobs !== 'object') return { problems, unchecked: [] };
  for (const [jobId, job] of Object.entries(jobs)) {
    for (const [index, raw] of (Array.isArray(job?.steps) ? job.steps : []).entries()) {
      const step = raw as { uses?: unknown; with?: Record<string, unknown> };
      if (typeof step?.uses !== 'string') continue;
      const match = /^([^./][^/@]*\/[^/@]+)(?:\/[^@]*)?@(.+)$/.exec(step.uses);
      if (!match) continue;
      const [, action, ref] = match as unknown as [string, string, string];
      const inputs = known.get(action);
      if (!inputs || !refMatches(ref, inputs)) {
        unchecked.add(`${action}@${ref}`);
        continue;
      }
      const given = step.with && typeof step.with === 'object' ? Object.keys(step.with) : [];
      const path = ['jobs', jobId, 'steps', index];
      for (const key of given)
        if (!(key in inputs.inputs))
          problems.push(
            at(
              file,
              lineOfPath(located, [...path, 'with'], key),
              `input "${key}" is not an input of ${action} ${inputs.ref}${nearestHint(key, Object.keys(inputs.inputs), 'nearest input')}`,
            ),
          );
      for (const [name, spec] of Object.entries(inputs.inputs))
        if (spec.required && !spec.hasDefault && !given.includes(name))
          problems.push(
            at(
              file,
              lineOfPath(located, [...path, 'uses']),
              `${action} ${inputs.ref} requires input "${name}", which this step does not set`,
            ),
          );
    }
  }
  return { problems, unchecked: [...unchecked].sort() };
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { RefreshContext, SchemaSource } from '../schema-sources/types.ts';
import { openSnapshot, provenanceOf } from './git-snapshot.ts';

/** Folder of the per-action input lists, relative to the project root. */
export const ACTION_INPUTS_DIR = 'src/lib/config/upstream/actions';

/** One input as an action's metadata file declares it. */
interface ActionInput {
  required?: boolean;
  default?: unknown;
  deprecationMessage?: string;
}

/**
 * A schema source that records one GitHub Action's inputs, read from its action.yml (or
 * action.yaml) at a pinned tag, in src/lib/config/upstream/actions/<owner>+<name>.json with
 * x-provenance. The github-actions validator checks each step's `with:` keys against it.
 */
export function actionInputsSource(meta: Omit<SchemaSource, 'refresh'>): SchemaSource {
  return {
    ...meta,
    async refresh(context: RefreshContext): Promise<string[]> {
      const snapshot = openSnapshot(context.reposDir, meta.repository, meta.ref);
      let path = 'action.yml';
      let text: string;
      try {
        text = snapshot.read(path);
      } catch {
        path = 'action.yaml';
        text = snapshot.read(path);
      }
      const metadata = parse(text) as { inputs?: Record<string, ActionInput | null> };
      const inputs = Object.fromEntries(
        Object.entries(metadata.inputs ?? {}).map(([name, input]) => [
          name,
          {
            required: input?.required === true,
            hasDefault: input?.default !== undefined && input?.default !== null,
            ...(input?.deprecationMessage ? { deprecated: String(input.deprecationMessage) } : {}),
          },
        ]),
      );
      const file = `${ACTION_INPUTS_DIR}/${meta.repository.replace('/', '+')}.json`;
      mkdirSync(join(context.root, ACTION_INPUTS_DIR), { recursive: true });
      const out = {
        'x-provenance': provenanceOf(snapshot, meta.licence, [path]),
        action: meta.repository,
        inputs,
      };
      writeFileSync(join(context.root, file), `${JSON.stringify(out, null, 2)}\n`);
      return [file];
    },
  };
}

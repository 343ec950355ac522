import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DataError, parseOrThrow } from '../errors/format-issues.ts';
import {
  CoverageNotesSchema,
  LENS_IDS,
  LensCatalogueSchema,
  LensIdSchema,
  type CoverageNotes,
  type LensCatalogue,
  type LensCatalogueData,
} from './schema.ts';

/** Path of a lens catalogue, used in every message about it. */
export function lensFile(lens: string): string {
  return `content/lenses/${lens}.yaml`;
}

/** Path of our coverage notes. */
export const COVERAGE_NOTES_FILE = 'content/lenses/coverage-notes.yaml';

/** Parse YAML text or throw a DataError naming the file. */
function readYaml(source: string, file: string): unknown {
  try {
    return parseYaml(source);
  } catch (error) {
    throw new DataError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
}

/** Give a validated catalogue its lens id, checking that the file name is a known lens. */
export function withLensId(
  id: string,
  data: LensCatalogueData,
  file = lensFile(id),
): LensCatalogue {
  const lens = LensIdSchema.safeParse(id);
  if (!lens.success)
    throw new DataError(
      `${file}: "${id}" is not a lens id; name the file after one of ${LENS_IDS.join(', ')}.`,
    );
  return { id: lens.data, ...data };
}

/** Parse and validate a lens catalogue file with the schema the site build uses; its file name is the lens id. */
export function parseLensCatalogue(source: string, file: string): LensCatalogue {
  const data = parseOrThrow(LensCatalogueSchema, readYaml(source, file), file);
  return withLensId(basename(file).replace(/\.ya?ml$/, ''), data, file);
}

/** Parse and validate content/lenses/coverage-notes.yaml. */
export function parseCoverageNotes(source: string, file = COVERAGE_NOTES_FILE): CoverageNotes {
  return parseOrThrow(CoverageNotesSchema, readYaml(source, file) ?? {}, file);
}

/** Put catalogues in the site's lens order and fail when one of the three is missing. */
export function orderLenses(catalogues: ReadonlyArray<LensCatalogue>): LensCatalogue[] {
  const byId = new Map(catalogues.map((c) => [c.id, c]));
  const missing = LENS_IDS.filter((id) => !byId.has(id));
  if (missing.length)
    throw new DataError(
      missing
        .map((id) => `${lensFile(id)}: missing; every lens a chapter may name needs its catalogue.`)
        .join('\n'),
    );
  return LENS_IDS.map((id) => byId.get(id)!);
}

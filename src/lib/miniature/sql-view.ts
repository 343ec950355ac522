// Pick one of the miniature's SQL files for MiniatureSql.astro, which loads them all at build
// time with import.meta.glob; an unknown step name fails the build listing the known ones.
import { DataError } from '../errors/format-issues.ts';

/** A SQL file ready to show: its path in the repository and its text. */
export interface SqlStep {
  path: string;
  code: string;
}

/** Find `step` among glob results keyed by path ("…/content/miniature/sql/<step>.sql"). */
export function pickSqlStep(files: Readonly<Record<string, string>>, step: string): SqlStep {
  const byStep = new Map(
    Object.entries(files).map(([path, code]) => [
      path
        .split('/')
        .at(-1)!
        .replace(/\.sql$/, ''),
      code,
    ]),
  );
  const code = byStep.get(step);
  if (code === undefined) {
    throw new DataError(
      `MiniatureSql: step "${step}" has no file content/miniature/sql/${step}.sql. Known steps: ${[...byStep.keys()].sort().join(', ')}`,
    );
  }
  return { path: `content/miniature/sql/${step}.sql`, code: code.trimEnd() };
}

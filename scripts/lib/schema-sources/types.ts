/** One upstream source of schemas, key trees or name lists, pinned to a tag. */
export interface SchemaSource {
  /** Short name, used by --only (for example "trino-chart"). */
  name: string;
  /** GitHub repository, owner/name. */
  repository: string;
  /** The pinned tag (or commit) the output is derived from. */
  ref: string;
  /** SPDX licence of the upstream files the output is derived from. */
  licence: string;
  /** Derive the output files from the snapshot; returns the paths written, relative to the root. */
  refresh(context: RefreshContext): Promise<string[]>;
}

export interface RefreshContext {
  /** Folder of bare git snapshots named owner+name. */
  reposDir: string;
  /** Project root. */
  root: string;
}

/**
 * Provenance every generated file carries (as `x-provenance` in JSON output): where it came from,
 * at which tag and commit, under what licence, and when it was derived.
 */
export interface Provenance {
  repository: string;
  ref: string;
  commit: string;
  licence: string;
  paths: string[];
  retrieved: string;
  generator: 'scripts/refresh-schemas.ts';
}

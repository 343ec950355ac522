import type { CheckResult } from '../result.ts';
import type { ConfigFile } from '../schema.ts';

/** A config file handed to a validator. */
export interface ConfigInput {
  /** Project root (absolute). */
  root: string;
  /** Repository-relative path, used in every message. */
  file: string;
  /** Absolute path, for tools that read the file themselves. */
  absPath: string;
  /** Repository-relative folder of the component, e.g. "content/configs/orchestration". */
  folderDir: string;
  /** The file's text. */
  text: string;
  /** Its manifest entry. */
  entry: ConfigFile;
}

/** Checks a batch of files of one validator kind; one result per file, in input order. */
export type Validator = (inputs: ReadonlyArray<ConfigInput>) => Promise<CheckResult[]>;

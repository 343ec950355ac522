// Where the run's OpenLineage events go: checked against the schema, kept in memory for the
// summary and appended to a JSON-lines file, one event per line.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunEvent } from './lineage.ts';
import { assertValidEvent } from './validate-event.ts';

/** Collects the events of one invocation. */
export interface LineageLog {
  readonly events: RunEvent[];
  emit(event: RunEvent): void;
}

/** A log that appends to `file` (JSON lines), or keeps events in memory only when file is null. */
export function createLineageLog(file: string | null): LineageLog {
  const events: RunEvent[] = [];
  if (file) mkdirSync(dirname(file), { recursive: true });
  return {
    events,
    emit(event) {
      assertValidEvent(event);
      events.push(event);
      if (file) appendFileSync(file, `${JSON.stringify(event)}\n`);
    },
  };
}

// What must not outlive the process when it is interrupted: a PostgreSQL server started for
// the run (pg_ctl detaches it, so it would keep running) and its temporary folder, and the
// lake's unfinished files. Owners register a synchronous cleanup while they hold something;
// the CLI runs them all on SIGTERM or SIGINT before it exits.

/** A synchronous cleanup; it may return a line saying what it cleaned up. */
type Cleanup = () => string | void;

const cleanups = new Set<Cleanup>();

/** Register a cleanup to run if the process is interrupted; returns a function to drop it. */
export function registerCleanup(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/**
 * Run every registered cleanup, newest first; one that fails does not stop the others. Returns
 * the failures; what the cleanups report doing goes to `onNote`.
 */
export function runCleanups(onNote: (note: string) => void = () => {}): string[] {
  const problems: string[] = [];
  for (const cleanup of [...cleanups].reverse()) {
    try {
      const note = cleanup();
      if (note) onNote(note);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  cleanups.clear();
  return problems;
}

/** Exit status of a process ended by a signal, as shells report it (128 + its number). */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

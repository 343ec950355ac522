import { formatProgress } from '../../lib/readiness/progress.ts';
import { routes, withBase } from '../../lib/site/routes.ts';

const KINDS = [
  ['batch', 'Batch data flow'],
  ['stream', 'Streaming flow'],
  ['promote', 'Zone promotion'],
  ['query', 'Queries and reads'],
  ['ml', 'ML flows'],
] as const;

interface Props {
  base: string;
  /** Whether the readiness view is on, and how to turn it on or off. */
  readinessOn: boolean;
  onToggleReadiness: () => void;
  /** While the map shows readiness: each component's counts, or 'blocked' where storage cannot be read. */
  readiness?: Record<string, { ready: number; total: number }> | 'blocked' | undefined;
}

/** The readiness view's key: where the counts come from, the total, and the readiness page. */
function ReadinessNote({
  base,
  readiness,
}: {
  base: string;
  readiness: NonNullable<Props['readiness']>;
}) {
  if (readiness === 'blocked')
    return (
      <>Readiness cannot be shown: this browser blocks the storage where your ticks are kept.</>
    );
  const counts = Object.values(readiness);
  const ready = counts.reduce((n, c) => n + c.ready, 0);
  const total = counts.reduce((n, c) => n + c.total, 0);
  return (
    <>
      Readiness: the items you ticked on each chapter's checklist, kept in this browser.{' '}
      <a href={withBase(base, routes.readiness())}>
        All {counts.length} components: {formatProgress(ready, total)}
      </a>
    </>
  );
}

/** What each edge style means. Also rendered on the server, so it reads without JavaScript. */
export function Legend({ base, readiness, readinessOn, onToggleReadiness }: Props) {
  return (
    <div className="map-legend">
      <h2 className="visually-hidden">Legend</h2>
      <ul>
        {KINDS.map(([kind, label]) => (
          <li key={kind}>
            <svg width="34" height="10" aria-hidden="true" className={`legend-line flow-${kind}`}>
              <line x1="1" y1="5" x2="33" y2="5" />
            </svg>
            {label}
          </li>
        ))}
        <li>
          <span className="legend-cross" aria-hidden="true" />
          Cross-cutting component
        </li>
      </ul>
      {/* Under the map, not in the toolbar: the first component stays a few Tab presses in, and on a
          phone the map does not move further down. The note is always there, so a screen reader
          hears it when the view turns on. */}
      <div className="map-readiness">
        <button
          type="button"
          className="readiness-toggle"
          aria-pressed={readinessOn}
          onClick={onToggleReadiness}
        >
          Readiness
        </button>
        <p className="map-readiness-note" role="status">
          {readiness && <ReadinessNote base={base} readiness={readiness} />}
        </p>
      </div>
    </div>
  );
}

const KINDS = [
  ['batch', 'Batch data flow'],
  ['stream', 'Streaming flow'],
  ['promote', 'Zone promotion'],
  ['query', 'Queries and reads'],
  ['ml', 'ML flows'],
] as const;

/** What each edge style means. Also rendered on the server, so it reads without JavaScript. */
export function Legend() {
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
    </div>
  );
}

import type { Part, PartId } from '../../lib/graph/schema.ts';
import { useRovingRow } from './roving-row.ts';

interface Props {
  parts: Part[];
  shown: PartId[];
  onChange: (parts: PartId[]) => void;
}

/** Toggle buttons, one per named part, that narrow the map to some parts; none pressed shows every part. */
export function PartFilter({ parts, shown, onChange }: Props) {
  const toggle = (id: PartId) =>
    onChange(shown.includes(id) ? shown.filter((p) => p !== id) : [...shown, id].sort());
  const row = useRovingRow(parts.length + (shown.length > 0 ? 1 : 0));
  return (
    <div
      className="part-filter"
      role="group"
      aria-label="Filter by part"
      onKeyDown={row.onKeyDown}
      onFocus={row.onFocus}
    >
      <span className="toolbar-label">Parts:</span>
      {parts.map((p, i) => (
        <button
          key={p.id}
          type="button"
          data-part={p.id}
          aria-pressed={shown.includes(p.id)}
          tabIndex={row.tabIndexOf(i)}
          onClick={() => toggle(p.id)}
        >
          <span className="part-chip">{p.id}</span> {p.title}
        </button>
      ))}
      {shown.length > 0 && (
        <button type="button" tabIndex={row.tabIndexOf(parts.length)} onClick={() => onChange([])}>
          Show all
        </button>
      )}
    </div>
  );
}

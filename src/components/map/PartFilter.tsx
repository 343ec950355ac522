import type { Part, PartId } from '../../lib/graph/schema.ts';

interface Props {
  parts: Part[];
  shown: PartId[];
  onChange: (parts: PartId[]) => void;
}

/** Toggle buttons that narrow the map to some parts; none pressed shows every part. */
export function PartFilter({ parts, shown, onChange }: Props) {
  const toggle = (id: PartId) => onChange(shown.includes(id) ? shown.filter((p) => p !== id) : [...shown, id].sort());
  return (
    <div className="part-filter" role="group" aria-label="Filter by part">
      <span className="toolbar-label">Parts:</span>
      {parts.map((p) => (
        <button key={p.id} type="button" data-part={p.id} aria-pressed={shown.includes(p.id)} onClick={() => toggle(p.id)} title={p.title} aria-label={`${p.id} ${p.title}`}>
          {p.id}
        </button>
      ))}
      {shown.length > 0 && (
        <button type="button" onClick={() => onChange([])}>
          Show all
        </button>
      )}
    </div>
  );
}

import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { PartMapNode } from '../../lib/graph/to-flow.ts';

/** The labelled region of a platform part (A–H); a cross-cutting part says so on a second line. */
function PartGroupView({ data }: NodeProps<PartMapNode>) {
  return (
    <div
      className="map-part"
      data-part={data.part}
      data-cross-cutting={data.crossCutting || undefined}
      inert={data.filtered || undefined}
    >
      <span className="map-part-label">
        <span className="map-part-title">
          <span className="part-chip">{data.part}</span> {data.title}
        </span>
        {data.crossCutting && <span className="map-part-note">cross-cutting</span>}
      </span>
    </div>
  );
}

export const PartGroup = memo(PartGroupView);

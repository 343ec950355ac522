import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ZoneMapNode } from '../../lib/graph/to-flow.ts';
import { FlowHandles } from './FlowHandles.tsx';

/** A storage zone inside its component; clicking it opens the component's panel. */
function ZoneNodeView({ data }: NodeProps<ZoneMapNode>) {
  return (
    <div className="map-zone" title={data.ariaLabel} inert={data.filtered || undefined}>
      <FlowHandles />
      {data.flowStep !== undefined && (
        <span className="map-step-badge" aria-hidden="true">
          {data.flowStep}
        </span>
      )}
      <span>{data.label}</span>
    </div>
  );
}

export const ZoneNode = memo(ZoneNodeView);

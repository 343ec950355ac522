import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ComponentMapNode } from '../../lib/graph/to-flow.ts';
import { withBase } from '../../lib/site/site-config.ts';
import { FlowHandles } from './FlowHandles.tsx';
import { useMap } from './map-context.ts';

/**
 * A component on the map. Server-rendered as a link to its chapter (the map works without
 * JavaScript); once hydrated it is a button that opens the summary panel.
 */
function ComponentNodeView({ data }: NodeProps<ComponentMapNode>) {
  const { base, hydrated, select, moveFocus } = useMap();
  const content = (
    <>
      <span className="map-node-num" aria-hidden="true">{data.number}</span>
      <span className="map-node-label">{data.label}</span>
    </>
  );
  const onKeyDown = (e: KeyboardEvent) => {
    if (moveFocus(data.id, e.key)) e.preventDefault();
  };
  const onClick = (e: MouseEvent) => {
    e.stopPropagation();
    select(data.id);
  };
  return (
    <div className="map-node" data-part={data.part} data-cross-cutting={data.crossCutting || undefined} data-zones={data.hasZones || undefined}>
      <FlowHandles />
      {hydrated ? (
        <button type="button" className="map-node-target nodrag" data-node-button={data.id} aria-label={data.ariaLabel} onClick={onClick} onKeyDown={onKeyDown}>
          {content}
        </button>
      ) : (
        <a className="map-node-target" href={withBase(base, data.href)} aria-label={data.ariaLabel.replace('Opens summary.', 'Opens chapter.')}>
          {content}
        </a>
      )}
      {data.technologies.length > 0 && (
        <p className="map-node-tech" aria-hidden="true">
          {data.technologies.slice(0, 3).join(' · ')}
        </p>
      )}
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);

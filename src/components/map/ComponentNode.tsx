import { memo, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import type { NodeProps } from '@xyflow/react';
import { nodeName, type ComponentMapNode } from '../../lib/graph/to-flow.ts';
import { withBase } from '../../lib/site/routes.ts';
import { formatProgress } from '../../lib/readiness/progress.ts';
import { FlowHandles } from './FlowHandles.tsx';
import { useMap } from './map-context.ts';

/**
 * A component on the map. Server-rendered as a link to its chapter (the map works without
 * JavaScript); once hydrated it is a button that opens the summary panel. Both carry
 * data-intent-target, so a click or focus that arrives while the map hydrates moves to the button.
 */
function ComponentNodeView({ data }: NodeProps<ComponentMapNode>) {
  const { base, hydrated, select, moveFocus } = useMap();
  // One aria-label sentence that starts with the visible text (see nodeName).
  const ready = data.readiness;
  const progress = ready && formatProgress(ready.ready, ready.total);
  const name = (hint: string) => nodeName(data, hint, progress);
  const content = (
    <>
      <span className="map-node-num">{data.number}</span>{' '}
      <span className="map-node-label">
        {data.label}
        {/* A space, so the text read from the content is "Batch data 0 of 11 ready", as in the name. */}
        {ready && ' '}
        {ready && (
          <span
            className="map-ready"
            data-complete={ready.ready === ready.total || undefined}
            style={{ '--ready': `${(100 * ready.ready) / ready.total}%` } as CSSProperties}
          >
            {progress}
          </span>
        )}
      </span>
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
    <div
      className="map-node"
      inert={data.filtered || undefined}
      data-part={data.part}
      data-cross-cutting={data.crossCutting || undefined}
      data-zones={data.hasZones || undefined}
      data-readiness={ready ? '' : undefined}
    >
      <FlowHandles />
      {data.flowStep !== undefined && (
        <span className="map-step-badge" aria-hidden="true">
          {data.flowStep}
        </span>
      )}
      {hydrated ? (
        <button
          type="button"
          className="map-node-target nodrag"
          data-node-button={data.id}
          data-intent-target={data.id}
          onClick={onClick}
          onKeyDown={onKeyDown}
          aria-label={name('Opens summary.')}
        >
          {content}
        </button>
      ) : (
        <a
          className="map-node-target"
          href={withBase(base, data.href)}
          data-intent-target={data.id}
          aria-label={name('Opens chapter.')}
        >
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

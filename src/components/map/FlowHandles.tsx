import { Fragment } from 'react';
import { Handle, Position } from '@xyflow/react';

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

/** A source and a target handle on every side; ids match `handlesFor()` in src/lib/graph/to-flow. */
export function FlowHandles() {
  return (
    <>
      {SIDES.map(([side, position]) => (
        <Fragment key={side}>
          <Handle type="source" id={`s-${side}`} position={position} isConnectable={false} />
          <Handle type="target" id={`t-${side}`} position={position} isConnectable={false} />
        </Fragment>
      ))}
    </>
  );
}

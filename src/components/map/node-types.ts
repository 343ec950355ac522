import type { NodeTypes } from '@xyflow/react';
import { ComponentNode } from './ComponentNode.tsx';
import { PartGroup } from './PartGroup.tsx';
import { ZoneNode } from './ZoneNode.tsx';

/** Every node kind on the map, registered once at module scope (STYLE rule 10). */
export const nodeTypes = {
  component: ComponentNode,
  zone: ZoneNode,
  part: PartGroup,
} satisfies NodeTypes;

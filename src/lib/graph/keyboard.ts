import type { Box } from './layout.ts';

/** Arrow keys the map answers to. */
export type Direction = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

const VECTORS: Record<Direction, [number, number]> = {
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};

/**
 * The neighbour to move focus to with an arrow key: among the components joined to `from` by a
 * flow, the one lying most directly in that direction (within 60° of it), nearest first.
 */
export function findNeighbourInDirection(
  boxes: ReadonlyMap<string, Box>,
  from: string,
  neighbours: ReadonlyArray<string>,
  direction: Direction,
): string | undefined {
  const origin = boxes.get(from);
  if (!origin) return undefined;
  const [vx, vy] = VECTORS[direction];
  const cx = origin.x + origin.width / 2;
  const cy = origin.y + origin.height / 2;
  let best: { id: string; score: number } | undefined;
  for (const id of neighbours) {
    const box = boxes.get(id);
    if (!box || id === from) continue;
    const dx = box.x + box.width / 2 - cx;
    const dy = box.y + box.height / 2 - cy;
    const distance = Math.hypot(dx, dy);
    if (distance === 0) continue;
    const cos = (dx * vx + dy * vy) / distance;
    if (cos < 0.5) continue; // more than 60° off the arrow's direction
    const score = distance / cos;
    if (!best || score < best.score) best = { id, score };
  }
  return best?.id;
}

// Roving focus for a row of buttons (the flow picker, the part filter): the row is one Tab stop
// and the arrow keys move within it, so the map's components are a few Tab presses from the top.
// See the WAI-ARIA Authoring Practices, "Managing Focus Within Components Using a Roving tabindex".

/** Keys that move focus within a row, and where they go. */
const MOVES: Record<string, (current: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/** Index focus moves to in a row of `count` items for `key`, or undefined when the key does not move it. */
export function rovingIndex(current: number, key: string, count: number): number | undefined {
  const move = MOVES[key];
  if (!move || count <= 0) return undefined;
  return move(Math.max(0, Math.min(current, count - 1)), count);
}

/** The item that holds the row's Tab stop: the remembered one if it still exists, else the first. */
export function tabStopIndex(remembered: number, count: number): number {
  return remembered >= 0 && remembered < count ? remembered : 0;
}

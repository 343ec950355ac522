import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { MAP_SSR_SIZE } from '../../../src/lib/graph/map-fit.ts';

test('map.css fits the server render with the size the island renders it at', () => {
  const css = readFileSync('src/components/map/map.css', 'utf8');
  const rule = css.slice(css.indexOf('.map-shell:not([data-hydrated]) .react-flow__viewport'));
  const { width, height } = MAP_SSR_SIZE;
  expect(rule).toContain(`--map-fit: min(100cqw / ${width}px, 100cqh / ${height}px);`);
  expect(rule).toContain(`translate: calc((100cqw - ${width}px * var(--map-fit)) / 2) calc((100cqh - ${height}px * var(--map-fit)) / 2);`);
});

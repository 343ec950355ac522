import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import {
  fitZoom,
  MAP_SSR_SIZE,
  PHONE_FIT_PADDING,
  PHONE_QUERY,
} from '../../../src/lib/graph/map-fit.ts';
import { PHONE_PART_WIDTH } from '../../../src/lib/graph/phone-layout.ts';

test('map.css fits the server render with the size the island renders it at', () => {
  const css = readFileSync('src/components/map/map.css', 'utf8').replace(/\s+/g, ' '); // whitespace as Prettier wraps it does not matter
  const rule = css.slice(css.indexOf('.map-shell:not([data-hydrated]) .react-flow__viewport'));
  const { width, height } = MAP_SSR_SIZE;
  expect(rule).toContain(`--map-fit: min(100cqw / ${width}px, 100cqh / ${height}px);`);
  expect(rule).toContain(
    `translate: calc((100cqw - ${width}px * var(--map-fit)) / 2) calc((100cqh - ${height}px * var(--map-fit)) / 2);`,
  );
});

test('map.css sizes and fits the phone map with the padding and width the island fits it with', () => {
  const css = readFileSync('src/components/map/map.css', 'utf8').replace(/\s+/g, ' '); // whitespace as Prettier wraps it does not matter
  const phone = css.slice(css.indexOf('@media (max-width: 899px)'));
  const { top, right, bottom, left } = PHONE_FIT_PADDING;
  expect(PHONE_QUERY).toBe('(max-width: 899px)');
  // Canvas height: padding, the 1 px borders, 1 px against rounding, then the drawing at the fitted width.
  expect(phone).toContain(
    `height: calc(${top}px + ${bottom}px + 2px + 1px + (100cqw - 2px - ${left + right}px) * var(--map-phone-aspect));`,
  );
  expect(phone).toContain(`translate: ${left}px ${top}px;`);
  expect(phone).toContain(`scale: calc((100cqw - ${left + right}px) / ${PHONE_PART_WIDTH}px);`);
});

test('fitZoom is limited by the tighter of width and height, after padding', () => {
  const padding = { top: 10, right: 0, bottom: 10, left: 0 };
  expect(fitZoom({ width: 100, height: 100 }, { width: 50, height: 1000 }, padding)).toBe(0.5);
  expect(fitZoom({ width: 100, height: 100 }, { width: 1000, height: 45 }, padding)).toBe(0.25);
});

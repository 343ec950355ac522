import type { Better, Unit } from './schema.ts';

/** Drop trailing zeros after a decimal point: "12.30" → "12.3", "5.00" → "5". */
const trim = (text: string) => text.replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');

/** Three significant figures without trailing zeros, e.g. 0.0412 → "0.0412", 12.34 → "12.3", 1234 → "1,234". */
export function formatSignificant(value: number): string {
  if (value === 0) return '0';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return trim(value.toPrecision(3));
}

/** A duration given in milliseconds, in the unit that reads best: "41 µs", "12.3 ms", "1.52 s", "3.2 min". */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0';
  if (ms < 1) return `${formatSignificant(ms * 1000)} µs`;
  if (ms < 1000) return `${formatSignificant(ms)} ms`;
  if (ms < 120_000) return `${formatSignificant(ms / 1000)} s`;
  return `${formatSignificant(ms / 60_000)} min`;
}

/** A size in decimal units (1 MB = 10^6 bytes), e.g. 36647578 → "36.6 MB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return `${i === 0 ? value : formatSignificant(value)} ${units[i]}`;
}

/** One figure in its unit, e.g. (1520, 'ms') → "1.52 s", (1176, 'count') → "1,176". */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return value === 0 ? '0 ms' : formatDuration(value);
    case 's':
      return value === 0 ? '0 s' : formatDuration(value * 1000);
    case 'bytes':
      return formatBytes(value);
    case 'count':
      return Math.round(value).toLocaleString('en-US');
    case 'MB/s':
      return `${formatSignificant(value)} MB/s`;
    case 'x':
      return `${formatSignificant(value)}×`;
  }
}

/**
 * The step between figures as they are printed, in the measure's unit: 1 ms for "12.3 ms", 1000 for
 * seconds, 60000 for minutes, 10^6 for MB. Axis ticks are made nice in this display unit.
 */
export function displayStep(value: number, unit: Unit): number {
  if (unit === 'ms' || unit === 's') {
    const ms = unit === 's' ? value * 1000 : value;
    const step = ms < 1 ? 0.001 : ms < 1000 ? 1 : ms < 120_000 ? 1000 : 60_000;
    return unit === 's' ? step / 1000 : step;
  }
  if (unit === 'bytes')
    return 1000 ** Math.max(0, Math.min(4, Math.floor(Math.log10(Math.max(value, 1)) / 3)));
  return 1;
}

/** A factor as readers say it: "28×" from 10 up, "2.5×" below, "1.06×" close to 1. */
export function formatFactor(factor: number): string {
  if (factor >= 10) return `${Math.round(factor).toLocaleString('en-US')}×`;
  if (factor >= 1.1) return `${trim(factor.toFixed(1))}×`;
  return `${trim(factor.toFixed(2))}×`;
}

/** How a ratio reads for a reader. */
export interface RatioText {
  /** e.g. "28× faster", "3.9× smaller", "about the same". */
  text: string;
  /** Whether the row is better, worse or level with its baseline for this measure. */
  verdict: 'better' | 'worse' | 'same' | 'neutral';
}

const WORDS: Record<Unit, [smaller: string, larger: string]> = {
  ms: ['faster', 'slower'],
  s: ['faster', 'slower'],
  bytes: ['smaller', 'larger'],
  count: ['fewer', 'more'],
  'MB/s': ['lower', 'higher'],
  x: ['lower', 'higher'],
};

/**
 * Word the ratio `value / baseline` for a reader: times read "faster/slower", sizes
 * "smaller/larger", counts "fewer/more"; within 5 % of 1 it is "about the same".
 */
export function describeRatio(
  value: number,
  baseline: number,
  unit: Unit,
  better: Better,
): RatioText | undefined {
  if (!(baseline > 0) || !(value >= 0)) return undefined;
  if (value === 0)
    return {
      text: `0 vs ${formatValue(baseline, unit)}`,
      verdict: better === 'lower' ? 'better' : better === 'higher' ? 'worse' : 'neutral',
    };
  const ratio = value / baseline;
  if (Math.abs(ratio - 1) < 0.05) return { text: 'about the same', verdict: 'same' };
  const [less, more] = WORDS[unit];
  const isLess = ratio < 1;
  const factor = isLess ? 1 / ratio : ratio;
  const verdict =
    better === 'none' ? 'neutral' : (better === 'lower') === isLess ? 'better' : 'worse';
  return { text: `${formatFactor(factor)} ${isLess ? less : more}`, verdict };
}

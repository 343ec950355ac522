import { chromium } from 'playwright';
import { readFileSync } from 'node:fs';
import { chromiumArgs } from '../src/lib/browser/chromium.ts';
const url = process.argv[2]!;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const page = await b.newPage({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
await b.startTracing(page, { path: '/tmp/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8'] });
await page.goto(url, { waitUntil: 'load' });
await page.waitForTimeout(1500);
await b.stopTracing();
await b.close();
const events = JSON.parse(readFileSync('/tmp/trace.json', 'utf8')).traceEvents as any[];
const main = events.filter((e) => e.name === 'RunTask' && e.dur > 8000 && e.ph === 'X');
const mainTid = (() => { const m = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'); return m?.tid; })();
for (const t of main.filter((e) => e.tid === mainTid)) {
  const kids = events.filter((e) => e.tid === t.tid && e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t && (e.dur ?? 0) > 2000);
  const agg: Record<string, number> = {};
  for (const k of kids) agg[k.name] = (agg[k.name] ?? 0) + k.dur;
  console.log(`task ${(t.dur / 1000).toFixed(1)} ms at ${((t.ts - main[0].ts) / 1000).toFixed(0)}:`, Object.entries(agg).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`).join(', '));
}
const big = main.filter((e) => e.tid === mainTid).sort((a, b) => b.dur - a.dur);
const ev = big.find((t) => events.some((e) => e.tid === t.tid && e.name === 'v8.evaluateModule' && e.ts >= t.ts && e.ts <= t.ts + t.dur && e.dur > 30000));
if (ev) {
  const inner = events.filter((e) => e.tid === ev.tid && e.ts >= ev.ts && e.ts <= ev.ts + ev.dur && (e.dur ?? 0) > 1000);
  for (const e of inner.slice(0, 40)) console.log(((e.ts - ev.ts) / 1000).toFixed(1), (e.dur / 1000).toFixed(1), e.name, JSON.stringify(e.args?.data ?? e.args ?? {}).slice(0, 160));
}

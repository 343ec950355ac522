// Screenshot pages of a running site for a human look, in light and dark, desktop and phone.
//   node scripts/screenshot.ts http://localhost:4321/data-storage/ [--out=/tmp/shots] [--full]
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../src/lib/browser/chromium.ts';
import { parseCommandLine } from './lib/cli.ts';

const { values, positionals: urls } = parseCommandLine({
  command: 'node scripts/screenshot.ts',
  summary:
    'Screenshot pages of a running site in light and dark, desktop (1440 px) and phone (360 px).',
  positionals: 'URL...',
  options: {
    out: {
      type: 'string',
      default: '/tmp/shots',
      help: 'folder for the PNG files (default /tmp/shots)',
    },
    full: { type: 'boolean', help: 'whole page, not only the first screen' },
  },
});
const { out, full } = values;
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
for (const url of urls) {
  for (const [device, viewport] of [
    ['desktop', { width: 1440, height: 900 }],
    ['phone', { width: 360, height: 780 }],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport, colorScheme: scheme });
      await page.goto(url, { waitUntil: 'networkidle' });
      const name = `${new URL(url).pathname.replace(/\W+/g, '_') || 'home'}-${device}-${scheme}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: full });
      console.log(`${out}/${name}`);
      await page.close();
    }
  }
}
await browser.close();

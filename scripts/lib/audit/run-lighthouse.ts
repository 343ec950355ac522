// Run the Lighthouse CLI once against a URL in a fresh headless Chromium and return its result.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CATEGORIES,
  type FormFactor,
  type LighthouseResult,
} from '../../../src/lib/audit/lighthouse.ts';
import { chromiumArgs, chromiumPath } from '../../../src/lib/browser/chromium.ts';

/** Chromium for Lighthouse: CHROME_PATH (Lighthouse's own variable), else the project's Chromium. */
export const lighthouseChrome = process.env['CHROME_PATH'] ?? chromiumPath;

/** Flags Lighthouse starts Chromium with: new headless mode plus the project's offline flags. */
export const lighthouseFlags = ['--headless=new', ...chromiumArgs];

/** One Lighthouse run of `url` as a phone (default) or a desktop (the desktop preset). */
export async function runLighthouse(
  url: string,
  formFactor: FormFactor,
): Promise<LighthouseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bp-lighthouse-'));
  const out = join(dir, 'report.json');
  const args = [
    url,
    '--quiet',
    '--output=json',
    `--output-path=${out}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${lighthouseFlags.join(' ')}`,
    '--max-wait-for-load=60000',
    ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
  ];
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(join('node_modules', '.bin', 'lighthouse'), args, {
        env: { ...process.env, CHROME_PATH: lighthouseChrome },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0
          ? resolve()
          : reject(
              new Error(`lighthouse exited with ${code} for ${url}: ${stderr.trim().slice(-800)}`),
            ),
      );
    });
    return JSON.parse(readFileSync(out, 'utf8')) as LighthouseResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

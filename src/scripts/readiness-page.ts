// The readiness page: per-component progress from the ticks in localStorage, and export (Markdown,
// JSON), import (JSON) and clear all. The checklists come from the page (built from the chapters).
import {
  countReady,
  formatProgress,
  openTickStorage,
  readTicks,
  STORAGE_KEY,
  writeTicks,
  type Checklist,
  type Ticks,
} from '../lib/readiness/progress.ts';
import { parseImport, toJsonExport, toMarkdownExport } from '../lib/readiness/transfer.ts';

const data = document.getElementById('readiness-checklists')?.textContent;
const tools = document.querySelector<HTMLElement>('[data-readiness-tools]');
const message = document.querySelector<HTMLElement>('[data-readiness-message]');
const overall = document.querySelector<HTMLElement>('[data-readiness-overall]');

const store = openTickStorage();
if (data && tools && message && overall && store) {
  const checklists = JSON.parse(data) as Checklist[];
  const ticks = (): Ticks => readTicks(store.getItem(STORAGE_KEY));
  const show = () => {
    const now = ticks();
    let ready = 0;
    let total = 0;
    for (const c of checklists) {
      const n = countReady(
        now,
        c.chapter,
        c.items.map((i) => i.id),
      );
      ready += n;
      total += c.items.length;
      const cell = document.querySelector(`[data-readiness-summary="${c.chapter}"]`);
      if (cell) cell.textContent = formatProgress(n, c.items.length);
    }
    overall.textContent = formatProgress(ready, total);
  };
  const download = (name: string, type: string, text: string) => {
    const a = Object.assign(document.createElement('a'), {
      href: URL.createObjectURL(new Blob([text], { type })),
      download: name,
    });
    a.click();
    // Revoking in the same task can cancel the download in some browsers; a tick later is safe.
    setTimeout(() => URL.revokeObjectURL(a.href));
  };

  tools.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (!button) return;
    const stamp = new Date();
    const day = stamp.toISOString().slice(0, 10);
    if (button.dataset['readinessExport'] === 'md') {
      download(
        `readiness-${day}.md`,
        'text/markdown',
        toMarkdownExport(checklists, ticks(), stamp),
      );
    } else if (button.dataset['readinessExport'] === 'json') {
      download(
        `readiness-${day}.json`,
        'application/json',
        `${JSON.stringify(toJsonExport(checklists, ticks(), stamp), null, 2)}\n`,
      );
    } else if (button.hasAttribute('data-readiness-clear')) {
      if (
        !window.confirm(
          'Clear every tick on every checklist in this browser? Export first if you want a copy.',
        )
      )
        return;
      store.removeItem(STORAGE_KEY);
      message.textContent = 'Cleared all ticks.';
      show();
    }
  });
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const result = parseImport(await file.text(), checklists);
    input.value = '';
    if (!result.ok) {
      message.textContent = `${file.name}: ${result.message}`;
      return;
    }
    store.setItem(STORAGE_KEY, writeTicks(result.ticks));
    const skipped = result.skipped
      ? ` ${result.skipped} skipped: their items were reworded or removed since the export.`
      : '';
    message.textContent = `Imported ${result.imported} ticks from ${file.name}.${skipped}`;
    show();
  };
  tools
    .querySelector<HTMLInputElement>('[data-readiness-import]')
    ?.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      // A file that cannot be read says so where the import result would show.
      importFile(input).catch((error: unknown) => {
        message.textContent = `Could not read the file: ${error instanceof Error ? error.message : String(error)}`;
      });
    });
  window.addEventListener('storage', show);
  show();
  tools.dataset['ready'] = '';
}

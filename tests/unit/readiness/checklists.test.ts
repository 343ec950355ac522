import { readdirSync, readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { expect, test } from 'vitest';
import { VFile } from 'vfile';
import { rehypeReadinessChecklist } from '../../../src/lib/markdown/rehype-readiness-checklist.ts';
import { extractChecklistTexts, toChecklist } from '../../../src/lib/readiness/checklists.ts';
import { toItemId } from '../../../src/lib/readiness/item-id.ts';

const body = [
  '## Cost and scale',
  '',
  '- [ ] Not in the checklist section.',
  '',
  '## Production-readiness checklist',
  '',
  '- [ ] Writing to any `lake` table fails (tested).',
  '- [ ] Runbook in [the wiki](https://example.com/wiki).',
  '',
  '## Sources',
  '',
  '- A plain list item.',
].join('\n');

/** Run the rehype plugin over HTML as GFM renders a task list. */
const render = (html: string) => {
  const tree = fromHtml(html, { fragment: true });
  rehypeReadinessChecklist()(tree, new VFile({ path: 'content/chapters/x.mdx' }));
  return tree;
};
const gfmList =
  '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled> Writing to any <code>lake</code> table fails (tested).</li>' +
  '<li class="task-list-item"><input type="checkbox" disabled> Runbook in <a href="https://example.com/wiki">the wiki</a>.</li></ul>';

test('only the checklist section is read, as plain text without Markdown marks', () => {
  expect(extractChecklistTexts(body)).toEqual([
    'Writing to any lake table fails (tested).',
    'Runbook in the wiki.',
  ]);
});

test('the rendered list drops the disabled checkboxes, ids each item and gets a progress line', () => {
  expect(toHtml(render(gfmList))).toBe(
    '<p class="readiness-progress"><span data-readiness-progress="" aria-live="polite">2 items</span>. <a href="/readiness/">Readiness of all components</a> (export, import, clear).</p>' +
      `<ul class="readiness-list" data-readiness-list=""><li class="task-list-item" data-readiness-item="${toItemId('Writing to any lake table fails (tested).')}">Writing to any <code>lake</code> table fails (tested).</li>` +
      `<li class="task-list-item" data-readiness-item="${toItemId('Runbook in the wiki.')}">Runbook in <a href="https://example.com/wiki">the wiki</a>.</li></ul>`,
  );
});

test('the chapter page and the readiness page derive the same ids from the same item', () => {
  const ids = [...toHtml(render(gfmList)).matchAll(/data-readiness-item="([^"]+)"/g)].map(
    (m) => m[1],
  );
  expect(toChecklist('x', 'X', body).items.map((i) => i.id)).toEqual(ids);
});

test('a list that is not a task list is left alone', () => {
  const tree = render('<ul><li>Plain</li></ul>');
  expect((tree.children[0] as Element).properties).toEqual({});
});

test('every chapter has a checklist whose items have distinct ids', () => {
  const files = readdirSync('content/chapters').filter((f) => f.endsWith('.mdx'));
  expect(files).toHaveLength(17);
  for (const file of files) {
    const checklist = toChecklist(
      file.replace('.mdx', ''),
      file,
      readFileSync(`content/chapters/${file}`, 'utf8'),
    );
    expect(checklist.items.length, file).toBeGreaterThanOrEqual(5);
  }
});

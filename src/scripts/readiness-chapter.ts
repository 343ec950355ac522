// Makes a chapter's readiness checklist tickable: a real checkbox with the item as its label per
// item, ticks kept in localStorage (nothing leaves the browser), and the progress line kept
// current. The list is rendered as plain text at build time (rehype-readiness-checklist.ts), so
// without this script, or without storage, the reader sees an ordinary list.
import {
  countReady,
  formatProgress,
  openTickStorage,
  readTicks,
  setTick,
  STORAGE_KEY,
  writeTicks,
} from '../lib/readiness/progress.ts';

const chapter = document.querySelector<HTMLElement>('[data-readiness-chapter]')?.dataset[
  'readinessChapter'
];
const list = document.querySelector<HTMLUListElement>('ul[data-readiness-list]');
const progress = document.querySelector<HTMLElement>('[data-readiness-progress]');

const store = openTickStorage();
if (chapter && list && progress && store) {
  const items = [...list.querySelectorAll<HTMLLIElement>(':scope > li[data-readiness-item]')];
  const ids = items.map((li) => li.dataset['readinessItem']!);
  const show = () =>
    (progress.textContent = formatProgress(
      countReady(readTicks(store.getItem(STORAGE_KEY)), chapter, ids),
      ids.length,
    ));
  const ticked = new Set(readTicks(store.getItem(STORAGE_KEY))[chapter] ?? []);
  for (const li of items) {
    const id = li.dataset['readinessItem']!;
    const box = Object.assign(document.createElement('input'), {
      type: 'checkbox',
      id: `ready-${id}`,
      checked: ticked.has(id),
    });
    const label = Object.assign(document.createElement('label'), { htmlFor: box.id });
    label.append(...li.childNodes);
    li.append(box, label);
  }
  list.dataset['tickable'] = '';
  show();
  list.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const id = box.closest<HTMLLIElement>('li')?.dataset['readinessItem'];
    if (!id) return;
    store.setItem(
      STORAGE_KEY,
      writeTicks(setTick(readTicks(store.getItem(STORAGE_KEY)), chapter, id, box.checked)),
    );
    show();
  });
  // Another tab (the readiness page's import or clear) changed the ticks: follow it.
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    const now = new Set(readTicks(store.getItem(STORAGE_KEY))[chapter] ?? []);
    for (const box of list.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
      box.checked = now.has(box.id.slice('ready-'.length));
    show();
  });
}

// The only search code every page loads: it shows the header button, listens for "/" and
// Ctrl/Cmd+K, and opens the dialog. The search logic and Pagefind itself load on first open.
import { isEditableElement, isSearchShortcut } from '../lib/search/shortcuts.ts';

let loading: Promise<unknown> | undefined;
let opener: HTMLElement | null = null;

/** Open the search dialog and fetch its logic on first use; returns focus to `from` on close. */
function openSearch(dialog: HTMLDialogElement, from: HTMLElement | null): void {
  const input = dialog.querySelector('input')!;
  if (!dialog.open) {
    opener = from;
    dialog.showModal();
  }
  input.focus();
  input.select();
  loading ??= import('./search-dialog.ts').then((m) => m.initSearchDialog(dialog));
}

/** Wire the header's search button and the keyboard shortcuts. */
export function initSearchButton(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-search-open]');
  const dialog = document.querySelector<HTMLDialogElement>('dialog[data-search-dialog]');
  if (!button || !dialog) return;
  button.hidden = false;
  button.addEventListener('click', () => openSearch(dialog, button));
  // Escape always closes: in a search field Chromium would first spend it on clearing the text.
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.isComposing) return;
    e.preventDefault();
    dialog.close();
  });
  dialog.addEventListener('close', () => {
    // Closing a modal dialog returns focus by itself; this covers an opener that the page
    // re-rendered meanwhile, and leaves focus alone if something else (the map) took it.
    const active = document.activeElement;
    if ((!active || active === document.body) && opener?.isConnected) opener.focus();
  });
  document.addEventListener('keydown', (e) => {
    const target = e.target instanceof HTMLElement ? e.target : null;
    if (
      e.defaultPrevented ||
      !isSearchShortcut({ ...pick(e), inEditable: isEditableElement(target) })
    )
      return;
    e.preventDefault();
    openSearch(dialog, dialog.open ? opener : target && target !== document.body ? target : button);
  });
}

/** The modifier state of a key event. */
function pick(e: KeyboardEvent) {
  return { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey };
}

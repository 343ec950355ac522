// Keyboard shortcuts that open search: "/" outside text fields, Ctrl+K or Cmd+K anywhere.

/** The parts of a keydown event that decide whether it opens search. */
export interface ShortcutKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** True when focus is in a text field, a select or contenteditable, where "/" is typing. */
  inEditable: boolean;
}

/** True for "/" outside text fields and for Ctrl+K / Cmd+K anywhere. */
export function isSearchShortcut(e: ShortcutKey): boolean {
  if (e.altKey) return false;
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') return true;
  return e.key === '/' && !e.ctrlKey && !e.metaKey && !e.inEditable;
}

/** True when an element takes typed text (inputs other than buttons and checkboxes, textarea, select, contenteditable). */
export function isEditableElement(
  el: { tagName: string; isContentEditable?: boolean; type?: string } | null,
): boolean {
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  return ![
    'button',
    'checkbox',
    'radio',
    'submit',
    'reset',
    'range',
    'color',
    'file',
    'image',
  ].includes((el.type ?? 'text').toLowerCase());
}

import { describe, expect, test } from 'vitest';
import { isEditableElement, isSearchShortcut } from '../../../src/lib/search/shortcuts.ts';

const key = (k: string, over: Partial<Parameters<typeof isSearchShortcut>[0]> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inEditable: false,
  ...over,
});

describe('search shortcuts', () => {
  test('opens on "/" outside text fields', () => {
    expect(isSearchShortcut(key('/'))).toBe(true);
    expect(isSearchShortcut(key('/', { inEditable: true }))).toBe(false);
  });
  test('opens on Ctrl+K and Cmd+K, even in text fields', () => {
    expect(isSearchShortcut(key('k', { ctrlKey: true }))).toBe(true);
    expect(isSearchShortcut(key('K', { metaKey: true, inEditable: true }))).toBe(true);
  });
  test('ignores other keys and Alt combinations', () => {
    expect(isSearchShortcut(key('k'))).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isSearchShortcut(key('/', { ctrlKey: true }))).toBe(false);
  });
  test('treats text inputs, textareas, selects and contenteditable as editable', () => {
    expect(isEditableElement({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isEditableElement({ tagName: 'input' })).toBe(true);
    expect(isEditableElement({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isEditableElement({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isEditableElement({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isEditableElement({ tagName: 'BUTTON' })).toBe(false);
    expect(isEditableElement(null)).toBe(false);
  });
});

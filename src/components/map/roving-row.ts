import { useState, type FocusEvent, type KeyboardEvent } from 'react';
import { rovingIndex, tabStopIndex } from '../../lib/site/roving-focus.ts';

/** Make a row of buttons one Tab stop, with arrow keys, Home and End moving within it. */
export function useRovingRow(count: number) {
  const [remembered, setRemembered] = useState(0);
  const stop = tabStopIndex(remembered, count);
  const buttonsOf = (row: HTMLElement) => [...row.querySelectorAll<HTMLButtonElement>('button')];
  return {
    tabIndexOf: (i: number) => (i === stop ? 0 : -1),
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      const buttons = buttonsOf(e.currentTarget);
      const next = rovingIndex(
        buttons.indexOf(e.target as HTMLButtonElement),
        e.key,
        buttons.length,
      );
      if (next === undefined) return;
      // Handled here: the walkthrough's own arrow keys must not also step.
      e.preventDefault();
      e.stopPropagation();
      setRemembered(next);
      buttons[next]!.focus();
    },
    onFocus: (e: FocusEvent<HTMLElement>) => {
      const i = buttonsOf(e.currentTarget).indexOf(e.target as HTMLButtonElement);
      if (i >= 0) setRemembered(i);
    },
  };
}

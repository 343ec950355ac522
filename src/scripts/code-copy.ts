// Expressive Code's copy button copies its data-code attribute, which the build leaves out (the
// block is already on the page; see ec-copy-button.ts). Before its handler runs, fill the
// attribute from the rendered lines: a listener in the capture phase runs before the button's.
import { joinCodeLines } from '../lib/markdown/copy-text.ts';

document.addEventListener(
  'click',
  (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>(
      'button[data-copy-from-block]',
    );
    const lines = button?.closest('.expressive-code')?.querySelectorAll('pre .ec-line');
    if (button && lines)
      button.dataset['code'] = joinCodeLines([...lines].map((line) => line.textContent ?? ''));
  },
  { capture: true },
);

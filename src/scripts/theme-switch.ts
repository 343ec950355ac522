import {
  describeThemeChoice,
  nextThemeChoice,
  parseThemeChoice,
  resolveTheme,
  type ThemeChoice,
} from '../lib/site/theme.ts';

const KEY = 'bp-theme';
const media = matchMedia('(prefers-color-scheme: dark)');

function readChoice(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(KEY));
  } catch {
    return 'system';
  }
}

function apply(choice: ThemeChoice): void {
  const root = document.documentElement;
  root.dataset.theme = resolveTheme(choice, media.matches);
  root.dataset.themeChoice = choice;
  for (const el of document.querySelectorAll('theme-switch')) {
    // The visible label and icon follow html[data-theme-choice] in CSS; only the name changes here.
    el.querySelector('button')!.setAttribute('aria-label', describeThemeChoice(choice).ariaLabel);
  }
}

/** Wire every <theme-switch> on the page: cycle the choice, store it, follow the device when "system". */
export function initThemeSwitch(): void {
  for (const el of document.querySelectorAll<HTMLElement>('theme-switch')) {
    el.querySelector('button')!.addEventListener('click', () => {
      const choice = nextThemeChoice(readChoice());
      try {
        localStorage.setItem(KEY, choice);
      } catch {
        // Storage may be disabled; the choice still applies to this page.
      }
      apply(choice);
    });
  }
  media.addEventListener('change', () => apply(readChoice()));
  apply(readChoice());
}

/** A reader's theme choice; "system" follows the device setting. */
export type ThemeChoice = 'light' | 'dark' | 'system';

/** Every choice, in the order the switch cycles through them. */
export const THEME_CHOICES: readonly ThemeChoice[] = ['light', 'dark', 'system'];
const ORDER = THEME_CHOICES;
const LABEL: Record<ThemeChoice, string> = { light: 'Light', dark: 'Dark', system: 'System' };

/** Read a stored value, treating anything unknown as "system". */
export function parseThemeChoice(value: string | null | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' || value === 'system' ? value : 'system';
}

/** The choice after `choice` when the switch is pressed: light → dark → system → light. */
export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  return ORDER[(ORDER.indexOf(choice) + 1) % ORDER.length]!;
}

/** The theme actually shown for a choice, given whether the device prefers dark. */
export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (prefersDark ? 'dark' : 'light') : choice;
}

/** Short visible label and the full accessible name of the switch for a choice. */
export function describeThemeChoice(choice: ThemeChoice): { label: string; ariaLabel: string } {
  const next = LABEL[nextThemeChoice(choice)];
  const now = choice === 'system' ? 'system (follows your device)' : LABEL[choice].toLowerCase();
  return { label: LABEL[choice], ariaLabel: `Theme: ${now}. Switch to ${next.toLowerCase()}` };
}

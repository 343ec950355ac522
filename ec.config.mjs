// Expressive Code options, in the file Expressive Code reads them from (its name is fixed). They
// cannot live in astro.config.ts: the <Code> component (config files, the miniature's SQL)
// reloads them as JSON, and these options hold functions.
import { defineEcConfig } from 'astro-expressive-code';
import { pluginCopyButtonMarkup } from './src/lib/markdown/ec-copy-button.ts';

export default defineEcConfig({
  themes: ['github-light', 'github-dark'],
  // Follow the site's own theme switch (html[data-theme]) instead of only the OS setting.
  themeCssSelector: (theme) => `[data-theme='${theme.type}']`,
  useDarkModeMediaQuery: false,
  styleOverrides: { borderRadius: '0.4rem', codeFontSize: '0.875rem' },
  // Copy buttons get type="button" and an aria-label (valid HTML; see the plugin).
  plugins: [pluginCopyButtonMarkup()],
});

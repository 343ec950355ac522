// Registers the `client:intent` directive (src/scripts/hydrate-on-intent.ts): hydrate an island
// when the reader starts to use it, not on load.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export default function hydrateOnIntent(): AstroIntegration {
  return {
    name: 'blueprint:hydrate-on-intent',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({
          name: 'intent',
          entrypoint: fileURLToPath(new URL('../scripts/hydrate-on-intent.ts', import.meta.url)),
        });
      },
    },
  };
}

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate on intent; the value lists query parameters that make it hydrate on load. */
    'client:intent'?: boolean | string[];
  }
}

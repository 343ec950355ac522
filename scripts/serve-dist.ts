// Serve the built site on localhost for the end-to-end tests, audits and a look by hand. Unlike
// `astro preview` (one per project), several can run at once, on any port and base path.
//   node scripts/serve-dist.ts [--port=4400] [--dir=dist] [--base=/]
import { parseCommandLine } from './lib/cli.ts';
import { startStaticServer } from './lib/static-server.ts';

const { values } = parseCommandLine({
  command: 'node scripts/serve-dist.ts',
  summary: 'Serve the built site on localhost, under a base path, for tests and audits.',
  options: {
    port: { type: 'string', default: '4400', help: 'port to listen on (default 4400)' },
    dir: {
      type: 'string',
      default: process.env.OUT_DIR ?? 'dist',
      help: 'build folder (default OUT_DIR or dist)',
    },
    base: {
      type: 'string',
      default: process.env.BASE_PATH ?? '/',
      help: 'base path the site is built for (default BASE_PATH or /)',
    },
  },
});
const base = values.base.replace(/\/?$/, '/');
const server = await startStaticServer(values.dir, base, Number(values.port));
console.log(`Serving ${values.dir} at ${server.origin}${base}`);

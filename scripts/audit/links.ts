// Links over a build: every internal link, asset and #anchor resolves under the base path.
// External links are listed (with --list), never fetched: the build and its checks run offline.
//   node scripts/audit/links.ts [--dir=dist] [--base=/] [--list]
import { checkLinks } from '../../src/lib/site/link-check.ts';
import { readBuiltSite } from '../../src/lib/audit/built-site.ts';
import { finish, parseAuditCommand } from '../lib/audit/cli.ts';

const { dir, base, list } = parseAuditCommand(
  'node scripts/audit/links.ts',
  'Links over a build: every internal link, asset and #anchor resolves; external links are listed, not fetched.',
  {
    list: { type: 'boolean', help: 'print every external link' },
  },
);
const site = readBuiltSite(dir);
const { broken, external } = checkLinks(site, base);
const hosts = new Map<string, number>();
for (const url of external) hosts.set(new URL(url).host, (hosts.get(new URL(url).host) ?? 0) + 1);
if (list) for (const url of external) console.log(url);
console.log(
  `external links: ${external.length} on ${hosts.size} hosts (not fetched); most linked: ${[
    ...hosts,
  ]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([h, n]) => `${h} ${n}`)
    .join(', ')}`,
);
finish(
  'links',
  broken,
  `${site.pages.size} pages, no broken internal link, asset or anchor under ${base}`,
);

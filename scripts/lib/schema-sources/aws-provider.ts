// Resource and data-source types of the AWS provider, with their argument and block names, from
// the prebuilt CDKTF bindings @cdktf/provider-aws (generated from the provider's own schema;
// its package.json names the provider version). Each resource class's synthesizeAttributes()
// lists the arguments a configuration may set, and each <block>ToTerraform(struct) function the
// arguments of a nested block. The npm tarball is read from --repos (run
// `npm pack @cdktf/provider-aws@<version>` there first): the project does not install it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Provenance, SchemaSource } from './types.ts';

const PACKAGE_VERSION = '21.22.1';
const TARBALL = `cdktf-provider-aws-${PACKAGE_VERSION}.tgz`;

/** Arguments of a resource or block: plain arguments, and nested blocks by name. */
export interface BlockSchema {
  /** Argument names. */
  a: string[];
  /** Nested blocks by name. */
  b?: Record<string, BlockSchema>;
}

const BUILT_IN_MAPPERS = /^(string|number|boolean|numberList|stringList|list|hash|any)/;

/** Entries `name: expression,` of the object literal returned at `start` (the index of "return {"). */
function returnedEntries(js: string, start: number): Array<{ key: string; fn?: string }> {
  const open = js.indexOf('{', start);
  let depth = 0;
  let end = open;
  for (; end < js.length; end++) {
    if (js[end] === '{') depth++;
    else if (js[end] === '}' && --depth === 0) break;
  }
  const body = js.slice(open + 1, end);
  const out: Array<{ key: string; fn?: string }> = [];
  for (const m of body.matchAll(/^\s+([a-z0-9_]+): (.*),$/gm)) {
    const fn = [...m[2]!.matchAll(/\b([a-zA-Z0-9]+)ToTerraform\b/g)]
      .map((x) => x[1]!)
      .find((f) => !BUILT_IN_MAPPERS.test(f));
    out.push(fn ? { key: m[1]!, fn } : { key: m[1]! });
  }
  return out;
}

/** The schema of one generated index.js: its Terraform type and argument tree, or undefined. */
export function readResourceModule(js: string): { type: string; schema: BlockSchema } | undefined {
  const type = /\.tfResourceType = "([a-z0-9_]+)";/.exec(js)?.[1];
  const synth = js.indexOf('synthesizeAttributes() {');
  if (!type || synth < 0) return undefined;
  const functions = new Map<string, number>();
  for (const m of js.matchAll(/^function ([a-zA-Z0-9]+)ToTerraform\(struct\) \{/gm))
    functions.set(m[1]!, m.index);
  const build = (entries: Array<{ key: string; fn?: string }>, depth: number): BlockSchema => {
    const schema: BlockSchema = { a: [] };
    for (const { key, fn } of entries) {
      const at = fn ? functions.get(fn) : undefined;
      if (at === undefined || depth > 12) schema.a.push(key);
      else
        (schema.b ??= {})[key] = build(returnedEntries(js, js.indexOf('return {', at)), depth + 1);
    }
    schema.a.sort();
    return schema;
  };
  return { type, schema: build(returnedEntries(js, js.indexOf('return {', synth)), 0) };
}

export const source: SchemaSource = {
  name: 'aws-provider',
  repository: 'cdktf/cdktf-provider-aws',
  ref: PACKAGE_VERSION,
  licence: 'MPL-2.0',
  async refresh({ reposDir, root }) {
    const tarball = join(reposDir, TARBALL);
    if (!existsSync(tarball))
      throw new Error(
        `${tarball} not found: run \`npm pack @cdktf/provider-aws@${PACKAGE_VERSION}\` in ${reposDir}`,
      );
    const dir = join(reposDir, `cdktf-provider-aws-${PACKAGE_VERSION}`);
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', dir]);
    const pkg = JSON.parse(readFileSync(join(dir, 'package/package.json'), 'utf8')) as {
      cdktf: { provider: { version: string } };
    };
    const list = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8', maxBuffer: 1 << 28 })
      .split('\n')
      .filter((p) => /^package\/lib\/[^/]+\/index\.js$/.test(p));
    const resources: Record<string, BlockSchema> = {};
    const data: Record<string, BlockSchema> = {};
    let provider: BlockSchema | undefined;
    for (const path of list) {
      const parsed = readResourceModule(readFileSync(join(dir, path), 'utf8'));
      if (!parsed) continue;
      const folder = path.split('/')[2]!;
      if (folder === 'provider') provider = parsed.schema;
      else if (folder.startsWith('data-')) data[parsed.type] = parsed.schema;
      else resources[parsed.type] = parsed.schema;
    }
    if (!provider || Object.keys(resources).length < 1000)
      throw new Error('the package did not read as expected (provider block or resources missing)');
    const sorted = <T>(o: Record<string, T>) =>
      Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
    const provenance: Provenance = {
      repository: this.repository,
      ref: `npm @cdktf/provider-aws@${PACKAGE_VERSION}`,
      commit: `sha256:${createHash('sha256').update(readFileSync(tarball)).digest('hex')}`,
      licence: this.licence,
      paths: ['lib/*/index.js (synthesizeAttributes and *ToTerraform)'],
      retrieved: new Date().toISOString().slice(0, 10),
      generator: 'scripts/refresh-schemas.ts',
    };
    const out = 'src/lib/config/upstream/aws-provider.json';
    mkdirSync(join(root, 'src/lib/config/upstream'), { recursive: true });
    const body = {
      'x-provenance': provenance,
      description: `Arguments (a) and nested blocks (b) of the hashicorp/aws provider ${pkg.cdktf.provider.version} resources and data sources, as @cdktf/provider-aws ${PACKAGE_VERSION} generated them from the provider schema.`,
      providerVersion: pkg.cdktf.provider.version,
      provider,
      resources: sorted(resources),
      data: sorted(data),
    };
    writeFileSync(join(root, out), `${JSON.stringify(body)}\n`);
    return [out];
  },
};

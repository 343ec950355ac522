// Property names of airlift, the framework Trino's server is built on (http-server.*, node.*,
// log.*, jmx.*, and the HTTP client settings Trino binds under "<client>.http-client."), per
// airlift module, at the version Trino's pom pins (dep.airlift.version).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  constantLookup,
  knownConfigNames,
  mergeConfigNames,
  scanConfigNames,
  type ConfigNames,
} from '../java-config-names.ts';
import { openSnapshot, provenanceOf } from '../upstream/git-snapshot.ts';
import type { SchemaSource } from './types.ts';

/** The airlift release Trino 483's pom.xml pins (dep.airlift.version); a test keeps them equal. */
const AIRLIFT_RELEASE = '439';

export const source: SchemaSource = {
  name: 'airlift-properties',
  repository: 'airlift/airlift',
  ref: AIRLIFT_RELEASE,
  licence: 'Apache-2.0',
  async refresh({ reposDir, root }) {
    const snapshot = openSnapshot(reposDir, this.repository, AIRLIFT_RELEASE);
    const modules = [...snapshot.read('pom.xml').matchAll(/<module>([^<]+)<\/module>/g)].map(
      (m) => m[1]!,
    );
    const out: Record<string, Omit<ConfigNames, 'unresolved'>> = {};
    const files = snapshot
      .list(...modules.map((m) => `${m}/src/main/java`))
      .filter((p) => p.endsWith('.java'));
    const texts = snapshot.readMany(files);
    const constants = constantLookup(texts);
    for (const module of modules) {
      const names = mergeConfigNames(
        [...texts]
          .filter(([path]) => path.startsWith(`${module}/`))
          .map(([, text]) => scanConfigNames(text, constants)),
      );
      if (names.unresolved.length)
        throw new Error(
          `${module}: unresolved annotation arguments: ${names.unresolved.join('; ')}`,
        );
      const known = knownConfigNames(names);
      if (known.config.length || known.defunct.length) out[module] = known;
    }
    const provenance = provenanceOf(
      snapshot,
      this.licence,
      Object.keys(out).map((m) => `${m}/src/main/java`),
    );
    const file = 'src/lib/config/upstream/airlift-properties.json';
    mkdirSync(join(root, 'src/lib/config/upstream'), { recursive: true });
    const body = {
      'x-provenance': provenance,
      description: `Configuration property names of airlift ${AIRLIFT_RELEASE} per module (Maven artifactId), from @Config, @LegacyConfig and @DefunctConfig.`,
      modules: out,
    };
    writeFileSync(join(root, file), `${JSON.stringify(body, null, 2)}\n`);
    return [file];
  },
};

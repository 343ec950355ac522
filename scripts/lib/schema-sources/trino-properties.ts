// Trino's configuration property names at the pinned release, per kind of properties file, read
// from the @Config, @LegacyConfig and @DefunctConfig annotations of the modules that file
// configures. Trino stops at start-up on a property no bound class knows ("Configuration property
// 'x' was not used"), so this list is what the properties validator holds a file to.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  constantLookup,
  knownConfigNames,
  mergeConfigNames,
  scanConfigNames,
  type ConfigNames,
} from '../java-config-names.ts';
import { openSnapshot, provenanceOf, type Snapshot } from '../upstream/git-snapshot.ts';
import type { SchemaSource } from './types.ts';

/** Release pinned across the project (Helm chart appVersion, manifests, chapters). */
const TRINO_RELEASE = '483';

/**
 * Kinds of Trino properties files: which modules (with their compile-scope Trino dependencies)
 * configure them, and the file-level name property that selects the plugin (read by trino-main,
 * not bound by @Config; the refresh checks it still appears in `nameFile`).
 */
const KINDS: Record<
  string,
  {
    modules: string[];
    follow: boolean;
    only?: string;
    nameProperty?: { name: string; nameFile: string };
  }
> = {
  server: { modules: ['core/trino-main', 'core/trino-server-main'], follow: false },
  iceberg: {
    modules: ['plugin/trino-iceberg'],
    follow: true,
    nameProperty: {
      name: 'connector.name',
      nameFile: 'core/trino-main/src/main/java/io/trino/connector/FileCatalogStore.java',
    },
  },
  hive: {
    modules: ['plugin/trino-hive'],
    follow: true,
    nameProperty: {
      name: 'connector.name',
      nameFile: 'core/trino-main/src/main/java/io/trino/connector/FileCatalogStore.java',
    },
  },
  'exchange-filesystem': {
    modules: ['plugin/trino-exchange-filesystem'],
    follow: true,
    nameProperty: {
      name: 'exchange-manager.name',
      nameFile: 'core/trino-main/src/main/java/io/trino/exchange/ExchangeManagerRegistry.java',
    },
  },
  'spooling-filesystem': {
    modules: ['plugin/trino-spooling-filesystem'],
    follow: true,
    nameProperty: {
      name: 'spooling-manager.name',
      nameFile:
        'core/trino-main/src/main/java/io/trino/server/protocol/spooling/SpoolingManagerRegistry.java',
    },
  },
  openlineage: {
    modules: ['plugin/trino-openlineage'],
    follow: true,
    nameProperty: {
      name: 'event-listener.name',
      nameFile: 'core/trino-main/src/main/java/io/trino/eventlistener/EventListenerManager.java',
    },
  },
  // access-control.name=file: the system access control of lib/trino-plugin-toolkit's security package.
  'file-access-control': {
    modules: ['lib/trino-plugin-toolkit'],
    follow: false,
    only: 'lib/trino-plugin-toolkit/src/main/java/io/trino/plugin/base/security/',
    nameProperty: {
      name: 'access-control.name',
      nameFile: 'core/trino-main/src/main/java/io/trino/security/AccessControlManager.java',
    },
  },
};

/** One kind's names in the generated file. */
export interface TrinoKind extends Omit<ConfigNames, 'unresolved'> {
  /** Modules read, in the order found. */
  modules: string[];
  /** The property that names the plugin (connector.name, exchange-manager.name, ...), if any. */
  nameProperty?: string;
}

/** Dependencies of a module in `groupId` that ship with it (not test, not provided by the server). */
export function readDependencies(pom: string, groupId = 'io.trino'): string[] {
  const out: string[] = [];
  for (const block of pom.match(/<dependency>[\s\S]*?<\/dependency>/g) ?? []) {
    const field = (tag: string) => new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(block)?.[1]?.trim();
    if (field('groupId') !== groupId) continue;
    const scope = field('scope');
    if (scope === 'test' || scope === 'provided' || field('type') === 'test-jar') continue;
    out.push(field('artifactId')!);
  }
  return out;
}

function moduleClosure(
  snapshot: Snapshot,
  start: string[],
  follow: boolean,
  dirs: Map<string, string>,
): string[] {
  const seen = [...start];
  if (!follow) return seen;
  for (let i = 0; i < seen.length; i++) {
    for (const artifact of readDependencies(snapshot.read(`${seen[i]}/pom.xml`))) {
      const dir = dirs.get(artifact);
      // trino-main and trino-spi are the server itself: their names belong to config.properties.
      if (dir && !seen.includes(dir) && !dir.startsWith('core/')) seen.push(dir);
    }
  }
  return seen;
}

export const source: SchemaSource = {
  name: 'trino-properties',
  repository: 'trinodb/trino',
  ref: TRINO_RELEASE,
  licence: 'Apache-2.0',
  async refresh({ reposDir, root }) {
    // trinodb/trino is over the snapshot size limit here; a fork holding the same release commit
    // (same hash, so the same tree) serves as well.
    const snapshot = openSnapshot(reposDir, this.repository, TRINO_RELEASE, {
      alsoNamed: ['martint+trino'],
      releaseSubject: `[maven-release-plugin] prepare release ${TRINO_RELEASE}`,
    });
    const rootPom = snapshot.read('pom.xml');
    if (!rootPom.includes(`<version>${TRINO_RELEASE}</version>`))
      throw new Error(`pom.xml at ${snapshot.commit} is not version ${TRINO_RELEASE}`);
    const airlift = /<dep\.airlift\.version>([^<]+)</.exec(rootPom)?.[1];
    // The airlift modules the server ships with, whose names config.properties also takes.
    const airliftModules = [
      ...new Set(
        KINDS['server']!.modules.flatMap((m) =>
          readDependencies(snapshot.read(`${m}/pom.xml`), 'io.airlift'),
        ),
      ),
    ].sort();
    const dirs = new Map<string, string>();
    for (const pom of snapshot
      .list('core', 'lib', 'plugin')
      .filter((p) => /^[a-z]+\/[^/]+\/pom\.xml$/.test(p)))
      dirs.set(pom.split('/')[1]!, pom.slice(0, -'/pom.xml'.length));

    const kinds: Record<string, TrinoKind> = {};
    const paths = new Set<string>();
    for (const [kind, spec] of Object.entries(KINDS)) {
      const modules = moduleClosure(snapshot, spec.modules, spec.follow, dirs);
      const files = snapshot
        .list(...modules.map((m) => `${m}/src/main/java`))
        .filter((p) => p.endsWith('.java') && (!spec.only || p.startsWith(spec.only)));
      const texts = snapshot.readMany(files);
      const constants = constantLookup(texts);
      const names = mergeConfigNames(
        [...texts.values()].map((text) => scanConfigNames(text, constants)),
      );
      if (names.unresolved.length)
        throw new Error(`${kind}: unresolved annotation arguments: ${names.unresolved.join('; ')}`);
      if (
        spec.nameProperty &&
        !snapshot.read(spec.nameProperty.nameFile).includes(`"${spec.nameProperty.name}"`)
      )
        throw new Error(
          `${kind}: "${spec.nameProperty.name}" no longer appears in ${spec.nameProperty.nameFile}`,
        );
      const known = knownConfigNames(names);
      kinds[kind] = {
        modules,
        ...(spec.nameProperty ? { nameProperty: spec.nameProperty.name } : {}),
        ...known,
      };
      modules.forEach((m) => paths.add(`${m}/src/main/java`));
    }
    const provenance = provenanceOf(snapshot, this.licence, [...paths].sort());
    const out = 'src/lib/config/upstream/trino-properties.json';
    mkdirSync(join(root, 'src/lib/config/upstream'), { recursive: true });
    const body = {
      'x-provenance': provenance,
      description: `Configuration property names of Trino ${TRINO_RELEASE} (commit dated ${snapshot.committed}), per kind of properties file, from @Config, @LegacyConfig and @DefunctConfig in the modules listed. config.properties also takes the airlift ${airlift} names in airlift-properties.json.`,
      airliftVersion: airlift,
      airliftModules,
      kinds,
    };
    writeFileSync(join(root, out), `${JSON.stringify(body, null, 2)}\n`);
    return [out];
  },
};

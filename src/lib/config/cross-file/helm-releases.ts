import type { ConfigFolder } from '../load-manifests.ts';

/** A `helm upgrade --install` a manifest's run steps perform. */
export interface HelmRelease {
  folder: ConfigFolder;
  release: string;
  /** Chart as written, e.g. "trino/trino". */
  chart: string;
  namespace: string;
  /** Values file relative to the folder, when the step passes one. */
  valuesPath?: string;
}

// Flags of `helm upgrade` that take a value (the word after them is not a positional argument).
const VALUE_FLAGS = new Set([
  '-n',
  '--namespace',
  '-f',
  '--values',
  '--version',
  '--set',
  '--set-file',
  '--set-string',
  '--set-json',
  '--timeout',
  '--kube-context',
  '--repo',
]);

/** Helm releases installed by the run steps of the manifests (`helm upgrade --install NAME CHART ... -n NS -f FILE`). */
export function findHelmReleases(folders: ConfigFolder[]): HelmRelease[] {
  const out: HelmRelease[] = [];
  for (const folder of folders) {
    for (const step of folder.manifest.run) {
      const words = step.split(/\s+/).filter(Boolean);
      const at = words.findIndex((w, i) => w === 'upgrade' && words[i - 1] === 'helm');
      if (at === -1 || !words.includes('--install')) continue;
      const rest = words.slice(at + 1);
      const positional = rest.filter(
        (w, i) => !w.startsWith('-') && !VALUE_FLAGS.has(rest[i - 1] ?? ''),
      );
      const [release, chart] = positional;
      if (!release || !chart) continue;
      const option = (...names: string[]) => {
        const i = words.findIndex((w) => names.includes(w));
        return i === -1 ? undefined : words[i + 1];
      };
      const namespace = option('-n', '--namespace') ?? 'default';
      const valuesPath = option('-f', '--values');
      out.push({ folder, release, chart, namespace, ...(valuesPath ? { valuesPath } : {}) });
    }
  }
  return out;
}

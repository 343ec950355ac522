// A measured benchmark's "reproduce" command is run inside a set-up checkout; a reader arriving
// from the page has neither, so the page gives every step from a fresh clone.

/**
 * The shell steps that rerun a measured benchmark on a fresh machine: clone, enter the folder,
 * install with the project's Node (./blueprint fetches Node 24 when the system one is older), then
 * the benchmark's own command through ./blueprint so it runs on that Node.
 */
export function toRerunSteps(reproduce: string, repoUrl: string): string[] {
  const url = repoUrl.replace(/\/+$/, '').replace(/\.git$/, '');
  const folder = URL.canParse(url)
    ? new URL(url).pathname.split('/').filter(Boolean).at(-1)
    : undefined;
  if (!folder)
    throw new Error(
      `Cannot name the clone's folder from the repository URL "${repoUrl}"; expected e.g. https://github.com/owner/name`,
    );
  const command = reproduce.trim();
  return [
    `git clone ${url}.git`,
    `cd ${folder}`,
    './blueprint npm ci',
    command.startsWith('npm ') ? `./blueprint ${command}` : command,
  ];
}

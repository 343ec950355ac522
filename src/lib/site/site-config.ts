/** Facts about the site used in page chrome; REPO_URL overrides the repository for forks. */
export const siteConfig = {
  name: 'Data Architecture Blueprint',
  tagline: 'Build a whole data platform from open-source parts',
  description:
    'An interactive, open-source guide to building a company data platform from open-source parts: map, chapters, checked configs, benchmarks and AWS Well-Architected mappings.',
  repoUrl: process.env.REPO_URL ?? 'https://github.com/data-architecture-blueprint/blueprint',
  branch: 'main',
} as const;

/** URL of the page that edits `file` (a path from the repository root) on the forge. */
export function getEditUrl(
  file: string,
  repoUrl: string = siteConfig.repoUrl,
  branch: string = siteConfig.branch,
): string {
  return `${repoUrl.replace(/\/$/, '')}/edit/${branch}/${file.replace(/^\.?\//, '')}`;
}

/** The h2 sections every chapter has, in this order (house structure, see CONTRIBUTING). */
export const REQUIRED_SECTIONS = [
  'Role and boundaries',
  'Design decisions',
  'Technology choices',
  'Reference configuration',
  'Operating it',
  'Security',
  'Cost and scale',
  'Production-readiness checklist',
  'Sources',
] as const;

/** List the h2 headings of a Markdown body, in order. */
export function listSections(body: string): string[] {
  const withoutCode = body.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
  return [...withoutCode.matchAll(/^## +(.+?)\s*$/gm)].map((m) => m[1]!);
}

/** Required sections that no h2 heading starts with. */
export function findMissingSections(body: string): string[] {
  const sections = listSections(body);
  return REQUIRED_SECTIONS.filter((required) => !sections.some((s) => s.startsWith(required)));
}

/** Count prose words, ignoring code blocks, frontmatter-free Markdown syntax and tags. */
export function countWords(body: string): number {
  const prose = body
    .replace(/^(```|~~~)[\s\S]*?^\1/gm, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#*_`|>[\]()-]/g, ' ');
  return prose.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

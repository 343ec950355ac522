// Quick check of chapter files without a full site build: frontmatter schema, MDX syntax,
// the graph cross-checks, the house chapter structure and the age of each chapter's fact-check.
// Usage:
//   node scripts/check-chapters.ts --all
//   node scripts/check-chapters.ts --files=content/chapters/data-storage.mdx
//   node scripts/check-chapters.ts --today=2027-12-08   (judge review ages as on another day)
import { readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { parseChapter } from '../src/lib/chapter/parse-chapter.ts';
import { findChapterProblems } from '../src/lib/chapter/validate-chapters.ts';
import { findReviewAgeProblems } from '../src/lib/chapter/review-age.ts';
import { parseGraph } from '../src/lib/graph/validate-graph.ts';
import { countWords, findMissingSections } from '../src/lib/chapter/structure.ts';
import { parseCommandLine } from './lib/cli.ts';

const { values } = parseCommandLine({
  command: 'node scripts/check-chapters.ts',
  summary:
    'Check chapters without a site build: frontmatter, MDX syntax, graph cross-checks, sections and fact-check age.',
  options: {
    all: { type: 'boolean', help: 'every chapter (the default)' },
    files: { type: 'string', help: 'only these chapter files, comma-separated' },
    today: { type: 'string', help: 'judge review ages as on this day, YYYY-MM-DD' },
  },
});
const filesArg = values.files;
const todayArg = values.today;
if (todayArg !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(todayArg)) {
  console.error(`--today=${todayArg}: expected a date as YYYY-MM-DD, e.g. --today=2027-12-08`);
  process.exit(2);
}
const today = todayArg ? new Date(`${todayArg}T00:00:00Z`) : new Date();
const files = filesArg
  ? filesArg.split(',')
  : readdirSync('content/chapters')
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => `content/chapters/${f}`);

const graph = parseGraph(readFileSync('diagram/graph.yaml', 'utf8'));
const problems: string[] = [];
const refs = [];
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  try {
    const { data, body } = parseChapter(source, file);
    refs.push({ id: basename(file, '.mdx'), data });
    await compile(body, { remarkPlugins: [remarkGfm] });
    for (const section of findMissingSections(body))
      problems.push(`${file}: missing section "## ${section}"`);
    console.log(`${file}: ${countWords(body)} words`);
  } catch (error) {
    const message = (error as Error).message;
    problems.push(message.startsWith(file) ? message : `${file}: ${message}`);
  }
}
if (!filesArg) problems.push(...findChapterProblems(graph, refs));
else
  problems.push(
    ...findChapterProblems(graph, refs).filter((p) => !p.startsWith('diagram/graph.yaml')),
  );
problems.push(...findReviewAgeProblems(refs, today));

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`${files.length} chapter(s) OK`);

import { DataError, parseOrThrow, parseYamlText } from '../errors/format-issues.ts';
import { ChapterSchema, type ChapterData } from './schema.ts';

/** Split MDX source into its YAML frontmatter text and body; throws when there is no frontmatter. */
export function splitFrontmatter(
  source: string,
  file: string,
): { frontmatter: string; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match)
    throw new DataError(
      `${file}: no frontmatter; expected the file to start with a "---" YAML block.`,
    );
  return { frontmatter: match[1]!, body: match[2]! };
}

/** Parse and validate a chapter's frontmatter with the same schema the site build uses. */
export function parseChapter(source: string, file: string): { data: ChapterData; body: string } {
  const { frontmatter, body } = splitFrontmatter(source, file);
  return { data: parseOrThrow(ChapterSchema, parseYamlText(frontmatter, file), file), body };
}

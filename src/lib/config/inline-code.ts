// Check and limit sentences come from validators written in Markdown's habit: names in backticks.
// The page shows those runs as code instead of printing the backticks.

/** A run of a sentence: plain text, or code that was between backticks. */
export interface InlineRun {
  text: string;
  code: boolean;
}

/**
 * Split a sentence at backtick pairs into text and code runs. An unpaired backtick stays as
 * text, so a sentence never loses a character.
 */
export function splitInlineCode(sentence: string): InlineRun[] {
  const runs: InlineRun[] = [];
  let rest = sentence;
  while (rest) {
    const open = rest.indexOf('`');
    const close = open === -1 ? -1 : rest.indexOf('`', open + 1);
    if (close === -1 || close === open + 1) {
      const end = close === -1 ? rest.length : close + 1;
      runs.push({ text: rest.slice(0, end), code: false });
      rest = rest.slice(end);
      continue;
    }
    if (open > 0) runs.push({ text: rest.slice(0, open), code: false });
    runs.push({ text: rest.slice(open + 1, close), code: true });
    rest = rest.slice(close + 1);
  }
  // Merge neighbouring text runs (an empty pair `` is kept as text).
  return runs.reduce<InlineRun[]>((out, run) => {
    const last = out.at(-1);
    if (last && !last.code && !run.code) last.text += run.text;
    else out.push({ ...run });
    return out;
  }, []);
}

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { ConfigProblem } from './result.ts';
import { runCommand } from './tools.ts';

/** One run: script of a workflow, with the file line its first script line is on. */
export interface RunScript {
  /** The script with ${{ }} expressions replaced by underscores of the same length (as actionlint does). */
  script: string;
  /** File line of the script's first line. */
  line: number;
  /** Shell from the step or the job/workflow defaults; bash when none is set. */
  shell: string;
}

function get(node: unknown, key: string): Node | undefined {
  return isMap(node) ? node.get(key, true) : undefined;
}

function shellOf(...nodes: Array<unknown>): string | undefined {
  for (const node of nodes) {
    const shell = get(get(get(node, 'defaults'), 'run'), 'shell') ?? get(node, 'shell');
    if (isScalar(shell)) return String(shell.value);
  }
  return undefined;
}

/** Every run: script of the workflow's steps, in file order. */
export function findRunScripts(text: string): RunScript[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const out: RunScript[] = [];
  const jobs = get(doc.contents, 'jobs');
  if (!isMap(jobs)) return out;
  for (const job of jobs.items) {
    const steps = get(job.value, 'steps');
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      const run = get(step, 'run');
      if (!isScalar(run) || typeof run.value !== 'string' || !run.range) continue;
      // A block scalar (run: |) starts on the line after its indicator.
      const start = counter.linePos(run.range[0]).line;
      const block = run.type === 'BLOCK_LITERAL' || run.type === 'BLOCK_FOLDED';
      const shell =
        (isScalar(get(step, 'shell'))
          ? String((get(step, 'shell') as { value: unknown }).value)
          : undefined) ??
        shellOf(job.value, doc.contents) ??
        'bash';
      out.push({
        script: run.value.replace(/\$\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, '_')),
        line: block ? start + 1 : start,
        shell,
      });
    }
  }
  return out;
}

interface ShellcheckFinding {
  line: number;
  column: number;
  level: string;
  code: number;
  message: string;
}

/**
 * Run shellcheck on each bash/sh run: script the way GitHub runs it (bash -e -o pipefail), and
 * report findings of level warning and error with their workflow line. Undefined when shellcheck
 * is not installed.
 */
export async function shellcheckWorkflow(
  file: string,
  text: string,
): Promise<{ problems: ConfigProblem[]; skipped: number } | undefined> {
  const problems: ConfigProblem[] = [];
  let skipped = 0;
  for (const run of findRunScripts(text)) {
    const shell = run.shell.split(/\s/)[0]!;
    if (shell !== 'bash' && shell !== 'sh') {
      skipped++;
      continue;
    }
    const out = await runCommand(
      'shellcheck',
      ['--format=json', `--shell=${shell}`, '--severity=warning', '-'],
      { input: run.script },
    );
    if (out.error) return undefined;
    const findings = JSON.parse(out.stdout || '[]') as ShellcheckFinding[];
    for (const f of findings)
      problems.push({
        file,
        line: run.line + f.line - 1,
        message: `${f.message} [shellcheck SC${f.code}, ${f.level}]`,
      });
  }
  return { problems, skipped };
}

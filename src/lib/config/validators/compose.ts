import { dirname } from 'node:path';
import { parseYamlDocuments, lineOfPath } from '../positions.ts';
import { startResult, type CheckResult, type ToolInfo } from '../result.ts';
import { readCommandVersion, runCommand } from '../tools.ts';
import type { ConfigInput, Validator } from './types.ts';

/** A way to run `config` on a Compose file. */
export interface ComposeCandidate {
  /** Name shown in results, e.g. "docker compose". */
  name: string;
  /** Executable. */
  command: string;
  /** Arguments before the Compose arguments, e.g. ["compose"]. */
  prefix: string[];
  origin: string;
}

/** Tried in order: the Compose v2 plugin, then Debian's standalone docker-compose (v1). */
export const COMPOSE_CANDIDATES: ReadonlyArray<ComposeCandidate> = [
  {
    name: 'docker compose',
    command: 'docker',
    prefix: ['compose'],
    origin: 'Docker Compose v2 plugin',
  },
  {
    name: 'docker-compose',
    command: 'docker-compose',
    prefix: [],
    origin: 'standalone v1, e.g. Debian package docker-compose',
  },
];

/** First candidate that runs here, with its version; undefined when none does. */
export async function detectCompose(
  candidates: ReadonlyArray<ComposeCandidate>,
): Promise<{ candidate: ComposeCandidate; tool: ToolInfo } | undefined> {
  for (const candidate of candidates) {
    const version = await readCommandVersion(candidate.command, [
      ...candidate.prefix,
      'version',
      '--short',
    ]);
    if (version)
      return { candidate, tool: { name: candidate.name, version, origin: candidate.origin } };
  }
  return undefined;
}

const HEADER = /^(ERROR: )?The Compose file .* is invalid because:$/;
const UNSET = /^(?:WARNING: )?The (\S+) variable is not set\. Defaulting to a blank string\.$/;

/** Point a Compose error at a line: find the dotted path (services.x.y) and the quoted key it names. */
function locateComposeMessage(input: ConfigInput, message: string): number | undefined {
  const { docs } = parseYamlDocuments(input.text);
  const doc = docs[0];
  if (!doc) return undefined;
  const path = /\b((?:services|volumes|networks|secrets|configs)(?:\.[\w.-]+)?)/.exec(message)?.[1];
  if (!path) return undefined;
  const key = /(?:option for [\w.-]+: |additional propert(?:y|ies) )'([^']+)'/.exec(message)?.[1];
  return lineOfPath(doc, path.split('.'), key);
}

/** Variables the file requires with `${VAR:?message}` or `${VAR?message}`. */
export function findRequiredVariables(text: string): string[] {
  return [
    ...new Set([...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*):?\?/g)].map((m) => m[1]!)),
  ].sort();
}

/** Turn `config` output into problems, one per message line, each with a line when we can find one. */
export function parseComposeOutput(
  input: ConfigInput,
  tool: string,
  output: string,
): CheckResult['problems'] {
  return output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !HEADER.test(l) && !UNSET.test(l) && !l.startsWith('WARNING:'))
    .map((l) => {
      const message = `${l.replace(/^ERROR: /, '').replace(/^validating [^:]+: /, '')} (${tool} config)`;
      const line = locateComposeMessage(input, l);
      return line ? { file: input.file, line, message } : { file: input.file, message };
    });
}

/**
 * Compose files, checked by the real Compose `config` command (schema, interpolation, references
 * between services, volumes and networks). When no Compose is installed the result says
 * "not checked" instead of passing.
 */
export function createComposeValidator(
  candidates: ReadonlyArray<ComposeCandidate> = COMPOSE_CANDIDATES,
): Validator {
  return async (inputs) => {
    const found = await detectCompose(candidates);
    const results: CheckResult[] = [];
    for (const input of inputs) {
      const result = startResult(input.file, input.entry.path, 'compose');
      if (!found) {
        result.status = 'not-checked';
        result.reason = `no Compose here (tried ${candidates.map((c) => `"${[c.command, ...c.prefix].join(' ')}"`).join(', ')}); install Debian's docker-compose package`;
        results.push(result);
        continue;
      }
      const { candidate, tool } = found;
      result.tools.push(tool);
      result.checks.push(
        `\`${candidate.name} config -q\` (Compose schema, interpolation, references)`,
      );
      // A clean environment keeps the check reproducible: only the file, its defaults
      // (${VAR:-x}) and an .env beside it count, not whatever the shell exports. Variables the
      // file marks as required (${VAR:?msg}) are what the manifest's run steps export; they get
      // placeholder values so the rest of the file can be checked.
      const required = findRequiredVariables(input.text);
      if (required.length)
        result.limits.push(
          `required variables set to placeholders for the check: ${required.join(', ')}`,
        );
      const env: NodeJS.ProcessEnv = {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        HOME: process.env['HOME'] ?? '/tmp',
      };
      for (const name of required) env[name] = 'placeholder-for-validation';
      const out = await runCommand(
        candidate.command,
        [
          ...candidate.prefix,
          '-f',
          input.absPath,
          '--project-directory',
          dirname(input.absPath),
          'config',
          '-q',
        ],
        { cwd: dirname(input.absPath), env },
      );
      const lines = `${out.stdout}\n${out.stderr}`.split('\n').map((l) => l.trim());
      const unset = lines.map((l) => UNSET.exec(l)?.[1]).filter((v): v is string => Boolean(v));
      if (unset.length)
        result.limits.push(
          `variables read from the environment, blank during the check (set them before running): ${unset.join(', ')}`,
        );
      for (const w of lines.filter((l) => l.startsWith('WARNING:') && !UNSET.test(l)))
        result.limits.push(`${candidate.name} warned: ${w.replace(/^WARNING: /, '')}`);
      if (out.code !== 0) {
        const problems = parseComposeOutput(input, candidate.name, out.stderr || out.stdout);
        result.problems.push(
          ...(problems.length
            ? problems
            : [
                {
                  file: input.file,
                  message: `${candidate.name} config failed with exit code ${out.code}`,
                },
              ]),
        );
      }
      results.push(result);
    }
    return results;
  };
}

/** The Compose validator with the default candidates. */
export const validateCompose: Validator = createComposeValidator();

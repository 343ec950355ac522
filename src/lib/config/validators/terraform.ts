import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { startResult, type CheckResult } from '../result.ts';
import { npmTool } from '../tools.ts';
import {
  type ProviderSchema,
  findProviderSchemaProblems,
  findReferenceProblems,
  loadProviderSchemas,
} from '../terraform-schema.ts';
import { findModuleProblems, findSecretProblems, type ParsedTfFile } from './terraform-rules.ts';
import type { ConfigInput, Validator } from './types.ts';

/** Parse one HCL file; a syntax error comes back as a line and message (hcl2json says "file:line,col-..."). */
async function parseHcl(
  input: ConfigInput,
): Promise<{ json?: Record<string, unknown>; error?: { line?: number; message: string } }> {
  try {
    return { json: (await parse(input.file, input.text)) as Record<string, unknown> };
  } catch (error) {
    const message = (error as Error).message;
    const match = /:(\d+),\d+-\d+(?:,\d+)?: ([^\]]+)/.exec(message);
    const detail = match?.[2];
    return match && detail
      ? { error: { line: Number(match[1]), message: detail.trim() } }
      : { error: { message } };
  }
}

/** Local module folders (source "./…" or "../…") that the module blocks of these files call. */
function calledModuleDirs(files: ReadonlyArray<ParsedTfFile>): string[] {
  const dirs = new Set<string>();
  for (const f of files)
    for (const bodies of Object.values(
      (f.json['module'] as Record<string, Array<Record<string, unknown>>> | undefined) ?? {},
    )) {
      const source = bodies[0]?.['source'];
      if (typeof source === 'string' && source.startsWith('.'))
        dirs.add(posix.normalize(posix.join(posix.dirname(f.file), source)));
    }
  return [...dirs];
}

/**
 * The .tf files of local modules that the checked files call but the run did not include (a
 * --files run on one root), read from disk and followed transitively, so module inputs and
 * outputs resolve against the real module. They are context only: their own problems are reported
 * when they are checked themselves. A folder that holds no .tf file stays unresolved and is
 * reported by the reference check.
 */
async function loadCalledModules(
  root: string,
  checked: ReadonlyArray<ParsedTfFile>,
): Promise<ParsedTfFile[]> {
  const known = new Set(checked.map((f) => posix.dirname(f.file)));
  const context: ParsedTfFile[] = [];
  let pending = calledModuleDirs(checked).filter((dir) => !known.has(dir));
  while (pending.length > 0) {
    const loaded: ParsedTfFile[] = [];
    for (const dir of pending) {
      known.add(dir);
      const abs = join(root, dir);
      if (!existsSync(abs)) continue;
      for (const name of readdirSync(abs)
        .filter((n) => n.endsWith('.tf'))
        .sort()) {
        const file = `${dir}/${name}`;
        const text = readFileSync(join(abs, name), 'utf8');
        try {
          loaded.push({ file, text, json: (await parse(file, text)) as Record<string, unknown> });
        } catch {
          // A module that does not parse is reported when it is checked; here it resolves nothing.
        }
      }
    }
    context.push(...loaded);
    pending = calledModuleDirs(loaded).filter((dir) => !known.has(dir));
  }
  return context;
}

/**
 * Terraform/OpenTofu HCL: every file parsed by HashiCorp's HCL parser (hcl2json, WASM); files
 * in one folder form a module and are checked together for pinned versions and secrets; aws_*
 * resources and data sources against the AWS provider's schema (from @cdktf/provider-aws), and
 * var/local/module references and module inputs against the declarations.
 */
export const validateTerraform: Validator = async (inputs) => {
  const results = new Map<ConfigInput, CheckResult>();
  const parsed: Array<ParsedTfFile & { input: ConfigInput }> = [];
  for (const input of inputs) {
    const result = startResult(input.file, input.entry.path, 'terraform');
    result.tools.push(npmTool('@cdktf/hcl2json', 'npm, HashiCorp HCL parser compiled to WASM'));
    result.checks.push(
      'parsed as HCL2',
      'module rules: required_version set; every provider in required_providers with source and version (roots with an upper bound); registry modules pinned',
      'no hard-coded credentials; secret-named variables and outputs marked sensitive',
    );
    const [aws, airbyte] = loadProviderSchemas(input.root) as [ProviderSchema, ProviderSchema];
    result.checks.push(
      `aws_* resource and data-source types, arguments and nested blocks against hashicorp/aws ${aws.providerVersion} (${aws.packageRef}, ${aws.file})`,
      'references: var.*, local.* and module.* declared; module.X.Y an output of a local module; local module inputs are its variables and its required variables are set (a called local module outside this run is read from disk for that)',
    );
    if (/^\s*(resource|data)\s+"airbyte_|^\s*provider\s+"airbyte"/m.test(input.text))
      result.checks.push(
        `airbyte_* resource and data-source types, attributes, nested attributes, required attributes and enum values against airbytehq/airbyte ${airbyte.providerVersion} (${airbyte.packageRef}, ${airbyte.file}, derived from the provider's tfplugindocs pages)`,
      );
    const airbyteNote = /^\s*(resource|data)\s+"airbyte_/m.test(input.text)
      ? `, airbytehq/airbyte ${airbyte.providerVersion}`
      : '';
    result.badgeNotes.push(
      `HCL parse, hashicorp/aws ${aws.providerVersion}${airbyteNote} schema, references, pinning and secret rules`,
    );
    result.limits.push(
      "argument types not checked, and required arguments only for airbyte_* (no terraform binary offline); resources of other providers (kubernetes, helm) not checked; registry modules' inputs not checked",
    );
    if (
      /\bjsonencode\s*\(/.test(input.text) &&
      /^\s*resource\s+"airbyte_(source|destination)"/m.test(input.text)
    )
      result.limits.push(
        'the connector configuration inside airbyte_source and airbyte_destination (a JSON string checked by the Airbyte server against the connector specification at apply) is not checked',
      );
    results.set(input, result);
    const { json, error } = await parseHcl(input);
    if (error)
      result.problems.push({
        file: input.file,
        ...(error.line ? { line: error.line } : {}),
        message: `not valid HCL: ${error.message}`,
      });
    else if (json) parsed.push({ file: input.file, text: input.text, json, input });
  }
  const byFile = new Map(parsed.map((p) => [p.file, results.get(p.input)!]));
  const modules = new Map<string, ParsedTfFile[]>();
  for (const p of parsed) {
    const dir = posix.dirname(p.file);
    modules.set(dir, [...(modules.get(dir) ?? []), p]);
    byFile.get(p.file)!.problems.push(...findSecretProblems(p));
  }
  for (const files of modules.values()) {
    for (const problem of findModuleProblems(files))
      byFile.get(problem.file)?.problems.push(problem);
  }
  for (const p of parsed)
    for (const provider of loadProviderSchemas(p.input.root))
      byFile.get(p.file)!.problems.push(...findProviderSchemaProblems(p, provider));
  // Problems found in context modules have no result here (byFile) and are dropped on purpose.
  const context = parsed.length > 0 ? await loadCalledModules(parsed[0]!.input.root, parsed) : [];
  for (const problem of findReferenceProblems([...parsed, ...context]))
    byFile.get(problem.file)?.problems.push(problem);
  return inputs.map((input) => results.get(input)!);
};

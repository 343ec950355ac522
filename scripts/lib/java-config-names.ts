// Reads the property names an airlift-configured Java project (Trino, airlift itself) knows from
// its source: @Config on setters, @LegacyConfig beside them (old names still accepted, with a
// warning), class-level @DefunctConfig (names that stop the server at start-up), and the names
// given to HTTP clients (whose settings then take the prefix "<name>.http-client.").

/** What one source file (or a set of them) declares. */
export interface ConfigNames {
  /** Names bound by @Config. */
  config: string[];
  /** Old name -> current name, from @LegacyConfig (replacedBy, or the @Config on the same setter). */
  legacy: Record<string, string>;
  /** Names listed in @DefunctConfig: setting one stops the server. */
  defunct: string[];
  /** Names passed to bindHttpClient(...) or internalHttpClientModule(...). */
  httpClients: string[];
  /** Annotation arguments that could not be resolved to a string (kept so a refresh can fail loudly). */
  unresolved: string[];
}

const STRING = /"((?:[^"\\]|\\.)*)"/g;

/** `static final String NAME = "value";` constants, so @Config(NAME) can be resolved. */
export function readStringConstants(source: string): Map<string, string> {
  const constants = new Map<string, string>();
  for (const m of source.matchAll(
    /static\s+final\s+String\s+([A-Z][A-Z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*;/g,
  ))
    constants.set(m[1]!, m[2]!);
  return constants;
}

/** The text inside the parentheses that open at `open` (which must index a "("). */
function balancedArgument(source: string, open: number): string {
  let depth = 0;
  let inString = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return source.slice(open + 1, i);
  }
  return source.slice(open + 1);
}

/** Looks up a constant another class declares: (class simple name or undefined, constant name). */
export type ConstantLookup = (className: string | undefined, name: string) => string | undefined;

/**
 * Build a lookup over many files' constants (path -> text): by class when the reference or a
 * static import names it, else by name when every file that declares it agrees on the value.
 */
export function constantLookup(files: ReadonlyMap<string, string>): ConstantLookup {
  const byClass = new Map<string, Map<string, string>>();
  const byName = new Map<string, Set<string>>();
  for (const [path, text] of files) {
    const constants = readStringConstants(text);
    byClass.set(
      path
        .split('/')
        .pop()!
        .replace(/\.java$/, ''),
      constants,
    );
    for (const [k, v] of constants) byName.set(k, (byName.get(k) ?? new Set()).add(v));
  }
  return (className, name) => {
    if (className) return byClass.get(className)?.get(name);
    const values = byName.get(name);
    return values?.size === 1 ? [...values][0] : undefined;
  };
}

/** String values of an annotation argument: literals, or constants resolved through `resolve`. */
function argumentStrings(
  argument: string,
  resolve: (ref: string) => string | undefined,
  unresolved: string[],
): string[] {
  const literals = [...argument.matchAll(STRING)].map((m) => m[1]!);
  if (literals.length) return literals;
  const value = resolve(argument.trim());
  if (value === undefined) {
    unresolved.push(argument.trim());
    return [];
  }
  return [value];
}

/** Drop // and /* *\/ comments so commented-out annotations are not read. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:"])\/\/[^\n]*/g, '$1');
}

/**
 * The property names one Java source file declares. Annotation arguments that name a constant
 * are resolved from the file itself, then through `lookup` (the class named in the reference or
 * its static import, else a name all files agree on).
 */
export function scanConfigNames(
  source: string,
  lookup: ConstantLookup = () => undefined,
): ConfigNames {
  const text = stripComments(source);
  const own = readStringConstants(source);
  const constants = (ref: string): string | undefined => {
    const parts = ref.split('.');
    const name = parts.pop()!;
    const className = parts.pop();
    if (!className && own.has(name)) return own.get(name);
    const imported = new RegExp(`import\\s+static\\s+[\\w.]*?\\.(\\w+)\\.${name}\\s*;`).exec(
      source,
    )?.[1];
    return (
      lookup(className ?? imported, name) ??
      (className || imported ? undefined : lookup(undefined, name))
    );
  };
  const out: ConfigNames = { config: [], legacy: {}, defunct: [], httpClients: [], unresolved: [] };
  // A setter's annotations end at its signature: split the file there so @LegacyConfig pairs
  // with the @Config of the same setter whichever comes first.
  const annotation = /@(Config|LegacyConfig|DefunctConfig)\s*\(/g;
  const groups: { kind: string; argument: string; at: number }[] = [];
  for (const m of text.matchAll(annotation)) {
    const open = m.index + m[0].length - 1;
    groups.push({ kind: m[1]!, argument: balancedArgument(text, open), at: m.index });
  }
  const signatureAfter = (at: number): number => {
    const rest = text.slice(at);
    const sig = rest.search(/\n\s*(public|protected|private)\s/);
    return sig < 0 ? text.length : at + sig;
  };
  for (const g of groups) {
    if (g.kind === 'Config')
      out.config.push(...argumentStrings(g.argument, constants, out.unresolved));
    else if (g.kind === 'DefunctConfig')
      out.defunct.push(...argumentStrings(g.argument, constants, out.unresolved));
  }
  for (const g of groups) {
    if (g.kind !== 'LegacyConfig') continue;
    const replacedBy = /replacedBy\s*=\s*"([^"]+)"/.exec(g.argument)?.[1];
    const valuePart = g.argument
      .replace(/,?\s*replacedBy\s*=\s*"[^"]*"/, '')
      .replace(/^\s*value\s*=\s*/, '');
    const names = argumentStrings(valuePart, constants, out.unresolved);
    let current = replacedBy;
    if (!current) {
      // The @Config on the same setter: the nearest one whose signature is this annotation's.
      const end = signatureAfter(g.at);
      const sibling = groups.find((o) => o.kind === 'Config' && signatureAfter(o.at) === end);
      current = sibling ? argumentStrings(sibling.argument, constants, [])[0] : undefined;
    }
    if (!current)
      out.unresolved.push(`@LegacyConfig(${g.argument.trim()}) without a @Config beside it`);
    else for (const name of names) out.legacy[name] = current;
  }
  for (const m of text.matchAll(/(?:bindHttpClient|internalHttpClientModule)\s*\(\s*"([^"]+)"/g))
    out.httpClients.push(m[1]!);
  return out;
}

/** The resolved names alone: what a refresh writes once it has checked `unresolved` is empty. */
export function knownConfigNames({
  config,
  legacy,
  defunct,
  httpClients,
}: ConfigNames): Omit<ConfigNames, 'unresolved'> {
  return { config, legacy, defunct, httpClients };
}

/** Merge several files' names into one sorted, de-duplicated set. */
export function mergeConfigNames(parts: ReadonlyArray<ConfigNames>): ConfigNames {
  const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
  const legacy: Record<string, string> = {};
  for (const p of parts) Object.assign(legacy, p.legacy);
  return {
    config: sorted(parts.flatMap((p) => p.config)),
    legacy: Object.fromEntries(Object.entries(legacy).sort(([a], [b]) => a.localeCompare(b))),
    defunct: sorted(parts.flatMap((p) => p.defunct)),
    httpClients: sorted(parts.flatMap((p) => p.httpClients)),
    unresolved: sorted(parts.flatMap((p) => p.unresolved)),
  };
}

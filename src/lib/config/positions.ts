import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
} from 'yaml';

/** 1-based line of a character offset in `text`. */
export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** 1-based line of the first line matching `pattern`, or undefined. */
export function findLine(text: string, pattern: RegExp): number | undefined {
  const index = text.split('\n').findIndex((l) => pattern.test(l));
  return index === -1 ? undefined : index + 1;
}

/** A YAML (or JSON) document with what is needed to point at lines. */
export interface LocatedDocument {
  /** Plain JavaScript value of the document. */
  value: unknown;
  /** The parsed document, for node positions. */
  doc: Document.Parsed;
  /** Maps offsets to lines for this document's source text. */
  lines: LineCounter;
}

/** A YAML syntax error with its line. */
export interface YamlSyntaxError {
  line: number;
  message: string;
}

/**
 * Parse every document in a YAML stream, keeping positions. Returns syntax errors instead of
 * throwing, each with its line.
 */
export function parseYamlDocuments(text: string): {
  docs: LocatedDocument[];
  errors: YamlSyntaxError[];
} {
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const list = Array.isArray(parsed) ? parsed : [];
  const errors: YamlSyntaxError[] = [];
  for (const doc of list) {
    for (const e of doc.errors) {
      errors.push({ line: lines.linePos(e.pos[0]).line, message: firstLine(e.message) });
    }
  }
  const docs = list
    .filter((doc) => doc.contents !== null || doc.errors.length > 0)
    .map((doc) => ({
      value: doc.errors.length ? undefined : (doc.toJS({ maxAliasCount: 100 }) as unknown),
      doc,
      lines,
    }));
  return { docs, errors };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Split a JSON Pointer ("/spec/containers/0") into path segments. */
export function pointerToPath(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * 1-based line of the node at `path` in a document; with `key`, the line of that key inside the
 * map at `path` (for unknown or missing fields). Falls back to the nearest ancestor that exists.
 */
export function lineOfPath(
  located: LocatedDocument,
  path: ReadonlyArray<string | number>,
  key?: string,
): number | undefined {
  let node: Node | null | undefined = located.doc.contents;
  let line = node?.range ? located.lines.linePos(node.range[0]).line : undefined;
  const segments = key === undefined ? path : [...path, key];
  for (const [i, segment] of segments.entries()) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (keyNode.range) line = located.lines.linePos(keyNode.range[0]).line;
      node = pair.value as Node | null;
      if (key !== undefined && i === segments.length - 1) break;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      node = item;
      if (item.range) line = located.lines.linePos(item.range[0]).line;
    } else {
      break;
    }
  }
  return line;
}

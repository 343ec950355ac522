import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
for (const f of process.argv.slice(2)) { const docs = parseAllDocuments(readFileSync(f,'utf8')); for (const d of docs) if (d.errors.length) throw new Error(f+': '+d.errors[0].message); console.log(f, 'ok', docs.length); }

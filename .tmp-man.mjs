import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ConfigManifestSchema } from './src/lib/config/schema.ts';
for (const id of ['security','data-quality-lineage']) { const r = ConfigManifestSchema.safeParse(parse(readFileSync(`content/configs/${id}/manifest.yaml`,'utf8'))); console.log(id, r.success ? 'ok' : JSON.stringify(r.error.issues)); }

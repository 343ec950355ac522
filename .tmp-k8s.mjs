import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
const docs = parseAllDocuments(readFileSync(process.argv[2],'utf8'));
let n=0; for (const d of docs) { const o=d.toJS(); if(!o) continue; if (d.errors.length) throw d.errors[0]; new NetworkPolicy(o).validate(); n++; }
console.log('valid', n);

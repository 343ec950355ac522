import YAML from 'yaml'; import fs from 'node:fs';
for (const f of process.argv.slice(2)) { try { const d = YAML.parse(fs.readFileSync(f,'utf8')); console.log('OK', f, Object.keys(d||{}).join(',')); } catch(e) { console.log('ERR', f, e.message); } }

import pkg from 'node-sql-parser';
import fs from 'node:fs';
const { Parser } = pkg;
const p = new Parser();
function render(src, inc) {
  let s = src.replace(/\{#[\s\S]*?#\}/g, '');
  s = s.replace(/\{%-?\s*macro[\s\S]*?endmacro\s*-?%\}/g, '');
  s = s.replace(/\{\{\s*config\([\s\S]*?\)\s*\}\}/g, '');
  s = s.replace(/\{%-?\s*if is_incremental\(\)\s*-?%\}([\s\S]*?)\{%-?\s*endif\s*-?%\}/g, (_, b) => inc ? b : '');
  s = s.replace(/\{\{\s*ref\('([^']+)'\)\s*\}\}/g, 'lake.m.$1');
  s = s.replace(/\{\{\s*source\('([^']+)',\s*'([^']+)'\)\s*\}\}/g, '$1.$2');
  s = s.replace(/\{\{\s*this\s*\}\}/g, 'lake.m.this_model');
  return s;
}
for (const f of process.argv.slice(2)) {
  const src = fs.readFileSync(f, 'utf8');
  for (const inc of [false, true]) {
    try { p.astify(render(src, inc), { database: 'trino' }); console.log('OK ', inc, f); }
    catch (e) { console.log('ERR', inc, f, e.message.slice(0, 300)); }
  }
}

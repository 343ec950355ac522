import { startStaticServer } from './lib/audit/static-server.ts';
const s = await startStaticServer(process.argv[2] ?? 'dist', '/', Number(process.argv[3] ?? 4476));
console.log(s.origin);

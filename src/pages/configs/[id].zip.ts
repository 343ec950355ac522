// /configs/<id>.zip: the component's folder as a zip, generated at build time.
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildConfigZip } from '../../lib/config/build-zip.ts';
import type { ConfigFolder } from '../../lib/config/load-manifests.ts';
import { loadValidConfigReport } from '../../lib/config/load-report.ts';

export const getStaticPaths = (async () => {
  const report = await loadValidConfigReport();
  return report.folders.map((folder) => ({ params: { id: folder.id }, props: { folder } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const zip = buildConfigZip((props as { folder: ConfigFolder }).folder);
  // Copy into a plain ArrayBuffer-backed view: Response's typings reject a shared-buffer view.
  return new Response(new Uint8Array(zip), { headers: { 'Content-Type': 'application/zip' } });
};

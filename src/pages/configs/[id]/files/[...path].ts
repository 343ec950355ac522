// /configs/<id>/files/<path>: each reference config as a plain file, for download links.
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadValidConfigReport } from '../../../../lib/config/load-report.ts';

export const getStaticPaths = (async () => {
  const report = await loadValidConfigReport();
  return report.folders.flatMap((folder) =>
    folder.manifest.files.map((f) => ({
      params: { id: folder.id, path: f.path },
      props: { source: `${folder.dir}/${f.path}` },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(readFileSync((props as { source: string }).source), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });

// /downloads/platform.{svg,mmd,drawio}: the map's exports, built by the same functions as the
// committed copies in diagram/exports/ (a unit test fails when those drift from the graph).
import type { APIRoute, GetStaticPaths } from 'astro';
import tokensCss from '../../styles/tokens.css?raw';
import { graph } from '../../data/site.ts';
import { buildExportFiles, type ExportFile } from '../../lib/graph/export-files.ts';

export const getStaticPaths = (() =>
  buildExportFiles(graph, tokensCss).map((file) => ({
    params: { file: file.name },
    props: { file },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { file } = props as { file: ExportFile };
  return new Response(file.content, { headers: { 'Content-Type': file.mediaType } });
};

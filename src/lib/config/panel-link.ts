import type { PanelLink } from '../graph/panel.ts';
import type { ConfigReport } from './validate-configs.ts';
import { routes } from '../site/routes.ts';

/** The map panel's link to a component's configs, saying how its files were checked; none without configs. */
export function toConfigPanelLink(report: ConfigReport, id: string): PanelLink | undefined {
  const results = report.results.filter((r) => r.file.startsWith(`content/configs/${id}/`));
  if (!results.length) return undefined;
  const checked = results.filter((r) => r.status === 'checked').length;
  const files = results.length === 1 ? '1 file' : `${results.length} files`;
  const unchecked = results.length - checked;
  const note =
    unchecked === 0
      ? `${files}, all validated on every build`
      : `${files}, ${checked} validated on every build, ${unchecked} not checked offline`;
  return { href: routes.config(id), label: 'Reference configs', note };
}

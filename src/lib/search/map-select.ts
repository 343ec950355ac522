// On the map page (home) a component result selects its node instead of navigating, through the
// map island's contract: it reads ?node=<id> from the URL and listens for popstate.

/** True when `pathname` is the map page, the site's home (`base`, with or without index.html). */
export function isMapPage(pathname: string, base: string): boolean {
  const root = base.endsWith('/') ? base : `${base}/`;
  return pathname === root || pathname === `${root}index.html` || `${pathname}/` === root;
}

/** The query string that selects a node on the map, the contract the map island reads: "?node=<id>". */
export function toNodeSearch(nodeId: string): string {
  return `?${new URLSearchParams({ node: nodeId }).toString()}`;
}

/** True when a click should be left to the browser (new tab, new window, download). */
export function isModifiedClick(e: {
  button: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): boolean {
  return e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey;
}

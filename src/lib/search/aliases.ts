// Words data engineers search with that a chapter does not use itself: generic names for what the
// component is ("message broker") and the commercial or older products it stands in for
// ("Tableau", "Presto"). Chapter pages carry them as Pagefind metadata (`aliases`), which is
// searched and weighted like `keywords` but never shown. Terms the chapter itself discusses belong
// in its frontmatter `keywords` instead. The query table in tests/e2e/search.spec.ts has, per
// component here, a row (marked "alias") that passes only because of these.

/** Search aliases per component id (the chapter slug). Every id must be a node of diagram/graph.yaml. */
export const SEARCH_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'data-storage': ['medallion architecture', 'data lake'],
  'stream-ingestion': [
    'message broker',
    'message queue',
    'event bus',
    'pub/sub',
    'event streaming platform',
  ],
  'adhoc-cluster': ['query engine', 'SQL engine', 'Presto', 'data exploration'],
  'etl-cluster': ['data modeling', 'data modelling', 'transformation layer', 'SQL transformations'],
  'experiment-tracking': ['hyperparameter tuning', 'experiment runs', 'Weights & Biases'],
  orchestration: ['cron jobs', 'job scheduler', 'workflow orchestration'],
  'bi-cluster': ['Tableau', 'Power BI', 'Looker', 'reporting'],
  'data-quality-lineage': ['data catalog', 'data discovery', 'metadata management'],
};

/** The aliases of a component as one metadata value ("a, b, c"), or "" when it has none. */
export function getSearchAliases(
  id: string,
  aliases: Readonly<Record<string, readonly string[]>> = SEARCH_ALIASES,
): string {
  return (aliases[id] ?? []).join(', ');
}

/** Ids in the alias table that are not components, so a renamed id fails a test instead of silently losing its aliases. */
export function findUnknownAliasIds(
  knownIds: Iterable<string>,
  aliases: Readonly<Record<string, readonly string[]>> = SEARCH_ALIASES,
): string[] {
  const known = new Set(knownIds);
  return Object.keys(aliases).filter((id) => !known.has(id));
}

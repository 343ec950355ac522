// The synthetic "orders" table every measured benchmark uses: generated in SQL from range() and
// hash(), offline, without the tpch extension. The same seed gives the same rows on any machine
// with the same DuckDB version; hash() is not promised stable across versions, so another version
// may give other rows.

/** Countries in the data; later ones are more frequent (weight 2k + 1), like a real skewed dimension. */
export const COUNTRIES = [
  'DE',
  'FR',
  'GB',
  'US',
  'CA',
  'BR',
  'IN',
  'JP',
  'AU',
  'NL',
  'ES',
  'IT',
  'SE',
  'PL',
  'MX',
  'ZA',
  'KR',
  'SG',
  'NG',
  'AR',
] as const;

/** The country the selective layout query filters on: about 6 % of rows. */
export const FILTER_COUNTRY = 'SE';

/** The customer the selective predicate looks up: about 10 orders per million rows. */
export const FILTER_CUSTOMER = 4242;

/** How the dataset is described in result files. */
export const ORDERS_DESCRIPTION =
  'one row per order: id, customer (100,000), timestamp (a year in arrival order, minutes of jitter), status (skewed: 77 % delivered), country (20, skewed), product (5,000), quantity, unit price (fixed per product)';

/** Where the generator lives, for provenance. */
export const ORDERS_GENERATOR = 'scripts/lib/bench/orders.ts';

/** Column definitions shared by every engine that needs a CREATE TABLE. */
export const ORDERS_COLUMNS = [
  ['order_id', 'BIGINT'],
  ['customer_id', 'INTEGER'],
  ['order_ts', 'TIMESTAMP'],
  ['status', 'VARCHAR'],
  ['country', 'VARCHAR'],
  ['product_id', 'INTEGER'],
  ['quantity', 'INTEGER'],
  ['unit_price', 'DECIMAL(12,2)'],
] as const;

/** A DuckDB SELECT producing `rows` orders for `seed`; deterministic and ordered by order_id. */
export function ordersSelectSql(rows: number, seed: number): string {
  if (!Number.isInteger(rows) || rows < 1)
    throw new Error(`rows must be a positive integer, got ${rows}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const countries = `[${COUNTRIES.map((c) => `'${c}'`).join(', ')}]`;
  // Milli-seconds between consecutive orders so that `rows` orders span one year.
  const stepMs = Math.max(1, Math.floor((365 * 86_400_000) / rows));
  const h = (salt: string) => `hash(i, ${seed}, '${salt}')`;
  return `SELECT
  i::BIGINT AS order_id,
  (${h('customer')} % 100000)::INTEGER AS customer_id,
  TIMESTAMP '2025-01-01' + to_milliseconds((i * ${stepMs} + ${h('jitter')} % 600000)::BIGINT) AS order_ts,
  CASE WHEN ${h('status')} % 100 < 4 THEN 'placed' WHEN ${h('status')} % 100 < 9 THEN 'paid'
       WHEN ${h('status')} % 100 < 20 THEN 'shipped' WHEN ${h('status')} % 100 < 97 THEN 'delivered'
       ELSE 'returned' END AS status,
  ${countries}[1 + floor(sqrt(${h('country')} % 400))::INTEGER] AS country,
  (${h('product')} % 5000)::INTEGER AS product_id,
  (CASE WHEN ${h('qty')} % 100 < 70 THEN 1 ELSE 1 + ${h('qty')} % 5 END)::INTEGER AS quantity,
  (((${h('product')} % 5000) * 37 % 20000) / 100 + 0.99)::DECIMAL(12,2) AS unit_price
FROM range(${rows}) t(i)`;
}

/** A SQL fingerprint of a table's contents: row count and an order-independent checksum. */
export function fingerprintSql(table: string): string {
  const cols = ORDERS_COLUMNS.map(([c]) => c).join(', ');
  return `SELECT count(*)::BIGINT AS n, sum(hash(${cols}) % 1000000007)::HUGEINT::VARCHAR AS checksum FROM ${table}`;
}

/** A deterministic list of `count` order ids in [0, rows), spread over the table (mulberry32 PRNG). */
export function sampleIds(count: number, rows: number, seed: number): number[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => Math.floor(next() * rows));
}

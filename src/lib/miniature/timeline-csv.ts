// The timeline as CSV, the one format both source engines load with COPY.
import { formatTimestamp } from './config.ts';
import type { CustomerVersion, OrderDelete, OrderVersion } from './generate.ts';

/** Quote a CSV field when it holds a delimiter, a quote, a line break or edge spaces. */
export function toCsvField(value: string): string {
  return /[",\n\r]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Format minor units as a decimal with two places: 4599 → "45.99". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Join rows into CSV text with a header line; callers quote the free-text fields. */
function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((row) => row.join(',')).join('\n') + '\n';
}

/** Customer versions as CSV, columns in the order of sim.customer_versions. */
export function toCustomerVersionsCsv(versions: ReadonlyArray<CustomerVersion>): string {
  return toCsv(
    [
      'customer_id',
      'email',
      'full_name',
      'country_code',
      'created_at',
      'updated_at',
      'committed_at',
    ],
    versions.map((v) => [
      String(v.customerId),
      toCsvField(v.email),
      toCsvField(v.fullName),
      v.countryCode,
      formatTimestamp(v.createdAt),
      formatTimestamp(v.updatedAt),
      formatTimestamp(v.committedAt),
    ]),
  );
}

/** Order versions as CSV, columns in the order of sim.order_versions (no free text to quote). */
export function toOrderVersionsCsv(versions: ReadonlyArray<OrderVersion>): string {
  return toCsv(
    [
      'order_id',
      'customer_id',
      'status',
      'currency',
      'total_amount',
      'created_at',
      'updated_at',
      'committed_at',
      'channel',
    ],
    // An empty field loads as NULL in both engines' CSV COPY.
    versions.map((v) => [
      String(v.orderId),
      String(v.customerId),
      v.status,
      v.currency,
      formatCents(v.totalCents),
      formatTimestamp(v.createdAt),
      formatTimestamp(v.updatedAt),
      formatTimestamp(v.committedAt),
      v.channel ?? '',
    ]),
  );
}

/** Order deletes as CSV, columns in the order of sim.order_deletes. */
export function toOrderDeletesCsv(deletes: ReadonlyArray<OrderDelete>): string {
  return toCsv(
    ['order_id', 'committed_at'],
    deletes.map((d) => [String(d.orderId), formatTimestamp(d.committedAt)]),
  );
}

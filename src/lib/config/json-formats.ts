import type { Format } from 'ajv';

// The JSON Schema formats that upstream schemas in the registry use (ODCS: date, date-time, uri).
// ajv knows no formats by itself and, in strict mode, refuses a schema that names one it does not
// know. ajv-formats would supply them but is not a declared dependency, so these three are checked
// here with the RFC 3339 grammar and the WHATWG URL parser.

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2}|60)(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

/** True for an RFC 3339 full-date that exists in the calendar (2024-02-29 yes, 2023-02-29 no). */
export function isFullDate(text: string): boolean {
  const m = FULL_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** True for an RFC 3339 date-time with a time zone offset or Z. */
export function isDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m || !isFullDate(m[1]!)) return false;
  const [hour, minute] = [Number(m[2]), Number(m[3])];
  const offsetOk = m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59);
  return hour <= 23 && minute <= 59 && offsetOk;
}

/** True for an absolute URI (a scheme followed by what the WHATWG URL parser accepts). */
export function isUri(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) && URL.canParse(text);
}

/** Formats passed to ajv's `formats` option, keyed by their JSON Schema names. */
export const jsonFormats: Record<string, Format> = {
  date: { type: 'string', validate: isFullDate },
  'date-time': { type: 'string', validate: isDateTime },
  uri: { type: 'string', validate: isUri },
};

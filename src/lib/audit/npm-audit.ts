/** Severity levels npm audit reports, mildest first. */
export const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What `npm audit --json` prints (report version 2), as far as it is read here. */
export interface NpmAuditJson {
  /** Set when npm could not run the audit, e.g. a registry without the audit endpoint. */
  error?: { code?: string; summary?: string; detail?: string };
  message?: string;
  vulnerabilities?: Record<
    string,
    {
      name: string;
      severity: Severity;
      isDirect?: boolean;
      via: (string | { title?: string; url?: string })[];
    }
  >;
  metadata?: {
    vulnerabilities?: Partial<Record<Severity | 'total', number>>;
    dependencies?: { prod?: number; total?: number };
  };
}

/** The outcome of an audit of the production dependencies. */
export interface NpmAuditSummary {
  /** Vulnerable packages per severity. */
  counts: Record<Severity, number>;
  /** Production dependencies audited. */
  dependencies: number | undefined;
  /** One line per vulnerable package, most severe first: "name (severity): advisory title <url>". */
  findings: string[];
  /** Why the audit failed: high or critical findings. */
  problems: string[];
  /** Set when npm could not run the audit at all (no registry, or one without the audit endpoint). */
  unavailable?: string;
}

/** Read `npm audit --omit=dev --json` output; high and critical findings are problems. */
export function summarizeNpmAudit(json: NpmAuditJson): NpmAuditSummary {
  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, json.metadata?.vulnerabilities?.[s] ?? 0]),
  ) as Record<Severity, number>;
  if (json.error) {
    const reason = [json.error.code, json.error.summary || json.message].filter(Boolean).join(': ');
    return {
      counts,
      dependencies: undefined,
      findings: [],
      problems: [],
      unavailable: `npm audit could not run (${reason || 'unknown error'}); it needs the npm registry's audit endpoint`,
    };
  }
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  const findings = Object.values(json.vulnerabilities ?? {})
    .sort((a, b) => rank(b.severity) - rank(a.severity) || a.name.localeCompare(b.name))
    .map((v) => {
      const advisory = v.via.find(
        (x): x is { title?: string; url?: string } => typeof x === 'object',
      );
      const detail = advisory
        ? `${advisory.title ?? 'advisory'} <${advisory.url ?? ''}>`
        : `via ${v.via.filter((x) => typeof x === 'string').join(', ')}`;
      return `${v.name} (${v.severity}${v.isDirect ? ', direct' : ''}): ${detail}`;
    });
  const serious = counts.high + counts.critical;
  const problems = serious
    ? [
        `npm audit --omit=dev: ${counts.critical} critical and ${counts.high} high vulnerabilities in production dependencies`,
      ]
    : [];
  return { counts, dependencies: json.metadata?.dependencies?.prod, findings, problems };
}

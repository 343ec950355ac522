import type { ConfigProblem } from './result.ts';

/** Names that hold a credential: password, secret, token, access or private keys. */
const SECRET_NAME =
  /(^|[_.-])(password|passwd|pwd|secret|secret[_-]?key|secret[_-]?access[_-]?key|access[_-]?key|api[_-]?key|token|private[_-]?key|client[_-]?secret)$/i;

/** True when a field or variable name says it holds a credential (e.g. `master_password`). */
export function isSecretName(name: string): boolean {
  // camelCase names (Druid's keyStorePassword) count too: split them like snake_case.
  return SECRET_NAME.test(name.replace(/([a-z0-9])([A-Z])/g, '$1_$2'));
}

/**
 * True when a literal is clearly not a real credential: empty, an interpolation, a reference to
 * an environment variable or secret store, or an obvious placeholder such as "<password>".
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return (
    v === '' ||
    /\$\{|\{\{|%\(|^\$[A-Z_]/.test(v) ||
    /^<[^>]+>$/.test(v) ||
    /^(changeme|change-me|replace-me|example|xxx+|\*+|redacted)$/i.test(v) ||
    /^(arn:|secretsmanager:|ssm:|vault:|env:|file:|\/run\/secrets\/)/i.test(v) ||
    // Druid's environment password provider: {"type":"environment","variable":"X"}
    /^\{\s*"type"\s*:\s*"environment"/.test(v)
  );
}

/** Credentials that must never be committed, whatever the file type. */
const CREDENTIAL_PATTERNS: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/, what: 'an AWS access key id' },
  { pattern: /-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----/, what: 'a private key' },
  { pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/, what: 'a GitHub token' },
  { pattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}/, what: 'a Slack token' },
];

/** Scan any config text for committed credentials; one problem per line that holds one. */
export function findCommittedCredentials(file: string, text: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  text.split('\n').forEach((lineText, i) => {
    for (const { pattern, what } of CREDENTIAL_PATTERNS) {
      if (pattern.test(lineText))
        problems.push({
          file,
          line: i + 1,
          message: `looks like ${what}; never commit credentials, reference a secret store instead`,
        });
    }
  });
  return problems;
}

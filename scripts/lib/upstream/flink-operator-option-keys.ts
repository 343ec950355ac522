/**
 * Option keys from the Flink Kubernetes Operator's generated configuration tables
 * (docs/layouts/shortcodes/generated/*.html, written from the ConfigOption classes and kept in
 * sync by the operator's own docs test). Each key sits in `<td><h5>key</h5></td>`.
 */
export function optionKeysFromHtml(html: string): string[] {
  const keys: string[] = [];
  for (const m of html.matchAll(/<td><h5>([^<]+)<\/h5><\/td>/g)) {
    // Templated keys are written with HTML-escaped angle brackets, e.g. &lt;name&gt;.
    keys.push(m[1]!.trim().replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  }
  return keys;
}

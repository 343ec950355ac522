/**
 * Custom resources we check structurally: `<apiVersion> <kind>` → schema name in
 * src/lib/config/schemas/. Each schema is written from the operator's documented CRD fields and
 * cites its source in `description`. Add an entry (and a schema) to accept a new kind.
 */
export const CUSTOM_RESOURCE_SCHEMAS: Record<string, string> = {
  'serving.kserve.io/v1beta1 InferenceService': 'crd-kserve-inference-service',
};

/** Schema name for a custom resource, or undefined when we have none. */
export function findCustomResourceSchema(apiVersion: string, kind: string): string | undefined {
  return CUSTOM_RESOURCE_SCHEMAS[`${apiVersion} ${kind}`];
}

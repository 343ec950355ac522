/**
 * Custom resources we check structurally: `<apiVersion> <kind>` → schema name in
 * src/lib/config/schemas/. Each schema is written from the operator's documented CRD fields and
 * cites its source in `description`. Add an entry (and a schema) to accept a new kind.
 */
export const CUSTOM_RESOURCE_SCHEMAS: Record<string, string> = {
  'serving.kserve.io/v1beta1 InferenceService': 'crd-kserve-inference-service',
  'argoproj.io/v1alpha1 AppProject': 'crd-argocd-app-project',
  'argoproj.io/v1alpha1 Application': 'crd-argocd-application',
  'karpenter.sh/v1 NodePool': 'crd-karpenter-node-pool',
  'karpenter.k8s.aws/v1 EC2NodeClass': 'crd-karpenter-ec2-node-class',
  'external-secrets.io/v1 SecretStore': 'crd-eso-secret-store',
  'external-secrets.io/v1 ExternalSecret': 'crd-eso-external-secret',
  'gateway.networking.k8s.io/v1 HTTPRoute': 'crd-gateway-http-route',
  'gateway.networking.k8s.io/v1beta1 ReferenceGrant': 'crd-gateway-reference-grant',
};

/** Schema name for a custom resource, or undefined when we have none. */
export function findCustomResourceSchema(apiVersion: string, kind: string): string | undefined {
  return CUSTOM_RESOURCE_SCHEMAS[`${apiVersion} ${kind}`];
}

import { actionInputsSource } from '../upstream/write-action-inputs.ts';

/** Inputs of aquasecurity/trivy-action at the release the ci-cd workflows pin. */
export const source = actionInputsSource({
  name: 'aquasecurity-trivy-action',
  repository: 'aquasecurity/trivy-action',
  ref: 'v0.36.0',
  licence: 'Apache-2.0',
});

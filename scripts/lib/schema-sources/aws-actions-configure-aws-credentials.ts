import { actionInputsSource } from '../upstream/write-action-inputs.ts';

/** Inputs of aws-actions/configure-aws-credentials at the release the ci-cd workflows pin. */
export const source = actionInputsSource({
  name: 'aws-actions-configure-aws-credentials',
  repository: 'aws-actions/configure-aws-credentials',
  ref: 'v6.2.3',
  licence: 'MIT',
});

import { actionInputsSource } from '../upstream/write-action-inputs.ts';

/** Inputs of actions/download-artifact at the release the ci-cd workflows pin. */
export const source = actionInputsSource({
  name: 'actions-download-artifact',
  repository: 'actions/download-artifact',
  ref: 'v8.0.1',
  licence: 'MIT',
});

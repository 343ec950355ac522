import { actionInputsSource } from '../upstream/write-action-inputs.ts';

/** Inputs of actions/upload-artifact at the release the ci-cd workflows pin. */
export const source = actionInputsSource({
  name: 'actions-upload-artifact',
  repository: 'actions/upload-artifact',
  ref: 'v7.0.0',
  licence: 'MIT',
});

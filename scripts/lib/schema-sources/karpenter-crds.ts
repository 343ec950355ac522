import { crdSource } from '../upstream/write-crds.ts';

/** Karpenter's NodePool and EC2NodeClass CRDs at the latest AWS provider release. */
export const source = crdSource(
  {
    name: 'karpenter-crds',
    repository: 'aws/karpenter-provider-aws',
    ref: 'v1.14.1',
    licence: 'Apache-2.0',
  },
  {
    operator: 'Karpenter',
    paths: [
      'pkg/apis/crds/karpenter.sh_nodepools.yaml',
      'pkg/apis/crds/karpenter.k8s.aws_ec2nodeclasses.yaml',
    ],
    kinds: ['NodePool', 'EC2NodeClass'],
  },
);

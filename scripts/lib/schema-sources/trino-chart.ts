import { helmKeyTreeSource, typedMapRule } from '../upstream/write-helm-schema.ts';

const coordinatorConfig = 'templates/configmap-coordinator.yaml';

/**
 * The trinodb/charts `trino` chart at the latest release. It ships no values.schema.json, so the
 * schema is its values key tree plus the `fail` conditions in its templates.
 */
export const source = helmKeyTreeSource(
  { name: 'trino-chart', repository: 'trinodb/charts', ref: 'trino-1.42.2', licence: 'Apache-2.0' },
  {
    chartDir: 'charts/trino',
    schemaName: 'trino-values',
    freeForm: {
      catalogs:
        "catalog names are the user's own (configmap-catalog.yaml: range $catalogName, $catalogProperties := .Values.catalogs)",
      securityContext:
        'a PodSecurityContext passed whole (deployment-*.yaml: with .Values.securityContext, toYaml)',
    },
    failRules: [
      typedMapRule(
        'accessControl',
        ['configmap', 'properties'],
        "Invalid accessControl.type value. It must be either 'configmap' or 'properties'.",
        `${coordinatorConfig}:110`,
      ),
      typedMapRule(
        'resourceGroups',
        ['configmap', 'properties'],
        "Invalid resourceGroups.type value. It must be either 'configmap' or 'properties'.",
        `${coordinatorConfig}:127`,
      ),
      typedMapRule(
        'sessionProperties',
        ['configmap', 'properties'],
        "Invalid sessionProperties.type value. It must be either 'configmap' or 'properties'.",
        `${coordinatorConfig}:147`,
      ),
      ...(['accessControl', 'resourceGroups', 'sessionProperties'] as const).map((key, i) => ({
        template: `${coordinatorConfig}:${[107, 124, 144][i]}`,
        if: {
          required: [key],
          properties: {
            [key]: { required: ['type'], properties: { type: { const: 'properties' } } },
          },
        },
        then: {
          properties: {
            [key]: {
              required: ['properties'],
              description: `${key}.properties is required when ${key}.type is 'properties'.`,
            },
          },
        },
      })),
      {
        template: `${coordinatorConfig}:177`,
        if: {
          required: ['server'],
          properties: {
            server: {
              required: ['config'],
              properties: {
                config: {
                  required: ['authenticationType'],
                  properties: { authenticationType: { type: 'string', pattern: 'HEADER' } },
                },
              },
            },
          },
        },
        then: {
          required: ['headerAuthenticator'],
          properties: {
            headerAuthenticator: {
              required: ['properties'],
              description:
                "headerAuthenticator.properties is required when server.config.authenticationType contains 'HEADER'.",
            },
          },
          description:
            "headerAuthenticator.properties is required when server.config.authenticationType contains 'HEADER'.",
        },
      },
      {
        template: 'templates/deployment-worker.yaml:225',
        if: {
          required: ['worker'],
          properties: {
            worker: {
              required: ['lifecycle', 'gracefulShutdown'],
              properties: {
                lifecycle: { type: 'object', minProperties: 1 },
                gracefulShutdown: {
                  required: ['enabled'],
                  properties: { enabled: { const: true } },
                },
              },
            },
          },
        },
        then: {
          properties: {
            worker: {
              properties: {
                lifecycle: {
                  not: {},
                  description:
                    'The `worker.lifecycle` configuration conflicts with `worker.gracefulShutdown`. Either disable `worker.gracefulShutdown` and apply the related configurations manually, or remove `worker.lifecycle`.',
                },
              },
            },
          },
        },
      },
      {
        template: 'templates/keda-scaledobject.yaml:3',
        if: {
          required: ['server'],
          properties: {
            server: {
              required: ['keda', 'autoscaling'],
              properties: {
                keda: { required: ['enabled'], properties: { enabled: { const: true } } },
                autoscaling: { required: ['enabled'], properties: { enabled: { const: true } } },
              },
            },
          },
        },
        then: {
          properties: {
            server: {
              properties: {
                autoscaling: {
                  properties: {
                    enabled: {
                      const: false,
                      description:
                        'The worker Kubernetes Event-driven Autoscaling configuration (`server.keda`) conflicts with the worker Horizontal Pod Autoscaling (`server.autoscaling`). They cannot be both enabled at the same time!',
                    },
                  },
                },
              },
            },
          },
        },
      },
      {
        template: 'templates/keda-scaledobject.yaml:38',
        if: {
          required: ['server'],
          properties: {
            server: {
              required: ['keda'],
              properties: {
                keda: { required: ['enabled'], properties: { enabled: { const: true } } },
              },
            },
          },
        },
        then: {
          properties: {
            server: {
              properties: {
                keda: {
                  required: ['triggers'],
                  properties: {
                    triggers: {
                      minItems: 1,
                      description:
                        'At least one element in `.Values.server.keda.triggers` is required!',
                    },
                  },
                  description:
                    'At least one element in `.Values.server.keda.triggers` is required!',
                },
              },
            },
          },
        },
      },
      {
        template: 'templates/networkpolicy.yaml:3',
        if: {
          required: ['networkPolicy', 'service'],
          properties: {
            networkPolicy: { required: ['enabled'], properties: { enabled: { const: true } } },
            service: { required: ['type'], properties: { type: { const: 'NodePort' } } },
          },
        },
        then: {
          properties: {
            service: {
              properties: {
                type: {
                  not: { const: 'NodePort' },
                  description:
                    'NetworkPolicy enforcement is not supported with NodePort services, as traffic reaches the Pod through the node itself, bypassing pod-level network controls.',
                },
              },
            },
          },
        },
      },
    ],
    notChecked: [
      'worker.terminationGracePeriodSeconds at least twice worker.gracefulShutdown.gracePeriodSeconds (templates/deployment-worker.yaml:117): arithmetic between two values',
      'list items (env, tolerations, additional*Properties) and free-form maps (catalogs, securityContext, resources, affinity, annotations, labels, nodeSelector) are not checked key by key',
    ],
  },
);

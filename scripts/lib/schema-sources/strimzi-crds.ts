import { crdSource } from '../upstream/write-crds.ts';

const dir = 'install/cluster-operator';

/** Strimzi's Kafka CRDs at the latest release (kafka.strimzi.io). */
export const source = crdSource(
  {
    name: 'strimzi-crds',
    repository: 'strimzi/strimzi-kafka-operator',
    ref: '1.2.0',
    licence: 'Apache-2.0',
  },
  {
    operator: 'Strimzi',
    paths: [
      '040-Crd-kafka.yaml',
      '041-Crd-kafkaconnect.yaml',
      '043-Crd-kafkatopic.yaml',
      '044-Crd-kafkauser.yaml',
      '045-Crd-kafkanodepool.yaml',
      '047-Crd-kafkaconnector.yaml',
    ].map((f) => `${dir}/${f}`),
    kinds: ['Kafka', 'KafkaNodePool', 'KafkaConnect', 'KafkaConnector', 'KafkaTopic', 'KafkaUser'],
  },
);

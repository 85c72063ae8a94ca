/** Where the manifests point: Strimzi's defaults, to be changed in one place (see docs/export.md). */
export const STRIMZI_API_VERSION = 'kafka.strimzi.io/v1';
export const KAFKA_CLUSTER = 'kafka';
export const CONNECT_CLUSTER = 'kafka-connect';
/** The namespace of the Secrets holding database credentials, read through Strimzi's config provider. */
export const SECRETS_NAMESPACE = 'kafka';
export const KAFKA_BOOTSTRAP_SERVERS = `${KAFKA_CLUSTER}-kafka-bootstrap:9092`;
/** Kubernetes label values and most resource names: at most 63 characters. */
export const MAX_RESOURCE_NAME_LENGTH = 63;

export interface StrimziResource {
  apiVersion: string;
  kind: 'KafkaTopic' | 'KafkaConnector';
  metadata: { name: string; labels: Record<string, string> };
  spec: Record<string, unknown>;
}

export function strimziResource(
  kind: StrimziResource['kind'],
  name: string,
  cluster: string,
  spec: Record<string, unknown>,
): StrimziResource {
  return { apiVersion: STRIMZI_API_VERSION, kind, metadata: { name, labels: { 'strimzi.io/cluster': cluster } }, spec };
}

/** Kafka refuses other topic names: letters, digits, `.`, `_`, `-`, at most 249, not `.` or `..`. */
export function isLegalTopicName(name: string): boolean {
  return /^[a-zA-Z0-9._-]{1,249}$/.test(name) && name !== '.' && name !== '..';
}

/** A regular expression matching exactly `text` (Debezium include lists and routers take regexes). */
export function exactPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

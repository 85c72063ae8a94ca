/** Where the manifests point: Strimzi's defaults, to be changed in one place (see docs/export.md). */
export const STRIMZI_API_VERSION = 'kafka.strimzi.io/v1';
export const KAFKA_CLUSTER = 'kafka';
export const CONNECT_CLUSTER = 'kafka-connect';
/**
 * The namespace of the Secrets read through Strimzi's config provider: the databases' credentials,
 * and the Kafka cluster's CA and its users' certificates, which Strimzi keeps beside the cluster.
 */
export const SECRETS_NAMESPACE = 'kafka';
/** Strimzi's TLS listener, where clients authenticate with their KafkaUser's certificate. */
export const KAFKA_TLS_BOOTSTRAP_SERVERS = `${KAFKA_CLUSTER}-kafka-bootstrap:9093`;
/** The Secret in which Strimzi keeps the public certificate of the Kafka cluster's CA (`ca.crt`). */
export const CLUSTER_CA_CERT_SECRET = `${KAFKA_CLUSTER}-cluster-ca-cert`;
/** Kubernetes label values and most resource names: at most 63 characters. */
export const MAX_RESOURCE_NAME_LENGTH = 63;

/** A value Strimzi's KubernetesSecretConfigProvider reads from a key of a Secret when Kafka Connect starts the connector. */
export function secretReference(secret: string, key: string): string {
  return `\${secrets:${SECRETS_NAMESPACE}/${secret}:${key}}`;
}

export interface StrimziResource {
  apiVersion: string;
  kind: 'KafkaTopic' | 'KafkaConnector' | 'KafkaUser';
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

/** The topic of a streamed (kafka-topic) output port. */
export function outputPortTopic(productId: string, portId: string): string {
  return `${productId}.${portId}`;
}

const MAX_TOPIC_NAME_LENGTH = 249;
/** Kafka's own topics (offsets, transactions, share groups, KRaft metadata): a design's topic must never write into them. */
const INTERNAL_TOPICS = ['__consumer_offsets', '__transaction_state', '__share_group_state', '__cluster_metadata'];

/**
 * Why Kafka would refuse a topic name, or take it for one of its own, or null when the name is
 * free: letters, digits, `.`, `_`, `-`, at most 249 characters, not `.` or `..`, and not `__…`,
 * which Kafka keeps for internal topics (it counts `.` and `_` as one character).
 */
export function topicNameProblem(name: string): string | null {
  if (name === '.' || name === '..') return "is a name Kafka refuses ('.' and '..' are not topic names)";
  const illegal = [...new Set(name.match(/[^a-zA-Z0-9._-]/gu))];
  if (illegal.length > 0)
    return `has ${illegal.map((character) => `'${character}'`).join(', ')}: Kafka takes only letters, digits, '.', '_' and '-'`;
  if (name.length > MAX_TOPIC_NAME_LENGTH)
    return `is ${name.length} characters long: Kafka takes at most ${MAX_TOPIC_NAME_LENGTH}`;
  const internal = INTERNAL_TOPICS.find((topic) => topic === name.replaceAll('.', '_'));
  if (internal)
    return `is Kafka's internal topic '${internal}'${internal === name ? '' : " (Kafka counts '.' and '_' as one character)"}`;
  if (name.startsWith('__')) return "starts with '__', which Kafka keeps for its internal topics";
  return null;
}

/**
 * A regular expression matching exactly `text` (Debezium include lists and routers take Java
 * regexes). Include lists are split at commas (newer Debezium lets `\,` through), so a comma is
 * written `\x2C`, and a backslash `\x5C`, which cannot be read as escaping the comma after it.
 */
export function exactPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\],\\]/g, (character) =>
    character === ',' || character === '\\'
      ? `\\x${character.charCodeAt(0).toString(16).toUpperCase()}`
      : `\\${character}`,
  );
}

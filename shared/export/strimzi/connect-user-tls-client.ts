import { CLUSTER_CA_CERT_SECRET, CONNECT_CLUSTER, secretReference } from './strimzi-resources';

/*
 * The settings of a Kafka client a connector opens itself (Debezium's schema history producer and
 * consumer), which does not take the Connect worker's TLS identity: it authenticates as the
 * kafka-connect KafkaUser, whose certificate and key the User Operator keeps in the Secret of the
 * user's name, and trusts the cluster's CA, all read as PEM through the Secrets config provider,
 * as Strimzi documents it for clients of a TLS listener. Nothing is mounted into the Connect pods.
 */

/** The TLS settings of a client configured by the keys starting with `prefix` (`schema.history.internal.producer.`). */
export function connectUserTlsClient(prefix: string): Record<string, string> {
  return {
    [`${prefix}security.protocol`]: 'SSL',
    [`${prefix}ssl.keystore.type`]: 'PEM',
    [`${prefix}ssl.keystore.certificate.chain`]: secretReference(CONNECT_CLUSTER, 'user.crt'),
    [`${prefix}ssl.keystore.key`]: secretReference(CONNECT_CLUSTER, 'user.key'),
    [`${prefix}ssl.truststore.type`]: 'PEM',
    [`${prefix}ssl.truststore.certificates`]: secretReference(CLUSTER_CA_CERT_SECRET, 'ca.crt'),
  };
}

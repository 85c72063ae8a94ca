/*
 * The KafkaUser v1 resource as Strimzi's API reference documents it (KafkaUserSpec,
 * KafkaUserAuthorizationSimple, AclRule, AclRuleTopicResource, AclRuleGroupResource), for
 * every field of the spec (those the export does not write left open). Strimzi's own CRD (044-Crd-kafkauser.yaml)
 * is not among the standards in test/fixtures/standards/strimzi; this stands in for it until it is.
 */

const aclRule = {
  type: 'object',
  required: ['resource', 'operations'],
  properties: {
    type: { type: 'string', enum: ['allow', 'deny'] },
    resource: {
      type: 'object',
      required: ['type'],
      properties: {
        type: { type: 'string', enum: ['topic', 'group', 'cluster', 'transactionalId'] },
        name: { type: 'string' },
        patternType: { type: 'string', enum: ['literal', 'prefix'] },
      },
    },
    host: { type: 'string' },
    operations: {
      type: 'array',
      items: {
        type: 'string',
        enum: [
          'Read',
          'Write',
          'Create',
          'Delete',
          'Alter',
          'Describe',
          'ClusterAction',
          'AlterConfigs',
          'DescribeConfigs',
          'IdempotentWrite',
          'All',
        ],
      },
    },
  },
};

export const KAFKA_USER_V1_SCHEMA = {
  type: 'object',
  required: ['spec'],
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      properties: {
        userName: { type: 'string' },
        authentication: {
          type: 'object',
          required: ['type'],
          properties: {
            type: { type: 'string', enum: ['tls', 'tls-external', 'scram-sha-512'] },
            password: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          },
        },
        authorization: {
          type: 'object',
          required: ['acls', 'type'],
          properties: { type: { type: 'string', enum: ['simple'] }, acls: { type: 'array', items: aclRule } },
        },
        quotas: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        template: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
  },
};

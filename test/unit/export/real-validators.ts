import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  type Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import odcsSchemaV310 from '../../../shared/contracts/odcs-schema-v3.1.0.json';
import odcsSchemaV320 from '../../../shared/contracts/odcs-schema-v3.2.0.json';
import { KAFKA_USER_V1_SCHEMA } from './kafka-user-documented-schema';
import { ajv2019, readJsonStandard, readYamlStandard } from './standards';

/*
 * Each export format checked by the real tool's own validator: the Backstage catalog's entity
 * policies and kind validators, the official ODCS and ODPS JSON Schemas, Strimzi's v1 CRDs as
 * the Kubernetes API server applies them, and JSON Schema 2020-12 in strict mode. Each returns
 * the problems as lines (empty when valid), so a failing test says what the tool refused.
 */

const problemsText = (name: string, errors: unknown) => [`${name}: ${JSON.stringify(errors)}`];

const odcsValidators = {
  'v3.1.0': ajv2019().compile(odcsSchemaV310),
  'v3.2.0': ajv2019().compile(odcsSchemaV320),
};

/** An ODCS document against the official schema of its own apiVersion (3.0.x files against 3.1.0's). */
export function odcsDocumentProblems(document: { apiVersion?: unknown }): string[] {
  const validate = document.apiVersion === 'v3.2.0' ? odcsValidators['v3.2.0'] : odcsValidators['v3.1.0'];
  return validate(document) ? [] : problemsText(`ODCS ${document.apiVersion}`, validate.errors);
}

const validateOdps = ajv2019().compile(readJsonStandard('odps/odps-json-schema-v1.0.0.json'));

export function odpsDocumentProblems(document: unknown): string[] {
  return validateOdps(document) ? [] : problemsText('ODPS v1.0.0', validateOdps.errors);
}

// What the Backstage catalog runs on every entity it reads: the default policies, then the kind validators.
const catalogPolicies = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);
const kindValidators = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
];
const backstageAjv = new Ajv({ allErrors: true, strict: false });
for (const path of ['EntityEnvelope', 'Entity', 'EntityMeta', 'shared/common'])
  backstageAjv.addSchema(readJsonStandard(`backstage/${path}.schema.json`));
const KIND_SCHEMAS: Record<string, string> = {
  API: 'ApiV1alpha1',
  Component: 'ComponentV1alpha1',
  Domain: 'DomainV1alpha1',
  Group: 'GroupV1alpha1',
  System: 'SystemV1alpha1',
};
for (const kind of Object.keys(KIND_SCHEMAS))
  backstageAjv.addSchema(readJsonStandard(`backstage/kinds/${kind}.v1alpha1.schema.json`));

/** What the Backstage catalog refuses in an entity: its policies, its kind validators, the kind's JSON Schema. */
export async function catalogEntityProblems(entity: Entity): Promise<string[]> {
  const name = `${entity.kind}:${entity.metadata.name}`;
  try {
    await catalogPolicies.enforce(entity);
    const matches = await Promise.all(kindValidators.map((validator) => validator.check(entity)));
    if (matches.filter(Boolean).length !== 1) return [`${name}: no kind validator accepts it`];
  } catch (error) {
    return [`${name}: ${(error as Error).message}`];
  }
  const validate = backstageAjv.getSchema(KIND_SCHEMAS[entity.kind] ?? 'Entity');
  return validate?.(entity) ? [] : [`${name}: ${backstageAjv.errorsText(validate?.errors)}`];
}

/** Every entity reference in a spec, as the catalog reads it with the field's default kind. */
export function catalogReferences(entity: Entity): string[] {
  const spec = (entity.spec ?? {}) as Record<string, string | string[] | undefined>;
  const refs = (field: string, defaultKind: string) =>
    [spec[field] ?? []].flat().map((ref) => stringifyEntityRef(parseEntityRef(ref, { defaultKind })));
  return [
    ...refs('owner', 'Group'),
    ...refs('domain', 'Domain'),
    ...refs('system', 'System'),
    ...refs('providesApis', 'API'),
    ...refs('consumesApis', 'API'),
    ...refs('dependsOn', 'Component'),
  ];
}

interface Crd {
  spec: { group: string; names: { kind: string }; versions: { name: string; schema: { openAPIV3Schema: object } }[] };
}

/**
 * The CRD's schema as the API server applies it with strict field validation (kubectl's
 * default): every field it does not declare is refused, except where it preserves unknown fields.
 */
function strictSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const strict: Record<string, unknown> = { ...schema };
  delete strict['x-kubernetes-preserve-unknown-fields'];
  if (schema.properties) {
    strict.properties = Object.fromEntries(
      Object.entries(schema.properties as Record<string, Record<string, unknown>>).map(([key, child]) => [
        key,
        strictSchema(child),
      ]),
    );
    if (!schema['x-kubernetes-preserve-unknown-fields']) strict.additionalProperties = false;
  }
  if (schema.items) strict.items = strictSchema(schema.items as Record<string, unknown>);
  return strict;
}

const crdAjv = new Ajv({ allErrors: true, strict: false });
const crdValidators = new Map(
  ['strimzi/043-Crd-kafkatopic.yaml', 'strimzi/047-Crd-kafkaconnector.yaml'].map((path) => {
    const crd = readYamlStandard(path) as unknown as Crd;
    const version = crd.spec.versions.find((candidate) => candidate.name === 'v1');
    if (!version) throw new Error(`${path} has no v1`);
    return [
      `${crd.spec.group}/v1 ${crd.spec.names.kind}`,
      crdAjv.compile(strictSchema(version.schema.openAPIV3Schema as Record<string, unknown>)),
    ];
  }),
);
crdValidators.set('kafka.strimzi.io/v1 KafkaUser', crdAjv.compile(strictSchema(KAFKA_USER_V1_SCHEMA)));

// Kubernetes object names (DNS-1123 subdomains) and label values.
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export interface StrimziResourceJson {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels: Record<string, string> };
  spec: { topicName?: string; config?: Record<string, unknown> } & Record<string, unknown>;
}

/** What Kubernetes refuses in a Strimzi resource: the v1 CRD's schema (KafkaUser's as documented), the object's name, its label values. */
export function strimziResourceProblems(resource: StrimziResourceJson): string[] {
  const name = `${resource.kind} ${resource.metadata?.name}`;
  const validate = crdValidators.get(`${resource.apiVersion} ${resource.kind}`);
  if (!validate) return [`${name}: no CRD for ${resource.apiVersion} ${resource.kind}`];
  return [
    ...(validate(resource) ? [] : [`${name}: ${crdAjv.errorsText(validate.errors)}`]),
    ...(DNS_SUBDOMAIN.test(resource.metadata.name) && resource.metadata.name.length <= 253
      ? []
      : [`${name}: bad name`]),
    ...Object.values(resource.metadata.labels ?? {}).flatMap((value) =>
      LABEL_VALUE.test(value) && value.length <= 63 ? [] : [`${name}: bad label value '${value}'`],
    ),
  ];
}

/** Ajv for JSON Schema 2020-12, strict: a schema with an unknown keyword or a wrong shape does not compile. */
export function compileJsonSchemas(files: readonly { path: string; content: string | Uint8Array }[]) {
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true }));
  for (const file of files) {
    try {
      ajv.compile(JSON.parse(String(file.content)));
    } catch (error) {
      throw new Error(`${file.path}: ${(error as Error).message}`);
    }
  }
  return ajv;
}

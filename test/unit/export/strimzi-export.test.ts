import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { WHOLE_MESH } from '../../../shared/export';
import { strimziTarget } from '../../../shared/export/strimzi/strimzi-target';
import { aSystem } from '../../builders/mesh-builder';
import { exportCases, filesOf, itWritesTheGoldenFiles } from './golden-cases';
import { type StrimziResourceJson, strimziResourceProblems } from './real-validators';
import { readEverywhere } from './yaml-readers';

function resourcesOf(mesh: Parameters<typeof strimziTarget.files>[0]) {
  const files = filesOf(strimziTarget.files(mesh, WHOLE_MESH));
  return {
    files,
    resources: files.flatMap((file) =>
      parseAllDocuments(String(file.content)).map((doc) => doc.toJSON() as StrimziResourceJson),
    ),
  };
}

describe('Strimzi export', () => {
  itWritesTheGoldenFiles('strimzi', ({ mesh }) => filesOf(strimziTarget.files(mesh, WHOLE_MESH)));

  it('checks with CRD schemas that refuse a topic without spec or with an unknown field', () => {
    const topic = { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaTopic', metadata: { name: 't', labels: {} } };
    expect(strimziResourceProblems(topic as StrimziResourceJson)).not.toEqual([]);
    expect(
      strimziResourceProblems({ ...topic, spec: { partitions: 1, replication: 3 } } as StrimziResourceJson),
    ).not.toEqual([]);
    expect(strimziResourceProblems({ ...topic, spec: { partitions: 1 } } as StrimziResourceJson)).toEqual([]);
  });

  it.each(exportCases().map((exportCase) => [exportCase.name, exportCase] as const))(
    '%s: every resource is valid against the Strimzi v1 CRDs and names Kubernetes accepts',
    (_, { mesh }) => {
      const { files, resources } = resourcesOf(mesh);
      expect(resources.flatMap(strimziResourceProblems)).toEqual([]);
      const topics = resources.filter((resource) => resource.kind === 'KafkaTopic');
      expect(new Set(topics.map((topic) => topic.metadata.name)).size).toBe(topics.length);
      for (const [index, reading] of readEverywhere(files.map((file) => String(file.content))).entries()) {
        expect(reading.pyYaml, files[index]?.path).toEqual(reading.yaml12);
      }
    },
  );

  it('writes a KafkaTopic per system topic and streaming output port, compacting entity topics', () => {
    const { mesh } = exportCases().find((exportCase) => exportCase.name === 'ecommerce')!;
    const topics = resourcesOf(mesh).resources.filter((resource) => resource.kind === 'KafkaTopic');
    const policyOf = (topicName: string) =>
      topics.find((topic) => (topic.spec as { topicName?: string }).topicName === topicName)?.spec.config?.[
        'cleanup.policy'
      ];
    expect(topics).toHaveLength(6);
    expect(policyOf('orders.public.orders')).toBe('compact');
    expect(policyOf('orders.events.order-placed')).toBe('delete');
    expect(policyOf('orders.order-placed-out')).toBe('delete');
  });

  it('configures Debezium from the CDC flags, with credentials only as secret references', () => {
    const { mesh } = exportCases().find((exportCase) => exportCase.name === 'ecommerce')!;
    const connectors = resourcesOf(mesh).resources.filter((resource) => resource.kind === 'KafkaConnector');
    expect(connectors.map((connector) => connector.metadata.name)).toEqual([
      'orders-service-cdc',
      'customers-service-cdc',
      'shipping-service-cdc',
    ]);
    const orders = connectors[0]?.spec as { class: string; config: Record<string, unknown> };
    expect(orders.class).toBe('io.debezium.connector.postgresql.PostgresConnector');
    expect(orders.config).toMatchObject({
      'topic.prefix': 'orders',
      'table.include.list': 'public\\.orders,public\\.order_lines,public\\.outbox',
      'tombstones.on.delete': true,
      'transforms.outbox.type': 'io.debezium.transforms.outbox.EventRouter',
      'transforms.outbox.route.topic.replacement': 'orders.events.order-placed',
    });
    const credentials = Object.entries(orders.config).filter(([key]) => /password|user|host|port/.test(key));
    expect(credentials.length).toBeGreaterThan(0);
    for (const [key, value] of credentials) expect(value, key).toMatch(/^\$\{secrets:[^/]+\/[^:]+:[a-z-]+\}$/);
  });

  it('renames topics Debezium would name otherwise, and refuses an engine without a Debezium connector', () => {
    const system = aSystem('billing', 'd');
    system.messaging.topics = [
      {
        id: 't',
        name: 'billing.invoices-cdc',
        partitions: 1,
        tombstones: false,
        source: { kind: 'cdc', table: 'items' },
      },
    ];
    const { mesh } = exportCases().find((exportCase) => exportCase.name === 'ecommerce')!;
    const renamed = resourcesOf({ ...mesh, systems: [system] }).resources.find(
      (resource) => resource.kind === 'KafkaConnector',
    );
    expect(renamed?.spec.config).toMatchObject({
      'topic.prefix': 'billing',
      transforms: 'rename1',
      'transforms.rename1.regex': 'billing\\.public\\.items',
      'transforms.rename1.replacement': 'billing.invoices-cdc',
    });
    const unknown = { ...system, database: { ...system.database, engine: 'sqlite' } };
    const result = strimziTarget.files({ ...mesh, systems: [unknown] }, WHOLE_MESH);
    expect(result.ok ? [] : result.errors).toEqual([
      {
        path: 'systems[0].database.engine',
        message: expect.stringMatching(/^system 'billing': no Debezium connector for the database engine 'sqlite'/),
      },
    ]);
  });
});

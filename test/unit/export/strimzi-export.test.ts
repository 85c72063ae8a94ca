import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { warningSections } from '../../../renderer/export/warning-sections';
import { type ExportScope, WHOLE_MESH } from '../../../shared/export';
import { strimziTarget } from '../../../shared/export/strimzi/strimzi-target';
import { capturedTableName } from '../../../shared/model/connector-topics';
import { DEBEZIUM_ENGINE_IDS, type DebeziumEngineId } from '../../../shared/model/database-engine';
import type { OperationalSystem, SystemTable } from '../../../shared/model/operational-system';
import { quoteIdentifier } from '../../../shared/simulation/sql-text';
import {
  aContract,
  aMesh,
  anOutboxTopic,
  aPort,
  aProduct,
  aSystem,
  aTruncatingScenario,
} from '../../builders/mesh-builder';
import { exportCases, filesOf, itWritesTheGoldenFiles } from './golden-cases';
import { type StrimziResourceJson, strimziResourceProblems } from './real-validators';
import { readEverywhere } from './yaml-readers';

function resourcesOf(mesh: Parameters<typeof strimziTarget.files>[0]) {
  const files = filesOf(strimziTarget.files(mesh, WHOLE_MESH)).filter((file) => file.path.endsWith('.yaml'));
  return {
    files,
    resources: files.flatMap((file) =>
      parseAllDocuments(String(file.content)).map((doc) => doc.toJSON() as StrimziResourceJson),
    ),
  };
}

/** The KafkaConnector exported for a mesh holding only this system. */
function connectorOf(system: OperationalSystem) {
  return resourcesOf({ ...aMesh().withDomain('d').build(), systems: [system] }).resources.find(
    (resource) => resource.kind === 'KafkaConnector',
  );
}

const cdcTopic = (id: string, name: string, table: string) => ({
  id,
  name,
  partitions: 1,
  tombstones: false,
  source: { kind: 'cdc' as const, table },
});

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

  it('keeps the delete policy on the CDC topic of a table without a primary key, whose records have no key', () => {
    const system = aSystem('audit', 'd');
    const [items] = system.database.tables;
    system.database.tables = [{ ...items!, primaryKey: [] }];
    const { mesh } = exportCases().find((exportCase) => exportCase.name === 'ecommerce')!;
    const [topic] = resourcesOf({ ...mesh, systems: [system], products: [] }).resources.filter(
      (resource) => resource.kind === 'KafkaTopic',
    );

    expect(topic?.spec.config).toEqual({ 'cleanup.policy': 'delete' });
  });

  describe('KafkaUsers: each client may read and write only the topics the design has it use', () => {
    /** `shop` (CDC on `items`, outbox event `Sold`) read by `sales`, which streams `sales.totals` to `board`. */
    function aMeshWithClients() {
      const mesh = aMesh()
        .withDomain('d')
        .withSystem('shop', 'd', { publishes: [{ name: 'Sold', table: 'items', on: ['insert'] }] })
        .withProduct('sales', 'd', {
          inputPorts: [aPort('items-in', 'input'), aPort('sold-in', 'input')],
          outputPorts: [aPort('totals', 'output', { protocol: 'kafka-topic' })],
        })
        .withProduct('board', 'd', { inputPorts: [aPort('totals-in', 'input')] })
        .withProduct('idle', 'd')
        .withLink('l1', { nodeId: 'shop', portId: 'items-cdc' }, { nodeId: 'sales', portId: 'items-in' })
        .withLink('l2', { nodeId: 'shop', portId: 'sold' }, { nodeId: 'sales', portId: 'sold-in' })
        .withLink('l3', { nodeId: 'sales', portId: 'totals' }, { nodeId: 'board', portId: 'totals-in' })
        .build();
      mesh.systems[0]!.messaging.topics.push(anOutboxTopic('sold', 'shop.events.sold', 'Sold'));
      return mesh;
    }
    const usersOf = (mesh: Parameters<typeof strimziTarget.files>[0]) =>
      resourcesOf(mesh).resources.filter((resource) => resource.kind === 'KafkaUser');
    const topicAcl = (name: string, operations: string[]) => ({
      resource: { type: 'topic', name, patternType: 'literal' },
      operations,
    });

    it('writes strimzi/kafka-users.yaml: mutual TLS, simple authorization, on the cluster of the topics', () => {
      const { files } = resourcesOf(aMeshWithClients());
      const users = usersOf(aMeshWithClients());

      expect(files.map((file) => file.path)).toContain('strimzi/kafka-users.yaml');
      expect(users.map((user) => user.metadata.name)).toEqual(['kafka-connect', 'sales', 'board']);
      for (const user of users) {
        expect(user.apiVersion).toBe('kafka.strimzi.io/v1');
        expect(user.metadata.labels).toEqual({ 'strimzi.io/cluster': 'kafka' });
        expect(user.spec.authentication).toEqual({ type: 'tls' });
        expect(user.spec.authorization).toMatchObject({ type: 'simple' });
      }
    });

    it('lets a product read and describe each topic linked to it, read its consumer group, and write its streamed ports', () => {
      const [, sales, board] = usersOf(aMeshWithClients());

      expect(sales?.spec.authorization).toEqual({
        type: 'simple',
        acls: [
          topicAcl('shop.items', ['Read', 'Describe']),
          topicAcl('shop.events.sold', ['Read', 'Describe']),
          topicAcl('sales.totals', ['Write', 'Describe']),
          { resource: { type: 'group', name: 'sales', patternType: 'literal' }, operations: ['Read'] },
        ],
      });
      expect(board?.spec.authorization).toEqual({
        type: 'simple',
        acls: [
          topicAcl('sales.totals', ['Read', 'Describe']),
          { resource: { type: 'group', name: 'board', patternType: 'literal' }, operations: ['Read'] },
        ],
      });
    });

    it("lets the Connect cluster's user write the connectors' CDC and outbox topics, and read back a schema history", () => {
      const mesh = aMeshWithClients();
      const [connect] = usersOf(mesh);
      mesh.systems[0]!.database.engine = 'mysql';
      const [connectOnMysql] = usersOf(mesh);

      expect(connect?.spec.authorization).toEqual({
        type: 'simple',
        acls: [topicAcl('shop.items', ['Write', 'Describe']), topicAcl('shop.events.sold', ['Write', 'Describe'])],
      });
      expect(connectOnMysql?.spec.authorization).toMatchObject({
        acls: expect.arrayContaining([topicAcl('schema-history.shop', ['Read', 'Write', 'Describe'])]),
      });
    });

    it("lets the Connect cluster's user read in the group its schema history consumer joins, as the connector names it", () => {
      const mesh = aMeshWithClients();
      mesh.systems[0]!.database.engine = 'mysql';
      const { resources } = resourcesOf(mesh);
      const connector = resources.find((resource) => resource.kind === 'KafkaConnector');
      const [connect] = resources.filter((resource) => resource.kind === 'KafkaUser');
      const group = connector?.spec.config?.['schema.history.internal.consumer.group.id'];

      expect(group).toBe('shop-schemahistory');
      expect(connect?.spec.authorization).toMatchObject({
        acls: expect.arrayContaining([
          { resource: { type: 'group', name: group, patternType: 'literal' }, operations: ['Read'] },
        ]),
      });
      expect(resources.flatMap(strimziResourceProblems)).toEqual([]);
    });

    it('names users as Kubernetes accepts, apart from the Connect cluster and from each other', () => {
      const mesh = aMeshWithClients();
      mesh.products[0]!.id = 'Kafka_Connect';
      mesh.links.forEach((link) => {
        if (link.to.nodeId === 'sales') link.to.nodeId = 'Kafka_Connect';
        if (link.from.nodeId === 'sales') link.from.nodeId = 'Kafka_Connect';
      });

      expect(usersOf(mesh).map((user) => user.metadata.name)).toEqual(['kafka-connect', 'kafka-connect-2', 'board']);
    });

    describe('one Connect cluster runs every connector of the design, so every export gives its user the same ACLs', () => {
      /** `shop.db` (MySQL) in domain `a`, `shop-db` (MySQL) in domain `b`: ids that slug alike, in two domains. */
      const twoDomains = () =>
        aMesh()
          .withDomain('a')
          .withDomain('b')
          .withSystem('shop.db', 'a', { database: { ...aSystem('x', 'a').database, engine: 'mysql' } })
          .withSystem('shop-db', 'b', { database: { ...aSystem('y', 'b').database, engine: 'mysql' } })
          .build();
      const exportOf = (scope: ExportScope) =>
        filesOf(strimziTarget.files(twoDomains(), scope)).flatMap((file) =>
          parseAllDocuments(String(file.content)).map((doc) => doc.toJSON() as StrimziResourceJson),
        );
      const connectUserOf = (scope: ExportScope) =>
        exportOf(scope).find((resource) => resource.kind === 'KafkaUser' && resource.metadata.name === 'kafka-connect');

      it("writes the kafka-connect user with every connector's ACLs in a domain's export, as in the whole mesh's", () => {
        const whole = connectUserOf(WHOLE_MESH);

        expect(whole?.spec.authorization).toMatchObject({
          acls: expect.arrayContaining([
            topicAcl('schema-history.shop-db', ['Read', 'Write', 'Describe']),
            topicAcl('schema-history.shop-db-2', ['Read', 'Write', 'Describe']),
          ]),
        });
        expect(connectUserOf({ kind: 'domain', domainId: 'a' })).toEqual(whole);
        expect(connectUserOf({ kind: 'domain', domainId: 'b' })).toEqual(whole);
      });

      it('names each connector and its topics alike in every export, so the ACLs name what the connectors write', () => {
        const connectorsOf = (scope: ExportScope) =>
          exportOf(scope)
            .filter((resource) => resource.kind === 'KafkaConnector')
            .map((connector) => [
              connector.metadata.name,
              connector.spec.config?.['schema.history.internal.kafka.topic'],
            ]);

        expect([
          ...connectorsOf({ kind: 'domain', domainId: 'a' }),
          ...connectorsOf({ kind: 'domain', domainId: 'b' }),
        ]).toEqual(connectorsOf(WHOLE_MESH));
      });

      it("says in index.md that the kafka-connect user carries every connector's ACLs", () => {
        const files = filesOf(strimziTarget.files(twoDomains(), { kind: 'domain', domainId: 'a' }));
        expect(files.find((file) => file.path === 'strimzi/kafka-users.yaml')?.about).toContain(
          'kafka-connect with the ACLs of every connector of the design',
        );
      });
    });

    it('writes no KafkaUser for a product that reads and writes no topic', () => {
      expect(usersOf(aMeshWithClients()).map((user) => user.metadata.name)).not.toContain('idle');
    });
  });

  describe('every export names a KafkaTopic and a KafkaUser as the whole mesh does, so domains applied side by side never share one', () => {
    /**
     * `ship` in domain `a` writes `fleet.Items`, `port` in domain `b` writes `fleet.items`: two
     * topics to Kafka, one slug. `Crew_Roster` in `a` and `crew-roster` in `b` both read `fleet.Items`.
     */
    const twoDomains = () =>
      aMesh()
        .withDomain('a')
        .withDomain('b')
        .withSystem('ship', 'a', {
          messaging: { broker: 'kafka', topics: [cdcTopic('items-cdc', 'fleet.Items', 'items')] },
        })
        .withSystem('port', 'b', {
          messaging: { broker: 'kafka', topics: [cdcTopic('items-cdc', 'fleet.items', 'items')] },
        })
        .withProduct('Crew_Roster', 'a', { inputPorts: [aPort('in', 'input', { protocol: 'kafka-topic' })] })
        .withProduct('crew-roster', 'b', { inputPorts: [aPort('in', 'input', { protocol: 'kafka-topic' })] })
        .withLink('l1', { nodeId: 'ship', portId: 'items-cdc' }, { nodeId: 'Crew_Roster', portId: 'in' })
        .withLink('l2', { nodeId: 'ship', portId: 'items-cdc' }, { nodeId: 'crew-roster', portId: 'in' })
        .build();
    const namesOf = (kind: string, scope: ExportScope) =>
      filesOf(strimziTarget.files(twoDomains(), scope))
        .flatMap((file) => parseAllDocuments(String(file.content)).map((doc) => doc.toJSON() as StrimziResourceJson))
        .filter((resource) => resource.kind === kind)
        .map((resource) => ({
          name: resource.metadata.name,
          topic: (resource.spec as { topicName?: string }).topicName,
        }));
    const inEachDomain = (kind: string) => [
      ...namesOf(kind, { kind: 'domain', domainId: 'a' }),
      ...namesOf(kind, { kind: 'domain', domainId: 'b' }),
    ];

    it('names each topic’s KafkaTopic alike in a domain’s export and in the whole mesh’s', () => {
      expect(namesOf('KafkaTopic', WHOLE_MESH)).toEqual([
        { name: 'fleet-items', topic: 'fleet.Items' },
        { name: 'fleet-items-2', topic: 'fleet.items' },
      ]);
      expect(inEachDomain('KafkaTopic')).toEqual(namesOf('KafkaTopic', WHOLE_MESH));
    });

    it('names each product’s KafkaUser alike in a domain’s export and in the whole mesh’s', () => {
      const productUsers = (names: { name: string }[]) =>
        names.map(({ name }) => name).filter((name) => name !== 'kafka-connect');

      expect(productUsers(namesOf('KafkaUser', WHOLE_MESH))).toEqual(['crew-roster', 'crew-roster-2']);
      expect(productUsers(inEachDomain('KafkaUser'))).toEqual(productUsers(namesOf('KafkaUser', WHOLE_MESH)));
    });
  });

  describe('retention: a topic keeps its records as long as the contract governing them promises', () => {
    /** A system publishing the event `Opened` under `contract`, and a product serving it on a streamed port. */
    function aMeshServing(contract: ReturnType<typeof aContract>) {
      const mesh = aMesh().withDomain('d').build();
      const system = aSystem('rights', 'd', {
        publishes: [{ name: 'Opened', table: 'items', on: ['insert'], contractId: contract.id }],
      });
      system.messaging.topics = [anOutboxTopic('opened', 'rights.events.opened', 'Opened')];
      mesh.systems.push(system);
      mesh.contracts.push(contract);
      mesh.products.push(
        aProduct('titles', 'd', {
          outputPorts: [aPort('opened-out', 'output', { protocol: 'kafka-topic', contractId: contract.id })],
        }),
      );
      return mesh;
    }
    const configsOf = (mesh: Parameters<typeof strimziTarget.files>[0]) =>
      Object.fromEntries(
        resourcesOf(mesh)
          .resources.filter((resource) => resource.kind === 'KafkaTopic')
          .map((topic) => [(topic.spec as { topicName?: string }).topicName ?? topic.metadata.name, topic.spec.config]),
      );
    const tenYears = { property: 'retention', value: 10, unit: 'y', element: 'opened.occurred_at' };

    it("writes the contract's retention SLA as retention.ms on the outbox topic and the output port's topic", () => {
      const mesh = aMeshServing(aContract('opened', { kind: 'event', sla: [tenYears] }));

      expect(configsOf(mesh)).toEqual({
        'rights.events.opened': { 'cleanup.policy': 'delete', 'retention.ms': 315_360_000_000 },
        'titles.opened-out': { 'cleanup.policy': 'delete', 'retention.ms': 315_360_000_000 },
      });
    });

    it('reads the units governance reads, and takes the longest of several retention SLAs', () => {
      const sla = [
        { property: 'Retention', value: '36', unit: 'hours' },
        { property: 'retention', value: 2, unit: 'd' },
      ];
      const mesh = aMeshServing(aContract('opened', { kind: 'event', sla }));

      expect(configsOf(mesh)['titles.opened-out']).toEqual({ 'cleanup.policy': 'delete', 'retention.ms': 172_800_000 });
    });

    it("leaves a topic whose contract promises no retention to the broker's default, without a warning", () => {
      const mesh = aMeshServing(aContract('opened', { kind: 'event' }));
      const result = strimziTarget.files(mesh, WHOLE_MESH);

      expect(configsOf(mesh)['rights.events.opened']).toEqual({ 'cleanup.policy': 'delete' });
      expect(result.ok && result.warnings).toBeUndefined();
    });

    it('keeps tombstones on a compacted topic 7 days, or as long as its contract keeps records when longer', () => {
      const mesh = aMeshServing(aContract('opened', { kind: 'entity', sla: [tenYears] }));
      mesh.systems[0]!.messaging.topics.push(cdcTopic('items-cdc', 'rights.public.items', 'items'));
      const configs = configsOf(mesh);

      expect(configs['rights.public.items']).toEqual({
        'cleanup.policy': 'compact',
        'delete.retention.ms': 604_800_000,
      });
      expect(configs['titles.opened-out']).toEqual({
        'cleanup.policy': 'compact',
        'delete.retention.ms': 315_360_000_000,
      });
    });

    it('warns of a retention SLA it cannot read as a time, whose topics then keep the broker default', () => {
      const sla = [{ property: 'retention', value: 'forever', unit: 'y' }];
      const result = strimziTarget.files(aMeshServing(aContract('opened', { kind: 'event', sla })), WHOLE_MESH);

      expect(result.ok && result.warnings?.map((warning) => `${warning.path}: ${warning.message}`)).toEqual([
        "contracts[0].slaProperties[0]: contract 'opened' gives its retention as 'forever', which is no number: its topics 'rights.events.opened', 'titles.opened-out' get no retention.ms and keep the cluster's default retention (7 days unless changed)",
      ]);
    });
  });

  describe('truncates, which Debezium writes as one record without a key', () => {
    /** A system whose table has no primary key: its topic keeps the delete policy. */
    function aKeylessSystem(id: string) {
      const system = aSystem(id, 'd');
      system.database.tables = system.database.tables.map((table) => ({ ...table, primaryKey: [] }));
      return system;
    }
    const aMeshTruncating = (systemId: string) => {
      const mesh = aMesh().withDomain('d').withSystem('shop', 'd').build();
      mesh.systems.push(aKeylessSystem('audit'));
      mesh.scenarios.push(aTruncatingScenario(systemId));
      return mesh;
    };
    const skippedOperationsOf = (mesh: Parameters<typeof strimziTarget.files>[0]) =>
      Object.fromEntries(
        resourcesOf(mesh)
          .resources.filter((resource) => resource.kind === 'KafkaConnector')
          .map((connector) => [connector.metadata.name, connector.spec.config?.['skipped.operations']]),
      );

    it('skips them on a connector with a compacted topic, which Kafka refuses key-less records on, and sends them elsewhere', () => {
      expect(skippedOperationsOf(aMeshTruncating('shop'))).toEqual({ 'shop-cdc': 't', 'audit-cdc': 'none' });
    });

    it("warns that a scenario's truncate the simulation sends is one the exported connector skips", () => {
      const skipped = strimziTarget.files(aMeshTruncating('shop'), WHOLE_MESH);
      const sent = strimziTarget.files(aMeshTruncating('audit'), WHOLE_MESH);

      expect(skipped.ok && skipped.warnings?.map((warning) => `${warning.path}: ${warning.message}`)).toEqual([
        "scenarios[0].steps[0]: the truncate of table 'items' at tick 3 in scenario 'Purge': the simulation sends its 't' record, but the exported connector of system 'shop' skips truncates (skipped.operations: t), as Kafka refuses a truncate's key-less record on its compacted topics; the consumers keep the rows: delete them instead",
      ]);
      expect(sent.ok && sent.warnings).toBeUndefined();
    });

    it('lists that warning in the Export dialog under "Warnings", not "Not in the export": every file is written', () => {
      const skipped = strimziTarget.files(aMeshTruncating('shop'), WHOLE_MESH);

      const sections = warningSections(skipped.ok ? (skipped.warnings ?? []) : []);

      expect(sections.map(({ heading, warnings }) => [heading, warnings.length])).toEqual([['Warnings', 1]]);
    });
  });

  describe('transaction metadata, which a scenario turns on (connector.transactionMetadata)', () => {
    /** A PostgreSQL system `shop`, a MongoDB system `notes`, and a scenario turning transaction metadata on or not. */
    const topicNameOf = (resource: StrimziResourceJson) =>
      (resource.spec as { topicName?: string }).topicName ?? resource.metadata.name;

    function aMeshWithTransactionMetadata(isOn: boolean) {
      const mesh = aMesh().withDomain('d').withSystem('shop', 'd').build();
      const notes = aSystem('notes', 'd');
      notes.database.engine = 'mongodb';
      mesh.systems.push(notes);
      mesh.scenarios.push({ ...aTruncatingScenario('shop'), steps: [], connector: { transactionMetadata: isOn } });
      return mesh;
    }

    it("has each connector provide it and writes a KafkaTopic for its '<topic.prefix>.transaction' topic, as the simulation shows", () => {
      const { resources } = resourcesOf(aMeshWithTransactionMetadata(true));
      const shop = resources.find((resource) => resource.metadata.name === 'shop-cdc');
      const transactionTopic = resources.find((resource) => topicNameOf(resource) === 'shop.transaction');

      expect(shop?.spec.config).toMatchObject({
        'provide.transaction.metadata': true,
        'topic.transaction': 'transaction',
      });
      expect(transactionTopic?.spec).toMatchObject({ partitions: 1, config: { 'cleanup.policy': 'delete' } });
      expect(resources.flatMap(strimziResourceProblems)).toEqual([]);
    });

    it('leaves it off on MongoDB, whose single-document writes have no transaction, and where no scenario turns it on', () => {
      const on = resourcesOf(aMeshWithTransactionMetadata(true)).resources;
      const off = resourcesOf(aMeshWithTransactionMetadata(false)).resources;
      const providing = (resources: StrimziResourceJson[]) =>
        resources.filter((resource) => resource.spec.config?.['provide.transaction.metadata'] === true);
      const transactionTopics = (resources: StrimziResourceJson[]) =>
        resources.filter(
          (resource) => resource.kind === 'KafkaTopic' && topicNameOf(resource).endsWith('.transaction'),
        );

      expect(providing(on).map((resource) => resource.metadata.name)).toEqual(['shop-cdc']);
      expect(transactionTopics(on).map(topicNameOf)).toEqual(['shop.transaction']);
      expect(providing(off)).toEqual([]);
      expect(transactionTopics(off)).toEqual([]);
    });

    it("refuses a design topic of the transaction topic's name, as the connector would write into it", () => {
      const mesh = aMeshWithTransactionMetadata(true);
      mesh.systems[0]?.messaging.topics.push(anOutboxTopic('tx', 'shop.transaction', 'e'));

      const result = strimziTarget.files(mesh, WHOLE_MESH);

      expect(!result.ok && result.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
        "systems[0].messaging.topics[1].name: system 'shop': topic 'shop.transaction' is also the topic of the Debezium connector of system 'shop' (its transaction topic)",
      ]);
    });
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
      'skipped.operations': 't',
      'transforms.outbox.type': 'io.debezium.transforms.outbox.EventRouter',
      'transforms.outbox.route.topic.replacement': 'orders.events.order-placed',
    });
    const credentials = Object.entries(orders.config).filter(([key]) => /password|user|host|port/.test(key));
    expect(credentials.length).toBeGreaterThan(0);
    for (const [key, value] of credentials) expect(value, key).toMatch(/^\$\{secrets:[^/]+\/[^:]+:[a-z-]+\}$/);
  });

  it('gives each connector its own topic.prefix, renaming the topics of a later system whose prefix is taken', () => {
    const cdcTopic = (name: string, table: string) => ({
      id: `${table}-cdc`,
      name,
      partitions: 1,
      tombstones: false,
      source: { kind: 'cdc' as const, table },
    });
    const system = (id: string, database: string, topicName: string, table: string) => {
      const base = aSystem(id, 'd');
      return {
        ...base,
        database: { ...base.database, name: database, tables: [{ ...base.database.tables[0]!, name: table }] },
        messaging: { broker: 'kafka', topics: [cdcTopic(topicName, table)] },
      };
    };
    const mesh = aMesh().withDomain('d').build();
    mesh.systems = [
      system('orders-service', 'orders', 'orders.public.orders', 'orders'),
      system('returns-service', 'returns', 'orders.public.returns', 'returns'),
      system('legacy-orders', 'orders', 'legacy.order-changes', 'orders'),
    ];
    const connectors = resourcesOf(mesh).resources.filter((resource) => resource.kind === 'KafkaConnector');
    expect(connectors.map((connector) => connector.spec.config)).toEqual([
      expect.objectContaining({ 'topic.prefix': 'orders' }),
      expect.objectContaining({
        'topic.prefix': 'returns-service',
        'transforms.rename1.regex': 'returns-service\\.public\\.returns',
        'transforms.rename1.replacement': 'orders.public.returns',
      }),
      expect.objectContaining({
        'topic.prefix': 'legacy-orders',
        'transforms.rename1.regex': 'legacy-orders\\.public\\.orders',
        'transforms.rename1.replacement': 'legacy.order-changes',
      }),
    ]);
    expect(connectors[0]?.spec.config).not.toHaveProperty('transforms');
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

  it('gives each connector its own Secret, replication slot and schema history topic when system ids slug alike', () => {
    const mesh = aMesh()
      .withDomain('d')
      .withSystem('shop.db', 'd')
      .withSystem('shop-db', 'd')
      .withSystem('Shop-DB', 'd', { database: { ...aSystem('x', 'd').database, engine: 'mysql' } })
      .withSystem('shop-d-b', 'd', { database: { ...aSystem('x', 'd').database, engine: 'mysql' } })
      .build();
    const connectors = resourcesOf(mesh).resources.filter((resource) => resource.kind === 'KafkaConnector');
    const configs = connectors.map((connector) => connector.spec.config ?? {});
    expect(connectors.map((connector) => connector.metadata.name)).toEqual([
      'shop-db-cdc',
      'shop-db-2-cdc',
      'shop-db-3-cdc',
      'shop-d-b-cdc',
    ]);
    expect(configs.map((config) => config['database.password'])).toEqual(
      ['shop-db-db', 'shop-db-2-db', 'shop-db-3-db', 'shop-d-b-db'].map(
        (secret) => `\${secrets:kafka/${secret}:password}`,
      ),
    );
    expect(configs.map((config) => config['slot.name'] ?? config['schema.history.internal.kafka.topic'])).toEqual([
      'debezium_shop_db',
      'debezium_shop_db_2',
      'schema-history.shop-db-3',
      'schema-history.shop-d-b',
    ]);
  });

  it('keeps every replication slot apart when system ids are long and differ only at the end', () => {
    const mesh = aMesh()
      .withDomain('d')
      .withSystem(`${'a'.repeat(58)}1`, 'd')
      .withSystem(`${'a'.repeat(58)}2`, 'd')
      .build();
    mesh.systems[1]!.messaging.topics[0]!.name = 'other.items';
    const slots = resourcesOf(mesh)
      .resources.filter((resource) => resource.kind === 'KafkaConnector')
      .map((connector) => String(connector.spec.config?.['slot.name']));
    expect(new Set(slots).size).toBe(2);
    // PostgreSQL replication slot names: lower-case letters, digits and '_', at most 63.
    for (const slot of slots) expect(slot).toMatch(/^[a-z0-9_]{1,63}$/);
  });

  it("gives each PostgreSQL connector its own publication, so connectors on one database never reset each other's tables", () => {
    const mesh = aMesh()
      .withDomain('d')
      .withSystem('orders', 'd')
      .withSystem(`${'a'.repeat(58)}1`, 'd')
      .withSystem(`${'a'.repeat(58)}2`, 'd')
      .build();
    mesh.systems.forEach((system, n) => {
      system.database.name = 'shared';
      system.messaging.topics[0]!.name = `shared.public.items${n}`;
    });
    const configs = resourcesOf(mesh)
      .resources.filter((resource) => resource.kind === 'KafkaConnector')
      .map((connector) => connector.spec.config ?? {});
    const publications = configs.map((config) => String(config['publication.name']));
    expect(publications[0]).toBe('debezium_orders');
    expect(new Set(publications).size).toBe(3);
    // PostgreSQL identifiers: lower-case letters, digits and '_', at most 63.
    for (const publication of publications) expect(publication).toMatch(/^[a-z0-9_]{1,63}$/);
    expect(configs.map((config) => config['publication.autocreate.mode'])).toEqual([
      'filtered',
      'filtered',
      'filtered',
    ]);
  });

  it('routes the topics Debezium writes for tables whose names Kafka refuses, after it replaces each such character by _', () => {
    const system = aSystem('shop', 'd', {
      database: {
        engine: 'postgres',
        name: 'shop db',
        tables: ['order lines', 'Größe', 'line items'].map((name) => ({
          name,
          cdc: true,
          primaryKey: ['id'],
          columns: [{ name: 'id', type: 'integer' as const, nullable: false }],
        })),
      },
    });
    system.messaging.topics = [
      cdcTopic('lines', 'shop.public.order_lines', 'order lines'),
      cdcTopic('sizes', 'shop.sizes', 'Größe'),
      cdcTopic('items', 'shop.public.line_items', 'line items'),
    ];
    const connector = connectorOf(system);
    // Debezium writes shop.public.order_lines, shop.public.Gr__e and shop.public.line_items.
    expect(connector?.spec.config).toMatchObject({
      'topic.prefix': 'shop',
      'table.include.list': 'public\\.order lines,public\\.Größe,public\\.line items',
      transforms: 'rename1',
      'transforms.rename1.regex': 'shop\\.public\\.Gr__e',
      'transforms.rename1.replacement': 'shop.sizes',
    });
  });

  it('writes include lists whose every regex matches its own table only, as Debezium splits and matches them', () => {
    const tables = ['order,lines', 'a.b', 'price$', 'f(x)', 'x|y', '[t]', 'back\\slash', 'Orders'];
    const system = aSystem('shop', 'd', {
      database: {
        engine: 'postgres',
        name: 'shop',
        tables: tables.map((name) => ({
          name,
          cdc: true,
          primaryKey: ['id'],
          columns: [{ name: 'id', type: 'integer' as const, nullable: false }],
        })),
      },
    });
    system.messaging.topics = tables.map((name, n) => cdcTopic(`t${n}-cdc`, `shop.t${n}`, name));
    const connector = connectorOf(system);
    const list = String(connector?.spec.config?.['table.include.list']);
    // Debezium splits at every comma not escaped by a backslash (older versions at every comma), then
    // matches each regex against the whole `schema.table`, ignoring case (Java regexes, here the same syntax).
    const patterns = list.split(/(?<!\\),/).map((regex) => new RegExp(`^(?:${regex})$`, 'i'));
    expect(list.split(',')).toHaveLength(tables.length);
    const matching = (id: string) => patterns.filter((pattern) => pattern.test(id)).length;
    for (const table of tables) expect(matching(`public.${table}`), table).toBe(1);
    for (const other of [
      'public.order',
      'lines',
      'public.aXb',
      'public.price',
      'public.fx',
      'public.x',
      'public.t',
      'other.Orders',
    ])
      expect(matching(other), other).toBe(0);
  });

  // An outbox table flagged for CDC too is still listed once.
  it.each([false, true])(
    'lists Oracle tables under the schema their topics name, with the outbox beside them, and renames nothing Debezium names so (outbox captured: %s)',
    (isOutboxCaptured) => {
      const base = aSystem('bookings-service', 'd');
      const table = (name: string, cdc = true) => ({ ...base.database.tables[0]!, name, cdc });
      const system = aSystem('bookings-service', 'd', {
        database: {
          engine: 'oracle',
          name: 'BOOKDB',
          tables: [table('bookings'), table('outbox', isOutboxCaptured)],
        },
        messaging: {
          broker: 'kafka',
          topics: [
            {
              id: 'b',
              name: 'bookdb.APP.BOOKINGS',
              partitions: 1,
              tombstones: false,
              source: { kind: 'cdc', table: 'bookings' },
            },
            {
              id: 'e',
              name: 'bookdb.events.booked',
              partitions: 1,
              tombstones: false,
              source: { kind: 'outbox', event: 'Booked' },
            },
          ],
        },
        publishes: [{ name: 'Booked', table: 'bookings', on: ['insert'] }],
      });
      const connector = connectorOf(system);
      expect(connector?.spec.config).toMatchObject({
        'topic.prefix': 'bookdb',
        'table.include.list': 'APP\\.BOOKINGS,APP\\.OUTBOX',
        transforms: 'outbox',
        'predicates.isOutbox.pattern': 'bookdb\\.APP\\.OUTBOX',
      });
    },
  );

  it.each(['PROPRIETORS', 'proprietors'])(
    'renames an Oracle table %s from the capitals Debezium writes when its topic spells it otherwise',
    (tableName) => {
      const base = aSystem('titles-service', 'd');
      const cdcTable = (name: string) => ({ ...base.database.tables[0]!, name, cdc: true });
      const system = aSystem('titles-service', 'd', {
        database: { engine: 'oracle', name: 'LRDB', tables: [cdcTable('TITLES'), cdcTable(tableName)] },
        messaging: {
          broker: 'kafka',
          topics: [cdcTopic('t', 'lr.LAND.TITLES', 'TITLES'), cdcTopic('p', 'land.proprietors', tableName)],
        },
      });
      const config = connectorOf(system)?.spec.config ?? {};
      expect(config['table.include.list']).toBe('LAND\\.TITLES,LAND\\.PROPRIETORS');
      // Kafka's RegexRouter minds case: it renames only what Debezium writes, `lr.LAND.PROPRIETORS`.
      const rename = ['transforms', 'transforms.rename1.regex', 'transforms.rename1.replacement'].map(
        (key) => config[key],
      );
      expect(rename).toEqual(['rename1', 'lr\\.LAND\\.PROPRIETORS', 'land.proprietors']);
    },
  );

  it.each(DEBEZIUM_ENGINE_IDS)(
    '%s: writes exact decimals as JSON numbers, as the simulation shows them, outbox events included',
    (engine) => {
      const system = aSystem('fares', 'd', {
        database: { ...aSystem('fares', 'd').database, engine },
        publishes: [{ name: 'FareChanged', table: 'items', on: ['update'] }],
      });
      system.messaging.topics.push(anOutboxTopic('e', 'fares.events.fare-changed', 'FareChanged'));
      const connector = resourcesOf({ ...aMesh().withDomain('d').build(), systems: [system] }).resources.find(
        (resource) => resource.kind === 'KafkaConnector',
      );

      expect(connector?.spec.config).toMatchObject({
        'key.converter.decimal.format': 'NUMERIC',
        'value.converter.decimal.format': 'NUMERIC',
        'transforms.outbox.route.topic.replacement': 'fares.events.fare-changed',
      });
      expect(connector?.spec.config?.['decimal.handling.mode']).toBe(engine === 'mongodb' ? undefined : 'precise');
    },
  );

  // The binlog connectors refuse `adaptive` ("no longer supported"); their default, adaptive_time_microseconds,
  // writes dates and timestamps alike. MongoDB's connector has no such setting: it writes BSON dates.
  const timePrecisionModes: Record<DebeziumEngineId, string | undefined> = {
    postgres: 'adaptive',
    mysql: 'adaptive_time_microseconds',
    mariadb: 'adaptive_time_microseconds',
    sqlserver: 'adaptive',
    oracle: 'adaptive',
    db2: 'adaptive',
    mongodb: undefined,
  };
  it.each(Object.entries(timePrecisionModes))(
    '%s: writes dates and timestamps in the adaptive precision the simulation shows them in, as the connector accepts it (%s)',
    (engine, timePrecisionMode) => {
      const system = aSystem('fares', 'd', { database: { ...aSystem('fares', 'd').database, engine } });
      const connector = resourcesOf({ ...aMesh().withDomain('d').build(), systems: [system] }).resources.find(
        (resource) => resource.kind === 'KafkaConnector',
      );

      expect(connector?.spec.config?.['time.precision.mode']).toBe(timePrecisionMode);
    },
  );

  it("keys each outbox event by the outbox row's aggregateid, as the simulation keys it by the changed row's id", () => {
    const { mesh } = exportCases().find((exportCase) => exportCase.name === 'ecommerce')!;
    const orders = resourcesOf(mesh).resources.find((resource) => resource.metadata.name === 'orders-service-cdc');

    expect(orders?.spec.config).toMatchObject({
      'transforms.outbox.table.field.event.key': 'aggregateid',
      'transforms.outbox.route.by.field': 'aggregatetype',
    });
  });

  describe('a service that publishes outbox events and captures no other table', () => {
    const outboxOnly = () => {
      const base = aSystem('dispatch', 'd');
      const system = aSystem('dispatch', 'd', {
        database: { ...base.database, tables: base.database.tables.map((table) => ({ ...table, cdc: false })) },
        messaging: { broker: 'kafka', topics: [anOutboxTopic('e', 'dispatch.events.shipped', 'Shipped')] },
        publishes: [{ name: 'Shipped', table: 'items', on: ['insert'] }],
      });
      return resourcesOf({ ...aMesh().withDomain('d').build(), systems: [system] });
    };

    it('gets a connector that captures its outbox table and routes the events to their topic', () => {
      const connector = outboxOnly().resources.find((resource) => resource.kind === 'KafkaConnector');

      expect(connector?.metadata.name).toBe('dispatch-cdc');
      expect(connector?.spec.config).toMatchObject({
        'table.include.list': 'public\\.outbox',
        transforms: 'outbox',
        'transforms.outbox.route.topic.replacement': 'dispatch.events.shipped',
      });
    });

    it('on an engine Debezium cannot read, keeps its event topic without a connector, and the export goes on', () => {
      const base = aSystem('dispatch', 'd');
      const system = aSystem('dispatch', 'd', {
        database: { ...base.database, engine: 'dynamodb', tables: [{ ...base.database.tables[0]!, cdc: false }] },
        messaging: { broker: 'kafka', topics: [anOutboxTopic('e', 'dispatch.events.shipped', 'Shipped')] },
        publishes: [{ name: 'Shipped', table: 'items', on: ['insert'] }],
      });
      const { resources } = resourcesOf({ ...aMesh().withDomain('d').build(), systems: [system] });

      expect(resources.map((resource) => resource.kind)).toEqual(['KafkaTopic']);
    });

    it("lets the Connect cluster's user write the event topic", () => {
      const user = outboxOnly().resources.find((resource) => resource.metadata.name === 'kafka-connect');

      expect(JSON.stringify(user?.spec)).toContain('dispatch.events.shipped');
    });
  });

  it("tells the service to write an event's aggregate key into aggregateid where the event names one", () => {
    const system = aSystem('maint', 'd', {
      publishes: [{ name: 'WorkOrderOpened', table: 'items', on: ['insert'], aggregateKey: ['label'] }],
    });
    system.messaging.topics.push(anOutboxTopic('opened', 'maintenance.events.work-order-opened', 'WorkOrderOpened'));
    const { files } = resourcesOf({ ...aMesh().withDomain('d').build(), systems: [system] });
    const connectors = files.find((file) => file.path.endsWith('connectors.yaml'));

    expect(connectors?.about).toContain("type 'WorkOrderOpened', aggregateid the items row's label as text");
  });

  describe('a table that publishes several events, each to its topic', () => {
    const system = aSystem('maint', 'd', {
      publishes: [
        { name: 'WorkOrderOpened', table: 'items', on: ['insert'] },
        { name: 'WorkOrderClosed', table: 'items', on: ['update'], when: "new.label = 'closed'" },
      ],
    });
    system.messaging.topics.push(
      anOutboxTopic('opened', 'maintenance.events.work-order-opened', 'WorkOrderOpened'),
      anOutboxTopic('closed', 'maintenance.events.work-order-closed', 'WorkOrderClosed'),
    );
    const mesh = { ...aMesh().withDomain('d').build(), systems: [system] };

    /** The topic Kafka Connect sends an outbox row to, applying the connector's transforms in order as it does. */
    function topicOf(row: Record<string, string>): string {
      const config = connectorOf(system)?.spec.config as Record<string, string>;
      let topic = 'maint.public.outbox';
      for (const name of config.transforms!.split(',')) {
        const option = (key: string) => config[`transforms.${name}.${key}`]!;
        if (option('type') === 'io.debezium.transforms.outbox.EventRouter') {
          const routedByValue = row[option('route.by.field')]!;
          topic = option('route.topic.replacement').replace(/\$\{routedByValue\}/, routedByValue);
        } else if (new RegExp(`^(?:${option('regex')})$`).test(topic)) topic = option('replacement');
      }
      return topic;
    }

    const connectorsFile = () =>
      filesOf(strimziTarget.files(mesh, WHOLE_MESH)).find((file) => file.path.endsWith('connectors.yaml'));

    it("routes each by the row's type, its event's name, as Debezium's outbox table has it, not by its aggregate type", () => {
      const row = { aggregatetype: 'WorkOrder', aggregateid: '7' };
      expect(topicOf({ ...row, type: 'WorkOrderOpened' })).toBe('maintenance.events.work-order-opened');
      expect(topicOf({ ...row, type: 'WorkOrderClosed' })).toBe('maintenance.events.work-order-closed');
    });

    it('says in index.md, per event, what the service writes into which column of its outbox', () => {
      const connectors = connectorsFile();
      expect(connectors?.about).toContain(
        "maint's event WorkOrderOpened (to maintenance.events.work-order-opened): type 'WorkOrderOpened', aggregateid the items row's id",
      );
      expect(connectors?.about).toContain(
        "maint's event WorkOrderClosed (to maintenance.events.work-order-closed): type 'WorkOrderClosed', aggregateid the items row's id",
      );
    });

    it('says in index.md that the service writes an event with a condition only for the changes it holds for', () => {
      const connectors = connectorsFile();
      expect(connectors?.about).toContain("payload the event as JSON, written only when new.label = 'closed'");
      expect(connectors?.about).not.toMatch(/WorkOrderOpened[^;]*written only when/);
    });
  });

  it.each([
    ['oracle', { route: 'AGGREGATETYPE', id: 'ID', key: 'AGGREGATEID', payload: 'PAYLOAD' }],
    ['db2', { route: 'AGGREGATETYPE', id: 'ID', key: 'AGGREGATEID', payload: 'PAYLOAD' }],
    ['postgres', { route: 'aggregatetype', id: 'id', key: 'aggregateid', payload: 'payload' }],
  ] as const)(
    "%s: names the outbox's fields to its event router as its change records carry them",
    (engine, fields) => {
      const system = aSystem('fares', 'd', {
        database: { ...aSystem('fares', 'd').database, engine },
        publishes: [{ name: 'FareChanged', table: 'items', on: ['update'] }],
      });
      system.messaging.topics.push(anOutboxTopic('e', 'fares.events.fare-changed', 'FareChanged'));

      expect(connectorOf(system)?.spec.config).toMatchObject({
        'transforms.outbox.route.by.field': fields.route,
        'transforms.outbox.table.field.event.id': fields.id,
        'transforms.outbox.table.field.event.key': fields.key,
        'transforms.outbox.table.field.event.payload': fields.payload,
      });
    },
  );

  it("routes a MongoDB outbox with Debezium's MongoDB event router: the relational one refuses MongoDB's change events", () => {
    const base = aSystem('crm', 'd');
    const system = aSystem('crm', 'd', {
      database: {
        engine: 'mongodb',
        name: 'crm',
        tables: [{ ...base.database.tables[0]!, name: 'subscribers' }],
      },
      messaging: {
        broker: 'kafka',
        topics: [
          {
            id: 's',
            name: 'crm.crm.subscribers',
            partitions: 1,
            tombstones: true,
            source: { kind: 'cdc', table: 'subscribers' },
          },
          {
            id: 'e',
            name: 'crm.events.churned',
            partitions: 1,
            tombstones: false,
            source: { kind: 'outbox', event: 'Churned' },
          },
        ],
      },
      publishes: [{ name: 'Churned', table: 'subscribers', on: ['delete'] }],
    });
    const config = connectorOf(system)?.spec.config;
    expect(config).toMatchObject({
      'collection.include.list': 'crm\\.subscribers,crm\\.outbox',
      'transforms.outbox.type': 'io.debezium.connector.mongodb.transforms.outbox.MongoEventRouter',
      'transforms.outbox.route.by.field': 'aggregatetype',
      'transforms.outbox.route.topic.replacement': 'crm.events.churned',
      'transforms.outbox.collection.expand.json.payload': true,
      'transforms.outbox.collection.field.event.id': '_id',
      'transforms.outbox.collection.field.event.key': 'aggregateid',
      'predicates.isOutbox.pattern': 'crm\\.crm\\.outbox',
    });
    expect(config).not.toHaveProperty('transforms.outbox.table.expand.json.payload');
    expect(config).not.toHaveProperty('transforms.outbox.table.field.event.key');
  });

  it("refuses a SQL Server database whose name has a comma: Debezium's database.names is a plain list", () => {
    const base = aSystem('erp', 'd');
    const system = aSystem('erp', 'd', { database: { ...base.database, engine: 'sqlserver', name: 'sales,2024' } });
    const result = strimziTarget.files({ ...aMesh().withDomain('d').build(), systems: [system] }, WHOLE_MESH);
    expect(result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      "systems[0].database.name: system 'erp': the SQL Server database 'sales,2024' has a comma, and Debezium reads database.names as a comma-separated list",
    ]);
  });

  it('refuses topic names Kafka keeps for itself or refuses, saying which rule each breaks', () => {
    const names = ['__consumer_offsets', '__transaction.state', '__audit', '..', 'orders events', 't'.repeat(250)];
    const mesh = aMesh()
      .withDomain('d')
      .withSystem('s', 'd')
      .withProduct('p'.repeat(128), 'd', {
        outputPorts: [aPort('o'.repeat(128), 'output', { protocol: 'kafka-topic' })],
      })
      .build();
    mesh.systems[0]!.messaging.topics = names.map((name, index) => anOutboxTopic(`t${index}`, name, 'e'));
    const result = strimziTarget.files(mesh, WHOLE_MESH);
    const topic = (index: number) => `systems[0].messaging.topics[${index}].name: system 's': topic`;
    expect(result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      `${topic(0)} '__consumer_offsets' is Kafka's internal topic '__consumer_offsets'`,
      `${topic(1)} '__transaction.state' is Kafka's internal topic '__transaction_state' (Kafka counts '.' and '_' as one character)`,
      `${topic(2)} '__audit' starts with '__', which Kafka keeps for its internal topics`,
      `${topic(3)} '..' is a name Kafka refuses ('.' and '..' are not topic names)`,
      `${topic(4)} 'orders events' has ' ': Kafka takes only letters, digits, '.', '_' and '-'`,
      `${topic(5)} '${'t'.repeat(250)}' is 250 characters long: Kafka takes at most 249`,
      `products[0].outputPorts[0]: data product '${'p'.repeat(128)}': topic '${'p'.repeat(128)}.${'o'.repeat(128)}' is 257 characters long: Kafka takes at most 249`,
    ]);
  });

  it.each(DEBEZIUM_ENGINE_IDS.map((engine) => [engine] as const))(
    '%s: a connector keeping a schema history gets its KafkaTopic (one partition, kept forever) and writes no schema changes',
    (engine) => {
      const system = aSystem('shop', 'd', { database: { ...aSystem('shop', 'd').database, engine } });
      const { resources } = resourcesOf({ ...aMesh().withDomain('d').build(), systems: [system] });
      const connector = resources.find((resource) => resource.kind === 'KafkaConnector');
      const history = resources.find(
        (resource) =>
          resource.kind === 'KafkaTopic' &&
          resource.spec.partitions === 1 &&
          resource.spec.config?.['retention.ms'] === -1,
      );
      const keepsHistory = ['mysql', 'mariadb', 'sqlserver', 'oracle', 'db2'].includes(engine);

      expect(connector?.spec.config?.['schema.history.internal.kafka.topic']).toBe(
        keepsHistory ? 'schema-history.shop' : undefined,
      );
      expect(connector?.spec.config?.['include.schema.changes']).toBe(keepsHistory ? false : undefined);
      // Its own producer and consumer, which do not take the Connect worker's TLS identity: they present the kafka-connect user's.
      const historyClient = (client: string) =>
        Object.fromEntries(
          Object.entries(connector?.spec.config ?? {}).filter(
            ([key]) =>
              key.startsWith(`schema.history.internal.${client}.ssl`) ||
              key === `schema.history.internal.${client}.security.protocol`,
          ),
        );
      for (const client of ['producer', 'consumer'])
        expect(historyClient(client)).toEqual(
          keepsHistory
            ? {
                [`schema.history.internal.${client}.security.protocol`]: 'SSL',
                [`schema.history.internal.${client}.ssl.keystore.type`]: 'PEM',
                [`schema.history.internal.${client}.ssl.keystore.certificate.chain`]: `\${secrets:kafka/kafka-connect:user.crt}`,
                [`schema.history.internal.${client}.ssl.keystore.key`]: `\${secrets:kafka/kafka-connect:user.key}`,
                [`schema.history.internal.${client}.ssl.truststore.type`]: 'PEM',
                [`schema.history.internal.${client}.ssl.truststore.certificates`]: `\${secrets:kafka/kafka-cluster-ca-cert:ca.crt}`,
              }
            : {},
        );
      expect(connector?.spec.config?.['schema.history.internal.kafka.bootstrap.servers']).toBe(
        keepsHistory ? 'kafka-kafka-bootstrap:9093' : undefined,
      );
      expect(history?.spec).toEqual(
        keepsHistory
          ? {
              topicName: 'schema-history.shop',
              partitions: 1,
              config: { 'cleanup.policy': 'delete', 'retention.ms': -1 },
            }
          : undefined,
      );
      expect(resources.flatMap(strimziResourceProblems)).toEqual([]);
    },
  );

  it('refuses a design topic that is one a Debezium connector writes itself, its schema history, and lets one have its prefix', () => {
    const mysql = aSystem('shop', 'd', { database: { ...aSystem('shop', 'd').database, engine: 'mysql' } });
    const other = aSystem('other', 'd');
    const template = other.messaging.topics[0]!;
    other.messaging.topics.push(
      { ...template, id: 'a', name: 'shop', source: { kind: 'outbox', event: 'e' } },
      { ...template, id: 'b', name: 'schema-history_shop', source: { kind: 'outbox', event: 'e' } },
    );
    const mesh = { ...aMesh().withDomain('d').build(), systems: [mysql, other] };
    const result = strimziTarget.files(mesh, WHOLE_MESH);
    expect(result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      "systems[1].messaging.topics[2].name: system 'other': topic 'schema-history_shop' collides in Kafka with 'schema-history.shop' of the Debezium connector of system 'shop' (its schema history) ('.' and '_' count as one character)",
    ]);
  });

  it('refuses, naming both, a topic name twice, or two that Kafka takes for one', () => {
    const mesh = aMesh()
      .withDomain('d')
      .withSystem('one', 'd')
      .withSystem('two', 'd')
      .withProduct('one', 'd', { outputPorts: [aPort('items', 'output', { protocol: 'kafka-topic' })] })
      .withProduct('a.b', 'd', { outputPorts: [aPort('out', 'output', { protocol: 'kafka-topic' })] })
      .withProduct('a_b', 'd', { outputPorts: [aPort('out', 'output', { protocol: 'kafka-topic' })] })
      .build();
    mesh.systems[1]!.messaging.topics[0]!.name = 'one.items';
    const result = strimziTarget.files(mesh, WHOLE_MESH);
    expect(result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      "systems[1].messaging.topics[0].name: system 'two': topic 'one.items' is also the topic of system 'one'",
      "products[0].outputPorts[0]: data product 'one': topic 'one.items' is also the topic of system 'one'",
      "products[2].outputPorts[0]: data product 'a_b': topic 'a_b.out' collides in Kafka with 'a.b.out' of data product 'a.b' ('.' and '_' count as one character)",
    ]);
  });

  it('refuses a second CDC topic of one captured table, which the connector would leave empty', () => {
    const mesh = aMesh().withDomain('d').withSystem('shop', 'd').build();
    mesh.systems[0]!.messaging.topics.push(cdcTopic('items-copy', 'shop.items.copy', 'items'));

    const result = strimziTarget.files(mesh, WHOLE_MESH);

    expect(result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      "systems[0].messaging.topics[1]: system 'shop': topic 'shop.items.copy' carries the changes of table 'items', as topic 'shop.items' does: Debezium writes a table's changes to one topic only, so one of them would stay empty; keep one topic per table and link its readers to it",
    ]);
  });

  describe('a table flagged for CDC in the file without a topic to carry its changes', () => {
    /** `shop` (PostgreSQL) captures `items` into its topic; `readings`, flagged FULL, has no topic in the design. */
    function aMeshWithAnUncarriedTable() {
      const mesh = aMesh().withDomain('d').withSystem('shop', 'd').build();
      const items = mesh.systems[0]!.database.tables[0]!;
      mesh.systems[0]!.database.tables.push({ ...items, name: 'readings', cdc: true, replicaIdentity: 'full' });
      return mesh;
    }

    it('is not captured: Debezium would write its changes to a topic the export neither creates nor lets the connector write, and the simulation captures it not', () => {
      const { resources, files } = resourcesOf(aMeshWithAnUncarriedTable());
      const connector = resources.find((resource) => resource.kind === 'KafkaConnector');

      expect(connector?.spec.config?.['table.include.list']).toBe('public\\.items');
      expect(JSON.stringify(resources)).not.toContain('readings');
      expect(
        filesOf(strimziTarget.files(aMeshWithAnUncarriedTable(), WHOLE_MESH)).map((file) => file.path),
      ).not.toContain('strimzi/shop.replica-identity.sql');
      expect(files.map((file) => file.path)).toContain('strimzi/kafka-connectors.yaml');
    });

    it('gives a system that captures nothing else no connector', () => {
      const mesh = aMeshWithAnUncarriedTable();
      mesh.systems[0]!.messaging.topics = [];

      expect(resourcesOf(mesh).resources.map((resource) => resource.kind)).not.toContain('KafkaConnector');
    });
  });

  it('leaves alone two CDC topics of a table not captured, which no connector writes', () => {
    const mesh = aMesh().withDomain('d').withSystem('shop', 'd').build();
    mesh.systems[0]!.database.tables.push({ ...mesh.systems[0]!.database.tables[0]!, name: 'archive', cdc: false });
    mesh.systems[0]!.messaging.topics.push(
      cdcTopic('archive-cdc', 'shop.archive', 'archive'),
      cdcTopic('archive-copy', 'shop.archive.copy', 'archive'),
    );

    expect(strimziTarget.files(mesh, WHOLE_MESH).ok).toBe(true);
  });

  describe('replica identity: the ALTER TABLEs that give the tables the design sets FULL their REPLICA IDENTITY', () => {
    /** The builder's captured `items` table (`id` key, `label`), renamed. */
    const table = (name: string, extra: Partial<SystemTable>): SystemTable => ({
      ...(aSystem('x', 'd').database.tables[0] as SystemTable),
      name,
      ...extra,
    });
    /** `shop` (PostgreSQL) captures `items` and `Order Lines` FULL, `notes` DEFAULT; `archive`, FULL, is not captured. */
    function aMeshWithReplicaIdentities() {
      const shop = aSystem('shop', 'd', {
        database: {
          engine: 'postgres',
          name: 'shop',
          tables: [
            table('items', { replicaIdentity: 'full' }),
            table('Order Lines', { replicaIdentity: 'full' }),
            table('notes', { replicaIdentity: 'default' }),
            table('archive', { replicaIdentity: 'full', cdc: false }),
          ],
        },
        messaging: {
          broker: 'kafka',
          topics: [
            cdcTopic('items-cdc', 'shop.public.items', 'items'),
            cdcTopic('lines-cdc', 'shop.order-lines', 'Order Lines'),
            cdcTopic('notes-cdc', 'shop.public.notes', 'notes'),
          ],
        },
      });
      const plain = aSystem('plain', 'd', {
        database: { ...aSystem('plain', 'd').database, tables: [table('items', { replicaIdentity: 'default' })] },
      });
      const legacy = aSystem('legacy', 'd', {
        database: { engine: 'mysql', name: 'legacy', tables: [table('items', { replicaIdentity: 'full' })] },
      });
      return { ...aMesh().withDomain('d').build(), systems: [shop, plain, legacy] };
    }

    /** The system's tables in PostgreSQL, in the schemas and under the names its connector reads them by. */
    async function createTables(db: PGlite, system: OperationalSystem) {
      for (const { name, columns, primaryKey } of system.database.tables) {
        const { schema = 'public', table: stored } = capturedTableName(system, name);
        const definitions = [
          ...columns.map((column) => `${quoteIdentifier(column.name)} ${column.type}`),
          `PRIMARY KEY (${primaryKey.map(quoteIdentifier).join(', ')})`,
        ];
        await db.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)};
          CREATE TABLE ${quoteIdentifier(schema)}.${quoteIdentifier(stored)} (${definitions.join(', ')});`);
      }
    }

    it('writes one SQL file per PostgreSQL system with captured FULL tables, named after its connector', () => {
      const files = filesOf(strimziTarget.files(aMeshWithReplicaIdentities(), WHOLE_MESH));
      expect(files.filter((file) => file.path.endsWith('.sql')).map((file) => file.path)).toEqual([
        'strimzi/shop.replica-identity.sql',
      ]);
    });

    it('makes PostgreSQL (PGlite) give exactly those tables REPLICA IDENTITY FULL', { timeout: 60_000 }, async () => {
      const mesh = aMeshWithReplicaIdentities();
      const sql = filesOf(strimziTarget.files(mesh, WHOLE_MESH)).find((file) => file.path.endsWith('.sql'));
      const db = new PGlite();
      try {
        await createTables(db, mesh.systems[0]!);
        await db.exec(String(sql?.content));
        const { rows } = await db.query<{ relname: string; relreplident: string }>(
          "SELECT relname, relreplident FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY relname",
        );
        expect(rows.map(({ relname, relreplident }) => [relname, relreplident])).toEqual([
          ['Order Lines', 'f'],
          ['archive', 'd'],
          ['items', 'f'],
          ['notes', 'd'],
        ]);
      } finally {
        await db.close();
      }
    });
  });
});

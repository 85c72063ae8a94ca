import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { WHOLE_MESH } from '../../../shared/export';
import { strimziTarget } from '../../../shared/export/strimzi/strimzi-target';
import type { Mesh } from '../../../shared/model/mesh';
import { aMesh, aScenario, aSystem, simulate } from './builders';

/*
 * The simulation's records and the exported Debezium connector name things alike: `source.name`
 * is the connector's `topic.prefix`, `source.schema` and `source.table` are what its
 * `table.include.list` names, and the transaction topic is `<topic.prefix>.transaction`.
 */

interface Design {
  engine: string;
  database: string;
  topic: string;
}

function aBookingsMesh(...systems: Design[]): Mesh {
  const mesh = aMesh();
  systems.forEach((_, index) => {
    mesh.with(
      aSystem(`service-${index}`)
        .withTable('bookings', { id: 'integer', label: 'text' })
        .withCdcTopic('bookings-cdc', 'bookings'),
    );
  });
  const built = mesh.build();
  built.systems.forEach((system, index) => {
    const design = systems[index] as Design;
    system.database = { ...system.database, engine: design.engine, name: design.database };
    (system.messaging.topics[0] as { name: string }).name = design.topic;
  });
  return built;
}

function exportedConnectors(mesh: Mesh) {
  const result = strimziTarget.files(mesh, WHOLE_MESH);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const file = result.value.find((candidate) => candidate.path === 'strimzi/kafka-connectors.yaml');
  return parseAllDocuments(String(file?.content)).map(
    (doc) => (doc.toJSON() as { spec: { config: Record<string, unknown> } }).spec.config,
  );
}

async function simulatedSources(mesh: Mesh) {
  const scenario = {
    ...mesh.systems
      .reduce(
        (builder, system) => builder.at(1, system.id, 'bookings', 'insert', { values: { id: 1, label: 'x' } }),
        aScenario(),
      )
      .build(),
    connector: { transactionMetadata: true },
  };
  const metrics = (await simulate(mesh, scenario)).step(1);
  return {
    logs: Object.keys(metrics.logs),
    sources: mesh.systems.map(
      (system) =>
        (metrics.logs[`${system.id}/bookings-cdc`]?.recent.at(-1)?.value as { source?: Record<string, unknown> })
          ?.source ?? {},
    ),
  };
}

describe('the simulated connector and the exported one name topics, schemas and tables alike', () => {
  it.each([
    // engine, database, design topic → prefix, schema, table (hand-checked against Debezium's naming)
    ['oracle', 'BOOKDB', 'bookdb.APP.BOOKINGS', 'bookdb', 'APP', 'BOOKINGS', undefined],
    ['db2', 'LOYALTY', 'loyalty.DB2INST1.BOOKINGS', 'loyalty', 'DB2INST1', 'BOOKINGS', undefined],
    [
      'sqlserver',
      'FlightOps',
      'flightops.dbo.bookings',
      'flightops',
      'dbo',
      'bookings',
      'flightops.FlightOps.dbo.bookings',
    ],
    ['sqlserver', 'FlightOps', 'ops.FlightOps.sales.bookings', 'ops', 'sales', 'bookings', undefined],
    ['postgres', 'shop', 'shop.sales.bookings', 'shop', 'sales', 'bookings', undefined],
    ['mysql', 'shop', 'shop.shop.bookings', 'shop', undefined, 'bookings', undefined],
    // A topic that does not follow Debezium's rule: the database's name, the engine's default schema.
    ['oracle', 'BOOKDB', 'booking-changes', 'BOOKDB', 'BOOKDB', 'BOOKINGS', 'BOOKDB.BOOKDB.BOOKINGS'],
    ['db2', 'LOYALTY', 'members', 'LOYALTY', 'DB2INST1', 'BOOKINGS', 'LOYALTY.DB2INST1.BOOKINGS'],
    // Debezium writes an unquoted Oracle or Db2 table in capitals: a topic spelling it otherwise is the design's own.
    ['oracle', 'BOOKDB', 'bookdb.APP.bookings', 'BOOKDB', 'BOOKDB', 'BOOKINGS', 'BOOKDB.BOOKDB.BOOKINGS'],
    ['db2', 'LOYALTY', 'loyalty.DB2INST1.bookings', 'LOYALTY', 'DB2INST1', 'BOOKINGS', 'LOYALTY.DB2INST1.BOOKINGS'],
  ])(
    '%s %s, topic %s: prefix %s, schema %s, table %s',
    async (engine, database, topic, prefix, schema, table, renamedFrom) => {
      const mesh = aBookingsMesh({ engine, database, topic });
      const [config] = exportedConnectors(mesh);
      const { logs, sources } = await simulatedSources(mesh);
      const [source] = sources;

      expect(config?.['topic.prefix']).toBe(prefix);
      expect(source?.name).toBe(prefix);
      expect(source?.schema).toBe(schema);
      expect(source?.table).toBe(table);
      // Debezium matches include lists ignoring case, but the RegexRouter below does not: both spell it alike.
      expect(config?.['table.include.list']).toBe(`${schema ?? database}.${table}`.replaceAll('.', '\\.'));
      expect(logs).toContain(`service-0/${prefix}.transaction`);
      // Where Debezium's own topic differs from the design's, the connector renames exactly that one.
      expect(config?.['transforms.rename1.regex']).toBe(renamedFrom?.replaceAll('.', '\\.'));
    },
  );

  it('agree on the prefix of a later system whose preferred prefix an earlier one took', async () => {
    const mesh = aBookingsMesh(
      { engine: 'oracle', database: 'BOOKDB', topic: 'bookdb.APP.BOOKINGS' },
      { engine: 'db2', database: 'LOYALTY', topic: 'bookdb.DB2INST1.BOOKINGS' },
      { engine: 'sqlserver', database: 'bookdb', topic: 'bookdb_changes' },
    );
    const configs = exportedConnectors(mesh);
    const { sources } = await simulatedSources(mesh);

    expect(configs.map((config) => config['topic.prefix'])).toEqual(['bookdb', 'service-1', 'service-2']);
    expect(sources.map((source) => source.name)).toEqual(['bookdb', 'service-1', 'service-2']);
  });
});

import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { EpochMillis } from '../../../renderer/simulation/epoch-millis';
import { FieldTable } from '../../../renderer/simulation/message-card';
import { traceChange } from '../../../shared/simulation/change-trace';
import { readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { envelopeTimes } from '../../../shared/simulation/record-shape';
import { ecommerceSample, loadSqlJs, simulate } from './builders';

beforeAll(() => loadSqlJs(), 60_000);

describe('an epoch-millisecond value on screen', () => {
  it('reads as its UTC time, as the trace writes its other times, with the stored number in its tooltip', () => {
    expect(renderToStaticMarkup(<EpochMillis millis={1767225600000} />)).toBe(
      '<time dateTime="2026-01-01T00:00:00.000Z" title="1767225600000 (milliseconds since 1970, UTC)">2026-01-01T00:00:00.000Z</time>',
    );
  });

  it('is read as a time only in the columns that hold epoch milliseconds, not in other numbers of the record', () => {
    const html = renderToStaticMarkup(
      <FieldTable record={{ _timestamp: 1767603720000, total: 1767603720000 }} epochMillisColumns={['_timestamp']} />,
    );
    expect(html).toContain('<th scope="row">_timestamp</th><td><time dateTime="2026-01-05T09:02:00.000Z"');
    expect(html).toContain('<th scope="row">total</th><td>1767603720000</td>');
  });
});

describe('times a change trace shows', () => {
  const mesh = ecommerceSample();
  const plan = planPipeline(mesh);

  async function orderTrace() {
    const simulation = await simulate(mesh, mesh.scenarios[0] as never);
    simulation.step(3);
    const topic = plan.logs.find((log) => log.table === 'orders-service/orders-cdc');
    if (!topic) throw new Error('no orders topic');
    const read = readMessages(simulation.query, topic, { limit: 1, key: '1000' });
    const record = read.ok ? read.value[0] : undefined;
    if (!record) throw new Error('no record of order 1000');
    const traced = traceChange(plan, simulation, { kind: 'record', log: topic.table, position: record.position });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
    return traced.value.stages;
  }

  it("names a raw zone's epoch-millisecond columns: a change record's own time and its source's, another record's time", async () => {
    const raw = (await orderTrace()).filter((stage) => stage.kind === 'raw');

    expect(raw.map((stage) => [stage.source, stage.epochMillisColumns])).toEqual([
      ['raw_orders_cdc_in', ['_timestamp', '_source_ts', '_first_timestamp']],
      ['raw_orders_in', ['_timestamp']],
      ['raw_profiles_in', ['_timestamp']],
    ]);
  });

  it("reads a Debezium envelope's ts_ms and source.ts_ms, and nothing from what is no envelope", () => {
    expect(envelopeTimes({ op: 'c', source: { ts_ms: 1767603600000 }, ts_ms: 1767603720000 })).toEqual({
      'source.ts_ms': 1767603600000,
      ts_ms: 1767603720000,
    });
    expect(envelopeTimes({ order_id: 1000, placed_at: 1767603600000 })).toBeUndefined();
    expect(envelopeTimes(null)).toBeUndefined();
  });
});

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts/contract-text';
import { editYamlText } from '../../../shared/contracts/yaml-text-edit';
import { traceChange } from '../../../shared/simulation/change-trace';
import { readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aBigKeyCustomerInsert, BIG_CUSTOMER_ID, ecommerceSample, loadSqlJs, rowsOf, simulate } from './builders';

const mesh = ecommerceSample();
const plan = planPipeline(mesh);
beforeAll(() => loadSqlJs(), 60_000);

/** The e-commerce run with a customer's email nulled on its CDC topic at tick 4, which `customers` quarantines. */
async function nulledEmailRun() {
  const [scenario] = mesh.scenarios;
  if (!scenario) throw new Error('no scenario');
  const simulation = await simulate(mesh, {
    ...scenario,
    faults: [
      ...(scenario.faults ?? []),
      { kind: 'null-field', tick: 4, systemId: 'customers-service', topicId: 'customers-cdc', column: 'email' },
    ],
  } as never);
  simulation.step(4);
  const [quarantined] = rowsOf(simulation, 'customers', 'SELECT * FROM quarantine');
  if (!quarantined) throw new Error('nothing quarantined');
  return { simulation, quarantined };
}

describe('tracing a quarantined record', () => {
  it('starts from the topic record the product read when it quarantined it, as a trace from that message does', async () => {
    const { simulation, quarantined } = await nulledEmailRun();
    const topic = plan.logs.find((log) => log.table === 'customers-service/customers-cdc');
    if (!topic) throw new Error('no customers topic');
    const newest = readMessages(simulation.query, topic, {
      limit: 50,
      key: String(JSON.parse(String(quarantined.record)).customer_id),
    });
    const nulled = newest.ok
      ? newest.value.find((record) => (record.value as { after?: { email?: unknown } }).after?.email === null)
      : undefined;

    const traced = traceChange(plan, simulation, {
      kind: 'row',
      nodeId: 'customers',
      table: 'quarantine',
      row: quarantined,
    });

    expect(traced.ok && traced.value.start).toMatchObject({ log: topic.table, position: nulled?.position });
    expect(traced.ok && traced.value.key).toEqual({ customer_id: JSON.parse(String(quarantined.record)).customer_id });
  });

  it('says at the quarantining port that the record was quarantined, by which rule and property', async () => {
    const { simulation, quarantined } = await nulledEmailRun();

    const traced = traceChange(plan, simulation, {
      kind: 'row',
      nodeId: 'customers',
      table: 'quarantine',
      row: quarantined,
    });
    const port = traced.ok
      ? traced.value.stages.find((stage) => stage.kind === 'output-port' && stage.nodeId === 'customers')
      : undefined;

    expect(port?.moment).toEqual({ kind: 'recorded', text: 'Quarantined at tick 4' });
    expect(port?.check).toMatchObject({
      passed: false,
      rule: 'required',
      property: 'email',
      message: 'email is required',
    });
  });

  it('says which port it names when that port does not quarantine records in the product', async () => {
    const { simulation, quarantined } = await nulledEmailRun();

    expect(
      traceChange(plan, simulation, {
        kind: 'row',
        nodeId: 'customers',
        table: 'quarantine',
        row: { ...quarantined, port: 'gone' },
      }),
    ).toEqual({
      ok: false,
      errors: [{ path: 'trace', message: "no output port 'gone' quarantines records in 'customers'" }],
    });
  });

  it('starts from the topic record of a key past 2^53, told by its exact digits', async () => {
    const file = JSON.parse(
      readFileSync(new URL('../../../assets/samples/ecommerce.mesh.json', import.meta.url), 'utf8'),
    );
    const customer = file.contracts.find((contract: { odcs: string[] }) => contract.odcs.includes('id: customer'));
    const noBang = {
      op: 'set',
      path: ['schema', 0, 'properties', 2, 'logicalTypeOptions'],
      value: { pattern: '^[^!]*$' },
    };
    customer.odcs = editYamlText(customer.odcs.join('\n'), [noBang as never]).split('\n');
    file.scenarios[0].steps.push(aBigKeyCustomerInsert(1, { email: 'ada!@example.com' }));
    const parsed = parseMeshFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const bigMesh = parsed.value;
    const simulation = await simulate(bigMesh, bigMesh.scenarios[0] as never);
    simulation.step(1);
    const [quarantined] = rowsOf(simulation, 'customers', 'SELECT * FROM quarantine');
    if (!quarantined) throw new Error('nothing quarantined');
    const topic = plan.logs.find((log) => log.table === 'customers-service/customers-cdc');
    if (!topic) throw new Error('no customers topic');
    const inserted = readMessages(simulation.query, topic, { limit: 1 });

    const traced = traceChange(planPipeline(bigMesh), simulation, {
      kind: 'row',
      nodeId: 'customers',
      table: 'quarantine',
      row: quarantined,
    });

    expect(inserted.ok && inserted.value[0]?.key).toEqual({ customer_id: BIG_CUSTOMER_ID });
    expect(traced.ok && traced.value.start).toMatchObject({
      log: topic.table,
      position: inserted.ok && inserted.value[0]?.position,
    });
    expect(traced.ok && traced.value.key).toEqual({ customer_id: BIG_CUSTOMER_ID });
  });
});

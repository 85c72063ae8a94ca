import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts/contract-text';
import { serializeMesh } from '../../../shared/model/mesh-file';
import { pathSegments } from '../../../shared/model/problem';
import type { Scenario } from '../../../shared/model/scenario';
import { readScenarioText, scenarioJsonSchema, scenarioText } from '../../../shared/simulation/scenario-text';
import { ecommerceSample } from './builders';

const mesh = ecommerceSample();
const workshop = mesh.scenarios[0];
if (!workshop) throw new Error('the sample has a scenario');

describe('the scenario as text', () => {
  it('reads back what it writes', () => {
    expect(readScenarioText(scenarioText(workshop), mesh, 0)).toEqual({ ok: true, value: workshop });
  });

  it('takes a scenario without the fields a mesh file may leave out, read as the file reads them', () => {
    const { description: _description, steps: _steps, ...written } = workshop;
    const read = readScenarioText(JSON.stringify(written, null, 2), mesh, 0);

    expect(read).toEqual({ ok: true, value: { ...workshop, description: '', steps: [] } });
    expect(scenarioJsonSchema().required).toEqual(['id', 'name', 'seed', 'startTime', 'tickMillis']);
  });

  it('lists what is wrong in a scenario without a description, not that it has none', () => {
    const { description: _description, ...written } = workshop;
    const text = JSON.stringify(
      { ...written, steps: [{ tick: 2, op: 'delete', systemId: 'orders-service', table: 'ordres', where: {} }] },
      null,
      2,
    );
    const read = readScenarioText(text, mesh, 0);

    expect(!read.ok && read.errors.map((error) => error.path)).toEqual(['steps[0].table']);
  });

  it('takes a topic by the name the canvas shows and keeps it by its id', () => {
    const byName = {
      kind: 'redeliver',
      tick: 3,
      systemId: 'orders-service',
      topicId: 'orders.public.orders',
      records: 2,
    };
    const read = readScenarioText(scenarioText({ ...workshop, faults: [byName] } as Scenario), mesh, 0);
    expect(read.ok && read.value.faults).toEqual([{ ...byName, topicId: 'orders-cdc' }]);
  });

  it('lists the topics a fault may name, by name and id, when it names none of them', () => {
    const text = scenarioText({
      ...workshop,
      faults: [{ kind: 'redeliver', tick: 3, systemId: 'shipping-service', topicId: 'items-cdc', records: 2 }],
    });
    const read = readScenarioText(text, mesh, 0);
    expect(!read.ok && read.errors.map((error) => error.message)).toEqual([
      "no topic 'items-cdc' in 'shipping-service': name one of 'shipping.public.shipments' (id 'shipments-cdc')",
    ]);
  });

  it('marks a tickMillis so long that its ticks would come after the year 9999 on its line', () => {
    const text = scenarioText({ ...workshop, tickMillis: Number.MAX_SAFE_INTEGER });
    const read = readScenarioText(text, mesh, 0);
    expect(!read.ok && read.errors).toEqual([
      expect.objectContaining({
        path: 'tickMillis',
        line: lineOf(text, '"tickMillis"'),
        message: expect.stringContaining('would come after 9999-12-31T23:59:59.999Z'),
      }),
    ]);
  });

  it('locates a syntax error', () => {
    const result = readScenarioText('{\n  "id": "workshop",\n  "seed": 42,,\n}', mesh, 0);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({ path: '(document)', line: 3, column: 14 });
  });

  it('locates what the schema refuses and what the mesh does not have', () => {
    const text = scenarioText({
      ...workshop,
      seed: 1.5,
      rates: [{ ...(workshop.rates[0] as object), table: 'invoices' }],
    } as never);
    const result = readScenarioText(text, mesh, 0);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((error) => `${error.path} @${error.line}`)).toEqual([
      `seed @${lineOf(text, '"seed"')}`,
    ]);

    const unknownTable = scenarioText({
      ...workshop,
      rates: [{ ...(workshop.rates[0] as Scenario['rates'][number]), table: 'invoices' }],
    });
    const checked = readScenarioText(unknownTable, mesh, 0);
    expect(!checked.ok && checked.errors.map((error) => [error.path, error.message, error.line])).toEqual([
      ['rates[0].table', "no table 'invoices' in 'orders-service'", lineOf(unknownTable, '"invoices"')],
    ]);
  });

  it('places truncated JSON where the text stops, at its last token', () => {
    const text = scenarioText(workshop);
    const truncated = text.slice(0, text.indexOf('"seed"') + '"se'.length);

    const result = readScenarioText(truncated, mesh, 0);

    expect(!result.ok && result.errors).toEqual([
      { path: '(document)', message: expect.any(String), ...rangeOf(truncated, '"se') },
    ]);
    const cutAfterComma = text.slice(0, text.indexOf('"seed"'));
    const afterComma = readScenarioText(cutAfterComma, mesh, 0);
    const comma = cutAfterComma.trimEnd().length - 1;
    expect(!afterComma.ok && afterComma.errors[0]).toMatchObject(placeOf(cutAfterComma, comma, ','));
  });

  it('places an unexpected token at the whole token', () => {
    const result = readScenarioText('{\n  "id": "workshop",\n  "seed": tru e\n}', mesh, 0);
    expect(!result.ok && result.errors[0]).toMatchObject({ line: 3, column: 11, endLine: 3, endColumn: 14 });
  });

  it('places an update column the table lacks at its own entry, by index, when two entries are equal', () => {
    const rate = workshop.rates[0] as Scenario['rates'][number];
    const text = scenarioText({
      ...workshop,
      rates: [{ ...rate, updateColumns: ['colour', rate.updateColumns?.[0] as string, 'colour'] }],
    });

    const result = readScenarioText(text, mesh, 0);

    const first = text.indexOf('"colour"');
    const second = text.indexOf('"colour"', first + 1);
    expect(
      !result.ok && result.errors.map(({ path, line, column, endColumn }) => ({ path, line, column, endColumn })),
    ).toEqual([
      { path: 'rates[0].updateColumns[0]', ...placeOf(text, first, '"colour"') },
      { path: 'rates[0].updateColumns[2]', ...placeOf(text, second, '"colour"') },
    ]);
  });

  it('places a generator problem at the token that is wrong: the column’s key, the kind, the value, the reference', () => {
    const [entry, ...others] = workshop.data;
    if (!entry) throw new Error('the workshop has data');
    const generators = {
      ...entry.generators,
      colour: { kind: 'uuid' },
      customer_id: { kind: 'fake', what: 'email' },
      updated_at: { kind: 'oneOf', values: ['2026-01-01T00:00:00Z', 7] },
      city: { kind: 'reference', table: 'customers', column: 'shoe_size' },
    };
    const text = scenarioText({ ...workshop, data: [{ ...entry, generators }, ...others] } as Scenario);

    const result = readScenarioText(text, mesh, 0);

    const tokens = !result.ok ? result.errors.map((error) => tokenAt(text, error)) : [];
    expect(tokens.sort()).toEqual(['"colour"', '"email"', '"shoe_size"', '7']);
  });

  it('places a field a generator does not take at that field, one problem for each', () => {
    const [entry, ...others] = workshop.data;
    if (!entry) throw new Error('the workshop has data');
    const generators = { ...entry.generators, city: { kind: 'fake', what: 'city', wat: 1, colour: 'red' } };
    const text = scenarioText({ ...workshop, data: [{ ...entry, generators }, ...others] } as Scenario);

    const result = readScenarioText(text, mesh, 0);

    expect(!result.ok && result.errors.map((error) => [error.path, tokenAt(text, error)])).toEqual([
      ['data[0].generators.city.wat', '"wat"'],
      ['data[0].generators.city.colour', '"colour"'],
    ]);
  });

  it('says a misspelt field is unknown in plain words, naming the field it nearly spells, and not that field missing too', () => {
    const text = scenarioText(workshop).replace('"tickMillis"', '"tickMilis"');

    const result = readScenarioText(text, mesh, 0);

    expect(!result.ok && result.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      "tickMilis: unknown field (did you mean 'tickMillis'?)",
    ]);
  });

  it('says which fault kind does not take a field that another kind takes', () => {
    const fault = { kind: 'null-field', tick: 3, systemId: 'orders-service', topicId: 'orders-cdc', column: 'status' };
    const text = scenarioText({ ...workshop, faults: [{ ...fault, records: 2 }] } as Scenario);

    const result = readScenarioText(text, mesh, 0);

    expect(!result.ok && result.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      "faults[0].records: unknown field: kind 'null-field' does not take 'records' (it takes: tick, systemId, topicId, column)",
    ]);
  });

  it('says in plain words which kinds a fault or a generator takes where its kind is none of them, never zod’s own wording', () => {
    const [entry, ...others] = workshop.data;
    if (!entry) throw new Error('the workshop has data');
    const fault = { kind: 'null_field', tick: 3, systemId: 'orders-service', topicId: 'orders-cdc', column: 'status' };
    const generators = { ...entry.generators, city: { what: 'city' } };
    const text = scenarioText({
      ...workshop,
      faults: [fault],
      data: [{ ...entry, generators }, ...others],
    } as never);

    const result = readScenarioText(text, mesh, 0);

    expect(!result.ok && result.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      "data[0].generators.city.kind: missing required field 'kind': must be 'sequence', 'uuid', 'oneOf', 'lifecycle', 'integer', 'decimal', 'fake', 'now' or 'reference'",
      "faults[0].kind: must be 'redeliver', 'out-of-order', 'null-field', 'rename-column' or 'consumer-offline', not 'null_field'",
    ]);
  });

  it('takes a rate with no updates that lists no update columns', () => {
    const { updateColumns: _, ...rate } = { ...(workshop.rates[0] as Scenario['rates'][number]), updatesPerTick: 0 };
    const read = readScenarioText(scenarioText({ ...workshop, rates: [rate] } as Scenario), mesh, 0);
    expect(read).toEqual({ ok: true, value: { ...workshop, rates: [rate] } });
  });

  it('says in plain words what a rate with updates but no update columns lacks', () => {
    const { updateColumns: _, ...rate } = workshop.rates[0] as Scenario['rates'][number];
    const read = readScenarioText(scenarioText({ ...workshop, rates: [rate] } as Scenario), mesh, 0);
    expect(!read.ok && read.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      'rates[0].updateColumns: list the columns an update changes, e.g. ["customer_id"] (updatesPerTick is 2)',
    ]);
  });

  it('words a field of the wrong type as `validate` words it in the design file, hint included, never zod’s own wording', () => {
    const wrongTyped = {
      ...workshop,
      seed: 1.5,
      rates: [{ ...(workshop.rates[0] as object), updateColumns: 'status' }],
    } as never;
    const inEditor = readScenarioText(scenarioText(wrongTyped), mesh, 0);
    const inFile = parseMeshFile(serializeMesh({ ...mesh, scenarios: [wrongTyped] }));

    const editorLines = inEditor.ok
      ? []
      : inEditor.errors.map((error) => `scenarios[0].${error.path}: ${error.message}`);
    expect(editorLines).toEqual([
      'scenarios[0].seed: must be a whole number, not the number 1.5',
      'scenarios[0].rates[0].updateColumns: must list the columns an update changes, e.g. ["status"], not a string',
    ]);
    const fileLines = inFile.ok ? [] : inFile.errors.map((error) => `${error.path}: ${error.message}`);
    expect(fileLines.toSorted()).toEqual(editorLines.toSorted());
  });

  it('says a bound the value must pass, not reach, as such: a tick of 0 ms is not long enough', () => {
    const read = readScenarioText(scenarioText({ ...workshop, tickMillis: 0 }), mesh, 0);
    expect(!read.ok && read.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      'tickMillis: must be more than 0',
    ]);
  });

  it('says a number too large for JSON to hold is too large, not that it is no number', () => {
    const text = scenarioText(workshop).replace('"tickMillis": 60000', '"tickMillis": 1e400');
    const read = readScenarioText(text, mesh, 0);
    expect(!read.ok && read.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      'tickMillis: must be a number JavaScript can hold, between about -1.8e308 and 1.8e308, not one beyond',
    ]);
  });

  it('names the types a step’s where and values take, not "Invalid input"', () => {
    const [step] = workshop.steps;
    if (!step) throw new Error('the sample scenario has a step');
    const text = scenarioText({
      ...workshop,
      steps: [{ ...step, values: { status: ['a'] }, where: { order_id: null } }],
    } as never);
    const read = readScenarioText(text, mesh, 0);
    expect(!read.ok && read.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      'steps[0].values.status: must be a string, a number, a boolean or null, not an array',
      'steps[0].where.order_id: must be a string, a number or a boolean, not null',
    ]);
  });

  it('says how to write a start time it does not take, a local time with its offset among them', () => {
    const read = readScenarioText(scenarioText({ ...workshop, startTime: '2026-05-04T09:00:00+02:00' }), mesh, 0);
    expect(!read.ok && read.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      "startTime: must be a date and time in UTC, written as 2026-05-04T07:00:00Z (seconds and the Z included; an offset such as +02:00 is not taken) (got '2026-05-04T09:00:00+02:00')",
    ]);
  });

  it('lists its problems in the order of the text, line then column, whatever check found them', () => {
    const [step] = workshop.steps;
    if (!step) throw new Error('the sample scenario has a step');
    const text = scenarioText({
      ...workshop,
      steps: [{ ...step, values: { order_id: 'lots', pas_type: 'day' } }],
    });

    const result = readScenarioText(text, mesh, 0);

    expect(!result.ok && result.errors.map((error) => [tokenAt(text, error), error.line])).toEqual([
      ['"lots"', lineOf(text, '"lots"')],
      ['"pas_type"', lineOf(text, '"pas_type"')],
    ]);
  });

  it('refuses an id another scenario has', () => {
    const twoScenarios = { ...mesh, scenarios: [workshop, { ...workshop, id: 'other' }] };
    const result = readScenarioText(scenarioText({ ...workshop, id: 'other' }), twoScenarios, 0);
    expect(!result.ok && result.errors.map((error) => error.message)).toEqual(["another scenario is called 'other'"]);
  });

  it('splits problem paths into segments', () => {
    expect(pathSegments('.data[0].generators.city')).toEqual(['data', 0, 'generators', 'city']);
    expect(pathSegments('faults[2]["odd.name"]')).toEqual(['faults', 2, 'odd.name']);
  });
});

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

/** The range of the first `token` in the text, as a problem gives it. */
function rangeOf(text: string, token: string) {
  const { line, column, endColumn } = placeOf(text, text.indexOf(token), token);
  return { line, column, endLine: line, endColumn };
}

function placeOf(text: string, offset: number, token: string) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column, endColumn: column + token.length };
}

/** The range of the last `token` in the text. */
function lastRangeOf(text: string, token: string) {
  const { line, column, endColumn } = placeOf(text, text.lastIndexOf(token), token);
  return { line, column, endLine: line, endColumn };
}

function tokenAt(text: string, range: { line: number; column: number; endColumn: number }): string | undefined {
  return text.split('\n')[range.line - 1]?.slice(range.column - 1, range.endColumn - 1);
}

describe('a scenario the schema refuses in one place', () => {
  it('still lists the unknown tables and topics of the entries the schema takes, each at its own place', () => {
    const [step] = workshop.steps;
    if (!step) throw new Error('the sample scenario has a step');
    const text = scenarioText({
      ...workshop,
      steps: [{ ...step, table: 'orderz' }],
      faults: [
        { kind: 'redeliver', tick: 3, systemId: 'orders-service', topicId: '', records: 2 },
        { kind: 'redeliver', tick: 3, systemId: 'orders-service', topicId: 'orders.public.ordrs', records: 2 },
      ],
    });

    const result = readScenarioText(text, mesh, 0);

    expect(!result.ok && result.errors.map((error) => [error.path, error.line])).toEqual([
      ['steps[0].table', lineOf(text, '"orderz"')],
      ['faults[0].topicId', lineOf(text, '""')],
      ['faults[1].topicId', lineOf(text, '"orders.public.ordrs"')],
    ]);
  });
});

describe('a scenario whose text names a key twice', () => {
  it('says which key appears twice, at the second one, and still lists the other problems', () => {
    const text = scenarioText({ ...workshop, retention: { records: 0 } }).replace(
      '"seed": 42,',
      '"seed": 42,\n  "seed": 7,',
    );

    const result = readScenarioText(text, mesh, 0);

    expect(!result.ok && result.errors.map((error) => [error.path, error.line, error.message])).toEqual([
      [
        'seed',
        lineOf(text, '"seed": 7'),
        'duplicate key "seed": JSON keeps only the last one, so the scenario says two things',
      ],
      ['retention.records', lineOf(text, '"records": 0'), 'must be at least 1'],
    ]);
  });

  it('refuses a scenario whose only fault is a repeated key, marking the second key', () => {
    const text = scenarioText(workshop).replace('"seed": 42,', '"seed": 42,\n  "seed": 7,');

    const result = readScenarioText(text, mesh, 0);

    expect(!result.ok && result.errors.map(({ path, message, ...range }) => ({ path, ...range }))).toEqual([
      { path: 'seed', ...lastRangeOf(text, '"seed"') },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../shared/model/scenario';
import { pathSegments, readScenarioText, scenarioText } from '../../../shared/simulation/scenario-text';
import { ecommerceSample } from './builders';

const mesh = ecommerceSample();
const workshop = mesh.scenarios[0];
if (!workshop) throw new Error('the sample has a scenario');

describe('the scenario as text', () => {
  it('reads back what it writes', () => {
    expect(readScenarioText(scenarioText(workshop), mesh, 0)).toEqual({ ok: true, value: workshop });
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

import { beforeAll, describe, expect, it } from 'vitest';
import { namedProblem } from '../../../shared/model';
import type { Scenario } from '../../../shared/model/scenario';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { tablesWithoutData } from '../../../shared/simulation/tables-without-data';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aSystem, ecommerceSample, loadSqlJs, simulate } from './builders';

beforeAll(() => loadSqlJs(), 60_000);

/** The e-commerce sample with a grading station drawn after its scenario was written. */
function sampleWithANewSystem() {
  const mesh = ecommerceSample();
  const station = aSystem('grading-station')
    .withTable('grades', { grade_id: 'integer', grade: 'text' })
    .withTable('sketch', {})
    .withCdcTopic('grades-cdc', 'grades')
    .build();
  mesh.systems.push({ ...station, name: 'Grading Station', domainId: 'orders-domain' });
  return { mesh, scenario: mesh.scenarios[0] as Scenario };
}

describe('a table the scenario gives no rows', () => {
  it('is reported at the table: it stays empty (one the run leaves out is reported as left out only)', () => {
    const { mesh, scenario } = sampleWithANewSystem();
    const found = tablesWithoutData(mesh, scenario, planPipeline(mesh).problems);
    expect(found).toEqual([
      { path: 'systems[3].database.tables[0]', message: 'has no data or rates in the scenario; it stays empty' },
    ]);
    expect(found.map((problem) => namedProblem(mesh, problem).path)).toEqual([
      "system 'Grading Station', table 'grades'",
    ]);
  });

  it('is what governance reports too (the problems panel, validate), naming the scenario, at the system', () => {
    const { mesh, scenario } = sampleWithANewSystem();
    const findings = validateMesh(mesh, { ruleIds: ['scenario-fills-tables'] });
    expect(findings.map(({ path, message, element, severity }) => ({ path, message, element, severity }))).toEqual([
      {
        path: 'systems[3].database.tables[0]',
        message: `scenario '${scenario.name}': has no data or rates in the scenario; it stays empty`,
        element: { kind: 'system', systemId: 'grading-station' },
        severity: 'error',
      },
    ]);
  });

  it('is not reported once the scenario gives it rows, changes or a step', () => {
    const { mesh, scenario } = sampleWithANewSystem();
    const step = { tick: 1, op: 'insert', systemId: 'grading-station', table: 'grades', values: {} } as const;
    const inserting = { ...scenario, steps: [...scenario.steps, step] };
    expect(tablesWithoutData(mesh, inserting, planPipeline(mesh).problems)).toEqual([]);
    expect(tablesWithoutData(ecommerceSample(), scenario)).toEqual([]);
  });

  it('is among the problems of the run from tick 0, at the system it belongs to', async () => {
    const { mesh, scenario } = sampleWithANewSystem();
    const simulation = await simulate(mesh, scenario);
    expect(simulation.metrics().errors).toContainEqual(
      expect.objectContaining({
        path: 'systems[3].database.tables[0]',
        nodeId: 'grading-station',
        message: 'has no data or rates in the scenario; it stays empty',
        firstTick: 0,
      }),
    );
  });
});

import { readFileSync } from 'node:fs';
import { parseMeshFile } from '../../../shared/contracts/contract-text';
import type { Mesh } from '../../../shared/model/mesh';
import type { Scenario, TableData } from '../../../shared/model/scenario';
import { starterScenario } from '../../../shared/simulation/starter-scenario';

/** The QA's airline design (see test/fixtures/simulation/README.md), without a scenario. */
export function airlineDesign(): Mesh {
  const parsed = parseMeshFile(
    readFileSync(new URL('../../fixtures/simulation/airline.mesh.json', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

/** The airline design's starter scenario with `change` made to it. */
export function airlineScenario(mesh: Mesh, change: (scenario: Scenario) => void = () => {}): Scenario {
  const scenario = structuredClone(starterScenario(mesh));
  change(scenario);
  return scenario;
}

/** The scenario's data entry for a table. */
export function dataOf(scenario: Scenario, table: string): TableData {
  const entry = scenario.data.find((candidate) => candidate.table === table);
  if (!entry) throw new Error(`no data for ${table}`);
  return entry;
}

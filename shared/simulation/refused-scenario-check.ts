import { jsonOfMeshFile, parseMeshDocument } from '../contracts/contract-text';
import { ScenarioSchema } from '../model/scenario';
import type { ScenarioProblem } from './scenario-check';
import { checkSchemaValidParts } from './scenario-valid-parts';

/**
 * For a design file (its text) the schema refuses in some scenarios: the reference checks of every
 * scenario, of a refused one on its valid parts, as the scenario editor shows them beside the schema
 * errors. The design is read without the refused scenarios to learn its systems, tables and
 * topics; none when it still cannot be read (its other errors come first).
 */
export function refusedScenarioReferenceProblems(meshFileText: string): ScenarioProblem[] {
  const json = jsonOfMeshFile(meshFileText);
  if (typeof json !== 'object' || json === null || !('scenarios' in json) || !Array.isArray(json.scenarios)) return [];
  const scenarios: unknown[] = json.scenarios;
  const isRefused = scenarios.map((scenario) => !ScenarioSchema.safeParse(scenario).success);
  if (!isRefused.includes(true)) return [];
  const rest = parseMeshDocument({ ...json, scenarios: scenarios.filter((_, index) => !isRefused[index]) });
  if (!rest.ok) return [];
  // On a scenario the schema takes whole, the check of its valid parts is the whole check.
  return scenarios.flatMap((scenario, index) => checkSchemaValidParts(rest.value, scenario, `scenarios[${index}]`));
}

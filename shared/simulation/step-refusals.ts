import type { Mesh } from '../model/mesh';
import type { ConnectorSettings } from '../model/scenario';
import type { StepFailure } from './data-product-runtime';
import { createLogRegistry } from './log-registry';
import { planPipeline } from './pipeline-plan';
import { nodeConnector, productRuntimes } from './simulation-run';
import { createSqlCallerScope } from './sql-caller';
import type { OpenSqlWorkspace } from './sql-workspace';
import { workRunner } from './work-budget';

/**
 * The transformations SQLite refuses when a run prepares them, before its first tick, each with
 * SQLite's message: syntax or a function it lacks (`ILIKE`, `date_trunc`), a column the table
 * read lacks, a result without its port's key. The products' tables come from the design alone,
 * so no scenario is needed; a connector's settings (the first scenario's, as `simulate` runs by
 * default) only add the systems' transaction topics.
 */
export function stepRefusals(
  mesh: Mesh,
  openWorkspace: OpenSqlWorkspace,
  connector: ConnectorSettings = defaultConnector(mesh),
): StepFailure[] {
  const plan = planPipeline(mesh, connector);
  const workspace = openWorkspace();
  try {
    const callers = createSqlCallerScope();
    const logs = createLogRegistry(workspace.connect(), plan.logs, callers);
    // Steps are only compiled: no random value is drawn and no clock is read.
    const connectNode = nodeConnector(workspace.connect, logs, callers, 0, () => PREPARED_AT);
    const settings = { maxPollRecords: -1, retainedRecords: 0, isIncremental: true, runWork: workRunner(undefined) };
    return productRuntimes(plan, connectNode, logs, callers, settings).flatMap((product) => product.brokenSteps);
  } finally {
    workspace.close();
  }
}

const PREPARED_AT = new Date(0).toISOString();

/** The connector of the scenario a run takes when none is chosen, as `simulate` does. */
function defaultConnector(mesh: Mesh): ConnectorSettings {
  return mesh.scenarios[0]?.connector ?? {};
}

/** What SQLite refused of a mesh's steps, and the parts of that mesh it was told for (see stepRefusalInputs). */
export interface PreparedSteps {
  inputs: readonly unknown[];
  refusals: readonly StepFailure[];
}

/**
 * The parts of a mesh stepRefusals reads, compared by identity: an edit of a step, a port, a
 * contract, a link or a system changes one; a move on the canvas (the layout) changes none.
 */
export function stepRefusalInputs(mesh: Mesh): readonly unknown[] {
  return [mesh.products, mesh.contracts, mesh.links, mesh.systems, mesh.scenarios[0]?.connector];
}

export function isPreparedFor(mesh: Mesh, prepared: PreparedSteps): boolean {
  const inputs = stepRefusalInputs(mesh);
  return inputs.every((input, index) => input === prepared.inputs[index]);
}

/** The refusals told for this very mesh; none when what they were told for has changed since (newer SQL is not judged by older answers). */
export function refusalsFor(mesh: Mesh, prepared: PreparedSteps | null): readonly StepFailure[] {
  return prepared && isPreparedFor(mesh, prepared) ? prepared.refusals : NO_REFUSALS;
}

const NO_REFUSALS: readonly StepFailure[] = [];

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
 * so no scenario is needed; its connector settings only add the systems' transaction topics.
 */
export function stepRefusals(
  mesh: Mesh,
  openWorkspace: OpenSqlWorkspace,
  connector: ConnectorSettings = {},
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

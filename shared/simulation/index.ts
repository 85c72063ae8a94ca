/**
 * The CDC simulation engine: pure TypeScript on an injected SQLite (sql.js in the app and the
 * CLI, any driver behind `SqlWorkspace` in benchmarks). See README.md for how data flows.
 */
export type { LogMessage } from './broker-log';
export type { ChangeTrace, TraceStart } from './change-trace';
export type { LogRecord, MessageFilter } from './log-reader';
export { type PipelinePlan, planPipeline } from './pipeline-plan';
export type { QueryResult } from './read-only-query';
export { refusedScenarioReferenceProblems } from './refused-scenario-check';
export { createSimulation, type Simulation, type SimulationOptions } from './simulation';
export {
  type ClientResponse,
  createSimulationClient,
  type Restart,
  type SimulationClient,
  type Timers,
  type WorkerPort,
} from './simulation-client';
export { createSimulationHost, type SimulationHost } from './simulation-host';
export type {
  ConnectorMetrics,
  ConsumerMetrics,
  ContractViolations,
  LinkMetrics,
  LogMetrics,
  PartitionMetrics,
  PortMetrics,
  SimulationError,
  SimulationMetrics,
  StoppedRun,
  TickMetrics,
  TransformationMetrics,
} from './simulation-metrics';
export { BROKER_ROOM_BYTES, INTERACTIVE_BROKER_ROOM_BYTES, sqlJsWorkspace } from './sql-js-workspace';
export {
  connectionSetupSql,
  type ExactSqlValue,
  type OpenSqlWorkspace,
  type SqlConnection,
  type SqlStatement,
  type SqlValue,
  type SqlWorkspace,
} from './sql-workspace';
export { isPreparedFor, type PreparedSteps, refusalsFor, stepRefusalInputs, stepRefusals } from './step-refusals';
export { type TableGuideEntry, tableGuide } from './table-guide';
export type { ContractCheckOutcome, TraceStage } from './trace-stage';
export { describeWork, overBudgetMessage, type Work, type WorkWatch, workSubject } from './work-budget';
export type {
  SimulationCommand,
  SimulationRequest,
  SimulationResponse,
  WorkerMessage,
  WorkerSimulationOptions,
} from './worker-protocol';

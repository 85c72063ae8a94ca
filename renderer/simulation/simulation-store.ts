import { create } from 'zustand';
import type { PathSegment } from '../../shared/contracts/path-problem';
import type { Fault, FaultKind, Mesh } from '../../shared/model';
import type { ChangeTrace, LogMessage, QueryResult, SimulationMetrics } from '../../shared/simulation';
import type { FaultSettings, FiredWith } from '../../shared/simulation/fault-deck';
import { emptyHistory, type MetricsHistory } from '../../shared/simulation/metrics-history';
import type { RunCatalog } from '../../shared/simulation/run-catalog';
import { seedProblem } from '../../shared/simulation/run-seed';
import type { Work } from '../../shared/simulation/work-budget';

export type Mode = 'design' | 'simulate';
/**
 * `idle`: no run; `starting`: the worker builds tick 0; `rewinding`: the worker rebuilds the run and
 * replays it to an earlier tick; `stopped`: a failure ended the run.
 */
export type RunStatus = 'idle' | 'starting' | 'rewinding' | 'running' | 'paused' | 'stopped';
/** Ticks per second, or as fast as the worker goes. */
export type Speed = number | 'max';
export type PanelTab = 'inspect' | 'sql' | 'metrics' | 'trace' | 'faults' | 'scenario';

/** What the SQL console's last query returned, how long it took, and the tick (and simulated time) it read. */
export type ConsoleOutcome =
  | { ok: true; result: QueryResult; millis: number; tick: number; time: string }
  | { ok: false; message: string; millis: number };

export const MIN_SPEED = 1;
export const MAX_SPEED = 60;

export interface SimulationState {
  mode: Mode;
  status: RunStatus;
  /** The document the run was built from: a design change ends the run. */
  runMesh: Mesh | null;
  scenarioId: string | null;
  /**
   * The seed typed in the run bar for the next runs, in place of the scenario's, as typed (a `-`
   * alone while a negative one is typed); null follows the scenario's, as it is in the design
   * (after an Apply, undo or redo too). Text that is no seed (see `seedFieldProblem`) starts no run.
   */
  seedText: string | null;
  speed: Speed;
  /** Pauses the run when it reaches this tick. */
  pauseAtTick: number | null;
  metrics: SimulationMetrics | null;
  history: MetricsHistory;
  catalog: RunCatalog | null;
  /** The unit of work the worker started last, while a request takes long (building or replaying the run), for the run bar. */
  workInProgress: Work | null;
  /** A command (a Step) waits for the console's query in flight to finish first, which the run bar says. */
  isWaitingForQuery: boolean;
  /** Why the run stopped, or a request failed; shown until dismissed or the next run. */
  failure: string | null;
  /** Faults fired from the deck during this run, to replay it after a restart. */
  firedFaults: Fault[];
  /** The fault fired last, and how, for the presenter's banner: forgotten when Present starts, so it never tells of one fired before. */
  lastFiredFault: { fault: Fault; firedWith: FiredWith } | null;
  trace: ChangeTrace | null;
  traceStage: number;
  isPresenting: boolean;
  panelTab: PanelTab;
  /** Example records per output-port log from the last run, kept for Design mode. */
  examples: Record<string, LogMessage[]>;
  examplesTick: number | null;
  /** What each card of the fault deck is set to fire. */
  faultSettings: Partial<Record<FaultKind, FaultSettings>>;
  /** Refused edits already answered (the document store counts them). */
  seenRefusedEdits: number;
  /** The SQL console's query and node, kept while the panel shows another tab. */
  console: { query: string; nodeId: string | null };
  /** The SQL console's last result or error, kept while the panel shows another tab, until the run changes. */
  consoleOutcome: ConsoleOutcome | null;
  /** An entry the Scenario tab is to select once it shows that scenario (a problem about it was clicked). */
  scenarioEntryToReveal: ScenarioEntry | null;
}

/** An entry of a scenario, by its path inside the scenario's JSON (`faults[0].column`). */
export interface ScenarioEntry {
  scenarioId: string;
  path: PathSegment[];
}

export const useSimulationStore = create<SimulationState>()(() => ({
  mode: 'design',
  status: 'idle',
  runMesh: null,
  scenarioId: null,
  seedText: null,
  speed: 10,
  pauseAtTick: null,
  metrics: null,
  history: emptyHistory(),
  catalog: null,
  workInProgress: null,
  isWaitingForQuery: false,
  failure: null,
  firedFaults: [],
  lastFiredFault: null,
  trace: null,
  traceStage: 0,
  isPresenting: false,
  panelTab: 'inspect',
  examples: {},
  examplesTick: null,
  seenRefusedEdits: 0,
  faultSettings: {},
  console: { query: 'SELECT * FROM quarantine LIMIT 50', nodeId: null },
  consoleOutcome: null,
  scenarioEntryToReveal: null,
}));

useSimulationStore.subscribe((state, previous) => {
  if (state.isPresenting && !previous.isPresenting && state.lastFiredFault) setSimulation({ lastFiredFault: null });
});

/** Why the run bar's Seed field holds no seed a run takes, as `simulate --seed` says it; null when it holds one. */
export const seedFieldProblem = (state: SimulationState) => {
  const problem = state.seedText === null ? null : seedProblem(state.seedText);
  return problem && `Seed ${problem}`;
};

/** Whether Step back can go back a tick: a paused run past tick 0. */
export const canStepBack = (state: SimulationState) =>
  state.mode === 'simulate' && state.status === 'paused' && (state.metrics?.tick ?? 0) > 0;

/** The live snapshot the canvas draws: only in Simulate mode, so Design stays quiet. */
export const liveMetrics = (state: SimulationState) => (state.mode === 'simulate' ? state.metrics : null);

/** The node the trace's current stage happens in, while the trace is on screen (its tab, or presenting). */
export const tracedNodeId = (state: SimulationState) =>
  state.mode === 'simulate' && (state.panelTab === 'trace' || state.isPresenting)
    ? state.trace?.stages[state.traceStage]?.nodeId
    : undefined;

export function setSimulation(patch: Partial<SimulationState>): void {
  useSimulationStore.setState(patch);
}

/** What Inspect shows the insides of: a product's or system's tables, a link's messages. */
const INSPECTABLE_TYPES: ReadonlySet<string | undefined> = new Set(['product', 'system', 'mesh-link']);

/** A click on a node or link while simulating shows what it holds, whichever tab was open. */
export function inspectClicked(element: { type?: string }): void {
  if (useSimulationStore.getState().mode === 'simulate' && INSPECTABLE_TYPES.has(element.type)) {
    setSimulation({ panelTab: 'inspect' });
  }
}

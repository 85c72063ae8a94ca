import type { Fault, FaultKind, Mesh, Scenario } from '../../shared/model';
import { decimalInteger } from '../../shared/model/decimal-integer';
import type { Problem } from '../../shared/model/problem';
import { renamedScenarioId, withScenarioRenamed } from '../../shared/model/renamed-scenario';
import type {
  ClientResponse,
  LogMessage,
  LogRecord,
  MessageFilter,
  QueryResult,
  SimulationClient,
  SimulationCommand,
  SimulationMetrics,
  TickMetrics,
  TraceStart,
} from '../../shared/simulation';
import type { ExampleViolations } from '../../shared/simulation/example-recheck';
import { cardRefusal, type FiredWith, faultFrom } from '../../shared/simulation/fault-deck';
import { emptyHistory, withTicks } from '../../shared/simulation/metrics-history';
import { planPipeline } from '../../shared/simulation/pipeline-plan';
import { runCatalog } from '../../shared/simulation/run-catalog';
import { maxModeBatch, millisToNextTick, type RunPace, ticksToRun } from '../../shared/simulation/run-pace';
import type { Work } from '../../shared/simulation/work-budget';
import { currentMesh, type DocumentState, useDocumentStore } from '../store/document-store';
import { NO_SCENARIO } from './nothing-to-run';
import { pausePointAt } from './pause-point';
import { scheduledFaults } from './run-faults';
import { runProgressText } from './run-progress-text';
import { scenarioChosenAgain } from './scenario-choice-history';
import {
  canStepBack,
  MAX_SPEED,
  type SimulationState,
  seedFieldProblem,
  setSimulation,
  useSimulationStore,
} from './simulation-store';
import { simulationWorkerClient } from './simulation-worker';

/**
 * How long the worker may stay silent (no unit of work started: a transformation, a batch of a
 * table's rows; no answer) before it is replaced.
 */
export const STEP_BUDGET_MILLIS = 4000;
/** The budget in force: end-to-end tests shorten it (`__meshSimulation.setStepBudget`) rather than wait seconds. */
let stepBudgetMillis = STEP_BUDGET_MILLIS;
/** Records kept per output port for Design mode. */
export const EXAMPLE_RECORDS = 20;

let client: SimulationClient | null = null;
/** Bumped by every run, pause and reset: a loop that sees another number ends. */
let loopGeneration = 0;
/** Bumped when a run is built or dropped: a step answered for an older run is not shown. */
let runGeneration = 0;

const state = () => useSimulationStore.getState();

function worker(): SimulationClient {
  client ??= simulationWorkerClient(showProgress);
  return client;
}

/** A request in flight longer than this shows on the run bar what the worker is doing. */
const LONG_REQUEST_MILLIS = 1000;
/** When the request `send` waits for was sent. */
let sentAt = 0;

/**
 * Shows what the worker is doing while it builds or replays the run, loads rows, or takes long over
 * a step. Only a change of words reaches the store: a step back reports thousands of units, and
 * redrawing the app for each one made it ten times slower than the replay itself.
 */
function showProgress(work: Work): void {
  const { status, workInProgress: shown, metrics } = state();
  const isLong = performance.now() - sentAt > LONG_REQUEST_MILLIS;
  if (!(status === 'starting' || status === 'rewinding' || work.rows || isLong)) return;
  const tick = metrics?.tick ?? 0;
  if (shown && runProgressText(status, shown, tick) === runProgressText(status, work, tick)) return;
  setSimulation({ workInProgress: work });
}

/**
 * The console's queries in flight, each until its answer, or until the run is rebuilt after it
 * overran: a command sent meanwhile (a Step) would fail with it when the worker is replaced.
 */
let consoleQueries: Promise<unknown> = Promise.resolve();
let queriesInFlight = 0;

/**
 * Sends a command within the budget, after the console's queries in flight; a failure stops the
 * run and is shown, and comes back as undefined.
 */
async function send<T extends ClientResponse['type']>(
  command: SimulationCommand,
  expected: T,
  describe: (error: Problem) => string = (error) => `${error.path}: ${error.message}`,
): Promise<Extract<ClientResponse, { type: T }> | undefined> {
  if (queriesInFlight > 0) setSimulation({ isWaitingForQuery: true });
  await consoleQueries;
  if (state().isWaitingForQuery) setSimulation({ isWaitingForQuery: false });
  sentAt = performance.now();
  const response = await worker().send(command, stepBudgetMillis);
  if (state().workInProgress) setSimulation({ workInProgress: null });
  if (response.type === expected) return response as Extract<ClientResponse, { type: T }>;
  if (response.type === 'failed') {
    const text = response.errors.map(describe).join('\n');
    if ('restart' in response) stop(response.errors[0]?.message ?? text);
    else setSimulation({ failure: text });
  }
  return undefined;
}

function stop(failure: string): void {
  loopGeneration++;
  setSimulation({ status: 'stopped', failure, metrics: state().metrics });
}

/** A run the engine stopped (the clock at its end) pauses at its last tick, saying why: a step there would stop it again. */
function pausedWhereStopped({ stopped }: SimulationMetrics): boolean {
  if (!stopped) return false;
  loopGeneration++;
  setSimulation({ status: 'paused', failure: `${stopped.path}: ${stopped.message}` });
  return true;
}

/** The chosen scenario with the run bar's seed; none while the Seed field holds no seed (the bar says why). */
function scenarioToRun(mesh: Mesh): Scenario | undefined {
  const { scenarioId, seedText } = state();
  const scenario = mesh.scenarios.find((candidate) => candidate.id === scenarioId) ?? mesh.scenarios[0];
  if (!scenario || seedText === null) return scenario;
  return seedFieldProblem(state()) === null ? { ...scenario, seed: decimalInteger(seedText) } : undefined;
}

/** The snapshot the views show, and a point in the history for each tick that led to it. */
function accept(metrics: SimulationMetrics, ticks: readonly TickMetrics[] = [metrics]): void {
  setSimulation({ metrics, history: withTicks(state().history, ticks) });
  void followTrace();
}

let isFollowingTrace = false;

/**
 * Reads the trace on screen again at the run's tick, one read at a time, so the stages that read
 * tables show them as they are now. A change its log no longer holds keeps its stages, which then
 * say as of which tick they are.
 */
async function followTrace(): Promise<void> {
  if (isFollowingTrace) return;
  isFollowingTrace = true;
  try {
    for (;;) {
      const { trace, metrics } = state();
      if (!trace || !metrics || trace.readAt.tick === metrics.tick) return;
      const response = await worker().send({ type: 'trace', start: trace.start }, stepBudgetMillis);
      if (response.type === 'failed' && 'restart' in response) return stop(response.errors[0]?.message ?? '');
      if (response.type !== 'trace' || state().trace !== trace) return;
      const lastStage = response.trace.stages.length - 1;
      // A change not reached yet has no stages: the stage shown stays chosen for when the run reaches it.
      const traceStage = response.trace.happensAt ? state().traceStage : Math.min(state().traceStage, lastStage);
      setSimulation({ trace: response.trace, traceStage });
    }
  } finally {
    isFollowingTrace = false;
  }
}

/** Builds the run from the open document at tick 0 (the scenario as it is now, and the chosen seed). */
async function start(): Promise<boolean> {
  // Never another seed than the one typed: the run on screen stays, and the bar says what is wrong.
  if (seedFieldProblem(state()) !== null) return false;
  const mesh = currentMesh();
  const scenario = mesh && scenarioToRun(mesh);
  loopGeneration++;
  runGeneration++;
  if (!mesh || !scenario) {
    setSimulation({ status: 'stopped', failure: NO_SCENARIO });
    return false;
  }
  setSimulation({
    status: 'starting',
    runMesh: mesh,
    scenarioId: scenario.id,
    failure: null,
    firedFaults: [],
    lastFiredFault: null,
    trace: null,
    traceStage: 0,
    metrics: null,
    history: emptyHistory(),
    catalog: runCatalog(mesh, planPipeline(mesh, scenario.connector)),
    consoleOutcome: null,
  });
  const created = await send({ type: 'create', mesh, scenario }, 'metrics');
  if (!created) return false;
  setSimulation({ status: 'paused' });
  accept(created.metrics);
  return true;
}

async function ensureRun(): Promise<boolean> {
  const { status } = state();
  if (status === 'paused' || status === 'running') return true;
  if (status === 'starting' || status === 'rewinding') return false;
  return start();
}

export const simulation = {
  enter(): void {
    useDocumentStore.getState().setReadOnly(true);
    useDocumentStore.getState().endGesture();
    setSimulation({ mode: 'simulate' });
    void ensureRun();
  },

  /** Back to Design: the run is kept (paused) until the design changes. */
  leave(): void {
    loopGeneration++;
    if (state().status === 'running') setSimulation({ status: 'paused' });
    // An edit refused while simulating has been answered by going back: its prompt is done.
    const { refusedEdits } = useDocumentStore.getState();
    setSimulation({ mode: 'design', isPresenting: false, seenRefusedEdits: refusedEdits });
    useDocumentStore.getState().setReadOnly(false);
    void simulation.refreshExamples();
  },

  /** Simulates a scenario (the picker's choice, or the one a problem is about): a run of another one is replaced. */
  chooseScenario(scenarioId: string): void {
    const { mode, status, scenarioId: chosen } = state();
    const isAnother = scenarioId !== chosen;
    if (isAnother) setSimulation({ scenarioId, seedText: null });
    // Entering Simulate builds a run of the chosen scenario, unless a run was kept from before.
    if (mode !== 'simulate') simulation.enter();
    if (isAnother && (mode === 'simulate' || status === 'paused' || status === 'running')) void simulation.reset();
  },

  toggleMode(): void {
    if (state().mode === 'simulate') simulation.leave();
    else simulation.enter();
  },

  async run(): Promise<void> {
    if (!(await ensureRun())) return;
    const generation = ++loopGeneration;
    // Run pressed where the run paused by itself: go on past that tick.
    const { pauseAtTick, metrics: atStart } = state();
    setSimulation({ pauseAtTick: pausePointAt(pauseAtTick, atStart?.tick ?? 0), status: 'running', failure: null });
    const run = runGeneration;
    let batch = 1;
    let pace: RunPace | null = null;
    while (generation === loopGeneration) {
      const { speed, pauseAtTick, metrics } = state();
      const tick = metrics?.tick ?? 0;
      const remaining = pauseAtTick !== null && pauseAtTick > tick ? pauseAtTick - tick : Number.POSITIVE_INFINITY;
      if (pauseAtTick !== null && pauseAtTick <= tick) break;
      const began = performance.now();
      let due = batch;
      if (speed === 'max') pace = null;
      else {
        // A fixed speed keeps time from when it was chosen; a request runs every tick that is due.
        const kept = pace?.speed === speed ? pace : { speed, startedAt: began, startTick: tick };
        ({ ticks: due, pace } = ticksToRun(kept, tick, began));
      }
      const ticks = Math.min(due, remaining);
      const stepped = await send({ type: 'step', ticks }, 'stepped');
      // A pause that came while the worker stepped still shows the ticks it ran: the engine is there.
      if (stepped && run === runGeneration) accept(stepped.metrics, stepped.ticks);
      if (!stepped || generation !== loopGeneration || pausedWhereStopped(stepped.metrics)) return;
      const now = performance.now();
      if (pace) await delay(millisToNextTick(pace, stepped.metrics.tick, now));
      else {
        batch = maxModeBatch(ticks, now - began, MAX_SPEED);
        await delay(0);
      }
    }
    if (generation === loopGeneration) {
      loopGeneration++;
      setSimulation({ status: 'paused' });
    }
  },

  pause(): void {
    loopGeneration++;
    if (state().status === 'running') setSimulation({ status: 'paused' });
  },

  /** One tick, from a paused run (a stopped or absent run starts afresh first). */
  async step(): Promise<void> {
    simulation.pause();
    if (!(await ensureRun())) return;
    const stepped = await send({ type: 'step', ticks: 1 }, 'stepped');
    if (!stepped) return;
    accept(stepped.metrics, stepped.ticks);
    setSimulation({ pauseAtTick: pausePointAt(state().pauseAtTick, stepped.metrics.tick) });
    pausedWhereStopped(stepped.metrics);
  },

  /**
   * Back one tick, from a paused run: the worker rebuilds the run with the faults fired so far and
   * replays it to the tick before (runs are deterministic, so it is that tick exactly).
   */
  async stepBack(): Promise<void> {
    if (!canStepBack(state())) return;
    const tick = (state().metrics?.tick ?? 0) - 1;
    const run = runGeneration;
    setSimulation({ status: 'rewinding', failure: null });
    const rewound = await send({ type: 'rewind', tick }, 'stepped');
    if (run !== runGeneration) return;
    if (state().status === 'rewinding') setSimulation({ status: 'paused' });
    if (!rewound) return;
    setSimulation({ metrics: rewound.metrics, history: withTicks(emptyHistory(), rewound.ticks) });
    void followTrace();
  },

  /** Back to tick 0 with the scenario as it is now (edits apply here) and without fired faults. */
  async reset(): Promise<void> {
    await start();
  },

  /** Fires a fault at the engine's next tick, which may be ahead of the tick on screen while a step runs. */
  async fire(fault: Fault, firedWith: FiredWith): Promise<boolean> {
    if (!(await ensureRun())) return false;
    const injected = await send({ type: 'inject', fault, atNextTick: true }, 'injected', faultRefusal);
    if (injected)
      setSimulation({
        firedFaults: [...state().firedFaults, injected.fault],
        lastFiredFault: { fault: injected.fault, firedWith },
        failure: null,
      });
    return injected !== undefined;
  },

  /** Fires a card of the fault deck, as it is set, at the next tick: by its key or its Fire button. */
  async fireCard(kind: FaultKind, firedWith: FiredWith): Promise<boolean> {
    const mesh = currentMesh();
    const settings = state().faultSettings[kind] ?? {};
    const refusal = cardRefusal(kind, settings);
    if (refusal !== null) {
      setSimulation({ failure: `The fault did not fire: ${refusal}.` });
      return false;
    }
    const runFaults = [...scheduledFaults(state()), ...state().firedFaults];
    const fault = mesh && faultFrom(mesh, kind, settings, (state().metrics?.tick ?? 0) + 1, runFaults);
    return fault ? simulation.fire(fault, firedWith) : false;
  },

  async query(nodeId: string, sql: string): Promise<ConsoleAnswer> {
    if (!(await ensureRun())) return { ok: false, message: state().failure ?? 'The simulation is not running.' };
    const answer = answerQuery(nodeId, sql);
    queriesInFlight++;
    const answered = answer.finally(() => queriesInFlight--);
    consoleQueries = Promise.all([consoleQueries, answered]);
    return answered;
  },

  async messages(log: string, filter: MessageFilter): Promise<LogRecord[] | undefined> {
    if (!(await ensureRun())) return undefined;
    return (await send({ type: 'messages', log, filter }, 'messages'))?.messages;
  },

  async trace(start: TraceStart): Promise<void> {
    if (!(await ensureRun())) return;
    simulation.pause();
    const traced = await send({ type: 'trace', start }, 'trace');
    if (traced) setSimulation({ trace: traced.trace, traceStage: 0, panelTab: 'trace', failure: null });
  },

  /** Traces the newest record on a log (a topic's latest change). */
  async traceLatest(log: string): Promise<void> {
    const [newest] = (await simulation.messages(log, { limit: 1 })) ?? [];
    if (newest) await simulation.trace({ kind: 'record', log, position: newest.position });
    else setSimulation({ failure: 'Nothing on this topic yet: run the simulation first.' });
  },

  moveTrace(by: number): void {
    const { trace, traceStage } = state();
    if (!trace || trace.happensAt) return;
    setSimulation({ traceStage: Math.max(0, Math.min(trace.stages.length - 1, traceStage + by)) });
  },

  async refreshExamples(): Promise<void> {
    const { status, metrics } = state();
    if ((status !== 'paused' && status !== 'running') || !metrics) return;
    const read = await worker().send({ type: 'examples', limit: EXAMPLE_RECORDS }, stepBudgetMillis);
    if (read.type === 'examples') setSimulation({ examples: read.examples, examplesTick: metrics.tick });
  },

  /** Example records checked by the contracts `mesh` has now; undefined when the worker could not check them. */
  async recheckExamples(mesh: Mesh, examples: Record<string, LogMessage[]>): Promise<ExampleViolations | undefined> {
    const response = await worker().send({ type: 'recheck-examples', mesh, examples }, stepBudgetMillis);
    return response.type === 'rechecked-examples' ? response.violations : undefined;
  },

  /** For end-to-end tests: a shorter budget, so a long load can outlast it in a second. */
  setStepBudget(millis: number): void {
    stepBudgetMillis = millis;
  },

  /** Fresh engine metrics, asked of the worker (the end-to-end tests compare them with the canvas). */
  async engineMetrics(): Promise<SimulationMetrics | undefined> {
    const response = await worker().send({ type: 'metrics' });
    return response.type === 'metrics' ? response.metrics : undefined;
  },
};

type ConsoleAnswer = { ok: true; result: QueryResult; tick: number; time: string } | { ok: false; message: string };

/** A console query's answer; one that overran has the run rebuilt before it answers. */
async function answerQuery(nodeId: string, sql: string): Promise<ConsoleAnswer> {
  const response = await worker().send({ type: 'query', nodeId, sql }, stepBudgetMillis);
  if (response.type === 'query-result') {
    return { ok: true, result: response.result, tick: response.tick, time: response.time };
  }
  if (response.type === 'failed') {
    const message = response.errors.map((error) => error.message).join('\n');
    if ('restart' in response) {
      await replayAfterRestart(`The query ran longer than ${stepBudgetMillis} ms and was stopped.`);
      // The rebuild's last unit of work is done: the run bar shows it no more.
      setSimulation({ workInProgress: null });
    }
    return {
      ok: false,
      message:
        'restart' in response
          ? `The query ran longer than ${stepBudgetMillis} ms and was stopped; the run was rebuilt.`
          : message,
    };
  }
  return { ok: false, message: `unexpected answer '${response.type}'` };
}

/**
 * After a query overran, the worker is new and empty: rebuild the run and bring it back to the
 * same tick with the same faults; the engine is deterministic, so it is the same run.
 */
async function replayAfterRestart(reason: string): Promise<void> {
  const { metrics, firedFaults, runMesh } = state();
  const tick = metrics?.tick ?? 0;
  const mesh = runMesh ?? currentMesh();
  const scenario = mesh && scenarioToRun(mesh);
  if (!mesh || !scenario) return;
  const created = await worker().send({ type: 'create', mesh, scenario }, stepBudgetMillis);
  if (created.type !== 'metrics') return stop(reason);
  for (const fault of firedFaults) await worker().send({ type: 'inject', fault });
  const replayed = await worker().send({ type: 'run-until', tick }, stepBudgetMillis);
  if (replayed.type !== 'metrics') return stop(reason);
  // A run going on when the query was sent goes on: its next step waited for this rebuild.
  setSimulation({ failure: null, ...(state().status === 'running' ? {} : { status: 'paused' }) });
  accept(replayed.metrics);
}

/** Why a fault did not fire, in words for the run bar rather than the path of a field. */
function faultRefusal(error: Problem): string {
  return `The fault did not fire: ${error.message}.`;
}

function delay(millis: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, millis));
}

/** Whether two documents simulate alike: moving nodes or editing the scenario keeps a run. */
export function simulatesAlike(a: Mesh, b: Mesh): boolean {
  return a.products === b.products && a.systems === b.systems && a.contracts === b.contracts && a.links === b.links;
}

/**
 * A run built from another design, or from a scenario the design no longer has (an undo removed
 * it), is dropped, and a newly opened document starts in Design. A scenario whose id alone changed
 * (an Apply, or its undo or redo) stays chosen, under its new id, and its run goes on. An undo or
 * redo that takes away or brings back a scenario chooses again the one chosen around that step.
 */
function followDocument(document: DocumentState, previous: DocumentState): void {
  const { mesh } = document;
  const previousMesh = previous.mesh;
  const { runMesh, mode, scenarioId } = state();
  if (document.openCount !== previous.openCount) {
    if (mode === 'simulate') simulation.leave();
    discardRun({ examples: {}, examplesTick: null, scenarioId: null, seedText: null });
    return;
  }
  if (!mesh) return;
  const chosenAgain = scenarioChosenAgain(document, previous, scenarioId);
  const renamedTo = previousMesh && scenarioId !== null ? renamedScenarioId(previousMesh, mesh, scenarioId) : undefined;
  if (!runMesh) {
    const chosen = renamedTo ?? chosenAgain;
    if (chosen) setSimulation({ scenarioId: chosen, seedText: null });
    return;
  }
  if (renamedTo && scenarioId !== null) {
    // The run goes on with the scenario it was built from, known by the id it has now.
    setSimulation({
      scenarioId: renamedTo,
      seedText: null,
      runMesh: withScenarioRenamed(runMesh, scenarioId, renamedTo),
    });
  } else if (chosenAgain) {
    discardRun({ scenarioId: chosenAgain, seedText: null });
    return;
  } else if (!mesh.scenarios.some((scenario) => scenario.id === scenarioId)) {
    discardRun({ scenarioId: null, seedText: null });
    return;
  }
  if (!simulatesAlike(runMesh, mesh)) discardRun({});
}

function discardRun(patch: Partial<SimulationState>): void {
  loopGeneration++;
  runGeneration++;
  if (state().runMesh) void worker().send({ type: 'dispose' });
  setSimulation({
    status: 'idle',
    runMesh: null,
    metrics: null,
    catalog: null,
    trace: null,
    failure: null,
    consoleOutcome: null,
    ...patch,
  });
}

useDocumentStore.subscribe((document, previous) => {
  if (document.mesh !== previous.mesh || document.openCount !== previous.openCount) followDocument(document, previous);
});

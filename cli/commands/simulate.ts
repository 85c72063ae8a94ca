import { Worker } from 'node:worker_threads';
import { type Fault, type Mesh, namedProblem, type Problem, type Result, type Scenario } from '../../shared/model';
import { decimalInteger } from '../../shared/model/decimal-integer';
import { knownNamesText } from '../../shared/model/known-names';
import { scenarioFaultName } from '../../shared/model/scenario-fault-name';
import { scriptStepName } from '../../shared/model/script-step-name';
import { counted, firstAndCounted, inNumber, joinedWith } from '../../shared/model/word-list';
import {
  createSimulation,
  type LogMessage,
  type OpenSqlWorkspace,
  overBudgetMessage,
  type Simulation,
  type SimulationError,
  type SimulationMetrics,
  type StoppedRun,
  type TransformationMetrics,
  type Work,
  type WorkWatch,
} from '../../shared/simulation';
import type { BrokerLog } from '../../shared/simulation/broker-log';
import { type ChangeTrace, type TraceStart, traceChange } from '../../shared/simulation/change-trace';
import { engineFailure } from '../../shared/simulation/engine-failure';
import { exactJsonText } from '../../shared/simulation/exact-json';
import { readMessages } from '../../shared/simulation/log-reader';
import { planPipeline } from '../../shared/simulation/pipeline-plan';
import { violationText } from '../../shared/simulation/quarantine-problems';
import { ledByRuns } from '../../shared/simulation/recompute-summary';
import { seedProblem } from '../../shared/simulation/run-seed';
import { starterScenario } from '../../shared/simulation/starter-scenario';
import { traceLines, traceStartOf, traceTextOf } from '../change-trace-text';
import { type Command, EXIT, PROGRAM, usageError } from '../cli-io';
import { jsonLines } from '../one-line-writes';
import { numberNotInDecimalDigits, type ParsedOptions, parseOptions } from '../parse-options';
import { formatProblemInFile, placedInDesign } from '../problem-line';
import { type QuarantineError, quarantineErrorLine, quarantineErrors, quarantineVerdicts } from '../quarantine-errors';
import { type AnsweredQuery, queryJson, queryTableLines } from '../query-table';
import { readMesh } from '../read-input';
import { unforeseenErrorText } from '../unforeseen-error';
import { asFileError } from './validate';

const DEFAULT_TICKS = 100;
/** The longest run: about two years of minutes, far beyond any lesson, short of running for ever. */
const MAX_TICKS = 1_000_000;
/** The longest Node's timers wait: a longer budget would fire at once and stop every run. */
const MAX_BUDGET_MILLIS = 2 ** 31 - 1;

/** Whole-number options but `--seed`, which `seedProblem` reads as the app's Seed field does. */
const NUMBER_OPTIONS = ['ticks', 'budget-ms', 'last'];

/** A headless run, as the command hands it to its worker. */
export interface HeadlessRequest {
  mesh: Mesh;
  scenario: Scenario;
  ticks: number;
  budgetMillis?: number;
  /** A topic or port log (`orders-service/orders-cdc`) to read after the last tick, its last `last` records. */
  messages?: { log: string; last: number };
  /** A read-only query (`SELECT …`) to run on a node's tables after the last tick, as the app's SQL console runs it. */
  query?: { node: string; sql: string };
  /** A row whose changes to follow through the mesh after the last tick, as the app's trace does. */
  trace?: TraceStart;
}

/**
 * The metrics after the last tick (with `stopped` set when a unit of work ran over budget) and the
 * records asked for, oldest first; or why there are none.
 */
export type HeadlessOutcome =
  | { ok: true; metrics: SimulationMetrics; messages?: LogMessage[]; query?: AnsweredQuery; trace?: ChangeTrace }
  | { ok: false; errors: Problem[]; stopped?: StoppedRun };

/**
 * The messages the worker posts: each unit of work as it starts, the metrics after each tick
 * (what a run stopped over budget reports), then the outcome.
 */
export type WorkerMessage =
  | { type: 'work'; work: Work }
  | { type: 'tick'; metrics: SimulationMetrics }
  | { type: 'done'; outcome: HeadlessOutcome };

/** What is wrong with how the command was called, or null. */
function usageProblem(
  options: ParsedOptions,
  numbers: { ticks: number; budget: number | undefined; last: number },
): string | null {
  const { ticks, budget, last } = numbers;
  const seed = options.values.seed;
  const [file, ...extra] = options.positional;
  if (!options.ok) return options.error ?? 'wrong options';
  if (file === undefined) return 'no design to simulate';
  if (extra.length > 0) return `one design at a time (also given: ${extra.join(', ')})`;
  const notDecimal = numberNotInDecimalDigits(options.values, NUMBER_OPTIONS);
  if (notDecimal !== null) return notDecimal;
  if (!Number.isInteger(ticks) || ticks < 1 || ticks > MAX_TICKS)
    return `--ticks must be a whole number from 1 to ${MAX_TICKS} (got '${options.values.ticks}')`;
  const badSeed = seed === undefined ? null : seedProblem(seed);
  if (badSeed !== null) return `--seed ${badSeed}`;
  if (budget !== undefined && (!Number.isInteger(budget) || budget < 1 || budget > MAX_BUDGET_MILLIS)) {
    return `--budget-ms must be a whole number of milliseconds from 1 to ${MAX_BUDGET_MILLIS} (got '${options.values['budget-ms']}')`;
  }
  if (!Number.isInteger(last) || last < 1)
    return `--last must be a whole number, at least 1 (got '${options.values.last}')`;
  if (options.values.last !== undefined && options.values.messages === undefined) return '--last goes with --messages';
  if (options.flags.json && options.values.messages !== undefined)
    return '--json and --messages print different things: choose one';
  const query = options.values.query;
  if (query !== undefined && queryOf(query) === undefined)
    return `--query takes <node>=<SQL>, e.g. orders-service=SELECT count(*) FROM orders (got '${query}')`;
  if (query !== undefined && options.values.messages !== undefined)
    return '--query and --messages print different things: choose one';
  const trace = options.values.trace === undefined ? undefined : traceTextOf(options.values.trace);
  if (trace && 'problem' in trace) return trace.problem;
  if (trace && (query !== undefined || options.values.messages !== undefined))
    return '--trace prints its own hops, not with --query or --messages: choose one';
  return null;
}

/** `--query`'s node and SQL: `orders-service=SELECT …`, split at the first `=`. */
function queryOf(text: string): { node: string; sql: string } | undefined {
  const split = text.indexOf('=');
  const node = text.slice(0, split).trim();
  const sql = text.slice(split + 1).trim();
  return split > 0 && node.length > 0 && sql.length > 0 ? { node, sql } : undefined;
}

/** What `--scenario` names to run the starter scenario (starter-scenario.ts), where the design has no scenario of that id. */
const STARTER = 'starter';

export const simulateCommand: Command = {
  name: 'simulate',
  usage: `${PROGRAM} simulate <file.mesh.json> [--scenario ID] [--ticks N] [--seed N] [--budget-ms N] [--fail-on-lost] [--json | --messages LOG [--last N]] [--query NODE=SQL] [--trace SYSTEM/TABLE=KEY]`,
  summary: 'run a scenario headless; exit 1 on quarantined records, pipeline errors or a step over its budget',
  details: [
    'Runs a scenario of the design on sql.js and prints what each output port published and quarantined',
    '(by rule and property, with the count and the first record), and per consumer its lag, the records',
    'retention or compaction removed before it read them, the keys compaction left stale (an older change',
    'kept) and the changes it skipped as redelivered; then the errors and warnings of the run.',
    'See docs/simulation.md.',
    '',
    'options:',
    '  --scenario ID    the scenario to run (default: the first)',
    `  --ticks N        ticks to run (default: 100, at most ${MAX_TICKS}); numbers in decimal digits only`,
    "  --seed N         replaces the scenario's seed",
    '  --budget-ms N    runs the simulation in a worker thread and stops it when one unit of work (a',
    "                   batch of 2,000 of a table's initial rows or of its snapshot, a service's tick,",
    '                   a product reading its inputs, one transformation, a product publishing, the',
    '                   --query after the last tick) runs longer than N ms, naming it; at most',
    `                   ${MAX_BUDGET_MILLIS}`,
    '  --fail-on-lost   exit 1 when a consumer lost records to retention before it read them: its clean',
    '                   table, and what its product computes from it, may now miss what its producer has',
    '  --json           print the full metrics as JSON',
    '  --messages LOG   print the records of a topic (<system>/<topic>) or output port (<product>/<port>)',
    '                   after the last tick instead, one JSON object per line, oldest first, as a Kafka',
    '                   consumer reads them: partition, offset, timestamp, key, value (Debezium envelopes',
    "                   on CDC topics), headers; with transaction metadata on, a system's transaction",
    '                   topic too (<system>/<prefix>.transaction)',
    '  --last N         only the last N records (default: all the log keeps)',
    "  --query NODE=SQL run a read-only query (one SELECT, as in the app's SQL console) on the tables of a",
    '                   system or product (NODE, its id) after the last tick, and print its result as a',
    '                   text table instead of the summary; with --json, the metrics get it as "query";',
    '                   SQL the console would refuse (a write, an unknown table or node) fails the run',
    "  --trace SYSTEM/TABLE=KEY  follow that row's latest change through the mesh after the last tick, as",
    "                   the app's trace does, and print each hop (write, CDC record with its partition and",
    '                   offset, raw zone, clean, history, transformations, output ports, consumers) instead',
    '                   of the summary; KEY is the value of a one-column key or a JSON object of the key;',
    '                   with --json, the metrics get it as "trace"',
    '',
    'exit codes: 0 all good (warnings, such as a step that changed no row, allowed); 1 a quarantined',
    'record, a pipeline error, a step over budget, with --fail-on-lost a consumer that lost records, a',
    '--query that cannot run, or an unreadable design; 2 wrong usage',
  ],
  async run(args, io) {
    const options = parseOptions(args, {
      values: ['scenario', 'ticks', 'seed', 'budget-ms', 'messages', 'last', 'query', 'trace'],
      flags: ['json', 'fail-on-lost'],
    });
    const numberOf = (name: string) => {
      const text = options.values[name];
      return text === undefined ? undefined : decimalInteger(text);
    };
    const ticks = numberOf('ticks') ?? DEFAULT_TICKS;
    const last = numberOf('last') ?? Number.MAX_SAFE_INTEGER;
    const seed = numberOf('seed');
    const budget = numberOf('budget-ms');
    const [file] = options.positional;
    const problem = usageProblem(options, { ticks, budget, last });
    if (problem !== null || file === undefined) return usageError(io, this, problem ?? 'no design to simulate');
    /** Nothing to run: said on stderr and, with --json, as the report a failed run prints. */
    const refuse = (errors: Problem[], lines: string[]) => {
      if (options.flags.json) for (const line of jsonLines({ errors: errors.map(asFileError) })) io.out(line);
      for (const line of lines) io.err(line);
      return EXIT.problems;
    };
    const read = await readMesh(io, file);
    if (!read.ok) return refuse(read.problems, read.lines);
    const mesh = read.mesh;
    const scenarioId = options.values.scenario ?? mesh.scenarios[0]?.id;
    const chosen =
      mesh.scenarios.find((candidate) => candidate.id === scenarioId) ??
      (scenarioId === STARTER ? starterScenario(mesh) : undefined);
    if (!chosen) {
      const message =
        mesh.scenarios.length === 0
          ? `the design has no scenario to simulate: run the one the app's Scenario tab makes from the design's tables with --scenario ${STARTER}, or add one there`
          : `no scenario '${scenarioId}' (has: ${mesh.scenarios.map((s) => s.id).join(', ')}, or ${STARTER})`;
      const problem = placedInDesign(read.placer, { path: 'scenarios', message });
      return refuse([problem], [formatProblemInFile(file, problem)]);
    }
    const scenario = seed === undefined ? chosen : { ...chosen, seed };
    const traced = options.values.trace === undefined ? undefined : traceStartOf(mesh, options.values.trace);
    if (traced && 'problem' in traced)
      return refuse([{ path: 'trace', message: traced.problem }], [`${file}: ${traced.problem}`]);
    const logName = options.values.messages;
    const query = options.values.query === undefined ? undefined : queryOf(options.values.query);
    // Refused before the run, as --trace's node is: a run of many ticks should not end in a typo.
    const nodeIds = [...mesh.systems, ...mesh.products].map((node) => node.id);
    if (query && !nodeIds.includes(query.node)) {
      const message = `no system or product '${query.node}' (has: ${knownNamesText(nodeIds)})`;
      return refuse([{ path: 'query', message }], [`${file}: query: ${message}`]);
    }
    const request: HeadlessRequest = {
      mesh,
      scenario,
      ticks,
      ...(budget !== undefined && { budgetMillis: budget }),
      ...(logName !== undefined && { messages: { log: logName, last } }),
      ...(query !== undefined && { query }),
      ...(traced && { trace: traced.start }),
    };
    const outcome = await failedRunIfThrown(async () =>
      budget === undefined ? runHeadless(request, await io.openSqlite()) : await runInWorker(request, budget),
    );

    if (!outcome.ok) {
      outcome.errors = outcome.errors.map((problem) => placedInDesign(read.placer, problem));
      if (options.flags.json)
        for (const line of jsonLines({ errors: outcome.errors.map(asFileError), stopped: outcome.stopped }))
          io.out(line);
      for (const problem of outcome.errors) io.err(formatProblemInFile(file, problem));
      return EXIT.problems;
    }
    const notRun = notRunNote(mesh, scenario, ticks);
    if (notRun) io.err(notRun);
    const { metrics, messages, query: answered, trace } = outcome;
    const failsOnLost = options.flags['fail-on-lost'] === true && hasLostRecords(metrics);
    const quarantines = quarantineErrors(mesh, metrics.ports, read.placer);
    const quarantineLines = quarantines.map((error) => quarantineErrorLine(file, error));
    if (metrics.stopped) io.err(`${file}: ${metrics.stopped.path}: ${metrics.stopped.message}`);
    if (options.flags.json) {
      const extra = { ...(answered && { query: queryJson(answered) }), ...(trace && { trace }) };
      for (const line of jsonLines({ ...metrics, errors: [...metrics.errors, ...quarantines], ...extra })) io.out(line);
      for (const line of quarantineLines) io.err(line);
    } else if (messages || answered || trace) {
      if (messages) for (const message of messages) io.out(exactJsonText(message));
      if (answered) for (const line of queryTableLines(answered)) io.out(line);
      if (trace) for (const line of traceLines(trace)) io.out(line);
      const quarantined = quarantineLines.length > 0 ? ['quarantined:', ...quarantineLines] : [];
      for (const line of [...quarantined, ...failureLines(metrics, failsOnLost, mesh), ...warningLines(metrics, mesh)])
        io.err(line);
    } else {
      for (const line of quarantineLines) io.err(line);
      for (const line of summarise(metrics, mesh)) io.out(line);
      const verdict = failureVerdict(file, { metrics, quarantines, failsOnLost });
      if (verdict) io.out(verdict);
    }
    return quarantines.length > 0 || metrics.errors.length > 0 || metrics.stopped || failsOnLost
      ? EXIT.problems
      : EXIT.ok;
  },
};

/**
 * The run's outcome; an error the engine throws (SQL it did not foresee, SQLite failing to open)
 * is a failed run too, so `--json` still prints JSON and stderr names the file.
 */
async function failedRunIfThrown(run: () => Promise<HeadlessOutcome>): Promise<HeadlessOutcome> {
  try {
    return await run();
  } catch (error) {
    return failedRun(error);
  }
}

function failedRun(error: unknown): HeadlessOutcome {
  return { ok: false, errors: [{ ...engineFailure(error), message: unforeseenErrorText(error) }] };
}

/** How many of the steps and faults after the last tick the note names: a generated script may set 20,000 there. */
const MOST_NOT_RUN_NAMED = 3;

/**
 * The note on the scenario's steps and faults set for a tick the run does not reach; past a few,
 * counted and cut: `note: 19,960 steps after the last tick (3), so not run: …, … and 19,957 more`.
 */
function notRunNote(mesh: Mesh, scenario: Scenario, ticks: number): string | undefined {
  const { steps, faults } = afterTheLastTick(mesh, scenario, ticks);
  const notRun = [...steps, ...faults];
  if (notRun.length === 0) return undefined;
  const groupedCount = (items: readonly string[], noun: string) =>
    items.length > 0 ? [`${items.length.toLocaleString('en')} ${inNumber(items.length, noun)}`] : [];
  const counts = joinedWith([...groupedCount(steps, 'step'), ...groupedCount(faults, 'fault')], 'and');
  const subject = notRun.length > MOST_NOT_RUN_NAMED ? `${counts} after the last tick` : 'after the last tick';
  return `note: ${subject} (${ticks}), so not run: ${firstAndCounted(notRun, MOST_NOT_RUN_NAMED)}`;
}

/** The scenario's steps and faults set for a tick the run does not reach, named as the app names them: `delete step at tick 5000 on table 'orders' (steps[3])`. */
function afterTheLastTick(mesh: Mesh, scenario: Scenario, ticks: number): { steps: string[]; faults: string[] } {
  const late =
    <T extends { tick: number }>(list: string, name: (entry: T) => string) =>
    (entry: T, index: number) =>
      entry.tick > ticks ? [`${name(entry)} (${list}[${index}])`] : [];
  return {
    steps: scenario.steps.flatMap(late('steps', scriptStepName)),
    faults: (scenario.faults ?? []).flatMap(late('faults', (fault: Fault) => scenarioFaultName(mesh, fault))),
  };
}

/**
 * Runs a scenario to its last tick in this thread; a unit of work over budget stops it after that
 * unit. `onTick`, when given, gets the metrics after tick 0 and after each tick.
 */
export function runHeadless(
  request: HeadlessRequest,
  sqlite: OpenSqlWorkspace,
  watch?: WorkWatch,
  onTick?: (metrics: SimulationMetrics) => void,
): HeadlessOutcome {
  const created = createSimulation(
    request.mesh,
    request.scenario,
    { sqlite, ...(request.budgetMillis !== undefined && { budgetMillis: request.budgetMillis }) },
    watch,
  );
  if (!created.ok) return created;
  const simulation = created.value;
  try {
    const metrics = onTick ? runTickByTick(simulation, request.ticks, onTick) : simulation.runUntil(request.ticks);
    if (request.query) {
      const { node, sql } = request.query;
      // Announced as its own unit, so a budget that runs out in it blames the query, not the run's last unit.
      watch?.onWork?.({ tick: metrics.tick, nodeId: node, path: 'query', kind: 'query' });
      const answer = simulation.query(node, sql);
      if (!answer.ok) return { ok: false, errors: answer.errors.map(({ message }) => ({ path: 'query', message })) };
      return { ok: true, metrics, query: { node, sql, ...answer.value } };
    }
    if (request.trace) {
      const traced = traceChange(planPipeline(request.mesh, request.scenario.connector), simulation, request.trace);
      return traced.ok ? { ok: true, metrics, trace: traced.value } : traced;
    }
    if (!request.messages) return { ok: true, metrics };
    const read = readLog(request, simulation, request.messages);
    return read.ok ? { ok: true, metrics, messages: read.value } : read;
  } finally {
    simulation.dispose();
  }
}

/** Runs to the given tick one tick at a time, telling `onTick` the metrics after each (tick 0's first). */
function runTickByTick(
  simulation: Simulation,
  ticks: number,
  onTick: (metrics: SimulationMetrics) => void,
): SimulationMetrics {
  let metrics = simulation.metrics();
  onTick(metrics);
  while (metrics.tick < ticks && !metrics.stopped) {
    metrics = simulation.step(1);
    onTick(metrics);
  }
  return metrics;
}

/** The last records of a log by its name, oldest first, as consumers see them (without their place in the run or their first delivery). */
function readLog(
  { mesh, scenario }: Pick<HeadlessRequest, 'mesh' | 'scenario'>,
  simulation: Simulation,
  { log: name, last }: { log: string; last: number },
): Result<LogMessage[]> {
  const logs = planPipeline(mesh, scenario.connector).logs;
  const log = logNamed(logs, name);
  if (!log) {
    const known = knownNamesText(logs.map((candidate) => candidate.table));
    return {
      ok: false,
      errors: [{ path: 'messages', message: `no topic or port log '${name}' (has: ${known})` }],
    };
  }
  const read = readMessages(simulation.query, log, { limit: last });
  if (!read.ok) return read;
  return {
    ok: true,
    value: read.value.reverse().map(({ position: _position, firstDelivery: _firstDelivery, ...message }) => message),
  };
}

/**
 * A log by its key (`<system>/<topic id>`, `<product>/<port>`), by its owner and Kafka name
 * (`orders-service/orders.public.orders`), or by the Kafka name alone when one log has it.
 */
function logNamed(logs: readonly BrokerLog[], name: string): BrokerLog | undefined {
  const owner = (log: BrokerLog) => log.table.slice(0, log.table.indexOf('/'));
  const byKafkaName = logs.filter((log) => log.name === name);
  return (
    logs.find((log) => log.table === name) ??
    logs.find((log) => `${owner(log)}/${log.name}` === name) ??
    (byKafkaName.length === 1 ? byKafkaName[0] : undefined)
  );
}

/**
 * Runs a scenario in a worker thread, because SQLite cannot be interrupted inside a statement: a
 * unit of work (the worker reports each as it starts) still running when its budget is spent gets
 * the worker terminated, and the outcome names it.
 */
function runInWorker(request: HeadlessRequest, budgetMillis: number): Promise<HeadlessOutcome> {
  const worker = startWorker(request);
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastTick: SimulationMetrics | undefined;
    const finish = (outcome: HeadlessOutcome) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const overBudget = (work: Work) => {
      const stopped = { ...work, message: overBudgetMessage(work, budgetMillis) };
      // A query's result or a trace cannot be read from a terminated worker, but the metrics of the ticks before it
      // survive it; a log's records are printed instead of any summary, so it gets the message alone.
      finish(
        lastTick && !request.messages
          ? { ok: true, metrics: stoppedAfter(lastTick, stopped) }
          : { ok: false, stopped, errors: [{ path: work.path, message: stopped.message }] },
      );
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'done') return finish(message.outcome);
      if (message.type === 'tick') {
        lastTick = message.metrics;
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => overBudget(message.work), budgetMillis);
    });
    worker.on('error', (error) => finish(failedRun(error)));
  });
}

/** The metrics of the last tick a run completed, with the unit of work that stopped it, as the engine reports a stop. */
function stoppedAfter(metrics: SimulationMetrics, stopped: StoppedRun): SimulationMetrics {
  const { tick, path, nodeId, step, message } = stopped;
  const error = {
    path,
    nodeId,
    ...(step !== undefined && { step }),
    message,
    firstTick: tick,
    lastTick: tick,
    count: 1,
  };
  return { ...metrics, errors: [...metrics.errors, error], stopped };
}

/** Built, the worker is a file beside the CLI's bundle; run from source (the tests), tsx compiles it. */
function startWorker(request: HeadlessRequest): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./simulate-worker.mjs', import.meta.url), { workerData: request });
  }
  const source = JSON.stringify(new URL('./simulate-worker.ts', import.meta.url).href);
  return new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${source}, ${source}))`, {
    eval: true,
    workerData: request,
  });
}

/** Whether any consumer lost records to retention before it read them (the `--fail-on-lost` gate). */
function hasLostRecords(metrics: SimulationMetrics): boolean {
  return Object.values(metrics.consumers).some((consumer) => consumer.lost > 0);
}

/** What retention and compaction removed before the consumer read it, as `, 20 lost to retention, 3 compacted away`. */
function removedText({ lost, compacted }: { lost: number; compacted: number }): string {
  return `${lost > 0 ? `, ${lost} lost to retention` : ''}${compacted > 0 ? `, ${compacted} compacted away (replaced by later records of their keys)` : ''}`;
}

/** The summary's first line; a run stopped over budget has the metrics of the tick before the one that ran long. */
function headingLine({ tick, time, sourceChanges, stopped }: SimulationMetrics): string {
  const asOf = `tick ${tick} (${time})`;
  return `${stopped ? `metrics as of ${asOf}, the last tick completed` : asOf}: ${sourceChanges} source changes`;
}

function summarise(metrics: SimulationMetrics, mesh: Mesh): string[] {
  return [
    headingLine(metrics),
    'output ports:',
    ...Object.entries(metrics.ports).flatMap(portLines),
    'consumers:',
    ...Object.entries(metrics.consumers).flatMap(([consumer, state]) => [
      `  ${consumer}: offset ${state.offset}, lag ${state.lag}${removedText(state)}${state.staleKeys > 0 ? `, ${counted(state.staleKeys, 'key')} stale (compaction kept an older change)` : ''}${state.skipped > 0 ? `, ${state.skipped} skipped (redelivered or older)` : ''}`,
      // Behind, or missing records: where, as Kafka's consumer-group tools show it, partition by partition.
      ...(state.lag > 0 || state.lost > 0 || state.compacted > 0
        ? state.partitions.map(
            (partition) =>
              `    partition ${partition.partition}: offset ${partition.offset} of ${partition.end}, lag ${partition.lag}${removedText(partition)}`,
          )
        : []),
    ]),
    ...(Object.keys(metrics.transformations).length > 0 ? ['transformations:'] : []),
    ...Object.entries(metrics.transformations).flatMap(([step, how]) => [
      `  ${step}: ${modeText(how)}; runs: ${how.runs.incremental} incremental, ${how.runs.full} full, ${how.runs.unchanged} unchanged`,
      ...Object.entries(how.fullRunReasons ?? {}).map(([reason, count]) => `    in full ${count}×: ${reason}`),
    ]),
    ...inputGapLines(metrics),
    ...errorLines(metrics, mesh),
    ...warningLines(metrics, mesh),
  ];
}

/** The step's plan, `incremental (why it runs in full on some ticks)`, led by what its runs did when mostly full. */
function modeText(how: TransformationMetrics): string {
  return ledByRuns(how, `${how.mode}${how.reason ? ` (${how.reason})` : ''}`);
}

/** What else makes the run fail (exit 1) in the summary's words, for stderr when stdout holds a log's records. */
function failureLines(metrics: SimulationMetrics, failsOnLost: boolean, mesh: Mesh): string[] {
  return [...(failsOnLost ? inputGapLines(metrics) : []), ...errorLines(metrics, mesh)];
}

/** The summary's last line when the run fails: why, as `failed: 6 records quarantined at rx/rx-out (shop.mesh.json:31:15)`. */
function failureVerdict(
  file: string,
  run: { metrics: SimulationMetrics; quarantines: readonly QuarantineError[]; failsOnLost: boolean },
): string | undefined {
  const { metrics, quarantines, failsOnLost } = run;
  // A stop is among the errors too, and said apart.
  const pipelineErrors = metrics.errors.filter((error) => error.message !== metrics.stopped?.message);
  const reasons = [
    ...quarantineVerdicts(file, quarantines),
    ...(pipelineErrors.length > 0 ? [counted(pipelineErrors.length, 'pipeline error')] : []),
    ...(metrics.stopped ? [`stopped over budget at ${metrics.stopped.path}`] : []),
    ...(failsOnLost ? ['a consumer lost records to retention (--fail-on-lost)'] : []),
  ];
  return reasons.length > 0 ? `failed: ${reasons.join('; ')}` : undefined;
}

function portLines([port, counts]: [string, SimulationMetrics['ports'][string]]): string[] {
  return [
    `  ${port}: ${counts.published} published, ${counts.quarantined} quarantined`,
    ...counts.violations.map(
      (violation) => `    ${violationText(violation)}; record ${exactJsonText(violation.first.record)}`,
    ),
  ];
}

/** What consumers' clean tables miss of what their producers have, by consumer as under `consumers:`. */
function inputGapLines(metrics: SimulationMetrics): string[] {
  return [
    ...(metrics.inputGaps.length > 0 ? ['incomplete inputs:'] : []),
    ...metrics.inputGaps.map((gap) => `  ${gap.consumer}: ${gap.message}`),
  ];
}

function errorLines(metrics: SimulationMetrics, mesh: Mesh): string[] {
  return [
    ...runProblemLines('errors:', metrics.errors, mesh),
    ...(metrics.stopped ? [`stopped: ${metrics.stopped.message}`] : []),
  ];
}

/** Steps that changed no row: said, but the run went on and does not fail for them. */
function warningLines(metrics: SimulationMetrics, mesh: Mesh): string[] {
  return runProblemLines('warnings:', metrics.warnings, mesh);
}

/** Each problem at the elements it is about, by name as the app lists it, with its path: `product 'Orders', transformation 'daily' (products[0].transformations[0])`. */
function runProblemLines(title: string, problems: readonly SimulationError[], mesh: Mesh): string[] {
  return [
    ...(problems.length > 0 ? [title] : []),
    ...problems.map((problem) => `  ${placeOf(mesh, problem)}: ${problem.message} (${problem.count}×)`),
  ];
}

function placeOf(mesh: Mesh, problem: SimulationError): string {
  const named = namedProblem(mesh, problem).path;
  if (named !== problem.path) return `${named} (${problem.path})`;
  return `${problem.path}${problem.step ? ` step '${problem.step}'` : ''}`;
}

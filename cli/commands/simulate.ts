import { Worker } from 'node:worker_threads';
import { formatProblem, type Mesh, type Problem, type Scenario } from '../../shared/model';
import {
  createSimulation,
  type OpenSqlWorkspace,
  overBudgetMessage,
  type SimulationMetrics,
  type StoppedRun,
  type Work,
  type WorkWatch,
} from '../../shared/simulation';
import { type Command, EXIT, PROGRAM, usageError } from '../cli-io';
import { type ParsedOptions, parseOptions } from '../parse-options';
import { readMesh } from '../read-input';

const DEFAULT_TICKS = 100;

/** A headless run, as the command hands it to its worker. */
export interface HeadlessRequest {
  mesh: Mesh;
  scenario: Scenario;
  ticks: number;
  budgetMillis?: number;
}

/** The metrics after the last tick (with `stopped` set when a unit of work ran over budget), or why there are none. */
export type HeadlessOutcome =
  | { ok: true; metrics: SimulationMetrics }
  | { ok: false; errors: Problem[]; stopped?: StoppedRun };

/** The messages the worker posts: each unit of work as it starts, then the outcome. */
export type WorkerMessage = { type: 'work'; work: Work } | { type: 'done'; outcome: HeadlessOutcome };

/** What is wrong with how the command was called, or null. */
function usageProblem(
  options: ParsedOptions,
  numbers: { ticks: number; seed: number | undefined; budget: number | undefined },
): string | null {
  const { ticks, seed, budget } = numbers;
  const [file, ...extra] = options.positional;
  if (!options.ok) return options.error ?? 'wrong options';
  if (file === undefined) return 'no design to simulate';
  if (extra.length > 0) return `one design at a time (also given: ${extra.join(', ')})`;
  if (!Number.isInteger(ticks) || ticks < 1)
    return `--ticks must be a whole number, at least 1 (got '${options.values.ticks}')`;
  if (seed !== undefined && !Number.isSafeInteger(seed))
    return `--seed must be a whole number (got '${options.values.seed}')`;
  if (budget !== undefined && (!Number.isInteger(budget) || budget < 1)) {
    return `--budget-ms must be a whole number of milliseconds, at least 1 (got '${options.values['budget-ms']}')`;
  }
  return null;
}

export const simulateCommand: Command = {
  name: 'simulate',
  usage: `${PROGRAM} simulate <file.mesh.json> [--scenario ID] [--ticks N] [--seed N] [--budget-ms N] [--json]`,
  summary: 'run a scenario headless; exit 1 on quarantined records, pipeline errors or a step over its budget',
  details: [
    'Runs a scenario of the design on sql.js and prints what each output port published and quarantined',
    '(by rule and property, with the count and the first record), and per consumer its lag, the records',
    'retention removed before it read them and the changes it skipped as redelivered. See docs/simulation.md.',
    '',
    'options:',
    '  --scenario ID    the scenario to run (default: the first)',
    '  --ticks N        ticks to run (default: 100)',
    "  --seed N         replaces the scenario's seed",
    '  --budget-ms N    runs the simulation in a worker thread and stops it when one unit of work (a',
    "                   service's tick, a product reading its inputs, one transformation, a product",
    '                   publishing) runs longer, naming the product and step',
    '  --json           print the full metrics as JSON',
    '',
    'exit codes: 0 all good; 1 a quarantined record, a pipeline error, a step over budget or an',
    'unreadable design; 2 wrong usage',
  ],
  async run(args, io) {
    const options = parseOptions(args, { values: ['scenario', 'ticks', 'seed', 'budget-ms'], flags: ['json'] });
    const ticks = Number(options.values.ticks ?? DEFAULT_TICKS);
    const seed = options.values.seed === undefined ? undefined : Number(options.values.seed);
    const budget = options.values['budget-ms'] === undefined ? undefined : Number(options.values['budget-ms']);
    const [file] = options.positional;
    const problem = usageProblem(options, { ticks, seed, budget });
    if (problem !== null || file === undefined) return usageError(io, this, problem ?? 'no design to simulate');
    const read = await readMesh(io, file);
    if (!read.ok) {
      for (const line of read.lines) io.err(line);
      return EXIT.problems;
    }
    const mesh = read.mesh;
    const scenarioId = options.values.scenario ?? mesh.scenarios[0]?.id;
    const chosen = mesh.scenarios.find((candidate) => candidate.id === scenarioId);
    if (!chosen) {
      io.err(
        `${file}: no scenario '${scenarioId ?? ''}' (has: ${mesh.scenarios.map((s) => s.id).join(', ') || 'none'})`,
      );
      return EXIT.problems;
    }
    const scenario = seed === undefined ? chosen : { ...chosen, seed };
    const request: HeadlessRequest = { mesh, scenario, ticks, ...(budget !== undefined && { budgetMillis: budget }) };
    const outcome =
      budget === undefined ? runHeadless(request, await io.openSqlite()) : await runInWorker(request, budget);

    if (!outcome.ok) {
      if (options.flags.json) io.out(JSON.stringify({ errors: outcome.errors, stopped: outcome.stopped }, null, 2));
      for (const problem of outcome.errors) io.err(`${file}: ${formatProblem(problem)}`);
      return EXIT.problems;
    }
    const { metrics } = outcome;
    if (options.flags.json) io.out(JSON.stringify(metrics, null, 2));
    else for (const line of summarise(metrics)) io.out(line);
    const quarantined = Object.values(metrics.ports).reduce((sum, port) => sum + port.quarantined, 0);
    return quarantined > 0 || metrics.errors.length > 0 || metrics.stopped ? EXIT.problems : EXIT.ok;
  },
};

/** Runs a scenario to its last tick in this thread; a unit of work over budget stops it after that unit. */
export function runHeadless(request: HeadlessRequest, sqlite: OpenSqlWorkspace, watch?: WorkWatch): HeadlessOutcome {
  const created = createSimulation(
    request.mesh,
    request.scenario,
    { sqlite, ...(request.budgetMillis !== undefined && { budgetMillis: request.budgetMillis }) },
    watch,
  );
  if (!created.ok) return created;
  const metrics = created.value.runUntil(request.ticks);
  created.value.dispose();
  return { ok: true, metrics };
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
    const finish = (outcome: HeadlessOutcome) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const overBudget = (work: Work) => {
      const stopped = { ...work, message: overBudgetMessage(work, budgetMillis) };
      finish({ ok: false, stopped, errors: [{ path: work.path, message: stopped.message }] });
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'done') return finish(message.outcome);
      clearTimeout(timer);
      timer = setTimeout(() => overBudget(message.work), budgetMillis);
    });
    worker.on('error', (error) => finish({ ok: false, errors: [{ path: 'simulation', message: error.message }] }));
  });
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

function lostText(lost: number): string {
  return lost > 0 ? `, ${lost} lost to retention` : '';
}

function summarise(metrics: SimulationMetrics): string[] {
  return [
    `tick ${metrics.tick} (${metrics.time}): ${metrics.sourceChanges} source changes`,
    'output ports:',
    ...Object.entries(metrics.ports).flatMap(([port, counts]) => [
      `  ${port}: ${counts.published} published, ${counts.quarantined} quarantined`,
      ...counts.violations.map(
        (violation) =>
          `    ${violation.rule}${violation.property ? ` on ${violation.property}` : ''}: ${violation.count}×, first at tick ${violation.first.tick}: ${violation.first.message}; record ${JSON.stringify(violation.first.record)}`,
      ),
    ]),
    'consumers:',
    ...Object.entries(metrics.consumers).flatMap(([consumer, state]) => [
      `  ${consumer}: offset ${state.offset}, lag ${state.lag}${lostText(state.lost)}${state.skipped > 0 ? `, ${state.skipped} skipped (redelivered or older)` : ''}`,
      // Behind or losing records: where, as Kafka's consumer-group tools show it, partition by partition.
      ...(state.lag > 0 || state.lost > 0
        ? state.partitions.map(
            (partition) =>
              `    partition ${partition.partition}: offset ${partition.offset} of ${partition.end}, lag ${partition.lag}${lostText(partition.lost)}`,
          )
        : []),
    ]),
    ...(Object.keys(metrics.transformations).length > 0 ? ['transformations:'] : []),
    ...Object.entries(metrics.transformations).map(
      ([step, how]) =>
        `  ${step}: ${how.mode}${how.reason ? ` (${how.reason})` : ''}; runs: ${how.runs.incremental} incremental, ${how.runs.full} full, ${how.runs.unchanged} unchanged`,
    ),
    ...(metrics.errors.length > 0 ? ['errors:'] : []),
    ...metrics.errors.map(
      (error) => `  ${error.path}${error.step ? ` step '${error.step}'` : ''}: ${error.message} (${error.count}×)`,
    ),
    ...(metrics.stopped ? [`stopped: ${metrics.stopped.message}`] : []),
  ];
}

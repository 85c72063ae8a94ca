import { formatProblem, parseMeshFile } from '../../shared/model';
import { createSimulation, type SimulationMetrics } from '../../shared/simulation';
import { type Command, EXIT } from '../cli-io';
import { parseOptions } from '../parse-options';

const DEFAULT_TICKS = 100;

export const simulateCommand: Command = {
  name: 'simulate',
  usage: 'mesh-designer simulate <file.mesh.json> [--scenario ID] [--ticks N] [--json]',
  summary: 'run a scenario headless; exit 1 on quarantined records or pipeline errors',
  async run(args, io) {
    const options = parseOptions(args, { values: ['scenario', 'ticks'], flags: ['json'] });
    const ticks = Number(options.values.ticks ?? DEFAULT_TICKS);
    const [file, ...extra] = options.positional;
    if (!options.ok || !file || extra.length > 0 || !Number.isInteger(ticks) || ticks < 1) {
      io.err(options.ok ? `usage: ${this.usage}` : `${options.error}\nusage: ${this.usage}`);
      return EXIT.usage;
    }
    const parsed = parseMeshFile(await io.readText(file));
    if (!parsed.ok) {
      for (const problem of parsed.errors) io.err(`${file}: ${formatProblem(problem)}`);
      return EXIT.problems;
    }
    const mesh = parsed.value;
    const scenarioId = options.values.scenario ?? mesh.scenarios[0]?.id;
    const scenario = mesh.scenarios.find((candidate) => candidate.id === scenarioId);
    if (!scenario) {
      io.err(
        `${file}: no scenario '${scenarioId ?? ''}' (has: ${mesh.scenarios.map((s) => s.id).join(', ') || 'none'})`,
      );
      return EXIT.problems;
    }
    const simulation = createSimulation(mesh, scenario, { sqlite: await io.openSqlite() });
    if (!simulation.ok) {
      for (const problem of simulation.errors) io.err(`${file}: ${formatProblem(problem)}`);
      return EXIT.problems;
    }
    const metrics = simulation.value.runUntil(ticks);
    simulation.value.dispose();
    if (options.flags.json) io.out(JSON.stringify(metrics, null, 2));
    else for (const line of summarise(metrics)) io.out(line);
    const quarantined = Object.values(metrics.ports).reduce((sum, port) => sum + port.quarantined, 0);
    return quarantined > 0 || metrics.errors.length > 0 ? EXIT.problems : EXIT.ok;
  },
};

function summarise(metrics: SimulationMetrics): string[] {
  return [
    `tick ${metrics.tick} (${metrics.time}): ${metrics.sourceChanges} source changes`,
    'output ports:',
    ...Object.entries(metrics.ports).map(
      ([port, counts]) => `  ${port}: ${counts.published} published, ${counts.quarantined} quarantined`,
    ),
    'consumers:',
    ...Object.entries(metrics.consumers).map(
      ([consumer, lag]) => `  ${consumer}: offset ${lag.offset}, lag ${lag.lag}`,
    ),
    ...(metrics.errors.length > 0 ? ['errors:'] : []),
    ...metrics.errors.map(
      (error) => `  ${error.path}${error.step ? ` step '${error.step}'` : ''}: ${error.message} (${error.count}×)`,
    ),
  ];
}

import type { SimulationError } from './simulation-metrics';

export type ReportedError = Pick<SimulationError, 'path' | 'nodeId' | 'message' | 'step'>;

/** Errors of a run, one entry per place and message: a step failing every tick stays one line. */
export function createErrorLog() {
  const errors = new Map<string, SimulationError>();
  return {
    record(error: ReportedError, tick: number): void {
      const id = `${error.path}\n${error.message}`;
      const known = errors.get(id);
      if (known) {
        known.lastTick = tick;
        known.count += 1;
      } else {
        errors.set(id, { ...error, firstTick: tick, lastTick: tick, count: 1 });
      }
    },
    list(): SimulationError[] {
      return [...errors.values()].map((error) => ({ ...error }));
    },
  };
}

export type ErrorLog = ReturnType<typeof createErrorLog>;

import type { SimulationError } from './simulation-metrics';

export type ReportedError = Pick<SimulationError, 'path' | 'nodeId' | 'message' | 'step'>;

/** A reported problem with the ticks it happened at. */
export type Logged<Reported extends ReportedError> = Reported &
  Pick<SimulationError, 'firstTick' | 'lastTick' | 'count'>;

/**
 * Errors of a run, one entry per place and message: a step failing every tick stays one line.
 * A problem whose message changes as it grows (a count) names what it is `about` instead: one
 * entry per place and subject, with the latest message.
 */
export function createErrorLog<Reported extends ReportedError = ReportedError>() {
  const errors = new Map<string, Logged<Reported>>();
  return {
    record(error: Reported, tick: number, about: string = error.message): void {
      const id = `${error.path}\n${about}`;
      const known = errors.get(id);
      if (known) {
        known.lastTick = tick;
        known.count += 1;
        known.message = error.message;
      } else {
        errors.set(id, { ...error, firstTick: tick, lastTick: tick, count: 1 });
      }
    },
    list(): Logged<Reported>[] {
      return [...errors.values()].map((error) => ({ ...error }));
    },
  };
}

export type ErrorLog = ReturnType<typeof createErrorLog<ReportedError>>;

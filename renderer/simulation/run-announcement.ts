import type { RunStatus } from './simulation-store';

/**
 * What the run bar's live region says: the tick a step, a step back or a reset left the run at,
 * and that it runs, once rather than at each tick, which would talk over everything else.
 */
export function runAnnouncement(status: RunStatus, tick: number | undefined): string {
  const atTick = tick === undefined ? '' : ` at tick ${tick}`;
  switch (status) {
    case 'paused':
      return `Paused${atTick}`;
    case 'stopped':
      return `Stopped${atTick}`;
    case 'running':
      return 'Running';
    default:
      return '';
  }
}

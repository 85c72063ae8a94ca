import type { ChangeTrace } from '../../shared/simulation/change-trace';
import type { TraceMoment } from '../../shared/simulation/trace-stage';
import { resultAgeText } from './result-age';

/**
 * When what a trace's stage shows is from. A table read at the trace's tick is `Now, at tick 8 (…)`
 * while the run is at that tick; once the run has moved on, until the trace is read again, it says
 * as of which tick, as an older SQL result does.
 */
export function traceMomentText(
  moment: TraceMoment,
  readAt: ChangeTrace['readAt'],
  runTick: number | undefined,
): string {
  if (moment.kind === 'recorded') return moment.text;
  if (runTick === undefined || runTick === readAt.tick) return `Now, at tick ${readAt.tick} (${readAt.time})`;
  const age = resultAgeText(readAt, runTick);
  return `${age.charAt(0).toUpperCase()}${age.slice(1)}`;
}

/** What a trace says while the run is before the change it follows (stepped back past it). */
export function upcomingChangeText({ tick, time }: NonNullable<ChangeTrace['happensAt']>): string {
  return `This change happens at tick ${tick} (${time}): step forward to follow it.`;
}

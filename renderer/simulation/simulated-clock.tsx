import { type SecondDecimals, secondDecimals } from '../../shared/simulation/simulated-clock';
import { runningScenario } from './run-faults';
import { type SimulationState, useSimulationStore } from './simulation-store';

const DATE = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** 24-hour, so a clock cut short never drops an AM or PM that changes the time it reads. */
const timesOfDay = ([0, 1, 2, 3] as const).map(
  (decimals) =>
    new Intl.DateTimeFormat(undefined, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      ...(decimals > 0 && { fractionalSecondDigits: decimals as 1 | 2 | 3 }),
      hourCycle: 'h23',
      timeZone: 'UTC',
    }),
);

/** The decimals of a second the run's times show: as many as tell its ticks apart (ticks of 500 ms: one). */
function runSecondDecimals(state: SimulationState): SecondDecimals {
  const scenario = runningScenario(state);
  return scenario ? secondDecimals(scenario) : 0;
}

export const useSecondDecimals = () => useSimulationStore(runSecondDecimals);

/** A simulated instant as the run's clock shows it, `Sun, 1 Mar` and `14:26:00` (`14:26:00.5` for ticks of 500 ms). */
function simulatedTimeParts(time: string, decimals: SecondDecimals): { date: string; timeOfDay: string } {
  const instant = new Date(time);
  return { date: DATE.format(instant), timeOfDay: timesOfDay[decimals]?.format(instant) ?? '' };
}

/** A simulated instant in one line: `Sun, 1 Mar, 14:26:00`. */
export function formatSimulatedTime(time: string, decimals: SecondDecimals): string {
  const { date, timeOfDay } = simulatedTimeParts(time, decimals);
  return `${date}, ${timeOfDay}`;
}

/** A record's time (epoch millis) as the run's clock reads it: the time of day in UTC, `14:26:00`. */
export function simulatedTimeOfDay(millis: number, decimals: SecondDecimals): string {
  return new Date(millis).toISOString().slice(11, decimals === 0 ? 19 : 20 + decimals);
}

/** The run's simulated time and tick, in the run bar and in presenter mode (test ids apart, as both are in the page). */
export function SimulatedClock({
  className,
  testId,
  tickTestId,
}: {
  className: string;
  testId: string;
  tickTestId: string;
}) {
  const tick = useSimulationStore((state) => state.metrics?.tick);
  const time = useSimulationStore((state) => state.metrics?.time);
  const decimals = useSecondDecimals();
  const parts = time ? simulatedTimeParts(time, decimals) : undefined;
  return (
    <span className={className} data-testid={testId} title={time}>
      {/* Apart, so that where room is short the date gives way and the time stays whole. */}
      {parts && <span className="simulated-clock__date">{parts.date}, </span>}
      <span className="simulated-clock__time">{parts?.timeOfDay ?? '—'}</span>
      <span className="simulated-clock__tick">
        {' · tick '}
        <strong data-testid={tickTestId}>{tick ?? '—'}</strong>
      </span>
    </span>
  );
}

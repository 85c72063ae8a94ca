import { useSimulationStore } from './simulation-store';

const DATE = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

// 24-hour, so a clock cut short never drops an AM or PM that changes the time it reads.
const TIME_OF_DAY = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** A simulated instant as the run's clock shows it, `Sun, 1 Mar` and `14:26:00`. */
function simulatedTimeParts(time: string): { date: string; timeOfDay: string } {
  const instant = new Date(time);
  return { date: DATE.format(instant), timeOfDay: TIME_OF_DAY.format(instant) };
}

/** A simulated instant in one line: `Sun, 1 Mar, 14:26:00`. */
export function formatSimulatedTime(time: string): string {
  const { date, timeOfDay } = simulatedTimeParts(time);
  return `${date}, ${timeOfDay}`;
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
  const parts = time ? simulatedTimeParts(time) : undefined;
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

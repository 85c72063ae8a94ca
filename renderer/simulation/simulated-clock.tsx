import { useSimulationStore } from './simulation-store';

const CLOCK = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
});

/** A simulated instant as the run bar shows it: `Sun, 1 Mar, 12:26:00 AM`. */
export function formatSimulatedTime(time: string): string {
  return CLOCK.format(new Date(time));
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
  return (
    <span className={className} data-testid={testId} title={time}>
      <span className="simulated-clock__time">{time ? formatSimulatedTime(time) : '—'}</span>
      <span className="simulated-clock__tick">
        {' · tick '}
        <strong data-testid={tickTestId}>{tick ?? '—'}</strong>
      </span>
    </span>
  );
}

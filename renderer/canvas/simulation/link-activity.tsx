import { EdgeLabelRenderer } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { liveMetrics, useSimulationStore } from '../../simulation/simulation-store';

interface LinkActivityProps {
  linkId: string;
  /** The producer's port: `<nodeId>/<portId>`, whose quarantine marks the link. */
  sourcePort: string;
  path: string;
  labelX: number;
  labelY: number;
}

/** Records moving over a link while simulating: a running count, dots along the link, red when its port quarantines. */
export const LinkActivity = memo(function LinkActivity({
  linkId,
  sourcePort,
  path,
  labelX,
  labelY,
}: LinkActivityProps) {
  const activity = useSimulationStore(
    useShallow((state) => {
      const metrics = liveMetrics(state);
      const link = metrics?.links[linkId];
      if (!metrics || !link) return null;
      return {
        records: link.records,
        lastTick: link.recordsLastTick,
        quarantined: metrics.ports[sourcePort]?.quarantined ?? 0,
        lag: Object.values(metrics.consumers).find((consumer) => consumer.linkId === linkId)?.lag ?? 0,
        isRunning: state.status === 'running',
      };
    }),
  );
  if (!activity) return null;
  const { records, lastTick, quarantined, lag, isRunning } = activity;
  const dots = isRunning && lastTick > 0 ? Math.min(3, lastTick) : 0;
  return (
    <>
      {Array.from({ length: dots }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the dots are interchangeable
        <circle key={index} r={4} className="link-activity__dot">
          <animateMotion dur="1s" repeatCount="indefinite" path={path} begin={`${(index / dots).toFixed(2)}s`} />
        </circle>
      ))}
      <EdgeLabelRenderer>
        <div
          className={`link-activity${quarantined > 0 ? ' link-activity--violations' : ''}`}
          // Above the link's middle, where governance marks its badge.
          style={{ transform: `translate(-50%, -100%) translate(${labelX}px, ${labelY - 8}px)` }}
          data-testid={`link-count-${linkId}`}
          data-records={records}
          title={`${records} records over the link, ${lastTick} in the last tick${lag > 0 ? `; ${lag} waiting (lag)` : ''}${quarantined > 0 ? `; ${quarantined} quarantined at the producer's port` : ''}`}
        >
          {records.toLocaleString('en')}
          {lastTick > 0 && <span className="link-activity__delta">+{lastTick}</span>}
          {lag > 0 && <span className="link-activity__lag">lag {lag}</span>}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});

/** Whether the producer's port has quarantined records: the link is drawn as violating. */
export function useLinkViolation(sourcePort: string): boolean {
  return useSimulationStore((state) => (liveMetrics(state)?.ports[sourcePort]?.quarantined ?? 0) > 0);
}

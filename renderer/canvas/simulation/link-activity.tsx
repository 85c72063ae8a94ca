import { EdgeLabelRenderer, useStore } from '@xyflow/react';
import { memo, useLayoutEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Point } from '../../../shared/editing/geometry';
import { counted } from '../../../shared/model/word-list';
import { liveMetrics, useSimulationStore } from '../../simulation/simulation-store';
import { LABEL_GAP } from '../link-label-places';
import { middleOfLink } from '../link-route';
import { selectDomainBoxes, selectNodeBodies } from '../node-bodies';
import { setCountLabel, useCountLabelPlace } from './link-count-places';

/** The size of a count label (11px text, see simulation.css) before it is drawn, estimated from its characters. */
const CHARACTER_WIDTH = 7;
const LABEL_PADDING = 16;
const LABEL_HEIGHT = 18;

interface LinkActivityProps {
  linkId: string;
  /** The producer's port: `<nodeId>/<portId>`, whose quarantine marks the link. */
  sourcePort: string;
  path: string;
  /** The link's corners: its count goes by the consumer's end, clear of node bodies. */
  points: readonly Point[];
}

/** Records moving over a link while simulating: a running count, dots along the link, red when its port quarantines. */
export const LinkActivity = memo(function LinkActivity({ linkId, sourcePort, path, points }: LinkActivityProps) {
  const activity = useSimulationStore(
    useShallow((state) => {
      const metrics = liveMetrics(state);
      const link = metrics?.links[linkId];
      if (!metrics || !link) return null;
      const consumer = Object.values(metrics.consumers).find((candidate) => candidate.linkId === linkId);
      return {
        records: link.records,
        lastTick: link.recordsLastTick,
        quarantined: metrics.ports[sourcePort]?.quarantined ?? 0,
        lag: consumer?.lag ?? 0,
        lost: consumer?.lost ?? 0,
        compacted: consumer?.compacted ?? 0,
        staleKeys: consumer?.staleKeys ?? 0,
        skipped: consumer?.skipped ?? 0,
        isRunning: state.status === 'running',
      };
    }),
  );
  if (!activity) return null;
  const { isRunning, ...counts } = activity;
  const dots = isRunning && counts.lastTick > 0 ? Math.min(3, counts.lastTick) : 0;
  return (
    <>
      {Array.from({ length: dots }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the dots are interchangeable
        <circle key={index} r={4} className="link-activity__dot">
          <animateMotion dur="1s" repeatCount="indefinite" path={path} begin={`${(index / dots).toFixed(2)}s`} />
        </circle>
      ))}
      <LinkCount linkId={linkId} points={points} {...counts} />
    </>
  );
});

interface LinkCountProps {
  linkId: string;
  points: readonly Point[];
  records: number;
  lastTick: number;
  quarantined: number;
  lag: number;
  /** Records retention removed before the consumer read them. */
  lost: number;
  /** Records compaction removed before the consumer read them: records of keys a later record replaced. */
  compacted: number;
  /** Keys the consumer holds as an older change: compaction removed a newer one it did not read. */
  staleKeys: number;
  /** Changes the consumer read but did not apply: redelivered, or older than their key's. */
  skipped: number;
}

/**
 * A link's running count, on its route clear of node bodies and of the other links' counts (all
 * placed together, by their drawn sizes). Only a link with activity follows where the nodes are:
 * the canvas's other links do not re-render when a node moves.
 */
function LinkCount({
  linkId,
  points,
  records,
  lastTick,
  quarantined,
  lag,
  lost,
  compacted,
  staleKeys,
  skipped,
}: LinkCountProps) {
  const bodies = useStore(selectNodeBodies);
  const domains = useStore(selectDomainBoxes);
  const text = countText(records, lastTick, lag, lost, compacted, staleKeys, skipped);
  const label = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const drawn = label.current;
    const size =
      drawn && drawn.offsetWidth > 0
        ? { width: drawn.offsetWidth, height: drawn.offsetHeight }
        : { width: text.length * CHARACTER_WIDTH + LABEL_PADDING, height: LABEL_HEIGHT };
    setCountLabel(linkId, { linkId, points, size });
  }, [linkId, points, text]);
  useLayoutEffect(() => () => setCountLabel(linkId, undefined), [linkId]);
  const placed = useCountLabelPlace(linkId, bodies, domains);
  // Drawn unseen until placed, so that it can be measured first.
  const place = placed ?? middleOfLink(points);
  return (
    <EdgeLabelRenderer>
      <div
        className={`link-activity${quarantined > 0 ? ' link-activity--violations' : ''}`}
        ref={label}
        style={{
          transform: `translate(-50%, -100%) translate(${place.x}px, ${place.y - LABEL_GAP}px)`,
          visibility: placed ? undefined : 'hidden',
        }}
        data-testid={`link-count-${linkId}`}
        data-records={records}
        title={`${records} records over the link, ${lastTick} in the last tick${lag > 0 ? `; ${lag} waiting (lag)` : ''}${lost > 0 ? `; ${lost} lost: retention removed them before the consumer read them` : ''}${compacted > 0 ? `; ${compacted} compacted away: compaction removed them before the consumer read them, a later record of each key replacing them` : ''}${staleKeys > 0 ? `; ${counted(staleKeys, 'key')} stale: compaction removed a newer change before the consumer read it and kept an older change sent after it out of order, held until a later change of the key` : ''}${skipped > 0 ? `; ${skipped} changes skipped: redelivered, or older than their key's` : ''}${quarantined > 0 ? `; ${quarantined} quarantined at the producer's port` : ''}`}
      >
        {records.toLocaleString('en')}
        {lastTick > 0 && <span className="link-activity__delta">+{lastTick}</span>}
        {lag > 0 && <span className="link-activity__lag">lag {lag}</span>}
        {lost > 0 && <span className="link-activity__lost">lost {lost}</span>}
        {compacted > 0 && <span className="link-activity__compacted">compacted {compacted}</span>}
        {staleKeys > 0 && <span className="link-activity__stale-keys">stale keys {staleKeys}</span>}
        {skipped > 0 && <span className="link-activity__skipped">skipped {skipped}</span>}
      </div>
    </EdgeLabelRenderer>
  );
}

/** What a count label reads, as it is drawn: `1,234 +5 lag 3 lost 2 compacted 4 stale keys 1 skipped 1`. */
function countText(
  records: number,
  lastTick: number,
  lag: number,
  lost: number,
  compacted: number,
  staleKeys: number,
  skipped: number,
): string {
  return [
    records.toLocaleString('en'),
    lastTick > 0 ? `+${lastTick}` : '',
    lag > 0 ? `lag ${lag}` : '',
    lost > 0 ? `lost ${lost}` : '',
    compacted > 0 ? `compacted ${compacted}` : '',
    staleKeys > 0 ? `stale keys ${staleKeys}` : '',
    skipped > 0 ? `skipped ${skipped}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Whether the producer's port has quarantined records: the link is drawn as violating. */
export function useLinkViolation(sourcePort: string): boolean {
  return useSimulationStore((state) => (liveMetrics(state)?.ports[sourcePort]?.quarantined ?? 0) > 0);
}

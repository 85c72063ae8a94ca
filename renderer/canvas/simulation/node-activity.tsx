import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { counted } from '../../../shared/model/word-list';
import { rowsPerZone, type Zone } from '../../../shared/simulation/run-catalog';
import { failingTransformations } from '../../simulation/problem-ticks';
import { useOfflineBackAt } from '../../simulation/run-faults';
import { liveMetrics, tracedNodeId, useSimulationStore } from '../../simulation/simulation-store';

const ZONE_LABELS: [Zone, string][] = [
  ['raw', 'raw'],
  ['events', 'events'],
  ['entities', 'entities'],
  ['history', 'history'],
  ['transformations', 'derived'],
];

/** A product while simulating: rows per zone, its consumers' lag, badges for being offline, failing transformations and quarantined records. */
export const ProductActivity = memo(function ProductActivity({ productId }: { productId: string }) {
  const activity = useSimulationStore(
    useShallow((state) => {
      const metrics = liveMetrics(state);
      const product = state.catalog?.products[productId];
      if (!metrics || !product) return null;
      const zones = rowsPerZone(product, metrics.tables[productId]);
      let lag = 0;
      for (const [key, consumer] of Object.entries(metrics.consumers)) {
        if (key.startsWith(`${productId}/`)) lag += consumer.lag;
      }
      let quarantined = 0;
      const rules: string[] = [];
      for (const port of product.ports) {
        const published = metrics.ports[`${productId}/${port.portId}`];
        quarantined += published?.quarantined ?? 0;
        for (const violation of published?.violations ?? []) {
          rules.push(
            `${port.name}: ${violation.count} × ${violation.rule}${violation.property ? ` ${violation.property}` : ''}`,
          );
        }
      }
      const failing = failingTransformations(metrics.errors, productId, metrics.tick).join('\n');
      return { ...zones, lag, quarantined, rules: rules.join('\n'), failing };
    }),
  );
  const isTraced = useSimulationStore((state) => tracedNodeId(state) === productId);
  const offlineBackAt = useOfflineBackAt(productId);
  if (!activity) return isTraced ? <span className="node-traced" /> : null;
  return (
    <div className="node-activity" data-testid={`activity-${productId}`}>
      {isTraced && <span className="node-traced" />}
      {ZONE_LABELS.filter(([zone]) => activity[zone] !== undefined).map(([zone, label]) => (
        <span key={zone} className="node-activity__zone" data-zone={zone}>
          {label} <strong>{activity[zone]}</strong>
        </span>
      ))}
      {activity.lag > 0 && (
        <span className="node-activity__lag" title="Records waiting in the logs this product reads">
          lag <strong>{activity.lag}</strong>
        </span>
      )}
      {offlineBackAt !== undefined && (
        <span
          className="badge badge--off"
          data-testid={`offline-${productId}`}
          title={`A consumer-offline fault: it reads nothing until tick ${offlineBackAt}, then all it missed`}
        >
          offline · back at tick {offlineBackAt}
        </span>
      )}
      {activity.failing && (
        <span
          className="badge badge--failing"
          data-testid={`failing-${productId}`}
          title={`Failing at this tick:\n${activity.failing}`}
        >
          ✖ transformation failing
        </span>
      )}
      {activity.quarantined > 0 && (
        <span
          className="badge badge--quarantine"
          data-testid={`quarantine-${productId}`}
          title={`Records that broke their contract (rule and property):\n${activity.rules}`}
        >
          ⚠ {activity.quarantined} quarantined
        </span>
      )}
    </div>
  );
});

/** Published and quarantined records of one output port. */
export const PortActivity = memo(function PortActivity({ productId, portId }: { productId: string; portId: string }) {
  const port = useSimulationStore(useShallow((state) => liveMetrics(state)?.ports[`${productId}/${portId}`] ?? null));
  if (!port) return null;
  return (
    <span
      className={`port-activity${port.quarantined > 0 ? ' port-activity--violations' : ''}`}
      title={`${port.published} published, ${port.quarantined} quarantined`}
    >
      {port.published}
      {port.quarantined > 0 && ` ⚠${port.quarantined}`}
    </span>
  );
});

/** Rows of one of a system's tables while simulating. */
export const TableRows = memo(function TableRows({ systemId, table }: { systemId: string; table: string }) {
  const rows = useSimulationStore((state) => liveMetrics(state)?.tables[systemId]?.[table]);
  if (rows === undefined) return null;
  return (
    <span className="table-rows" data-testid={`rows-${systemId}-${table}`} title="Rows in the table now">
      {counted(rows, 'row')}
    </span>
  );
});

/** Marks the node of the trace's current stage. */
export const TracedMark = memo(function TracedMark({ nodeId }: { nodeId: string }) {
  const isTraced = useSimulationStore((state) => tracedNodeId(state) === nodeId);
  return isTraced ? <span className="node-traced" /> : null;
});

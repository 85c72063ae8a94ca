import type { ConsumerMetrics } from '../../shared/simulation';
import { seriesLabel } from '../../shared/simulation/metrics-history';
import { useDocumentStore } from '../store/document-store';
import { useSimulationStore } from './simulation-store';

const NONE: Record<string, ConsumerMetrics> = {};

/** The run's consumers, named as the metrics' legends and CSV name them. */
export function ConsumerOffsets() {
  const consumers = useSimulationStore((state) => state.metrics?.consumers ?? NONE);
  const mesh = useDocumentStore((state) => state.mesh);
  return <ConsumerOffsetTable consumers={consumers} label={(id) => (mesh ? seriesLabel(mesh, id) : id)} />;
}

/**
 * Every consumer as Kafka's consumer-group tool describes it, partition by partition: the next
 * offset it reads, the log's end, its lag, the records retention removed before it read them and
 * those compaction removed (records of keys a later record replaced); then a row for all its
 * partitions with the keys compaction left stale and the changes it read but skipped (redelivered,
 * or older than what their key has), which the consumer counts as a whole, not per partition.
 */
export function ConsumerOffsetTable({
  consumers,
  label,
}: {
  consumers: Record<string, ConsumerMetrics>;
  label: (consumerId: string) => string;
}) {
  const entries = Object.entries(consumers);
  if (entries.length === 0) return null;
  return (
    <section aria-label="Consumers" className="consumer-offsets">
      <h3 className="simulation-panel__title">Consumers</h3>
      <table>
        <thead>
          <tr>
            <th>consumer</th>
            <th>partition</th>
            <th>offset</th>
            <th>end</th>
            <th>lag</th>
            <th title="Records retention removed before the consumer read them">lost</th>
            <th title="Records compaction removed before the consumer read them: records of keys a later record replaced, which it read instead">
              compacted
            </th>
            <th title="Keys compaction left stale, all partitions together: compaction removed a key's newer change before the consumer read it and kept an older change sent after it out of order, which the consumer holds until a later change of the key">
              stale keys
            </th>
            <th title="Changes read but not applied, all partitions together: redelivered, or older than what their key already has">
              skipped
            </th>
          </tr>
        </thead>
        {entries.map(([id, consumer]) => (
          <tbody key={id} data-testid={`consumer-${id}`}>
            {consumer.partitions.map((partition, index) => (
              <tr key={partition.partition} className={partition.lost > 0 ? 'is-lost' : undefined}>
                {index === 0 && (
                  <th scope="rowgroup" rowSpan={consumer.partitions.length + 1}>
                    {label(id)}
                  </th>
                )}
                <td>{partition.partition}</td>
                <td>{partition.offset}</td>
                <td>{partition.end}</td>
                <td>{partition.lag}</td>
                <td className="consumer-offsets__lost">{partition.lost}</td>
                <td className="consumer-offsets__compacted">{partition.compacted}</td>
                <td />
                <td />
              </tr>
            ))}
            <tr className="consumer-offsets__total">
              <th scope="row">all</th>
              <td />
              <td />
              <td>{consumer.lag}</td>
              <td className="consumer-offsets__lost">{consumer.lost}</td>
              <td className="consumer-offsets__compacted">{consumer.compacted}</td>
              <td className="consumer-offsets__stale-keys">{consumer.staleKeys}</td>
              <td className="consumer-offsets__skipped">{consumer.skipped}</td>
            </tr>
          </tbody>
        ))}
      </table>
    </section>
  );
}

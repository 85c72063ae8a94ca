import type { ConsumerMetrics } from '../../shared/simulation';
import { useSimulationStore } from './simulation-store';
import { useProductName } from './use-product-name';

const NONE: Record<string, ConsumerMetrics> = {};

/**
 * Every consumer as Kafka's consumer-group tool describes it, partition by partition: the next
 * offset it reads, the log's end, its lag and the records retention removed before it read them;
 * and the changes it read but skipped (redelivered, or older than what their key has).
 */
export function ConsumerOffsets() {
  const consumers = useSimulationStore((state) => state.metrics?.consumers ?? NONE);
  const productName = useProductName();
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
            <th title="Changes read but not applied: redelivered, or older than what their key already has">skipped</th>
          </tr>
        </thead>
        {entries.map(([id, consumer]) => {
          const [productId = '', portId = id] = id.split('/');
          return (
            <tbody key={id} data-testid={`consumer-${id}`}>
              {consumer.partitions.map((partition, index) => (
                <tr key={partition.partition} className={partition.lost > 0 ? 'is-lost' : undefined}>
                  {index === 0 && (
                    <th scope="rowgroup" rowSpan={consumer.partitions.length}>
                      {productName(productId)} · <code>{portId}</code>
                    </th>
                  )}
                  <td>{partition.partition}</td>
                  <td>{partition.offset}</td>
                  <td>{partition.end}</td>
                  <td>{partition.lag}</td>
                  <td className="consumer-offsets__lost">{partition.lost}</td>
                  {index === 0 && <td rowSpan={consumer.partitions.length}>{consumer.skipped}</td>}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </section>
  );
}

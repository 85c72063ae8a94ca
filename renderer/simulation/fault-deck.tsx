import { useState } from 'react';
import type { Fault, Mesh, OperationalSystem, SystemTable, Topic } from '../../shared/model';
import { useDocumentStore } from '../store/document-store';
import { simulation } from './simulation-controller';
import { useSimulationStore } from './simulation-store';

interface TopicChoice {
  system: OperationalSystem;
  topic: Topic;
  /** The captured table, for a CDC topic. */
  table?: SystemTable;
}

function topicsOf(mesh: Mesh): TopicChoice[] {
  return mesh.systems.flatMap((system) =>
    system.messaging.topics.map((topic) => {
      const source = topic.source;
      const table =
        source.kind === 'cdc' ? system.database.tables.find((candidate) => candidate.name === source.table) : undefined;
      return table ? { system, topic, table } : { system, topic };
    }),
  );
}

const KINDS: { kind: Fault['kind']; title: string; effect: string }[] = [
  {
    kind: 'consumer-offline',
    title: 'A consumer goes offline',
    effect: 'Its lag grows on the canvas, then it catches up.',
  },
  {
    kind: 'redeliver',
    title: 'Redelivery of the last records',
    effect: 'The link count jumps; raw zones keep duplicates, clean tables do not.',
  },
  {
    kind: 'null-field',
    title: 'A null in a required field',
    effect: 'The contract check quarantines the record: the badge lights up.',
  },
  { kind: 'out-of-order', title: 'An out-of-order burst', effect: 'The last records arrive again, newest first.' },
  {
    kind: 'rename-column',
    title: 'A column renamed at the source',
    effect: 'Records lose the old name; the contract check catches it.',
  },
];

/** Faults a facilitator fires during the run; each takes effect at the next tick. */
export function FaultDeck() {
  const mesh = useDocumentStore((state) => state.mesh);
  const fired = useSimulationStore((state) => state.firedFaults);
  const tick = useSimulationStore((state) => state.metrics?.tick ?? 0);
  if (!mesh) return null;
  return (
    <section className="fault-deck" aria-label="Fault deck">
      <p className="simulation-panel__hint">
        Each fault fires at the next tick (now {tick + 1}) of this run; reset forgets it. Scenario faults go in the
        Scenario tab.
      </p>
      <ul className="fault-deck__cards">
        {KINDS.map((card) => (
          <li key={card.kind}>
            <FaultCard mesh={mesh} {...card} nextTick={tick + 1} />
          </li>
        ))}
      </ul>
      {fired.length > 0 && (
        <>
          <h3 className="simulation-panel__title">Fired in this run</h3>
          <ul className="fault-deck__fired" data-testid="fired-faults">
            {fired.map((fault, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fired faults are an append-only log
              <li key={index}>
                tick {fault.tick}: {fault.kind} {'topicId' in fault ? fault.topicId : fault.productId}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function FaultCard({
  mesh,
  kind,
  title,
  effect,
  nextTick,
}: {
  mesh: Mesh;
  kind: Fault['kind'];
  title: string;
  effect: string;
  nextTick: number;
}) {
  const topics = topicsOf(mesh).filter((choice) =>
    kind === 'null-field' || kind === 'rename-column' ? choice.table : true,
  );
  const [topicKey, setTopicKey] = useState(() => `${topics[0]?.system.id}/${topics[0]?.topic.id}`);
  const chosen = topics.find((choice) => `${choice.system.id}/${choice.topic.id}` === topicKey) ?? topics[0];
  const columns = chosen?.table?.columns.filter((column) => !chosen.table?.primaryKey.includes(column.name)) ?? [];
  const [column, setColumn] = useState('');
  const [productId, setProductId] = useState(mesh.products[0]?.id ?? '');
  const [count, setCount] = useState(kind === 'consumer-offline' ? 5 : 3);
  const [busy, setBusy] = useState(false);
  const columnName = columns.some((candidate) => candidate.name === column) ? column : (columns[0]?.name ?? '');

  const fault = (): Fault | undefined => {
    if (kind === 'consumer-offline') return { kind, tick: nextTick, productId, ticks: count };
    if (!chosen) return undefined;
    const at = { tick: nextTick, systemId: chosen.system.id, topicId: chosen.topic.id };
    if (kind === 'redeliver') return { kind, ...at, records: count };
    if (kind === 'out-of-order') return { kind, ...at, records: Math.max(2, count) };
    if (kind === 'null-field') return { kind, ...at, column: columnName };
    return { kind, ...at, column: columnName, renamedTo: `${columnName}_v2` };
  };

  return (
    <article className="fault-card" data-testid={`fault-${kind}`}>
      <h4>{title}</h4>
      <p>{effect}</p>
      <div className="fault-card__fields">
        {kind === 'consumer-offline' ? (
          <label>
            Product
            <select value={productId} onChange={(event) => setProductId(event.target.value)}>
              {mesh.products.map((product) => (
                <option key={product.id} value={product.id}>
                  {product.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            Topic
            <select value={topicKey} onChange={(event) => setTopicKey(event.target.value)}>
              {topics.map((choice) => (
                <option key={`${choice.system.id}/${choice.topic.id}`} value={`${choice.system.id}/${choice.topic.id}`}>
                  {choice.topic.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {(kind === 'null-field' || kind === 'rename-column') && (
          <label>
            Column
            <select value={columnName} onChange={(event) => setColumn(event.target.value)}>
              {columns.map((candidate) => (
                <option key={candidate.name}>{candidate.name}</option>
              ))}
            </select>
          </label>
        )}
        {(kind === 'consumer-offline' || kind === 'redeliver' || kind === 'out-of-order') && (
          <label>
            {kind === 'consumer-offline' ? 'Ticks' : 'Records'}
            <input
              type="number"
              min={kind === 'out-of-order' ? 2 : 1}
              value={count}
              onChange={(event) => setCount(Math.max(1, Math.trunc(Number(event.target.value))))}
            />
          </label>
        )}
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={async () => {
            const chosenFault = fault();
            if (!chosenFault) return;
            setBusy(true);
            await simulation.fire(chosenFault);
            setBusy(false);
          }}
        >
          Fire
        </button>
      </div>
    </article>
  );
}

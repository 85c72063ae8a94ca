import type { Fault, FaultKind, Mesh } from '../../shared/model';
import {
  cardRefusal,
  columnChoices,
  defaultCount,
  FAULT_CARDS,
  type FaultSettings,
  faultEffect,
  faultsFiredSoFar,
  firedFaultLabel,
  firedFaultOutcome,
  topicChoices,
} from '../../shared/simulation/fault-deck';
import { useDocumentStore } from '../store/document-store';
import { FaultCountField } from './fault-count-field';
import { runningScenario, scheduledFaults, useRunResends } from './run-faults';
import { simulation } from './simulation-controller';
import { setSimulation, useSimulationStore } from './simulation-store';

/** Faults a facilitator fires during the run; each takes effect at the next tick (keys 1–5 in presenter mode). */
export function FaultDeck() {
  const mesh = useDocumentStore((state) => state.mesh);
  const fromDeck = useSimulationStore((state) => state.firedFaults);
  const scheduled = useSimulationStore(scheduledFaults);
  const timing = useSimulationStore(runningScenario);
  const ranTick = useSimulationStore((state) => state.metrics?.tick);
  const resends = useRunResends();
  if (!mesh) return null;
  const tick = ranTick ?? 0;
  const fired = faultsFiredSoFar(scheduled, fromDeck, ranTick ?? -1);
  return (
    <section className="fault-deck" aria-label="Fault deck">
      <p className="simulation-panel__hint">
        Each fault fires at the next tick (now {tick + 1}) of this run; reset forgets it. In presenter mode, keys 1–5
        fire the cards as set here. Scenario faults go in the Scenario tab.
      </p>
      <ol className="fault-deck__cards">
        {FAULT_CARDS.map((card) => (
          <li key={card.kind}>
            <FaultCard mesh={mesh} kind={card.kind} title={card.title} runFaults={[...scheduled, ...fromDeck]} />
          </li>
        ))}
      </ol>
      {fired.length > 0 && (
        <>
          <h3 className="simulation-panel__title">Fired in this run</h3>
          <ul className="fault-deck__fired" data-testid="fired-faults">
            {fired.map(({ fault, source, isPending }, index) => {
              const outcome = timing && firedFaultOutcome(mesh, fault, timing, resends.get(fault));
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: fired faults only grow while the run lasts
                <li key={index}>
                  tick {fault.tick}: {firedFaultLabel(mesh, fault, resends.get(fault))}
                  {source === 'scenario' && ' (scenario)'}
                  {isPending && ` (pending: fires at tick ${fault.tick} when you step on)`}
                  {outcome && ` — ${outcome}`}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

/** A card of the deck; `runFaults` are the run's faults (the scenario's and the deck's), whose renames a rename avoids. */
function FaultCard({
  mesh,
  kind,
  title,
  runFaults,
}: {
  mesh: Mesh;
  kind: FaultKind;
  title: string;
  runFaults: readonly Fault[];
}) {
  const settings = useSimulationStore((state) => state.faultSettings[kind]) ?? {};
  const change = (patch: FaultSettings) =>
    setSimulation({
      faultSettings: { ...useSimulationStore.getState().faultSettings, [kind]: { ...settings, ...patch } },
    });
  const topics = topicChoices(mesh, kind);
  const topic = topics.find((choice) => choice.key === settings.topic) ?? topics[0];
  const columns = columnChoices(mesh, kind, topic, runFaults);
  return (
    <article className="fault-card" data-testid={`fault-${kind}`}>
      <h4>{title}</h4>
      <p data-testid="fault-effect">{faultEffect(mesh, kind, settings, runFaults)}</p>
      <div className="fault-card__fields">
        {kind === 'consumer-offline' ? (
          <label>
            Product
            <select
              value={settings.productId ?? mesh.products[0]?.id}
              onChange={(event) => change({ productId: event.target.value })}
            >
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
            <select value={topic?.key} onChange={(event) => change({ topic: event.target.value })}>
              {topics.map((choice) => (
                <option key={choice.key} value={choice.key}>
                  {choice.topic.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {(kind === 'null-field' || kind === 'rename-column') && (
          <label>
            Column
            <select
              value={settings.column && columns.includes(settings.column) ? settings.column : columns[0]}
              onChange={(event) => change({ column: event.target.value })}
            >
              {columns.map((column) => (
                <option key={column}>{column}</option>
              ))}
            </select>
          </label>
        )}
        {(kind === 'consumer-offline' || kind === 'redeliver' || kind === 'out-of-order') && (
          <FaultCountField
            kind={kind}
            count={settings.count ?? defaultCount(kind)}
            refusedText={settings.refusedCount}
            onChange={change}
          />
        )}
        <button
          type="button"
          className="primary"
          disabled={cardRefusal(kind, settings) !== null}
          onClick={() => void simulation.fireCard(kind, 'button')}
        >
          Fire
        </button>
      </div>
    </article>
  );
}

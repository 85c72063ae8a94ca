// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageCard } from '../../../renderer/simulation/message-card';
import { useSimulationStore } from '../../../renderer/simulation/simulation-store';
import type { LogRecord, SimulationMetrics } from '../../../shared/simulation';
import { aScenario, aShopMesh, tickMillis } from './builders';

Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true);

const scenario = aScenario()
  .withFault({ kind: 'null-field', tick: 2, systemId: 'shop', topicId: 'items-cdc', column: 'name' })
  .build();

/** An update of item 1 on the items topic at `tick`, its name `name` after. */
function itemUpdate(tick: number, name: string | null): LogRecord {
  return {
    position: 5,
    partition: 0,
    offset: 4,
    timestamp: tickMillis(tick),
    key: { id: 1 },
    value: {
      before: { id: 1, name: 'lamp', price: 12 },
      after: { id: 1, name, price: 12 },
      source: { connector: 'postgresql', name: 'shop', txId: 3, lsn: 17, ts_ms: tickMillis(tick) },
      op: 'u',
      ts_ms: tickMillis(tick),
    },
  };
}

/** The notes the card of `message` on the items topic shows, with the run at tick 3. */
function cardNotes(message: LogRecord): (string | null)[] {
  useSimulationStore.setState({
    runMesh: { ...aShopMesh().build(), scenarios: [scenario] },
    scenarioId: scenario.id,
    metrics: { tick: 3 } as SimulationMetrics,
  });
  const container = document.createElement('div');
  const root = createRoot(container);
  act(() => root.render(<MessageCard log="shop/items-cdc" message={message} />));
  const notes = [...container.querySelectorAll('.message-card__note')].map((note) => note.textContent);
  act(() => root.unmount());
  return notes;
}

afterEach(() => useSimulationStore.setState(useSimulationStore.getInitialState()));

describe('the card of a record a null-field fault made', () => {
  it('says the fault injected it and the service wrote nothing', () => {
    expect(cardNotes(itemUpdate(2, null))).toEqual([
      "Injected by the null-field fault at tick 2: the service wrote nothing. It re-sends the row's last change record, an update (op u), with its transaction and log position, and name null.",
    ]);
  });

  it('says which change it re-sends: a create stays a create', () => {
    const update = itemUpdate(2, null);
    const create = { ...update, value: { ...(update.value as object), before: null, op: 'c' } };

    expect(cardNotes(create)).toEqual([
      "Injected by the null-field fault at tick 2: the service wrote nothing. It re-sends the row's last change record, a create (op c), with its transaction and log position, and name null.",
    ]);
  });

  it('says nothing of a fault on a service’s own update', () => {
    expect(cardNotes(itemUpdate(2, 'desk'))).toEqual([]);
    expect(cardNotes(itemUpdate(1, null))).toEqual([]);
  });
});

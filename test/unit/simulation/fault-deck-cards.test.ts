import { describe, expect, it } from 'vitest';
import type { Fault, Scenario } from '../../../shared/model';
import {
  columnChoices,
  faultEffect,
  faultFrom,
  faultsFiredSoFar,
  firedFaultOutcome,
  topicChoices,
} from '../../../shared/simulation/fault-deck';
import { checkScenario } from '../../../shared/simulation/scenario-check';
import { ecommerceSample } from './builders';

const mesh = ecommerceSample();
const workshop = mesh.scenarios[0] as Scenario;

describe('the fault deck’s cards', () => {
  it('aim a null or a rename only at CDC topics, and never at the key', () => {
    const cdc = topicChoices(mesh, 'null-field').map((choice) => choice.key);
    expect(cdc).toEqual([
      'orders-service/orders-cdc',
      'customers-service/customers-cdc',
      'shipping-service/shipments-cdc',
      // No product reads it: last.
      'orders-service/order-lines-cdc',
    ]);
    expect(topicChoices(mesh, 'redeliver').map((choice) => choice.key)).toContain('orders-service/order-placed-events');
    expect(columnChoices(mesh, 'null-field', topicChoices(mesh, 'null-field')[2], [])).not.toContain('customer_id');
  });

  it('offer the topics products read first, so that a fault fired with the first choice shows downstream', () => {
    const unread = {
      ...mesh,
      links: mesh.links.filter((link) => link.from.nodeId !== 'orders-service' || link.from.portId !== 'orders-cdc'),
    };
    expect(topicChoices(unread, 'null-field').map((choice) => choice.key)).toEqual([
      'customers-service/customers-cdc',
      'shipping-service/shipments-cdc',
      'orders-service/orders-cdc',
      'orders-service/order-lines-cdc',
    ]);
    expect(faultFrom(unread, 'redeliver', {}, 4, [])).toMatchObject({ topicId: 'order-placed-events' });
  });

  it('make the fault as set, at the given tick', () => {
    expect(faultFrom(mesh, 'null-field', { topic: 'customers-service/customers-cdc', column: 'email' }, 7, [])).toEqual(
      {
        kind: 'null-field',
        tick: 7,
        systemId: 'customers-service',
        topicId: 'customers-cdc',
        column: 'email',
      },
    );
    expect(
      faultFrom(mesh, 'rename-column', { topic: 'customers-service/customers-cdc', column: 'city' }, 2, []),
    ).toMatchObject({
      column: 'city',
      renamedTo: 'city_v2',
    });
    expect(faultFrom(mesh, 'out-of-order', { count: 1 }, 3, [])).toMatchObject({ topicId: 'orders-cdc', records: 2 });
  });

  it('rename to a name no rename of the run gave the table, the scenario’s or the deck’s, as the scenario checks require', () => {
    const cityTaken: Fault = {
      kind: 'rename-column',
      tick: 5,
      systemId: 'customers-service',
      topicId: 'customers-cdc',
      column: 'street',
      renamedTo: 'city_v2',
    };
    const firedFromDeck: Fault = { ...cityTaken, tick: 1, column: 'email', renamedTo: 'city_v3' };
    const settings = { topic: 'customers-service/customers-cdc', column: 'city' };

    expect(faultFrom(mesh, 'rename-column', settings, 2, [cityTaken, firedFromDeck])).toMatchObject({
      column: 'city',
      renamedTo: 'city_v4',
    });
    expect(faultEffect(mesh, 'rename-column', settings, [cityTaken])).toContain('calls customers.city city_v3:');
  });

  const cityByScenario: Fault = {
    kind: 'rename-column',
    tick: 2,
    systemId: 'customers-service',
    // As the canvas names the topic, which a scenario may.
    topicId: 'customers.public.customers',
    column: 'city',
    renamedTo: 'town',
  };

  it('offer no column a rename of the run renamed away, the scenario’s or the deck’s, so the rename fired passes the scenario checks', () => {
    const fullNameByDeck: Fault = {
      ...cityByScenario,
      tick: 3,
      topicId: 'customers-cdc',
      column: 'full_name',
      renamedTo: 'name',
    };
    const runFaults = [cityByScenario, fullNameByDeck];
    const settings = { topic: 'customers-service/customers-cdc', column: 'city' };
    const customers = topicChoices(mesh, 'rename-column').find((choice) => choice.key === settings.topic);

    const fired = faultFrom(mesh, 'rename-column', settings, 5, runFaults);
    expect(fired).toMatchObject({ column: 'email', renamedTo: 'email_v2' });
    const faults = [...runFaults, fired as Fault];
    expect(checkScenario(mesh, { ...workshop, faults }, 'scenarios[0]')).toEqual([]);
    expect(columnChoices(mesh, 'rename-column', customers, runFaults)).toEqual([
      'email',
      'street',
      'country',
      'updated_at',
    ]);
  });

  it('offer no null in a column a rename of the run renamed away, as the records no longer carry it', () => {
    const settings = { topic: 'customers-service/customers-cdc', column: 'city' };
    const customers = topicChoices(mesh, 'null-field').find((choice) => choice.key === settings.topic);

    expect(columnChoices(mesh, 'null-field', customers, [cityByScenario])).not.toContain('city');
    expect(faultFrom(mesh, 'null-field', settings, 5, [cityByScenario])).toMatchObject({ column: 'full_name' });
  });

  it('rename to a name another table’s rename took', () => {
    const ofOrders: Fault = {
      kind: 'rename-column',
      tick: 1,
      systemId: 'orders-service',
      topicId: 'orders-cdc',
      column: 'status',
      renamedTo: 'city_v2',
    };
    expect(
      faultFrom(mesh, 'rename-column', { topic: 'customers-service/customers-cdc', column: 'city' }, 2, [ofOrders]),
    ).toMatchObject({ renamedTo: 'city_v2' });
  });

  it('fire the first choice where none was made', () => {
    expect(faultFrom(mesh, 'consumer-offline', {}, 4, [])).toEqual({
      kind: 'consumer-offline',
      tick: 4,
      productId: 'orders',
      ticks: 5,
    });
    expect(faultFrom(mesh, 'redeliver', {}, 4, [])).toEqual({
      kind: 'redeliver',
      tick: 4,
      systemId: 'orders-service',
      topicId: 'orders-cdc',
      records: 3,
    });
  });

  it('say what a null or a rename does to the record it aims at, and the rule that catches it', () => {
    expect(faultEffect(mesh, 'null-field', { topic: 'orders-service/orders-cdc', column: 'total' }, [])).toBe(
      'A record with orders.total = null is published on orders.public.orders, as a faulty producer would (the table itself keeps its value); a consumer whose contract requires total quarantines it (rule required, property total), and its badge lights up.',
    );
    expect(faultEffect(mesh, 'rename-column', { topic: 'customers-service/customers-cdc', column: 'email' }, [])).toBe(
      'From the next tick the source calls customers.email email_v2: each change on customers.public.customers carries email_v2 and no email; a consumer whose contract requires email quarantines each one (rule required, property email), and its badge lights up.',
    );
    expect(faultEffect(mesh, 'redeliver', {}, [])).toBe(
      'The link count jumps; raw zones keep duplicates, clean tables do not.',
    );
  });

  it('say so when no consumer’s contract requires the column a null hits: nothing is quarantined', () => {
    expect(faultEffect(mesh, 'null-field', { topic: 'customers-service/customers-cdc', column: 'street' }, [])).toBe(
      'A record with customers.street = null is published on customers.public.customers, as a faulty producer would (the table itself keeps its value); no contract of a consumer of customers.public.customers requires street, so nothing is quarantined and no badge lights up.',
    );
  });
});

describe('a fired fault in the list of this run', () => {
  const nulled = (column: string) =>
    faultFrom(mesh, 'null-field', { topic: 'customers-service/customers-cdc', column }, 3, []) as Fault;

  it('says the column is nulled in the change record that reaches the topic, and that no contract checks it', () => {
    expect(firedFaultOutcome(mesh, nulled('street'), workshop)).toBe(
      'street is nulled in a change record that reaches customers.public.customers at tick 3; no consumer’s contract requires street, so nothing is quarantined.',
    );
  });

  it('names the contract whose check quarantines it when consumed where one requires the column', () => {
    expect(firedFaultOutcome(mesh, nulled('email'), workshop)).toBe(
      'email is nulled in a change record that reaches customers.public.customers at tick 3; the contract check of customers (customer) quarantines it when consumed.',
    );
  });

  it('says how long a consumer the card took offline stays away', () => {
    expect(firedFaultOutcome(mesh, faultFrom(mesh, 'consumer-offline', {}, 2, []) as Fault, workshop)).toBe(
      'offline for 5 ticks, back at tick 7.',
    );
  });
});

describe('the faults fired so far in a run', () => {
  const at = (tick: number) => faultFrom(mesh, 'redeliver', {}, tick, []) as Fault;

  it('lists the scenario’s faults whose tick has come beside the deck’s, by tick, saying where each came from', () => {
    const scheduled = [at(5), at(2), at(9)];
    const fromDeck = [at(3), at(6)];
    expect(faultsFiredSoFar(scheduled, fromDeck, 5).map(({ fault, source }) => [fault.tick, source])).toEqual([
      [2, 'scenario'],
      [3, 'deck'],
      [5, 'scenario'],
      [6, 'deck'],
    ]);
  });

  it('marks a deck fault whose tick the run has not reached as pending', () => {
    expect(faultsFiredSoFar([], [at(3), at(4)], 3).map(({ fault, isPending }) => [fault.tick, isPending])).toEqual([
      [3, false],
      [4, true],
    ]);
  });

  it('lists no scenario fault before the first tick has run', () => {
    expect(faultsFiredSoFar([at(0)], [], -1)).toEqual([]);
  });
});

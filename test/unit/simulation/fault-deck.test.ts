import { describe, expect, it } from 'vitest';
import type { Fault, Scenario } from '../../../shared/model';
import { faultTargetName } from '../../../shared/model/topic-references';
import { faultFrom, firedFaultLabel, firedFaultNote, firedFaultOutcome } from '../../../shared/simulation/fault-deck';
import { resendsOfRun } from '../../../shared/simulation/fault-resends';
import { readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { changeImages } from '../../../shared/simulation/record-shape';
import { aScenario, aShopMesh, ecommerceSample, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

const mesh = aShopMesh().build();
const threeItems = () =>
  aScenario()
    .withData('shop', 'items', 3, PREDICTABLE_ITEMS)
    .withRate('shop', 'items', { updates: 1, updateColumns: ['price'] });

describe('faults the fault deck fires', () => {
  it('sends the last records again newest first in an out-of-order burst', async () => {
    const simulation = await simulate(
      mesh,
      threeItems()
        .withFault({ kind: 'out-of-order', tick: 1, systemId: 'shop', topicId: 'items-cdc', records: 3 })
        .build(),
    );
    simulation.step(1);

    const raw = rowsOf(simulation, 'catalog', 'SELECT _op, after_id FROM raw_items_in ORDER BY _position');
    const [first, second, third, update, ...burst] = raw;

    expect([first, second, third]).toEqual([
      { _op: 'r', after_id: 1 },
      { _op: 'r', after_id: 2 },
      { _op: 'r', after_id: 3 },
    ]);
    expect(update?._op).toBe('u');
    // The burst repeats the last three records (the update, r3, r2) newest first.
    expect(burst).toEqual([update, third, second]);
  });

  it('quarantines a record that arrives with null in a required field', async () => {
    const simulation = await simulate(
      mesh,
      aScenario()
        .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
        .withFault({ kind: 'null-field', tick: 1, systemId: 'shop', topicId: 'items-cdc', column: 'name' })
        .build(),
    );
    const metrics = simulation.step(1);

    expect(metrics.ports['catalog/items-out']).toMatchObject({ published: 2, quarantined: 1 });
    expect(rowsOf(simulation, 'catalog', 'SELECT rule, property, record FROM quarantine')).toEqual([
      { rule: 'required', property: 'name', record: '{"id":2,"name":null,"price":9.5,"status":"new"}' },
    ]);
    // The source table keeps its value: only the record on the topic was broken.
    expect(rowsOf(simulation, 'shop', 'SELECT name FROM items WHERE id = 2')).toEqual([{ name: 'lamp' }]);
  });

  it('keeps the source block of the record a null-field fault copied, as a producer re-emitting it would: no new transaction', async () => {
    const simulation = await simulate(
      mesh,
      aScenario()
        .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 2 } })
        // Item 1's update is captured last: item 2's record is on the topic only, no longer in the change log.
        .at(1, 'shop', 'items', 'update', { values: { price: 8 }, where: { id: 1 } })
        .withFault({ kind: 'null-field', tick: 2, systemId: 'shop', topicId: 'items-cdc', column: 'name' })
        .build(),
    );
    simulation.step(2);
    const topic = planPipeline(mesh).logs.find((log) => log.table === 'shop/items-cdc');
    const read = topic && readMessages(simulation.query, topic, { limit: 2, key: '2' });
    const [made, copied] = read?.ok ? read.value.map((record) => changeImages(record.value)) : [];

    expect(made?.after).toMatchObject({ id: 2, name: null });
    expect(copied?.after).toMatchObject({ id: 2, name: 'lamp', price: 12 });
    expect(made?.source).toMatchObject({ txId: copied?.source.txId, lsn: copied?.source.lsn });
  });

  it('quarantines the same record when the fault names its topic as the canvas shows it', async () => {
    const simulation = await simulate(
      mesh,
      aScenario()
        .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
        .withFault({ kind: 'null-field', tick: 1, systemId: 'shop', topicId: 'shop.public.items', column: 'name' })
        .build(),
    );
    expect(simulation.step(1).ports['catalog/items-out']).toMatchObject({ published: 2, quarantined: 1 });
  });

  it('lists a redelivery by the records it sent, all the topic held when it asked for more', async () => {
    const redelivery = { kind: 'redeliver', tick: 1, systemId: 'shop', topicId: 'items-cdc', records: 1000 } as const;
    const simulation = await simulate(
      mesh,
      aScenario().withData('shop', 'items', 2, PREDICTABLE_ITEMS).withFault(redelivery).build(),
    );
    simulation.step(1);
    const { resent } = simulation.metrics();

    expect(resent).toEqual([
      {
        tick: 1,
        systemId: 'shop',
        topicId: 'items-cdc',
        kind: 'redeliver',
        sent: [
          { partition: 0, offset: 0, sentAgainAt: 2 },
          { partition: 0, offset: 1, sentAgainAt: 3 },
        ],
      },
    ]);
    const resending = resendsOfRun(mesh, [redelivery], resent).get(redelivery);
    expect(firedFaultLabel(mesh, redelivery, resending)).toBe(
      'redeliver 2 records (all the topic held; 1000 asked) of shop.public.items',
    );
    expect(firedFaultOutcome(mesh, redelivery, { tickMillis: 60_000 }, resending)).toBe(
      'sent 2 records (all the topic held; 1000 asked) of shop.public.items again at the end of tick 1, those tick 1 published included: the records first sent at partition 0, offsets 0, 1.',
    );
  });

  it('tells two redeliveries of one topic at one tick apart, each by the records it sent', async () => {
    // A facilitator fires a redelivery at the tick the scenario has one: the engine sends the scenario's first.
    const ofTwo = { kind: 'redeliver', tick: 1, systemId: 'shop', topicId: 'items-cdc', records: 2 } as const;
    const ofOne = { ...ofTwo, records: 1 };
    const simulation = await simulate(mesh, threeItems().withFault(ofTwo).withFault(ofOne).build());
    simulation.step(1);
    const resends = resendsOfRun(mesh, [ofTwo, ofOne], simulation.metrics().resent);

    expect(firedFaultLabel(mesh, ofTwo, resends.get(ofTwo))).toBe('redeliver 2 records of shop.public.items');
    expect(firedFaultLabel(mesh, ofOne, resends.get(ofOne))).toBe('redeliver 1 record of shop.public.items');
    expect(firedFaultOutcome(mesh, ofTwo, { tickMillis: 60_000 }, resends.get(ofTwo))).toBe(
      'sent 2 records of shop.public.items again at the end of tick 1, those tick 1 published included: the records first sent at partition 0, offsets 2, 3.',
    );
    // The last record then is the first one's copy of offset 3.
    expect(firedFaultOutcome(mesh, ofOne, { tickMillis: 60_000 }, resends.get(ofOne))).toBe(
      'sent 1 record of shop.public.items again at the end of tick 1, those tick 1 published included: the records first sent at partition 0, offset 3.',
    );
  });

  it('says, once its tick has run, which records a burst sent again, in the order it sent them', async () => {
    const burst = { kind: 'out-of-order', tick: 1, systemId: 'shop', topicId: 'items-cdc', records: 3 } as const;
    const simulation = await simulate(mesh, threeItems().withFault(burst).build());

    expect(firedFaultOutcome(mesh, burst, { tickMillis: 60_000 })).toBe(
      'the last 3 records on shop.public.items at the end of tick 1, those tick 1 published included, are sent again, newest first.',
    );
    simulation.step(1);
    const resendOf = (fault: Fault) => resendsOfRun(mesh, [fault], simulation.metrics().resent).get(fault);
    expect(firedFaultOutcome(mesh, burst, { tickMillis: 60_000 }, resendOf(burst))).toBe(
      'sent 3 records of shop.public.items again at the end of tick 1, those tick 1 published included, newest first: the records first sent at partition 0, offsets 3, 2, 1.',
    );
    // A scenario's fault may name its topic as the canvas shows it.
    const byName = { ...burst, topicId: 'shop.public.items' };
    expect(firedFaultOutcome(mesh, byName, { tickMillis: 60_000 }, resendOf(byName))).toMatch(/^sent 3 records/);
  });

  it('names the contract that quarantines a null when the fault names its topic as the canvas shows it', () => {
    const byName = {
      kind: 'null-field',
      tick: 1,
      systemId: 'shop',
      topicId: 'shop.public.items',
      column: 'name',
    } as const;

    expect(firedFaultOutcome(mesh, byName, { tickMillis: 60_000 })).toBe(
      'name is nulled in a change record that reaches shop.public.items at tick 1; the contract check of catalog (item) quarantines it when consumed.',
    );
  });

  it('names what a fired fault is aimed at as the canvas does', () => {
    expect(
      faultTargetName(mesh, { kind: 'null-field', tick: 1, systemId: 'shop', topicId: 'items-cdc', column: 'name' }),
    ).toBe('shop.public.items');
  });

  it('lists a null as quarantined when its record reaches the topic, a tick later behind a connector’s delay', async () => {
    const nulled = { kind: 'null-field', tick: 1, systemId: 'shop', topicId: 'items-cdc', column: 'name' } as const;
    const scenario = {
      ...aScenario().withData('shop', 'items', 2, PREDICTABLE_ITEMS).withFault(nulled).build(),
      connector: { delayMillis: 1500 },
    };
    const simulation = await simulate(mesh, scenario);

    // The record is written at tick 1 (09:01:00) and sent 1.5 s later: at tick 2, the first at or after 09:01:01.5.
    expect(simulation.step(1).ports['catalog/items-out']?.quarantined).toBe(0);
    expect(simulation.step(1).ports['catalog/items-out']?.quarantined).toBe(1);
    expect(firedFaultOutcome(mesh, nulled, scenario)).toBe(
      'name is nulled in a change record that reaches shop.public.items at tick 2; the contract check of catalog (item) quarantines it when consumed.',
    );
    expect(firedFaultOutcome(mesh, nulled, { ...scenario, connector: {} })).toContain('at tick 1;');
  });

  it('shows a renamed column under its new name only, and the consumer quarantines the record missing the old one', async () => {
    const simulation = await simulate(
      mesh,
      aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
        .at(2, 'shop', 'items', 'update', { values: { price: 15 }, where: { id: 1 } })
        .at(2, 'shop', 'items', 'insert', { values: { id: 2, name: 'chair', price: 25, status: 'new' } })
        .withFault({
          kind: 'rename-column',
          tick: 2,
          systemId: 'shop',
          topicId: 'items-cdc',
          column: 'name',
          renamedTo: 'title',
        })
        .build(),
      { recentMessages: 3 },
    );
    const before = simulation.step(1);
    const after = simulation.step(1);
    const [, renamedUpdate, renamedInsert] = after.logs['shop/items-cdc']?.recent ?? [];

    expect(before.ports['catalog/items-out']?.quarantined).toBe(0);
    const images = (message: typeof renamedUpdate) => {
      const { op, before, after } = (message?.value ?? {}) as Record<string, unknown>;
      return { op, before, after };
    };
    expect(images(renamedUpdate)).toEqual({
      op: 'u',
      before: { id: 1, title: 'lamp', price: 12, status: 'new' },
      after: { id: 1, title: 'lamp', price: 15, status: 'new' },
    });
    expect(images(renamedInsert)).toEqual({
      op: 'c',
      before: null,
      after: { id: 2, title: 'chair', price: 25, status: 'new' },
    });
    // Consumers know the column by its old name: for them it is missing, and the contract requires it.
    expect(
      rowsOf(simulation, 'catalog', 'SELECT after_name FROM raw_items_in ORDER BY _position DESC LIMIT 2'),
    ).toEqual([{ after_name: null }, { after_name: null }]);
    expect(after.ports['catalog/items-out']).toMatchObject({ quarantined: 2 });
    expect(
      after.ports['catalog/items-out']?.violations.map(({ rule, property, count }) => ({ rule, property, count })),
    ).toEqual([{ rule: 'required', property: 'name', count: 2 }]);
    // The raw zone keeps the renamed images whole: the SQL console says where the new name is.
    const renamedRead = simulation.query('catalog', 'SELECT after_title FROM raw_items_in');
    expect(renamedRead.ok ? [] : renamedRead.errors.map((error) => error.message)).toEqual([
      "no such column: after_title: a raw zone's columns follow the source table's names; a field renamed at the source is only in the record's row images: json_extract(_renamed_images, '$.after.title')",
    ]);
    expect(
      simulation.query(
        'catalog',
        "SELECT json_extract(_renamed_images, '$.after.title') AS title FROM raw_items_in WHERE _renamed_images IS NOT NULL",
      ),
    ).toMatchObject({ ok: true, value: { rows: [['lamp'], ['chair']] } });
  });

  it('lets lag grow while a product is offline, then catches up', async () => {
    const simulation = await simulate(
      mesh,
      aScenario()
        .withData('shop', 'items', 0, PREDICTABLE_ITEMS)
        .withRate('shop', 'items', { inserts: 2 })
        .withFault({ kind: 'consumer-offline', tick: 2, productId: 'catalog', ticks: 2 })
        .build(),
    );
    const lags = [1, 2, 3, 4].map(() => simulation.step(1).consumers['catalog/items-in']?.lag);
    const links = simulation.metrics().links;

    expect(lags).toEqual([0, 2, 4, 0]);
    expect(Object.values(links)[0]).toEqual({ records: 8, recordsLastTick: 6 });
  });

  it('injects a fault into a running simulation, and forgets it on reset', async () => {
    const simulation = await simulate(mesh, threeItems().build());
    simulation.step(2);

    expect(
      simulation.inject({ kind: 'redeliver', tick: 2, systemId: 'shop', topicId: 'items-cdc', records: 1 }),
    ).toEqual({
      ok: false,
      errors: [{ path: 'fault.tick', message: 'the run is already at tick 2; a fault fires at a later tick' }],
    });
    expect(simulation.inject({ kind: 'redeliver', tick: 3, systemId: 'shop', topicId: 'nope', records: 1 })).toEqual({
      ok: false,
      errors: [
        {
          path: 'fault.topicId',
          message: "no topic 'nope' in 'shop': name one of 'shop.public.items' (id 'items-cdc')",
        },
      ],
    });
    expect(
      simulation.inject({ kind: 'redeliver', tick: 3, systemId: 'shop', topicId: 'items-cdc', records: 2 }).ok,
    ).toBe(true);
    expect(simulation.step(1).links).toEqual({
      [Object.keys(simulation.metrics().links)[0] as string]: { records: 8, recordsLastTick: 3 },
    });

    simulation.reset();
    simulation.step(3);
    expect(Object.values(simulation.metrics().links)[0]?.records).toBe(6);
  });
});

describe('what presenter mode says of the fault a key fired', () => {
  const redelivery = { kind: 'redeliver', tick: 4, systemId: 'shop', topicId: 'items-cdc', records: 2 } as const;

  it('names the card, its target and the tick it takes effect at, before that tick has run', () => {
    expect(firedFaultNote(mesh, redelivery, 3)).toBe(
      'Key 2 fired “Redelivery of the last records” on shop.public.items: it takes effect at tick 4.',
    );
  });

  it('says it took effect once that tick has run, with what it did where that is known', () => {
    expect(firedFaultNote(mesh, redelivery, 4)).toBe(
      'Key 2 fired “Redelivery of the last records” on shop.public.items: it took effect at tick 4.',
    );
    const nulled = { kind: 'null-field', tick: 4, systemId: 'shop', topicId: 'items-cdc', column: 'name' } as const;
    expect(firedFaultNote(mesh, nulled, 5, { tickMillis: 60_000 })).toBe(
      'Key 3 fired “A null in a required field” on shop.public.items: it took effect at tick 4 — name is nulled in a change record that reaches shop.public.items at tick 4; the contract check of catalog (item) quarantines it when consumed.',
    );
    expect(firedFaultNote(mesh, { kind: 'consumer-offline', tick: 2, productId: 'catalog', ticks: 3 }, 1)).toBe(
      'Key 1 fired “A consumer goes offline” on catalog: it takes effect at tick 2.',
    );
  });

  it('says the Fire button fired a card fired from the Faults tab, not a key', () => {
    expect(
      firedFaultNote(
        mesh,
        { kind: 'consumer-offline', tick: 2, productId: 'catalog', ticks: 3 },
        6,
        undefined,
        'button',
      ),
    ).toBe('The Faults tab’s Fire button fired “A consumer goes offline” on catalog: it took effect at tick 2.');
  });
});

describe('who a fired rename is caught by', () => {
  it('names only the output ports whose data comes from the faulted topic, those that quarantine', async () => {
    const sample = ecommerceSample();
    const rename = {
      kind: 'rename-column',
      tick: 1,
      systemId: 'orders-service',
      topicId: 'orders-cdc',
      column: 'customer_id',
      renamedTo: 'customer_id_v2',
    } as const;
    const scenario = { ...(sample.scenarios[0] as Scenario), faults: [rename] };
    const simulation = await simulate(sample, scenario);
    const quarantined = (metrics: ReturnType<typeof simulation.step>) =>
      Object.entries(metrics.ports).flatMap(([port, counts]) => ((counts?.quarantined ?? 0) > 0 ? [port] : []));
    simulation.step(1);

    expect(quarantined(simulation.step(2))).toEqual(['orders/orders-out']);
    expect(firedFaultOutcome(sample, rename, scenario)).toBe(
      'customer_id is called customer_id_v2 in the change records that reach orders.public.orders from tick 1; the contract check of orders (order) quarantines each when consumed.',
    );
  });
});

describe('what Fired in this run says of a redelivery', () => {
  const redelivery = { kind: 'redeliver', tick: 2, systemId: 'shop', topicId: 'items-cdc', records: 2 } as const;

  it('names how many records it sends again, of which topic', () => {
    expect(firedFaultLabel(mesh, redelivery)).toBe('redeliver 2 records of shop.public.items');
    expect(firedFaultLabel(mesh, { ...redelivery, records: 1 })).toBe('redeliver 1 record of shop.public.items');
    expect(firedFaultLabel(mesh, { ...redelivery, kind: 'out-of-order', records: 3 })).toBe(
      'out-of-order 3 records of shop.public.items',
    );
    expect(
      firedFaultLabel(mesh, { kind: 'null-field', tick: 1, systemId: 'shop', topicId: 'items-cdc', column: 'name' }),
    ).toBe('null-field shop.public.items');
  });

  it('says the records sent again are the topic’s last, those its own tick published included, as the engine sends', async () => {
    const simulation = await simulate(mesh, threeItems().withFault(redelivery).build());
    simulation.step(2);
    const raw = rowsOf(simulation, 'catalog', 'SELECT _op, after_id, after_price FROM raw_items_in ORDER BY _position');
    const [tick1Update, tick2Update, ...again] = raw.slice(3);

    // Tick 2's own update is the newest of the two sent again.
    expect(again).toEqual([tick1Update, tick2Update]);
    expect(firedFaultOutcome(mesh, redelivery, { tickMillis: 60_000 })).toBe(
      'the last 2 records on shop.public.items at the end of tick 2, those tick 2 published included, are sent again.',
    );
  });
});

describe('the name a rename card gives its column', () => {
  it('is one the table does not have yet, as the database takes only such a name', () => {
    const shop = aShopMesh().build();
    const [system] = shop.systems;
    const [items] = system?.database.tables ?? [];
    if (!system || !items) throw new Error('the shop has a table');
    const withRenamedColumns = {
      ...shop,
      systems: [
        {
          ...system,
          database: {
            ...system.database,
            tables: [
              {
                ...items,
                columns: [
                  ...items.columns,
                  { name: 'name_v2', type: 'text', nullable: true },
                  { name: 'name_v3', type: 'text', nullable: true },
                ],
              },
            ],
          },
        },
      ],
    } as typeof shop;

    expect(faultFrom(withRenamedColumns, 'rename-column', { column: 'name' }, 3, [])).toMatchObject({
      column: 'name',
      renamedTo: 'name_v4',
    });
    expect(faultFrom(shop, 'rename-column', { column: 'name' }, 3, [])).toMatchObject({ renamedTo: 'name_v2' });
  });
});

import type { Mesh } from '../../../shared/model/mesh';
import type { Scenario } from '../../../shared/model/scenario';
import { aContract, aMesh, aProduct, aScenario, aSystem } from './builders';

export const FLEET = 'fleet-ops';

/**
 * A parcel network: parcels keyed by a TEXT code on a topic of four partitions, hub slots keyed by
 * two columns, parcel scans published through an outbox; a hub-load product joining slots with
 * parcels (a window per hub, totals per hub), and a dispatch product reading hub load (an entity
 * port) and scans (an event port).
 */
export function logisticsMesh(): Mesh {
  const fleet = aSystem(FLEET)
    .withTable('parcels', {
      parcel_code: 'text',
      hub_id: 'integer',
      weight_kg: 'real',
      label: 'json',
      status: 'text',
      fragile: 'boolean',
    })
    .withTable('hub_slots', { hub_id: 'integer', slot: 'text', parcel_code: 'text', temp_c: 'real' }, [
      'hub_id',
      'slot',
    ])
    .withCdcTopic('parcels-cdc', 'parcels', { tombstones: true, partitions: 4 })
    .withCdcTopic('slots-cdc', 'hub_slots', { tombstones: true, partitions: 3 })
    .withOutboxEvent('parcel-scanned', {
      name: 'ParcelScanned',
      table: 'parcels',
      contractId: 'parcel-scanned',
      on: ['insert', 'update'],
    });
  const parcel = aContract('parcel', 'entity', 'parcels')
    .withKey('parcel_code', 'string')
    .withProperty('hub_id', 'integer')
    .withProperty('weight_kg', 'number')
    .withProperty('label', 'object')
    .withProperty('status', 'string', { required: true, enum: ['created', 'sorted', 'loaded', 'delivered'] })
    .withProperty('fragile', 'boolean')
    .keepingHistory();
  const slot = aContract('slot', 'entity', 'hub_slots')
    .withKey('hub_id', 'integer')
    .withKey('slot', 'string')
    .withProperty('parcel_code', 'string')
    .withProperty('temp_c', 'number')
    .keepingHistory();
  const scanned = aContract('parcel-scanned', 'event', 'parcel_scanned')
    .withKey('event_id', 'string')
    .withProperty('parcel_code', 'string', { required: true })
    .withProperty('status', 'string')
    .withProperty('occurred_at', 'timestamp');
  const slotLoad = aContract('slot-load', 'entity', 'slot_load')
    .withKey('hub_id', 'integer')
    .withKey('slot', 'string')
    .withProperty('parcel_code', 'string')
    .withProperty('weight_kg', 'number')
    .withProperty('running_kg', 'number')
    .withProperty('slots_in_hub', 'integer');
  const hubTotal = aContract('hub-total', 'entity', 'hub_totals')
    .withKey('hub_id', 'integer')
    .withProperty('slots', 'integer')
    .withProperty('filled', 'integer')
    .withProperty('kg', 'number');
  const dispatch = aContract('dispatch', 'entity', 'dispatch')
    .withKey('hub_id', 'integer')
    .withProperty('kg', 'number')
    .withProperty('scans', 'integer');
  return aMesh()
    .with(
      fleet,
      aProduct('parcels').withInput('parcels-in').withOutput('parcels-out', 'parcel'),
      aProduct('hub-slots').withInput('slots-in').withOutput('slots-out', 'slot'),
      aProduct('scans').withInput('scans-in').withOutput('scans-out', 'parcel-scanned'),
      aProduct('hub-load', 'aggregate')
        .withInput('parcels-in')
        .withInput('slots-in')
        .withTransformation(
          'slot_load',
          `SELECT s.hub_id, s.slot, s.parcel_code, p.weight_kg,
  SUM(p.weight_kg) OVER (PARTITION BY s.hub_id ORDER BY s.slot) AS running_kg,
  COUNT(*) OVER (PARTITION BY s.hub_id) AS slots_in_hub
FROM hub_slots s LEFT JOIN parcels p ON p.parcel_code = s.parcel_code`,
        )
        .withTransformation(
          'hub_totals',
          `SELECT s.hub_id, COUNT(*) AS slots, COUNT(p.parcel_code) AS filled, TOTAL(p.weight_kg) AS kg
FROM hub_slots s LEFT JOIN parcels p ON p.parcel_code = s.parcel_code
GROUP BY s.hub_id`,
        )
        .withOutput('slot-load-out', 'slot-load')
        .withOutput('hub-totals-out', 'hub-total'),
      aProduct('dispatch', 'consumer-aligned')
        .withInput('totals-in')
        .withInput('scans-in')
        .withTransformation(
          'dispatch',
          `SELECT t.hub_id, t.kg, (SELECT count(*) FROM parcel_scanned) AS scans FROM hub_totals t`,
        )
        .withOutput('dispatch-out', 'dispatch'),
      parcel,
      slot,
      scanned,
      slotLoad,
      hubTotal,
      dispatch,
    )
    .withLink(`${FLEET}/parcels-cdc`, 'parcels/parcels-in')
    .withLink(`${FLEET}/slots-cdc`, 'hub-slots/slots-in')
    .withLink(`${FLEET}/parcel-scanned`, 'scans/scans-in')
    .withLink('parcels/parcels-out', 'hub-load/parcels-in')
    .withLink('hub-slots/slots-out', 'hub-load/slots-in')
    .withLink('hub-load/hub-totals-out', 'dispatch/totals-in')
    .withLink('scans/scans-out', 'dispatch/scans-in')
    .build();
}

/** Parcels and slots written by hand at tick 1, so every record can be written out. */
export function logisticsScenario(): Scenario {
  return aScenario()
    .at(1, FLEET, 'parcels', 'insert', {
      values: {
        parcel_code: 'P-1',
        hub_id: 1,
        weight_kg: 2.5,
        status: 'created',
        fragile: true,
        label: '{"to":"Zürich"}',
      },
    })
    .at(1, FLEET, 'parcels', 'insert', {
      values: { parcel_code: 'P-2', hub_id: 1, weight_kg: null, status: 'created', fragile: false },
    })
    .at(1, FLEET, 'parcels', 'insert', {
      values: { parcel_code: 'P-3', hub_id: 2, weight_kg: 10, status: 'created', fragile: false },
    })
    .at(1, FLEET, 'hub_slots', 'insert', { values: { hub_id: 1, slot: 'A', parcel_code: 'P-1', temp_c: 4.5 } })
    .at(1, FLEET, 'hub_slots', 'insert', { values: { hub_id: 1, slot: 'B', parcel_code: 'P-2' } })
    .at(1, FLEET, 'hub_slots', 'insert', { values: { hub_id: 2, slot: 'A', parcel_code: 'P-3' } })
    .at(1, FLEET, 'hub_slots', 'insert', { values: { hub_id: 2, slot: 'B' } })
    .build();
}
